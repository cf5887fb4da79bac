// DeleteSecret, RestoreSecret and the deletion lifecycle (semantics.md §4.10,
// §4.11, §5; decisions.md "Deletion"; docs/state-machine.md "DeleteSecret,
// RestoreSecret").
#include <string>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

model::DeleteSecretRequest DeleteRequest(std::string id,
                                         std::optional<int64_t> window = {},
                                         std::optional<bool> force = {}) {
  return {std::move(id), window, force};
}

// A secret "s": v1 [AWSPREVIOUS], v2 [AWSCURRENT]; scheduled for deletion
// with the default 30-day window. Returns the DeleteSecret response.
model::DeleteSecretResponse ScheduledSecret(CheckedStore& store) {
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  auto r = store.DeleteSecret(DeleteRequest("s"));
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : model::DeleteSecretResponse{};
}

// semantics.md §11.40 (verified shape, LS + documented 30-day default).
TEST(DeleteSecretTest, SchedulesDeletionThirtyDaysOut) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  store.clock().Advance(absl::Milliseconds(1234));
  const absl::Time now = store.Now();
  auto r = store.DeleteSecret(DeleteRequest("s"));
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_EQ(r->deletion_date, now + absl::Hours(24 * 30));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.deleted_date, r->deletion_date);
  EXPECT_THAT(d.version_ids_to_stages.at(Tok(1)),
              UnorderedElementsAre("AWSCURRENT"));
}

// decisions.md "Deletion" (inferred): windows 7 and 30 are the bounds.
TEST(DeleteSecretTest, RecoveryWindowBoundsAccepted) {
  CheckedStore store;
  Create(store, "a", "x", Tok(1));
  Create(store, "b", "x", Tok(2));
  auto a = store.DeleteSecret(DeleteRequest("a", 7));
  ASSERT_OK(a);
  EXPECT_EQ(a->deletion_date, store.Now() + absl::Hours(24 * 7));
  auto b = store.DeleteSecret(DeleteRequest("b", 30, false));
  ASSERT_OK(b);
  EXPECT_EQ(b->deletion_date, store.Now() + absl::Hours(24 * 30));
}

// semantics.md §11.47 (documented; U-MOTO message adopted by decisions.md).
TEST(DeleteSecretTest, RecoveryWindowOutOfRangeIsInvalidParameter) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  for (int64_t days : {6, 31, 0, -1}) {
    SCOPED_TRACE(days);
    EXPECT_AWS_ERROR_UNCHANGED(
        store, store.DeleteSecret(DeleteRequest("s", days)),
        "InvalidParameterException",
        "The RecoveryWindowInDays value must be between 7 and 30 days "
        "(inclusive).");
  }
}

// semantics.md §11.48 (documented; U-MOTO message adopted by decisions.md).
TEST(DeleteSecretTest, RecoveryWindowWithForceIsInvalidParameter) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.DeleteSecret(DeleteRequest("s", 7, true)),
      "InvalidParameterException",
      "You can't use ForceDeleteWithoutRecovery in conjunction with "
      "RecoveryWindowInDays.");
}

// semantics.md §11.40/§11.44 (verified, LS test_force_delete_deleted_secret):
// DescribeSecret works while scheduled; ListSecretVersionIds too (inferred).
TEST(DeleteSecretTest, DescribeAndListWorkWhileScheduled) {
  CheckedStore store;
  const auto del = ScheduledSecret(store);
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.deleted_date, del.deletion_date);
  EXPECT_EQ(d.version_ids_to_stages.size(), 2u);
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
}

// semantics.md §11.42 (verified text, LS TagResource) and §11.43
// (documented for GetSecretValue); applied to every mutating/reading op
// (docs/state-machine.md, inferred for these ops).
TEST(DeleteSecretTest, OperationsOnScheduledSecretAreInvalidRequest) {
  CheckedStore store;
  ScheduledSecret(store);
  EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest("s")),
                             "InvalidRequestException", kMarkedForDeletion);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.GetSecretValue(GetRequest("s", Tok(1))),
                             "InvalidRequestException", kMarkedForDeletion);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "z", Tok(3))),
                             "InvalidRequestException", kMarkedForDeletion);
  // Even an idempotent repeat of an existing version.
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "y", Tok(2))),
                             "InvalidRequestException", kMarkedForDeletion);
  model::UpdateSecretRequest update;
  update.secret_id = "s";
  update.description = "d";
  EXPECT_AWS_ERROR_UNCHANGED(store, store.UpdateSecret(update),
                             "InvalidRequestException", kMarkedForDeletion);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.UpdateSecretVersionStage(
          StageRequest("s", "AWSCURRENT", Tok(2), Tok(1))),
      "InvalidRequestException", kMarkedForDeletion);
}

// decisions.md "Deletion" (U-LS message adopted).
TEST(DeleteSecretTest, NonForceDeleteOfScheduledSecretIsInvalidRequest) {
  CheckedStore store;
  ScheduledSecret(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.DeleteSecret(DeleteRequest("s")), "InvalidRequestException",
      "You tried to perform the operation on a secret that's currently "
      "marked deleted.");
}

// decisions.md "Deletion" (inferred).
TEST(DeleteSecretTest, NonForceDeleteOfMissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store, store.DeleteSecret(DeleteRequest("s")),
                             "ResourceNotFoundException", kSecretNotFound);
}

// semantics.md §11.44 (verified, LS test_force_delete_deleted_secret).
TEST(DeleteSecretTest, ForceDeleteOfScheduledSecretRemovesIt) {
  CheckedStore store;
  const auto del = ScheduledSecret(store);
  store.clock().Advance(absl::Hours(1));
  auto r = store.DeleteSecret(DeleteRequest("s", std::nullopt, true));
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, del.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_EQ(r->deletion_date, store.Now());
  EXPECT_AWS_ERROR(store.DescribeSecret({"s"}), "ResourceNotFoundException",
                   kSecretNotFound);
}

// docs/state-machine.md "live | Delete force" (verified §11.44).
TEST(DeleteSecretTest, ForceDeleteOfLiveSecretRemovesItAtOnce) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  auto r = store.DeleteSecret(DeleteRequest("s", std::nullopt, true));
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_EQ(r->deletion_date, store.Now());
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("s")),
                   "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR(store.ListSecretVersionIds({"s", {}, {}, true}),
                   "ResourceNotFoundException", kSecretNotFound);
}

// semantics.md §11.45 (verified, LS
// test_delete_non_existent_secret_returns_as_if_secret_exists).
TEST(DeleteSecretTest, ForceDeleteOfMissingSecretSucceeds) {
  CheckedStore store;
  auto r = store.DeleteSecret(DeleteRequest("missing", std::nullopt, true));
  ASSERT_OK(r);
  EXPECT_EQ(r->name, "missing");
  EXPECT_THAT(r->arn, StartsWith(store.ArnPrefix() + "missing"));
  EXPECT_EQ(r->deletion_date, store.Now());
  EXPECT_AWS_ERROR(store.DescribeSecret({"missing"}),
                   "ResourceNotFoundException", kSecretNotFound);
}

// semantics.md §11.46 (verified, LS test_secret_restore).
TEST(RestoreSecretTest, RestoresScheduledSecretUnchanged) {
  CheckedStore store;
  const auto del = ScheduledSecret(store);
  auto r = store.RestoreSecret({"s"});
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, del.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_FALSE(Describe(store, "s").deleted_date.has_value());
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "y");
  Put(store, "s", "z", Tok(3));
  // The old deletion date no longer applies.
  store.clock().Advance(absl::Hours(24 * 31));
  EXPECT_EQ(Get(store, "s").secret_string, "z");
}

// decisions.md "Deletion" (inferred; U-MOTO).
TEST(RestoreSecretTest, RestoreOfLiveSecretChangesNothing) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  const StateGuard guard(&store);
  auto r = store.RestoreSecret({"s"});
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  guard.ExpectUnchanged(__FILE__, __LINE__, "RestoreSecret on a live secret");
}

// semantics.md §4.11 errors (verified text).
TEST(RestoreSecretTest, MissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store, store.RestoreSecret({"s"}),
                             "ResourceNotFoundException", kSecretNotFound);
}

// decisions.md "Deletion" (inferred): at DeletionDate the secret is gone
// for every operation and its name is free.
TEST(DeleteSecretTest, SecretIsGoneOnceClockReachesDeletionDate) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  auto del = store.DeleteSecret(DeleteRequest("s", 7));
  ASSERT_OK(del);
  store.clock().Set(del->deletion_date - absl::Milliseconds(1));
  EXPECT_EQ(Describe(store, "s").deleted_date, del->deletion_date);
  EXPECT_AWS_ERROR(store.CreateSecret({"s", Tok(2), {}, {}, {}, "y", {}}),
                   "InvalidRequestException",
                   "You can't create this secret because a secret with this "
                   "name is already scheduled for deletion.");

  store.clock().Advance(absl::Milliseconds(1));
  EXPECT_AWS_ERROR(store.DescribeSecret({"s"}), "ResourceNotFoundException",
                   kSecretNotFound);
  EXPECT_AWS_ERROR(store.DescribeSecret({c.arn}), "ResourceNotFoundException",
                   kSecretNotFound);
  EXPECT_AWS_ERROR(store.ListSecretVersionIds({"s", {}, {}, true}),
                   "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("s")),
                   "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR(store.PutSecretValue(PutRequest("s", "z", Tok(3))),
                   "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR(store.UpdateSecretVersionStage(
                       StageRequest("s", "X", std::nullopt, Tok(1))),
                   "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR(store.RestoreSecret({"s"}), "ResourceNotFoundException",
                   kSecretNotFound);
  EXPECT_AWS_ERROR(store.DeleteSecret(DeleteRequest("s")),
                   "ResourceNotFoundException", kSecretNotFound);

  auto again = store.CreateSecret({"s", Tok(4), {}, {}, {}, "new", {}});
  ASSERT_OK(again);
  EXPECT_NE(again->arn, c.arn);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(4), {"AWSCURRENT"}}}));
  EXPECT_FALSE(Describe(store, "s").deleted_date.has_value());
}

// semantics.md §3 (verified, LS test_can_recreate_delete_secret).
TEST(DeleteSecretTest, RecreateAfterForceDeleteGetsNewArnSuffix) {
  CheckedStore store;
  const auto first = ScheduledSecret(store);
  ASSERT_OK(store.DeleteSecret(DeleteRequest("s", std::nullopt, true)));
  auto second = store.CreateSecret({"s", Tok(5), {}, {}, {}, "v", {}});
  ASSERT_OK(second);
  EXPECT_NE(second->arn, first.arn);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(5), {"AWSCURRENT"}}}));
}

// docs/state-machine.md "scheduled | Delete force" on an empty secret.
TEST(DeleteSecretTest, DeletesSecretWithoutVersions) {
  CheckedStore store;
  CreateEmpty(store, "s");
  auto r = store.DeleteSecret(DeleteRequest("s"));
  ASSERT_OK(r);
  EXPECT_TRUE(Describe(store, "s").version_ids_to_stages.empty());
  ASSERT_OK(store.RestoreSecret({"s"}));
  EXPECT_FALSE(Describe(store, "s").deleted_date.has_value());
}

}  // namespace
}  // namespace secretstage::test
