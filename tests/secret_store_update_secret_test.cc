// UpdateSecret (semantics.md §4.3; docs/state-machine.md "PutSecretValue /
// UpdateSecret with a value").
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

model::UpdateSecretRequest UpdateRequest(
    std::string id, std::optional<std::string> value,
    std::optional<std::string> token = {}) {
  model::UpdateSecretRequest req;
  req.secret_id = std::move(id);
  req.secret_string = std::move(value);
  req.client_request_token = std::move(token);
  return req;
}

// semantics.md §11.16 (verified, MOTO-V test_update_same_secret_value_with_same_token).
TEST(UpdateSecretTest, SameTokenSameValueReturnsVersionIdAndChangesNothing) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  const LabelMap before = Labels(store, "s");
  auto r = store.UpdateSecret(UpdateRequest("s", "x", Tok(1)));
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(1));
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_EQ(Labels(store, "s"), before);
}

// semantics.md §11.17 (verified, MOTO-V test_update_different_secret_value_with_same_token).
TEST(UpdateSecretTest, SameTokenDifferentValueIsResourceExists) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.UpdateSecret(UpdateRequest("s", "y", Tok(1))),
                             "ResourceExistsException",
                             TokenInUse(Tok(1), c.arn));
}

// semantics.md §11.22 (verified, LS test_update_secret_description).
TEST(UpdateSecretTest, DescriptionOnlyCreatesNoVersion) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  model::UpdateSecretRequest req = UpdateRequest("s", std::nullopt);
  req.description = "d";
  auto r = store.UpdateSecret(req);
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_FALSE(r->version_id.has_value());
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
  EXPECT_EQ(Describe(store, "s").description, "d");
}

// semantics.md §4.3 (verified, LS): KmsKeyId-only update creates no version.
TEST(UpdateSecretTest, KmsKeyIdOnlyCreatesNoVersion) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  model::UpdateSecretRequest req = UpdateRequest("s", std::nullopt);
  req.kms_key_id = "alias/other";
  auto r = store.UpdateSecret(req);
  ASSERT_OK(r);
  EXPECT_FALSE(r->version_id.has_value());
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
  EXPECT_EQ(Describe(store, "s").kms_key_id, "alias/other");
}

// semantics.md §11.23 (verified, LS update_secret_res_3).
TEST(UpdateSecretTest, SecretIdOnlySucceedsWithoutVersion) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  auto r = store.UpdateSecret(UpdateRequest("s", std::nullopt));
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, c.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_FALSE(r->version_id.has_value());
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
}

// semantics.md §4.3 (verified, LS test_update_secret_version_stages_current_previous).
TEST(UpdateSecretTest, WithValueMovesAwsCurrentLikePut) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  auto r = store.UpdateSecret(UpdateRequest("s", "y", Tok(2)));
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "y");
  ASSERT_OK(store.UpdateSecret(UpdateRequest("s", "z", Tok(3))));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {}},
                                          {Tok(2), {"AWSPREVIOUS"}},
                                          {Tok(3), {"AWSCURRENT"}}}));
}

// semantics.md §11.12 (verified for Put, LS current_pending) applied to
// UpdateSecret (docs/state-machine.md: "exactly as PutSecretValue without
// VersionStages").
TEST(UpdateSecretTest, OldCurrentWithAwsPendingBecomesOnlyAwsPrevious) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), {{"AWSPENDING"}});
  Move(store, "s", "AWSCURRENT", Tok(1), Tok(2));
  ASSERT_OK(store.UpdateSecret(UpdateRequest("s", "z", Tok(3))));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {}},
                                          {Tok(2), {"AWSPREVIOUS"}},
                                          {Tok(3), {"AWSCURRENT"}}}));
}

// semantics.md §10.2 (inferred from ISS infrahouse#52): custom labels on the
// old current are kept.
TEST(UpdateSecretTest, OldCurrentKeepsCustomLabels) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Move(store, "s", "INITIAL", std::nullopt, Tok(1));
  ASSERT_OK(store.UpdateSecret(UpdateRequest("s", "y", Tok(2))));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"INITIAL", "AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT"}}}));
}

// semantics.md §4.2 rule 2 via UpdateSecret (documented): the first version
// of an empty secret gets AWSCURRENT.
TEST(UpdateSecretTest, WithValueOnEmptySecretCreatesAwsCurrent) {
  CheckedStore store;
  CreateEmpty(store, "s");
  auto r = store.UpdateSecret(UpdateRequest("s", "x", Tok(1)));
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(1));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
}

// semantics.md §4.3 (documented): description and value in one call.
TEST(UpdateSecretTest, DescriptionAndValueTogether) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  model::UpdateSecretRequest req = UpdateRequest("s", "y", Tok(2));
  req.description = "new";
  auto r = store.UpdateSecret(req);
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_EQ(Describe(store, "s").description, "new");
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
}

// decisions.md "PutSecretValue, UpdateSecret, CreateSecret" (inferred).
TEST(UpdateSecretTest, BothValuesIsInvalidParameter) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  model::UpdateSecretRequest req = UpdateRequest("s", "y", Tok(2));
  req.secret_binary = "y";
  EXPECT_AWS_ERROR_UNCHANGED(store, store.UpdateSecret(req),
                             "InvalidParameterException", kBothValues);
}

// semantics.md §4.3 errors "as CreateSecret" (verified text for other ops).
TEST(UpdateSecretTest, MissingSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.UpdateSecret(UpdateRequest("s", "y", Tok(2))),
                             "ResourceNotFoundException", kSecretNotFound);
}

// decisions.md "Quotas" (inferred): UpdateSecret's AWSPREVIOUS counts toward
// the 20-label quota like Put's.
TEST(UpdateSecretTest, AwsPreviousOverLabelQuotaIsLimitExceeded) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  std::vector<std::string> labels;
  for (int i = 1; i <= 19; ++i) labels.push_back("L" + std::to_string(i));
  Put(store, "s", "y", Tok(2), labels);
  EXPECT_AWS_ERROR_UNCHANGED(store,
                             store.UpdateSecret(UpdateRequest("s", "z", Tok(3))),
                             "LimitExceededException", kLabelQuota);
}

}  // namespace
}  // namespace secretstage::test
