// PutSecretValue label movement, idempotency and quotas (semantics.md §4.2,
// §1.3, §1.5; docs/state-machine.md "PutSecretValue / UpdateSecret with a
// value"; decisions.md "Quotas").
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

std::vector<std::string> CustomLabels(int first, int last) {
  std::vector<std::string> out;
  for (int i = first; i <= last; ++i) out.push_back(absl::StrCat("L", i));
  return out;
}

// semantics.md §11.4 (verified, LS test_create_secret_version_from_empty_secret).
TEST(PutSecretValueTest, FirstVersionOfEmptySecretGetsAwsCurrent) {
  CheckedStore store;
  CreateEmpty(store, "s");
  const auto r = Put(store, "s", "x", Tok(1));
  EXPECT_EQ(r.version_id, Tok(1));
  EXPECT_EQ(r.name, "s");
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSCURRENT"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "x");
}

// semantics.md §11.5 (documented, API_PutSecretValue): AWSCURRENT is added to
// the first version even when VersionStages omits it.
TEST(PutSecretValueTest, FirstVersionWithCustomStagesAlsoGetsAwsCurrent) {
  CheckedStore store;
  CreateEmpty(store, "s");
  const auto r = Put(store, "s", "x", Tok(1), {{"CUSTOM"}});
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("CUSTOM", "AWSCURRENT"));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"CUSTOM", "AWSCURRENT"}}}));
}

// semantics.md §11.6 (verified, LS).
TEST(PutSecretValueTest, MovesAwsCurrentToNewVersionAndOldGetsAwsPrevious) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const auto r = Put(store, "s", "y", Tok(2));
  EXPECT_EQ(r.version_id, Tok(2));
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSCURRENT"));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "y");
  EXPECT_EQ(Get(store, "s", std::nullopt, "AWSPREVIOUS").secret_string, "x");
}

// semantics.md §11.7 (verified, LS test_deprecated_secret_version_stage).
TEST(PutSecretValueTest, ThirdPutDeprecatesOldestVersion) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  Put(store, "s", "z", Tok(3));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {}},
                      {Tok(2), {"AWSPREVIOUS"}},
                      {Tok(3), {"AWSCURRENT"}}}));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.version_ids_to_stages.count(Tok(1)), 0u);
  EXPECT_EQ(d.version_ids_to_stages.size(), 2u);
}

// semantics.md §11.8 (verified, LS test_put_secret_value_with_version_stages).
TEST(PutSecretValueTest, AwsPendingOnlyLeavesAwsCurrentInPlace) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const auto r = Put(store, "s", "y", Tok(2), {{"AWSPENDING"}});
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSPENDING"));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
  const auto g = Get(store, "s");
  EXPECT_EQ(g.version_id, Tok(1));
  EXPECT_EQ(g.secret_string, "x");
}

// semantics.md §11.9 (verified, LS test_put_secret_value_with_version_stages
// + inferred deprecation of v2).
TEST(PutSecretValueTest, CustomStagesMoveAndLeavePreviousHolderDeprecated) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const auto r1 = Put(store, "s", "y", Tok(2), {{"S1", "S0"}});
  EXPECT_THAT(r1.version_stages, UnorderedElementsAre("S0", "S1"));
  const auto r2 = Put(store, "s", "z", Tok(3), {{"S1", "S0"}});
  EXPECT_THAT(r2.version_stages, UnorderedElementsAre("S0", "S1"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                          {Tok(2), {}},
                                          {Tok(3), {"S0", "S1"}}}));
  EXPECT_EQ(Get(store, "s").version_id, Tok(1));
}

// semantics.md §11.10 (verified, LS non_versioning_version_stages_no_replacement).
TEST(PutSecretValueTest, OnlyRequestedLabelsLeaveTheirHolder) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"one", "two", "three"}});
  const auto r = Put(store, "s", "z", Tok(3), {{"one", "two", "four"}});
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("four", "one", "two"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                          {Tok(2), {"three"}},
                                          {Tok(3), {"four", "one", "two"}}}));
}

// semantics.md §4.2 rule 3 (verified, LS non_versioning_version_stages_replacement).
TEST(PutSecretValueTest, TakingAllLabelsDeprecatesPreviousHolder) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"one", "two", "three"}});
  Put(store, "s", "z", Tok(3), {{"one", "two", "three", "four"}});
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}},
                      {Tok(2), {}},
                      {Tok(3), {"four", "one", "three", "two"}}}));
}

// semantics.md §11.11 (verified, LS custom_stages_2).
TEST(PutSecretValueTest, ExplicitAwsCurrentWithCustomLabel) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const auto r = Put(store, "s", "y", Tok(2), {{"AWSCURRENT", "PUT0"}});
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSCURRENT", "PUT0"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT", "PUT0"}}}));
}

// semantics.md §11.12 (verified, LS current_pending): the old current loses
// AWSPENDING when AWSCURRENT moves away by a Put.
TEST(PutSecretValueTest, OldCurrentWithAwsPendingBecomesOnlyAwsPrevious) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"AWSPENDING"}});
  Move(store, "s", "AWSCURRENT", Tok(1), Tok(2));
  ASSERT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                      {Tok(2), {"AWSCURRENT", "AWSPENDING"}}}));
  const auto r = Put(store, "s", "z", Tok(3));
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSCURRENT"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {}},
                                          {Tok(2), {"AWSPREVIOUS"}},
                                          {Tok(3), {"AWSCURRENT"}}}));
}

// semantics.md §11.13 (verified, LS current_pending_cycle_custom_stages_1).
TEST(PutSecretValueTest, AwsPendingMovesOffCurrentWithoutTouchingAwsCurrent) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"AWSPENDING"}});
  Move(store, "s", "AWSCURRENT", Tok(1), Tok(2));
  const auto r = Put(store, "s", "z", Tok(3), {{"AWSPENDING"}});
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSPENDING"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT"}},
                                          {Tok(3), {"AWSPENDING"}}}));
}

// semantics.md §4.2 rule 6 / §10.2 (inferred from ISS infrahouse#52): custom
// labels on the old current survive a default Put.
TEST(PutSecretValueTest, OldCurrentKeepsCustomLabels) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Move(store, "s", "INITIAL", std::nullopt, Tok(1));
  Put(store, "s", "y", Tok(2));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"INITIAL", "AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT"}}}));
}

// docs/state-machine.md Put rule 6 (verified, LS custom_stages_2): the
// former AWSPREVIOUS holder loses AWSPREVIOUS but keeps its custom labels.
TEST(PutSecretValueTest, FormerAwsPreviousHolderKeepsCustomLabels) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  Move(store, "s", "KEEP", std::nullopt, Tok(1));
  Put(store, "s", "z", Tok(3));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"KEEP"}},
                                          {Tok(2), {"AWSPREVIOUS"}},
                                          {Tok(3), {"AWSCURRENT"}}}));
}

// docs/state-machine.md Put rule "Duplicates in L count once" (inferred).
TEST(PutSecretValueTest, DuplicateStagesCountOnce) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const auto r = Put(store, "s", "y", Tok(2), {{"X", "X", "AWSPENDING"}});
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("X", "AWSPENDING"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                          {Tok(2), {"X", "AWSPENDING"}}}));
}

// semantics.md §11.14 (verified, MOTO-V test_put_same_secret_value_with_same_token).
TEST(PutSecretValueTest, SameTokenSameValueIsNoOp) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  const StateGuard guard(&store);
  const auto r = Put(store, "s", "x", Tok(1));
  EXPECT_EQ(r.version_id, Tok(1));
  EXPECT_EQ(r.arn, c.arn);
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSCURRENT"));
  guard.ExpectUnchanged(__FILE__, __LINE__, "idempotent Put");
}

// docs/state-machine.md Put rule 1 (verified §11.14; labels of that version
// are returned, requested stages ignored): a repeat of an older Put changes
// nothing even though AWSCURRENT has since moved on.
TEST(PutSecretValueTest, SameTokenOnOlderVersionReturnsItsLabelsUnchanged) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  const StateGuard guard(&store);
  const auto r = Put(store, "s", "x", Tok(1), {{"AWSCURRENT"}});
  EXPECT_EQ(r.version_id, Tok(1));
  EXPECT_THAT(r.version_stages, UnorderedElementsAre("AWSPREVIOUS"));
  guard.ExpectUnchanged(__FILE__, __LINE__, "idempotent Put of older version");
}

// docs/state-machine.md Put rule 1 (verified §11.14, inferred for deprecated).
TEST(PutSecretValueTest, SameTokenOnDeprecatedVersionReturnsNoLabels) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  Put(store, "s", "z", Tok(3));
  const StateGuard guard(&store);
  const auto r = Put(store, "s", "x", Tok(1));
  EXPECT_EQ(r.version_id, Tok(1));
  EXPECT_THAT(r.version_stages, IsEmpty());
  guard.ExpectUnchanged(__FILE__, __LINE__, "idempotent Put of deprecated");
}

// semantics.md §11.15 (verified, MOTO-V test_put_different_secret_value_with_same_token).
TEST(PutSecretValueTest, SameTokenDifferentValueIsResourceExists) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "y", Tok(1))),
                             "ResourceExistsException",
                             TokenInUse(Tok(1), c.arn));
}

// docs/state-machine.md Put rule 1 (inferred): a binary value with the same
// bytes as a string version is a different value.
TEST(PutSecretValueTest, SameTokenSameBytesAsBinaryIsResourceExists) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  model::PutSecretValueRequest req;
  req.secret_id = "s";
  req.client_request_token = Tok(1);
  req.secret_binary = "x";
  EXPECT_AWS_ERROR_UNCHANGED(store, store.PutSecretValue(req),
                             "ResourceExistsException",
                             TokenInUse(Tok(1), c.arn));
}

// decisions.md "PutSecretValue, UpdateSecret, CreateSecret" (inferred).
TEST(PutSecretValueTest, NeitherValueIsInvalidRequest) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  model::PutSecretValueRequest req;
  req.secret_id = "s";
  req.client_request_token = Tok(2);
  EXPECT_AWS_ERROR_UNCHANGED(store, store.PutSecretValue(req),
                             "InvalidRequestException", kNoValue);
}

// decisions.md "PutSecretValue, UpdateSecret, CreateSecret" (inferred).
TEST(PutSecretValueTest, BothValuesIsInvalidParameter) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  model::PutSecretValueRequest req = PutRequest("s", "y", Tok(2));
  req.secret_binary = "y";
  EXPECT_AWS_ERROR_UNCHANGED(store, store.PutSecretValue(req),
                             "InvalidParameterException", kBothValues);
}

// semantics.md §4.2 (U-MOTO text, verified for other ops).
TEST(PutSecretValueTest, MissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "y", Tok(2))),
                             "ResourceNotFoundException", kSecretNotFound);
}

// decisions.md "Client request tokens" (inferred): omitted token -> UUID v4.
TEST(PutSecretValueTest, GeneratesTokenWhenOmitted) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const auto r = Put(store, "s", "y");
  EXPECT_THAT(r.version_id,
              ::testing::MatchesRegex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-"
                                      "[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {r.version_id, {"AWSCURRENT"}}}));
}

// semantics.md §11.60 (verified, LS test_change_secret_value_after_creation).
TEST(PutSecretValueTest, BinaryValueRoundTripsAllBytes) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const std::string bytes("\x00\x01\x02\xff", 4);
  model::PutSecretValueRequest req;
  req.secret_id = "s";
  req.client_request_token = Tok(2);
  req.secret_binary = bytes;
  ASSERT_OK(store.PutSecretValue(req));
  const auto g = Get(store, "s");
  EXPECT_EQ(g.secret_binary, bytes);
  EXPECT_FALSE(g.secret_string.has_value());
}

// ---- Label quota: decisions.md "Quotas" (inferred), semantics.md §1.3 / §11.56.

// 20 labels: AWSCURRENT + L1..L19.
void FillTwentyLabels(CheckedStore& store) {
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), CustomLabels(1, 19));
}

TEST(PutSecretValueTest, TwentyFirstLabelIsLimitExceeded) {
  CheckedStore store;
  FillTwentyLabels(store);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.PutSecretValue(PutRequest("s", "z", Tok(3), {{"L20"}})),
      "LimitExceededException", kLabelQuota);
}

// docs/state-machine.md Put rule 8 (inferred): AWSPREVIOUS created by an
// AWSCURRENT move counts towards the quota.
TEST(PutSecretValueTest, AwsPreviousCreatedByMoveOverQuotaIsLimitExceeded) {
  CheckedStore store;
  FillTwentyLabels(store);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "z", Tok(3))),
                             "LimitExceededException", kLabelQuota);
}

// docs/state-machine.md Put rule 8 (inferred): moving existing labels does
// not add to the count.
TEST(PutSecretValueTest, MovingLabelsAtQuotaSucceeds) {
  CheckedStore store;
  FillTwentyLabels(store);
  Put(store, "s", "z", Tok(3), {{"L1", "L2"}});
  EXPECT_EQ(Labels(store, "s")[Tok(3)], (std::set<std::string>{"L1", "L2"}));
}

// ---- Version quota: decisions.md "Quotas" (inferred), semantics.md §1.5.

// Five versions created one second apart: v1..v3 deprecated, v4 AWSPREVIOUS,
// v5 AWSCURRENT.
void FillFiveVersions(CheckedStore& store) {
  Create(store, "s", "v1", Tok(1));
  for (int i = 2; i <= 5; ++i) {
    store.clock().Advance(absl::Seconds(1));
    Put(store, "s", absl::StrCat("v", i), Tok(i));
  }
}

StoreOptions FiveVersions() {
  StoreOptions o;
  o.max_versions_per_secret = 5;
  return o;
}

TEST(PutSecretValueTest, VersionQuotaWithYoungDeprecatedVersionsIsLimitExceeded) {
  CheckedStore store(FiveVersions());
  FillFiveVersions(store);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "v6", Tok(6))),
                             "LimitExceededException", VersionQuota(5));
  // One millisecond short of v1 being 24 h old: still refused.
  store.clock().Set(ManualClock::DefaultStart() + absl::Hours(24) -
                    absl::Milliseconds(1));
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "v6", Tok(6))),
                             "LimitExceededException", VersionQuota(5));
}

TEST(PutSecretValueTest, VersionQuotaPurgesOldestDeprecatedAfter24Hours) {
  CheckedStore store(FiveVersions());
  FillFiveVersions(store);
  // v1 is exactly 24 h old, v2 one second younger.
  store.clock().Set(ManualClock::DefaultStart() + absl::Hours(24));
  Put(store, "s", "v6", Tok(6));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(2), {}},
                                          {Tok(3), {}},
                                          {Tok(4), {}},
                                          {Tok(5), {"AWSPREVIOUS"}},
                                          {Tok(6), {"AWSCURRENT"}}}));
  // The purged version is gone for good (verified text, ISS tf#36607).
  EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest("s", Tok(1))),
                             "InvalidRequestException", VersionDeleted(Tok(1)));
  // v2 is still one second too young.
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "v7", Tok(7))),
                             "LimitExceededException", VersionQuota(5));
  store.clock().Advance(absl::Seconds(1));
  Put(store, "s", "v7", Tok(7));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(3), {}},
                                          {Tok(4), {}},
                                          {Tok(5), {}},
                                          {Tok(6), {"AWSPREVIOUS"}},
                                          {Tok(7), {"AWSCURRENT"}}}));
}

// docs/state-machine.md Put rule 8 (inferred): a version deprecated by this
// very call (the old AWSPREVIOUS) may be purged by it.
TEST(PutSecretValueTest, VersionDeprecatedByThisCallCanBePurged) {
  StoreOptions o;
  o.max_versions_per_secret = 3;
  CheckedStore store(o);
  Create(store, "s", "v1", Tok(1));
  Put(store, "s", "v2", Tok(2));
  Put(store, "s", "v3", Tok(3), {{"X"}});
  store.clock().Advance(absl::Hours(24));
  Put(store, "s", "v4", Tok(4));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(2), {"AWSPREVIOUS"}},
                                          {Tok(3), {"X"}},
                                          {Tok(4), {"AWSCURRENT"}}}));
}

// decisions.md "Quotas" (inferred; DOC "never removes labeled versions").
TEST(PutSecretValueTest, LabelledVersionsAreNeverPurged) {
  StoreOptions o;
  o.max_versions_per_secret = 3;
  CheckedStore store(o);
  Create(store, "s", "v1", Tok(1));
  Put(store, "s", "v2", Tok(2), {{"L1"}});
  Put(store, "s", "v3", Tok(3), {{"L2"}});
  store.clock().Advance(absl::Hours(48));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.PutSecretValue(PutRequest("s", "v4", Tok(4), {{"L3"}})),
      "LimitExceededException", VersionQuota(3));
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "v4", Tok(4))),
                             "LimitExceededException", VersionQuota(3));
}

// docs/state-machine.md Put rule 3 (inferred; text verified).
TEST(PutSecretValueTest, PurgedTokenIsInvalidRequest) {
  StoreOptions o;
  o.max_versions_per_secret = 3;
  CheckedStore store(o);
  Create(store, "s", "v1", Tok(1));
  Put(store, "s", "v2", Tok(2));
  Put(store, "s", "v3", Tok(3));
  store.clock().Advance(absl::Hours(24));
  Put(store, "s", "v4", Tok(4));  // purges v1
  ASSERT_EQ(Labels(store, "s").count(Tok(1)), 0u);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "v1", Tok(1))),
                             "InvalidRequestException", VersionDeleted(Tok(1)));
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.PutSecretValue(PutRequest("s", "new", Tok(1))),
                             "InvalidRequestException", VersionDeleted(Tok(1)));
}

// decisions.md "Quotas" with the default quota of 100 (inferred).
TEST(PutSecretValueTest, DefaultQuotaKeepsAtMost100Versions) {
  CheckedStore store;
  Create(store, "s", "v", Tok(1));
  for (int i = 2; i <= 100; ++i) Put(store, "s", "v", Tok(i));
  ASSERT_EQ(AllVersions(store, "s").size(), 100u);
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.PutSecretValue(PutRequest("s", "v", Tok(101))),
      "LimitExceededException", kVersionQuota);
  store.clock().Advance(absl::Hours(24));
  Put(store, "s", "v", Tok(101));
  const LabelMap labels = Labels(store, "s");
  EXPECT_EQ(labels.size(), 100u);
  EXPECT_EQ(labels.count(Tok(1)), 0u);
  EXPECT_EQ(labels.at(Tok(2)), std::set<std::string>{});
  EXPECT_EQ(labels.at(Tok(100)), std::set<std::string>{"AWSPREVIOUS"});
  EXPECT_EQ(labels.at(Tok(101)), std::set<std::string>{"AWSCURRENT"});
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("s", Tok(1))),
                   "InvalidRequestException", VersionDeleted(Tok(1)));
}

}  // namespace
}  // namespace secretstage::test
