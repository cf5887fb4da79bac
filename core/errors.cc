#include "core/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/string_view.h"

namespace secretstage {
namespace {

absl::StatusCode CodeFor(model::ErrorCode code) {
  using model::ErrorCode;
  switch (code) {
    case ErrorCode::kResourceNotFoundException:
      return absl::StatusCode::kNotFound;
    case ErrorCode::kResourceExistsException:
      return absl::StatusCode::kAlreadyExists;
    case ErrorCode::kInvalidRequestException:
    case ErrorCode::kPreconditionNotMetException:
      return absl::StatusCode::kFailedPrecondition;
    case ErrorCode::kLimitExceededException:
      return absl::StatusCode::kResourceExhausted;
    case ErrorCode::kAccessDeniedException:
      return absl::StatusCode::kPermissionDenied;
    case ErrorCode::kInternalServiceError:
    case ErrorCode::kEncryptionFailure:
    case ErrorCode::kDecryptionFailure:
      return absl::StatusCode::kInternal;
    case ErrorCode::kUnknownOperationException:
      return absl::StatusCode::kUnimplemented;
    case ErrorCode::kInvalidParameterException:
    case ErrorCode::kValidationException:
    case ErrorCode::kMalformedPolicyDocumentException:
    case ErrorCode::kInvalidNextTokenException:
    case ErrorCode::kSerializationException:
      return absl::StatusCode::kInvalidArgument;
  }
  return absl::StatusCode::kInternal;
}

}  // namespace

absl::Status AwsError(model::ErrorCode code, std::string_view message) {
  absl::Status status(CodeFor(code),
                      absl::string_view(message.data(), message.size()));
  const std::string_view name = model::ErrorCodeName(code);
  status.SetPayload(
      absl::string_view(kAwsExceptionPayload.data(), kAwsExceptionPayload.size()),
      absl::Cord(absl::string_view(name.data(), name.size())));
  return status;
}

std::optional<model::ErrorCode> AwsErrorCode(const absl::Status& status) {
  if (status.ok()) return std::nullopt;
  const auto payload = status.GetPayload(
      absl::string_view(kAwsExceptionPayload.data(), kAwsExceptionPayload.size()));
  if (!payload) return model::ErrorCode::kInternalServiceError;
  const std::string name(*payload);
  return model::ErrorCodeFromName(name).value_or(
      model::ErrorCode::kInternalServiceError);
}

std::string AwsErrorName(const absl::Status& status) {
  const std::optional<model::ErrorCode> code = AwsErrorCode(status);
  if (!code) return "";
  return std::string(model::ErrorCodeName(*code));
}

}  // namespace secretstage
