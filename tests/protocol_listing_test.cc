// protocol::Dispatch for ListSecrets and BatchGetSecretValue: success shapes
// (exact member names, members omitted when they have no value), paging,
// error bodies and wrong member types. Each test names the rule it checks
// (semantics.md §, decisions.md).
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/json.h"
#include "tests/protocol_test_util.h"

namespace secretstage::protocol::test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

constexpr char kTa[] = "a-token-000000000000000000000000000001";
constexpr char kTb[] = "b-token-000000000000000000000000000002";
constexpr char kTb2[] = "b-token-000000000000000000000000000003";
constexpr char kTb3[] = "b-token-000000000000000000000000000004";
constexpr char kTc[] = "c-token-000000000000000000000000000005";
constexpr char kLambda[] = "arn:aws:lambda:us-east-1:123456789012:function:rot";

std::vector<std::string> Names(const Json& list) {
  std::vector<std::string> names;
  for (const Json& entry : list) names.push_back(entry["Name"]);
  return names;
}

class ListingWireTest : public ::testing::Test {
 protected:
  // "a" then "b" a minute later (created-date order a, b).
  void CreateAB() {
    wire_.Create("app/a", kTa, "alpha", {{"Description", "first"}});
    wire_.Advance(absl::Minutes(1));
    wire_.Create("app/b", kTb, "beta",
                 {{"Tags", {{{"Key", "team"}, {"Value", "core"}}}}});
  }

  void Put(const char* name, const char* token) {
    wire_.Ok("PutSecretValue", {{"SecretId", name},
                                {"ClientRequestToken", token},
                                {"SecretString", token}});
  }

  WireStore wire_;
};

// ---- ListSecrets: success -------------------------------------------------

// §4.9 and the AWS recording list_secrets_res_0 (aws-recordings/
// list_secrets.json): an entry of a plain secret has exactly ARN, Name,
// Description, LastChangedDate, SecretVersionsToStages and CreatedDate; the
// response has SecretList and no NextToken on the last page.
TEST_F(ListingWireTest, ListSecretsEntryHasTheRecordedMembers) {
  const Json created =
      wire_.Create("app/a", kTa, "alpha", {{"Description", "first"}});
  const Json out = wire_.Ok("ListSecrets", Json::object());
  EXPECT_THAT(Keys(out), ElementsAre("SecretList"));
  ASSERT_EQ(out["SecretList"].size(), 1u);
  const Json& entry = out["SecretList"][0];
  EXPECT_THAT(Keys(entry),
              ElementsAre("ARN", "Name", "Description", "LastChangedDate",
                          "SecretVersionsToStages", "CreatedDate"));
  EXPECT_EQ(entry["ARN"], created["ARN"]);
  EXPECT_EQ(entry["Name"], "app/a");
  EXPECT_EQ(entry["Description"], "first");
  EXPECT_EQ(entry["SecretVersionsToStages"], Json({{kTa, {"AWSCURRENT"}}}));
  EXPECT_EQ(entry["CreatedDate"], wire_.NowSeconds());
}

// protocol/dispatch.h: a list response's main list is always present.
TEST_F(ListingWireTest, ListSecretsOfAnEmptyStoreHasAnEmptySecretList) {
  EXPECT_EQ(ToJsonText(wire_.Ok("ListSecrets", Json::object())),
            R"({"SecretList":[]})");
}

// §4.9, §1.4: SecretVersionsToStages covers labelled versions only, with
// the same content as DescribeSecret's VersionIdsToStages.
TEST_F(ListingWireTest, SecretVersionsToStagesListsLabelledVersionsOnly) {
  CreateAB();
  Put("app/b", kTb2);
  Put("app/b", kTb3);  // kTb loses AWSPREVIOUS: deprecated
  const Json out = wire_.Ok(
      "ListSecrets", {{"Filters", {{{"Key", "name"}, {"Values", {"app/b"}}}}}});
  ASSERT_EQ(out["SecretList"].size(), 1u);
  const Json& map = out["SecretList"][0]["SecretVersionsToStages"];
  EXPECT_THAT(Keys(map), UnorderedElementsAre(kTb2, kTb3));
  EXPECT_EQ(map, wire_.Ok("DescribeSecret",
                          {{"SecretId", "app/b"}})["VersionIdsToStages"]);
}

// §2 (omitted when empty), §4.1: a secret without versions has no
// SecretVersionsToStages member; tags appear as [{Key, Value}].
TEST_F(ListingWireTest, ListSecretsOmitsEmptyMembersAndShowsTags) {
  wire_.Ok("CreateSecret", {{"Name", "empty"},
                            {"ClientRequestToken", kTc},
                            {"Tags", {{{"Key", "k"}, {"Value", ""}}}}});
  const Json entry = wire_.Ok("ListSecrets", Json::object())["SecretList"][0];
  EXPECT_FALSE(entry.contains("SecretVersionsToStages")) << entry;
  EXPECT_FALSE(entry.contains("Description")) << entry;
  EXPECT_EQ(entry["Tags"], Json::parse(R"([{"Key":"k","Value":""}])"));
  for (const auto& [key, value] : entry.items()) {
    EXPECT_FALSE(value.is_null()) << key;
  }
}

// §4.9, §5: a secret scheduled for deletion is listed only with
// IncludePlannedDeletion=true, and then with its DeletedDate.
TEST_F(ListingWireTest, IncludePlannedDeletionShowsScheduledSecrets) {
  CreateAB();
  const Json deleted = wire_.Ok(
      "DeleteSecret", {{"SecretId", "app/a"}, {"RecoveryWindowInDays", 7}});
  EXPECT_THAT(Names(wire_.Ok("ListSecrets", Json::object())["SecretList"]),
              ElementsAre("app/b"));
  const Json all = wire_.Ok("ListSecrets", {{"IncludePlannedDeletion", true}});
  ASSERT_THAT(Names(all["SecretList"]), ElementsAre("app/a", "app/b"));
  EXPECT_EQ(all["SecretList"][0]["DeletedDate"], deleted["DeletionDate"]);
  EXPECT_FALSE(all["SecretList"][1].contains("DeletedDate"));
}

// §4.9 (ListSecrets carries the rotation members like DescribeSecret,
// §4.7, §4.12).
TEST_F(ListingWireTest, ListSecretsShowsRotationMembers) {
  CreateAB();
  wire_.Ok("RotateSecret",
           {{"SecretId", "app/a"},
            {"ClientRequestToken", kTc},
            {"RotationLambdaARN", kLambda},
            {"RotationRules", {{"AutomaticallyAfterDays", 7}}}});
  const Json described = wire_.Ok("DescribeSecret", {{"SecretId", "app/a"}});
  const Json entry =
      wire_.Ok("ListSecrets",
               {{"Filters",
                 {{{"Key", "name"}, {"Values", {"app/a"}}}}}})["SecretList"][0];
  for (const char* member :
       {"RotationEnabled", "RotationLambdaARN", "RotationRules",
        "LastRotatedDate", "NextRotationDate"}) {
    ASSERT_TRUE(entry.contains(member)) << member << " missing in " << entry;
    EXPECT_EQ(entry[member], described[member]) << member;
  }
  EXPECT_EQ(entry["RotationRules"],
            Json::parse(R"({"AutomaticallyAfterDays":7})"));
}

// §4.9 Filters (name, tag-key, "!" negation) and SortOrder reach the store.
TEST_F(ListingWireTest, FiltersAndSortOrderAreRead) {
  CreateAB();
  wire_.Advance(absl::Minutes(1));
  wire_.Create("other/c", kTc, "gamma");
  auto list = [&](const Json& body) {
    return Names(wire_.Ok("ListSecrets", body)["SecretList"]);
  };
  EXPECT_THAT(list({{"Filters", {{{"Key", "name"}, {"Values", {"app"}}}}}}),
              ElementsAre("app/a", "app/b"));
  EXPECT_THAT(list({{"Filters", {{{"Key", "tag-key"}, {"Values", {"team"}}}}}}),
              ElementsAre("app/b"));
  EXPECT_THAT(list({{"Filters", {{{"Key", "name"}, {"Values", {"!app"}}}}}}),
              ElementsAre("other/c"));
  EXPECT_THAT(list({{"SortOrder", "desc"}}),
              ElementsAre("other/c", "app/b", "app/a"));
  EXPECT_THAT(list({{"SortBy", "name"}, {"SortOrder", "desc"}}),
              ElementsAre("other/c", "app/b", "app/a"));
}

// §4.9 MaxResults and NextToken: pages follow one another, the last has no
// NextToken member.
TEST_F(ListingWireTest, ListSecretsPagesWithNextToken) {
  CreateAB();
  const Json first = wire_.Ok("ListSecrets", {{"MaxResults", 1}});
  EXPECT_THAT(Keys(first), ElementsAre("SecretList", "NextToken"));
  ASSERT_TRUE(first["NextToken"].is_string());
  const Json second = wire_.Ok(
      "ListSecrets", {{"MaxResults", 1}, {"NextToken", first["NextToken"]}});
  EXPECT_THAT(Keys(second), ElementsAre("SecretList"));
  EXPECT_THAT(Names(first["SecretList"]), ElementsAre("app/a"));
  EXPECT_THAT(Names(second["SecretList"]), ElementsAre("app/b"));
}

// ---- ListSecrets: errors --------------------------------------------------

struct TypeCase {
  const char* body;
  const char* message;
};

// §2; protocol/request_reader.h: wrong JSON types, nested Filters included.
TEST_F(ListingWireTest, ListSecretsMemberOfWrongTypeIsSerializationError) {
  const TypeCase cases[] = {
      {R"({"IncludePlannedDeletion":"true"})",
       "STRING_VALUE can not be converted to a Boolean"},
      {R"({"MaxResults":"1"})",
       "STRING_VALUE can not be converted to an Integer"},
      {R"({"MaxResults":2147483648})",
       "NUMBER_VALUE 2147483648 can not be converted to an Integer"},
      {R"({"NextToken":1})", "NUMBER_VALUE 1 can not be converted to a String"},
      {R"({"SortOrder":["asc"]})", "Start of list found where not expected."},
      {R"({"SortBy":false})", "BOOLEAN_VALUE can not be converted to a String"},
      {R"({"Filters":{"Key":"name"}})",
       "Start of structure or map found where not expected."},
      {R"({"Filters":["name"]})",
       "STRING_VALUE can not be converted to a Structure"},
      {R"({"Filters":[{"Key":1,"Values":["a"]}]})",
       "NUMBER_VALUE 1 can not be converted to a String"},
      {R"({"Filters":[{"Key":"name","Values":"a"}]})",
       "STRING_VALUE can not be converted to a List"},
      {R"({"Filters":[{"Key":"name","Values":[null]}]})",
       "NULL_VALUE can not be converted to a String"},
  };
  for (const TypeCase& c : cases) {
    const WireError e = wire_.ErrorText("ListSecrets", c.body);
    EXPECT_EQ(e.http_status, 400) << c.body;
    EXPECT_EQ(e.type, "SerializationException") << c.body;
    EXPECT_EQ(e.message, c.message) << c.body;
  }
}

// decisions.md "Client request tokens" (constraint messages, camelCase
// member names): model constraints reach the client as ValidationException.
TEST_F(ListingWireTest, ListSecretsOutOfRangeMaxResultsIsValidationException) {
  const WireError e = wire_.ErrorText("ListSecrets", R"({"MaxResults":0})");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message,
            "1 validation error detected: Value '0' at 'maxResults' failed to "
            "satisfy constraint: Member must have value greater than or equal "
            "to 1");
}

// §4.8/§4.6 error lists (InvalidNextTokenException): a token the store did
// not hand out.
TEST_F(ListingWireTest, ListSecretsWithForeignNextTokenIsInvalidNextToken) {
  CreateAB();
  const WireError e =
      wire_.ErrorText("ListSecrets", R"({"NextToken":"not-a-token"})");
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.type, "InvalidNextTokenException");
}

// ---- BatchGetSecretValue: success -----------------------------------------

// §4.6 SecretValues entries {ARN, Name, VersionId, SecretString,
// VersionStages, CreatedDate}; §2: no Errors member when nothing failed,
// no NextToken for a SecretIdList.
TEST_F(ListingWireTest, BatchGetReturnsTheCurrentValueOfEachSecret) {
  CreateAB();
  const Json out =
      wire_.Ok("BatchGetSecretValue", {{"SecretIdList", {"app/a", "app/b"}}});
  EXPECT_THAT(Keys(out), ElementsAre("SecretValues"));
  ASSERT_EQ(out["SecretValues"].size(), 2u);
  for (const Json& value : out["SecretValues"]) {
    EXPECT_THAT(Keys(value),
                ElementsAre("ARN", "Name", "VersionId", "SecretString",
                            "VersionStages", "CreatedDate"));
    const Json get = wire_.Ok("GetSecretValue", {{"SecretId", value["Name"]}});
    EXPECT_EQ(value, get) << "entry equals GetSecretValue of AWSCURRENT";
  }
  EXPECT_EQ(out["SecretValues"][0]["SecretString"], "alpha");
  EXPECT_EQ(out["SecretValues"][1]["VersionStages"], Json({"AWSCURRENT"}));
}

// §2 blobs: SecretBinary is base64 in SecretValues too.
TEST_F(ListingWireTest, BatchGetEncodesSecretBinaryAsBase64) {
  wire_.Ok("CreateSecret", {{"Name", "bin"},
                            {"ClientRequestToken", kTa},
                            {"SecretBinary", "AAEC/w=="}});
  const Json value = wire_.Ok("BatchGetSecretValue",
                              {{"SecretIdList", {"bin"}}})["SecretValues"][0];
  EXPECT_EQ(value["SecretBinary"], "AAEC/w==");
  EXPECT_FALSE(value.contains("SecretString"));
}

// §11.58: a missing secret goes to Errors {SecretId, ErrorCode, Message}
// and the call as a whole succeeds.
TEST_F(ListingWireTest, BatchGetReportsAMissingSecretInErrors) {
  CreateAB();
  const Json out =
      wire_.Ok("BatchGetSecretValue", {{"SecretIdList", {"app/a", "missing"}}});
  EXPECT_THAT(Keys(out), ElementsAre("SecretValues", "Errors"));
  EXPECT_THAT(Names(out["SecretValues"]), ElementsAre("app/a"));
  ASSERT_EQ(out["Errors"].size(), 1u);
  const Json& error = out["Errors"][0];
  EXPECT_THAT(Keys(error), ElementsAre("SecretId", "ErrorCode", "Message"));
  EXPECT_EQ(error["SecretId"], "missing");
  EXPECT_EQ(error["ErrorCode"], "ResourceNotFoundException");
  EXPECT_EQ(error["Message"], kNotFoundMessage);
}

// §4.6 (per-secret failures include InvalidRequestException), §5/§4.5: a
// secret scheduled for deletion cannot be read.
TEST_F(ListingWireTest, BatchGetReportsAScheduledSecretInErrors) {
  CreateAB();
  wire_.Ok("DeleteSecret", {{"SecretId", "app/b"}});
  const Json out =
      wire_.Ok("BatchGetSecretValue", {{"SecretIdList", {"app/a", "app/b"}}});
  ASSERT_EQ(out["Errors"].size(), 1u);
  EXPECT_EQ(out["Errors"][0]["SecretId"], "app/b");
  EXPECT_EQ(out["Errors"][0]["ErrorCode"], "InvalidRequestException");
  EXPECT_EQ(out["Errors"][0]["Message"], kMarkedForDeletionMessage);
}

// §4.6 Filters with MaxResults and NextToken.
TEST_F(ListingWireTest, BatchGetWithFiltersPagesWithNextToken) {
  CreateAB();
  wire_.Create("other/c", kTc, "gamma");
  const Json filters = {{{"Key", "name"}, {"Values", {"app"}}}};
  const Json first = wire_.Ok("BatchGetSecretValue",
                              {{"Filters", filters}, {"MaxResults", 1}});
  EXPECT_THAT(Keys(first), ElementsAre("SecretValues", "NextToken"));
  const Json second =
      wire_.Ok("BatchGetSecretValue", {{"Filters", filters},
                                       {"MaxResults", 1},
                                       {"NextToken", first["NextToken"]}});
  EXPECT_FALSE(second.contains("NextToken")) << second;
  EXPECT_THAT(Names(first["SecretValues"]), ElementsAre("app/a"));
  EXPECT_THAT(Names(second["SecretValues"]), ElementsAre("app/b"));
}

// ---- BatchGetSecretValue: errors ------------------------------------------

// §4.6, §11.59 (moto's messages, the only ones recorded): SecretIdList and
// Filters together or neither; MaxResults without Filters.
TEST_F(ListingWireTest, BatchGetNeedsExactlyOneOfSecretIdListAndFilters) {
  CreateAB();
  const char* kEitherOr =
      "Either 'SecretIdList' or 'Filters' must be provided, but not both.";
  WireError e =
      wire_.Error("BatchGetSecretValue",
                  Json{{"SecretIdList", {"app/a"}},
                       {"Filters", {{{"Key", "name"}, {"Values", {"app"}}}}}});
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.type, "InvalidParameterException");
  EXPECT_EQ(e.message, kEitherOr);

  e = wire_.ErrorText("BatchGetSecretValue", "{}");
  EXPECT_EQ(e.type, "InvalidParameterException");
  EXPECT_EQ(e.message, kEitherOr);

  e = wire_.Error("BatchGetSecretValue",
                  Json{{"SecretIdList", {"app/a"}}, {"MaxResults", 5}});
  EXPECT_EQ(e.type, "InvalidParameterException");
  EXPECT_EQ(e.message,
            "'Filters' not specified. 'Filters' must also be specified when "
            "'MaxResults' is provided.");
}

// §2; protocol/request_reader.h: wrong JSON types.
TEST_F(ListingWireTest, BatchGetMemberOfWrongTypeIsSerializationError) {
  const TypeCase cases[] = {
      {R"({"SecretIdList":"app/a"})",
       "STRING_VALUE can not be converted to a List"},
      {R"({"SecretIdList":["app/a",2]})",
       "NUMBER_VALUE 2 can not be converted to a String"},
      {R"({"Filters":"name"})", "STRING_VALUE can not be converted to a List"},
      {R"({"Filters":[{"Key":"name","Values":[true]}]})",
       "BOOLEAN_VALUE can not be converted to a String"},
      {R"({"Filters":[[]]})", "Start of list found where not expected."},
      {R"({"MaxResults":true})",
       "BOOLEAN_VALUE can not be converted to an Integer"},
      {R"({"NextToken":{}})",
       "Start of structure or map found where not expected."},
  };
  for (const TypeCase& c : cases) {
    const WireError e = wire_.ErrorText("BatchGetSecretValue", c.body);
    EXPECT_EQ(e.http_status, 400) << c.body;
    EXPECT_EQ(e.type, "SerializationException") << c.body;
    EXPECT_EQ(e.message, c.message) << c.body;
  }
}

// decisions.md "Client request tokens" (constraint messages): SecretIdList
// holds 1..20 ids (§4.6).
TEST_F(ListingWireTest, BatchGetEmptySecretIdListIsValidationException) {
  const WireError e =
      wire_.ErrorText("BatchGetSecretValue", R"({"SecretIdList":[]})");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_THAT(e.message, ::testing::HasSubstr("'secretIdList'"));
}

}  // namespace
}  // namespace secretstage::protocol::test
