// Internal: how a SecretId (name, full ARN or partial ARN) names a secret.
#ifndef SECRETSTAGE_CORE_SECRET_ID_H_
#define SECRETSTAGE_CORE_SECRET_ID_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "core/validation.h"

namespace secretstage::internal {

struct ParsedSecretId {
  // The secret name to look up.
  std::string_view name;
  // For a full ARN: the six characters after the name, which must match
  // the secret's ARN suffix. Empty for a name or a partial ARN.
  std::string_view arn_suffix;
  // An ARN outside this store's account/region/partition: it names no
  // secret here, so every lookup of it is ResourceNotFoundException. `name`
  // is then the part after ":secret:" without any -XXXXXX suffix (what a
  // forced DeleteSecret echoes).
  bool elsewhere = false;
};

// Splits `secret_id` per semantics.md §3 without allocating. A non-ARN id
// with bad characters is ValidationException "Invalid name. ...". An ARN
// outside `arn_prefix` ("arn:<partition>:secretsmanager:<region>:<account>:
// secret:") parses (elsewhere = true) and is not found at lookup, like any
// missing secret: after the request's own checks (semantics.md §8 checks
// request shape before existence).
absl::StatusOr<ParsedSecretId> ParseSecretId(std::string_view secret_id,
                                             std::string_view arn_prefix);
// As ParseSecretId, with the common case (a plain, valid name) inlined.
inline absl::StatusOr<ParsedSecretId> ParseSecretIdFast(
    std::string_view secret_id, std::string_view arn_prefix) {
  if ((secret_id.size() < 4 || secret_id.substr(0, 4) != "arn:") &&
      AllValidNameChars(secret_id)) {
    return ParsedSecretId{secret_id, {}};
  }
  return ParseSecretId(secret_id, arn_prefix);
}

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_SECRET_ID_H_
