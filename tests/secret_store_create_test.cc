// CreateSecret (semantics.md §4.1, docs/state-machine.md "CreateSecret").
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::MatchesRegex;
using ::testing::UnorderedElementsAre;

constexpr char kUuidV4Regex[] =
    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

model::CreateSecretRequest CreateRequest(std::string name,
                                         std::optional<std::string> value,
                                         std::optional<std::string> token = {}) {
  model::CreateSecretRequest req;
  req.name = std::move(name);
  req.secret_string = std::move(value);
  req.client_request_token = std::move(token);
  return req;
}

// semantics.md §11.1 (verified, LS): ARN ends in "s-XXXXXX", VersionId = token,
// the only version is [AWSCURRENT].
TEST(CreateSecretTest, WithValueCreatesAwsCurrentVersion) {
  CheckedStore store;
  auto r = store.CreateSecret(CreateRequest("s", "x", Tok(1)));
  ASSERT_OK(r);
  EXPECT_THAT(r->arn,
              MatchesRegex("arn:aws:secretsmanager:us-east-1:123456789012:"
                           "secret:s-[A-Za-z0-9]{6}"));
  EXPECT_EQ(r->name, "s");
  EXPECT_EQ(r->version_id, Tok(1));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.arn, r->arn);
  EXPECT_EQ(d.name, "s");
  EXPECT_THAT(d.version_ids_to_stages.at(Tok(1)),
              UnorderedElementsAre("AWSCURRENT"));
  const auto g = Get(store, "s");
  EXPECT_EQ(g.secret_string, "x");
  EXPECT_EQ(g.version_id, Tok(1));
}

// semantics.md §11.2 (verified, LS): no value -> no VersionId, no versions.
TEST(CreateSecretTest, WithoutValueCreatesSecretWithNoVersions) {
  CheckedStore store;
  auto r = store.CreateSecret(CreateRequest("s", std::nullopt, Tok(1)));
  ASSERT_OK(r);
  EXPECT_EQ(r->name, "s");
  EXPECT_FALSE(r->version_id.has_value());
  EXPECT_TRUE(Describe(store, "s").version_ids_to_stages.empty());
  EXPECT_TRUE(Labels(store, "s").empty());
}

// semantics.md §11.18 (verified, MOTO-V): same name + token + value twice ->
// identical responses, nothing changes.
TEST(CreateSecretTest, SameTokenAndValueRepeatsFirstResponse) {
  CheckedStore store;
  auto first = store.CreateSecret(CreateRequest("s", "x", Tok(1)));
  ASSERT_OK(first);
  const StateGuard guard(&store);
  auto second = store.CreateSecret(CreateRequest("s", "x", Tok(1)));
  ASSERT_OK(second);
  EXPECT_EQ(*second, *first);
  guard.ExpectUnchanged(__FILE__, __LINE__, "idempotent CreateSecret");
}

// docs/state-machine.md CreateSecret row 4 (verified, MOTO-V
// test_create_different_secret_with_same_token).
TEST(CreateSecretTest, SameTokenDifferentValueIsResourceExists) {
  CheckedStore store;
  const auto first = Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("s", "y", Tok(1))),
      "ResourceExistsException", TokenInUse(Tok(1), first.arn));
}

// semantics.md §11.19 (verified, LS test_secret_exists_snapshots).
TEST(CreateSecretTest, ExistingNameWithOtherTokenIsResourceExists) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("s", "x", Tok(2))),
      "ResourceExistsException", AlreadyExists("s"));
  // A generated token differs from Tok(1) as well.
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("s", "x")),
      "ResourceExistsException", AlreadyExists("s"));
}

// semantics.md §11.19 (verified, LS): also for a secret without versions.
TEST(CreateSecretTest, ExistingEmptySecretNameIsResourceExists) {
  CheckedStore store;
  CreateEmpty(store, "s");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("s", std::nullopt, Tok(2))),
      "ResourceExistsException", AlreadyExists("s"));
}

// semantics.md §11.41 (verified, LS
// test_exp_raised_on_creation_of_secret_scheduled_for_deletion).
TEST(CreateSecretTest, NameScheduledForDeletionIsInvalidRequest) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(store.DeleteSecret({"s", std::nullopt, std::nullopt}));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("s", "y", Tok(2))),
      "InvalidRequestException",
      "You can't create this secret because a secret with this name is "
      "already scheduled for deletion.");
}

// semantics.md §3 (verified, LS test_can_recreate_delete_secret): a secret
// re-created after deletion gets a new ARN suffix.
TEST(CreateSecretTest, RecreateAfterForceDeleteGetsNewArnSuffix) {
  CheckedStore store;
  const auto first = Create(store, "s", "x", Tok(1));
  ASSERT_OK(store.DeleteSecret({"s", std::nullopt, true}));
  auto second = store.CreateSecret(CreateRequest("s", "y", Tok(2)));
  ASSERT_OK(second);
  EXPECT_EQ(second->name, "s");
  EXPECT_NE(second->arn, first.arn);
  EXPECT_THAT(second->arn, MatchesRegex(".*:secret:s-[A-Za-z0-9]{6}"));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(2), {"AWSCURRENT"}}}));
  // The old ARN names nothing.
  EXPECT_AWS_ERROR(store.DescribeSecret({first.arn}),
                   "ResourceNotFoundException", kSecretNotFound);
}

// semantics.md §11.39 (verified, LS test_invalid_secret_name).
TEST(CreateSecretTest, InvalidNameCharactersAreValidationException) {
  CheckedStore store;
  for (const char* name : {"Inv Name", " Inv Name", " Inv*Name? ",
                           " Inv *?!]Name\\-"}) {
    SCOPED_TRACE(name);
    EXPECT_AWS_ERROR_UNCHANGED(
        store, store.CreateSecret(CreateRequest(name, "x", Tok(1))),
        "ValidationException", kInvalidName);
  }
}

// semantics.md §3 (verified, LS test_create_and_update_secret): every
// allowed character, and a name ending in "-" + six characters.
TEST(CreateSecretTest, AcceptsEveryAllowedNameCharacter) {
  CheckedStore store;
  for (const char* name : {"Valid/_+=.@-Name", "Invalid/_+=.@-Name-a1b2c3",
                           "s-c64bdc03", "AZaz09"}) {
    SCOPED_TRACE(name);
    auto r = store.CreateSecret(CreateRequest(name, "x"));
    ASSERT_OK(r);
    EXPECT_EQ(r->name, name);
  }
}

// decisions.md "Client request tokens" (inferred): model constraint
// NameType 1..512 -> ValidationException constraint form.
TEST(CreateSecretTest, EmptyNameIsValidationException) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("", "x", Tok(1))),
      "ValidationException",
      OneValidationError("", "name",
                         "have length greater than or equal to 1"));
}

// decisions.md "Client request tokens" (inferred): NameType max 512.
TEST(CreateSecretTest, NameOf513CharactersIsValidationException) {
  CheckedStore store;
  const std::string name(513, 'a');
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest(name, "x", Tok(1))),
      "ValidationException",
      OneValidationError(name, "name", "have length less than or equal to 512"));
}

// semantics.md §4.1 (documented, MODEL NameType 1..512).
TEST(CreateSecretTest, NameOf512CharactersIsAccepted) {
  CheckedStore store;
  const std::string name(512, 'a');
  auto r = store.CreateSecret(CreateRequest(name, "x", Tok(1)));
  ASSERT_OK(r);
  EXPECT_EQ(r->name, name);
}

// decisions.md "PutSecretValue, UpdateSecret, CreateSecret" (inferred).
TEST(CreateSecretTest, BothValuesIsInvalidParameter) {
  CheckedStore store;
  model::CreateSecretRequest req = CreateRequest("s", "x", Tok(1));
  req.secret_binary = std::string("\x01\x02", 2);
  EXPECT_AWS_ERROR_UNCHANGED(store, store.CreateSecret(req),
                             "InvalidParameterException", kBothValues);
}

// decisions.md "Client request tokens" (inferred): ClientRequestTokenType
// is 32..64 characters.
TEST(CreateSecretTest, ShortTokenIsValidationException) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("s", "x", "short-token")),
      "ValidationException",
      OneValidationError("short-token", "clientRequestToken",
                         "have length greater than or equal to 32"));
}

// semantics.md §4.7 (verified shape): Description, KmsKeyId and Tags are
// stored and shown by DescribeSecret; CreatedDate is the store clock.
TEST(CreateSecretTest, StoresDescriptionKmsKeyAndTags) {
  CheckedStore store;
  store.clock().Advance(absl::Milliseconds(1234));
  model::CreateSecretRequest req = CreateRequest("s", "x", Tok(1));
  req.description = "my secret";
  req.kms_key_id = "alias/custom";
  req.tags = {{"team", "infra"}, {"env", ""}};
  ASSERT_OK(store.CreateSecret(req));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.description, "my secret");
  EXPECT_EQ(d.kms_key_id, "alias/custom");
  EXPECT_THAT(d.tags, UnorderedElementsAre(model::Tag{"team", "infra"},
                                           model::Tag{"env", ""}));
  EXPECT_EQ(d.created_date, store.Now());
  EXPECT_FALSE(d.deleted_date.has_value());
  EXPECT_FALSE(d.last_accessed_date.has_value());
}

// semantics.md §4.7 (verified, LS snapshots): Description and KmsKeyId are
// omitted when not set.
TEST(CreateSecretTest, OmitsUnsetDescriptionAndKmsKey) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const auto d = Describe(store, "s");
  EXPECT_FALSE(d.description.has_value());
  EXPECT_FALSE(d.kms_key_id.has_value());
  EXPECT_TRUE(d.tags.empty());
}

// decisions.md "Client request tokens" (inferred): an omitted token is
// generated as a UUID v4, like the AWS SDKs do.
TEST(CreateSecretTest, GeneratesUuidV4TokenWhenOmitted) {
  CheckedStore store;
  auto a = store.CreateSecret(CreateRequest("a", "x"));
  auto b = store.CreateSecret(CreateRequest("b", "x"));
  ASSERT_OK(a);
  ASSERT_OK(b);
  ASSERT_TRUE(a->version_id.has_value());
  ASSERT_TRUE(b->version_id.has_value());
  EXPECT_THAT(*a->version_id, MatchesRegex(kUuidV4Regex));
  EXPECT_THAT(*b->version_id, MatchesRegex(kUuidV4Regex));
  EXPECT_NE(*a->version_id, *b->version_id);
  EXPECT_EQ(Labels(store, "a"), (LabelMap{{*a->version_id, {"AWSCURRENT"}}}));
}

// semantics.md §4.1 (documented): SecretBinary creates the version too.
TEST(CreateSecretTest, WithBinaryValueCreatesAwsCurrentVersion) {
  CheckedStore store;
  model::CreateSecretRequest req = CreateRequest("s", std::nullopt, Tok(1));
  req.secret_binary = std::string("\x00\xff", 2);
  auto r = store.CreateSecret(req);
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(1));
  const auto g = Get(store, "s");
  EXPECT_EQ(g.secret_binary, std::string("\x00\xff", 2));
  EXPECT_FALSE(g.secret_string.has_value());
}

// semantics.md §4.1 (documented): SecretString is 1..65536 characters
// (inferred message: the value is sensitive and not echoed).
TEST(CreateSecretTest, EmptySecretStringIsValidationException) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(CreateRequest("s", "", Tok(1))),
      "ValidationException",
      "1 validation error detected: Value at 'secretString' failed to "
      "satisfy constraint: Member must have length greater than or equal to "
      "1");
}

// semantics.md §4.1 / §10.9 (documented, MODEL): SecretString is at most
// 65536 characters, SecretBinary 65536 bytes (inferred message form).
TEST(CreateSecretTest, ValueLongerThan65536IsValidationException) {
  CheckedStore store;
  EXPECT_AWS_ERROR_UNCHANGED(
      store,
      store.CreateSecret(CreateRequest("s", std::string(65537, 'a'), Tok(1))),
      "ValidationException",
      "1 validation error detected: Value at 'secretString' failed to "
      "satisfy constraint: Member must have length less than or equal to "
      "65536");
  model::CreateSecretRequest binary = CreateRequest("s", std::nullopt, Tok(1));
  binary.secret_binary = std::string(65537, '\0');
  EXPECT_AWS_ERROR_UNCHANGED(
      store, store.CreateSecret(binary), "ValidationException",
      "1 validation error detected: Value at 'secretBinary' failed to "
      "satisfy constraint: Member must have length less than or equal to "
      "65536");
}

// semantics.md §10.9 (documented, MODEL counts SecretString in characters):
// 65536 two-byte characters are accepted and read back intact.
TEST(CreateSecretTest, AcceptsMaximumLengthValues) {
  CheckedStore store;
  std::string wide;
  for (int i = 0; i < 65536; ++i) wide += "\u00e9";  // 2 bytes in UTF-8
  ASSERT_OK(store.CreateSecret(CreateRequest("wide", wide, Tok(1))));
  EXPECT_EQ(Get(store, "wide").secret_string, wide);
  model::CreateSecretRequest binary = CreateRequest("bin", std::nullopt, Tok(2));
  binary.secret_binary = std::string(65536, '\xff');
  ASSERT_OK(store.CreateSecret(binary));
  EXPECT_EQ(Get(store, "bin").secret_binary, *binary.secret_binary);
}

}  // namespace
}  // namespace secretstage::test
