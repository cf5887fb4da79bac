// The new operations through `secretstage replay` (tools/replay.h): scripts
// of AWS JSON requests in, AWS JSON responses out, and --pretty label tables
// after the state-changing ones. Each test names the rule it checks
// (semantics.md §, decisions.md, issue 3).
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/json.h"
#include "tools/replay.h"

namespace secretstage::tools {
namespace {

using protocol::Json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

constexpr char kT1[] = "v1-initial-000000000000000000000001";
// 35 characters: fits the label table's VERSION column unshortened.
constexpr char kRotation[] = "v2-rotated-000000000000000000000002";

std::string Replay(const std::string& script, bool pretty = false) {
  std::istringstream in(script);
  std::ostringstream out;
  ReplayOptions options;
  options.pretty = pretty;
  RunReplay(in, out, options);
  return out.str();
}

// The JSON output lines of a plain replay, parsed.
std::vector<Json> ReplayLines(const std::string& script) {
  std::vector<Json> lines;
  for (absl::string_view line :
       absl::StrSplit(Replay(script), '\n', absl::SkipEmpty())) {
    lines.push_back(Json::parse(std::string(line)));
  }
  return lines;
}

std::string Line(const std::string& op, const Json& input) {
  Json line = {{"op", op}, {"input", input}};
  return protocol::ToJsonText(line) + "\n";
}

std::string CreateDemo() {
  return Line("CreateSecret", {{"Name", "demo/db"},
                               {"ClientRequestToken", kT1},
                               {"SecretString", "one"}});
}

std::string RotateDemo(int days) {
  return Line("RotateSecret",
              {{"SecretId", "demo/db"},
               {"ClientRequestToken", kRotation},
               {"RotationLambdaARN",
                "arn:aws:lambda:us-east-1:123456789012:function:rot"},
               {"RotationRules", {{"AutomaticallyAfterDays", days}}}});
}

std::string DescribeDemo() {
  return Line("DescribeSecret", {{"SecretId", "demo/db"}});
}

// The version that holds `label` in a VersionIdsToStages map, or "".
std::string Holder(const Json& map, const std::string& label) {
  for (const auto& [version, labels] : map.items()) {
    for (const Json& l : labels) {
      if (l == label) return version;
    }
  }
  return "";
}

// §4.12, §11.53 and decisions.md "Rotation": RotateSecret through replay
// answers {ARN, Name, VersionId=token}; the built-in template handler moved
// AWSCURRENT to the token's version, which keeps AWSPENDING.
TEST(ReplayRoundTripTest, RotateSecretRunsTheRotationThroughReplay) {
  const std::vector<Json> lines =
      ReplayLines(CreateDemo() + RotateDemo(30) + DescribeDemo() +
                  Line("GetSecretValue", {{"SecretId", "demo/db"}}));
  ASSERT_EQ(lines.size(), 4u);
  ASSERT_TRUE(lines[1].contains("output")) << lines[1];
  const Json& rotated = lines[1]["output"];
  EXPECT_EQ(rotated["ARN"], lines[0]["output"]["ARN"]);
  EXPECT_EQ(rotated["Name"], "demo/db");
  EXPECT_EQ(rotated["VersionId"], kRotation);
  const Json& stages = lines[2]["output"]["VersionIdsToStages"];
  EXPECT_THAT(stages[kRotation].get<std::vector<std::string>>(),
              UnorderedElementsAre("AWSCURRENT", "AWSPENDING"));
  EXPECT_THAT(stages[kT1].get<std::vector<std::string>>(),
              ElementsAre("AWSPREVIOUS"));
  EXPECT_EQ(lines[2]["output"]["RotationEnabled"], true);
  EXPECT_EQ(lines[3]["output"]["VersionId"], kRotation);
}

// §11.21, decisions.md "Client request tokens": the replay line is an
// error line with AWS's body for a token-less RotateSecret.
TEST(ReplayRoundTripTest, RotateSecretWithoutTokenIsAnErrorLine) {
  const std::vector<Json> lines = ReplayLines(
      CreateDemo() + Line("RotateSecret", {{"SecretId", "demo/db"}}));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1],
            Json::parse(R"({"op":"RotateSecret","error":{"__type":)"
                        R"("InvalidParameterException","Message":"You must )"
                        R"(provide a ClientRequestToken value. We recommend )"
                        R"(a UUID-type value."}})"));
}

// Issue 3 "Scheduled rotation" (advancing the clock past NextRotationDate
// runs the due rotation), §4.12 NextRotationDate/LastRotatedDate: replay's
// AdvanceClock to just before NextRotationDate changes nothing; one second
// past it, AWSCURRENT has moved to a new version and LastRotatedDate
// is the new rotation's time.
TEST(ReplayRoundTripTest, AdvanceClockPastNextRotationDateRotatesAgain) {
  const std::string setup = CreateDemo() + RotateDemo(1) + DescribeDemo();
  const std::vector<Json> first = ReplayLines(setup);
  ASSERT_EQ(first.size(), 3u);
  const Json& described = first[2]["output"];
  ASSERT_TRUE(described["NextRotationDate"].is_number()) << described;
  const double start = 1704067200;  // the replay clock's start
  const double due = described["NextRotationDate"].get<double>() - start;
  ASSERT_GT(due, 1);

  const std::vector<Json> before = ReplayLines(
      setup + Line("AdvanceClock", {{"Seconds", due - 1}}) + DescribeDemo());
  ASSERT_EQ(before.size(), 5u);
  EXPECT_EQ(before[4]["output"]["VersionIdsToStages"],
            described["VersionIdsToStages"]);
  EXPECT_EQ(before[4]["output"]["LastRotatedDate"],
            described["LastRotatedDate"]);

  const std::vector<Json> after =
      ReplayLines(setup + Line("AdvanceClock", {{"Seconds", due + 1}}) +
                  DescribeDemo() + Line("CheckInvariants", Json::object()));
  ASSERT_EQ(after.size(), 6u);
  const Json& rotated = after[4]["output"];
  const std::string current =
      Holder(rotated["VersionIdsToStages"], "AWSCURRENT");
  EXPECT_NE(current, "");
  EXPECT_NE(current, kRotation);
  EXPECT_NE(current, kT1);
  EXPECT_EQ(Holder(rotated["VersionIdsToStages"], "AWSPREVIOUS"), kRotation);
  EXPECT_GT(rotated["LastRotatedDate"].get<double>(),
            described["LastRotatedDate"].get<double>());
  EXPECT_LE(rotated["LastRotatedDate"].get<double>(),
            after[3]["output"]["Now"].get<double>());
  EXPECT_TRUE(after[5].contains("output")) << after[5];  // invariants hold
}

// §4.9, §5: ListSecrets through replay hides a secret scheduled for
// deletion unless IncludePlannedDeletion, and its SecretVersionsToStages
// equals DescribeSecret's VersionIdsToStages.
TEST(ReplayRoundTripTest, ListSecretsThroughReplay) {
  const std::vector<Json> lines = ReplayLines(
      CreateDemo() + RotateDemo(30) +
      Line("CreateSecret",
           {{"Name", "old"},
            {"ClientRequestToken", "old-token-00000000000000000000000003"}}) +
      Line("DeleteSecret", {{"SecretId", "old"}}) +
      Line("ListSecrets", Json::object()) +
      Line("ListSecrets", {{"IncludePlannedDeletion", true}}) + DescribeDemo());
  ASSERT_EQ(lines.size(), 7u);
  const Json& live = lines[4]["output"]["SecretList"];
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0]["Name"], "demo/db");
  EXPECT_EQ(live[0]["SecretVersionsToStages"],
            lines[6]["output"]["VersionIdsToStages"]);
  EXPECT_EQ(live[0]["RotationEnabled"], true);
  const Json& all = lines[5]["output"]["SecretList"];
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1]["Name"], "old");
  EXPECT_TRUE(all[1]["DeletedDate"].is_number()) << all[1];
}

// The blocks of --pretty output, by operation: "> Op ..." up to the blank
// line that ends it.
std::vector<std::string> PrettyBlocks(const std::string& out) {
  std::vector<std::string> blocks;
  for (absl::string_view block : absl::StrSplit(out, "\n\n")) {
    if (absl::StartsWith(block, "> ")) blocks.emplace_back(block);
  }
  return blocks;
}

// tools/replay.cc: --pretty prints the label table after each
// state-changing operation (RotateSecret, CancelRotateSecret, TagResource,
// UntagResource among them) and not after reads.
TEST(ReplayRoundTripTest, PrettyShowsTheLabelTableAfterTheNewChanges) {
  const std::string script =
      CreateDemo() + RotateDemo(30) +
      Line("CancelRotateSecret", {{"SecretId", "demo/db"}}) +
      Line("TagResource", {{"SecretId", "demo/db"},
                           {"Tags", {{{"Key", "k"}, {"Value", "v"}}}}}) +
      Line("UntagResource", {{"SecretId", "demo/db"}, {"TagKeys", {"k"}}}) +
      Line("ListSecrets", Json::object()) +
      Line("BatchGetSecretValue", {{"SecretIdList", {"demo/db"}}}) +
      Line("GetRandomPassword", Json::object());
  const std::vector<std::string> blocks = PrettyBlocks(Replay(script, true));
  std::map<std::string, bool> table_after;
  for (const std::string& block : blocks) {
    const std::string op = block.substr(2, block.find(' ', 2) - 2);
    table_after[op] =
        block.find("\nsecret demo/db (arn ...-") != std::string::npos;
  }
  EXPECT_THAT(table_after, ElementsAre(std::pair("BatchGetSecretValue", false),
                                       std::pair("CancelRotateSecret", true),
                                       std::pair("CreateSecret", true),
                                       std::pair("GetRandomPassword", false),
                                       std::pair("ListSecrets", false),
                                       std::pair("RotateSecret", true),
                                       std::pair("TagResource", true),
                                       std::pair("UntagResource", true)));
  // The RotateSecret table shows the token's version with both labels.
  for (const std::string& block : blocks) {
    if (!absl::StartsWith(block, "> RotateSecret")) continue;
    std::string token_row;
    for (absl::string_view line : absl::StrSplit(block, '\n')) {
      // Table rows are indented; the JSON output line is not.
      if (absl::StartsWith(line, "  ") && absl::StrContains(line, kRotation)) {
        token_row = std::string(line);
      }
    }
    EXPECT_THAT(token_row, HasSubstr("AWSCURRENT")) << block;
    EXPECT_THAT(token_row, HasSubstr("AWSPENDING")) << block;
    EXPECT_THAT(token_row, Not(HasSubstr("AWSPREVIOUS"))) << block;
  }
}

}  // namespace
}  // namespace secretstage::tools
