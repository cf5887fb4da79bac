#ifndef SECRETSTAGE_MODEL_GET_SECRET_VALUE_H_
#define SECRETSTAGE_MODEL_GET_SECRET_VALUE_H_

#include <optional>
#include <string>
#include <vector>

#include "model/common.h"

namespace secretstage::model {

struct GetSecretValueRequest {
  std::string secret_id;
  std::optional<std::string> version_id;
  // Neither id nor stage means AWSCURRENT.
  std::optional<std::string> version_stage;
};

struct GetSecretValueResponse {
  std::string arn;
  std::string name;
  std::string version_id;
  std::optional<std::string> secret_binary;
  std::optional<std::string> secret_string;
  // Empty for a deprecated (unlabelled) version read by id.
  std::vector<std::string> version_stages;
  Timestamp created_date;

  friend bool operator==(const GetSecretValueResponse&,
                         const GetSecretValueResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_GET_SECRET_VALUE_H_
