// TagResource and UntagResource (semantics.md §5, §11.42; the rest
// inferred from the AWS API reference: Key 1..128, Value 0..256, at most 50
// tags per resource).
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

constexpr char kTagQuota[] = "You can't attach more than 50 tags to a secret.";

model::TagResourceRequest TagRequest(std::string id,
                                     std::vector<model::Tag> tags) {
  return {std::move(id), std::move(tags)};
}

model::UntagResourceRequest UntagRequest(std::string id,
                                         std::vector<std::string> keys) {
  return {std::move(id), std::move(keys)};
}

std::vector<model::Tag> NumberedTags(int from, int to) {
  std::vector<model::Tag> tags;
  for (int i = from; i < to; ++i) {
    tags.push_back({absl::StrFormat("k%02d", i), absl::StrFormat("v%02d", i)});
  }
  return tags;
}

// Inferred (AWS API reference "TagResource": a key already present gets the
// new value): new keys are appended in request order; LastChangedDate moves.
TEST(TagResourceTest, AddsAndOverwritesTags) {
  CheckedStore store;
  CreateWith(store, "s", "x", std::nullopt, {{"a", "1"}, {"b", "2"}});
  store.clock().Advance(absl::Seconds(5));
  ASSERT_OK(CheckedTag(store, TagRequest("s", {{"c", "3"}, {"a", "one"}})));
  const auto d = Describe(store, "s");
  EXPECT_THAT(d.tags, ElementsAre(model::Tag{"a", "one"}, model::Tag{"b", "2"},
                                  model::Tag{"c", "3"}));
  EXPECT_EQ(d.last_changed_date, store.Now());
}

// Inferred: a key given twice in one request takes its last value.
TEST(TagResourceTest, RepeatedKeyTakesLastValue) {
  CheckedStore store;
  const auto c = Create(store, "s", "x");
  ASSERT_OK(CheckedTag(store, TagRequest(c.arn, {{"k", "1"}, {"k", "2"}})));
  EXPECT_THAT(Describe(store, "s").tags, ElementsAre(model::Tag{"k", "2"}));
}

// Tags are what the tag-key / tag-value filters of ListSecrets see.
TEST(TagResourceTest, TagsAreVisibleToListSecretsFilters) {
  CheckedStore store;
  Create(store, "s", "x");
  Create(store, "t", "x");
  ASSERT_OK(CheckedTag(store, TagRequest("t", {{"team", "blue"}})));
  EXPECT_THAT(Filtered(store, {MakeFilter("tag-value", {"blue"})}),
              ElementsAre("t"));
  ASSERT_OK(CheckedUntag(store, UntagRequest("t", {"team"})));
  EXPECT_THAT(Filtered(store, {MakeFilter("tag-value", {"blue"})}), IsEmpty());
}

// Inferred: keys the secret lacks are ignored; LastChangedDate moves.
TEST(UntagResourceTest, RemovesKeysAndIgnoresUnknownOnes) {
  CheckedStore store;
  CreateWith(store, "s", "x", std::nullopt,
             {{"a", "1"}, {"b", "2"}, {"c", "3"}});
  store.clock().Advance(absl::Seconds(5));
  ASSERT_OK(CheckedUntag(store, UntagRequest("s", {"b", "zzz", "a"})));
  const auto d = Describe(store, "s");
  EXPECT_THAT(d.tags, ElementsAre(model::Tag{"c", "3"}));
  EXPECT_EQ(d.last_changed_date, store.Now());
}

// semantics.md §11.42 (verified, LS test_tag_untag_resource_on_deleted_secret).
TEST(TagResourceTest, RefusedWhileScheduledForDeletion) {
  CheckedStore store;
  CreateWith(store, "s", "x", std::nullopt, {{"a", "1"}});
  ASSERT_OK(store.DeleteSecret({"s", std::nullopt, std::nullopt}));
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             CheckedTag(store, TagRequest("s", {{"b", "2"}})),
                             "InvalidRequestException", kMarkedForDeletion);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             CheckedUntag(store, UntagRequest("s", {"a"})),
                             "InvalidRequestException", kMarkedForDeletion);
}

// semantics.md §3 (verified for TagResource/UntagResource, LS
// test_invalid_secret_name) and §7 (not found).
TEST(TagResourceTest, UnknownOrInvalidSecretId) {
  CheckedStore store;
  Create(store, "s", "x");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedTag(store, TagRequest("missing", {{"a", "1"}})),
      "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedUntag(store, UntagRequest("missing", {"a"})),
      "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedTag(store, TagRequest("Inv Name", {{"a", "1"}})),
      "ValidationException", kInvalidName);
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedUntag(store, UntagRequest("Inv Name", {"a"})),
      "ValidationException", kInvalidName);
}

// Inferred (AWS tagging quota: 50 tags per resource; exception type and
// message inferred): the call that would hold a 51st tag changes nothing;
// overwriting at the quota is fine.
TEST(TagResourceTest, AtMostFiftyTags) {
  CheckedStore store;
  CreateWith(store, "s", "x", std::nullopt, NumberedTags(0, 49));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedTag(store, TagRequest("s", NumberedTags(49, 51))),
      "LimitExceededException", kTagQuota);
  ASSERT_OK(CheckedTag(store, TagRequest("s", NumberedTags(49, 50))));
  ASSERT_OK(CheckedTag(store, TagRequest("s", {{"k00", "new"}})));
  EXPECT_EQ(Describe(store, "s").tags.size(), 50u);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             CheckedTag(store, TagRequest("s", {{"x", "y"}})),
                             "LimitExceededException", kTagQuota);
}

// docs/state-machine.md "Request validation" (inferred form; MODEL: Key
// 1..128, Value 0..256; list members are numbered from 1).
TEST(TagResourceTest, ConstraintViolationsAreValidationExceptions) {
  CheckedStore store;
  Create(store, "s", "x");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedTag(store, TagRequest("s", {{"ok", "1"}, {"", "2"}})),
      "ValidationException",
      OneValidationError("", "tags.2.member.key",
                         "have length greater than or equal to 1"));
  const std::string long_key(129, 'k');
  const std::string long_value(257, 'v');
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedTag(store, TagRequest("s", {{long_key, long_value}})),
      "ValidationException",
      "2 validation errors detected: Value '" + long_key +
          "' at 'tags.1.member.key' failed to satisfy constraint: Member must "
          "have length less than or equal to 128; Value '" +
          long_value +
          "' at 'tags.1.member.value' failed to satisfy constraint: Member "
          "must have length less than or equal to 256");
  EXPECT_OK(CheckedTag(
      store, TagRequest("s", {{std::string(128, 'k'), std::string(256, 'v')},
                              {"empty", ""}})));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, CheckedUntag(store, UntagRequest("s", {"a", ""})),
      "ValidationException",
      "1 validation error detected: Value '[a, ]' at 'tagKeys' failed to "
      "satisfy constraint: Member must satisfy constraint: [Member must have "
      "length less than or equal to 128, Member must have length greater "
      "than or equal to 1]");
}

}  // namespace
}  // namespace secretstage::test
