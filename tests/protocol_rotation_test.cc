// protocol::Dispatch for RotateSecret and CancelRotateSecret, and the
// rotation members of DescribeSecret: success shapes (exact member names,
// members omitted when they have no value), error bodies, wrong member
// types. Each test names the rule it checks (semantics.md §, decisions.md).
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "core/secret_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/json.h"
#include "tests/protocol_test_util.h"

namespace secretstage::protocol::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsSubsetOf;
using ::testing::UnorderedElementsAre;

constexpr char kT1[] = "v1-initial-000000000000000000000001";
constexpr char kT2[] = "v2-pending-000000000000000000000002";
constexpr char kRotation[] = "rotation-0000000000000000000000000003";
constexpr char kRotation2[] = "rotation-0000000000000000000000000004";
constexpr char kLambda[] = "arn:aws:lambda:us-east-1:123456789012:function:rot";
constexpr char kFailingLambda[] =
    "arn:aws:lambda:us-east-1:123456789012:function:broken";

// DescribeSecret's members in the order of the AWS model's
// DescribeSecretResponse (semantics.md §4.7), as far as secretstage has them.
const std::vector<std::string>& DescribeOrder() {
  static const auto* order = new std::vector<std::string>{"ARN",
                                                          "Name",
                                                          "Description",
                                                          "KmsKeyId",
                                                          "RotationEnabled",
                                                          "RotationLambdaARN",
                                                          "RotationRules",
                                                          "LastRotatedDate",
                                                          "LastChangedDate",
                                                          "LastAccessedDate",
                                                          "DeletedDate",
                                                          "NextRotationDate",
                                                          "Tags",
                                                          "VersionIdsToStages",
                                                          "CreatedDate"};
  return *order;
}

// True if `keys` appear in DescribeOrder()'s order (each at most once).
bool InDescribeOrder(const std::vector<std::string>& keys) {
  size_t next = 0;
  for (const std::string& key : keys) {
    while (next < DescribeOrder().size() && DescribeOrder()[next] != key) {
      ++next;
    }
    if (next == DescribeOrder().size()) return false;
    ++next;
  }
  return true;
}

std::vector<std::string> Labels(const Json& list) {
  return list.get<std::vector<std::string>>();
}

class RotationWireTest : public ::testing::Test {
 protected:
  RotationWireTest() {
    wire_.store().RegisterRotationHandler(
        kFailingLambda, [](SecretStore&, const SecretStore::RotationStep& s) {
          if (s.step == "setSecret") {
            return absl::UnavailableError("database unreachable");
          }
          return absl::OkStatus();
        });
  }

  void CreateDemo() { wire_.Create("demo/db", kT1, "one"); }

  Json Rotate(const char* token, const Json& extra = Json::object()) {
    Json body = {{"SecretId", "demo/db"},
                 {"ClientRequestToken", token},
                 {"RotationLambdaARN", kLambda},
                 {"RotationRules", {{"AutomaticallyAfterDays", 30}}}};
    body.update(extra);
    return wire_.Ok("RotateSecret", body);
  }

  Json Describe() {
    return wire_.Ok("DescribeSecret", {{"SecretId", "demo/db"}});
  }

  WireStore wire_;
};

// ---- RotateSecret: success ------------------------------------------------

// §4.12 response {ARN, Name, VersionId}; §11.51 VersionId is the token.
TEST_F(RotationWireTest, RotateSecretReturnsArnNameAndTheTokenAsVersionId) {
  const Json created = wire_.Create("demo/db", kT1, "one");
  const Json out = Rotate(kRotation);
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId"));
  EXPECT_EQ(out["ARN"], created["ARN"]);
  EXPECT_EQ(out["Name"], "demo/db");
  EXPECT_EQ(out["VersionId"], kRotation);
}

// §4.12 "Success", §11.53, decisions.md "Rotation" (built-in handler =
// template: AWSCURRENT moves to the token, AWSPENDING stays with it).
TEST_F(RotationWireTest, TemplateRotationMovesAwsCurrentToTheToken) {
  CreateDemo();
  Rotate(kRotation);
  const Json stages = Describe()["VersionIdsToStages"];
  EXPECT_THAT(Keys(stages), UnorderedElementsAre(kT1, kRotation));
  EXPECT_THAT(Labels(stages[kRotation]),
              UnorderedElementsAre("AWSCURRENT", "AWSPENDING"));
  EXPECT_THAT(Labels(stages[kT1]), ElementsAre("AWSPREVIOUS"));
  EXPECT_EQ(wire_.Ok("GetSecretValue", {{"SecretId", "demo/db"}})["VersionId"],
            kRotation);
}

// §4.7 members and order, §4.12 "LastRotatedDate, NextRotationDate,
// RotationEnabled: true, RotationRules set".
TEST_F(RotationWireTest, DescribeSecretShowsTheRotationMembers) {
  CreateDemo();
  wire_.Advance(absl::Hours(1));
  const double rotated_at = wire_.NowSeconds();
  Rotate(kRotation);
  const Json out = Describe();
  EXPECT_TRUE(InDescribeOrder(Keys(out))) << out;
  EXPECT_EQ(out["RotationEnabled"], true);
  EXPECT_EQ(out["RotationLambdaARN"], kLambda);
  EXPECT_EQ(out["RotationRules"],
            Json::parse(R"({"AutomaticallyAfterDays":30})"));
  EXPECT_EQ(out["LastRotatedDate"], rotated_at);
  ASSERT_TRUE(out["NextRotationDate"].is_number()) << out;
  EXPECT_GT(out["NextRotationDate"].get<double>(), rotated_at);
  for (const auto& [key, value] : out.items()) {
    EXPECT_FALSE(value.is_null()) << key;
  }
}

// §4.7 RotationRules {AutomaticallyAfterDays?, Duration?, ScheduleExpression?}:
// what RotateSecret stored comes back member for member, absent ones omitted.
TEST_F(RotationWireTest, ScheduleExpressionAndDurationComeBackAsGiven) {
  CreateDemo();
  const Json rules = Json::parse(
      R"j({"Duration":"3h","ScheduleExpression":"rate(10 days)"})j");
  Rotate(kRotation, {{"RotationRules", rules}});
  EXPECT_EQ(Describe()["RotationRules"], rules);
}

// §4.7: RotationEnabled, RotationLambdaARN, RotationRules, LastRotatedDate
// and NextRotationDate are omitted while rotation was never configured.
TEST_F(RotationWireTest, DescribeSecretOmitsRotationMembersBeforeRotation) {
  CreateDemo();
  const Json out = Describe();
  for (const char* absent :
       {"RotationEnabled", "RotationLambdaARN", "RotationRules",
        "LastRotatedDate", "NextRotationDate"}) {
    EXPECT_FALSE(out.contains(absent)) << absent << " in " << out;
  }
}

// §4.12, §11.54: RotateImmediately=false returns a VersionId that is gone
// afterwards; AWSCURRENT does not move.
TEST_F(RotationWireTest, RotateImmediatelyFalseLeavesNoVersionBehind) {
  CreateDemo();
  const Json out = Rotate(kRotation, {{"RotateImmediately", false}});
  EXPECT_EQ(out["VersionId"], kRotation);
  EXPECT_EQ(Describe()["VersionIdsToStages"],
            Json::parse(std::string(R"({")") + kT1 + R"(":["AWSCURRENT"]})"));
  const Json versions = wire_.Ok(
      "ListSecretVersionIds",
      {{"SecretId", "demo/db"}, {"IncludeDeprecated", true}})["Versions"];
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0]["VersionId"], kT1);
}

// decisions.md "Rotation": a failing handler leaves the value-less
// AWSPENDING placeholder and RotateSecret still succeeds; §4.5 a value-less
// placeholder reads as ResourceNotFoundException.
TEST_F(RotationWireTest, FailedRotationLeavesThePlaceholderOnTheWire) {
  CreateDemo();
  const Json out = Rotate(kRotation, {{"RotationLambdaARN", kFailingLambda}});
  EXPECT_EQ(out["VersionId"], kRotation);
  const Json stages = Describe()["VersionIdsToStages"];
  EXPECT_THAT(Labels(stages[kRotation]), ElementsAre("AWSPENDING"));
  EXPECT_THAT(Labels(stages[kT1]), ElementsAre("AWSCURRENT"));
  const WireError read = wire_.Error(
      "GetSecretValue",
      Json{{"SecretId", "demo/db"}, {"VersionStage", "AWSPENDING"}});
  EXPECT_EQ(read.type, "ResourceNotFoundException");
}

// ---- RotateSecret: errors -------------------------------------------------

// §4.12, §11.21, decisions.md "Client request tokens": a raw RotateSecret
// without a token is InvalidParameterException (not InvalidRequest), and
// nothing changes.
TEST_F(RotationWireTest, RotateSecretWithoutTokenIsInvalidParameter) {
  CreateDemo();
  const Json before = Describe();
  const WireError e = wire_.Error(
      "RotateSecret", Json{{"SecretId", "demo/db"},
                           {"RotationLambdaARN", kLambda},
                           {"RotationRules", {{"AutomaticallyAfterDays", 1}}}});
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.type, "InvalidParameterException");
  EXPECT_EQ(e.message, kTokenMessage);
  EXPECT_EQ(Describe(), before);
}

// §8: token presence is checked before the secret's existence.
TEST_F(RotationWireTest, RotateSecretTokenIsCheckedBeforeTheSecretExists) {
  const WireError e = wire_.Error(
      "RotateSecret",
      Json{{"SecretId", "missing"}, {"RotationLambdaARN", kLambda}});
  EXPECT_EQ(e.type, "InvalidParameterException");
  EXPECT_EQ(e.message, kTokenMessage);
}

// protocol/dispatch.h order: a missing required member is reported before
// the missing token.
TEST_F(RotationWireTest, RotateSecretMissingSecretIdIsValidationException) {
  const WireError e = wire_.ErrorText("RotateSecret", "{}");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message, MissingMemberMessage("secretId"));
}

// §11.49: no Lambda configured and none given; DescribeSecret unchanged.
TEST_F(RotationWireTest, RotateSecretWithoutLambdaIsInvalidRequest) {
  CreateDemo();
  const Json before = Describe();
  const WireError e = wire_.Error(
      "RotateSecret", Json{{"SecretId", "demo/db"},
                           {"ClientRequestToken", kRotation},
                           {"RotationRules", {{"AutomaticallyAfterDays", 1}}}});
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.type, "InvalidRequestException");
  EXPECT_EQ(e.message,
            "No Lambda rotation function ARN is associated with this secret.");
  EXPECT_EQ(Describe(), before);
}

// §11.50: AWSPENDING on a version that is not AWSCURRENT.
TEST_F(RotationWireTest, RotateSecretWhileAwsPendingIsElsewhereIsRefused) {
  CreateDemo();
  wire_.Ok("PutSecretValue", {{"SecretId", "demo/db"},
                              {"ClientRequestToken", kT2},
                              {"SecretString", "two"},
                              {"VersionStages", {"AWSPENDING"}}});
  const WireError e =
      wire_.Error("RotateSecret", Json{{"SecretId", "demo/db"},
                                       {"ClientRequestToken", kRotation},
                                       {"RotationLambdaARN", kLambda}});
  EXPECT_EQ(e.type, "InvalidRequestException");
  EXPECT_EQ(e.message,
            "A previous rotation isn't complete. That rotation will be "
            "reattempted.");
}

// decisions.md "Rotation": after a failed rotation the next RotateSecret
// gets the same "previous rotation" error.
TEST_F(RotationWireTest, RotateSecretAfterAFailedRotationIsRefused) {
  CreateDemo();
  Rotate(kRotation, {{"RotationLambdaARN", kFailingLambda}});
  const WireError e = wire_.Error(
      "RotateSecret",
      Json{{"SecretId", "demo/db"}, {"ClientRequestToken", kRotation2}});
  EXPECT_EQ(e.type, "InvalidRequestException");
  EXPECT_EQ(e.message,
            "A previous rotation isn't complete. That rotation will be "
            "reattempted.");
}

// §5: RotateSecret on a secret scheduled for deletion.
TEST_F(RotationWireTest, RotateSecretWhileScheduledForDeletionIsRefused) {
  CreateDemo();
  wire_.Ok("DeleteSecret", {{"SecretId", "demo/db"}});
  const WireError e =
      wire_.Error("RotateSecret", Json{{"SecretId", "demo/db"},
                                       {"ClientRequestToken", kRotation},
                                       {"RotationLambdaARN", kLambda}});
  EXPECT_EQ(e.type, "InvalidRequestException");
  EXPECT_EQ(e.message, kMarkedForDeletionMessage);
}

// §4.12 errors, §7: unknown secret.
TEST_F(RotationWireTest, RotateSecretOnMissingSecretIsResourceNotFound) {
  const WireError e =
      wire_.Error("RotateSecret", Json{{"SecretId", "missing"},
                                       {"ClientRequestToken", kRotation},
                                       {"RotationLambdaARN", kLambda}});
  EXPECT_EQ(e.type, "ResourceNotFoundException");
  EXPECT_EQ(e.message, kNotFoundMessage);
}

// decisions.md "Client request tokens": model constraints of nested
// RotationRules members reach the client as ValidationException naming the
// camelCase member path.
TEST_F(RotationWireTest, RotationRulesOutOfRangeIsValidationException) {
  CreateDemo();
  const WireError e = wire_.Error(
      "RotateSecret", Json{{"SecretId", "demo/db"},
                           {"ClientRequestToken", kRotation},
                           {"RotationLambdaARN", kLambda},
                           {"RotationRules", {{"AutomaticallyAfterDays", 0}}}});
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message,
            "1 validation error detected: Value '0' at "
            "'rotationRules.automaticallyAfterDays' failed to satisfy "
            "constraint: Member must have value greater than or equal to 1");
}

struct TypeCase {
  const char* body;
  const char* message;
};

// §2 wire format; protocol/request_reader.h: a member of the wrong JSON
// type is SerializationException, nested RotationRules members included.
TEST_F(RotationWireTest, RotateSecretMemberOfWrongTypeIsSerializationError) {
  CreateDemo();
  const std::string base = std::string(R"({"SecretId":"demo/db",)") +
                           R"("ClientRequestToken":")" + kRotation + R"(",)";
  const TypeCase cases[] = {
      {R"({"SecretId":5})", "NUMBER_VALUE 5 can not be converted to a String"},
      {R"({"SecretId":"demo/db","ClientRequestToken":7})",
       "NUMBER_VALUE 7 can not be converted to a String"},
      {R"("RotationLambdaARN":true})",
       "BOOLEAN_VALUE can not be converted to a String"},
      {R"j("RotationRules":"rate(1 days)"})j",
       "STRING_VALUE can not be converted to a Structure"},
      {R"("RotationRules":[1]})", "Start of list found where not expected."},
      {R"("RotationRules":{"AutomaticallyAfterDays":"30"}})",
       "STRING_VALUE can not be converted to a Long"},
      {R"("RotationRules":{"AutomaticallyAfterDays":1.5}})",
       "NUMBER_VALUE 1.5 can not be converted to a Long"},
      {R"("RotationRules":{"Duration":2}})",
       "NUMBER_VALUE 2 can not be converted to a String"},
      {R"("RotationRules":{"ScheduleExpression":{}}})",
       "Start of structure or map found where not expected."},
      {R"("RotateImmediately":"false"})",
       "STRING_VALUE can not be converted to a Boolean"},
  };
  const Json before = Describe();
  for (const TypeCase& c : cases) {
    const std::string body = c.body[0] == '{' ? c.body : base + c.body;
    const WireError e = wire_.ErrorText("RotateSecret", body);
    EXPECT_EQ(e.http_status, 400) << body;
    EXPECT_EQ(e.type, "SerializationException") << body;
    EXPECT_EQ(e.message, c.message) << body;
  }
  EXPECT_EQ(Describe(), before);
}

// ---- CancelRotateSecret ---------------------------------------------------

// §4.13: rotation turns off, RotationLambdaARN and RotationRules stay, labels
// stay as they are, and VersionId names the pending rotation's version.
TEST_F(RotationWireTest, CancelRotateSecretKeepsSettingsAndLabels) {
  CreateDemo();
  Rotate(kRotation, {{"RotationLambdaARN", kFailingLambda}});
  const Json before = Describe();
  const Json out = wire_.Ok("CancelRotateSecret", {{"SecretId", "demo/db"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId"));
  EXPECT_EQ(out["ARN"], before["ARN"]);
  EXPECT_EQ(out["VersionId"], kRotation);
  const Json after = Describe();
  EXPECT_EQ(after["RotationEnabled"], false);
  EXPECT_EQ(after["RotationLambdaARN"], kFailingLambda);
  EXPECT_EQ(after["RotationRules"], before["RotationRules"]);
  EXPECT_EQ(after["VersionIdsToStages"], before["VersionIdsToStages"]);
  EXPECT_FALSE(after.contains("NextRotationDate")) << after;
}

// §2 omitted-when-empty; §4.13: no rotation pending, no VersionId member.
TEST_F(RotationWireTest, CancelRotateSecretWithoutPendingRotationOmitsVersion) {
  CreateDemo();
  const Json out = wire_.Ok("CancelRotateSecret", {{"SecretId", "demo/db"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name"));
}

// §4.13 errors; protocol/request_reader.h (missing/wrong-typed members).
TEST_F(RotationWireTest, CancelRotateSecretErrors) {
  WireError e = wire_.ErrorText("CancelRotateSecret", "{}");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message, MissingMemberMessage("secretId"));

  e = wire_.ErrorText("CancelRotateSecret", R"({"SecretId":["demo/db"]})");
  EXPECT_EQ(e.type, "SerializationException");
  EXPECT_EQ(e.message, "Start of list found where not expected.");

  e = wire_.ErrorText("CancelRotateSecret", R"({"SecretId":"missing"})");
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.type, "ResourceNotFoundException");
  EXPECT_EQ(e.message, kNotFoundMessage);

  e = wire_.ErrorText("CancelRotateSecret", R"({"SecretId":"Inv Name"})");
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message,
            "Invalid name. Must be a valid name containing alphanumeric "
            "characters, or any of the following: -/_+=.@!");
}

}  // namespace
}  // namespace secretstage::protocol::test
