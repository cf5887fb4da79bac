#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "protocol/json.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {
namespace {

std::string Text(absl::Time t) { return ToJsonText(TimestampToJson(t)); }

TEST(TimestampsTest, WholeSecondsAreIntegers) {
  const Json j = TimestampToJson(absl::FromUnixSeconds(1704067200));
  EXPECT_TRUE(j.is_number_integer());
  EXPECT_EQ(ToJsonText(j), "1704067200");
}

TEST(TimestampsTest, MillisecondsAreAFraction) {
  EXPECT_EQ(Text(absl::FromUnixMillis(1523477145713)), "1523477145.713");
  EXPECT_EQ(Text(absl::FromUnixMillis(1704067205500)), "1704067205.5");
  EXPECT_EQ(Text(absl::FromUnixMillis(1704067205001)), "1704067205.001");
  EXPECT_EQ(Text(absl::FromUnixMillis(1704067205999)), "1704067205.999");
}

TEST(TimestampsTest, EveryMillisecondPrintsExactly) {
  for (int64_t ms = 0; ms < 1000; ++ms) {
    const std::string text = Text(absl::FromUnixMillis(1704067200000 + ms));
    const Json parsed = Json::parse(text);
    EXPECT_EQ(static_cast<int64_t>(parsed.get<double>() * 1000 + 0.5),
              1704067200000 + ms)
        << text;
    EXPECT_LE(text.size(), 14u) << text;  // no binary noise digits
  }
}

TEST(TimestampsTest, SubMillisecondsAreTruncated) {
  EXPECT_EQ(Text(absl::FromUnixMillis(1704067205123) + absl::Microseconds(999)),
            "1704067205.123");
}

TEST(TimestampsTest, InfiniteTimesAreClampedNotCrashing) {
  EXPECT_FALSE(Text(absl::InfiniteFuture()).empty());
  EXPECT_FALSE(Text(absl::InfinitePast()).empty());
}

}  // namespace
}  // namespace secretstage::protocol
