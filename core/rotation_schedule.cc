// RotationRules validation and next-rotation-date arithmetic. Sources and the
// supported grammar are listed in rotation_schedule.h.
#include "core/rotation_schedule.h"

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "core/absl_compat.h"
#include "core/errors.h"
#include "core/validation.h"
#include "model/error_code.h"

namespace secretstage::internal {
namespace {

// InvalidParameterException messages. Only kBothSchedules was observed on
// AWS [ISS hashicorp/terraform-provider-aws#33329]; every other wording is
// inferred (I).
constexpr std::string_view kBothSchedules =
    "You cannot specify both rotation frequency and schedule expression "
    "together.";
constexpr std::string_view kNoSchedule =
    "You must specify either AutomaticallyAfterDays or ScheduleExpression in "
    "RotationRules.";
constexpr std::string_view kDurationRange =
    "The rotation window Duration must be between 1h and 24h.";
constexpr std::string_view kWindowPastDay =
    "The rotation window can't extend into the next UTC day.";
constexpr std::string_view kWindowOverlap =
    "The rotation window can't extend into the next rotation window.";
constexpr std::string_view kNotRateOrCron =
    "The ScheduleExpression must be a rate() or cron() expression.";
constexpr std::string_view kRateForm =
    "A rate() expression must have the form rate(Value Unit), where Value is "
    "a positive integer and Unit is hour, hours, day or days.";
constexpr std::string_view kRateTooOften =
    "You can rotate a secret as often as every four hours, so a rate() "
    "expression must be at least rate(4 hours).";
constexpr std::string_view kRateTooLong =
    "The maximum rotation period of a rate() expression is 999 days.";
constexpr std::string_view kCronFieldCount =
    "A cron() expression must have six fields: Minutes Hours Day-of-month "
    "Month Day-of-week Year.";
constexpr std::string_view kCronMinutes =
    "The Minutes field of a cron() expression must be 0.";
constexpr std::string_view kCronYear =
    "The Year field of a cron() expression must be *.";
constexpr std::string_view kCronQuestionMark =
    "A cron() expression must have ? in exactly one of the Day-of-month and "
    "Day-of-week fields.";
constexpr std::string_view kCronTooOften =
    "You can rotate a secret as often as every four hours, so the hours of a "
    "cron() expression must be at least 4 hours apart.";
constexpr std::string_view kCronTooRare =
    "Secrets Manager does not support rotation schedules that are more than a "
    "year apart.";

constexpr int64_t kMaxRateHours = 999 * 24;
// Day steps NextCron() may take. A validated cron fires at least once in any
// 367 days, which takes at most 13 month jumps and 13 * 31 day steps.
constexpr int kMaxSearchSteps = 2000;

absl::Status InvalidParameter(std::string_view message) {
  return AwsError(model::ErrorCode::kInvalidParameterException, message);
}

// A decimal number of 1..max_digits digits, nothing else.
std::optional<int64_t> ParseNumber(std::string_view s, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  int64_t value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// `s` split at every `sep`; with skip_empty, empty pieces are dropped.
std::vector<std::string_view> Split(std::string_view s, char sep,
                                    bool skip_empty = false) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t end = s.find(sep);
    const std::string_view part = s.substr(0, end);
    if (!skip_empty || !part.empty()) parts.push_back(part);
    if (end == std::string_view::npos) return parts;
    s.remove_prefix(end + 1);
  }
}

// ---- Parsed schedules -------------------------------------------------------

struct Rate {
  int64_t hours;  // the interval
  bool in_hours;  // rate(N hour[s]) rather than rate(N day[s])
};

// Bit sets: bit v is set when value v matches.
struct Cron {
  uint32_t hours = 0;   // 0..23
  uint32_t months = 0;  // 1..12
  // Exactly one of the two day fields is `?`.
  bool by_day_of_month = true;
  uint32_t month_days = 0;         // 1..31
  bool last_day_of_month = false;  // `L`
  uint32_t weekdays = 0;           // 1 = SUN .. 7 = SAT
  int weekday = 0;                 // with nth or last_weekday: 1..7
  int nth = 0;                     // `<weekday>#<nth>`, 1..5
  bool last_weekday = false;       // `<weekday>L`
};

using Schedule = std::variant<Rate, Cron>;

// ---- Calendar helpers (UTC, absl civil time) --------------------------------

int DaysInMonth(absl::CivilDay d) {
  return (absl::CivilDay(absl::CivilMonth(d) + 1) - 1).day();
}

// 1 = Sunday .. 7 = Saturday, the cron numbering. absl::Weekday runs from
// monday (0) to sunday (6).
int CronWeekday(absl::CivilDay d) {
  return (static_cast<int>(absl::GetWeekday(d)) + 1) % 7 + 1;
}

bool DayMatches(const Cron& c, absl::CivilDay d) {
  if (c.by_day_of_month) {
    return c.last_day_of_month ? d.day() == DaysInMonth(d)
                               : ((c.month_days >> d.day()) & 1) != 0;
  }
  const int weekday = CronWeekday(d);
  if (c.nth != 0) return weekday == c.weekday && (d.day() - 1) / 7 + 1 == c.nth;
  if (c.last_weekday) {
    return weekday == c.weekday && d.day() + 7 > DaysInMonth(d);
  }
  return ((c.weekdays >> weekday) & 1) != 0;
}

// Smallest distance between two selected hours of a day; 24 for one hour.
int MinHourGap(uint32_t hours) {
  int gap = 24;
  int previous = -1;
  for (int h = 0; h < 24; ++h) {
    if (((hours >> h) & 1) == 0) continue;
    if (previous >= 0 && h - previous < gap) gap = h - previous;
    previous = h;
  }
  return gap;
}

// Whether consecutive rotations are never more than 366 days apart.
bool FiresAtLeastYearly(const Cron& c) {
  // Days 1..28, a last day and weekdays up to the 4th occur in every month.
  constexpr uint32_t kDays1To28 = ((1u << 29) - 1) & ~1u;
  if (c.by_day_of_month ? c.last_day_of_month || (c.month_days & kDays1To28)
                        : c.nth != 5) {
    return c.months != 0;
  }
  // Otherwise only days 29..31 can match. Walk two 28-year cycles (the
  // weekday and leap pattern of 1901..2099 repeats every 28 years), so that
  // every gap is seen.
  std::optional<absl::CivilDay> previous;
  for (absl::CivilMonth m(2000, 1); m < absl::CivilMonth(2056, 1); ++m) {
    if (((c.months >> m.month()) & 1) == 0) continue;
    for (absl::CivilDay d = absl::CivilDay(m) + 28; absl::CivilMonth(d) == m;
         ++d) {
      if (!DayMatches(c, d)) continue;
      if (previous && d - *previous > 366) return false;
      previous = d;
    }
  }
  return previous.has_value();
}

absl::Time NextCron(const Cron& c, absl::Time after) {
  if (after == absl::InfiniteFuture()) return after;
  const absl::TimeZone utc = absl::UTCTimeZone();
  // Minutes are always 0: the first candidate is the next whole hour.
  const absl::CivilHour first = absl::ToCivilHour(after, utc) + 1;
  absl::CivilDay day(first);
  int min_hour = first.hour();
  for (int step = 0; step < kMaxSearchSteps; ++step) {
    if (((c.months >> day.month()) & 1) == 0) {
      day = absl::CivilDay(absl::CivilMonth(day) + 1);
      min_hour = 0;
      continue;
    }
    if (DayMatches(c, day)) {
      const uint32_t hours = c.hours >> min_hour << min_hour;
      if (hours != 0) {
        return absl::FromCivil(absl::CivilHour(day) + std::countr_zero(hours),
                               utc);
      }
    }
    ++day;
    min_hour = 0;
  }
  return absl::InfiniteFuture();
}

// ---- Parsing ----------------------------------------------------------------

struct Field {
  std::string_view name;  // as in the AWS docs, for messages
  int lo;
  int hi;
  const std::string_view* names;  // names[i] stands for lo + i; or nullptr
};

constexpr std::string_view kMonthNames[] = {"JAN", "FEB", "MAR", "APR",
                                            "MAY", "JUN", "JUL", "AUG",
                                            "SEP", "OCT", "NOV", "DEC"};
constexpr std::string_view kDayNames[] = {"SUN", "MON", "TUE", "WED",
                                          "THU", "FRI", "SAT"};
constexpr Field kHoursField = {"Hours", 0, 23, nullptr};
constexpr Field kDayOfMonthField = {"Day-of-month", 1, 31, nullptr};
constexpr Field kMonthField = {"Month", 1, 12, kMonthNames};
constexpr Field kDayOfWeekField = {"Day-of-week", 1, 7, kDayNames};

absl::Status FieldError(const Field& field, std::string_view value) {
  return InvalidParameter(absl::StrCat("The ", Sv(field.name),
                                       " field of the cron() expression has "
                                       "an unsupported value: ",
                                       Sv(value), "."));
}

std::optional<int> ParseValue(std::string_view s, const Field& f) {
  if (f.names != nullptr) {
    for (int i = 0; i <= f.hi - f.lo; ++i) {
      if (s == f.names[i]) return f.lo + i;
    }
  }
  const std::optional<int64_t> n = ParseNumber(s, 2);
  if (!n || *n < f.lo || *n > f.hi) return std::nullopt;
  return static_cast<int>(*n);
}

// A comma-separated list of `*`, `v` or `a-b` (a <= b), each optionally with
// an increment `/step`; `v/step` runs to the end of the field. In Hours, `/n`
// alone means `0/n`. Upper-case input.
std::optional<uint32_t> ParseList(std::string_view text, const Field& f) {
  uint32_t bits = 0;
  for (std::string_view item : Split(text, ',')) {
    int step = 1;
    const size_t slash = item.find('/');
    const bool has_step = slash != std::string_view::npos;
    if (has_step) {
      const std::optional<int64_t> n = ParseNumber(item.substr(slash + 1), 2);
      if (!n || *n < 1) return std::nullopt;
      step = static_cast<int>(*n);
      item = item.substr(0, slash);
    }
    int start = f.lo;
    int end = f.hi;
    if (item == "*" || (item.empty() && has_step && &f == &kHoursField)) {
      // The whole field.
    } else if (const size_t dash = item.find('-');
               dash != std::string_view::npos) {
      const std::optional<int> a = ParseValue(item.substr(0, dash), f);
      const std::optional<int> b = ParseValue(item.substr(dash + 1), f);
      if (!a || !b || *a > *b) return std::nullopt;
      start = *a;
      end = *b;
    } else {
      const std::optional<int> v = ParseValue(item, f);
      if (!v) return std::nullopt;
      start = *v;
      end = has_step ? f.hi : *v;
    }
    for (int v = start; v <= end; v += step) bits |= 1u << v;
  }
  return bits;
}

// Day-of-month when Day-of-week is `?`: `L` or a list.
absl::Status ParseDayOfMonth(std::string_view text, Cron& c) {
  c.by_day_of_month = true;
  if (text == "L") {
    c.last_day_of_month = true;
    return absl::OkStatus();
  }
  const std::optional<uint32_t> days = ParseList(text, kDayOfMonthField);
  if (!days) return FieldError(kDayOfMonthField, text);
  c.month_days = *days;
  return absl::OkStatus();
}

// Day-of-week when Day-of-month is `?`: `L`, `<day>L`, `<day>#<n>` or a list.
absl::Status ParseDayOfWeek(std::string_view text, Cron& c) {
  c.by_day_of_month = false;
  if (text == "L") {
    c.weekdays = 1u << 7;  // the last day of the week: SAT
    return absl::OkStatus();
  }
  if (const size_t hash = text.find('#'); hash != std::string_view::npos) {
    const std::optional<int> day =
        ParseValue(text.substr(0, hash), kDayOfWeekField);
    const std::optional<int64_t> nth = ParseNumber(text.substr(hash + 1), 1);
    if (!day || !nth || *nth < 1 || *nth > 5) {
      return FieldError(kDayOfWeekField, text);
    }
    c.weekday = *day;
    c.nth = static_cast<int>(*nth);
    return absl::OkStatus();
  }
  if (text.size() >= 2 && text.back() == 'L') {
    const std::optional<int> day =
        ParseValue(text.substr(0, text.size() - 1), kDayOfWeekField);
    if (!day) return FieldError(kDayOfWeekField, text);
    c.weekday = *day;
    c.last_weekday = true;
    return absl::OkStatus();
  }
  const std::optional<uint32_t> days = ParseList(text, kDayOfWeekField);
  if (!days) return FieldError(kDayOfWeekField, text);
  c.weekdays = *days;
  return absl::OkStatus();
}

// `inner` is what is between "cron(" and ")".
absl::StatusOr<Schedule> ParseCron(std::string_view inner) {
  const std::vector<std::string_view> raw = Split(inner, ' ', true);
  if (raw.size() != 6) return InvalidParameter(kCronFieldCount);
  std::vector<std::string> fields;
  for (std::string_view f : raw) {
    fields.push_back(absl::AsciiStrToUpper(Sv(f)));
  }
  if (fields[0] != "0") return InvalidParameter(kCronMinutes);
  if (fields[5] != "*") return InvalidParameter(kCronYear);
  Cron c;
  const std::optional<uint32_t> hours = ParseList(fields[1], kHoursField);
  if (!hours) return FieldError(kHoursField, fields[1]);
  c.hours = *hours;
  const std::optional<uint32_t> months = ParseList(fields[3], kMonthField);
  if (!months) return FieldError(kMonthField, fields[3]);
  c.months = *months;
  const bool dom_any = fields[2] == "?";
  const bool dow_any = fields[4] == "?";
  if (dom_any == dow_any) return InvalidParameter(kCronQuestionMark);
  const absl::Status days =
      dow_any ? ParseDayOfMonth(fields[2], c) : ParseDayOfWeek(fields[4], c);
  if (!days.ok()) return days;
  if (MinHourGap(c.hours) < 4) return InvalidParameter(kCronTooOften);
  return c;
}

// `inner` is what is between "rate(" and ")".
absl::StatusOr<Schedule> ParseRate(std::string_view inner) {
  const size_t space = inner.find(' ');
  if (space == std::string_view::npos) return InvalidParameter(kRateForm);
  const std::optional<int64_t> value = ParseNumber(inner.substr(0, space), 9);
  const std::string_view unit = inner.substr(space + 1);
  const bool in_hours = unit == "hour" || unit == "hours";
  if (!value || *value == 0 || (!in_hours && unit != "day" && unit != "days")) {
    return InvalidParameter(kRateForm);
  }
  if (in_hours && *value < 4) return InvalidParameter(kRateTooOften);
  const int64_t hours = in_hours ? *value : *value * 24;
  if (hours > kMaxRateHours) return InvalidParameter(kRateTooLong);
  return Rate{hours, in_hours};
}

// Syntax and frequency of a ScheduleExpression; not the rarity check.
absl::StatusOr<Schedule> ParseSchedule(std::string_view expr) {
  const auto inner = [&](std::string_view prefix) {
    return expr.substr(prefix.size(), expr.size() - prefix.size() - 1);
  };
  if (!expr.empty() && expr.back() == ')') {
    if (expr.starts_with("rate(")) return ParseRate(inner("rate("));
    if (expr.starts_with("cron(")) return ParseCron(inner("cron("));
  }
  return InvalidParameter(kNotRateOrCron);
}

// The Duration window against the schedule it opens on.
absl::Status CheckWindow(const Schedule& schedule, int window_hours) {
  if (const Rate* rate = std::get_if<Rate>(&schedule)) {
    // Hourly rate windows open every `hours`; daily ones at midnight.
    if (rate->in_hours && window_hours > rate->hours) {
      return InvalidParameter(kWindowOverlap);
    }
    return absl::OkStatus();
  }
  const Cron& cron = std::get<Cron>(schedule);
  const int latest_start = 31 - std::countl_zero(cron.hours);
  if (latest_start + window_hours > 24) return InvalidParameter(kWindowPastDay);
  if (window_hours > MinHourGap(cron.hours)) {
    return InvalidParameter(kWindowOverlap);
  }
  return absl::OkStatus();
}

bool IsScheduleExpressionChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("()#?*-/, ").find(c) != std::string_view::npos;
}

// Makes ConstraintChecker::Charset() report a value as not matching.
bool NoChar(char) { return false; }

// `[0-9]+h`, the whole string.
bool IsDurationPattern(std::string_view s) {
  return s.size() >= 2 && s.back() == 'h' &&
         ParseNumber(s.substr(0, s.size() - 1), s.size()).has_value();
}

}  // namespace

void CheckRotationRulesConstraints(ConstraintChecker& checker,
                                   const model::RotationRules& rules) {
  if (rules.automatically_after_days) {
    checker.Range("rotationRules.automaticallyAfterDays",
                  *rules.automatically_after_days, 1, 1000);
  }
  if (rules.duration) {
    const std::string& d = *rules.duration;
    checker.Length("rotationRules.duration", d, 2, 3);
    if (!d.empty() && !IsDurationPattern(d)) {
      checker.Charset("rotationRules.duration", d, "[0-9]+h", &NoChar);
    }
  }
  if (rules.schedule_expression) {
    const std::string& e = *rules.schedule_expression;
    checker.Length("rotationRules.scheduleExpression", e, 1, 256);
    checker.Charset("rotationRules.scheduleExpression", e,
                    "[0-9A-Za-z\\(\\)#\\?\\*\\-\\/, ]+",
                    &IsScheduleExpressionChar);
  }
}

namespace {

// ValidateRotationRules' checks after the model constraints.
absl::Status ValidateRotationRulesSemantics(const model::RotationRules& rules) {
  if (rules.automatically_after_days && rules.schedule_expression) {
    return InvalidParameter(kBothSchedules);
  }
  if (!rules.automatically_after_days && !rules.schedule_expression) {
    return InvalidParameter(kNoSchedule);
  }
  std::optional<int> window_hours;
  if (rules.duration) {
    const std::string& d = *rules.duration;
    const int64_t hours =
        *ParseNumber(std::string_view(d).substr(0, d.size() - 1), d.size());
    if (hours < 1 || hours > 24) return InvalidParameter(kDurationRange);
    window_hours = static_cast<int>(hours);
  }
  if (!rules.schedule_expression) return absl::OkStatus();

  const absl::StatusOr<Schedule> schedule =
      ParseSchedule(*rules.schedule_expression);
  if (!schedule.ok()) return schedule.status();
  if (const Cron* cron = std::get_if<Cron>(&*schedule);
      cron != nullptr && !FiresAtLeastYearly(*cron)) {
    return InvalidParameter(kCronTooRare);
  }
  if (window_hours) return CheckWindow(*schedule, *window_hours);
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateRotationRules(const model::RotationRules& rules) {
  ConstraintChecker checker;
  CheckRotationRulesConstraints(checker, rules);
  if (absl::Status s = checker.ToStatus(); !s.ok()) return s;
  return ValidateRotationRulesSemantics(rules);
}

absl::Time NextRotationDate(const model::RotationRules& rules,
                            absl::Time last_rotation_or_now) {
  if (rules.schedule_expression.value_or("").empty()) {
    if (!rules.automatically_after_days ||
        *rules.automatically_after_days < 1) {
      return absl::InfiniteFuture();
    }
    return last_rotation_or_now +
           absl::Hours(24) * *rules.automatically_after_days;
  }
  const absl::StatusOr<Schedule> schedule =
      ParseSchedule(*rules.schedule_expression);
  if (!schedule.ok()) return absl::InfiniteFuture();
  if (const Rate* rate = std::get_if<Rate>(&*schedule)) {
    return last_rotation_or_now + absl::Hours(rate->hours);
  }
  return NextCron(std::get<Cron>(*schedule), last_rotation_or_now);
}

}  // namespace secretstage::internal
