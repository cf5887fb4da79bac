#include "model/error_code.h"

#include <array>
#include <utility>

namespace secretstage::model {
namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 15> kNames = {{
    {ErrorCode::kResourceNotFoundException, "ResourceNotFoundException"},
    {ErrorCode::kInvalidParameterException, "InvalidParameterException"},
    {ErrorCode::kInvalidRequestException, "InvalidRequestException"},
    {ErrorCode::kResourceExistsException, "ResourceExistsException"},
    {ErrorCode::kLimitExceededException, "LimitExceededException"},
    {ErrorCode::kValidationException, "ValidationException"},
    {ErrorCode::kEncryptionFailure, "EncryptionFailure"},
    {ErrorCode::kDecryptionFailure, "DecryptionFailure"},
    {ErrorCode::kInternalServiceError, "InternalServiceError"},
    {ErrorCode::kMalformedPolicyDocumentException,
     "MalformedPolicyDocumentException"},
    {ErrorCode::kPreconditionNotMetException, "PreconditionNotMetException"},
    {ErrorCode::kInvalidNextTokenException, "InvalidNextTokenException"},
    {ErrorCode::kAccessDeniedException, "AccessDeniedException"},
    {ErrorCode::kSerializationException, "SerializationException"},
    {ErrorCode::kUnknownOperationException, "UnknownOperationException"},
}};

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) {
  for (const auto& [c, name] : kNames) {
    if (c == code) return name;
  }
  return "InternalServiceError";
}

std::optional<ErrorCode> ErrorCodeFromName(std::string_view name) {
  for (const auto& [c, n] : kNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

}  // namespace secretstage::model
