// ListSecretVersionIds and DescribeSecret's VersionIdsToStages (semantics.md
// §4.7, §4.8; docs/state-machine.md "DescribeSecret, ListSecretVersionIds").
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

model::ListSecretVersionIdsRequest ListRequest(
    std::string id, std::optional<bool> include_deprecated = {},
    std::optional<int32_t> max_results = {},
    std::optional<std::string> next_token = {}) {
  model::ListSecretVersionIdsRequest req;
  req.secret_id = std::move(id);
  req.include_deprecated = include_deprecated;
  req.max_results = max_results;
  req.next_token = std::move(next_token);
  return req;
}

std::vector<std::string> Ids(const model::ListSecretVersionIdsResponse& r) {
  std::vector<std::string> out;
  for (const auto& v : r.versions) out.push_back(v.version_id);
  return out;
}

// Versions v1..vn, one second apart; the last one is AWSCURRENT, the one
// before AWSPREVIOUS, the rest deprecated.
void MakeVersions(CheckedStore& store, int n) {
  Create(store, "s", "v", Tok(1));
  for (int i = 2; i <= n; ++i) {
    store.clock().Advance(absl::Seconds(1));
    Put(store, "s", "v", Tok(i));
  }
}

// semantics.md §11.7 / §11.55 (verified, LS test_deprecated_secret_version_stage).
TEST(ListSecretVersionIdsTest, DeprecatedVersionsOnlyWithIncludeDeprecated) {
  CheckedStore store;
  MakeVersions(store, 4);
  auto labelled = store.ListSecretVersionIds(ListRequest("s"));
  ASSERT_OK(labelled);
  EXPECT_THAT(Ids(*labelled), UnorderedElementsAre(Tok(3), Tok(4)));
  auto all = store.ListSecretVersionIds(ListRequest("s", true));
  ASSERT_OK(all);
  EXPECT_THAT(Ids(*all), UnorderedElementsAre(Tok(1), Tok(2), Tok(3), Tok(4)));
  for (const auto& v : all->versions) {
    if (v.version_id == Tok(1) || v.version_id == Tok(2)) {
      EXPECT_THAT(v.version_stages, IsEmpty()) << v.version_id;
    }
  }
  auto explicit_false = store.ListSecretVersionIds(ListRequest("s", false));
  ASSERT_OK(explicit_false);
  EXPECT_EQ(Ids(*explicit_false), Ids(*labelled));
}

// semantics.md §4.8 response shape (verified, LS): ARN, Name, entries with
// CreatedDate and stages.
TEST(ListSecretVersionIdsTest, ResponseCarriesArnNameAndCreatedDates) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  const absl::Time t1 = store.Now();
  store.clock().Advance(absl::Milliseconds(1500));
  Put(store, "s", "y", Tok(2));
  auto r = store.ListSecretVersionIds(ListRequest("s"));
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_FALSE(r->next_token.has_value());
  ASSERT_EQ(r->versions.size(), 2u);
  EXPECT_EQ(r->versions[0].version_id, Tok(2));
  EXPECT_EQ(r->versions[0].created_date, t1 + absl::Milliseconds(1500));
  EXPECT_THAT(r->versions[0].version_stages, UnorderedElementsAre("AWSCURRENT"));
  EXPECT_EQ(r->versions[1].version_id, Tok(1));
  EXPECT_EQ(r->versions[1].created_date, t1);
  EXPECT_THAT(r->versions[1].version_stages, UnorderedElementsAre("AWSPREVIOUS"));
}

// decisions.md "Listing and reading" (inferred): newest first.
TEST(ListSecretVersionIdsTest, ListsNewestFirst) {
  CheckedStore store;
  MakeVersions(store, 4);
  auto r = store.ListSecretVersionIds(ListRequest("s", true));
  ASSERT_OK(r);
  EXPECT_THAT(Ids(*r), ElementsAre(Tok(4), Tok(3), Tok(2), Tok(1)));
}

// decisions.md "Listing and reading" (inferred): equal CreatedDate -> later
// creation first.
TEST(ListSecretVersionIdsTest, SameInstantVersionsListedInReverseCreationOrder) {
  CheckedStore store;
  Create(store, "s", "v", Tok(1));
  Put(store, "s", "v", Tok(2), {{"A"}});
  Put(store, "s", "v", Tok(3), {{"B"}});
  auto r = store.ListSecretVersionIds(ListRequest("s", true));
  ASSERT_OK(r);
  EXPECT_THAT(Ids(*r), ElementsAre(Tok(3), Tok(2), Tok(1)));
}

// docs/state-machine.md "MaxResults 1..100 … NextToken" (inferred).
TEST(ListSecretVersionIdsTest, PagesWithMaxResultsAndNextToken) {
  CheckedStore store;
  MakeVersions(store, 5);
  auto p1 = store.ListSecretVersionIds(ListRequest("s", true, 2));
  ASSERT_OK(p1);
  EXPECT_THAT(Ids(*p1), ElementsAre(Tok(5), Tok(4)));
  ASSERT_TRUE(p1->next_token.has_value());
  auto p2 = store.ListSecretVersionIds(ListRequest("s", true, 2, p1->next_token));
  ASSERT_OK(p2);
  EXPECT_THAT(Ids(*p2), ElementsAre(Tok(3), Tok(2)));
  ASSERT_TRUE(p2->next_token.has_value());
  // The same token gives the same page while the secret is unchanged.
  auto p2_again =
      store.ListSecretVersionIds(ListRequest("s", true, 2, p1->next_token));
  ASSERT_OK(p2_again);
  EXPECT_EQ(*p2_again, *p2);
  auto p3 = store.ListSecretVersionIds(ListRequest("s", true, 2, p2->next_token));
  ASSERT_OK(p3);
  EXPECT_THAT(Ids(*p3), ElementsAre(Tok(1)));
  EXPECT_FALSE(p3->next_token.has_value());
}

// docs/state-machine.md (inferred): paging without IncludeDeprecated pages
// over labelled versions only.
TEST(ListSecretVersionIdsTest, PagesOverLabelledVersionsOnly) {
  CheckedStore store;
  MakeVersions(store, 5);  // v4 AWSPREVIOUS, v5 AWSCURRENT
  Move(store, "s", "OLD", std::nullopt, Tok(1));
  auto p1 = store.ListSecretVersionIds(ListRequest("s", false, 2));
  ASSERT_OK(p1);
  EXPECT_THAT(Ids(*p1), ElementsAre(Tok(5), Tok(4)));
  ASSERT_TRUE(p1->next_token.has_value());
  auto p2 =
      store.ListSecretVersionIds(ListRequest("s", false, 2, p1->next_token));
  ASSERT_OK(p2);
  EXPECT_THAT(Ids(*p2), ElementsAre(Tok(1)));
  EXPECT_FALSE(p2->next_token.has_value());
}

// docs/state-machine.md (inferred message).
TEST(ListSecretVersionIdsTest, InvalidNextTokenIsInvalidNextTokenException) {
  CheckedStore store;
  MakeVersions(store, 3);
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.ListSecretVersionIds(ListRequest("s", true, 2, "not-a-token")),
      "InvalidNextTokenException", kInvalidNextToken);
  // A VersionId that is not in the listing (deprecated, without
  // IncludeDeprecated) is not a valid token either.
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.ListSecretVersionIds(ListRequest("s", false, 2, Tok(1))),
      "InvalidNextTokenException", kInvalidNextToken);
}

// semantics.md §4.8 (verified for the default, LS snapshots).
TEST(ListSecretVersionIdsTest, KmsKeyIdsDefaultToDefaultEncryptionKey) {
  CheckedStore store;
  MakeVersions(store, 2);
  for (const auto& v : AllVersions(store, "s")) {
    EXPECT_THAT(v.kms_key_ids, ElementsAre("DefaultEncryptionKey"))
        << v.version_id;
  }
}

// decisions.md "Listing and reading" (inferred): the secret's KmsKeyId.
TEST(ListSecretVersionIdsTest, KmsKeyIdsShowCustomKey) {
  CheckedStore store;
  model::CreateSecretRequest req;
  req.name = "s";
  req.client_request_token = Tok(1);
  req.secret_string = "x";
  req.kms_key_id = "alias/custom";
  ASSERT_OK(store.CreateSecret(req));
  Put(store, "s", "y", Tok(2));
  for (const auto& v : AllVersions(store, "s")) {
    EXPECT_THAT(v.kms_key_ids, ElementsAre("alias/custom")) << v.version_id;
  }
}

// semantics.md §4.8 MaxResults 1..100 (documented; inferred message form).
TEST(ListSecretVersionIdsTest, MaxResultsOutOfRangeIsValidationException) {
  CheckedStore store;
  MakeVersions(store, 2);
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.ListSecretVersionIds(ListRequest("s", true, 0)),
      "ValidationException",
      OneValidationError("0", "maxResults",
                         "have value greater than or equal to 1"));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.ListSecretVersionIds(ListRequest("s", true, 101)),
      "ValidationException",
      OneValidationError("101", "maxResults",
                         "have value less than or equal to 100"));
}

// semantics.md §4.8 bounds (documented): 1 and 100 are accepted.
TEST(ListSecretVersionIdsTest, MaxResultsBoundsAccepted) {
  CheckedStore store;
  MakeVersions(store, 2);
  auto one = store.ListSecretVersionIds(ListRequest("s", true, 1));
  ASSERT_OK(one);
  EXPECT_EQ(one->versions.size(), 1u);
  auto hundred = store.ListSecretVersionIds(ListRequest("s", true, 100));
  ASSERT_OK(hundred);
  EXPECT_EQ(hundred->versions.size(), 2u);
}

// semantics.md §11.36 (verified, LS test_secret_not_found).
TEST(ListSecretVersionIdsTest, MissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store, store.ListSecretVersionIds(ListRequest("s")),
                             "ResourceNotFoundException", kSecretNotFound);
}

// semantics.md §11.2 (verified, LS): a secret without versions lists none.
TEST(ListSecretVersionIdsTest, EmptySecretHasNoVersions) {
  CheckedStore store;
  CreateEmpty(store, "s");
  auto r = store.ListSecretVersionIds(ListRequest("s", true));
  ASSERT_OK(r);
  EXPECT_THAT(r->versions, IsEmpty());
  EXPECT_FALSE(r->next_token.has_value());
}

// semantics.md §4.7 (verified, LS): VersionIdsToStages lists labelled
// versions only and agrees with ListSecretVersionIds.
TEST(DescribeSecretTest, VersionIdsToStagesListsLabelledVersionsOnly) {
  CheckedStore store;
  MakeVersions(store, 3);
  Put(store, "s", "p", Tok(4), {{"AWSPENDING", "X"}});
  const auto d = Describe(store, "s");
  ASSERT_EQ(d.version_ids_to_stages.size(), 3u);
  EXPECT_THAT(d.version_ids_to_stages.at(Tok(2)),
              UnorderedElementsAre("AWSPREVIOUS"));
  EXPECT_THAT(d.version_ids_to_stages.at(Tok(3)),
              UnorderedElementsAre("AWSCURRENT"));
  EXPECT_THAT(d.version_ids_to_stages.at(Tok(4)),
              UnorderedElementsAre("AWSPENDING", "X"));
}

// semantics.md §11.36 (verified text).
TEST(DescribeSecretTest, MissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store, store.DescribeSecret({"s"}),
                             "ResourceNotFoundException", kSecretNotFound);
}

}  // namespace
}  // namespace secretstage::test
