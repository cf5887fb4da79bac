// The exact AWS message texts ReferenceStore returns, each with its source.
// Written out again here (not shared with core/) so that a typo on either side
// shows up as a difference.
#ifndef SECRETSTAGE_TESTS_REFERENCE_REFERENCE_MESSAGES_H_
#define SECRETSTAGE_TESTS_REFERENCE_REFERENCE_MESSAGES_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace secretstage::reference::msg {

// semantics.md §7 (verified).
inline constexpr char kSecretNotFound[] =
    "Secrets Manager can't find the specified secret.";
// semantics.md §7 (verified text).
inline constexpr char kMarkedForDeletion[] =
    "You can't perform this operation on the secret because it was marked for "
    "deletion.";
// semantics.md §4.1, §11.41 (verified).
inline constexpr char kCreateScheduled[] =
    "You can't create this secret because a secret with this name is already "
    "scheduled for deletion.";
// decisions.md "PutSecretValue, UpdateSecret, CreateSecret".
inline constexpr char kBothValues[] =
    "You can't specify both a binary secret value and a string secret value in "
    "the same secret.";
inline constexpr char kNoValue[] =
    "You must provide either SecretString or SecretBinary.";
// decisions.md "UpdateSecretVersionStage" 2.
inline constexpr char kNeitherVersionId[] =
    "You must specify MoveToVersionId, RemoveFromVersionId, or both.";
// semantics.md §4.4 rule 5 (verified, typographic apostrophe U+2019).
inline constexpr char kCantRemoveCurrent[] =
    "You can only move staging label AWSCURRENT to a different secret version. "
    "It can\u2019t be completely removed.";
// semantics.md §4.5 (verified §11.33).
inline constexpr char kStageNotOnVersionId[] =
    "You provided a VersionStage that is not associated to the provided "
    "VersionId.";
// state-machine.md "ListSecretVersionIds" (inferred).
inline constexpr char kInvalidNextToken[] = "The NextToken value is invalid.";
// decisions.md "Deletion".
inline constexpr char kRecoveryWindowRange[] =
    "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).";
inline constexpr char kForceWithWindow[] =
    "You can't use ForceDeleteWithoutRecovery in conjunction with "
    "RecoveryWindowInDays.";
inline constexpr char kAlreadyScheduled[] =
    "You tried to perform the operation on a secret that's currently marked "
    "deleted.";

// semantics.md §4.12, §7 (verified).
inline constexpr char kNoRotationLambda[] =
    "No Lambda rotation function ARN is associated with this secret.";
inline constexpr char kRotationIncomplete[] =
    "A previous rotation isn't complete. That rotation will be reattempted.";
// The AWS quota of 50 tags per secret; the message is not in the spec
// (inferred, the wording of the other quota messages).
inline constexpr int kMaxTags = 50;
inline constexpr char kTagQuota[] =
    "You can't attach more than 50 tags to a secret.";

// semantics.md §4.1 (verified).
inline std::string AlreadyExists(absl::string_view name) {
  return absl::StrCat("The operation failed because the secret ", name,
                      " already exists.");
}
// semantics.md §4.1, §4.2 (verified).
inline std::string TokenInUse(absl::string_view token, absl::string_view arn) {
  return absl::StrCat("You can't use ClientRequestToken ", token,
                      " because that value is already in use for a version of "
                      "secret ",
                      arn, ".");
}
// semantics.md §1.5 (verified text).
inline std::string VersionDeleted(absl::string_view id) {
  return absl::StrCat("You can't perform this operation on secret version ",
                      id, " because it was deleted.");
}
// semantics.md §4.5 (verified).
inline std::string NoValueForStage(absl::string_view label) {
  return absl::StrCat(
      "Secrets Manager can't find the specified secret value for staging "
      "label: ",
      label);
}
inline std::string NoValueForVersionId(absl::string_view id) {
  return absl::StrCat(
      "Secrets Manager can't find the specified secret value for VersionId: ",
      id);
}
// semantics.md §4.4 rule 1 (verified for AWSCURRENT), decisions.md.
inline std::string RemoveFromCantBeEmpty(absl::string_view label,
                                         absl::string_view holder) {
  return absl::StrCat(
      "The parameter RemoveFromVersionId can't be empty. Staging label ", label,
      " is currently attached to version ", holder,
      ", so you must explicitly reference that version in "
      "RemoveFromVersionId.");
}
// decisions.md "UpdateSecretVersionStage" 4.
inline std::string RemoveFromMismatch(absl::string_view label) {
  return absl::StrCat("When you move staging label ", label,
                      ", if you specify RemoveFromVersionId, it must be set to "
                      "the version that currently has the staging label ",
                      label, ".");
}
// decisions.md "UpdateSecretVersionStage" 5.
inline std::string LabelNotOnVersion(absl::string_view label,
                                     absl::string_view id) {
  return absl::StrCat("The staging label ", label,
                      " is not attached to version ", id, ".");
}
// decisions.md "Quotas". The AWS numbers are written as the configured
// quota (they read 20 and 100 with the default options).
inline std::string LabelQuota(int max_labels) {
  return absl::StrCat("You can't attach more than ", max_labels,
                      " staging labels to the versions of a secret.");
}
inline std::string VersionQuota(int max_versions) {
  return absl::StrCat(
      "You can't create more versions of this secret. Secrets Manager keeps at "
      "most ",
      max_versions,
      " versions, and removes deprecated versions only after they are 24 "
      "hours old.");
}

}  // namespace secretstage::reference::msg

#endif  // SECRETSTAGE_TESTS_REFERENCE_REFERENCE_MESSAGES_H_
