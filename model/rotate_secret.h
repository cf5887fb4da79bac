#ifndef SECRETSTAGE_MODEL_ROTATE_SECRET_H_
#define SECRETSTAGE_MODEL_ROTATE_SECRET_H_

#include <optional>
#include <string>

#include "model/rotation_rules.h"

namespace secretstage::model {

struct RotateSecretRequest {
  std::string secret_id;
  // The VersionId of the new AWSPENDING version. Generated when absent by
  // the C++ API; required on the wire.
  std::optional<std::string> client_request_token;
  std::optional<std::string> rotation_lambda_arn;
  std::optional<RotationRules> rotation_rules;
  // Default true. False: only testSecret runs, on a temporary version.
  std::optional<bool> rotate_immediately;
};

struct RotateSecretResponse {
  std::string arn;
  std::string name;
  std::optional<std::string> version_id;

  friend bool operator==(const RotateSecretResponse&,
                         const RotateSecretResponse&) = default;
};

struct CancelRotateSecretRequest {
  std::string secret_id;
};

struct CancelRotateSecretResponse {
  std::string arn;
  std::string name;
  // The version created by the cancelled rotation, if one is pending.
  std::optional<std::string> version_id;

  friend bool operator==(const CancelRotateSecretResponse&,
                         const CancelRotateSecretResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_ROTATE_SECRET_H_
