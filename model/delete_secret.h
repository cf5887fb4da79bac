#ifndef SECRETSTAGE_MODEL_DELETE_SECRET_H_
#define SECRETSTAGE_MODEL_DELETE_SECRET_H_

#include <cstdint>
#include <optional>
#include <string>

#include "model/common.h"

namespace secretstage::model {

struct DeleteSecretRequest {
  std::string secret_id;
  std::optional<int64_t> recovery_window_in_days;  // 7..30, default 30
  std::optional<bool> force_delete_without_recovery;
};

struct DeleteSecretResponse {
  std::string arn;
  std::string name;
  Timestamp deletion_date;

  friend bool operator==(const DeleteSecretResponse&,
                         const DeleteSecretResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_DELETE_SECRET_H_
