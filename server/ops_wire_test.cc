// Every operation Dispatch knows, over HTTP: the success shape and an
// error shape each, with the headers every response carries.
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/dispatch.h"
#include "protocol/json.h"
#include "server/wire_test_util.h"

namespace secretstage::server {
namespace {

using protocol::Json;
using ::testing::ElementsAre;
using ::testing::MatchesRegex;
using ::testing::UnorderedElementsAre;

constexpr char kT1[] = "wire-v1-0000000000000000000000000001";
constexpr char kT2[] = "wire-v2-0000000000000000000000000002";
constexpr char kT3[] = "wire-v3-0000000000000000000000000003";
constexpr char kUuidPattern[] =
    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

// Every target the Secrets Manager model defines (semantics.md §2).
const std::vector<std::string>& AllAwsOperations() {
  static const auto* const kOps =
      new std::vector<std::string>{"BatchGetSecretValue",
                                   "CancelRotateSecret",
                                   "CreateSecret",
                                   "DeleteResourcePolicy",
                                   "DeleteSecret",
                                   "DescribeSecret",
                                   "GetRandomPassword",
                                   "GetResourcePolicy",
                                   "GetSecretValue",
                                   "ListSecretVersionIds",
                                   "ListSecrets",
                                   "PutResourcePolicy",
                                   "PutSecretValue",
                                   "RemoveRegionsFromReplication",
                                   "ReplicateSecretToRegions",
                                   "RestoreSecret",
                                   "RotateSecret",
                                   "StopReplicationToReplica",
                                   "TagResource",
                                   "UntagResource",
                                   "UpdateSecret",
                                   "UpdateSecretVersionStage",
                                   "ValidateResourcePolicy"};
  return *kOps;
}

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) {
    keys.push_back(it.key());
  }
  return keys;
}

class OpsWireTest : public ::testing::Test {
 protected:
  // Expects 200 with the AWS JSON headers; returns the body.
  Json Ok(const char* op, const Json& body) {
    const WireReply reply = server_.Call(op, body);
    EXPECT_EQ(reply.status, 200) << op << ": " << reply.raw_body;
    ExpectAwsHeaders(reply);
    return reply.body;
  }

  // Expects 400 {"__type": type, "Message": message} and nothing else.
  void ExpectError(const char* op, const Json& body, const char* type,
                   const std::string& message) {
    const WireReply reply = server_.Call(op, body);
    EXPECT_EQ(reply.status, 400) << op << ": " << reply.raw_body;
    ExpectAwsHeaders(reply);
    EXPECT_THAT(Keys(reply.body), ElementsAre("__type", "Message"))
        << reply.raw_body;
    EXPECT_EQ(reply.body.value("__type", ""), type) << op;
    EXPECT_EQ(reply.body.value("Message", ""), message) << op;
  }

  static void ExpectAwsHeaders(const WireReply& reply) {
    EXPECT_EQ(reply.content_type, "application/x-amz-json-1.1");
    EXPECT_THAT(reply.request_id, MatchesRegex(kUuidPattern));
  }

  std::string CreateDemo() {
    const Json out = Ok("CreateSecret", {{"Name", "demo/db"},
                                         {"ClientRequestToken", kT1},
                                         {"SecretString", "one"}});
    return out.value("ARN", "");
  }

  TestServer server_;
};

TEST_F(OpsWireTest, CreateSecretSucceedsWithArnNameVersionId) {
  const Json out = Ok("CreateSecret", {{"Name", "demo/db"},
                                       {"ClientRequestToken", kT1},
                                       {"SecretString", "one"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId"));
  EXPECT_THAT(out.value("ARN", ""),
              MatchesRegex("arn:aws:secretsmanager:us-east-1:123456789012:"
                           "secret:demo/db-[A-Za-z0-9]{6}"));
  EXPECT_EQ(out["VersionId"], kT1);
}

TEST_F(OpsWireTest, CreateSecretErrorsWhenNameTaken) {
  CreateDemo();
  ExpectError("CreateSecret",
              {{"Name", "demo/db"},
               {"ClientRequestToken", kT2},
               {"SecretString", "two"}},
              "ResourceExistsException",
              "The operation failed because the secret demo/db already "
              "exists.");
}

TEST_F(OpsWireTest, PutSecretValueSucceedsAndReturnsStages) {
  CreateDemo();
  const Json out = Ok("PutSecretValue", {{"SecretId", "demo/db"},
                                         {"ClientRequestToken", kT2},
                                         {"SecretString", "two"},
                                         {"VersionStages", {"AWSPENDING"}}});
  EXPECT_THAT(Keys(out),
              ElementsAre("ARN", "Name", "VersionId", "VersionStages"));
  EXPECT_THAT(out["VersionStages"], ElementsAre("AWSPENDING"));
}

TEST_F(OpsWireTest, PutSecretValueWithoutTokenIsInvalidRequest) {
  CreateDemo();
  ExpectError("PutSecretValue",
              {{"SecretId", "demo/db"}, {"SecretString", "two"}},
              "InvalidRequestException",
              "You must provide a ClientRequestToken value. We recommend a "
              "UUID-type value.");
}

TEST_F(OpsWireTest, UpdateSecretSucceedsWithNewVersion) {
  CreateDemo();
  const Json out = Ok("UpdateSecret", {{"SecretId", "demo/db"},
                                       {"ClientRequestToken", kT2},
                                       {"SecretString", "two"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId"));
  EXPECT_EQ(out["VersionId"], kT2);
}

TEST_F(OpsWireTest, UpdateSecretOnMissingSecretIsResourceNotFound) {
  ExpectError("UpdateSecret", {{"SecretId", "nope"}, {"Description", "d"}},
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret.");
}

TEST_F(OpsWireTest, UpdateSecretVersionStageMovesAwsCurrent) {
  CreateDemo();
  Ok("PutSecretValue", {{"SecretId", "demo/db"},
                        {"ClientRequestToken", kT2},
                        {"SecretString", "two"},
                        {"VersionStages", {"AWSPENDING"}}});
  const Json out =
      Ok("UpdateSecretVersionStage", {{"SecretId", "demo/db"},
                                      {"VersionStage", "AWSCURRENT"},
                                      {"MoveToVersionId", kT2},
                                      {"RemoveFromVersionId", kT1}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name"));
  const Json described = Ok("DescribeSecret", {{"SecretId", "demo/db"}});
  EXPECT_THAT(described["VersionIdsToStages"][kT1], ElementsAre("AWSPREVIOUS"));
  EXPECT_THAT(described["VersionIdsToStages"][kT2],
              UnorderedElementsAre("AWSCURRENT", "AWSPENDING"));
}

TEST_F(OpsWireTest, UpdateSecretVersionStageWithoutRemoveFromIsRefused) {
  CreateDemo();
  Ok("PutSecretValue", {{"SecretId", "demo/db"},
                        {"ClientRequestToken", kT2},
                        {"SecretString", "two"},
                        {"VersionStages", {"AWSPENDING"}}});
  ExpectError("UpdateSecretVersionStage",
              {{"SecretId", "demo/db"},
               {"VersionStage", "AWSCURRENT"},
               {"MoveToVersionId", kT2}},
              "InvalidParameterException",
              std::string("The parameter RemoveFromVersionId can't be empty. "
                          "Staging label AWSCURRENT is currently attached to "
                          "version ") +
                  kT1 +
                  ", so you must explicitly reference that version in "
                  "RemoveFromVersionId.");
}

TEST_F(OpsWireTest, GetSecretValueReturnsBinaryAsBase64) {
  Ok("CreateSecret", {{"Name", "bin"},
                      {"ClientRequestToken", kT1},
                      {"SecretBinary", "AAEC/w=="}});
  const Json out = Ok("GetSecretValue", {{"SecretId", "bin"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId", "SecretBinary",
                                     "VersionStages", "CreatedDate"));
  EXPECT_EQ(out["SecretBinary"], "AAEC/w==");
  EXPECT_EQ(out["CreatedDate"], 1704067200);
}

TEST_F(OpsWireTest, GetSecretValueForMissingStageIsResourceNotFound) {
  CreateDemo();
  ExpectError("GetSecretValue",
              {{"SecretId", "demo/db"}, {"VersionStage", "AWSPREVIOUS"}},
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret value for "
              "staging label: AWSPREVIOUS");
}

TEST_F(OpsWireTest, DescribeSecretSucceeds) {
  const std::string arn = CreateDemo();
  const Json out = Ok("DescribeSecret", {{"SecretId", arn}});
  EXPECT_EQ(out["Name"], "demo/db");
  EXPECT_THAT(out["VersionIdsToStages"][kT1], ElementsAre("AWSCURRENT"));
}

TEST_F(OpsWireTest, DescribeSecretWithInvalidNameIsValidationError) {
  ExpectError("DescribeSecret", {{"SecretId", "Inv Name"}},
              "ValidationException",
              "Invalid name. Must be a valid name containing alphanumeric "
              "characters, or any of the following: -/_+=.@!");
}

TEST_F(OpsWireTest, ListSecretVersionIdsHidesDeprecatedUnlessAsked) {
  CreateDemo();
  for (const char* token : {kT2, kT3}) {
    Ok("PutSecretValue", {{"SecretId", "demo/db"},
                          {"ClientRequestToken", token},
                          {"SecretString", token}});
  }
  const Json live = Ok("ListSecretVersionIds", {{"SecretId", "demo/db"}});
  EXPECT_EQ(live["Versions"].size(), 2u);
  const Json all = Ok("ListSecretVersionIds",
                      {{"SecretId", "demo/db"}, {"IncludeDeprecated", true}});
  ASSERT_EQ(all["Versions"].size(), 3u);
  for (const Json& v : all["Versions"]) {
    EXPECT_EQ(v.contains("VersionStages"), v["VersionId"] != kT1) << v;
  }
}

TEST_F(OpsWireTest, ListSecretVersionIdsOfMissingSecretIsResourceNotFound) {
  ExpectError("ListSecretVersionIds", {{"SecretId", "nope"}},
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret.");
}

TEST_F(OpsWireTest, DeleteSecretThenRestoreSecret) {
  CreateDemo();
  const Json deleted = Ok("DeleteSecret", {{"SecretId", "demo/db"}});
  EXPECT_THAT(Keys(deleted), ElementsAre("ARN", "Name", "DeletionDate"));
  EXPECT_EQ(deleted["DeletionDate"], 1704067200 + 30 * 86400);
  ExpectError("GetSecretValue", {{"SecretId", "demo/db"}},
              "InvalidRequestException",
              "You can't perform this operation on the secret because it was "
              "marked for deletion.");
  const Json restored = Ok("RestoreSecret", {{"SecretId", "demo/db"}});
  EXPECT_THAT(Keys(restored), ElementsAre("ARN", "Name"));
  EXPECT_EQ(Ok("GetSecretValue", {{"SecretId", "demo/db"}})["SecretString"],
            "one");
}

TEST_F(OpsWireTest, DeleteSecretWithShortWindowIsInvalidParameter) {
  CreateDemo();
  ExpectError("DeleteSecret",
              {{"SecretId", "demo/db"}, {"RecoveryWindowInDays", 6}},
              "InvalidParameterException",
              "The RecoveryWindowInDays value must be between 7 and 30 days "
              "(inclusive).");
}

TEST_F(OpsWireTest, RestoreSecretOfMissingSecretIsResourceNotFound) {
  ExpectError("RestoreSecret", {{"SecretId", "nope"}},
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret.");
}

// Whatever operations Dispatch supports (more are being added), each is
// reachable through the server and answers a body without required
// members with an AWS error, never a 5xx; the rest are unknown.
TEST_F(OpsWireTest, EveryAwsTargetAnswersWithAnAwsShapedBody) {
  int known = 0;
  for (const std::string& op : AllAwsOperations()) {
    const WireReply reply = server_.Call(op, Json::object());
    ExpectAwsHeaders(reply);
    if (protocol::IsKnownOperation(op)) {
      ++known;
      // ListSecrets and GetRandomPassword have no required member: 200 is
      // right for them; every other operation needs one.
      if (reply.status == 200 &&
          (op == "ListSecrets" || op == "GetRandomPassword")) {
        continue;
      }
      EXPECT_THAT(Keys(reply.body), ElementsAre("__type", "Message"))
          << op << ": " << reply.raw_body;
      EXPECT_EQ(reply.status, 400) << op << ": " << reply.raw_body;
      EXPECT_NE(reply.body.value("__type", ""), "UnknownOperationException");
    } else {
      EXPECT_THAT(Keys(reply.body), ElementsAre("__type", "Message"));
      EXPECT_EQ(reply.status, 400) << op;
      EXPECT_EQ(reply.body.value("__type", ""), "UnknownOperationException");
      EXPECT_EQ(reply.body.value("Message", ""),
                "Unknown operation secretsmanager." + op + ".");
    }
  }
  EXPECT_GE(known, 9);
}

TEST_F(OpsWireTest, RequestIdsAreUniquePerResponse) {
  std::set<std::string> ids;
  for (int i = 0; i < 50; ++i) {
    ids.insert(server_.Call("DescribeSecret", {{"SecretId", "x"}}).request_id);
  }
  EXPECT_EQ(ids.size(), 50u);
}

}  // namespace
}  // namespace secretstage::server
