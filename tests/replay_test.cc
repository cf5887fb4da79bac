// tools::RunReplay: the line format of `secretstage replay`.
#include "tools/replay.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/json.h"

namespace secretstage::tools {
namespace {

using protocol::Json;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Replay(const std::string& script, ReplayOptions options = {}) {
  std::istringstream in(script);
  std::ostringstream out;
  RunReplay(in, out, options);
  return out.str();
}

// The output, one parsed JSON value per line.
std::vector<Json> ReplayLines(const std::string& script,
                              ReplayOptions options = {}) {
  std::vector<Json> lines;
  for (absl::string_view line :
       absl::StrSplit(Replay(script, options), '\n', absl::SkipEmpty())) {
    lines.push_back(Json::parse(std::string(line)));
  }
  return lines;
}

constexpr char kCreate[] =
    R"({"op":"CreateSecret","input":{"Name":"demo/db",)"
    R"("ClientRequestToken":"v1-initial-000000000000000000000001",)"
    R"("SecretString":"one"}})";

TEST(ReplayTest, WritesOneOutputLinePerOperation) {
  const std::vector<Json> lines = ReplayLines(
      std::string(kCreate) + "\n" +
      R"({"op":"GetSecretValue","input":{"SecretId":"demo/db"}})" + "\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["op"], "CreateSecret");
  EXPECT_EQ(lines[0]["output"]["Name"], "demo/db");
  EXPECT_EQ(lines[1]["op"], "GetSecretValue");
  EXPECT_EQ(lines[1]["output"]["SecretString"], "one");
}

TEST(ReplayTest, OutputLinesHaveOpThenOutput) {
  EXPECT_EQ(Replay(R"({"op":"CheckInvariants","input":{}})"),
            "{\"op\":\"CheckInvariants\",\"output\":{}}\n");
}

TEST(ReplayTest, InputMayBeAbsentOrNull) {
  EXPECT_EQ(Replay("{\"op\":\"CheckInvariants\"}\n"
                   "{\"op\":\"CheckInvariants\",\"input\":null}\n"),
            "{\"op\":\"CheckInvariants\",\"output\":{}}\n"
            "{\"op\":\"CheckInvariants\",\"output\":{}}\n");
}

TEST(ReplayTest, FailedOperationIsAnErrorLine) {
  const std::vector<Json> lines =
      ReplayLines(R"({"op":"DescribeSecret","input":{"SecretId":"nope"}})");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            Json::parse(R"({"op":"DescribeSecret","error":{"__type":)"
                        R"("ResourceNotFoundException","Message":"Secrets )"
                        R"(Manager can't find the specified secret."}})"));
}

TEST(ReplayTest, SkipsBlankLinesAndComments) {
  EXPECT_EQ(Replay("\n   \n# a comment\n   # indented comment\n\t\n"), "");
}

TEST(ReplayTest, AcceptsCrLfLineEndings) {
  EXPECT_EQ(Replay("# c\r\n{\"op\":\"CheckInvariants\"}\r\n"),
            "{\"op\":\"CheckInvariants\",\"output\":{}}\n");
}

TEST(ReplayTest, LineThatIsNotJsonIsAnErrorAndReplayGoesOn) {
  const std::vector<Json> lines =
      ReplayLines("this is not json\n{\"op\":\"CheckInvariants\"}\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].contains("op"));
  EXPECT_EQ(lines[0]["line"], 1);
  EXPECT_EQ(lines[0]["error"]["__type"], "SerializationException");
  EXPECT_THAT(lines[0]["error"]["Message"].get<std::string>(),
              StartsWith("Line is not JSON: "));
  EXPECT_EQ(lines[1]["op"], "CheckInvariants");
  EXPECT_TRUE(lines[1].contains("output"));
}

TEST(ReplayTest, LineWithoutOpIsAnError) {
  const std::vector<Json> lines =
      ReplayLines("\n{\"input\":{\"SecretId\":\"x\"}}\n[1,2]\n{\"op\":7}\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["line"], 2);
  EXPECT_EQ(lines[0]["error"]["__type"], "ValidationException");
  EXPECT_THAT(lines[0]["error"]["Message"].get<std::string>(),
              StartsWith("Missing \"op\"."));
  EXPECT_EQ(lines[1]["line"], 3);
  EXPECT_EQ(lines[1]["error"]["__type"], "SerializationException");
  EXPECT_EQ(lines[2]["line"], 4);
  EXPECT_EQ(lines[2]["error"]["__type"], "SerializationException");
}

TEST(ReplayTest, UnknownOperationIsAnErrorLine) {
  const std::vector<Json> lines = ReplayLines(R"({"op":"RotateEverything"})");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["op"], "RotateEverything");
  EXPECT_EQ(lines[0]["error"]["__type"], "UnknownOperationException");
}

TEST(ReplayTest, InputThatIsNotAnObjectIsSerializationException) {
  const std::vector<Json> lines =
      ReplayLines(R"({"op":"DescribeSecret","input":"demo/db"})");
  EXPECT_EQ(lines[0]["error"]["__type"], "SerializationException");
}

TEST(ReplayTest, AdvanceClockMovesTheStoreClock) {
  const std::vector<Json> lines = ReplayLines(
      R"({"op":"AdvanceClock","input":{"Seconds":5.25}})"
      "\n" +
      std::string(kCreate) + "\n" +
      R"({"op":"AdvanceClock","input":{"Days":1,"Hours":1,"Minutes":1}})"
      "\n" +
      R"({"op":"DescribeSecret","input":{"SecretId":"demo/db"}})");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(protocol::ToJsonText(lines[0]["output"]),
            R"({"Now":1704067205.25})");
  EXPECT_EQ(lines[2]["output"]["Now"], 1704067205.25 + 86400 + 3600 + 60);
  EXPECT_EQ(lines[3]["output"]["CreatedDate"], 1704067205.25);
}

TEST(ReplayTest, AdvanceClockRejectsBadInput) {
  const std::vector<Json> lines = ReplayLines(
      "{\"op\":\"AdvanceClock\",\"input\":{\"Seconds\":-1}}\n"
      "{\"op\":\"AdvanceClock\",\"input\":{\"Seconds\":\"60\"}}\n"
      "{\"op\":\"AdvanceClock\",\"input\":{}}\n"
      "{\"op\":\"AdvanceClock\",\"input\":{\"Days\":1e12}}\n"
      "{\"op\":\"AdvanceClock\",\"input\":{\"Seconds\":0}}\n");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0]["error"]["__type"], "ValidationException");
  EXPECT_EQ(lines[1]["error"]["__type"], "SerializationException");
  EXPECT_EQ(lines[2]["error"]["__type"], "ValidationException");
  EXPECT_EQ(lines[3]["error"]["__type"], "ValidationException");
  EXPECT_EQ(lines[4]["output"]["Now"], 1704067200);
}

TEST(ReplayTest, AdvanceClockPastTheRecoveryWindowDeletesTheSecret) {
  const std::vector<Json> lines =
      ReplayLines(std::string(kCreate) + "\n" +
                  R"({"op":"DeleteSecret","input":{"SecretId":"demo/db",)"
                  R"("RecoveryWindowInDays":7}})"
                  "\n"
                  R"({"op":"AdvanceClock","input":{"Days":7}})"
                  "\n"
                  R"({"op":"DescribeSecret","input":{"SecretId":"demo/db"}})");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[3]["error"]["__type"], "ResourceNotFoundException");
}

TEST(ReplayTest, CheckInvariantsPassesAfterOperations) {
  const std::vector<Json> lines =
      ReplayLines(std::string(kCreate) + "\n{\"op\":\"CheckInvariants\"}\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], Json::parse(R"({"op":"CheckInvariants","output":{}})"));
}

// A script whose output depends on the id source: ARN suffixes.
constexpr char kTwoSecrets[] =
    R"({"op":"CreateSecret","input":{"Name":"a","ClientRequestToken":)"
    R"("tok-a-0000000000000000000000000000001"}})"
    "\n"
    R"({"op":"CreateSecret","input":{"Name":"b","ClientRequestToken":)"
    R"("tok-b-0000000000000000000000000000002"}})"
    "\n";

TEST(ReplayTest, SameSeedGivesIdenticalOutput) {
  ReplayOptions options;
  options.seed = 42;
  const std::string first = Replay(kTwoSecrets, options);
  EXPECT_EQ(first, Replay(kTwoSecrets, options));
  options.pretty = true;
  EXPECT_EQ(Replay(kTwoSecrets, options), Replay(kTwoSecrets, options));
}

TEST(ReplayTest, DefaultSeedIsFixed) {
  EXPECT_EQ(Replay(kTwoSecrets), Replay(kTwoSecrets, ReplayOptions{0, false}));
}

TEST(ReplayTest, DifferentSeedsGiveDifferentArnSuffixes) {
  ReplayOptions one;
  one.seed = 1;
  ReplayOptions two;
  two.seed = 2;
  const std::vector<Json> a = ReplayLines(kTwoSecrets, one);
  const std::vector<Json> b = ReplayLines(kTwoSecrets, two);
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_NE(a[0]["output"]["ARN"], b[0]["output"]["ARN"]);
  EXPECT_NE(a[1]["output"]["ARN"], b[1]["output"]["ARN"]);
}

TEST(ReplayTest, StatsCountOperationsAndErrors) {
  std::istringstream in("# c\n" + std::string(kCreate) +
                        "\nnot json\n{\"op\":\"Nope\"}\n");
  std::ostringstream out;
  const ReplayStats stats = RunReplay(in, out, {});
  EXPECT_EQ(stats.operations, 3);
  EXPECT_EQ(stats.errors, 2);
}

TEST(ReplayTest, PrettyEchoesOpsAndShowsTheLabelTable) {
  ReplayOptions options;
  options.pretty = true;
  const std::string out = Replay(
      "# Create the secret\n" + std::string(kCreate) + "\n" +
          R"({"op":"PutSecretValue","input":{"SecretId":"demo/db",)"
          R"("ClientRequestToken":"v2-pending--000000000000000000000002",)"
          R"("SecretString":"two","VersionStages":["AWSPENDING"]}})",
      options);
  EXPECT_THAT(out, HasSubstr("# Create the secret\n"));
  EXPECT_THAT(out, HasSubstr("> CreateSecret {\"Name\":\"demo/db\""));
  EXPECT_THAT(out, HasSubstr("secret demo/db (arn ...-"));
  EXPECT_THAT(out, HasSubstr("VERSION"));
  EXPECT_THAT(out, HasSubstr("v2-pending--000000000000000000000002   "
                             "2024-01-01 00:00:00   AWSPENDING\n"));
  EXPECT_THAT(out, HasSubstr("v1-initial-000000000000000000000001    "
                             "2024-01-01 00:00:00   AWSCURRENT\n"));
  EXPECT_THAT(out, HasSubstr("-- 2 operations, 0 returned an error\n"));
}

TEST(ReplayTest, PrettyKeepsNonJsonLinesShort) {
  ReplayOptions options;
  options.pretty = true;
  const std::string out =
      Replay(std::string(kCreate) + "\n" +
                 R"({"op":"AdvanceClock","input":{"Days":3}})",
             options);
  for (absl::string_view line : absl::StrSplit(out, '\n')) {
    if (!line.empty() && line[0] == '{') continue;  // the JSON data lines
    EXPECT_LT(line.size(), 100u) << line;
  }
  EXPECT_THAT(out, HasSubstr("clock is now 2024-01-04 00:00:00 UTC"));
}

TEST(ReplayTest, PrettyJsonLinesEqualPlainOutput) {
  ReplayOptions pretty;
  pretty.pretty = true;
  const std::string script = std::string(kCreate) + "\nbad\n" + kTwoSecrets;
  std::string json_lines;
  for (absl::string_view line : absl::StrSplit(Replay(script, pretty), '\n')) {
    if (!line.empty() && line[0] == '{') {
      json_lines.append(line.data(), line.size());
      json_lines += "\n";
    }
  }
  EXPECT_EQ(json_lines, Replay(script));
  EXPECT_THAT(Replay(script), Not(HasSubstr("> ")));
}

}  // namespace
}  // namespace secretstage::tools
