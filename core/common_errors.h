// Internal: the AWS errors that several operations share, built once here
// so every operation uses the same text.
#ifndef SECRETSTAGE_CORE_COMMON_ERRORS_H_
#define SECRETSTAGE_CORE_COMMON_ERRORS_H_

#include <string_view>

#include "absl/status/status.h"

namespace secretstage::internal {

// ResourceNotFoundException "Secrets Manager can't find the specified secret."
absl::Status SecretNotFound();
// InvalidRequestException "You can't perform this operation on the secret
// because it was marked for deletion."
absl::Status MarkedForDeletion();
// ResourceNotFoundException "... secret value for VersionId: <id>"
absl::Status VersionIdNotFound(std::string_view version_id);
// ResourceNotFoundException "... secret value for staging label: <label>"
absl::Status StageNotFound(std::string_view label);
// InvalidRequestException "You can't perform this operation on secret
// version <id> because it was deleted."
absl::Status VersionPurged(std::string_view version_id);
// InvalidParameterException for a request carrying both values.
absl::Status BothValues();
// ResourceExistsException for a token already used with another value.
absl::Status TokenInUse(std::string_view token, std::string_view arn);
// InvalidNextTokenException "The NextToken value is invalid."
absl::Status InvalidNextToken();

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_COMMON_ERRORS_H_
