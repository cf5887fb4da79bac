// protocol::Dispatch under random request bodies built from real member
// names, plausible and implausible values, and truncated JSON: it never
// answers 500, every answer is a well-formed JSON body, and the store's
// invariants hold throughout.
#include <array>
#include <memory>
#include <random>
#include <string>

#include "absl/status/status.h"
#include "core/clock.h"
#include "core/secret_store.h"
#include "gtest/gtest.h"
#include "protocol/dispatch.h"
#include "protocol/json.h"

namespace secretstage::protocol {
namespace {

constexpr std::array<const char*, 9> kOperations = {
    "CreateSecret",         "PutSecretValue",
    "UpdateSecret",         "UpdateSecretVersionStage",
    "GetSecretValue",       "DescribeSecret",
    "ListSecretVersionIds", "DeleteSecret",
    "RestoreSecret"};

constexpr std::array<const char*, 18> kMembers = {"Name",
                                                  "SecretId",
                                                  "ClientRequestToken",
                                                  "SecretString",
                                                  "SecretBinary",
                                                  "VersionStages",
                                                  "VersionStage",
                                                  "RemoveFromVersionId",
                                                  "MoveToVersionId",
                                                  "VersionId",
                                                  "MaxResults",
                                                  "NextToken",
                                                  "IncludeDeprecated",
                                                  "RecoveryWindowInDays",
                                                  "ForceDeleteWithoutRecovery",
                                                  "Tags",
                                                  "Description",
                                                  "KmsKeyId"};

constexpr std::array<const char*, 23> kValues = {
    R"("s")",
    R"("s-0000000000000000000000000000000001")",
    R"("s-0000000000000000000000000000000002")",
    R"("AWSCURRENT")",
    R"("AWSPENDING")",
    R"("AAEC/w==")",
    R"("not base64!")",
    "1",
    "-1",
    "1e30",
    "1.5",
    "true",
    "null",
    "[]",
    R"(["AWSCURRENT"])",
    R"(["X","AWSPENDING"])",
    "{}",
    R"([{"Key":"k"}])",
    "7",
    "30",
    R"("")",
    R"("\u0000")",
    "18446744073709551615"};

// Appends 0..3 random `"member":value` pairs and the closing brace to
// `body`, and now and then cuts the result short (malformed JSON).
template <size_t M, size_t V>
void FinishRandomBody(std::mt19937& rng,
                      const std::array<const char*, M>& members,
                      const std::array<const char*, V>& values,
                      std::string& body) {
  const int count = static_cast<int>(rng() % 4);
  for (int m = 0; m < count; ++m) {
    body += std::string("\"") + members[rng() % members.size()] + "\":";
    body += values[rng() % values.size()];
    body += ",";
  }
  if (body.back() == ',') body.pop_back();
  body += "}";
  if (rng() % 50 == 0) body.resize(rng() % (body.size() + 1));
}

// Dispatches `body`: never a 500; a 200, counted in `successes`, or a 400
// with the AWS error shape {"__type", "Message"}.
void DispatchAndCheckShape(SecretStore& store, const char* operation,
                           const std::string& body, int* successes) {
  const DispatchResult result = Dispatch(store, operation, body);
  ASSERT_NE(result.http_status, 500)
      << operation << " " << body << " -> " << result.body;
  Json reply = Json::parse(result.body, nullptr, false);
  ASSERT_TRUE(reply.is_object()) << result.body;
  if (result.http_status == 200) {
    ++*successes;
  } else {
    ASSERT_EQ(result.http_status, 400);
    ASSERT_TRUE(reply["__type"].is_string()) << result.body;
    ASSERT_TRUE(reply["Message"].is_string()) << result.body;
  }
}

TEST(DispatchRandomTest, RandomBodiesNeverFailInternally) {
  StoreOptions options;
  options.clock = std::make_shared<ManualClock>();
  SecretStore store(options);
  std::mt19937 rng(20240101);
  int successes = 0;
  ASSERT_EQ(Dispatch(store, "CreateSecret",
                     R"({"Name":"s","SecretString":"v","ClientRequestToken":)"
                     R"("s-0000000000000000000000000000000001"})")
                .http_status,
            200);
  for (int i = 0; i < 20000; ++i) {
    const char* operation = kOperations[rng() % kOperations.size()];
    // Mostly well-aimed: name the secret (and a token) so that calls reach
    // the store's rules; then add random members.
    std::string body = "{";
    if (rng() % 5 != 0) {
      body += std::string(operation) == "CreateSecret" ? R"("Name":"s",)"
                                                       : R"("SecretId":"s",)";
    }
    if (rng() % 2 == 0) {
      body += R"("ClientRequestToken":"s-000000000000000000000000000000000)";
      body += std::to_string(rng() % 4) + R"(",)";
    }
    FinishRandomBody(rng, kMembers, kValues, body);
    ASSERT_NO_FATAL_FAILURE(
        DispatchAndCheckShape(store, operation, body, &successes));
    if (i % 500 == 0) {
      const absl::Status invariants = store.CheckInvariants();
      ASSERT_TRUE(invariants.ok()) << invariants.message();
    }
  }
  EXPECT_GT(successes, 100)
      << successes;  // the bodies do reach the store's logic
}

// The same for the rotation, listing, batch, tag and password operations,
// with their own members and values (nested RotationRules and Filters).
constexpr std::array<const char*, 7> kNewOperations = {
    "RotateSecret",        "CancelRotateSecret", "ListSecrets",
    "BatchGetSecretValue", "TagResource",        "UntagResource",
    "GetRandomPassword"};

constexpr std::array<const char*, 20> kNewMembers = {"RotationLambdaARN",
                                                     "RotationRules",
                                                     "RotateImmediately",
                                                     "IncludePlannedDeletion",
                                                     "MaxResults",
                                                     "NextToken",
                                                     "Filters",
                                                     "SortOrder",
                                                     "SortBy",
                                                     "SecretIdList",
                                                     "Tags",
                                                     "TagKeys",
                                                     "PasswordLength",
                                                     "ExcludeCharacters",
                                                     "ExcludeNumbers",
                                                     "ExcludePunctuation",
                                                     "ExcludeUppercase",
                                                     "ExcludeLowercase",
                                                     "IncludeSpace",
                                                     "RequireEachIncludedType"};

constexpr std::array<const char*, 22> kNewValues = {
    R"("arn:aws:lambda:us-east-1:123456789012:function:f")",
    R"({"AutomaticallyAfterDays":1})",
    R"({"AutomaticallyAfterDays":0})",
    R"j({"ScheduleExpression":"rate(2 days)","Duration":"2h"})j",
    R"j({"ScheduleExpression":"cron(0 1 * * ? *)"})j",
    R"({"AutomaticallyAfterDays":"x"})",
    R"([{"Key":"name","Values":["s"]}])",
    R"([{"Key":"all","Values":["!s"]}])",
    R"([{"Key":"bogus","Values":[]}])",
    R"([{"Key":"tag-key"}])",
    R"(["s","missing"])",
    R"([{"Key":"k","Value":"v"}])",
    R"(["k"])",
    R"("desc")",
    R"("name")",
    "true",
    "false",
    "0",
    "4097",
    "20",
    "null",
    R"("abc")"};

TEST(DispatchRandomTest, RandomBodiesForTheNewOperationsNeverFailInternally) {
  StoreOptions options;
  options.clock = std::make_shared<ManualClock>();
  SecretStore store(options);
  std::mt19937 rng(20241204);
  int successes = 0;
  ASSERT_EQ(Dispatch(store, "CreateSecret",
                     R"({"Name":"s","SecretString":"v","ClientRequestToken":)"
                     R"("s-0000000000000000000000000000000001"})")
                .http_status,
            200);
  for (int i = 0; i < 5000; ++i) {
    const char* operation = kNewOperations[rng() % kNewOperations.size()];
    std::string body = "{";
    if (rng() % 5 != 0) body += R"("SecretId":"s",)";
    if (rng() % 2 == 0) {
      body += R"("ClientRequestToken":"s-00000000000000000000000000000000)";
      body += std::to_string(rng() % 100) + R"(",)";
    }
    FinishRandomBody(rng, kNewMembers, kNewValues, body);
    ASSERT_NO_FATAL_FAILURE(
        DispatchAndCheckShape(store, operation, body, &successes));
    if (i % 250 == 0) {
      const absl::Status invariants = store.CheckInvariants();
      ASSERT_TRUE(invariants.ok()) << invariants.message();
      // Let scheduled rotations fall due now and then.
      ASSERT_TRUE(store.AdvanceClock(absl::Hours(13)).ok());
    }
  }
  EXPECT_GT(successes, 100) << successes;
}

}  // namespace
}  // namespace secretstage::protocol
