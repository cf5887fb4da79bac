// ListSecrets (semantics.md §4.9, §5): which secrets are listed, the entry
// fields, order and paging. Filters are in
// secret_store_list_secrets_filter_test.cc.
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/listing_test_util.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Every field both responses have must agree; SecretVersionsToStages is
// DescribeSecret's VersionIdsToStages under another name (semantics.md §4.9).
void ExpectSameAsDescribe(const model::SecretListEntry& e,
                          const model::DescribeSecretResponse& d) {
  EXPECT_EQ(e.arn, d.arn);
  EXPECT_EQ(e.name, d.name);
  EXPECT_EQ(e.description, d.description);
  EXPECT_EQ(e.kms_key_id, d.kms_key_id);
  EXPECT_EQ(e.rotation_enabled, d.rotation_enabled);
  EXPECT_EQ(e.rotation_lambda_arn, d.rotation_lambda_arn);
  EXPECT_EQ(e.rotation_rules, d.rotation_rules);
  EXPECT_EQ(e.last_rotated_date, d.last_rotated_date);
  EXPECT_EQ(e.last_changed_date, d.last_changed_date);
  EXPECT_EQ(e.last_accessed_date, d.last_accessed_date);
  EXPECT_EQ(e.deleted_date, d.deleted_date);
  EXPECT_EQ(e.next_rotation_date, d.next_rotation_date);
  EXPECT_EQ(e.tags, d.tags);
  EXPECT_EQ(e.secret_versions_to_stages, d.version_ids_to_stages);
  EXPECT_EQ(e.created_date, d.created_date);
}

model::ListSecretsRequest Sorted(std::optional<std::string> by,
                                 std::optional<std::string> order) {
  model::ListSecretsRequest req;
  req.sort_by = std::move(by);
  req.sort_order = std::move(order);
  return req;
}

// semantics.md §4.9, §5 (documented, MODEL): scheduled secrets are hidden
// unless IncludePlannedDeletion; then DeletedDate is the scheduled date, as
// in DescribeSecret (semantics.md §10.7).
TEST(ListSecretsTest, ScheduledSecretsOnlyWithIncludePlannedDeletion) {
  CheckedStore store;
  Create(store, "a", "x", Tok(1));
  Create(store, "b", "x", Tok(2));
  auto del = store.DeleteSecret({"b", 7, std::nullopt});
  ASSERT_OK(del);
  EXPECT_THAT(ListedNames(store, {}), ElementsAre("a"));
  model::ListSecretsRequest req;
  req.include_planned_deletion = false;
  EXPECT_THAT(ListedNames(store, req), ElementsAre("a"));
  req.include_planned_deletion = true;
  const auto all = ListAll(store, req);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "a");
  EXPECT_EQ(all[0].deleted_date, std::nullopt);
  EXPECT_EQ(all[1].name, "b");
  EXPECT_EQ(all[1].deleted_date, del->deletion_date);
  ExpectSameAsDescribe(all[1], Describe(store, "b"));
}

// docs/state-machine.md "DeleteSecret" (verified §11.44; inferred for the
// passed recovery window): a gone secret is never listed.
TEST(ListSecretsTest, GoneSecretsAreNeverListed) {
  CheckedStore store;
  Create(store, "a", "x", Tok(1));
  Create(store, "forced", "x", Tok(2));
  Create(store, "expired", "x", Tok(3));
  ASSERT_OK(store.DeleteSecret({"forced", std::nullopt, true}));
  ASSERT_OK(store.DeleteSecret({"expired", 7, std::nullopt}));
  store.clock().Advance(absl::Hours(24 * 7));
  model::ListSecretsRequest req;
  req.include_planned_deletion = true;
  EXPECT_THAT(ListedNames(store, req), ElementsAre("a"));
}

// semantics.md §4.9 (documented): entries carry DescribeSecret's fields;
// SecretVersionsToStages lists labelled versions only (§1.4).
TEST(ListSecretsTest, EntryEqualsDescribeSecret) {
  CheckedStore store;
  CreateWith(store, "s", "v1", "my description",
             {{"Env", "prod"}, {"Team", ""}});
  store.clock().Advance(absl::Seconds(1));
  Put(store, "s", "v2", Tok(2));
  Put(store, "s", "v3", Tok(3), std::vector<std::string>{"CUSTOM"});
  Put(store, "s", "v4", Tok(4));  // the first version is now deprecated
  Get(store, "s");
  CreateEmpty(store, "empty");
  const auto all = ListAll(store, {});
  ASSERT_EQ(all.size(), 2u);
  ExpectSameAsDescribe(all[0], Describe(store, "s"));
  EXPECT_EQ(all[0].secret_versions_to_stages.size(), 3u);
  EXPECT_TRUE(all[0].last_accessed_date.has_value());
  EXPECT_EQ(all[0].description, "my description");
  ExpectSameAsDescribe(all[1], Describe(store, "empty"));
  EXPECT_THAT(all[1].secret_versions_to_stages, IsEmpty());
}

// semantics.md §4.9: the rotation fields agree with DescribeSecret too
// (RotateSecret through the built-in template handler).
TEST(ListSecretsTest, RotationFieldsEqualDescribeSecret) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  model::RotationRules rules;
  rules.automatically_after_days = 30;
  model::RotateSecretRequest rotate;
  rotate.secret_id = "s";
  rotate.client_request_token = Tok(2);
  rotate.rotation_lambda_arn =
      "arn:aws:lambda:us-east-1:123456789012:function:rotate";
  rotate.rotation_rules = rules;
  ASSERT_OK(store.raw().RotateSecret(rotate));
  ASSERT_OK(store.raw().CheckInvariants());
  const auto all = ListAll(store, {});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rotation_enabled, true);
  EXPECT_TRUE(all[0].last_rotated_date.has_value());
  ExpectSameAsDescribe(all[0], Describe(store, "s"));
}

// Inferred (AWS: "If not specified, secrets are listed by CreatedDate"; the
// direction is undocumented): oldest first.
TEST(ListSecretsTest, DefaultOrderIsCreatedDateAscending) {
  CheckedStore store;
  for (const char* name : {"c", "a", "b"}) {
    Create(store, name, "x");
    store.clock().Advance(absl::Seconds(1));
  }
  EXPECT_THAT(ListedNames(store, {}), ElementsAre("c", "a", "b"));
  EXPECT_THAT(ListedNames(store, Sorted("created-date", "asc")),
              ElementsAre("c", "a", "b"));
  EXPECT_THAT(ListedNames(store, Sorted(std::nullopt, "desc")),
              ElementsAre("b", "a", "c"));
  EXPECT_THAT(ListedNames(store, Sorted("name", std::nullopt)),
              ElementsAre("a", "b", "c"));
  EXPECT_THAT(ListedNames(store, Sorted("name", "desc")),
              ElementsAre("c", "b", "a"));
}

// Inferred: secrets with equal sort keys are ordered by name (then ARN);
// desc is the exact reverse.
TEST(ListSecretsTest, TiesAreBrokenByName) {
  CheckedStore store;
  for (const char* name : {"y", "x", "z"}) Create(store, name, "v");
  EXPECT_THAT(ListedNames(store, {}), ElementsAre("x", "y", "z"));
  EXPECT_THAT(ListedNames(store, Sorted(std::nullopt, "desc")),
              ElementsAre("z", "y", "x"));
}

// semantics.md §4.9 (documented SortBy values): last-changed-date.
TEST(ListSecretsTest, SortByLastChangedDate) {
  CheckedStore store;
  for (const char* name : {"a", "b", "c"}) {
    Create(store, name, "x");
    store.clock().Advance(absl::Seconds(1));
  }
  model::UpdateSecretRequest update;
  update.secret_id = "a";
  update.description = "changed";
  ASSERT_OK(store.UpdateSecret(update));
  EXPECT_THAT(ListedNames(store, Sorted("last-changed-date", "asc")),
              ElementsAre("b", "c", "a"));
  EXPECT_THAT(ListedNames(store, Sorted("last-changed-date", "desc")),
              ElementsAre("a", "c", "b"));
}

// semantics.md §4.9 (documented SortBy values): last-accessed-date; a
// secret never read sorts first in ascending order (inferred).
TEST(ListSecretsTest, SortByLastAccessedDate) {
  CheckedStore store;
  for (const char* name : {"a", "b", "c"}) Create(store, name, "x");
  Get(store, "c");
  store.clock().Advance(absl::Hours(24));
  Get(store, "b");
  EXPECT_THAT(ListedNames(store, Sorted("last-accessed-date", std::nullopt)),
              ElementsAre("a", "c", "b"));
  EXPECT_THAT(ListedNames(store, Sorted("last-accessed-date", "desc")),
              ElementsAre("b", "c", "a"));
}

// semantics.md §4.9 (MaxResults 1..100, NextToken; paging behaviour
// inferred): pages of MaxResults; the last page has no NextToken.
TEST(ListSecretsTest, PagesFollowNextToken) {
  CheckedStore store;
  for (int i = 0; i < 5; ++i) {
    Create(store, absl::StrFormat("s%d", i), "x");
    store.clock().Advance(absl::Seconds(1));
  }
  model::ListSecretsRequest req;
  req.max_results = 2;
  std::vector<std::string> names;
  std::vector<size_t> sizes;
  for (int page = 0; page < 10; ++page) {
    auto r = CheckedListSecrets(store, req);
    ASSERT_OK(r);
    sizes.push_back(r->secret_list.size());
    for (const auto& e : r->secret_list) names.push_back(e.name);
    if (!r->next_token) break;
    req.next_token = r->next_token;
  }
  EXPECT_THAT(sizes, ElementsAre(2, 2, 1));
  EXPECT_THAT(names, ElementsAre("s0", "s1", "s2", "s3", "s4"));
}

// Inferred: NextToken stays valid while secrets come and go; nothing is
// listed twice and no surviving secret is skipped.
TEST(ListSecretsTest, NextTokenIsStableAcrossChanges) {
  CheckedStore store;
  for (const char* name : {"a", "b", "c", "d"}) {
    Create(store, name, "x");
    store.clock().Advance(absl::Seconds(1));
  }
  model::ListSecretsRequest req;
  req.max_results = 2;
  auto first = CheckedListSecrets(store, req);
  ASSERT_OK(first);
  ASSERT_TRUE(first->next_token.has_value());
  ASSERT_OK(store.DeleteSecret({"a", std::nullopt, true}));
  ASSERT_OK(store.DeleteSecret({"c", std::nullopt, true}));
  Create(store, "e", "x");
  req.next_token = first->next_token;
  auto second = CheckedListSecrets(store, req);
  ASSERT_OK(second);
  std::vector<std::string> names;
  for (const auto& e : second->secret_list) names.push_back(e.name);
  EXPECT_THAT(names, ElementsAre("d", "e"));
  EXPECT_FALSE(second->next_token.has_value());
}

// decisions.md "Listing and reading" (inferred message, as
// ListSecretVersionIds): a token that is not one of ours, or was issued for
// another order, is InvalidNextTokenException.
TEST(ListSecretsTest, ForeignNextTokenIsInvalid) {
  CheckedStore store;
  for (const char* name : {"a", "b", "c"}) Create(store, name, "x");
  model::ListSecretsRequest req;
  req.max_results = 1;
  auto first = CheckedListSecrets(store, req);
  ASSERT_OK(first);
  ASSERT_TRUE(first->next_token.has_value());
  for (const std::string& token :
       {std::string("not a token"), std::string("djE"), *first->next_token}) {
    SCOPED_TRACE(token);
    model::ListSecretsRequest bad = req;
    bad.next_token = token;
    if (token == *first->next_token) bad.sort_order = "desc";
    EXPECT_AWS_ERROR_UNCHANGED(store, CheckedListSecrets(store, bad),
                               "InvalidNextTokenException", kInvalidNextToken);
  }
}

// The store is sharded (16 shards): a listing gathers every shard and
// orders the union (inferred; ARCHITECTURE.md "sharding by secret").
TEST(ListSecretsTest, ListsEverySecretOfEveryShardInOrder) {
  CheckedStore store;
  std::vector<std::string> expected;
  for (int i = 0; i < 250; ++i) expected.push_back(absl::StrFormat("s%03d", i));
  for (int i = 249; i >= 0; --i) Create(store, expected[i], "x");
  model::ListSecretsRequest req = Sorted("name", "asc");
  req.max_results = 100;
  EXPECT_EQ(ListedNames(store, req), expected);
}

// docs/state-machine.md "Request validation" (inferred form, MODEL
// constraints): MaxResults 1..100, NextToken 1..4096, SortOrder and SortBy
// enums.
TEST(ListSecretsTest, ConstraintViolationsAreValidationExceptions) {
  CheckedStore store;
  Create(store, "s", "x");
  model::ListSecretsRequest req;
  req.max_results = 0;
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedListSecrets(store, req), "ValidationException",
      OneValidationError("0", "maxResults",
                         "have value greater than or equal to 1"));
  req.max_results = 101;
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedListSecrets(store, req), "ValidationException",
      OneValidationError("101", "maxResults",
                         "have value less than or equal to 100"));
  req = {};
  req.next_token = "";
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedListSecrets(store, req), "ValidationException",
      OneValidationError("", "nextToken",
                         "have length greater than or equal to 1"));
  req = Sorted(std::nullopt, "up");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedListSecrets(store, req), "ValidationException",
      OneValidationError("up", "sortOrder",
                         "satisfy enum value set: [asc, desc]"));
  req = Sorted("size", std::nullopt);
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedListSecrets(store, req), "ValidationException",
      OneValidationError("size", "sortBy",
                         "satisfy enum value set: [created-date, "
                         "last-accessed-date, last-changed-date, name]"));
  req = Sorted("size", "up");
  req.max_results = 0;
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedListSecrets(store, req), "ValidationException",
      "3 validation errors detected: Value '0' at 'maxResults' failed to "
      "satisfy constraint: Member must have value greater than or equal to "
      "1; Value 'up' at 'sortOrder' failed to satisfy constraint: Member must "
      "satisfy enum value set: [asc, desc]; Value 'size' at 'sortBy' failed "
      "to satisfy constraint: Member must satisfy enum value set: "
      "[created-date, last-accessed-date, last-changed-date, name]");
}

}  // namespace
}  // namespace secretstage::test
