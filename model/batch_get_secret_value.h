#ifndef SECRETSTAGE_MODEL_BATCH_GET_SECRET_VALUE_H_
#define SECRETSTAGE_MODEL_BATCH_GET_SECRET_VALUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/common.h"
#include "model/list_secrets.h"

namespace secretstage::model {

struct BatchGetSecretValueRequest {
  std::optional<std::vector<std::string>> secret_id_list;  // 1..20
  std::optional<std::vector<Filter>> filters;               // never both
  std::optional<int32_t> max_results;  // 1..20, only with filters
  std::optional<std::string> next_token;
};

// AWS `SecretValueEntry`.
struct SecretValueEntry {
  std::string arn;
  std::string name;
  std::string version_id;
  std::optional<std::string> secret_binary;
  std::optional<std::string> secret_string;
  std::vector<std::string> version_stages;
  Timestamp created_date;

  friend bool operator==(const SecretValueEntry&, const SecretValueEntry&) = default;
};

// AWS `APIErrorType`: one secret's failure inside a successful call.
struct APIErrorType {
  std::string secret_id;
  std::string error_code;  // the AWS exception name
  std::string message;

  friend bool operator==(const APIErrorType&, const APIErrorType&) = default;
};

struct BatchGetSecretValueResponse {
  std::vector<SecretValueEntry> secret_values;
  std::optional<std::string> next_token;
  std::vector<APIErrorType> errors;

  friend bool operator==(const BatchGetSecretValueResponse&,
                         const BatchGetSecretValueResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_BATCH_GET_SECRET_VALUE_H_
