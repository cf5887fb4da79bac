// Clock-driven work: SecretStore::AdvanceClock and RunDueWork run the
// scheduled rotations (issue 3 "Scheduled rotation"; semantics.md §4.12
// RotationRules, §4.13) and end recovery windows (semantics.md §5,
// decisions.md "Deletion"), each at its own due time.
//
// NextRotationDate arithmetic itself (every cron form, leap years, ...) is
// tested in rotation_schedule_test.cc; here the store runs what it computes.
// Expected times are written from the rules (N days after the last
// rotation, the next matching cron hour), never copied from a run.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/events.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kLambda[] =
    "arn:aws:lambda:us-east-1:123456789012:function:rotator";

absl::Time Utc(int y, int mo, int d, int h = 0) {
  return absl::FromCivil(absl::CivilHour(y, mo, d, h), absl::UTCTimeZone());
}

model::RotationRules Days(int64_t n) { return {.automatically_after_days = n}; }
model::RotationRules Expr(std::string e, std::optional<std::string> d = {}) {
  return {.duration = std::move(d), .schedule_expression = std::move(e)};
}

absl::StatusOr<model::RotateSecretResponse> Rotate(
    CheckedStore& store, std::string id,
    std::optional<model::RotationRules> rules,
    std::optional<bool> immediately = {}) {
  auto r = store.raw().RotateSecret({.secret_id = std::move(id),
                                     .client_request_token = std::nullopt,
                                     .rotation_lambda_arn = kLambda,
                                     .rotation_rules = std::move(rules),
                                     .rotate_immediately = immediately});
  const absl::Status s = store.raw().CheckInvariants();
  EXPECT_TRUE(s.ok()) << "after RotateSecret: " << s;
  return r;
}

// AdvanceClock, then the invariants.
void Advance(CheckedStore& store, absl::Duration d) {
  ASSERT_OK(store.raw().AdvanceClock(d));
  const absl::Status s = store.raw().CheckInvariants();
  EXPECT_TRUE(s.ok()) << "after AdvanceClock: " << s;
}

// Rotation outcomes and deletions, with their secret and store-clock time.
class Outcomes {
 public:
  explicit Outcomes(SecretStore& store) : store_(&store) {
    id_ = store.Subscribe([this](const StoreEvent& e) {
      if (e.kind == EventKind::kRotationSucceeded ||
          e.kind == EventKind::kRotationFailed ||
          e.kind == EventKind::kSecretDeleted) {
        events_.push_back(e);
      }
    });
  }
  ~Outcomes() { store_->Unsubscribe(id_); }

  // Times of kRotationSucceeded events (of `arn`, if given).
  std::vector<absl::Time> Rotations(std::string_view arn = {}) const {
    std::vector<absl::Time> out;
    for (const StoreEvent& e : events_) {
      if (e.kind == EventKind::kRotationSucceeded &&
          (arn.empty() || e.secret_arn == arn)) {
        out.push_back(e.time);
      }
    }
    return out;
  }
  std::vector<StoreEvent> Of(EventKind kind) const {
    std::vector<StoreEvent> out;
    for (const StoreEvent& e : events_) {
      if (e.kind == kind) out.push_back(e);
    }
    return out;
  }
  const std::vector<StoreEvent>& all() const { return events_; }

 private:
  SecretStore* store_;
  uint64_t id_;
  std::vector<StoreEvent> events_;
};

// The version AWSCURRENT is on.
std::string CurrentVersion(CheckedStore& store, std::string_view id) {
  return Get(store, id).version_id;
}

// ---- Scheduled rotations
// ------------------------------------------------------

// Issue 3 "Scheduled rotation" and semantics.md §4.12 (RotationRules
// AutomaticallyAfterDays, NextRotationDate): nothing runs before
// NextRotationDate; advancing past it runs the rotation at that time, and
// DescribeSecret's LastRotatedDate / NextRotationDate follow.
TEST(ScheduledRotationTest, AutomaticallyAfterDaysRotatesAtNextRotationDate) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Days(30)));
  const absl::Time t0 = store.Now();
  const std::string first = CurrentVersion(store, "s");
  auto d = Describe(store, "s");
  EXPECT_EQ(d.last_rotated_date, t0);
  EXPECT_EQ(d.next_rotation_date, t0 + absl::Hours(24 * 30));

  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 30) - absl::Milliseconds(1));
  EXPECT_THAT(outcomes.Rotations(), IsEmpty());
  EXPECT_EQ(CurrentVersion(store, "s"), first);

  Advance(store, absl::Hours(24));
  EXPECT_THAT(outcomes.Rotations(), ElementsAre(t0 + absl::Hours(24 * 30)));
  const std::string second = CurrentVersion(store, "s");
  EXPECT_NE(second, first);
  EXPECT_EQ(Labels(store, "s")[first], (std::set<std::string>{"AWSPREVIOUS"}));
  EXPECT_EQ(Labels(store, "s")[second],
            (std::set<std::string>{"AWSCURRENT", "AWSPENDING"}));
  d = Describe(store, "s");
  EXPECT_EQ(d.last_rotated_date, t0 + absl::Hours(24 * 30));
  EXPECT_EQ(d.next_rotation_date, t0 + absl::Hours(24 * 60));
  EXPECT_EQ(d.rotation_enabled, true);
}

// Issue 3 "each at its own due time": one AdvanceClock over several periods
// runs every rotation, each at its due time (not at the end), in order.
TEST(ScheduledRotationTest, LongAdvanceRunsEveryDueRotationAtItsTime) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Days(7)));
  const absl::Time t0 = store.Now();
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 30));
  EXPECT_THAT(
      outcomes.Rotations(),
      ElementsAre(t0 + absl::Hours(24 * 7), t0 + absl::Hours(24 * 14),
                  t0 + absl::Hours(24 * 21), t0 + absl::Hours(24 * 28)));
  EXPECT_EQ(store.Now(), t0 + absl::Hours(24 * 30));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.last_rotated_date, t0 + absl::Hours(24 * 28));
  EXPECT_EQ(d.next_rotation_date, t0 + absl::Hours(24 * 35));
  // Five rotations in all, each a new version (the first by RotateSecret).
  EXPECT_EQ(AllVersions(store, "s").size(), 6u);
}

// rotation_schedule.h: rate(N hours) and rate(N days) schedules.
TEST(ScheduledRotationTest, RateExpressionsRotateAtTheirInterval) {
  CheckedStore store;
  const auto hourly = Create(store, "h", "x", Tok(1));
  const auto daily = Create(store, "d", "x", Tok(2));
  ASSERT_OK(Rotate(store, "h", Expr("rate(6 hours)")));
  ASSERT_OK(Rotate(store, "d", Expr("rate(10 days)")));
  const absl::Time t0 = store.Now();
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 20));
  std::vector<absl::Time> every_6h;
  for (int i = 1; i <= 4 * 20; ++i) every_6h.push_back(t0 + absl::Hours(6 * i));
  EXPECT_EQ(outcomes.Rotations(hourly.arn), every_6h);
  EXPECT_THAT(
      outcomes.Rotations(daily.arn),
      ElementsAre(t0 + absl::Hours(24 * 10), t0 + absl::Hours(24 * 20)));
  EXPECT_EQ(Describe(store, "h").next_rotation_date,
            t0 + absl::Hours(24 * 20 + 6));
}

// rotation_schedule.h: cron(...) rotates at the first matching whole UTC
// hour after the last rotation. The store clock starts on Monday
// 2024-01-01T00:00Z (ManualClock::DefaultStart); FRI at 16:00 is then
// 2024-01-05T16:00Z and every seven days after.
TEST(ScheduledRotationTest, CronExpressionRotatesOnMatchingHours) {
  CheckedStore store;
  ASSERT_EQ(store.Now(), Utc(2024, 1, 1));
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Expr("cron(0 16 ? * FRI *)")));
  EXPECT_EQ(Describe(store, "s").next_rotation_date, Utc(2024, 1, 5, 16));
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 21));
  EXPECT_THAT(outcomes.Rotations(),
              ElementsAre(Utc(2024, 1, 5, 16), Utc(2024, 1, 12, 16),
                          Utc(2024, 1, 19, 16)));
  for (absl::Time t : outcomes.Rotations()) {
    EXPECT_EQ(absl::GetWeekday(absl::ToCivilDay(t, absl::UTCTimeZone())),
              absl::Weekday::friday);
  }
  EXPECT_EQ(Describe(store, "s").next_rotation_date, Utc(2024, 1, 26, 16));
}

// semantics.md §4.7 RotationRules.Duration and rotation_schedule.h ("the fake
// uses ... the window start"): with a window, rotation runs at the start of
// each window; AutomaticallyAfterDays with a Duration is only range-checked.
TEST(ScheduledRotationTest, DurationWindowRotatesAtWindowStart) {
  CheckedStore store;
  Create(store, "c", "x", Tok(1));
  Create(store, "n", "x", Tok(2));
  ASSERT_OK(Rotate(store, "c", Expr("cron(0 10 * * ? *)", "3h")));
  model::RotationRules days = Days(2);
  days.duration = "4h";
  ASSERT_OK(Rotate(store, "n", days));
  const absl::Time t0 = store.Now();
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 3));
  EXPECT_THAT(outcomes.Rotations(Describe(store, "c").arn),
              ElementsAre(Utc(2024, 1, 1, 10), Utc(2024, 1, 2, 10),
                          Utc(2024, 1, 3, 10)));
  EXPECT_THAT(outcomes.Rotations(Describe(store, "n").arn),
              ElementsAre(t0 + absl::Hours(48)));
  EXPECT_EQ(Describe(store, "c").rotation_rules,
            Expr("cron(0 10 * * ? *)", "3h"));
}

// rotation_schedule.h ValidateRotationRules (window into the next UTC day,
// message inferred): RotateSecret rejects the rules and saves nothing, so
// nothing is ever scheduled.
TEST(ScheduledRotationTest, WindowIntoNextDayIsRejectedAndNothingScheduled) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EXPECT_AWS_ERROR_UNCHANGED(
      store, Rotate(store, "s", Expr("cron(0 22 * * ? *)", "3h")),
      "InvalidParameterException",
      "The rotation window can't extend into the next UTC day.");
  const auto d = Describe(store, "s");
  EXPECT_FALSE(d.rotation_enabled.has_value());
  EXPECT_FALSE(d.next_rotation_date.has_value());
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 5));
  EXPECT_THAT(outcomes.all(), IsEmpty());
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
}

// semantics.md §11.54 and §4.12 (RotateImmediately=false: nothing rotates
// now, "NextRotationDate" is set, no LastRotatedDate; LS-HIST 63ea482a0
// describe_secret_rotated_1): the first real rotation is the scheduled one.
TEST(ScheduledRotationTest,
     RotateImmediatelyFalseRotatesFirstAtNextRotationDate) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Days(1), /*immediately=*/false));
  const absl::Time t0 = store.Now();
  auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_FALSE(d.last_rotated_date.has_value());
  EXPECT_EQ(d.next_rotation_date, t0 + absl::Hours(24));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));

  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24));
  EXPECT_THAT(outcomes.Rotations(), ElementsAre(t0 + absl::Hours(24)));
  EXPECT_NE(CurrentVersion(store, "s"), Tok(1));
  EXPECT_EQ(Labels(store, "s")[Tok(1)], (std::set<std::string>{"AWSPREVIOUS"}));
  d = Describe(store, "s");
  EXPECT_EQ(d.last_rotated_date, t0 + absl::Hours(24));
  EXPECT_EQ(d.next_rotation_date, t0 + absl::Hours(48));
}

// Issue 3 "Scheduled rotation": the scheduler rotates as AWS does, with the
// stored Lambda's handler (a registered one here) and the secret's ARN.
TEST(ScheduledRotationTest, ScheduledRotationRunsTheRegisteredHandler) {
  CheckedStore store;
  const auto created = Create(store, "s", "x", Tok(1));
  std::vector<std::pair<std::string, absl::Time>> steps;
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore& raw, const SecretStore::RotationStep& step) {
        EXPECT_EQ(step.secret_id, created.arn);
        steps.emplace_back(step.step, raw.clock().Now());
        return absl::OkStatus();
      });
  ASSERT_OK(Rotate(store, "s", Days(3), /*immediately=*/false));
  const absl::Time due = store.Now() + absl::Hours(72);
  steps.clear();  // RotateImmediately=false ran testSecret
  Advance(store, absl::Hours(100));
  EXPECT_THAT(steps, ElementsAre(std::pair{std::string("createSecret"), due},
                                 std::pair{std::string("setSecret"), due},
                                 std::pair{std::string("testSecret"), due},
                                 std::pair{std::string("finishSecret"), due}));
}

// rotation_ops.cc / scheduler.cc (decisions.md "Rotation": a failed rotation
// is recorded and the next one is "A previous rotation isn't complete"): a
// scheduled rotation that fails leaves AWSPENDING; the next due attempt is
// blocked and recorded, and the schedule goes on; once AWSPENDING is
// cleaned up the next due rotation succeeds.
TEST(ScheduledRotationTest, FailedScheduledRotationBlocksUntilCleanedUp) {
  CheckedStore store;
  const auto created = Create(store, "s", "x", Tok(1));
  bool fail = true;
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore& raw, const SecretStore::RotationStep& step) {
        if (step.step == "createSecret") {
          return raw
              .PutSecretValue(
                  PutRequest(step.secret_id, "new", step.client_request_token,
                             std::vector<std::string>{"AWSPENDING"}))
              .status();
        }
        if (step.step == "testSecret" && fail) {
          return absl::PermissionDeniedError("login failed");
        }
        if (step.step == "finishSecret") {
          auto d = raw.DescribeSecret({step.secret_id});
          if (!d.ok()) return d.status();
          std::string current;
          for (const auto& [v, stages] : d->version_ids_to_stages) {
            for (const auto& l : stages) {
              if (l == "AWSCURRENT") current = v;
            }
          }
          return raw
              .UpdateSecretVersionStage(StageRequest(step.secret_id,
                                                     "AWSCURRENT", current,
                                                     step.client_request_token))
              .status();
        }
        return absl::OkStatus();
      });
  fail = false;
  ASSERT_OK(Rotate(store, "s", Days(1)));
  const absl::Time t0 = store.Now();
  const std::string first = CurrentVersion(store, "s");
  fail = true;
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 2));
  const auto failed = outcomes.Of(EventKind::kRotationFailed);
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0].time, t0 + absl::Hours(24));
  EXPECT_EQ(failed[0].detail, "login failed");
  EXPECT_EQ(failed[1].time, t0 + absl::Hours(48));
  EXPECT_EQ(failed[1].detail,
            "A previous rotation isn't complete. That rotation will be "
            "reattempted.");
  EXPECT_EQ(failed[1].secret_arn, created.arn);
  EXPECT_THAT(outcomes.Rotations(), IsEmpty());
  EXPECT_EQ(CurrentVersion(store, "s"), first);
  const std::string stuck = failed[0].version_id;
  EXPECT_EQ(Labels(store, "s")[stuck], (std::set<std::string>{"AWSPENDING"}));
  EXPECT_EQ(Describe(store, "s").next_rotation_date, t0 + absl::Hours(72));

  fail = false;
  Move(store, "s", "AWSPENDING", stuck, std::nullopt);
  Advance(store, absl::Hours(24));
  EXPECT_THAT(outcomes.Rotations(), ElementsAre(t0 + absl::Hours(72)));
  const std::string now_current = CurrentVersion(store, "s");
  EXPECT_NE(now_current, first);
  EXPECT_NE(now_current, stuck);
  EXPECT_EQ(Labels(store, "s")[first], (std::set<std::string>{"AWSPREVIOUS"}));
}

// semantics.md §4.13 [MODEL]: CancelRotateSecret turns automatic rotation
// off -- the schedule stops -- but keeps RotationLambdaARN and RotationRules,
// and leaves the labels as they are. RotateSecret turns it back on and the
// schedule restarts from that rotation.
TEST(ScheduledRotationTest, CancelStopsScheduleKeepsArnRulesAndLabels) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Days(5)));
  const LabelMap labels = Labels(store, "s");
  ASSERT_OK(store.raw().CancelRotateSecret({"s"}));
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 30));
  EXPECT_THAT(outcomes.all(), IsEmpty());
  EXPECT_EQ(Labels(store, "s"), labels);
  auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, false);
  EXPECT_EQ(d.rotation_lambda_arn, kLambda);
  EXPECT_EQ(d.rotation_rules, Days(5));
  EXPECT_FALSE(d.next_rotation_date.has_value());

  ASSERT_OK(Rotate(store, "s", std::nullopt));
  const absl::Time restarted = store.Now();
  Advance(store, absl::Hours(24 * 5));
  EXPECT_THAT(outcomes.Rotations(),
              ElementsAre(restarted, restarted + absl::Hours(24 * 5)));
}

// scheduler.cc ("Entries may be stale"): a manual RotateSecret reschedules
// from its own time; the earlier due time no longer rotates.
TEST(ScheduledRotationTest, ManualRotationMovesTheSchedule) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Days(10)));
  Advance(store, absl::Hours(24 * 4));
  ASSERT_OK(Rotate(store, "s", std::nullopt));
  const absl::Time manual = store.Now();
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 10));
  EXPECT_THAT(outcomes.Rotations(), ElementsAre(manual + absl::Hours(24 * 10)));
}

// Issue 3 "in time order": rotations of several secrets interleave by due
// time; at equal times the order is fixed (by name), so runs reproduce.
TEST(ScheduledRotationTest, SchedulesOfSeveralSecretsInterleaveInTimeOrder) {
  CheckedStore store;
  const auto a = Create(store, "a", "x", Tok(1));
  Create(store, "b", "x", Tok(2));
  ASSERT_OK(Rotate(store, "b", Days(3)));
  ASSERT_OK(Rotate(store, "a", Days(2)));
  const absl::Time t0 = store.Now();
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 6));
  std::vector<std::pair<std::string, absl::Time>> order;
  for (const StoreEvent& e : outcomes.Of(EventKind::kRotationSucceeded)) {
    order.emplace_back(e.secret_arn == a.arn ? "a" : "b", e.time);
  }
  const auto day = [&](int n) { return t0 + absl::Hours(24 * n); };
  EXPECT_THAT(order, ElementsAre(std::pair{std::string("a"), day(2)},
                                 std::pair{std::string("b"), day(3)},
                                 std::pair{std::string("a"), day(4)},
                                 std::pair{std::string("a"), day(6)},
                                 std::pair{std::string("b"), day(6)}));
}

// secret_store.h RunDueWork: for a store whose clock moves by itself, the
// due work runs when asked, at the current time, and the count is returned.
TEST(ScheduledRotationTest, RunDueWorkRunsOverdueRotationsNow) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Days(1)));
  store.clock().Advance(absl::Hours(24 * 3 + 5));  // no due work run yet
  Outcomes outcomes(store.raw());
  EXPECT_EQ(store.raw().RunDueWork(), 1);
  EXPECT_THAT(outcomes.Rotations(), ElementsAre(store.Now()));
  EXPECT_EQ(store.raw().RunDueWork(), 0);
  EXPECT_EQ(Describe(store, "s").next_rotation_date,
            store.Now() + absl::Hours(24));
}

// secret_store.h AdvanceClock: only a ManualClock can be advanced; time
// never goes backwards.
TEST(ScheduledRotationTest, AdvanceClockNeedsManualClockAndForwardTime) {
  SecretStore real_clock_store;
  const absl::Status s = real_clock_store.AdvanceClock(absl::Hours(1));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << s;
  CheckedStore store;
  const absl::Time before = store.Now();
  EXPECT_EQ(store.raw().AdvanceClock(-absl::Seconds(1)).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store.Now(), before);
}

// ---- Deletion by the clock
// ---------------------------------------------------

// decisions.md "Deletion": when the clock passes DeletionDate the secret is
// gone for every operation (ResourceNotFoundException), its name is free,
// and a re-created secret gets a new ARN suffix (semantics.md §3).
TEST(ScheduledDeletionTest,
     AdvancingPastDeletionDateRemovesSecretAndFreesName) {
  CheckedStore store;
  const auto first = Create(store, "s", "x", Tok(1));
  auto deleted = store.DeleteSecret({.secret_id = "s",
                                     .recovery_window_in_days = 7,
                                     .force_delete_without_recovery = {}});
  ASSERT_OK(deleted);
  EXPECT_EQ(deleted->deletion_date, store.Now() + absl::Hours(24 * 7));
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 7) - absl::Milliseconds(1));
  EXPECT_EQ(Describe(store, "s").deleted_date, deleted->deletion_date);
  EXPECT_THAT(outcomes.all(), IsEmpty());

  Advance(store, absl::Hours(1));
  ASSERT_EQ(outcomes.Of(EventKind::kSecretDeleted).size(), 1u);
  EXPECT_EQ(outcomes.all()[0].time, deleted->deletion_date);
  EXPECT_AWS_ERROR(store.DescribeSecret({"s"}), "ResourceNotFoundException",
                   kSecretNotFound);
  EXPECT_AWS_ERROR(store.DescribeSecret({first.arn}),
                   "ResourceNotFoundException", kSecretNotFound);
  EXPECT_AWS_ERROR(store.RestoreSecret({"s"}), "ResourceNotFoundException",
                   kSecretNotFound);
  auto listed = store.raw().ListSecrets({.include_planned_deletion = true});
  ASSERT_OK(listed);
  EXPECT_THAT(listed->secret_list, IsEmpty());

  const auto second = Create(store, "s", "y", Tok(2));
  EXPECT_NE(second.arn, first.arn);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(2), {"AWSCURRENT"}}}));
}

// semantics.md §4.11 / §5 (verified, LS test_secret_restore): inside the
// recovery window RestoreSecret brings the secret back unchanged, and the
// old DeletionDate passing no longer deletes it.
TEST(ScheduledDeletionTest, RestoreInsideRecoveryWindowCancelsTheDeletion) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  const LabelMap labels = Labels(store, "s");
  ASSERT_OK(store.DeleteSecret({.secret_id = "s",
                                .recovery_window_in_days = 10,
                                .force_delete_without_recovery = {}}));
  Advance(store, absl::Hours(24 * 9));
  ASSERT_OK(store.RestoreSecret({"s"}));
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 30));
  EXPECT_THAT(outcomes.all(), IsEmpty());
  EXPECT_EQ(Labels(store, "s"), labels);
  EXPECT_EQ(Get(store, "s").secret_string, "y");
  EXPECT_FALSE(Describe(store, "s").deleted_date.has_value());
}

// decisions.md "Deletion": deleting again after a restore sets a new
// DeletionDate; the secret goes at that one, not the first.
TEST(ScheduledDeletionTest, SecondDeletionUsesItsOwnDeletionDate) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(store.DeleteSecret({.secret_id = "s",
                                .recovery_window_in_days = 7,
                                .force_delete_without_recovery = {}}));
  const absl::Time first_date = *Describe(store, "s").deleted_date;
  ASSERT_OK(store.RestoreSecret({"s"}));
  Advance(store, absl::Hours(24));
  auto again = store.DeleteSecret({.secret_id = "s",
                                   .recovery_window_in_days = 30,
                                   .force_delete_without_recovery = {}});
  ASSERT_OK(again);
  Outcomes outcomes(store.raw());
  Advance(store, first_date - store.Now() + absl::Hours(1));
  EXPECT_THAT(outcomes.all(), IsEmpty());
  EXPECT_EQ(Describe(store, "s").deleted_date, again->deletion_date);
  Advance(store, again->deletion_date - store.Now());
  ASSERT_EQ(outcomes.all().size(), 1u);
  EXPECT_EQ(outcomes.all()[0].time, again->deletion_date);
  EXPECT_AWS_ERROR(store.DescribeSecret({"s"}), "ResourceNotFoundException",
                   kSecretNotFound);
}

// scheduler.cc ("restored, force-deleted or re-created since") and
// decisions.md "Deletion" (a re-created secret is a new secret): when the
// name was taken again before the due work ran, the new secret stays.
TEST(ScheduledDeletionTest, RecreatedSecretIsNotDeletedByTheOldSchedule) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  auto deleted = store.DeleteSecret({.secret_id = "s",
                                     .recovery_window_in_days = 7,
                                     .force_delete_without_recovery = {}});
  ASSERT_OK(deleted);
  // Time passes without the due work running (as on a RealClock).
  store.clock().Set(deleted->deletion_date + absl::Hours(1));
  const auto again = Create(store, "s", "new", Tok(2));
  EXPECT_EQ(store.raw().RunDueWork(), 0);
  EXPECT_EQ(Describe(store, "s").arn, again.arn);
  EXPECT_EQ(Get(store, "s").secret_string, "new");
}

// decisions.md "Deletion" (only DescribeSecret, ListSecretVersionIds and
// RestoreSecret work while scheduled) applied to the scheduler: a rotation
// that falls due while the secret is scheduled for deletion does not run;
// once restored, the schedule goes on.
TEST(ScheduledDeletionTest,
     NoRotationWhileScheduledAndScheduleResumesAfterRestore) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, "s", Days(1)));
  const absl::Time t0 = store.Now();
  const LabelMap labels = Labels(store, "s");
  ASSERT_OK(store.DeleteSecret({.secret_id = "s",
                                .recovery_window_in_days = 7,
                                .force_delete_without_recovery = {}}));
  Outcomes outcomes(store.raw());
  Advance(store, absl::Hours(24 * 3) + absl::Hours(1));
  EXPECT_THAT(outcomes.Rotations(), IsEmpty());
  EXPECT_EQ(Labels(store, "s"), labels);
  // Each due attempt is refused as RotateSecret would be, and recorded
  // (inferred: AWS's behaviour here is unobserved).
  using Refusal = std::pair<absl::Time, std::string>;
  std::vector<Refusal> refused;
  for (const StoreEvent& e : outcomes.Of(EventKind::kRotationFailed)) {
    refused.emplace_back(e.time, e.detail);
  }
  EXPECT_THAT(refused,
              ElementsAre(Refusal{t0 + absl::Hours(24), kMarkedForDeletion},
                          Refusal{t0 + absl::Hours(48), kMarkedForDeletion},
                          Refusal{t0 + absl::Hours(72), kMarkedForDeletion}));
  ASSERT_OK(store.RestoreSecret({"s"}));
  Advance(store, absl::Hours(24));
  EXPECT_THAT(outcomes.Rotations(), ElementsAre(t0 + absl::Hours(24 * 4)));
  EXPECT_EQ(Describe(store, "s").next_rotation_date, t0 + absl::Hours(24 * 5));
}

}  // namespace
}  // namespace secretstage::test
