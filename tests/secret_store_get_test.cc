// GetSecretValue (semantics.md §4.5; docs/state-machine.md "GetSecretValue").
#include <string>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// semantics.md §4.5 (documented, MODEL): no id and no stage -> AWSCURRENT.
TEST(GetSecretValueTest, ReturnsAwsCurrentByDefault) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  const absl::Time created = store.Now();
  store.clock().Advance(absl::Seconds(5));
  const auto g = Get(store, "s");
  EXPECT_EQ(g.arn, c.arn);
  EXPECT_EQ(g.name, "s");
  EXPECT_EQ(g.version_id, Tok(1));
  EXPECT_EQ(g.secret_string, "x");
  EXPECT_FALSE(g.secret_binary.has_value());
  EXPECT_THAT(g.version_stages, UnorderedElementsAre("AWSCURRENT"));
  EXPECT_EQ(g.created_date, created);
}

// semantics.md §4.5 (verified, LS): by stage and by id; VersionStages lists
// all labels of the version.
TEST(GetSecretValueTest, ReadsByStageAndById) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"AWSPENDING", "X"}});
  const auto by_stage = Get(store, "s", std::nullopt, "X");
  EXPECT_EQ(by_stage.version_id, Tok(2));
  EXPECT_EQ(by_stage.secret_string, "y");
  EXPECT_THAT(by_stage.version_stages, UnorderedElementsAre("AWSPENDING", "X"));
  const auto by_id = Get(store, "s", Tok(1));
  EXPECT_EQ(by_id.secret_string, "x");
  EXPECT_THAT(by_id.version_stages, UnorderedElementsAre("AWSCURRENT"));
  const auto both = Get(store, "s", Tok(2), "AWSPENDING");
  EXPECT_EQ(both.version_id, Tok(2));
}

// semantics.md §11.3 (verified, LS test_secret_version_not_found).
TEST(GetSecretValueTest, EmptySecretIsResourceNotFoundForAwsCurrent) {
  CheckedStore store;
  CreateEmpty(store, "s");
  EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest("s")),
                             "ResourceNotFoundException",
                             NoValueForStage("AWSCURRENT"));
}

// semantics.md §11.33 (verified, LS test_get_secret_value_errors).
TEST(GetSecretValueTest, MismatchedVersionIdAndStageIsInvalidRequest) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.GetSecretValue(GetRequest("s", Tok(1), "AWSPREVIOUS")),
      "InvalidRequestException",
      "You provided a VersionStage that is not associated to the provided "
      "VersionId.");
}

// docs/state-machine.md GetSecretValue "VersionId and VersionStage naming
// different versions" (verified text §11.33; both attached here).
TEST(GetSecretValueTest, IdAndStageOfDifferentVersionsIsInvalidRequest) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.GetSecretValue(GetRequest("s", Tok(2), "AWSPREVIOUS")),
      "InvalidRequestException",
      "You provided a VersionStage that is not associated to the provided "
      "VersionId.");
}

// semantics.md §11.34 (verified, LS test_get_secret_value_errors).
TEST(GetSecretValueTest, UnattachedStageIsResourceNotFound) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.GetSecretValue(GetRequest("s", std::nullopt, "AWSPREVIOUS")),
      "ResourceNotFoundException", NoValueForStage("AWSPREVIOUS"));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.GetSecretValue(GetRequest("s", std::nullopt, "AWSPENDING")),
      "ResourceNotFoundException", NoValueForStage("AWSPENDING"));
}

// semantics.md §11.35 (verified, LS test_secret_version_not_found).
TEST(GetSecretValueTest, UnknownVersionIdIsResourceNotFound) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const std::string id = "a1b2c3d4-0000-4000-8000-123456789abc";
  EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest("s", id)),
                             "ResourceNotFoundException",
                             NoValueForVersionId(id));
}

// semantics.md §11.36 (verified, LS test_secret_not_found).
TEST(GetSecretValueTest, MissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest("s")),
                             "ResourceNotFoundException", kSecretNotFound);
}

// semantics.md §11.37 (verified, LS test_create_and_update_secret[Invalid…]).
TEST(GetSecretValueTest, PartialArnOfNameEndingInSixCharsIsResourceNotFound) {
  CheckedStore store;
  Create(store, "x-a1b2c3", "v", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.GetSecretValue(GetRequest(store.ArnPrefix() + "x-a1b2c3")),
      "ResourceNotFoundException", kSecretNotFound);
  EXPECT_EQ(Get(store, "x-a1b2c3").secret_string, "v");
}

// semantics.md §11.38 (verified, LS test_create_and_update_secret[Valid…]).
TEST(GetSecretValueTest, PartialArnWorks) {
  CheckedStore store;
  const auto c = Create(store, "Valid/_+=.@-Name-a1b2", "v", Tok(1));
  const auto g = Get(store, c.arn.substr(0, c.arn.size() - 7));
  EXPECT_EQ(g.secret_string, "v");
  EXPECT_EQ(g.arn, c.arn);
}

// semantics.md §7 constraint form (verified text, ISS tf#35827): a stage
// name passed as VersionId.
TEST(GetSecretValueTest, ShortVersionIdIsValidationException) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.GetSecretValue(GetRequest("s", "AWSCURRENT")),
      "ValidationException",
      "1 validation error detected: Value 'AWSCURRENT' at 'versionId' failed "
      "to satisfy constraint: Member must have length greater than or equal "
      "to 32");
}

// semantics.md §11.60 (verified, LS test_change_secret_value_after_creation):
// every byte, including NUL and 0xff, round-trips.
TEST(GetSecretValueTest, BinaryValueRoundTripsIncludingNul) {
  CheckedStore store;
  model::CreateSecretRequest create;
  create.name = "s";
  create.client_request_token = Tok(1);
  create.secret_binary = "initial";
  ASSERT_OK(store.CreateSecret(create));
  const std::string bytes("\x00\x01\x02\xff", 4);
  model::PutSecretValueRequest put;
  put.secret_id = "s";
  put.client_request_token = Tok(2);
  put.secret_binary = bytes;
  ASSERT_OK(store.PutSecretValue(put));
  model::UpdateSecretRequest update;
  update.secret_id = "s";
  update.client_request_token = Tok(3);
  update.secret_binary = std::string("\xfe\xfd", 2);
  ASSERT_OK(store.UpdateSecret(update));

  EXPECT_EQ(Get(store, "s", Tok(1)).secret_binary, "initial");
  const auto g = Get(store, "s", Tok(2));
  ASSERT_TRUE(g.secret_binary.has_value());
  EXPECT_EQ(g.secret_binary->size(), 4u);
  EXPECT_EQ(*g.secret_binary, bytes);
  EXPECT_FALSE(g.secret_string.has_value());
  EXPECT_EQ(Get(store, "s").secret_binary, std::string("\xfe\xfd", 2));
}

// semantics.md §1.4 (inferred from TF): a deprecated version is readable by
// id, with no VersionStages.
TEST(GetSecretValueTest, DeprecatedVersionReadableByIdWithEmptyStages) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  Put(store, "s", "z", Tok(3));
  const auto g = Get(store, "s", Tok(1));
  EXPECT_EQ(g.version_id, Tok(1));
  EXPECT_EQ(g.secret_string, "x");
  EXPECT_THAT(g.version_stages, IsEmpty());
}

// semantics.md §4.5 side effect, §11.57 (verified, LS: versions gain
// LastAccessedDate after being read); day resolution (MODEL).
TEST(GetSecretValueTest, RecordsLastAccessedDateAtUtcMidnight) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  EXPECT_FALSE(Describe(store, "s").last_accessed_date.has_value());
  for (const auto& v : AllVersions(store, "s")) {
    EXPECT_FALSE(v.last_accessed_date.has_value()) << v.version_id;
  }

  store.clock().Advance(absl::Hours(13) + absl::Minutes(7));
  Get(store, "s");
  const absl::Time day1 = ManualClock::DefaultStart();  // 2024-01-01T00:00Z
  EXPECT_EQ(Describe(store, "s").last_accessed_date, day1);
  for (const auto& v : AllVersions(store, "s")) {
    if (v.version_id == Tok(2)) {
      EXPECT_EQ(v.last_accessed_date, day1);
    } else {
      EXPECT_FALSE(v.last_accessed_date.has_value()) << v.version_id;
    }
  }

  // Next day, read the older version: both dates move for it and the secret.
  store.clock().Advance(absl::Hours(24));
  Get(store, "s", Tok(1));
  const absl::Time day2 = day1 + absl::Hours(24);
  EXPECT_EQ(Describe(store, "s").last_accessed_date, day2);
  for (const auto& v : AllVersions(store, "s")) {
    EXPECT_EQ(v.last_accessed_date, v.version_id == Tok(1) ? day2 : day1)
        << v.version_id;
  }
}

// ARCHITECTURE.md "a failed call changes nothing": a failed read does not
// record an access.
TEST(GetSecretValueTest, FailedReadDoesNotRecordAccess) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.GetSecretValue(GetRequest("s", std::nullopt, "NOPE")),
      "ResourceNotFoundException", NoValueForStage("NOPE"));
  EXPECT_FALSE(Describe(store, "s").last_accessed_date.has_value());
}

}  // namespace
}  // namespace secretstage::test
