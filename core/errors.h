// How AWS exceptions travel in an absl::Status.
#ifndef SECRETSTAGE_CORE_ERRORS_H_
#define SECRETSTAGE_CORE_ERRORS_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "model/error_code.h"

namespace secretstage {

// The payload type URL under which the AWS exception name is attached.
inline constexpr std::string_view kAwsExceptionPayload =
    "type.secretstage/aws-exception";

// A Status whose message is the exact AWS message and whose payload names
// the AWS exception. The absl code is chosen from the exception
// (ResourceNotFound -> kNotFound, ResourceExists -> kAlreadyExists, ...).
absl::Status AwsError(model::ErrorCode code, std::string_view message);

// The AWS exception a Status carries. A non-OK Status without the payload
// maps to InternalServiceError; an OK status to nullopt.
std::optional<model::ErrorCode> AwsErrorCode(const absl::Status& status);

// ErrorCodeName(AwsErrorCode(status)), or "" for OK.
std::string AwsErrorName(const absl::Status& status);

}  // namespace secretstage

#endif  // SECRETSTAGE_CORE_ERRORS_H_
