#ifndef SECRETSTAGE_MODEL_RESTORE_SECRET_H_
#define SECRETSTAGE_MODEL_RESTORE_SECRET_H_

#include <string>

namespace secretstage::model {

struct RestoreSecretRequest {
  std::string secret_id;
};

struct RestoreSecretResponse {
  std::string arn;
  std::string name;

  friend bool operator==(const RestoreSecretResponse&,
                         const RestoreSecretResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_RESTORE_SECRET_H_
