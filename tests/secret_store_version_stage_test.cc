// UpdateSecretVersionStage (semantics.md §4.4, §11.24-§11.32; decisions.md
// "UpdateSecretVersionStage"; every row of the table in docs/state-machine.md).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

// v1 [AWSCURRENT], v2 [AWSPENDING].
void CurrentAndPending(CheckedStore& store) {
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"AWSPENDING"}});
}

// v1 [AWSPREVIOUS], v2 [AWSCURRENT].
void PreviousAndCurrent(CheckedStore& store) {
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
}

// ---- Verified / documented cases (semantics.md §11) ------------------------

// semantics.md §11.24 (verified, LS current_pending_cycle): response is
// {ARN, Name}; AWSPENDING stays on the new current.
TEST(UpdateSecretVersionStageTest, MovesAwsCurrentAndOldHolderGetsAwsPrevious) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"AWSPENDING"}});
  auto r = store.UpdateSecretVersionStage(
      StageRequest("s", "AWSCURRENT", Tok(1), Tok(2)));
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                      {Tok(2), {"AWSCURRENT", "AWSPENDING"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "y");
}

// semantics.md §11.25 (verified, MOTO-V
// test_update_secret_version_stage_dont_specify_current_stage).
TEST(UpdateSecretVersionStageTest, MovingAwsCurrentWithoutRemoveFromIsInvalidParameter) {
  CheckedStore store;
  CurrentAndPending(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", std::nullopt, Tok(2))),
      "InvalidParameterException", RemoveFromCantBeEmpty("AWSCURRENT", Tok(1)));
}

// semantics.md §11.26 (verified, LS custom_stages_2).
TEST(UpdateSecretVersionStageTest, AwsCurrentMoveKeepsCustomLabelsAndDeprecatesOldPrevious) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"AWSCURRENT", "PUT0"}});
  Put(store, "s", "z", Tok(3), {{"AWSPENDING", "PUT1"}});
  ASSERT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT", "PUT0"}},
                                          {Tok(3), {"AWSPENDING", "PUT1"}}}));
  Move(store, "s", "AWSCURRENT", Tok(2), Tok(3));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {}},
                      {Tok(2), {"AWSPREVIOUS", "PUT0"}},
                      {Tok(3), {"AWSCURRENT", "AWSPENDING", "PUT1"}}}));
}

// semantics.md §4.4 rule 3 (verified, LS current_pending_cycle_custom_stages_1).
TEST(UpdateSecretVersionStageTest, CustomStagesOneCycle) {
  CheckedStore store;
  Create(store, "s", "S1", Tok(1));
  Put(store, "s", "S2", Tok(2), {{"AWSPENDING", "AWSSOMETHING", "PUT1"}});
  Move(store, "s", "AWSCURRENT", Tok(1), Tok(2));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                      {Tok(2), {"AWSCURRENT", "AWSPENDING", "AWSSOMETHING",
                                "PUT1"}}}));
  Put(store, "s", "S3", Tok(3), {{"AWSPENDING", "PUT2"}});
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                      {Tok(2), {"AWSCURRENT", "AWSSOMETHING", "PUT1"}},
                      {Tok(3), {"AWSPENDING", "PUT2"}}}));
  Move(store, "s", "AWSCURRENT", Tok(2), Tok(3));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {}},
                      {Tok(2), {"AWSPREVIOUS", "AWSSOMETHING", "PUT1"}},
                      {Tok(3), {"AWSCURRENT", "AWSPENDING", "PUT2"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "S3");
}

// semantics.md §11.27 (verified, LS custom_stages_3).
TEST(UpdateSecretVersionStageTest, MoveAwsCurrentThenRemoveCustomPending) {
  CheckedStore store;
  Create(store, "s", "SS", Tok(1));
  Put(store, "s", "S1", Tok(2), {{"PENDING"}});
  Move(store, "s", "AWSCURRENT", Tok(1), Tok(2));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT", "PENDING"}}}));
  Move(store, "s", "PENDING", Tok(2), std::nullopt);
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
}

// semantics.md §11.28 (verified, TF; typographic apostrophe).
TEST(UpdateSecretVersionStageTest, RemovingAwsCurrentIsInvalidParameter) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(1), std::nullopt)),
      "InvalidParameterException", kCantRemoveCurrent);
}

// semantics.md §11.29 (documented example "To add a staging label").
TEST(UpdateSecretVersionStageTest, AttachesUnattachedLabelWithMoveToOnly) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Move(store, "s", "LABEL", std::nullopt, Tok(1));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT", "LABEL"}}}));
}

// semantics.md §11.30 (documented example "To delete a staging label").
TEST(UpdateSecretVersionStageTest, RemovesCustomLabel) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Move(store, "s", "LABEL", std::nullopt, Tok(1));
  Move(store, "s", "LABEL", Tok(1), std::nullopt);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
}

// semantics.md §4.4 rule 4 (documented): a version losing its only label is
// deprecated.
TEST(UpdateSecretVersionStageTest, RemovingOnlyLabelDeprecatesVersion) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"L"}});
  Move(store, "s", "L", Tok(2), std::nullopt);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {}}}));
  EXPECT_EQ(Describe(store, "s").version_ids_to_stages.count(Tok(2)), 0u);
}

// semantics.md §11.31 (inferred from rule 7): rollback moves AWSPREVIOUS
// from the target to the old current.
TEST(UpdateSecretVersionStageTest, RollbackSwapsAwsCurrentAndAwsPrevious) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Move(store, "s", "AWSCURRENT", Tok(2), Tok(1));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPREVIOUS"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "x");
}

// ---- docs/state-machine.md UpdateSecretVersionStage table (inferred) --------

// decisions.md UpdateSecretVersionStage rule 2 (inferred).
TEST(UpdateSecretVersionStageTest, NeitherVersionIdIsInvalidParameter) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  for (const char* label : {"AWSCURRENT", "CUSTOM"}) {
    SCOPED_TRACE(label);
    EXPECT_AWS_ERROR_UNCHANGED(
        store,
        store.UpdateSecretVersionStage(
            StageRequest("s", label, std::nullopt, std::nullopt)),
        "InvalidParameterException", kNeitherVersionId);
  }
}

// decisions.md UpdateSecretVersionStage rule 3 (inferred).
TEST(UpdateSecretVersionStageTest, UnknownRemoveFromIdIsResourceNotFound) {
  CheckedStore store;
  PreviousAndCurrent(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(99), Tok(1))),
      "ResourceNotFoundException", NoValueForVersionId(Tok(99)));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "CUSTOM", Tok(99), std::nullopt)),
      "ResourceNotFoundException", NoValueForVersionId(Tok(99)));
}

// decisions.md UpdateSecretVersionStage rule 3 (inferred).
TEST(UpdateSecretVersionStageTest, UnknownMoveToIdIsResourceNotFound) {
  CheckedStore store;
  PreviousAndCurrent(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(2), Tok(98))),
      "ResourceNotFoundException", NoValueForVersionId(Tok(98)));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "CUSTOM", std::nullopt, Tok(98))),
      "ResourceNotFoundException", NoValueForVersionId(Tok(98)));
}

// docs/state-machine.md rule 3 (inferred): RemoveFromVersionId is checked
// before MoveToVersionId.
TEST(UpdateSecretVersionStageTest, BothIdsUnknownReportsRemoveFromFirst) {
  CheckedStore store;
  PreviousAndCurrent(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(99), Tok(98))),
      "ResourceNotFoundException", NoValueForVersionId(Tok(99)));
}

// docs/state-machine.md table row "h none, r given" (inferred).
TEST(UpdateSecretVersionStageTest, UnattachedLabelWithRemoveFromIsInvalidParameter) {
  CheckedStore store;
  PreviousAndCurrent(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(StageRequest("s", "CUSTOM", Tok(1), Tok(2))),
      "InvalidParameterException", LabelNotOnVersion("CUSTOM", Tok(1)));
}

// docs/state-machine.md table row "h = m" (inferred): nothing changes; for
// AWSCURRENT AWSPREVIOUS must not move.
TEST(UpdateSecretVersionStageTest, MovingAwsCurrentToItsHolderChangesNothing) {
  CheckedStore store;
  PreviousAndCurrent(store);
  const StateGuard guard(&store);
  EXPECT_OK(store.UpdateSecretVersionStage(
      StageRequest("s", "AWSCURRENT", std::nullopt, Tok(2))));
  EXPECT_OK(store.UpdateSecretVersionStage(
      StageRequest("s", "AWSCURRENT", Tok(2), Tok(2))));
  guard.ExpectUnchanged(__FILE__, __LINE__, "AWSCURRENT h == m");
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
}

// docs/state-machine.md table row "h = m" (inferred).
TEST(UpdateSecretVersionStageTest, MovingCustomLabelToItsHolderChangesNothing) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Move(store, "s", "X", std::nullopt, Tok(1));
  const StateGuard guard(&store);
  EXPECT_OK(store.UpdateSecretVersionStage(
      StageRequest("s", "X", std::nullopt, Tok(1))));
  EXPECT_OK(
      store.UpdateSecretVersionStage(StageRequest("s", "X", Tok(1), Tok(1))));
  guard.ExpectUnchanged(__FILE__, __LINE__, "custom h == m");
}

// decisions.md UpdateSecretVersionStage rule 4, bullet order "h == m:
// success, nothing changes" precedes the RemoveFromVersionId checks
// (inferred).
TEST(UpdateSecretVersionStageTest, MovingToHolderIgnoresOtherRemoveFrom) {
  CheckedStore store;
  PreviousAndCurrent(store);
  const StateGuard guard(&store);
  EXPECT_OK(store.UpdateSecretVersionStage(
      StageRequest("s", "AWSCURRENT", Tok(1), Tok(2))));
  guard.ExpectUnchanged(__FILE__, __LINE__, "h == m, r != h");
}

// docs/state-machine.md table row "h ≠ m, no r" (inferred for custom labels,
// as the API reference requires).
TEST(UpdateSecretVersionStageTest, MovingAttachedCustomLabelWithoutRemoveFromIsInvalidParameter) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Move(store, "s", "X", std::nullopt, Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(StageRequest("s", "X", std::nullopt, Tok(2))),
      "InvalidParameterException", RemoveFromCantBeEmpty("X", Tok(1)));
}

// docs/state-machine.md table row "h ≠ m, r ≠ h" (inferred).
TEST(UpdateSecretVersionStageTest, CustomLabelRemoveFromMismatchIsInvalidParameter) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Put(store, "s", "z", Tok(3), {{"Y"}});
  Move(store, "s", "X", std::nullopt, Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(StageRequest("s", "X", Tok(3), Tok(2))),
      "InvalidParameterException", RemoveFromMismatch("X"));
  // r == m but the label sits on a third version.
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(StageRequest("s", "X", Tok(2), Tok(2))),
      "InvalidParameterException", RemoveFromMismatch("X"));
}

// docs/state-machine.md table row "h ≠ m, r ≠ h" (inferred) for AWSCURRENT.
TEST(UpdateSecretVersionStageTest, AwsCurrentRemoveFromMismatchIsInvalidParameter) {
  CheckedStore store;
  CurrentAndPending(store);
  Put(store, "s", "z", Tok(3), {{"Y"}});
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(3), Tok(2))),
      "InvalidParameterException", RemoveFromMismatch("AWSCURRENT"));
}

// docs/state-machine.md rule 5 (inferred).
TEST(UpdateSecretVersionStageTest, RemovingLabelNotOnVersionIsInvalidParameter) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Move(store, "s", "X", std::nullopt, Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(StageRequest("s", "X", Tok(2), std::nullopt)),
      "InvalidParameterException", LabelNotOnVersion("X", Tok(2)));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "NOWHERE", Tok(2), std::nullopt)),
      "InvalidParameterException", LabelNotOnVersion("NOWHERE", Tok(2)));
}

// decisions.md UpdateSecretVersionStage rule 6 (inferred): AWSPREVIOUS moves
// like a custom label and does not touch AWSCURRENT.
TEST(UpdateSecretVersionStageTest, MovesAwsPreviousExplicitly) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Put(store, "s", "z", Tok(3), {{"X"}});
  Move(store, "s", "AWSPREVIOUS", Tok(1), Tok(3));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {}},
                                          {Tok(2), {"AWSCURRENT"}},
                                          {Tok(3), {"X", "AWSPREVIOUS"}}}));
  Move(store, "s", "AWSPREVIOUS", Tok(3), std::nullopt);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {}},
                                          {Tok(2), {"AWSCURRENT"}},
                                          {Tok(3), {"X"}}}));
}

// decisions.md UpdateSecretVersionStage rule 6 (inferred): AWSPREVIOUS needs
// RemoveFromVersionId like any attached label.
TEST(UpdateSecretVersionStageTest, MovingAwsPreviousWithoutRemoveFromIsInvalidParameter) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Put(store, "s", "z", Tok(3), {{"X"}});
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSPREVIOUS", std::nullopt, Tok(3))),
      "InvalidParameterException", RemoveFromCantBeEmpty("AWSPREVIOUS", Tok(1)));
}

// decisions.md UpdateSecretVersionStage rule 6 (inferred).
TEST(UpdateSecretVersionStageTest, MovesAndRemovesAwsPendingExplicitly) {
  CheckedStore store;
  CurrentAndPending(store);
  Put(store, "s", "z", Tok(3), {{"X"}});
  Move(store, "s", "AWSPENDING", Tok(2), Tok(3));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                          {Tok(2), {}},
                                          {Tok(3), {"X", "AWSPENDING"}}}));
  Move(store, "s", "AWSPENDING", Tok(3), std::nullopt);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                          {Tok(2), {}},
                                          {Tok(3), {"X"}}}));
}

// decisions.md UpdateSecretVersionStage rule 4 (inferred): a custom move
// touches nothing but that label.
TEST(UpdateSecretVersionStageTest, MovesCustomLabelBetweenVersions) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Move(store, "s", "X", std::nullopt, Tok(1));
  Move(store, "s", "X", Tok(1), Tok(2));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT", "X"}}}));
}

// semantics.md §1.4 (documented): a deprecated version is still a version;
// a label can be moved onto it.
TEST(UpdateSecretVersionStageTest, AttachesLabelToDeprecatedVersion) {
  CheckedStore store;
  PreviousAndCurrent(store);
  Put(store, "s", "z", Tok(3));
  ASSERT_EQ(Labels(store, "s")[Tok(1)], std::set<std::string>{});
  Move(store, "s", "REVIVED", std::nullopt, Tok(1));
  EXPECT_EQ(Labels(store, "s")[Tok(1)], std::set<std::string>{"REVIVED"});
}

// ---- Quota (docs/state-machine.md rule 6, inferred) ------------------------

// v1 [AWSCURRENT], v2 [L1..L19]: 20 labels, no AWSPREVIOUS.
void TwentyLabels(CheckedStore& store) {
  Create(store, "s", "x", Tok(1));
  std::vector<std::string> labels;
  for (int i = 1; i <= 19; ++i) labels.push_back(absl::StrCat("L", i));
  Put(store, "s", "y", Tok(2), labels);
}

TEST(UpdateSecretVersionStageTest, TwentyFirstLabelByMoveIsLimitExceeded) {
  CheckedStore store;
  TwentyLabels(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "L20", std::nullopt, Tok(1))),
      "LimitExceededException", kLabelQuota);
}

TEST(UpdateSecretVersionStageTest, AwsPreviousCreatedByAwsCurrentMoveOverQuotaIsLimitExceeded) {
  CheckedStore store;
  TwentyLabels(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(1), Tok(2))),
      "LimitExceededException", kLabelQuota);
}

TEST(UpdateSecretVersionStageTest, MovingExistingLabelAtQuotaSucceeds) {
  CheckedStore store;
  TwentyLabels(store);
  Move(store, "s", "L1", Tok(2), Tok(1));
  Move(store, "s", "L2", Tok(2), std::nullopt);
  Move(store, "s", "L20", std::nullopt, Tok(1));
  const LabelMap labels = Labels(store, "s");
  EXPECT_EQ(labels.at(Tok(1)),
            (std::set<std::string>{"AWSCURRENT", "L1", "L20"}));
}

// ---- Other errors -----------------------------------------------------------

// semantics.md §4.4 (verified text for other ops).
TEST(UpdateSecretVersionStageTest, MissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(1), Tok(2))),
      "ResourceNotFoundException", kSecretNotFound);
}

// decisions.md "Client request tokens" (inferred): MoveToVersionId is 32..64.
TEST(UpdateSecretVersionStageTest, ShortVersionIdIsValidationException) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "X", std::nullopt, "AWSCURRENT")),
      "ValidationException",
      OneValidationError("AWSCURRENT", "moveToVersionId",
                         "have length greater than or equal to 32"));
}

// decisions.md "Client request tokens" (inferred): VersionStage is 1..256.
TEST(UpdateSecretVersionStageTest, EmptyVersionStageIsValidationException) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(StageRequest("s", "", std::nullopt, Tok(1))),
      "ValidationException",
      OneValidationError("", "versionStage",
                         "have length greater than or equal to 1"));
}

// ---- The response-reusing overload ----------------------------------------

// secret_store.h: the overload writing into *response behaves exactly like
// the StatusOr form.
TEST(UpdateSecretVersionStageTest, ReuseResponseOverloadMatchesStatusOrForm) {
  CheckedStore a;
  CheckedStore b;
  for (CheckedStore* store : {&a, &b}) {
    Create(*store, "s", "x", Tok(1));
    Put(*store, "s", "y", Tok(2), {{"AWSPENDING"}});
    Create(*store, "other-secret", "x", Tok(3));
  }
  const auto req = StageRequest("s", "AWSCURRENT", Tok(1), Tok(2));
  auto expected = a.UpdateSecretVersionStage(req);
  ASSERT_OK(expected);
  // A response previously filled for another secret is overwritten.
  model::UpdateSecretVersionStageResponse response;
  ASSERT_OK(b.UpdateSecretVersionStage(
      StageRequest("other-secret", "X", std::nullopt, Tok(3)), &response));
  ASSERT_OK(b.UpdateSecretVersionStage(req, &response));
  EXPECT_EQ(response, *expected);
  EXPECT_EQ(Labels(b, "s"), Labels(a, "s"));

  // Errors are the same too, and change nothing.
  const auto bad = StageRequest("s", "AWSCURRENT", Tok(2), std::nullopt);
  EXPECT_AWS_ERROR_UNCHANGED(a, a.UpdateSecretVersionStage(bad),
                             "InvalidParameterException", kCantRemoveCurrent);
  EXPECT_AWS_ERROR_UNCHANGED(b, b.UpdateSecretVersionStage(bad, &response),
                             "InvalidParameterException", kCantRemoveCurrent);
}

}  // namespace
}  // namespace secretstage::test
