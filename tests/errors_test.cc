// core/errors.h: AWS exception names travel as an absl::Status payload.
#include "core/errors.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "gtest/gtest.h"
#include "model/error_code.h"

namespace secretstage {
namespace {

using model::ErrorCode;

constexpr ErrorCode kAllCodes[] = {
    ErrorCode::kResourceNotFoundException,
    ErrorCode::kInvalidParameterException,
    ErrorCode::kInvalidRequestException,
    ErrorCode::kResourceExistsException,
    ErrorCode::kLimitExceededException,
    ErrorCode::kValidationException,
    ErrorCode::kEncryptionFailure,
    ErrorCode::kDecryptionFailure,
    ErrorCode::kInternalServiceError,
    ErrorCode::kMalformedPolicyDocumentException,
    ErrorCode::kPreconditionNotMetException,
    ErrorCode::kInvalidNextTokenException,
    ErrorCode::kAccessDeniedException,
    ErrorCode::kSerializationException,
    ErrorCode::kUnknownOperationException,
};

// errors.h AwsError / AwsErrorCode / AwsErrorName round trip, for every
// exception, keeping the exact message (including non-ASCII ’).
TEST(ErrorsTest, AwsErrorRoundTripsCodeNameAndMessage) {
  const std::string message =
      "You can only move staging label AWSCURRENT to a different secret "
      "version. It can\u2019t be completely removed.";
  for (ErrorCode code : kAllCodes) {
    const std::string name(model::ErrorCodeName(code));
    SCOPED_TRACE(name);
    const absl::Status s = AwsError(code, message);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(std::string(s.message()), message);
    EXPECT_EQ(AwsErrorCode(s), code);
    EXPECT_EQ(AwsErrorName(s), name);
    const auto payload = s.GetPayload(absl::string_view(
        kAwsExceptionPayload.data(), kAwsExceptionPayload.size()));
    ASSERT_TRUE(payload.has_value());
    EXPECT_EQ(std::string(*payload), name);
  }
}

// errors.h: "ResourceNotFound -> kNotFound, ResourceExists -> kAlreadyExists".
TEST(ErrorsTest, DocumentedAbslCodes) {
  EXPECT_EQ(AwsError(ErrorCode::kResourceNotFoundException, "m").code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(AwsError(ErrorCode::kResourceExistsException, "m").code(),
            absl::StatusCode::kAlreadyExists);
}

// errors.h / abseil status.h guidance: caller-input errors are
// kInvalidArgument or kFailedPrecondition, quotas kResourceExhausted, and
// server faults kInternal.
TEST(ErrorsTest, AbslCodesFollowAbseilGuidance) {
  EXPECT_EQ(AwsError(ErrorCode::kInvalidParameterException, "m").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(AwsError(ErrorCode::kValidationException, "m").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(AwsError(ErrorCode::kInvalidRequestException, "m").code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(AwsError(ErrorCode::kLimitExceededException, "m").code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(AwsError(ErrorCode::kInternalServiceError, "m").code(),
            absl::StatusCode::kInternal);
  EXPECT_EQ(AwsError(ErrorCode::kAccessDeniedException, "m").code(),
            absl::StatusCode::kPermissionDenied);
}

// errors.h: OK -> nullopt / "".
TEST(ErrorsTest, OkStatusHasNoAwsError) {
  EXPECT_EQ(AwsErrorCode(absl::OkStatus()), std::nullopt);
  EXPECT_EQ(AwsErrorName(absl::OkStatus()), "");
}

// errors.h: a non-OK Status without the payload is InternalServiceError.
TEST(ErrorsTest, StatusWithoutPayloadIsInternalServiceError) {
  const absl::Status s = absl::NotFoundError("plain");
  EXPECT_EQ(AwsErrorCode(s), ErrorCode::kInternalServiceError);
  EXPECT_EQ(AwsErrorName(s), "InternalServiceError");
}

// errors.h (inferred): a payload naming no known exception is treated like
// a missing one.
TEST(ErrorsTest, UnknownPayloadNameIsInternalServiceError) {
  absl::Status s = absl::InvalidArgumentError("m");
  s.SetPayload(absl::string_view(kAwsExceptionPayload.data(),
                                 kAwsExceptionPayload.size()),
               absl::Cord("NoSuchException"));
  EXPECT_EQ(AwsErrorCode(s), ErrorCode::kInternalServiceError);
}

// model/error_code.h: ErrorCodeFromName is the inverse of ErrorCodeName.
TEST(ErrorsTest, ErrorCodeNamesRoundTrip) {
  for (ErrorCode code : kAllCodes) {
    EXPECT_EQ(model::ErrorCodeFromName(model::ErrorCodeName(code)), code);
  }
  EXPECT_EQ(model::ErrorCodeFromName("resourcenotfoundexception"),
            std::nullopt);
  EXPECT_EQ(model::ErrorCodeFromName(""), std::nullopt);
  EXPECT_EQ(model::ErrorCodeName(ErrorCode::kResourceNotFoundException),
            "ResourceNotFoundException");
  EXPECT_EQ(model::ErrorCodeName(ErrorCode::kInvalidNextTokenException),
            "InvalidNextTokenException");
}

}  // namespace
}  // namespace secretstage
