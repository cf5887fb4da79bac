// protocol::Dispatch for TagResource, UntagResource and GetRandomPassword:
// success shapes, error bodies and wrong member types. Each test names the
// rule it checks (semantics.md §, decisions.md).
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/errors.h"
#include "core/secret_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "protocol/json.h"
#include "tests/protocol_test_util.h"

namespace secretstage::protocol::test {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::Not;

constexpr char kT1[] = "v1-initial-000000000000000000000001";
constexpr char kInvalidName[] =
    "Invalid name. Must be a valid name containing alphanumeric characters, "
    "or any of the following: -/_+=.@!";

class TagsWireTest : public ::testing::Test {
 protected:
  void CreateDemo() {
    wire_.Create("demo/db", kT1, "one",
                 {{"Tags",
                   {{{"Key", "team"}, {"Value", "core"}},
                    {{"Key", "env"}, {"Value", "dev"}}}}});
  }

  Json Tags() {
    const Json out = wire_.Ok("DescribeSecret", {{"SecretId", "demo/db"}});
    return out.contains("Tags") ? out["Tags"] : Json();
  }

  WireStore wire_;
};

// ---- TagResource / UntagResource: success ---------------------------------

// TagResource/UntagResource responses have no members: the body is {}.
TEST_F(TagsWireTest, TagAndUntagAnswerAnEmptyObject) {
  CreateDemo();
  EXPECT_EQ(
      ToJsonText(wire_.Ok("TagResource",
                          {{"SecretId", "demo/db"},
                           {"Tags", {{{"Key", "owner"}, {"Value", "me"}}}}})),
      "{}");
  EXPECT_EQ(ToJsonText(wire_.Ok("UntagResource", {{"SecretId", "demo/db"},
                                                  {"TagKeys", {"owner"}}})),
            "{}");
}

// §4.7 Tags [{Key, Value}]; model/tag_resource.h: a key already present
// gets the new value, a new key is added.
TEST_F(TagsWireTest, TagResourceAddsAndOverwritesTags) {
  CreateDemo();
  wire_.Ok("TagResource", {{"SecretId", "demo/db"},
                           {"Tags",
                            {{{"Key", "env"}, {"Value", "prod"}},
                             {{"Key", "owner"}, {"Value", "me"}}}}});
  const Json tags = Tags();
  ASSERT_TRUE(tags.is_array()) << tags;
  std::vector<std::string> pairs;
  for (const Json& tag : tags) {
    EXPECT_THAT(Keys(tag), ElementsAre("Key", "Value"));
    pairs.push_back(tag["Key"].get<std::string>() + "=" +
                    tag["Value"].get<std::string>());
  }
  EXPECT_THAT(pairs, ::testing::UnorderedElementsAre("team=core", "env=prod",
                                                     "owner=me"));
}

// UntagResource removes by key and ignores unknown keys; §2/§4.7: once the
// last tag is gone DescribeSecret has no Tags member.
TEST_F(TagsWireTest, UntagResourceRemovesTagsUntilTheMemberDisappears) {
  CreateDemo();
  wire_.Ok("UntagResource",
           {{"SecretId", "demo/db"}, {"TagKeys", {"team", "nope"}}});
  EXPECT_EQ(Tags(), Json::parse(R"([{"Key":"env","Value":"dev"}])"));
  wire_.Ok("UntagResource", {{"SecretId", "demo/db"}, {"TagKeys", {"env"}}});
  EXPECT_TRUE(Tags().is_null()) << Tags();
}

// ---- TagResource / UntagResource: errors ----------------------------------

// §11.42, §5 (verified): both are refused while the secret is scheduled
// for deletion, and the tags stay.
TEST_F(TagsWireTest, TagAndUntagAreRefusedWhileScheduledForDeletion) {
  CreateDemo();
  const Json before = Tags();
  wire_.Ok("DeleteSecret", {{"SecretId", "demo/db"}});
  WireError e = wire_.Error("TagResource",
                            Json{{"SecretId", "demo/db"},
                                 {"Tags", {{{"Key", "k"}, {"Value", "v"}}}}});
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.type, "InvalidRequestException");
  EXPECT_EQ(e.message, kMarkedForDeletionMessage);
  e = wire_.Error("UntagResource",
                  Json{{"SecretId", "demo/db"}, {"TagKeys", {"team"}}});
  EXPECT_EQ(e.type, "InvalidRequestException");
  EXPECT_EQ(e.message, kMarkedForDeletionMessage);
  EXPECT_EQ(Tags(), before);
}

// §7 ResourceNotFoundException; §3 / §11.39: the name check applies to
// TagResource and UntagResource.
TEST_F(TagsWireTest, TagAndUntagOfMissingOrInvalidSecret) {
  for (const char* op : {"TagResource", "UntagResource"}) {
    const Json extra = std::string(op) == "TagResource"
                           ? Json{{"Tags", {{{"Key", "k"}, {"Value", "v"}}}}}
                           : Json{{"TagKeys", {"k"}}};
    Json body = {{"SecretId", "missing"}};
    body.update(extra);
    WireError e = wire_.Error(op, body);
    EXPECT_EQ(e.type, "ResourceNotFoundException") << op;
    EXPECT_EQ(e.message, kNotFoundMessage) << op;
    body["SecretId"] = "Inv Name";
    e = wire_.Error(op, body);
    EXPECT_EQ(e.type, "ValidationException") << op;
    EXPECT_EQ(e.message, kInvalidName) << op;
  }
}

// protocol/request_reader.h: SecretId and Tags (TagResource), SecretId and
// TagKeys (UntagResource) are required members.
TEST_F(TagsWireTest, TagAndUntagRequireTheirMembers) {
  WireError e = wire_.ErrorText("TagResource", R"({"SecretId":"demo/db"})");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message, MissingMemberMessage("tags"));
  e = wire_.ErrorText("UntagResource", R"({"SecretId":"demo/db"})");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message, MissingMemberMessage("tagKeys"));
  e = wire_.ErrorText("TagResource", "{}");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message,
            "2 validation errors detected: Value null at 'secretId' failed to "
            "satisfy constraint: Member must not be null; Value null at "
            "'tags' failed to satisfy constraint: Member must not be null");
}

struct TypeCase {
  const char* operation;
  const char* body;
  const char* message;
};

// §2; protocol/request_reader.h: wrong JSON types are SerializationException
// (and are reported before missing members).
TEST_F(TagsWireTest, TagAndUntagMemberOfWrongTypeIsSerializationError) {
  const TypeCase cases[] = {
      {"TagResource", R"({"SecretId":"demo/db","Tags":"k=v"})",
       "STRING_VALUE can not be converted to a List"},
      {"TagResource", R"({"SecretId":"demo/db","Tags":[["k","v"]]})",
       "Start of list found where not expected."},
      {"TagResource",
       R"({"SecretId":"demo/db","Tags":[{"Key":"k","Value":1}]})",
       "NUMBER_VALUE 1 can not be converted to a String"},
      {"TagResource", R"({"Tags":{}})",
       "Start of structure or map found where not expected."},
      {"UntagResource", R"({"SecretId":"demo/db","TagKeys":"k"})",
       "STRING_VALUE can not be converted to a List"},
      {"UntagResource", R"({"SecretId":"demo/db","TagKeys":[{"Key":"k"}]})",
       "Start of structure or map found where not expected."},
      {"UntagResource", R"({"SecretId":1.5,"TagKeys":["k"]})",
       "NUMBER_VALUE 1.5 can not be converted to a String"},
  };
  for (const TypeCase& c : cases) {
    const WireError e = wire_.ErrorText(c.operation, c.body);
    EXPECT_EQ(e.http_status, 400) << c.body;
    EXPECT_EQ(e.type, "SerializationException") << c.body;
    EXPECT_EQ(e.message, c.message) << c.body;
  }
}

// ---- GetRandomPassword ----------------------------------------------------

class PasswordWireTest : public ::testing::Test {
 protected:
  std::string Password(const Json& body) {
    const Json out = wire_.Ok("GetRandomPassword", body);
    EXPECT_THAT(Keys(out), ElementsAre("RandomPassword"));
    return out["RandomPassword"].get<std::string>();
  }

  WireStore wire_;
};

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// {RandomPassword} only; model/get_random_password.h: PasswordLength
// defaults to 32 (AWS API reference).
TEST_F(PasswordWireTest, DefaultPasswordHasTheDefaultLength) {
  EXPECT_EQ(Password(Json::object()).size(), 32u);
}

// Every option member is read: with numbers, punctuation and upper case
// excluded only lower-case letters remain.
TEST_F(PasswordWireTest, ExclusionOptionsAreRead) {
  const std::string password = Password({{"PasswordLength", 40},
                                         {"ExcludeNumbers", true},
                                         {"ExcludePunctuation", true},
                                         {"ExcludeUppercase", true}});
  EXPECT_EQ(password.size(), 40u);
  EXPECT_THAT(password, Each(::testing::Truly(IsLower))) << password;
}

// ExcludeCharacters and ExcludeLowercase are read.
TEST_F(PasswordWireTest, ExcludeCharactersIsRead) {
  const std::string password = Password({{"PasswordLength", 200},
                                         {"ExcludeLowercase", true},
                                         {"ExcludeUppercase", true},
                                         {"ExcludePunctuation", true},
                                         {"ExcludeCharacters", "0123456789"},
                                         {"IncludeSpace", true}});
  EXPECT_EQ(password, std::string(200, ' '));
}

// IncludeSpace defaults to false: no space without it.
TEST_F(PasswordWireTest, NoSpaceUnlessIncludeSpace) {
  EXPECT_THAT(Password({{"PasswordLength", 500}}),
              Not(::testing::HasSubstr(" ")));
}

// RequireEachIncludedType is read: the default (true) needs one character
// of each of the four types, false does not. The wire carries the store's
// exception name and message unchanged (the spec records no message).
TEST_F(PasswordWireTest, RequireEachIncludedTypeIsRead) {
  EXPECT_EQ(
      Password({{"PasswordLength", 1}, {"RequireEachIncludedType", false}})
          .size(),
      1u);
  model::GetRandomPasswordRequest request;
  request.password_length = 1;
  const absl::StatusOr<model::GetRandomPasswordResponse> direct =
      wire_.store().GetRandomPassword(request);
  ASSERT_FALSE(direct.ok());
  const WireError e =
      wire_.ErrorText("GetRandomPassword", R"({"PasswordLength":1})");
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.type, AwsErrorName(direct.status()));
  EXPECT_EQ(e.type, "InvalidParameterException");
  EXPECT_EQ(e.message, direct.status().message());
}

// decisions.md "Client request tokens" (constraint messages): PasswordLength
// is 1..4096.
TEST_F(PasswordWireTest, PasswordLengthOutOfRangeIsValidationException) {
  const WireError e =
      wire_.ErrorText("GetRandomPassword", R"({"PasswordLength":0})");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message,
            "1 validation error detected: Value '0' at 'passwordLength' failed "
            "to satisfy constraint: Member must have value greater than or "
            "equal to 1");
}

// §2; protocol/request_reader.h: PasswordLength is an AWS Long, the options
// are Booleans, ExcludeCharacters a String.
TEST_F(PasswordWireTest, MemberOfWrongTypeIsSerializationError) {
  const TypeCase cases[] = {
      {"GetRandomPassword", R"({"PasswordLength":"32"})",
       "STRING_VALUE can not be converted to a Long"},
      {"GetRandomPassword", R"({"PasswordLength":32.5})",
       "NUMBER_VALUE 32.5 can not be converted to a Long"},
      {"GetRandomPassword", R"({"PasswordLength":18446744073709551615})",
       "NUMBER_VALUE 18446744073709551615 can not be converted to a Long"},
      {"GetRandomPassword", R"({"ExcludeNumbers":"true"})",
       "STRING_VALUE can not be converted to a Boolean"},
      {"GetRandomPassword", R"({"ExcludePunctuation":1})",
       "NUMBER_VALUE 1 can not be converted to a Boolean"},
      {"GetRandomPassword", R"({"ExcludeUppercase":[]})",
       "Start of list found where not expected."},
      {"GetRandomPassword", R"({"ExcludeLowercase":{}})",
       "Start of structure or map found where not expected."},
      {"GetRandomPassword", R"({"IncludeSpace":"no"})",
       "STRING_VALUE can not be converted to a Boolean"},
      {"GetRandomPassword", R"({"RequireEachIncludedType":0})",
       "NUMBER_VALUE 0 can not be converted to a Boolean"},
      {"GetRandomPassword", R"({"ExcludeCharacters":false})",
       "BOOLEAN_VALUE can not be converted to a String"},
  };
  for (const TypeCase& c : cases) {
    const WireError e = wire_.ErrorText(c.operation, c.body);
    EXPECT_EQ(e.http_status, 400) << c.body;
    EXPECT_EQ(e.type, "SerializationException") << c.body;
    EXPECT_EQ(e.message, c.message) << c.body;
  }
}

}  // namespace
}  // namespace secretstage::protocol::test
