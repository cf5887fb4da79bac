// core/rotation_schedule.h: RotationRules validation (exception names and
// messages) and NextRotationDate arithmetic, with a randomized comparison of
// the cron search against an hour-by-hour brute force.
#include "core/rotation_schedule.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/absl_compat.h"
#include "core/errors.h"
#include "gtest/gtest.h"
#include "model/rotation_rules.h"

namespace secretstage::internal {
namespace {

using model::RotationRules;

constexpr char kIpe[] = "InvalidParameterException";
constexpr char kVe[] = "ValidationException";

RotationRules Days(int64_t n) {
  RotationRules r;
  r.automatically_after_days = n;
  return r;
}

RotationRules Expr(std::string expr) {
  RotationRules r;
  r.schedule_expression = std::move(expr);
  return r;
}

RotationRules WithDuration(RotationRules r, std::string duration) {
  r.duration = std::move(duration);
  return r;
}

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

std::string Error(const absl::Status& s) {
  return absl::StrCat(AwsErrorName(s), ": ", std::string(s.message()));
}

std::string Ipe(std::string_view message) {
  return absl::StrCat(kIpe, ": ", Sv(message));
}

std::string Ve(std::string_view message) {
  return absl::StrCat(kVe, ": ", Sv(message));
}

std::string Validate(const RotationRules& r) {
  const absl::Status s = ValidateRotationRules(r);
  return s.ok() ? "OK" : Error(s);
}

// ---- Validation: model constraints (ValidationException) --------------------

TEST(RotationScheduleTest, AutomaticallyAfterDaysRange) {
  EXPECT_EQ(Validate(Days(1)), "OK");
  EXPECT_EQ(Validate(Days(1000)), "OK");
  EXPECT_EQ(Validate(Days(0)),
            Ve("1 validation error detected: Value '0' at "
               "'rotationRules.automaticallyAfterDays' failed to satisfy "
               "constraint: Member must have value greater than or equal to "
               "1"));
  EXPECT_EQ(Validate(Days(1001)),
            Ve("1 validation error detected: Value '1001' at "
               "'rotationRules.automaticallyAfterDays' failed to satisfy "
               "constraint: Member must have value less than or equal to "
               "1000"));
}

TEST(RotationScheduleTest, DurationLengthAndPattern) {
  EXPECT_EQ(Validate(WithDuration(Days(1), "100h")),
            Ve("1 validation error detected: Value '100h' at "
               "'rotationRules.duration' failed to satisfy constraint: Member "
               "must have length less than or equal to 3"));
  EXPECT_EQ(Validate(WithDuration(Days(1), "h2")),
            Ve("1 validation error detected: Value 'h2' at "
               "'rotationRules.duration' failed to satisfy constraint: Member "
               "must satisfy regular expression pattern: [0-9]+h"));
  EXPECT_EQ(Validate(WithDuration(Days(1), "5")),
            Ve("2 validation errors detected: Value '5' at "
               "'rotationRules.duration' failed to satisfy constraint: Member "
               "must have length greater than or equal to 2; Value '5' at "
               "'rotationRules.duration' failed to satisfy constraint: Member "
               "must satisfy regular expression pattern: [0-9]+h"));
  EXPECT_EQ(Validate(WithDuration(Days(1), "")),
            Ve("1 validation error detected: Value '' at "
               "'rotationRules.duration' failed to satisfy constraint: Member "
               "must have length greater than or equal to 2"));
}

TEST(RotationScheduleTest, ScheduleExpressionLengthAndCharset) {
  EXPECT_EQ(Validate(Expr("")),
            Ve("1 validation error detected: Value '' at "
               "'rotationRules.scheduleExpression' failed to satisfy "
               "constraint: Member must have length greater than or equal to "
               "1"));
  const std::string long_expr = "rate(" + std::string(250, '1') + " days)";
  EXPECT_EQ(Validate(Expr(long_expr)),
            Ve("1 validation error detected: Value '" + long_expr +
               "' at 'rotationRules.scheduleExpression' failed to satisfy "
               "constraint: Member must have length less than or equal to "
               "256"));
  EXPECT_EQ(Validate(Expr("rate(1.5 days)")),
            Ve("1 validation error detected: Value 'rate(1.5 days)' at "
               "'rotationRules.scheduleExpression' failed to satisfy "
               "constraint: Member must satisfy regular expression pattern: "
               "[0-9A-Za-z\\(\\)#\\?\\*\\-\\/, ]+"));
}

TEST(RotationScheduleTest, ConstraintViolationsAreReportedTogether) {
  RotationRules r = WithDuration(Days(0), "x");
  r.schedule_expression = "";
  const std::string message = Validate(r);
  EXPECT_EQ(message.rfind("ValidationException: 4 validation errors detected: "
                          "Value '0' at 'rotationRules.automaticallyAfterDays'",
                          0),
            0u)
      << message;
}

// ---- Validation: InvalidParameterException ----------------------------------

TEST(RotationScheduleTest, BothDaysAndScheduleExpressionIsRejected) {
  RotationRules r = Days(30);
  r.schedule_expression = "rate(30 days)";
  EXPECT_EQ(Validate(r), Ipe("You cannot specify both rotation frequency and "
                             "schedule expression together."));
}

TEST(RotationScheduleTest, NeitherDaysNorScheduleExpressionIsRejected) {
  const std::string want = Ipe(
      "You must specify either AutomaticallyAfterDays or ScheduleExpression "
      "in RotationRules.");
  EXPECT_EQ(Validate(RotationRules{}), want);
  EXPECT_EQ(Validate(WithDuration(RotationRules{}, "2h")), want);
}

TEST(RotationScheduleTest, DurationMustBeOneToTwentyFourHours) {
  const std::string want =
      Ipe("The rotation window Duration must be between 1h and 24h.");
  EXPECT_EQ(Validate(WithDuration(Days(1), "0h")), want);
  EXPECT_EQ(Validate(WithDuration(Days(1), "25h")), want);
  EXPECT_EQ(Validate(WithDuration(Days(1), "1h")), "OK");
  EXPECT_EQ(Validate(WithDuration(Days(1), "24h")), "OK");
  EXPECT_EQ(Validate(WithDuration(Expr("rate(10 days)"), "24h")), "OK");
}

TEST(RotationScheduleTest, RateExpressions) {
  for (const char* ok :
       {"rate(4 hours)", "rate(23 hours)", "rate(48 hours)", "rate(1 day)",
        "rate(1 days)", "rate(10 days)", "rate(999 days)", "rate(4 hour)"}) {
    EXPECT_EQ(Validate(Expr(ok)), "OK") << ok;
  }
  const std::string form = Ipe(
      "A rate() expression must have the form rate(Value Unit), where Value "
      "is a positive integer and Unit is hour, hours, day or days.");
  for (const char* bad : {"rate(0 days)", "rate(10 weeks)", "rate(10days)",
                          "rate(10 Days)", "rate(-1 days)", "rate( 10 days)",
                          "rate(10  days)", "rate(days)", "rate()"}) {
    EXPECT_EQ(Validate(Expr(bad)), form) << bad;
  }
  EXPECT_EQ(Validate(Expr("rate(3 hours)")),
            Ipe("You can rotate a secret as often as every four hours, so a "
                "rate() expression must be at least rate(4 hours)."));
  EXPECT_EQ(Validate(Expr("rate(1000 days)")),
            Ipe("The maximum rotation period of a rate() expression is 999 "
                "days."));
  EXPECT_EQ(Validate(Expr("rate(23977 hours)")),
            Ipe("The maximum rotation period of a rate() expression is 999 "
                "days."));
}

TEST(RotationScheduleTest, NeitherRateNorCron) {
  const std::string want =
      Ipe("The ScheduleExpression must be a rate() or cron() expression.");
  for (const char* bad : {"every 10 days", "at(2024)", "RATE(10 days)",
                          "rate(10 days", " rate(10 days)", "cron"}) {
    EXPECT_EQ(Validate(Expr(bad)), want) << bad;
  }
}

TEST(RotationScheduleTest, CronExamplesFromTheDocsAreValid) {
  // rotate-secrets_schedule.md examples, the current page's hour increments,
  // and a real-world expression (ministryofjustice/modernisation-platform-
  // environments#8903).
  for (const char* ok : {"cron(0 10 * * ? *)",
                         "cron(0 18 ? * SAT *)",
                         "cron(0 8 1 * ? *)",
                         "cron(0 17 L * ? *)",
                         "cron(0 8 ? * MON-FRI *)",
                         "cron(0 16 1,15 * ? *)",
                         "cron(0 0 ? * SUN#1 *)",
                         "cron(0 1 ? 1/3 SUN#1 *)",
                         "cron(0 4/12 * * ? *)",
                         "cron(0 2/10 * * ? *)",
                         "cron(0 8/8 * * ? *)",
                         "cron(0 /8 * * ? *)",
                         "cron(0 0 ? * SUNL *)",
                         "cron(0 0 ? * TUE#3 *)",
                         "cron(0 10 ? FEB,MAY,AUG,NOV TUE#2 *)",
                         "cron(0 0 ? * L *)",
                         "cron(0 0 ? * 1,7 *)",
                         "cron(0 0 ? jan-mar mon *)",
                         "cron(0 0 1-15/7 * ? *)",
                         "cron(0 0,4,8 */2 * ? *)",
                         "cron(0 0 31 * ? *)",
                         "cron(0 0 ? * MON#5 *)"}) {
    EXPECT_EQ(Validate(Expr(ok)), "OK") << ok;
  }
}

TEST(RotationScheduleTest, CronStructuralErrors) {
  EXPECT_EQ(Validate(Expr("cron(0 10 * * ?)")),
            Ipe("A cron() expression must have six fields: Minutes Hours "
                "Day-of-month Month Day-of-week Year."));
  EXPECT_EQ(Validate(Expr("cron(30 10 * * ? *)")),
            Ipe("The Minutes field of a cron() expression must be 0."));
  EXPECT_EQ(Validate(Expr("cron(0 10 * * ? 2024)")),
            Ipe("The Year field of a cron() expression must be *."));
  const std::string question =
      Ipe("A cron() expression must have ? in exactly one of the Day-of-month "
          "and Day-of-week fields.");
  EXPECT_EQ(Validate(Expr("cron(0 10 * * * *)")), question);
  EXPECT_EQ(Validate(Expr("cron(0 10 ? * ? *)")), question);
  // The 2022 docs' "cron(0 1 * 1/3 SUN *)" contradicts their own ? rule.
  EXPECT_EQ(Validate(Expr("cron(0 1 * 1/3 SUN *)")), question);
}

TEST(RotationScheduleTest, CronFieldErrors) {
  const auto field = [](std::string_view name, std::string_view value) {
    return Ipe(absl::StrCat("The ", Sv(name),
                            " field of the cron() expression has an "
                            "unsupported value: ",
                            Sv(value), "."));
  };
  EXPECT_EQ(Validate(Expr("cron(0 24 * * ? *)")), field("Hours", "24"));
  EXPECT_EQ(Validate(Expr("cron(0 20-4 * * ? *)")), field("Hours", "20-4"));
  EXPECT_EQ(Validate(Expr("cron(0 10 15W * ? *)")),
            field("Day-of-month", "15W"));
  EXPECT_EQ(Validate(Expr("cron(0 10 L-2 * ? *)")),
            field("Day-of-month", "L-2"));
  EXPECT_EQ(Validate(Expr("cron(0 10 LW * ? *)")), field("Day-of-month", "LW"));
  EXPECT_EQ(Validate(Expr("cron(0 10 0 * ? *)")), field("Day-of-month", "0"));
  EXPECT_EQ(Validate(Expr("cron(0 10 1,,2 * ? *)")),
            field("Day-of-month", "1,,2"));
  EXPECT_EQ(Validate(Expr("cron(0 10 * 13 ? *)")), field("Month", "13"));
  EXPECT_EQ(Validate(Expr("cron(0 10 * JANUARY ? *)")),
            field("Month", "JANUARY"));
  EXPECT_EQ(Validate(Expr("cron(0 10 ? * MON#6 *)")),
            field("Day-of-week", "MON#6"));
  EXPECT_EQ(Validate(Expr("cron(0 10 ? * FRI-MON *)")),
            field("Day-of-week", "FRI-MON"));
  EXPECT_EQ(Validate(Expr("cron(0 10 ? * 0 *)")), field("Day-of-week", "0"));
  EXPECT_EQ(Validate(Expr("cron(0 10 ? * MON#1,FRI#1 *)")),
            field("Day-of-week", "MON#1,FRI#1"));
  EXPECT_EQ(Validate(Expr("cron(0 10 ? * 2/0 *)")),
            field("Day-of-week", "2/0"));
}

TEST(RotationScheduleTest, CronMoreOftenThanEveryFourHoursIsRejected) {
  const std::string want = Ipe(
      "You can rotate a secret as often as every four hours, so the hours of "
      "a cron() expression must be at least 4 hours apart.");
  EXPECT_EQ(Validate(Expr("cron(0 * * * ? *)")), want);
  EXPECT_EQ(Validate(Expr("cron(0 0/3 * * ? *)")), want);
  EXPECT_EQ(Validate(Expr("cron(0 10,12 * * ? *)")), want);
  EXPECT_EQ(Validate(Expr("cron(0 0/4 * * ? *)")), "OK");
  // Increments reset each day: 22:00 then 02:00 is allowed.
  EXPECT_EQ(Validate(Expr("cron(0 2/10 * * ? *)")), "OK");
}

TEST(RotationScheduleTest, CronMoreThanAYearApartIsRejected) {
  const std::string want =
      Ipe("Secrets Manager does not support rotation schedules that are more "
          "than a year apart.");
  EXPECT_EQ(Validate(Expr("cron(0 0 30 2 ? *)")), want);  // never
  EXPECT_EQ(Validate(Expr("cron(0 0 29 2 ? *)")), want);  // leap years only
  EXPECT_EQ(Validate(Expr("cron(0 0 31 4,6,9,11 ? *)")), want);
  EXPECT_EQ(Validate(Expr("cron(0 0 ? FEB MON#5 *)")), want);
  EXPECT_EQ(Validate(Expr("cron(0 0 31 1 ? *)")), "OK");
  EXPECT_EQ(Validate(Expr("cron(0 0 L 2 ? *)")), "OK");
}

TEST(RotationScheduleTest, WindowMustNotReachTheNextDayOrWindow) {
  const std::string past_day =
      Ipe("The rotation window can't extend into the next UTC day.");
  const std::string overlap =
      Ipe("The rotation window can't extend into the next rotation window.");
  EXPECT_EQ(Validate(WithDuration(Expr("cron(0 22 * * ? *)"), "2h")), "OK");
  EXPECT_EQ(Validate(WithDuration(Expr("cron(0 22 * * ? *)"), "3h")), past_day);
  EXPECT_EQ(Validate(WithDuration(Expr("cron(0 1,5 * * ? *)"), "4h")), "OK");
  EXPECT_EQ(Validate(WithDuration(Expr("cron(0 1,5 * * ? *)"), "5h")), overlap);
  EXPECT_EQ(Validate(WithDuration(Expr("rate(4 hours)"), "4h")), "OK");
  EXPECT_EQ(Validate(WithDuration(Expr("rate(4 hours)"), "5h")), overlap);
  EXPECT_EQ(Validate(WithDuration(Expr("rate(1 day)"), "24h")), "OK");
}

// ---- NextRotationDate -------------------------------------------------------

TEST(RotationScheduleTest, NextRotationDateForDaysAndRates) {
  const absl::Time t = Utc(2024, 1, 31, 13, 45, 7);
  EXPECT_EQ(NextRotationDate(Days(30), t), Utc(2024, 3, 1, 13, 45, 7));
  EXPECT_EQ(NextRotationDate(Days(1000), t), t + absl::Hours(24 * 1000));
  EXPECT_EQ(NextRotationDate(Expr("rate(4 hours)"), t),
            Utc(2024, 1, 31, 17, 45, 7));
  EXPECT_EQ(NextRotationDate(Expr("rate(1 day)"), t),
            Utc(2024, 2, 1, 13, 45, 7));
  EXPECT_EQ(NextRotationDate(Expr("rate(10 days)"), t),
            Utc(2024, 2, 10, 13, 45, 7));
  // Duration does not move the window start.
  EXPECT_EQ(NextRotationDate(WithDuration(Expr("rate(10 days)"), "3h"), t),
            Utc(2024, 2, 10, 13, 45, 7));
}

TEST(RotationScheduleTest, NextRotationDateForInvalidRulesIsInfiniteFuture) {
  const absl::Time t = Utc(2024, 1, 1);
  EXPECT_EQ(NextRotationDate(RotationRules{}, t), absl::InfiniteFuture());
  EXPECT_EQ(NextRotationDate(Expr("rate(1 hour)"), t), absl::InfiniteFuture());
  EXPECT_EQ(NextRotationDate(Expr("cron(0 0 30 2 ? *)"), t),
            absl::InfiniteFuture());
  EXPECT_EQ(
      NextRotationDate(Expr("cron(0 10 * * ? *)"), absl::InfiniteFuture()),
      absl::InfiniteFuture());
}

TEST(RotationScheduleTest, CronFirstAndFifteenth) {
  const RotationRules r = Expr("cron(0 16 1,15 * ? *)");
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 1)), Utc(2024, 1, 1, 16));
  // Strictly after: a rotation exactly on a match moves to the next one.
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 1, 16)), Utc(2024, 1, 15, 16));
  EXPECT_EQ(NextRotationDate(
                r, Utc(2024, 1, 1, 15, 59, 59) + absl::Milliseconds(999)),
            Utc(2024, 1, 1, 16));
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 15, 16, 0, 1)),
            Utc(2024, 2, 1, 16));
}

TEST(RotationScheduleTest, CronWeekdaysSkipTheWeekend) {
  const RotationRules r = Expr("cron(0 10 ? * MON-FRI *)");
  // 2024-01-05 is a Friday.
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 5, 9, 59)), Utc(2024, 1, 5, 10));
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 5, 10)), Utc(2024, 1, 8, 10));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 18 ? * SAT *)"), Utc(2024, 1, 5)),
            Utc(2024, 1, 6, 18));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 0 ? * L *)"), Utc(2024, 1, 6)),
            Utc(2024, 1, 13));
}

TEST(RotationScheduleTest, CronNthAndLastWeekdayOfTheMonth) {
  const RotationRules first_sunday = Expr("cron(0 8 ? * SUN#1 *)");
  // 2024-01-01 is a Monday, 2024-02-01 a Thursday.
  EXPECT_EQ(NextRotationDate(first_sunday, Utc(2024, 1, 1)),
            Utc(2024, 1, 7, 8));
  EXPECT_EQ(NextRotationDate(first_sunday, Utc(2024, 1, 7, 8)),
            Utc(2024, 2, 4, 8));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 0 ? * TUE#3 *)"), Utc(2024, 1, 1)),
            Utc(2024, 1, 16));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 0 ? * FRIL *)"), Utc(2024, 1, 1)),
            Utc(2024, 1, 26));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 0 ? * 6L *)"), Utc(2024, 1, 27)),
            Utc(2024, 2, 23));
  // Quarterly: January, April, July, October; 2024-04-01 is a Monday.
  EXPECT_EQ(NextRotationDate(Expr("cron(0 1 ? 1/3 SUN#1 *)"), Utc(2024, 1, 8)),
            Utc(2024, 4, 7, 1));
}

TEST(RotationScheduleTest, CronHourIncrementsResetEachDay) {
  const RotationRules r = Expr("cron(0 2/10 * * ? *)");
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 1)), Utc(2024, 1, 1, 2));
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 1, 2)), Utc(2024, 1, 1, 12));
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 1, 12)), Utc(2024, 1, 1, 22));
  EXPECT_EQ(NextRotationDate(r, Utc(2024, 1, 1, 22)), Utc(2024, 1, 2, 2));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 /8 * * ? *)"), Utc(2024, 1, 1, 17)),
            Utc(2024, 1, 2, 0));
}

TEST(RotationScheduleTest, CronMonthAndYearRollover) {
  const RotationRules last_day = Expr("cron(0 17 L * ? *)");
  EXPECT_EQ(NextRotationDate(last_day, Utc(2023, 12, 31, 16)),
            Utc(2023, 12, 31, 17));
  EXPECT_EQ(NextRotationDate(last_day, Utc(2023, 12, 31, 17)),
            Utc(2024, 1, 31, 17));
  EXPECT_EQ(NextRotationDate(last_day, Utc(2024, 4, 1)), Utc(2024, 4, 30, 17));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 8 1 JAN ? *)"), Utc(2024, 1, 1, 9)),
            Utc(2025, 1, 1, 8));
  EXPECT_EQ(NextRotationDate(Expr("cron(0 0 31 * ? *)"), Utc(2024, 1, 31, 1)),
            Utc(2024, 3, 31));
}

TEST(RotationScheduleTest, CronLeapYears) {
  const RotationRules end_of_february = Expr("cron(0 0 L 2 ? *)");
  EXPECT_EQ(NextRotationDate(end_of_february, Utc(2024, 1, 1)),
            Utc(2024, 2, 29));
  EXPECT_EQ(NextRotationDate(end_of_february, Utc(2024, 3, 1)),
            Utc(2025, 2, 28));
  EXPECT_EQ(NextRotationDate(end_of_february, Utc(2099, 3, 1)),
            Utc(2100, 2, 28));  // 2100 is not a leap year
  const RotationRules the_29th = Expr("cron(0 12 29 * ? *)");
  EXPECT_EQ(NextRotationDate(the_29th, Utc(2023, 1, 30)), Utc(2023, 3, 29, 12));
  EXPECT_EQ(NextRotationDate(the_29th, Utc(2024, 1, 30)), Utc(2024, 2, 29, 12));
}

// ---- Randomized: cron search vs. an hour-by-hour brute force ----------------

// A random schedule both as sets (the model) and as an expression.
struct RandomCron {
  std::vector<int> hours;
  std::vector<bool> months = std::vector<bool>(13, false);
  std::optional<std::vector<bool>> month_days;  // else weekdays
  bool last_day = false;
  std::vector<bool> weekdays = std::vector<bool>(8, false);
  std::string expression;
};

RandomCron MakeRandomCron(std::mt19937& rng) {
  const auto chance = [&](int percent) {
    return static_cast<int>(rng() % 100) < percent;
  };
  RandomCron c;
  for (int h = static_cast<int>(rng() % 4); h < 24; h += 4 + rng() % 8) {
    c.hours.push_back(h);
  }
  std::vector<std::string> month_items;
  if (chance(40)) {
    month_items.push_back("*");
    for (int m = 1; m <= 12; ++m) c.months[m] = true;
  } else {
    for (int m = 1; m <= 12; ++m) {
      if (chance(30)) {
        c.months[m] = true;
        month_items.push_back(std::to_string(m));
      }
    }
    if (month_items.empty()) {
      c.months[2] = true;
      month_items.push_back("FEB");
    }
  }
  std::string dom = "?";
  std::string dow = "?";
  if (chance(50)) {
    c.month_days = std::vector<bool>(32, false);
    if (chance(20)) {
      c.last_day = true;
      dom = "L";
    } else {
      std::vector<std::string> items;
      for (int d = 1; d <= 31; ++d) {
        if (chance(d < 28 ? 8 : 30)) {
          (*c.month_days)[d] = true;
          items.push_back(std::to_string(d));
        }
      }
      if (items.empty()) {
        (*c.month_days)[29] = true;
        items.push_back("29");
      }
      dom = absl::StrJoin(items, ",");
    }
  } else {
    std::vector<std::string> items;
    for (int w = 1; w <= 7; ++w) {
      if (chance(30)) {
        c.weekdays[w] = true;
        items.push_back(std::to_string(w));
      }
    }
    if (items.empty()) {
      c.weekdays[1] = true;
      items.push_back("SUN");
    }
    dow = absl::StrJoin(items, ",");
  }
  c.expression =
      absl::StrCat("cron(0 ", absl::StrJoin(c.hours, ","), " ", dom, " ",
                   absl::StrJoin(month_items, ","), " ", dow, " *)");
  return c;
}

bool Matches(const RandomCron& c, absl::CivilHour h) {
  const absl::CivilDay day(h);
  bool hour_ok = false;
  for (int x : c.hours) hour_ok |= x == h.hour();
  if (!hour_ok || !c.months[h.month()]) return false;
  if (c.month_days) {
    if (c.last_day) return (day + 1).month() != day.month();
    return (*c.month_days)[day.day()];
  }
  const int weekday = (static_cast<int>(absl::GetWeekday(day)) + 1) % 7 + 1;
  return c.weekdays[weekday];
}

TEST(RotationScheduleTest, RandomCronMatchesBruteForce) {
  std::mt19937 rng(20240601);
  int checked = 0;
  for (int i = 0; i < 300; ++i) {
    const RandomCron c = MakeRandomCron(rng);
    const RotationRules rules = Expr(c.expression);
    const absl::Status valid = ValidateRotationRules(rules);
    if (!valid.ok()) {
      // Only the rarity rule may reject these expressions.
      EXPECT_EQ(valid.message(),
                "Secrets Manager does not support rotation schedules that "
                "are more than a year apart.")
          << c.expression;
      continue;
    }
    absl::Time t = Utc(2023 + rng() % 80, 1 + rng() % 12, 1 + rng() % 28,
                       rng() % 24, rng() % 60, rng() % 60);
    for (int n = 0; n < 4; ++n) {
      absl::CivilHour h = absl::ToCivilHour(t, absl::UTCTimeZone()) + 1;
      for (int limit = 0; limit < 367 * 24 && !Matches(c, h); ++limit) ++h;
      ASSERT_TRUE(Matches(c, h)) << c.expression;
      const absl::Time want = absl::FromCivil(h, absl::UTCTimeZone());
      ASSERT_EQ(NextRotationDate(rules, t), want)
          << c.expression << " after " << absl::FormatTime(t);
      t = want;
      ++checked;
    }
  }
  EXPECT_GT(checked, 600);
}

}  // namespace
}  // namespace secretstage::internal
