// The AWS exception names a Secrets Manager call can fail with.
#ifndef SECRETSTAGE_MODEL_ERROR_CODE_H_
#define SECRETSTAGE_MODEL_ERROR_CODE_H_

#include <optional>
#include <string_view>

namespace secretstage::model {

// One enumerator per AWS exception name; ErrorCodeName() gives the exact
// name AWS puts in `__type`.
enum class ErrorCode {
  kResourceNotFoundException,
  kInvalidParameterException,
  kInvalidRequestException,
  kResourceExistsException,
  kLimitExceededException,
  kValidationException,
  kEncryptionFailure,
  kDecryptionFailure,
  kInternalServiceError,
  kMalformedPolicyDocumentException,
  kPreconditionNotMetException,
  kInvalidNextTokenException,
  kAccessDeniedException,
  // Wire-level failures, raised by the protocol layer only.
  kSerializationException,
  kUnknownOperationException,
};

// The AWS exception name, e.g. "ResourceNotFoundException".
std::string_view ErrorCodeName(ErrorCode code);

// The inverse of ErrorCodeName(); nullopt for a name that is not an
// enumerator's name.
std::optional<ErrorCode> ErrorCodeFromName(std::string_view name);

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_ERROR_CODE_H_
