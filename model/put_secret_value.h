#ifndef SECRETSTAGE_MODEL_PUT_SECRET_VALUE_H_
#define SECRETSTAGE_MODEL_PUT_SECRET_VALUE_H_

#include <optional>
#include <string>
#include <vector>

namespace secretstage::model {

struct PutSecretValueRequest {
  std::string secret_id;
  std::optional<std::string> client_request_token;
  std::optional<std::string> secret_binary;
  std::optional<std::string> secret_string;
  // Absent means ["AWSCURRENT"].
  std::optional<std::vector<std::string>> version_stages;
  // Accepted and validated; the fake has no rotation tokens to check it
  // against.
  std::optional<std::string> rotation_token;
};

struct PutSecretValueResponse {
  std::string arn;
  std::string name;
  std::string version_id;
  // The labels now attached to the version.
  std::vector<std::string> version_stages;

  friend bool operator==(const PutSecretValueResponse&,
                         const PutSecretValueResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_PUT_SECRET_VALUE_H_
