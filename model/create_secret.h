#ifndef SECRETSTAGE_MODEL_CREATE_SECRET_H_
#define SECRETSTAGE_MODEL_CREATE_SECRET_H_

#include <optional>
#include <string>
#include <vector>

#include "model/common.h"

namespace secretstage::model {

struct CreateSecretRequest {
  std::string name;
  // Becomes the first version's VersionId. The C++ API generates a UUID
  // when absent, as the AWS SDKs do; the wire layer requires it.
  std::optional<std::string> client_request_token;
  std::optional<std::string> description;
  std::optional<std::string> kms_key_id;
  // Raw bytes (base64 only on the wire). At most one of the two values.
  std::optional<std::string> secret_binary;
  std::optional<std::string> secret_string;
  std::vector<Tag> tags;
};

struct CreateSecretResponse {
  std::string arn;
  std::string name;
  // Present only when the call created a version (a value was given).
  std::optional<std::string> version_id;

  friend bool operator==(const CreateSecretResponse&,
                         const CreateSecretResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_CREATE_SECRET_H_
