// SecretId resolution and ARNs (semantics.md §3; docs/state-machine.md
// "Request validation"; decisions.md "Listing and reading" ARNs).
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::MatchesRegex;

std::string PartialArn(const std::string& arn) {
  return arn.substr(0, arn.size() - 7);  // drop "-XXXXXX"
}

// Every operation that takes a SecretId finds the secret by `id`.
void ExpectResolves(CheckedStore& store, const std::string& id,
                    const std::string& arn, int token_base) {
  SCOPED_TRACE(id);
  auto d = store.DescribeSecret({id});
  ASSERT_OK(d);
  EXPECT_EQ(d->arn, arn);
  auto g = store.GetSecretValue(GetRequest(id));
  ASSERT_OK(g);
  EXPECT_EQ(g->arn, arn);
  auto l = store.ListSecretVersionIds({id, {}, {}, true});
  ASSERT_OK(l);
  EXPECT_EQ(l->arn, arn);
  auto p = store.PutSecretValue(PutRequest(id, "v", Tok(token_base)));
  ASSERT_OK(p);
  EXPECT_EQ(p->arn, arn);
  model::UpdateSecretRequest update;
  update.secret_id = id;
  update.description = "via " + id;
  auto u = store.UpdateSecret(update);
  ASSERT_OK(u);
  EXPECT_EQ(u->arn, arn);
  auto s = store.UpdateSecretVersionStage(
      StageRequest(id, "TAG", std::nullopt, Tok(token_base)));
  ASSERT_OK(s);
  EXPECT_EQ(s->arn, arn);
  ASSERT_OK(store.UpdateSecretVersionStage(
      StageRequest(id, "TAG", Tok(token_base), std::nullopt)));
  auto r = store.RestoreSecret({id});
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, arn);
}

// semantics.md §3 (verified, LS test_create_and_update_secret): name, full
// ARN and partial ARN all resolve, for names with every allowed character.
TEST(SecretIdTest, ResolvesByNameFullArnAndPartialArn) {
  for (const char* name : {"s-c64bdc03", "Valid/_+=.@-Name",
                           "Valid/_+=.@-Name-a1b2", "Valid/_+=.@-Name-a1b2c3-"}) {
    SCOPED_TRACE(name);
    CheckedStore store;
    const auto c = Create(store, name, "x", Tok(1));
    ExpectResolves(store, name, c.arn, 10);
    ExpectResolves(store, c.arn, c.arn, 20);
    ExpectResolves(store, PartialArn(c.arn), c.arn, 30);
  }
}

// semantics.md §11.37 (verified, LS test_create_and_update_secret[Invalid…]).
TEST(SecretIdTest, PartialArnOfNameEndingInDashSixCharsIsNotFound) {
  CheckedStore store;
  const auto c = Create(store, "x-a1b2c3", "x", Tok(1));
  const std::string partial = store.ArnPrefix() + "x-a1b2c3";
  ASSERT_EQ(partial, PartialArn(c.arn));
  EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest(partial)),
                             "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR_UNCHANGED(store, store.DescribeSecret({partial}),
                             "ResourceNotFoundException", kSecretNotFound);
  ExpectResolves(store, "x-a1b2c3", c.arn, 10);
  ExpectResolves(store, c.arn, c.arn, 20);
}

// semantics.md §3 (I: same account/region only).
TEST(SecretIdTest, ArnOfAnotherRegionOrAccountIsNotFound) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  const std::string suffix = c.arn.substr(c.arn.size() - 7);
  for (const std::string& arn :
       {"arn:aws:secretsmanager:eu-west-1:123456789012:secret:s" + suffix,
        "arn:aws:secretsmanager:us-east-1:999999999999:secret:s" + suffix,
        "arn:aws-cn:secretsmanager:us-east-1:123456789012:secret:s" + suffix,
        std::string("arn:aws:secretsmanager:eu-west-1:123456789012:secret:s")}) {
    SCOPED_TRACE(arn);
    EXPECT_AWS_ERROR_UNCHANGED(store, store.DescribeSecret({arn}),
                               "ResourceNotFoundException", kSecretNotFound);
    EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest(arn)),
                               "ResourceNotFoundException", kSecretNotFound);
  }
}

// docs/state-machine.md "Request validation" (verified §11.37): a full ARN
// must equal the secret's ARN exactly.
TEST(SecretIdTest, FullArnWithWrongSuffixIsNotFound) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  std::string wrong = c.arn;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_AWS_ERROR_UNCHANGED(store, store.DescribeSecret({wrong}),
                             "ResourceNotFoundException", kSecretNotFound);
}

// decisions.md "Listing and reading" (verified shape, DOC + observed
// suffixes): six [A-Za-z0-9] after the name.
TEST(SecretIdTest, ArnHasDefaultPrefixAndSixCharSuffix) {
  CheckedStore store;
  for (const char* name : {"a", "b/c", "Valid/_+=.@-Name-a1b2c3"}) {
    SCOPED_TRACE(name);
    const auto c = Create(store, name, "x");
    EXPECT_THAT(c.arn, MatchesRegex("arn:aws:secretsmanager:us-east-1:"
                                    "123456789012:secret:.*-[A-Za-z0-9]{6}"));
    EXPECT_EQ(c.arn.substr(0, c.arn.size() - 7),
              "arn:aws:secretsmanager:us-east-1:123456789012:secret:" +
                  std::string(name));
  }
}

// decisions.md "Listing and reading" (inferred): partition, region and
// account come from StoreOptions.
TEST(SecretIdTest, StoreOptionsSetArnPartitionRegionAndAccount) {
  StoreOptions o;
  o.partition = "aws-cn";
  o.region = "cn-north-1";
  o.account = "111122223333";
  CheckedStore store(o);
  const auto c = Create(store, "s", "x", Tok(1));
  EXPECT_THAT(c.arn, MatchesRegex("arn:aws-cn:secretsmanager:cn-north-1:"
                                  "111122223333:secret:s-[A-Za-z0-9]{6}"));
  ExpectResolves(store, c.arn, c.arn, 10);
  ExpectResolves(store, PartialArn(c.arn), c.arn, 20);
  const std::string default_arn =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:s" +
      c.arn.substr(c.arn.size() - 7);
  EXPECT_AWS_ERROR_UNCHANGED(store, store.DescribeSecret({default_arn}),
                             "ResourceNotFoundException", kSecretNotFound);
}

// semantics.md §11.39 (verified, LS test_invalid_secret_name): the name
// check applies to the SecretId of every operation.
TEST(SecretIdTest, InvalidSecretIdIsValidationExceptionForEveryOperation) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  for (const std::string id : {"Inv Name", " Inv Name", " Inv*Name? "}) {
    SCOPED_TRACE(id);
    EXPECT_AWS_ERROR_UNCHANGED(store, store.DescribeSecret({id}),
                               "ValidationException", kInvalidName);
    EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest(id)),
                               "ValidationException", kInvalidName);
    EXPECT_AWS_ERROR_UNCHANGED(store,
                               store.ListSecretVersionIds({id, {}, {}, {}}),
                               "ValidationException", kInvalidName);
    EXPECT_AWS_ERROR_UNCHANGED(store,
                               store.PutSecretValue(PutRequest(id, "v", Tok(2))),
                               "ValidationException", kInvalidName);
    model::UpdateSecretRequest update;
    update.secret_id = id;
    update.description = "d";
    EXPECT_AWS_ERROR_UNCHANGED(store, store.UpdateSecret(update),
                               "ValidationException", kInvalidName);
    EXPECT_AWS_ERROR_UNCHANGED(store,
                               store.DeleteSecret({id, std::nullopt, true}),
                               "ValidationException", kInvalidName);
    EXPECT_AWS_ERROR_UNCHANGED(
        store,
        store.UpdateSecretVersionStage(
            StageRequest(id, "X", std::nullopt, Tok(1))),
        "ValidationException", kInvalidName);
    EXPECT_AWS_ERROR_UNCHANGED(store, store.RestoreSecret({id}),
                               "ValidationException", kInvalidName);
  }
}

// semantics.md §8 (verified, LS): the name check fires before existence.
TEST(SecretIdTest, InvalidNameCheckedBeforeExistence) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(store, store.GetSecretValue(GetRequest("no*such")),
                             "ValidationException", kInvalidName);
}

// semantics.md §3 (I): resolution is case-sensitive exact match.
TEST(SecretIdTest, NamesAreCaseSensitive) {
  CheckedStore store;
  Create(store, "Secret", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(store, store.DescribeSecret({"secret"}),
                             "ResourceNotFoundException", kSecretNotFound);
}

}  // namespace
}  // namespace secretstage::test
