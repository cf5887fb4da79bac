// core/clock.h: ManualClock and RealClock.
#include "core/clock.h"

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace secretstage {
namespace {

// clock.h: DefaultStart is 2024-01-01T00:00:00Z.
TEST(ClockTest, ManualClockStartsAtDefaultStart) {
  EXPECT_EQ(ManualClock::DefaultStart(), absl::FromUnixSeconds(1704067200));
  ManualClock clock;
  EXPECT_EQ(clock.Now(), ManualClock::DefaultStart());
}

// clock.h: Now() is truncated to milliseconds, also for the start time.
TEST(ClockTest, ManualClockTruncatesStartToMilliseconds) {
  ManualClock clock(absl::FromUnixMicros(1704067200123456));
  EXPECT_EQ(clock.Now(), absl::FromUnixMillis(1704067200123));
}

// clock.h: Advance moves forward by d truncated to milliseconds.
TEST(ClockTest, AdvanceTruncatesToMilliseconds) {
  ManualClock clock;
  const absl::Time start = clock.Now();
  clock.Advance(absl::Microseconds(1500));
  EXPECT_EQ(clock.Now(), start + absl::Milliseconds(1));
  clock.Advance(absl::Microseconds(999));  // less than 1 ms: no move
  EXPECT_EQ(clock.Now(), start + absl::Milliseconds(1));
  clock.Advance(absl::Hours(24));
  EXPECT_EQ(clock.Now(), start + absl::Hours(24) + absl::Milliseconds(1));
}

// clock.h: a negative duration is ignored.
TEST(ClockTest, AdvanceIgnoresNegativeDuration) {
  ManualClock clock;
  const absl::Time start = clock.Now();
  clock.Advance(-absl::Seconds(5));
  EXPECT_EQ(clock.Now(), start);
}

// clock.h: Set moves forward; a time before Now() is ignored.
TEST(ClockTest, SetNeverGoesBackwards) {
  ManualClock clock;
  const absl::Time start = clock.Now();
  clock.Set(start + absl::Seconds(10));
  EXPECT_EQ(clock.Now(), start + absl::Seconds(10));
  clock.Set(start);
  EXPECT_EQ(clock.Now(), start + absl::Seconds(10));
  clock.Set(start + absl::Seconds(20) + absl::Microseconds(700));
  EXPECT_EQ(clock.Now(), start + absl::Seconds(20));
}

// clock.h: RealClock is millisecond-truncated and close to absl::Now().
TEST(ClockTest, RealClockIsMillisecondTruncatedNow) {
  RealClock clock;
  const absl::Time before = absl::Now() - absl::Milliseconds(1);
  const absl::Time now = clock.Now();
  const absl::Time after = absl::Now();
  EXPECT_EQ(absl::ToUnixMicros(now) % 1000, 0);
  EXPECT_GE(now, before);
  EXPECT_LE(now, after);
}

}  // namespace
}  // namespace secretstage
