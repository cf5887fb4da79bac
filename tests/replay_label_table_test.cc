// tools::RenderLabelTable: the --pretty picture of a secret's labels.
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/label_table.h"

namespace secretstage::tools {
namespace {

using ::testing::HasSubstr;

model::DescribeSecretResponse Secret() {
  model::DescribeSecretResponse secret;
  secret.arn =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/db-AbCdEf";
  secret.name = "demo/db";
  return secret;
}

model::SecretVersionsListEntry Version(std::string id, int64_t seconds,
                                       std::vector<std::string> stages) {
  model::SecretVersionsListEntry v;
  v.version_id = std::move(id);
  v.created_date = absl::FromUnixSeconds(1704067200 + seconds);
  v.version_stages = std::move(stages);
  return v;
}

TEST(LabelTableTest, ShowsEachVersionWithItsLabels) {
  const std::string v3 = "v3-current-000000000000000000000003";
  const std::string v2 = "v2-previous-00000000000000000000002";
  const std::string v1 = "v1-initial-000000000000000000000001";
  const std::string table = RenderLabelTable(
      Secret(), {Version(v3, 5, {"AWSCURRENT", "AWSPENDING"}),
                 Version(v2, 0, {"AWSPREVIOUS"}), Version(v1, 0, {})});
  // VERSION is 36 wide, CREATED 19, with 3 spaces between columns.
  const std::string gap(3, ' ');
  EXPECT_EQ(table,
            "secret demo/db (arn ...-AbCdEf)\n"
            "  VERSION" +
                std::string(29, ' ') + gap + "CREATED" + std::string(12, ' ') +
                gap + "LABELS\n" + "  " + v3 + " " + gap +
                "2024-01-01 00:00:05" + gap + "AWSCURRENT, AWSPENDING\n" +
                "  " + v2 + " " + gap + "2024-01-01 00:00:00" + gap +
                "AWSPREVIOUS\n" + "  " + v1 + " " + gap +
                "2024-01-01 00:00:00" + gap + "(deprecated)\n");
}

TEST(LabelTableTest, ShowsScheduledDeletion) {
  model::DescribeSecretResponse secret = Secret();
  secret.deleted_date = absl::FromUnixSeconds(1704067200 + 7 * 86400);
  const std::string table = RenderLabelTable(secret, {});
  EXPECT_EQ(table,
            "secret demo/db (arn ...-AbCdEf)   [scheduled for deletion "
            "2024-01-08 00:00:00]\n"
            "  (no versions)\n");
}

TEST(LabelTableTest, ShortensLongVersionIds) {
  const std::string id(64, 'x');
  const std::string table =
      RenderLabelTable(Secret(), {Version(id, 0, {"AWSCURRENT"})});
  EXPECT_THAT(table, HasSubstr("  " + std::string(33, 'x') + "...   "));
}

TEST(LabelTableTest, WrapsManyLabelsUnderTheLabelsColumn) {
  std::vector<std::string> labels;
  for (int i = 0; i < 20; ++i) labels.push_back("LABEL-" + std::to_string(i));
  model::DescribeSecretResponse secret = Secret();
  secret.name = std::string(300, 'n');
  secret.deleted_date = absl::FromUnixSeconds(1704067200);
  const std::string table =
      RenderLabelTable(secret, {Version("v1", 0, labels)});
  std::vector<std::string> lines = absl::StrSplit(table, '\n');
  ASSERT_GT(lines.size(), 4u);
  for (const std::string& line : lines) {
    EXPECT_LT(line.size(), 100u) << line;
  }
  EXPECT_THAT(lines[3], ::testing::StartsWith(std::string(63, ' ') + "LABEL"));
  for (const std::string& label : labels) {
    EXPECT_THAT(table, HasSubstr(label));
  }
}

}  // namespace
}  // namespace secretstage::tools
