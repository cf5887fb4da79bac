// Direct tests of ReferenceStore on the semantics.md §11 examples, so that
// the reference is known to be right and not merely equal to SecretStore.
// Message texts are written out here again (not taken from
// reference_messages.h) so that a typo there is caught.
#include "tests/reference/reference_store.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/clock.h"
#include "core/errors.h"
#include "gtest/gtest.h"

namespace secretstage::reference {
namespace {

using LabelMap = std::map<std::string, std::vector<std::string>>;

constexpr char kPrefix[] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

std::string Tok(int n) { return absl::StrFormat("tok-%028d", n); }

template <typename T>
void ExpectError(const absl::StatusOr<T>& result, const std::string& name,
                 const std::string& message) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(AwsErrorName(result.status()), name);
  EXPECT_EQ(result.status().message(), message);
}

class ReferenceStoreTest : public ::testing::Test {
 protected:
  explicit ReferenceStoreTest(ReferenceOptions options = {})
      : store_(clock_, options) {}

  void Create(const std::string& name, const std::string& value, int token) {
    ASSERT_TRUE(store_
                    .CreateSecret({.name = name,
                                   .client_request_token = Tok(token),
                                   .secret_string = value})
                    .ok());
  }
  absl::StatusOr<model::PutSecretValueResponse> Put(
      const std::string& value, int token,
      std::optional<std::vector<std::string>> stages = std::nullopt) {
    return store_.PutSecretValue({.secret_id = "s",
                                  .client_request_token = Tok(token),
                                  .secret_string = value,
                                  .version_stages = stages});
  }
  absl::StatusOr<model::UpdateSecretVersionStageResponse> Move(
      const std::string& label, std::optional<int> from,
      std::optional<int> to) {
    model::UpdateSecretVersionStageRequest r{.secret_id = "s",
                                             .version_stage = label};
    if (from) r.remove_from_version_id = Tok(*from);
    if (to) r.move_to_version_id = Tok(*to);
    return store_.UpdateSecretVersionStage(r);
  }
  // Every version of "s" (deprecated ones map to no labels).
  LabelMap Labels() {
    LabelMap labels;
    auto list = store_.ListSecretVersionIds(
        {.secret_id = "s", .include_deprecated = true});
    EXPECT_TRUE(list.ok()) << list.status();
    if (!list.ok()) return labels;
    for (const auto& v : list->versions) labels[v.version_id] = v.version_stages;
    return labels;
  }
  std::string CurrentValue() {
    auto get = store_.GetSecretValue({.secret_id = "s"});
    return get.ok() ? get->secret_string.value_or("(binary)")
                    : std::string(get.status().message());
  }

  ManualClock clock_;
  ReferenceStore store_;
};

// §11.1, §11.2, §11.3, §11.4.
TEST_F(ReferenceStoreTest, CreateWithAndWithoutValue) {
  auto created = store_.CreateSecret(
      {.name = "s", .client_request_token = Tok(1), .secret_string = "x"});
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->arn.substr(0, sizeof(kPrefix) + 1),
            absl::StrCat(kPrefix, "s-"));
  EXPECT_EQ(created->arn.size(), sizeof(kPrefix) - 1 + 2 + 6);
  EXPECT_EQ(created->version_id, Tok(1));
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));

  auto empty = store_.CreateSecret({.name = "e"});
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->version_id.has_value());
  EXPECT_TRUE(store_.DescribeSecret({.secret_id = "e"})
                  ->version_ids_to_stages.empty());
  ExpectError(store_.GetSecretValue({.secret_id = "e"}),
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret value for "
              "staging label: AWSCURRENT");
  auto put = store_.PutSecretValue({.secret_id = "e", .secret_string = "x"});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->version_stages, std::vector<std::string>{"AWSCURRENT"});
}

// §11.5: a first version always gets AWSCURRENT, after the requested labels.
TEST_F(ReferenceStoreTest, FirstVersionGetsAwsCurrent) {
  ASSERT_TRUE(store_.CreateSecret({.name = "s"}).ok());
  auto put = Put("x", 1, std::vector<std::string>{"CUSTOM"});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->version_stages,
            (std::vector<std::string>{"CUSTOM", "AWSCURRENT"}));
}

// §11.6, §11.7: AWSCURRENT moves, AWSPREVIOUS follows, v1 is deprecated.
TEST_F(ReferenceStoreTest, PutMovesCurrentAndPrevious) {
  Create("s", "x", 1);
  ASSERT_TRUE(Put("y", 2).ok());
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                {Tok(2), {"AWSCURRENT"}}}));
  ASSERT_TRUE(Put("z", 3).ok());
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {}},
                                {Tok(2), {"AWSPREVIOUS"}},
                                {Tok(3), {"AWSCURRENT"}}}));
  auto listed = store_.ListSecretVersionIds({.secret_id = "s"});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->versions.size(), 2u);  // Newest first, v1 left out.
  EXPECT_EQ(listed->versions[0].version_id, Tok(3));
  EXPECT_EQ(listed->versions[1].version_id, Tok(2));
  EXPECT_EQ(store_.DescribeSecret({.secret_id = "s"})->version_ids_to_stages,
            (LabelMap{{Tok(2), {"AWSPREVIOUS"}}, {Tok(3), {"AWSCURRENT"}}}));
}

// §11.8, §11.9: labels without AWSCURRENT leave it where it is.
TEST_F(ReferenceStoreTest, CustomLabelsLeaveCurrent) {
  Create("s", "x", 1);
  auto pending = Put("y", 2, std::vector<std::string>{"AWSPENDING"});
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->version_stages, std::vector<std::string>{"AWSPENDING"});
  EXPECT_EQ(CurrentValue(), "x");
  ASSERT_TRUE(Put("z", 3, std::vector<std::string>{"S1", "S0"}).ok());
  auto again = Put("w", 4, std::vector<std::string>{"S1", "S0"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->version_stages, (std::vector<std::string>{"S1", "S0"}));
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                {Tok(2), {"AWSPENDING"}},
                                {Tok(3), {}},
                                {Tok(4), {"S1", "S0"}}}));
}

// §11.10, §11.11.
TEST_F(ReferenceStoreTest, LabelsLeaveTheirHolders) {
  Create("s", "x", 1);
  ASSERT_TRUE(
      Put("y", 2, std::vector<std::string>{"one", "two", "three"}).ok());
  ASSERT_TRUE(Put("z", 3, std::vector<std::string>{"one", "two", "four"}).ok());
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                {Tok(2), {"three"}},
                                {Tok(3), {"one", "two", "four"}}}));
  ASSERT_TRUE(Put("w", 4, std::vector<std::string>{"AWSCURRENT", "PUT0"}).ok());
  EXPECT_EQ(Labels()[Tok(1)], std::vector<std::string>{"AWSPREVIOUS"});
  EXPECT_EQ(Labels()[Tok(4)], (std::vector<std::string>{"PUT0", "AWSCURRENT"}));
}

// §11.12, §11.13: the old current loses AWSPENDING, keeps custom labels.
TEST_F(ReferenceStoreTest, OldCurrentLosesPendingKeepsCustom) {
  Create("s", "x", 1);
  ASSERT_TRUE(Put("y", 2).ok());
  ASSERT_TRUE(Move("AWSPENDING", std::nullopt, 2).ok());
  ASSERT_TRUE(Move("INITIAL", std::nullopt, 2).ok());
  ASSERT_TRUE(Put("z", 3).ok());
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {}},
                                {Tok(2), {"INITIAL", "AWSPREVIOUS"}},
                                {Tok(3), {"AWSCURRENT"}}}));
  ASSERT_TRUE(Move("AWSPENDING", std::nullopt, 3).ok());
  ASSERT_TRUE(Put("w", 4, std::vector<std::string>{"AWSPENDING"}).ok());
  EXPECT_EQ(Labels()[Tok(3)], std::vector<std::string>{"AWSCURRENT"});
  EXPECT_EQ(Labels()[Tok(4)], std::vector<std::string>{"AWSPENDING"});
}

// §11.14-§11.18: idempotent tokens.
TEST_F(ReferenceStoreTest, TokensAreIdempotent) {
  Create("s", "x", 1);
  auto same = Put("x", 1);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->version_id, Tok(1));
  EXPECT_EQ(same->version_stages, std::vector<std::string>{"AWSCURRENT"});
  const std::string arn = store_.DescribeSecret({.secret_id = "s"})->arn;
  const std::string in_use =
      absl::StrCat("You can't use ClientRequestToken ", Tok(1),
                   " because that value is already in use for a version of "
                   "secret ",
                   arn, ".");
  ExpectError(Put("y", 1), "ResourceExistsException", in_use);
  auto update = store_.UpdateSecret(
      {.secret_id = "s", .client_request_token = Tok(1), .secret_string = "x"});
  ASSERT_TRUE(update.ok());
  EXPECT_EQ(update->version_id, Tok(1));
  ExpectError(store_.UpdateSecret({.secret_id = "s",
                                   .client_request_token = Tok(1),
                                   .secret_string = "y"}),
              "ResourceExistsException", in_use);
  auto again = store_.CreateSecret(
      {.name = "s", .client_request_token = Tok(1), .secret_string = "x"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, (model::CreateSecretResponse{arn, "s", Tok(1)}));
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
  // §11.19.
  ExpectError(store_.CreateSecret({.name = "s", .client_request_token = Tok(2),
                                   .secret_string = "x"}),
              "ResourceExistsException",
              "The operation failed because the secret s already exists.");
}

// §11.22, §11.23.
TEST_F(ReferenceStoreTest, UpdateWithoutValueCreatesNoVersion) {
  Create("s", "x", 1);
  auto update = store_.UpdateSecret({.secret_id = "s", .description = "d"});
  ASSERT_TRUE(update.ok());
  EXPECT_FALSE(update->version_id.has_value());
  EXPECT_EQ(store_.DescribeSecret({.secret_id = "s"})->description, "d");
  ASSERT_TRUE(store_.UpdateSecret({.secret_id = "s"}).ok());
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
}

// §11.24, §11.25, §11.28.
TEST_F(ReferenceStoreTest, MoveCurrentNeedsRemoveFrom) {
  Create("s", "x", 1);
  ASSERT_TRUE(Put("y", 2, std::vector<std::string>{"AWSPENDING"}).ok());
  ExpectError(Move("AWSCURRENT", std::nullopt, 2), "InvalidParameterException",
              absl::StrCat("The parameter RemoveFromVersionId can't be empty. "
                           "Staging label AWSCURRENT is currently attached to "
                           "version ",
                           Tok(1),
                           ", so you must explicitly reference that version "
                           "in RemoveFromVersionId."));
  ExpectError(Move("AWSCURRENT", 1, std::nullopt), "InvalidParameterException",
              "You can only move staging label AWSCURRENT to a different "
              "secret version. It can\u2019t be completely removed.");
  ASSERT_TRUE(Move("AWSCURRENT", 1, 2).ok());
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                {Tok(2), {"AWSPENDING", "AWSCURRENT"}}}));
}

// §11.26, §11.27: moving AWSCURRENT touches nothing but AWSPREVIOUS.
TEST_F(ReferenceStoreTest, MoveCurrentKeepsPendingAndCustom) {
  Create("s", "x", 1);
  ASSERT_TRUE(Put("y", 2, std::vector<std::string>{"AWSCURRENT", "PUT0"}).ok());
  ASSERT_TRUE(
      Put("z", 3, std::vector<std::string>{"AWSPENDING", "PUT1"}).ok());
  ASSERT_TRUE(Move("AWSCURRENT", 2, 3).ok());
  EXPECT_EQ(Labels(),
            (LabelMap{{Tok(1), {}},
                      {Tok(2), {"PUT0", "AWSPREVIOUS"}},
                      {Tok(3), {"AWSPENDING", "PUT1", "AWSCURRENT"}}}));
  ASSERT_TRUE(Move("AWSPENDING", 3, std::nullopt).ok());
  EXPECT_EQ(Labels()[Tok(3)], (std::vector<std::string>{"PUT1", "AWSCURRENT"}));
}

// §11.29-§11.31 and the inferred error rules of decisions.md.
TEST_F(ReferenceStoreTest, AttachRemoveAndRollBack) {
  Create("s", "x", 1);
  ASSERT_TRUE(Move("LABEL", std::nullopt, 1).ok());
  EXPECT_EQ(Labels()[Tok(1)], (std::vector<std::string>{"AWSCURRENT", "LABEL"}));
  ASSERT_TRUE(Move("LABEL", 1, std::nullopt).ok());
  EXPECT_EQ(Labels()[Tok(1)], std::vector<std::string>{"AWSCURRENT"});
  ASSERT_TRUE(Put("y", 2).ok());
  ASSERT_TRUE(Move("AWSCURRENT", 2, 1).ok());  // Rollback.
  EXPECT_EQ(Labels(), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                {Tok(2), {"AWSPREVIOUS"}}}));
  ExpectError(Move("L", std::nullopt, std::nullopt), "InvalidParameterException",
              "You must specify MoveToVersionId, RemoveFromVersionId, or both.");
  ExpectError(Move("L", 9, 1), "ResourceNotFoundException",
              absl::StrCat("Secrets Manager can't find the specified secret "
                           "value for VersionId: ",
                           Tok(9)));
  ExpectError(Move("L", 2, 1), "InvalidParameterException",
              absl::StrCat("The staging label L is not attached to version ",
                           Tok(2), "."));
  ExpectError(Move("AWSPREVIOUS", 1, 1), "InvalidParameterException",
              "When you move staging label AWSPREVIOUS, if you specify "
              "RemoveFromVersionId, it must be set to the version that "
              "currently has the staging label AWSPREVIOUS.");
  EXPECT_TRUE(Move("AWSCURRENT", std::nullopt, 1).ok());  // Already there.
}

// §11.33-§11.36.
TEST_F(ReferenceStoreTest, GetSecretValueErrors) {
  Create("s", "x", 1);
  ExpectError(store_.GetSecretValue({.secret_id = "s",
                                     .version_id = Tok(1),
                                     .version_stage = "AWSPREVIOUS"}),
              "InvalidRequestException",
              "You provided a VersionStage that is not associated to the "
              "provided VersionId.");
  ExpectError(
      store_.GetSecretValue({.secret_id = "s", .version_stage = "AWSPREVIOUS"}),
      "ResourceNotFoundException",
      "Secrets Manager can't find the specified secret value for staging "
      "label: AWSPREVIOUS");
  ExpectError(store_.GetSecretValue({.secret_id = "s", .version_id = Tok(7)}),
              "ResourceNotFoundException",
              absl::StrCat("Secrets Manager can't find the specified secret "
                           "value for VersionId: ",
                           Tok(7)));
  ExpectError(store_.GetSecretValue({.secret_id = "none"}),
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret.");
  ExpectError(store_.ListSecretVersionIds({.secret_id = "none"}),
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret.");
}

// §11.37-§11.39: names, partial and full ARNs.
TEST_F(ReferenceStoreTest, SecretIdResolution) {
  Create("x-a1b2c3", "x", 1);
  Create("Valid/_+=.@-Name-a1b2", "y", 2);
  ExpectError(
      store_.GetSecretValue({.secret_id = absl::StrCat(kPrefix, "x-a1b2c3")}),
      "ResourceNotFoundException",
      "Secrets Manager can't find the specified secret.");
  EXPECT_TRUE(store_.GetSecretValue({.secret_id = "x-a1b2c3"}).ok());
  EXPECT_TRUE(store_
                  .GetSecretValue({.secret_id = absl::StrCat(
                                       kPrefix, "Valid/_+=.@-Name-a1b2")})
                  .ok());
  const std::string arn = store_.DescribeSecret({.secret_id = "x-a1b2c3"})->arn;
  EXPECT_TRUE(store_.GetSecretValue({.secret_id = arn}).ok());
  const std::string invalid =
      "Invalid name. Must be a valid name containing alphanumeric characters, "
      "or any of the following: -/_+=.@!";
  ExpectError(store_.CreateSecret({.name = "Inv Name"}), "ValidationException",
              invalid);
  ExpectError(store_.DeleteSecret({.secret_id = "Inv Name",
                                   .force_delete_without_recovery = true}),
              "ValidationException", invalid);
  ExpectError(store_.PutSecretValue({.secret_id = "Inv Name",
                                     .secret_string = "x"}),
              "ValidationException", invalid);
}

// The constraint format of state-machine.md "Request validation".
TEST_F(ReferenceStoreTest, ConstraintViolations) {
  ExpectError(store_.GetSecretValue({.secret_id = "s", .version_id = "short"}),
              "ValidationException",
              "1 validation error detected: Value 'short' at 'versionId' "
              "failed to satisfy constraint: Member must have length greater "
              "than or equal to 32");
  ExpectError(
      store_.PutSecretValue({.secret_id = "s",
                             .client_request_token = "short",
                             .secret_string = ""}),
      "ValidationException",
      "2 validation errors detected: Value 'short' at 'clientRequestToken' "
      "failed to satisfy constraint: Member must have length greater than or "
      "equal to 32; Value at 'secretString' failed to satisfy constraint: "
      "Member must have length greater than or equal to 1");
  ExpectError(store_.ListSecretVersionIds({.secret_id = "s", .max_results = 0}),
              "ValidationException",
              "1 validation error detected: Value '0' at 'maxResults' failed "
              "to satisfy constraint: Member must have value greater than or "
              "equal to 1");
}

// §11.40, §11.41, §11.44-§11.48 and the deletion rules of decisions.md.
TEST_F(ReferenceStoreTest, DeletionLifecycle) {
  Create("s", "x", 1);
  ExpectError(store_.DeleteSecret({.secret_id = "s", .recovery_window_in_days = 6}),
              "InvalidParameterException",
              "The RecoveryWindowInDays value must be between 7 and 30 days "
              "(inclusive).");
  ExpectError(store_.DeleteSecret({.secret_id = "s",
                                   .recovery_window_in_days = 7,
                                   .force_delete_without_recovery = true}),
              "InvalidParameterException",
              "You can't use ForceDeleteWithoutRecovery in conjunction with "
              "RecoveryWindowInDays.");
  auto deleted = store_.DeleteSecret({.secret_id = "s"});
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->deletion_date, clock_.Now() + absl::Hours(24 * 30));
  auto described = store_.DescribeSecret({.secret_id = "s"});
  EXPECT_EQ(described->deleted_date, deleted->deletion_date);
  EXPECT_EQ(described->version_ids_to_stages.size(), 1u);
  ExpectError(store_.CreateSecret({.name = "s"}), "InvalidRequestException",
              "You can't create this secret because a secret with this name "
              "is already scheduled for deletion.");
  const std::string marked =
      "You can't perform this operation on the secret because it was marked "
      "for deletion.";
  ExpectError(store_.GetSecretValue({.secret_id = "s"}),
              "InvalidRequestException", marked);
  ExpectError(Put("y", 2), "InvalidRequestException", marked);
  ExpectError(Move("L", std::nullopt, 1), "InvalidRequestException", marked);
  ExpectError(store_.DeleteSecret({.secret_id = "s"}), "InvalidRequestException",
              "You tried to perform the operation on a secret that's "
              "currently marked deleted.");
  ASSERT_TRUE(store_.RestoreSecret({.secret_id = "s"}).ok());
  EXPECT_EQ(CurrentValue(), "x");
  // A passed recovery window: gone, and the name is free (new ARN suffix).
  const std::string old_arn = deleted->arn;
  ASSERT_TRUE(
      store_.DeleteSecret({.secret_id = "s", .recovery_window_in_days = 7}).ok());
  clock_.Advance(absl::Hours(24 * 7));
  ExpectError(store_.DescribeSecret({.secret_id = "s"}),
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret.");
  auto again = store_.CreateSecret({.name = "s"});
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->arn, old_arn);
  // Force: gone at once; a missing secret succeeds too.
  auto forced = store_.DeleteSecret(
      {.secret_id = "s", .force_delete_without_recovery = true});
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->deletion_date, clock_.Now());
  auto missing = store_.DeleteSecret(
      {.secret_id = "s", .force_delete_without_recovery = true});
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->name, "s");
}

// §11.55 and paging.
TEST_F(ReferenceStoreTest, ListPagesNewestFirst) {
  Create("s", "x", 1);
  for (int i = 2; i <= 4; ++i) {
    clock_.Advance(absl::Seconds(1));
    ASSERT_TRUE(Put(absl::StrCat("v", i), i).ok());
  }
  auto page = store_.ListSecretVersionIds(
      {.secret_id = "s", .max_results = 1, .include_deprecated = true});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->versions[0].version_id, Tok(4));
  EXPECT_EQ(page->next_token, Tok(3));
  page = store_.ListSecretVersionIds({.secret_id = "s",
                                      .max_results = 2,
                                      .next_token = Tok(3),
                                      .include_deprecated = true});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->versions.size(), 2u);
  EXPECT_EQ(page->versions[1].version_id, Tok(2));
  EXPECT_EQ(page->next_token, Tok(1));
  EXPECT_TRUE(page->versions[1].version_stages.empty());
  ExpectError(store_.ListSecretVersionIds({.secret_id = "s", .next_token = Tok(1)}),
              "InvalidNextTokenException", "The NextToken value is invalid.");
}

// GetSecretValue records the access day (§11.57).
TEST_F(ReferenceStoreTest, GetRecordsAccessDate) {
  Create("s", "x", 1);
  clock_.Advance(absl::Hours(30));
  ASSERT_TRUE(store_.GetSecretValue({.secret_id = "s"}).ok());
  const absl::Time day = ManualClock::DefaultStart() + absl::Hours(24);
  EXPECT_EQ(store_.DescribeSecret({.secret_id = "s"})->last_accessed_date, day);
  EXPECT_EQ(
      store_.ListSecretVersionIds({.secret_id = "s"})->versions[0].last_accessed_date,
      day);
}

class SmallQuotaTest : public ReferenceStoreTest {
 protected:
  SmallQuotaTest()
      : ReferenceStoreTest(ReferenceOptions{.max_labels_per_secret = 3,
                                            .max_versions_per_secret = 3}) {}
};

// §11.56 and decisions.md "Quotas": labels.
TEST_F(SmallQuotaTest, LabelQuotaChangesNothing) {
  Create("s", "x", 1);
  ASSERT_TRUE(Put("y", 2, std::vector<std::string>{"A", "B"}).ok());
  const LabelMap before = Labels();
  ExpectError(Move("C", std::nullopt, 1), "LimitExceededException",
              "You can't attach more than 3 staging labels to the versions of "
              "a secret.");
  ExpectError(Put("z", 3), "LimitExceededException",  // Would add AWSPREVIOUS.
              "You can't attach more than 3 staging labels to the versions of "
              "a secret.");
  EXPECT_EQ(Labels(), before);
}

// decisions.md "Quotas": versions; purged ids are remembered.
TEST_F(SmallQuotaTest, VersionQuotaPurgesOldDeprecatedVersions) {
  Create("s", "x", 1);
  ASSERT_TRUE(Put("y", 2).ok());
  ASSERT_TRUE(Put("z", 3).ok());  // v1 deprecated, created now.
  ExpectError(Put("w", 4), "LimitExceededException",
              "You can't create more versions of this secret. Secrets Manager "
              "keeps at most 3 versions, and removes deprecated versions only "
              "after they are 24 hours old.");
  clock_.Advance(absl::Hours(24));
  ASSERT_TRUE(Put("w", 4).ok());  // v1 purged.
  EXPECT_EQ(Labels(), (LabelMap{{Tok(2), {}},
                                {Tok(3), {"AWSPREVIOUS"}},
                                {Tok(4), {"AWSCURRENT"}}}));
  const std::string deleted = absl::StrCat(
      "You can't perform this operation on secret version ", Tok(1),
      " because it was deleted.");
  ExpectError(store_.GetSecretValue({.secret_id = "s", .version_id = Tok(1)}),
              "InvalidRequestException", deleted);
  ExpectError(Put("x", 1), "InvalidRequestException", deleted);
}

// Generated tokens and ARN suffixes follow IdSource: Uuid() only for a call
// with a value and no token, ArnSuffix() per created secret.
TEST(ReferenceStoreIdsTest, FollowsIdSourceSequence) {
  ManualClock clock;
  ReferenceStore store(clock, ReferenceOptions{.seed = 7});
  IdSource ids(7);
  ASSERT_TRUE(store.UpdateSecret({.secret_id = "missing"}).status().code() !=
              absl::StatusCode::kOk);  // No value: no Uuid().
  auto created = store.CreateSecret({.name = "s", .secret_string = "x"});
  ASSERT_TRUE(created.ok());
  const std::string uuid = ids.Uuid();
  EXPECT_EQ(created->version_id, uuid);
  EXPECT_EQ(created->arn, absl::StrCat(kPrefix, "s-", ids.ArnSuffix()));
  auto put = store.PutSecretValue({.secret_id = "s", .secret_string = "y"});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->version_id, ids.Uuid());
}

}  // namespace
}  // namespace secretstage::reference
