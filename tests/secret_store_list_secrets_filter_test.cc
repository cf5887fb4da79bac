// ListSecrets Filters (semantics.md §4.6/§4.9; the matching rules are in
// core/secret_filter.h: per-key rules from the AWS API reference "Filter"
// and the user guide "Find secrets" (documented), how values and filters
// combine (inferred)).
#include <string>
#include <vector>

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

constexpr char kKeyEnum[] =
    "satisfy enum value set: [description, name, tag-key, tag-value, "
    "primary-region, owning-service, all]";
constexpr char kValuesConstraint[] =
    "satisfy constraint: [Member must have length less than or equal to 512, "
    "Member must satisfy regular expression pattern: "
    "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$]";

// Four secrets, created one second apart in this order (so the default
// order lists them so).
class ListSecretsFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CreateWith(store_, "DatabaseSecret", "x",
               "Credentials for the billing database",
               {{"Env", "prod"}, {"Team", "payments"}});
    store_.clock().Advance(absl::Seconds(1));
    CreateWith(store_, "databaseSecret", "x", "My basic description",
               {{"env", "dev"}});
    store_.clock().Advance(absl::Seconds(1));
    CreateWith(store_, "MyData", "x");
    store_.clock().Advance(absl::Seconds(1));
    CreateWith(store_, "app/api-key", "x", "Description of my secret",
               {{"Owner", "alice"}});
  }

  std::vector<std::string> F(std::string key, std::vector<std::string> values) {
    return Filtered(store_, {MakeFilter(std::move(key), std::move(values))});
  }

  CheckedStore store_;
};

// Documented (user guide: "Name: Data returns DatabaseSecret but not
// databaseSecret or MyData"): name is a case-sensitive prefix match.
TEST_F(ListSecretsFilterTest, NameIsCaseSensitivePrefix) {
  EXPECT_THAT(F("name", {"Data"}), ElementsAre("DatabaseSecret"));
  EXPECT_THAT(F("name", {"data"}), ElementsAre("databaseSecret"));
  EXPECT_THAT(F("name", {"app/api"}), ElementsAre("app/api-key"));
  EXPECT_THAT(F("name", {"Secret"}), IsEmpty());
}

// Documented (API reference "Filter"): tag-key and tag-value are
// case-sensitive prefix matches over every tag.
TEST_F(ListSecretsFilterTest, TagKeyAndTagValueAreCaseSensitivePrefixes) {
  EXPECT_THAT(F("tag-key", {"Env"}), ElementsAre("DatabaseSecret"));
  EXPECT_THAT(F("tag-key", {"env"}), ElementsAre("databaseSecret"));
  EXPECT_THAT(F("tag-key", {"T"}), ElementsAre("DatabaseSecret"));
  EXPECT_THAT(F("tag-value", {"pay"}), ElementsAre("DatabaseSecret"));
  EXPECT_THAT(F("tag-value", {"d"}), ElementsAre("databaseSecret"));
  EXPECT_THAT(F("tag-value", {"Alice"}), IsEmpty());
}

// Documented (user guide: "description: My Description" matches "My basic
// description" and "Description of my secret"): every word of the value
// starts some word of the description, not case-sensitive.
TEST_F(ListSecretsFilterTest, DescriptionMatchesWordsIgnoringCase) {
  EXPECT_THAT(F("description", {"My Description"}),
              ElementsAre("databaseSecret", "app/api-key"));
  EXPECT_THAT(F("description", {"DESCRIPTION"}),
              ElementsAre("databaseSecret", "app/api-key"));
  EXPECT_THAT(F("description", {"cred data"}), ElementsAre("DatabaseSecret"));
  EXPECT_THAT(F("description", {"my billing"}), IsEmpty());
}

// Documented (user guide: "My_Secret" matches the words my or secret in the
// name, description or tags; not case-sensitive).
TEST_F(ListSecretsFilterTest, AllMatchesAnyWordOfAnyAttribute) {
  EXPECT_THAT(F("all", {"PAYMENTS"}), ElementsAre("DatabaseSecret"));
  EXPECT_THAT(F("all", {"alice"}), ElementsAre("app/api-key"));
  EXPECT_THAT(F("all", {"my_key"}),
              ElementsAre("databaseSecret", "MyData", "app/api-key"));
  EXPECT_THAT(F("all", {"data"}),
              ElementsAre("DatabaseSecret", "databaseSecret", "MyData"));
}

// Documented (user guide: "credsDatabase#892" is the words creds, Database
// and 892): words split at non-alphanumerics, lower-to-upper case changes
// and letter/digit changes.
TEST(ListSecretsFilterWordsTest, WordsSplitAtCaseAndDigitChanges) {
  CheckedStore store;
  CreateWith(store, "s", "x", std::nullopt, {{"k", "credsDatabase#892"}});
  EXPECT_THAT(Filtered(store, {MakeFilter("all", {"892"})}), ElementsAre("s"));
  EXPECT_THAT(Filtered(store, {MakeFilter("all", {"database"})}),
              ElementsAre("s"));
  EXPECT_THAT(Filtered(store, {MakeFilter("all", {"sdat"})}), IsEmpty());
  EXPECT_THAT(Filtered(store, {MakeFilter("all", {"atabase"})}), IsEmpty());
}

// Inferred: every secret of a store is a primary in the store's region;
// no secret is managed by another service.
TEST_F(ListSecretsFilterTest, PrimaryRegionAndOwningService) {
  const std::vector<std::string> all = {"DatabaseSecret", "databaseSecret",
                                        "MyData", "app/api-key"};
  EXPECT_EQ(F("primary-region", {"us-east"}), all);
  EXPECT_THAT(F("primary-region", {"eu"}), IsEmpty());
  EXPECT_THAT(F("owning-service", {"rds"}), IsEmpty());
  EXPECT_EQ(F("owning-service", {"!rds"}), all);
}

// Documented (API reference: a value starting with ! negates); a secret
// without the attribute matches the negation (inferred).
TEST_F(ListSecretsFilterTest, BangNegates) {
  EXPECT_THAT(F("name", {"!Data"}),
              ElementsAre("databaseSecret", "MyData", "app/api-key"));
  EXPECT_THAT(F("tag-key", {"!Env"}),
              ElementsAre("databaseSecret", "MyData", "app/api-key"));
  EXPECT_THAT(F("description", {"!bill"}),
              ElementsAre("databaseSecret", "MyData", "app/api-key"));
}

// Inferred: the values of one filter are alternatives.
TEST_F(ListSecretsFilterTest, ValuesOfOneFilterAreOred) {
  EXPECT_THAT(F("name", {"Data", "app"}),
              ElementsAre("DatabaseSecret", "app/api-key"));
  EXPECT_THAT(F("name", {"MyData", "!D"}),
              ElementsAre("databaseSecret", "MyData", "app/api-key"));
}

// Inferred: several filters must all match, also with the same key.
TEST_F(ListSecretsFilterTest, FiltersAreAnded) {
  EXPECT_THAT(Filtered(store_, {MakeFilter("name", {"Data", "data"}),
                                MakeFilter("tag-key", {"env"})}),
              ElementsAre("databaseSecret"));
  EXPECT_THAT(Filtered(store_, {MakeFilter("description", {"my"}),
                                MakeFilter("description", {"basic"})}),
              ElementsAre("databaseSecret"));
  EXPECT_THAT(Filtered(store_, {MakeFilter("name", {"MyData"}),
                                MakeFilter("tag-key", {"Env"})}),
              IsEmpty());
}

// Filters combine with IncludePlannedDeletion and paging (inferred).
TEST_F(ListSecretsFilterTest, FiltersWithPaging) {
  model::ListSecretsRequest req;
  req.filters = {MakeFilter("all", {"data"})};
  req.max_results = 1;
  EXPECT_THAT(ListedNames(store_, req),
              ElementsAre("DatabaseSecret", "databaseSecret", "MyData"));
}

// docs/state-machine.md "Request validation" (inferred form; MODEL
// constraints: Key enum, Values 1..10 of at most 512 characters of the
// pattern, at most 10 filters).
TEST_F(ListSecretsFilterTest, ConstraintViolationsAreValidationExceptions) {
  auto list = [&](std::vector<model::Filter> filters) {
    model::ListSecretsRequest req;
    req.filters = std::move(filters);
    return CheckedListSecrets(store_, req);
  };
  EXPECT_AWS_ERROR_UNCHANGED(
      store_, list({MakeFilter("invalid", {"x"})}), "ValidationException",
      OneValidationError("invalid", "filters.1.member.key", kKeyEnum));
  EXPECT_AWS_ERROR_UNCHANGED(
      store_, list({MakeFilter("name", {"x"}), MakeFilter("Name", {"x"})}),
      "ValidationException",
      OneValidationError("Name", "filters.2.member.key", kKeyEnum));
  EXPECT_AWS_ERROR_UNCHANGED(
      store_, list({MakeFilter("name", {})}), "ValidationException",
      "1 validation error detected: Value at 'filters.1.member.values' failed "
      "to satisfy constraint: Member must have length greater than or equal "
      "to 1");
  EXPECT_AWS_ERROR_UNCHANGED(
      store_, list({MakeFilter("name", std::vector<std::string>(11, "a"))}),
      "ValidationException",
      "1 validation error detected: Value at 'filters.1.member.values' failed "
      "to satisfy constraint: Member must have length less than or equal to "
      "10");
  EXPECT_AWS_ERROR_UNCHANGED(
      store_, list({MakeFilter("name", {"ok", "b*d"})}), "ValidationException",
      OneValidationError("[ok, b*d]", "filters.1.member.values",
                         kValuesConstraint));
  const std::string long_value(513, 'a');
  EXPECT_AWS_ERROR_UNCHANGED(
      store_, list({MakeFilter("name", {long_value})}), "ValidationException",
      OneValidationError("[" + long_value + "]", "filters.1.member.values",
                         kValuesConstraint));
  EXPECT_AWS_ERROR_UNCHANGED(
      store_, list(std::vector<model::Filter>(11, MakeFilter("name", {"a"}))),
      "ValidationException",
      "1 validation error detected: Value at 'filters' failed to satisfy "
      "constraint: Member must have length less than or equal to 10");
  // The longest value, every allowed character, and a lone "!" are fine.
  EXPECT_OK(list(
      {MakeFilter("name", {std::string(512, 'a'), "aZ09 :_@/+=.-!", "!"})}));
}

}  // namespace
}  // namespace secretstage::test
