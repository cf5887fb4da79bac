#ifndef SECRETSTAGE_MODEL_UPDATE_SECRET_H_
#define SECRETSTAGE_MODEL_UPDATE_SECRET_H_

#include <optional>
#include <string>

namespace secretstage::model {

struct UpdateSecretRequest {
  std::string secret_id;
  std::optional<std::string> client_request_token;
  std::optional<std::string> description;
  std::optional<std::string> kms_key_id;
  std::optional<std::string> secret_binary;
  std::optional<std::string> secret_string;
};

struct UpdateSecretResponse {
  std::string arn;
  std::string name;
  // Present only when a value was given (a version was created, or the
  // token named an identical existing version).
  std::optional<std::string> version_id;

  friend bool operator==(const UpdateSecretResponse&,
                         const UpdateSecretResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_UPDATE_SECRET_H_
