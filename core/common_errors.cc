#include "core/common_errors.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/absl_compat.h"
#include "core/errors.h"

namespace secretstage::internal {
namespace {
using model::ErrorCode;
}  // namespace

absl::Status SecretNotFound() {
  return AwsError(ErrorCode::kResourceNotFoundException,
                  "Secrets Manager can't find the specified secret.");
}

absl::Status MarkedForDeletion() {
  return AwsError(ErrorCode::kInvalidRequestException,
                  "You can't perform this operation on the secret because it "
                  "was marked for deletion.");
}

absl::Status VersionIdNotFound(std::string_view version_id) {
  return AwsError(
      ErrorCode::kResourceNotFoundException,
      absl::StrCat(
          "Secrets Manager can't find the specified secret value for VersionId: ",
          Sv(version_id)));
}

absl::Status StageNotFound(std::string_view label) {
  return AwsError(ErrorCode::kResourceNotFoundException,
                  absl::StrCat("Secrets Manager can't find the specified "
                               "secret value for staging label: ",
                               Sv(label)));
}

absl::Status VersionPurged(std::string_view version_id) {
  return AwsError(ErrorCode::kInvalidRequestException,
                  absl::StrCat("You can't perform this operation on secret "
                               "version ",
                               Sv(version_id), " because it was deleted."));
}

absl::Status BothValues() {
  return AwsError(ErrorCode::kInvalidParameterException,
                  "You can't specify both a binary secret value and a string "
                  "secret value in the same secret.");
}

absl::Status TokenInUse(std::string_view token, std::string_view arn) {
  return AwsError(ErrorCode::kResourceExistsException,
                  absl::StrCat("You can't use ClientRequestToken ", Sv(token),
                               " because that value is already in use for a "
                               "version of secret ",
                               Sv(arn), "."));
}

absl::Status InvalidNextToken() {
  return AwsError(ErrorCode::kInvalidNextTokenException,
                  "The NextToken value is invalid.");
}

}  // namespace secretstage::internal
