// Internal: how a SecretId (name, full ARN or partial ARN) names a secret.
#ifndef SECRETSTAGE_CORE_SECRET_ID_H_
#define SECRETSTAGE_CORE_SECRET_ID_H_

#include <string_view>

#include "absl/status/statusor.h"

namespace secretstage::internal {

struct ParsedSecretId {
  // The secret name to look up.
  std::string_view name;
  // For a full ARN: the six characters after the name, which must match
  // the secret's ARN suffix. Empty for a name or a partial ARN.
  std::string_view arn_suffix;
};

// Splits `secret_id` per semantics.md §3 without allocating. An ARN outside
// `arn_prefix` ("arn:<partition>:secretsmanager:<region>:<account>:secret:")
// is ResourceNotFoundException; a non-ARN id with bad characters is
// ValidationException "Invalid name. ...".
absl::StatusOr<ParsedSecretId> ParseSecretId(std::string_view secret_id,
                                             std::string_view arn_prefix);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_SECRET_ID_H_
