// BatchGetSecretValue (semantics.md §4.6, §11.58, §11.59).
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
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

constexpr char kEitherIdsOrFilters[] =
    "Either 'SecretIdList' or 'Filters' must be provided, but not both.";
constexpr char kMaxResultsNeedsFilters[] =
    "'Filters' not specified. 'Filters' must also be specified when "
    "'MaxResults' is provided.";

model::BatchGetSecretValueRequest ByIds(std::vector<std::string> ids) {
  model::BatchGetSecretValueRequest req;
  req.secret_id_list = std::move(ids);
  return req;
}

model::BatchGetSecretValueRequest ByFilters(std::vector<model::Filter> filters,
                                            std::optional<int32_t> max = {}) {
  model::BatchGetSecretValueRequest req;
  req.filters = std::move(filters);
  req.max_results = max;
  return req;
}

void ExpectSameAsGet(const model::SecretValueEntry& e,
                     const model::GetSecretValueResponse& g) {
  EXPECT_EQ(e.arn, g.arn);
  EXPECT_EQ(e.name, g.name);
  EXPECT_EQ(e.version_id, g.version_id);
  EXPECT_EQ(e.secret_string, g.secret_string);
  EXPECT_EQ(e.secret_binary, g.secret_binary);
  EXPECT_EQ(e.version_stages, g.version_stages);
  EXPECT_EQ(e.created_date, g.created_date);
}

std::vector<std::string> NamesOf(const model::BatchGetSecretValueResponse& r) {
  std::vector<std::string> names;
  for (const auto& v : r.secret_values) names.push_back(v.name);
  return names;
}

// semantics.md §11.58 (documented + ISS moto#7592/floci#1513): a missing
// secret is an entry of Errors; the call succeeds.
TEST(BatchGetSecretValueTest, MissingSecretGoesToErrors) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  auto r = CheckedBatchGet(store, ByIds({"s", "missing"}));
  ASSERT_OK(r);
  ASSERT_EQ(r->secret_values.size(), 1u);
  ExpectSameAsGet(r->secret_values[0], Get(store, "s"));
  EXPECT_THAT(r->errors,
              ElementsAre(model::APIErrorType{
                  "missing", "ResourceNotFoundException", kSecretNotFound}));
  EXPECT_FALSE(r->next_token.has_value());
}

// semantics.md §4.6 (inferred: each id is read as GetSecretValue reads
// AWSCURRENT): by name, full ARN or partial ARN, in request order, string
// and binary values.
TEST(BatchGetSecretValueTest, ReadsAwsCurrentOfEachIdInOrder) {
  CheckedStore store;
  const auto a = Create(store, "a", "x", Tok(1));
  Put(store, "a", "y", Tok(2), std::vector<std::string>{"AWSPENDING"});
  model::CreateSecretRequest binary;
  binary.name = "b";
  binary.secret_binary = std::string("\x00\x01\xff", 3);
  ASSERT_OK(store.CreateSecret(binary));
  const auto c = Create(store, "c", "z");
  const std::string partial_c = c.arn.substr(0, c.arn.size() - 7);
  auto r = CheckedBatchGet(store, ByIds({"b", partial_c, a.arn}));
  ASSERT_OK(r);
  EXPECT_THAT(NamesOf(*r), ElementsAre("b", "c", "a"));
  EXPECT_THAT(r->errors, IsEmpty());
  ExpectSameAsGet(r->secret_values[0], Get(store, "b"));
  ExpectSameAsGet(r->secret_values[1], Get(store, "c"));
  ExpectSameAsGet(r->secret_values[2], Get(store, "a"));
  EXPECT_EQ(r->secret_values[2].secret_string, "x");
}

// semantics.md §4.5 side effect (verified, LS): reading records the access
// date on the secret and on the version, as GetSecretValue does.
TEST(BatchGetSecretValueTest, RecordsLastAccessedDate) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.clock().Advance(absl::Hours(30));
  ASSERT_OK(CheckedBatchGet(store, ByIds({"s"})));
  const absl::Time today =
      absl::FromUnixSeconds(absl::ToUnixSeconds(store.Now()) -
                            absl::ToUnixSeconds(store.Now()) % 86400);
  EXPECT_EQ(Describe(store, "s").last_accessed_date, today);
  const auto versions = AllVersions(store, "s");
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].last_accessed_date, today);
}

// semantics.md §4.6 (documented: per-secret failures such as
// InvalidRequestException go to Errors; texts as GetSecretValue, §7): a
// secret scheduled for deletion, an invalid name, a secret without
// AWSCURRENT value, an ARN of another region. Failed reads change nothing.
TEST(BatchGetSecretValueTest, PerSecretFailuresGoToErrors) {
  CheckedStore store;
  Create(store, "ok", "x");
  Create(store, "scheduled", "x");
  ASSERT_OK(store.DeleteSecret({"scheduled", 7, std::nullopt}));
  CreateEmpty(store, "empty");
  const std::string foreign =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ok-abcdef";
  const std::string before =
      StateOf(store.raw(), "scheduled") + StateOf(store.raw(), "empty");
  auto r = CheckedBatchGet(
      store, ByIds({"scheduled", "Inv Name", "empty", "ok", foreign}));
  ASSERT_OK(r);
  EXPECT_THAT(NamesOf(*r), ElementsAre("ok"));
  EXPECT_THAT(
      r->errors,
      ElementsAre(
          model::APIErrorType{"scheduled", "InvalidRequestException",
                              kMarkedForDeletion},
          model::APIErrorType{"Inv Name", "ValidationException", kInvalidName},
          model::APIErrorType{"empty", "ResourceNotFoundException",
                              NoValueForStage("AWSCURRENT")},
          model::APIErrorType{foreign, "ResourceNotFoundException",
                              kSecretNotFound}));
  EXPECT_EQ(StateOf(store.raw(), "scheduled") + StateOf(store.raw(), "empty"),
            before);
}

// semantics.md §11.59 (documented rule; U-MOTO message, inferred): exactly
// one of SecretIdList and Filters; an empty Filters list counts as absent.
TEST(BatchGetSecretValueTest, NeedsExactlyOneOfIdsAndFilters) {
  CheckedStore store;
  Create(store, "s", "x");
  model::BatchGetSecretValueRequest both = ByIds({"s"});
  both.filters = {MakeFilter("name", {"s"})};
  EXPECT_AWS_ERROR_UNCHANGED(store, CheckedBatchGet(store, both),
                             "InvalidParameterException", kEitherIdsOrFilters);
  EXPECT_AWS_ERROR_UNCHANGED(store, CheckedBatchGet(store, {}),
                             "InvalidParameterException", kEitherIdsOrFilters);
  EXPECT_AWS_ERROR_UNCHANGED(store, CheckedBatchGet(store, ByFilters({})),
                             "InvalidParameterException", kEitherIdsOrFilters);
  model::BatchGetSecretValueRequest ids_and_empty_filters = ByIds({"s"});
  ids_and_empty_filters.filters = std::vector<model::Filter>{};
  EXPECT_OK(CheckedBatchGet(store, ids_and_empty_filters));
}

// semantics.md §11.59 (documented rule; U-MOTO message, inferred).
TEST(BatchGetSecretValueTest, MaxResultsNeedsFilters) {
  CheckedStore store;
  Create(store, "s", "x");
  model::BatchGetSecretValueRequest req = ByIds({"s"});
  req.max_results = 5;
  EXPECT_AWS_ERROR_UNCHANGED(store, CheckedBatchGet(store, req),
                             "InvalidParameterException",
                             kMaxResultsNeedsFilters);
}

// Inferred: a SecretIdList is answered in one page, so any NextToken is
// invalid; so is a token of another operation or garbage.
TEST(BatchGetSecretValueTest, ForeignNextTokenIsInvalid) {
  CheckedStore store;
  for (const char* name : {"a", "b"}) Create(store, name, "x");
  model::BatchGetSecretValueRequest ids = ByIds({"a"});
  ids.next_token = "anything";
  EXPECT_AWS_ERROR_UNCHANGED(store, CheckedBatchGet(store, ids),
                             "InvalidNextTokenException", kInvalidNextToken);
  model::ListSecretsRequest list;
  list.max_results = 1;
  auto listed = CheckedListSecrets(store, list);
  ASSERT_OK(listed);
  ASSERT_TRUE(listed->next_token.has_value());
  for (const std::string& token : {*listed->next_token, std::string("x")}) {
    model::BatchGetSecretValueRequest req =
        ByFilters({MakeFilter("name", {""})});
    req.next_token = token;
    EXPECT_AWS_ERROR_UNCHANGED(store, CheckedBatchGet(store, req),
                               "InvalidNextTokenException", kInvalidNextToken);
  }
}

// semantics.md §4.6 (documented Filters; matching as ListSecrets, order and
// paging inferred): live matching secrets, oldest first, MaxResults per
// page; a matched secret without a value is an entry of Errors (by ARN).
TEST(BatchGetSecretValueTest, FiltersSelectLiveSecretsInPages) {
  CheckedStore store;
  for (const char* name : {"app-c", "other", "app-a", "app-gone", "app-b"}) {
    Create(store, name, absl::StrFormat("value of %s", name));
    store.clock().Advance(absl::Seconds(1));
  }
  ASSERT_OK(store.DeleteSecret({"app-gone", 7, std::nullopt}));
  const auto empty = CreateEmpty(store, "app-empty");
  auto req = ByFilters({MakeFilter("name", {"app"})}, 2);
  auto page1 = CheckedBatchGet(store, req);
  ASSERT_OK(page1);
  EXPECT_THAT(NamesOf(*page1), ElementsAre("app-c", "app-a"));
  EXPECT_THAT(page1->errors, IsEmpty());
  ASSERT_TRUE(page1->next_token.has_value());
  ExpectSameAsGet(page1->secret_values[0], Get(store, "app-c"));
  req.next_token = page1->next_token;
  auto page2 = CheckedBatchGet(store, req);
  ASSERT_OK(page2);
  EXPECT_THAT(NamesOf(*page2), ElementsAre("app-b"));
  EXPECT_THAT(page2->errors, ElementsAre(model::APIErrorType{
                                 empty.arn, "ResourceNotFoundException",
                                 NoValueForStage("AWSCURRENT")}));
  EXPECT_FALSE(page2->next_token.has_value());
}

// Inferred: with Filters and no MaxResults, pages hold 20 secrets (the
// documented maximum).
TEST(BatchGetSecretValueTest, DefaultPageWithFiltersIsTwenty) {
  CheckedStore store;
  for (int i = 0; i < 25; ++i) Create(store, absl::StrFormat("s%02d", i), "x");
  auto req = ByFilters({MakeFilter("name", {"s"})});
  auto page1 = CheckedBatchGet(store, req);
  ASSERT_OK(page1);
  EXPECT_EQ(page1->secret_values.size(), 20u);
  ASSERT_TRUE(page1->next_token.has_value());
  req.next_token = page1->next_token;
  auto page2 = CheckedBatchGet(store, req);
  ASSERT_OK(page2);
  EXPECT_EQ(page2->secret_values.size(), 5u);
  EXPECT_EQ(page2->secret_values.front().name, "s20");
}

// docs/state-machine.md "Request validation" (inferred form; MODEL:
// SecretIdList 1..20 of 1..2048, MaxResults 1..20, Filters as ListSecrets).
TEST(BatchGetSecretValueTest, ConstraintViolationsAreValidationExceptions) {
  CheckedStore store;
  Create(store, "s", "x");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedBatchGet(store, ByIds({})), "ValidationException",
      "1 validation error detected: Value '[]' at 'secretIdList' failed to "
      "satisfy constraint: Member must have length greater than or equal to 1");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedBatchGet(store, ByIds(std::vector<std::string>(21, "s"))),
      "ValidationException",
      "1 validation error detected: Value '[" +
          absl::StrJoin(std::vector<std::string>(21, "s"), ", ") +
          "]' at 'secretIdList' failed to satisfy constraint: Member must "
          "have length less than or equal to 20");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedBatchGet(store, ByIds({"s", ""})), "ValidationException",
      "1 validation error detected: Value '[s, ]' at 'secretIdList' failed to "
      "satisfy constraint: Member must satisfy constraint: [Member must have "
      "length less than or equal to 2048, Member must have length greater "
      "than or equal to 1]");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedBatchGet(store, ByFilters({MakeFilter("name", {"s"})}, 21)),
      "ValidationException",
      OneValidationError("21", "maxResults",
                         "have value less than or equal to 20"));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedBatchGet(store, ByFilters({MakeFilter("nom", {"s"})})),
      "ValidationException",
      OneValidationError("nom", "filters.1.member.key",
                         "satisfy enum value set: [description, name, "
                         "tag-key, tag-value, primary-region, "
                         "owning-service, all]"));
}

}  // namespace
}  // namespace secretstage::test
