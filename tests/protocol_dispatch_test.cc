// protocol::Dispatch: the success shape of every operation on the wire
// (member names, omitted members, timestamps, base64). Error shapes are in
// protocol_dispatch_errors_test.cc.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/secret_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/dispatch.h"
#include "protocol/json.h"

namespace secretstage::protocol {
namespace {

using ::testing::ElementsAre;
using ::testing::MatchesRegex;
using ::testing::UnorderedElementsAre;

constexpr char kT1[] = "v1-initial-000000000000000000000001";
constexpr char kT2[] = "v2-second--000000000000000000000002";
constexpr char kT3[] = "v3-third---000000000000000000000003";
constexpr int64_t kStart = 1704067200;  // ManualClock::DefaultStart()

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) {
    keys.push_back(it.key());
  }
  return keys;
}

class DispatchTest : public ::testing::Test {
 protected:
  DispatchTest()
      : clock_(std::make_shared<ManualClock>()), store_(Options(clock_)) {}

  // Dispatches `body` and expects HTTP 200; returns the parsed response.
  Json Ok(std::string_view operation, const Json& body) {
    const DispatchResult result = Dispatch(store_, operation, ToJsonText(body));
    EXPECT_EQ(result.http_status, 200) << operation << ": " << result.body;
    return Json::parse(result.body);
  }

  // Creates "demo/db" with value "one" as version kT1.
  Json CreateDemo() {
    return Ok("CreateSecret", {{"Name", "demo/db"},
                               {"ClientRequestToken", kT1},
                               {"SecretString", "one"}});
  }

  Json Put(const char* token, const Json& extra = Json::object()) {
    Json body = {{"SecretId", "demo/db"},
                 {"ClientRequestToken", token},
                 {"SecretString", token}};
    body.update(extra);
    return Ok("PutSecretValue", body);
  }

  std::shared_ptr<ManualClock> clock_;
  SecretStore store_;

 private:
  static StoreOptions Options(std::shared_ptr<Clock> clock) {
    StoreOptions options;
    options.clock = std::move(clock);
    return options;
  }
};

TEST_F(DispatchTest, CreateSecretReturnsArnNameAndVersionId) {
  Json out = CreateDemo();
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId"));
  EXPECT_THAT(out["ARN"].get<std::string>(),
              MatchesRegex("arn:aws:secretsmanager:us-east-1:123456789012:"
                           "secret:demo/db-[A-Za-z0-9]{6}"));
  EXPECT_EQ(out["Name"], "demo/db");
  EXPECT_EQ(out["VersionId"], kT1);
}

TEST_F(DispatchTest, CreateSecretWithoutValueOmitsVersionId) {
  Json out =
      Ok("CreateSecret", {{"Name", "empty"}, {"ClientRequestToken", kT1}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name"));
}

TEST_F(DispatchTest, PutSecretValueReturnsTheVersionsLabels) {
  CreateDemo();
  Json out = Put(kT2, {{"VersionStages", {"AWSPENDING"}}});
  EXPECT_THAT(Keys(out),
              ElementsAre("ARN", "Name", "VersionId", "VersionStages"));
  EXPECT_EQ(out["VersionId"], kT2);
  EXPECT_EQ(out["VersionStages"], Json({"AWSPENDING"}));
}

TEST_F(DispatchTest, UpdateSecretWithoutValueNeedsNoTokenAndOmitsVersionId) {
  CreateDemo();
  const Json out =
      Ok("UpdateSecret", {{"SecretId", "demo/db"}, {"Description", "d"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name"));
}

TEST_F(DispatchTest, UpdateSecretWithValueReturnsVersionId) {
  CreateDemo();
  Json out = Ok("UpdateSecret", {{"SecretId", "demo/db"},
                                 {"ClientRequestToken", kT2},
                                 {"SecretString", "two"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId"));
  EXPECT_EQ(out["VersionId"], kT2);
}

TEST_F(DispatchTest, UpdateSecretVersionStageReturnsArnAndNameOnly) {
  CreateDemo();
  Put(kT2, {{"VersionStages", {"AWSPENDING"}}});
  Json out = Ok("UpdateSecretVersionStage", {{"SecretId", "demo/db"},
                                             {"VersionStage", "AWSCURRENT"},
                                             {"RemoveFromVersionId", kT1},
                                             {"MoveToVersionId", kT2}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name"));
  Json current = Ok("GetSecretValue", {{"SecretId", "demo/db"}});
  EXPECT_EQ(current["VersionId"], kT2);
}

TEST_F(DispatchTest, GetSecretValueReturnsStringValueAndIntegerSeconds) {
  CreateDemo();
  Json out = Ok("GetSecretValue", {{"SecretId", "demo/db"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "VersionId", "SecretString",
                                     "VersionStages", "CreatedDate"));
  EXPECT_EQ(out["SecretString"], "one");
  EXPECT_EQ(out["VersionStages"], Json({"AWSCURRENT"}));
  EXPECT_TRUE(out["CreatedDate"].is_number_integer());
  EXPECT_EQ(out["CreatedDate"], kStart);
}

TEST_F(DispatchTest, TimestampsCarryMillisecondFractions) {
  clock_->Advance(absl::Milliseconds(5713));
  CreateDemo();
  const DispatchResult result =
      Dispatch(store_, "GetSecretValue", R"({"SecretId":"demo/db"})");
  EXPECT_THAT(result.body,
              ::testing::HasSubstr("\"CreatedDate\":1704067205.713}"));
}

TEST_F(DispatchTest, SecretBinaryRoundTripsAllByteValuesAsBase64) {
  Ok("CreateSecret", {{"Name", "bin"},
                      {"ClientRequestToken", kT1},
                      {"SecretBinary", "AAEC/w=="}});  // 00 01 02 ff
  Json out = Ok("GetSecretValue", {{"SecretId", "bin"}});
  EXPECT_EQ(out["SecretBinary"], "AAEC/w==");
  EXPECT_FALSE(out.contains("SecretString"));
}

TEST_F(DispatchTest, GetSecretValueOfDeprecatedVersionHasNoVersionStages) {
  CreateDemo();
  Put(kT2);
  Put(kT3);  // kT1 lost AWSPREVIOUS: deprecated
  const Json out =
      Ok("GetSecretValue", {{"SecretId", "demo/db"}, {"VersionId", kT1}});
  EXPECT_EQ(out["SecretString"], "one");
  EXPECT_FALSE(out.contains("VersionStages")) << out;
}

TEST_F(DispatchTest, DescribeSecretOmitsMembersWithoutValue) {
  Ok("CreateSecret", {{"Name", "empty"}, {"ClientRequestToken", kT1}});
  Json out = Ok("DescribeSecret", {{"SecretId", "empty"}});
  for (const char* absent :
       {"Description", "KmsKeyId", "RotationEnabled", "RotationLambdaARN",
        "RotationRules", "LastRotatedDate", "LastAccessedDate", "DeletedDate",
        "NextRotationDate", "Tags", "VersionIdsToStages"}) {
    EXPECT_FALSE(out.contains(absent)) << absent << " in " << out;
  }
  for (const auto& [key, value] : out.items()) {
    EXPECT_FALSE(value.is_null()) << key;
  }
}

TEST_F(DispatchTest, DescribeSecretShowsMetadataTagsAndLabelledVersions) {
  Ok("CreateSecret", {{"Name", "demo/db"},
                      {"ClientRequestToken", kT1},
                      {"SecretString", "one"},
                      {"Description", "the db"},
                      {"KmsKeyId", "alias/mine"},
                      {"Tags", {{{"Key", "team"}, {"Value", "core"}}}}});
  Put(kT2, {{"VersionStages", {"AWSPENDING"}}});
  Json out = Ok("DescribeSecret", {{"SecretId", "demo/db"}});
  EXPECT_EQ(out["Description"], "the db");
  EXPECT_EQ(out["KmsKeyId"], "alias/mine");
  EXPECT_EQ(out["Tags"], Json::parse(R"([{"Key":"team","Value":"core"}])"));
  EXPECT_EQ(out["VersionIdsToStages"],
            Json({{kT1, {"AWSCURRENT"}}, {kT2, {"AWSPENDING"}}}));
  EXPECT_EQ(out["CreatedDate"], kStart);
}

TEST_F(DispatchTest, DescribeSecretShowsDeletedDateWhileScheduled) {
  CreateDemo();
  Ok("DeleteSecret", {{"SecretId", "demo/db"}, {"RecoveryWindowInDays", 7}});
  Json out = Ok("DescribeSecret", {{"SecretId", "demo/db"}});
  EXPECT_EQ(out["DeletedDate"], kStart + 7 * 86400);
  EXPECT_EQ(out["VersionIdsToStages"], Json({{kT1, {"AWSCURRENT"}}}));
}

TEST_F(DispatchTest, ListSecretVersionIdsOmitsVersionStagesOfDeprecated) {
  CreateDemo();
  Put(kT2);
  Put(kT3);
  Json labelled = Ok("ListSecretVersionIds", {{"SecretId", "demo/db"}});
  EXPECT_THAT(Keys(labelled), ElementsAre("Versions", "ARN", "Name"));
  EXPECT_EQ(labelled["Versions"].size(), 2u);

  Json all = Ok("ListSecretVersionIds",
                {{"SecretId", "demo/db"}, {"IncludeDeprecated", true}});
  ASSERT_EQ(all["Versions"].size(), 3u);
  Json& oldest = all["Versions"][2];
  EXPECT_EQ(oldest["VersionId"], kT1);
  EXPECT_THAT(Keys(oldest),
              ElementsAre("VersionId", "CreatedDate", "KmsKeyIds"));
  EXPECT_EQ(oldest["KmsKeyIds"], Json({"DefaultEncryptionKey"}));
  EXPECT_THAT(
      Keys(all["Versions"][0]),
      ElementsAre("VersionId", "VersionStages", "CreatedDate", "KmsKeyIds"));
}

TEST_F(DispatchTest, ListSecretVersionIdsShowsLastAccessedDateAfterRead) {
  clock_->Advance(absl::Hours(5));
  CreateDemo();
  Ok("GetSecretValue", {{"SecretId", "demo/db"}});
  Json out = Ok("ListSecretVersionIds", {{"SecretId", "demo/db"}});
  EXPECT_EQ(out["Versions"][0]["LastAccessedDate"], kStart);  // UTC midnight
}

TEST_F(DispatchTest, ListSecretVersionIdsNamesTheSecretsKmsKey) {
  Ok("CreateSecret", {{"Name", "demo/db"},
                      {"ClientRequestToken", kT1},
                      {"SecretString", "one"},
                      {"KmsKeyId", "alias/mine"}});
  Json out = Ok("ListSecretVersionIds", {{"SecretId", "demo/db"}});
  EXPECT_EQ(out["Versions"][0]["KmsKeyIds"], Json({"alias/mine"}));
}

TEST_F(DispatchTest, ListSecretVersionIdsPagesWithNextToken) {
  CreateDemo();
  Put(kT2, {{"VersionStages", {"AWSPENDING"}}});
  Json first =
      Ok("ListSecretVersionIds", {{"SecretId", "demo/db"}, {"MaxResults", 1}});
  ASSERT_EQ(first["Versions"].size(), 1u);
  ASSERT_TRUE(first["NextToken"].is_string()) << first;
  Json second = Ok("ListSecretVersionIds", {{"SecretId", "demo/db"},
                                            {"MaxResults", 1},
                                            {"NextToken", first["NextToken"]}});
  ASSERT_EQ(second["Versions"].size(), 1u);
  EXPECT_FALSE(second.contains("NextToken"));
  EXPECT_THAT((std::vector<Json>{first["Versions"][0]["VersionId"],
                                 second["Versions"][0]["VersionId"]}),
              UnorderedElementsAre(kT1, kT2));
}

TEST_F(DispatchTest, DeleteSecretReturnsDeletionDate) {
  CreateDemo();
  Json out = Ok("DeleteSecret",
                {{"SecretId", "demo/db"}, {"RecoveryWindowInDays", 7}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name", "DeletionDate"));
  EXPECT_EQ(out["DeletionDate"], kStart + 7 * 86400);
}

TEST_F(DispatchTest, ForceDeleteOfMissingSecretSucceeds) {
  Json out = Ok("DeleteSecret",
                {{"SecretId", "never"}, {"ForceDeleteWithoutRecovery", true}});
  EXPECT_EQ(out["Name"], "never");
  EXPECT_EQ(out["DeletionDate"], kStart);
}

TEST_F(DispatchTest, RestoreSecretReturnsArnAndName) {
  CreateDemo();
  Ok("DeleteSecret", {{"SecretId", "demo/db"}});
  Json out = Ok("RestoreSecret", {{"SecretId", "demo/db"}});
  EXPECT_THAT(Keys(out), ElementsAre("ARN", "Name"));
  EXPECT_FALSE(
      Ok("DescribeSecret", {{"SecretId", "demo/db"}}).contains("DeletedDate"));
}

TEST_F(DispatchTest, UnknownMembersAreIgnored) {
  CreateDemo();
  Json out = Ok("DescribeSecret",
                {{"SecretId", "demo/db"}, {"Bogus", {{"nested", {1, 2}}}}});
  EXPECT_EQ(out["Name"], "demo/db");
}

TEST_F(DispatchTest, NullMemberCountsAsAbsent) {
  CreateDemo();
  Json out = Ok("GetSecretValue",
                {{"SecretId", "demo/db"}, {"VersionStage", nullptr}});
  EXPECT_EQ(out["VersionId"], kT1);
}

TEST_F(DispatchTest, DispatchJsonGivesTheSameAnswerAsDispatch) {
  CreateDemo();
  const Json body = {{"SecretId", "demo/db"}};
  const JsonDispatchResult parsed =
      DispatchJson(store_, "GetSecretValue", body);
  const DispatchResult text =
      Dispatch(store_, "GetSecretValue", ToJsonText(body));
  EXPECT_EQ(parsed.http_status, text.http_status);
  EXPECT_EQ(ToJsonText(parsed.body), text.body);
}

TEST_F(DispatchTest, KnowsEveryImplementedOperation) {
  for (const char* op :
       {"CreateSecret", "PutSecretValue", "UpdateSecret",
        "UpdateSecretVersionStage", "GetSecretValue", "DescribeSecret",
        "ListSecretVersionIds", "DeleteSecret", "RestoreSecret", "RotateSecret",
        "CancelRotateSecret", "ListSecrets", "BatchGetSecretValue",
        "TagResource", "UntagResource", "GetRandomPassword"}) {
    EXPECT_TRUE(IsKnownOperation(op)) << op;
  }
  // semantics.md §2 targets that secretstage does not implement.
  for (const char* op : {"PutResourcePolicy", "ReplicateSecretToRegions",
                         "ValidateResourcePolicy"}) {
    EXPECT_FALSE(IsKnownOperation(op)) << op;
  }
  EXPECT_FALSE(IsKnownOperation("secretsmanager.CreateSecret"));
  EXPECT_FALSE(IsKnownOperation("createsecret"));
}

}  // namespace
}  // namespace secretstage::protocol
