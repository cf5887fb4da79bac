// SecretStore::Subscribe: the change events of issue 3 "For simulators" and
// core/events.h. One event per label attach or detach, version creation,
// version purge, deletion, restore and rotation step; each carries the
// secret ARN, the version id, the label and the store-clock time; events are
// delivered in commit order, after the change is committed; a failed call
// emits nothing.
//
// The label rules that decide *which* labels move are tested elsewhere
// (secret_store_put_test.cc, secret_store_version_stage_test.cc, ...); here
// only that each move is reported once, correctly and in order.
#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
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
using ::testing::UnorderedElementsAre;

constexpr char kLambda[] =
    "arn:aws:lambda:us-east-1:123456789012:function:rotator";

// Every event a listener saw, as printable strings and as raw events.
class EventLog {
 public:
  explicit EventLog(SecretStore& store) : store_(&store) {
    id_ = store.Subscribe([this](const StoreEvent& e) {
      std::lock_guard<std::mutex> lock(mu_);
      events_.push_back(e);
    });
  }
  ~EventLog() { Stop(); }
  void Stop() {
    if (id_ != 0) store_->Unsubscribe(id_);
    id_ = 0;
  }

  std::vector<StoreEvent> Take() {
    std::lock_guard<std::mutex> lock(mu_);
    return std::exchange(events_, {});
  }
  // "Kind label version" for each event (label/version omitted when empty).
  std::vector<std::string> TakeStrings() {
    std::vector<std::string> out;
    for (const StoreEvent& e : Take()) out.push_back(Str(e));
    return out;
  }
  static std::string Str(const StoreEvent& e) {
    std::string s(EventKindName(e.kind));
    if (!e.label.empty()) absl::StrAppend(&s, " ", e.label);
    if (!e.version_id.empty()) absl::StrAppend(&s, " ", e.version_id);
    return s;
  }

 private:
  SecretStore* store_;
  uint64_t id_ = 0;
  std::mutex mu_;
  std::vector<StoreEvent> events_;
};

std::string Attached(const std::string& label, const std::string& version) {
  return absl::StrCat("LabelAttached ", label, " ", version);
}
std::string Detached(const std::string& label, const std::string& version) {
  return absl::StrCat("LabelDetached ", label, " ", version);
}
std::string Created(const std::string& version) {
  return absl::StrCat("VersionCreated ", version);
}

// core/event_hub.h AppendLabelDiff: within one change, every detach comes
// before every attach (a replica applying them in order never holds a label
// twice).
void ExpectDetachesBeforeAttaches(const std::vector<std::string>& events) {
  bool seen_attach = false;
  for (const std::string& e : events) {
    if (e.rfind("LabelAttached", 0) == 0) seen_attach = true;
    if (e.rfind("LabelDetached", 0) == 0) {
      EXPECT_FALSE(seen_attach) << "detach after an attach: " << e;
    }
  }
}

model::RotateSecretRequest RotateRequest(std::string id, std::string token) {
  return {.secret_id = std::move(id),
          .client_request_token = std::move(token),
          .rotation_lambda_arn = kLambda};
}

absl::StatusOr<model::RotateSecretResponse> Rotate(
    CheckedStore& store, const model::RotateSecretRequest& request) {
  auto r = store.raw().RotateSecret(request);
  const absl::Status s = store.raw().CheckInvariants();
  EXPECT_TRUE(s.ok()) << "after RotateSecret: " << s;
  return r;
}

// ---- One event per change -------------------------------------------------

// Issue 3 "For simulators" (secret created, version creation, label attach):
// CreateSecret with a value reports the secret, its first version and
// AWSCURRENT on it (semantics.md §4.1), each with the ARN and the clock time.
TEST(StoreEventsTest, CreateSecretReportsSecretVersionAndCurrentLabel) {
  CheckedStore store;
  EventLog log(store.raw());
  store.clock().Advance(absl::Minutes(7));
  const auto created = Create(store, "s", "x", Tok(1));
  const std::vector<StoreEvent> events = log.Take();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, EventKind::kSecretCreated);
  EXPECT_EQ(events[1].kind, EventKind::kVersionCreated);
  EXPECT_EQ(events[1].version_id, Tok(1));
  EXPECT_EQ(events[2].kind, EventKind::kLabelAttached);
  EXPECT_EQ(events[2].label, "AWSCURRENT");
  EXPECT_EQ(events[2].version_id, Tok(1));
  for (const StoreEvent& e : events) {
    EXPECT_EQ(e.secret_arn, created.arn);
    EXPECT_EQ(e.time, store.Now());
    EXPECT_TRUE(e.detail.empty());
  }
}

// semantics.md §4.1 (no value: no version): only the secret is reported.
TEST(StoreEventsTest, CreateEmptySecretReportsOnlyTheSecret) {
  CheckedStore store;
  EventLog log(store.raw());
  CreateEmpty(store, "s");
  EXPECT_THAT(log.TakeStrings(), ElementsAre("SecretCreated"));
}

// semantics.md §1.7 / §4.2 rule 4 (AWSCURRENT moves, AWSPREVIOUS follows):
// one event per label that changed holder, detaches first, each with the
// version it left or joined.
TEST(StoreEventsTest, PutSecretValueReportsEachLabelMoveOnce) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));  // v1 [AWSPREVIOUS], v2 [AWSCURRENT]
  EventLog log(store.raw());
  store.clock().Advance(absl::Hours(2));
  Put(store, "s", "z", Tok(3));
  const auto events = log.TakeStrings();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0], Created(Tok(3)));
  EXPECT_THAT(events, UnorderedElementsAre(Created(Tok(3)),
                                           Detached("AWSPREVIOUS", Tok(1)),
                                           Detached("AWSCURRENT", Tok(2)),
                                           Attached("AWSCURRENT", Tok(3)),
                                           Attached("AWSPREVIOUS", Tok(2))));
  ExpectDetachesBeforeAttaches(events);
}

// semantics.md §4.2 rule 3 and 5: labels without AWSCURRENT are taken from
// their holders; AWSCURRENT does not move, so it produces no event.
TEST(StoreEventsTest, PutWithCustomStagesReportsOnlyThoseLabels) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), std::vector<std::string>{"one", "two"});
  EventLog log(store.raw());
  Put(store, "s", "z", Tok(3), std::vector<std::string>{"two", "three"});
  const auto events = log.TakeStrings();
  EXPECT_THAT(events, UnorderedElementsAre(
                          Created(Tok(3)), Detached("two", Tok(2)),
                          Attached("two", Tok(3)), Attached("three", Tok(3))));
  ExpectDetachesBeforeAttaches(events);
}

// decisions.md "UpdateSecretVersionStage" rule 4 (move h -> m) and rule 5
// (remove): a move is one detach and one attach; a removal one detach.
TEST(StoreEventsTest, UpdateSecretVersionStageReportsMoveAndRemove) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), std::vector<std::string>{"BLUE"});
  EventLog log(store.raw());
  Move(store, "s", "BLUE", Tok(2), Tok(1));
  EXPECT_THAT(log.TakeStrings(),
              ElementsAre(Detached("BLUE", Tok(2)), Attached("BLUE", Tok(1))));
  Move(store, "s", "BLUE", Tok(1), std::nullopt);
  EXPECT_THAT(log.TakeStrings(), ElementsAre(Detached("BLUE", Tok(1))));
}

// decisions.md "UpdateSecretVersionStage" rule 4 (AWSCURRENT h -> m puts
// AWSPREVIOUS on h, taking it from its holder).
TEST(StoreEventsTest, MovingAwsCurrentReportsAwsPreviousToo) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));  // v1 [P], v2 [C]
  EventLog log(store.raw());
  Move(store, "s", "AWSCURRENT", Tok(2), Tok(1));  // rollback, §11.31
  const auto events = log.TakeStrings();
  EXPECT_THAT(events, UnorderedElementsAre(Detached("AWSPREVIOUS", Tok(1)),
                                           Detached("AWSCURRENT", Tok(2)),
                                           Attached("AWSCURRENT", Tok(1)),
                                           Attached("AWSPREVIOUS", Tok(2))));
  ExpectDetachesBeforeAttaches(events);
}

// decisions.md "UpdateSecretVersionStage" rule 4 (h == m: success, nothing
// changes) and §4.2 idempotency (same token, same value: no change): a call
// that succeeds without changing anything emits nothing.
TEST(StoreEventsTest, SuccessfulNoOpCallsEmitNothing) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), std::vector<std::string>{"BLUE"});
  EventLog log(store.raw());
  Move(store, "s", "BLUE", Tok(2), Tok(2));
  Move(store, "s", "AWSCURRENT", Tok(1), Tok(1));
  Put(store, "s", "x", Tok(1));
  ASSERT_OK(store.UpdateSecret({.secret_id = "s", .description = "d"}));
  ASSERT_OK(store.RestoreSecret({"s"}));  // live secret: no change
  Get(store, "s");
  Describe(store, "s");
  EXPECT_THAT(log.TakeStrings(), IsEmpty());
}

// decisions.md "Quotas" (Versions): the purge of a deprecated version is
// reported before the version whose creation caused it.
TEST(StoreEventsTest, VersionQuotaPurgeIsReported) {
  CheckedStore store(StoreOptions{.max_versions_per_secret = 3,
                                  .min_age_before_purge = absl::Hours(1)});
  const auto created = Create(store, "s", "v1", Tok(1));
  Put(store, "s", "v2", Tok(2));
  Put(store, "s", "v3", Tok(3));  // v1 deprecated, 3 versions
  store.clock().Advance(absl::Hours(1));
  EventLog log(store.raw());
  Put(store, "s", "v4", Tok(4));
  const std::vector<StoreEvent> events = log.Take();
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[0].kind, EventKind::kVersionPurged);
  EXPECT_EQ(events[0].version_id, Tok(1));
  EXPECT_EQ(events[0].secret_arn, created.arn);
  EXPECT_EQ(events[0].time, store.Now());
  EXPECT_EQ(events[1].kind, EventKind::kVersionCreated);
  EXPECT_EQ(events[1].version_id, Tok(4));
  std::vector<std::string> rest;
  for (size_t i = 2; i < events.size(); ++i) {
    rest.push_back(EventLog::Str(events[i]));
  }
  EXPECT_THAT(rest, UnorderedElementsAre(Detached("AWSPREVIOUS", Tok(2)),
                                         Detached("AWSCURRENT", Tok(3)),
                                         Attached("AWSCURRENT", Tok(4)),
                                         Attached("AWSPREVIOUS", Tok(3))));
  // The purged version is gone (decisions.md "Quotas": verified text).
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("s", Tok(1))),
                   "InvalidRequestException", VersionDeleted(Tok(1)));
}

// semantics.md §4.10, §4.11, decisions.md "Deletion": scheduling, restoring
// and deleting are each one event with the ARN; labels stay as they are, so
// no label events.
TEST(StoreEventsTest, DeletionScheduleRestoreAndForceDeleteAreReported) {
  CheckedStore store;
  const auto created = Create(store, "s", "x", Tok(1));
  EventLog log(store.raw());
  store.clock().Advance(absl::Minutes(1));
  ASSERT_OK(store.DeleteSecret({.secret_id = "s"}));
  const absl::Time scheduled_at = store.Now();
  store.clock().Advance(absl::Minutes(1));
  ASSERT_OK(store.RestoreSecret({"s"}));
  const absl::Time restored_at = store.Now();
  store.clock().Advance(absl::Minutes(1));
  ASSERT_OK(store.DeleteSecret(
      {.secret_id = "s", .force_delete_without_recovery = true}));
  const std::vector<StoreEvent> events = log.Take();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, EventKind::kDeletionScheduled);
  EXPECT_EQ(events[0].time, scheduled_at);
  EXPECT_EQ(events[1].kind, EventKind::kSecretRestored);
  EXPECT_EQ(events[1].time, restored_at);
  EXPECT_EQ(events[2].kind, EventKind::kSecretDeleted);
  EXPECT_EQ(events[2].time, store.Now());
  for (const StoreEvent& e : events) {
    EXPECT_EQ(e.secret_arn, created.arn);
    EXPECT_TRUE(e.version_id.empty());
    EXPECT_TRUE(e.label.empty());
  }
}

// decisions.md "Deletion" (the secret is gone when the clock passes
// DeletionDate): AdvanceClock reports the deletion at the DeletionDate, not
// at the time the clock was moved to.
TEST(StoreEventsTest, RecoveryWindowEndIsReportedAtTheDeletionDate) {
  CheckedStore store;
  const auto created = Create(store, "s", "x", Tok(1));
  auto deleted =
      store.DeleteSecret({.secret_id = "s", .recovery_window_in_days = 7});
  ASSERT_OK(deleted);
  EventLog log(store.raw());
  ASSERT_OK(store.raw().AdvanceClock(absl::Hours(24 * 10)));
  const std::vector<StoreEvent> events = log.Take();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, EventKind::kSecretDeleted);
  EXPECT_EQ(events[0].secret_arn, created.arn);
  EXPECT_EQ(events[0].time, deleted->deletion_date);
  EXPECT_LT(events[0].time, store.Now());
}

// Issue 3 (rotation step events) with semantics.md §4.12 and §6 (the steps
// and the template's label moves): the placeholder, each step before it
// runs, the finishSecret move and the outcome, in that order. A handler that
// advances the clock shows that each event carries the time of its change.
TEST(StoreEventsTest, RotationReportsPlaceholderStepsAndSuccess) {
  CheckedStore store;
  const auto created = Create(store, "s", "x", Tok(1));
  std::map<std::string, absl::Time> step_started;
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore& raw, const SecretStore::RotationStep& step) {
        step_started[step.step] = raw.clock().Now();
        store.clock().Advance(absl::Minutes(1));
        return absl::OkStatus();
      });
  EventLog log(store.raw());
  const absl::Time started = store.Now();
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  const std::vector<StoreEvent> events = log.Take();
  std::vector<std::string> strings;
  for (const StoreEvent& e : events) strings.push_back(EventLog::Str(e));
  // The recording handler moves no label: the placeholder stays pending.
  EXPECT_THAT(strings,
              ElementsAre(Created(Tok(2)), Attached("AWSPENDING", Tok(2)),
                          "RotationStep createSecret " + Tok(2),
                          "RotationStep setSecret " + Tok(2),
                          "RotationStep testSecret " + Tok(2),
                          "RotationStep finishSecret " + Tok(2),
                          "RotationSucceeded " + Tok(2)));
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events[0].time, started);
  EXPECT_EQ(events[1].time, started);
  for (int i = 2; i < 6; ++i) {
    EXPECT_EQ(events[i].time, step_started[events[i].label]) << strings[i];
  }
  EXPECT_EQ(events[6].time, store.Now());
  for (const StoreEvent& e : events) EXPECT_EQ(e.secret_arn, created.arn);
}

// decisions.md "Rotation" (built-in handler = AWS template; finishSecret
// moves AWSCURRENT and leaves AWSPENDING): filling the placeholder is not a
// new version; the finishSecret move is reported during that step.
TEST(StoreEventsTest, BuiltInRotationReportsTheFinishSecretMove) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EventLog log(store.raw());
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  const auto events = log.TakeStrings();
  ASSERT_EQ(events.size(), 10u) << ::testing::PrintToString(events);
  EXPECT_THAT(std::vector<std::string>(events.begin(), events.begin() + 6),
              ElementsAre(Created(Tok(2)), Attached("AWSPENDING", Tok(2)),
                          "RotationStep createSecret " + Tok(2),
                          "RotationStep setSecret " + Tok(2),
                          "RotationStep testSecret " + Tok(2),
                          "RotationStep finishSecret " + Tok(2)));
  const std::vector<std::string> move(events.begin() + 6, events.end() - 1);
  EXPECT_THAT(move, UnorderedElementsAre(Detached("AWSCURRENT", Tok(1)),
                                         Attached("AWSCURRENT", Tok(2)),
                                         Attached("AWSPREVIOUS", Tok(1))));
  ExpectDetachesBeforeAttaches(move);
  EXPECT_EQ(events.back(), "RotationSucceeded " + Tok(2));
}

// decisions.md "Rotation" (a failing handler: the failure is recorded, the
// placeholder stays): kRotationFailed carries the handler's error.
TEST(StoreEventsTest, FailedRotationStepIsReportedWithItsError) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.raw().RegisterRotationHandler(
      kLambda, [](SecretStore&, const SecretStore::RotationStep& step) {
        return step.step == "setSecret" ? absl::UnavailableError("db down")
                                        : absl::OkStatus();
      });
  EventLog log(store.raw());
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  const std::vector<StoreEvent> events = log.Take();
  ASSERT_FALSE(events.empty());
  std::vector<std::string> strings;
  for (const StoreEvent& e : events) strings.push_back(EventLog::Str(e));
  EXPECT_THAT(strings,
              ElementsAre(Created(Tok(2)), Attached("AWSPENDING", Tok(2)),
                          "RotationStep createSecret " + Tok(2),
                          "RotationStep setSecret " + Tok(2),
                          "RotationFailed " + Tok(2)));
  EXPECT_EQ(events.back().detail, "db down");
}

// ARCHITECTURE.md "Validate everything first, mutate last: a failed call
// changes nothing" -- and so reports nothing.
TEST(StoreEventsTest, FailedCallsEmitNothing) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), std::vector<std::string>{"AWSPENDING"});
  EventLog log(store.raw());
  EXPECT_AWS_ERROR(store.CreateSecret({.name = "s", .secret_string = "x"}),
                   "ResourceExistsException", AlreadyExists("s"));
  EXPECT_AWS_ERROR(store.PutSecretValue(PutRequest("s", "other", Tok(1))),
                   "ResourceExistsException",
                   TokenInUse(Tok(1), Describe(store, "s").arn));
  EXPECT_AWS_ERROR(store.UpdateSecretVersionStage(
                       StageRequest("s", "AWSCURRENT", std::nullopt, Tok(2))),
                   "InvalidParameterException",
                   RemoveFromCantBeEmpty("AWSCURRENT", Tok(1)));
  EXPECT_AWS_ERROR(store.UpdateSecretVersionStage(
                       StageRequest("s", "AWSCURRENT", Tok(1), std::nullopt)),
                   "InvalidParameterException", kCantRemoveCurrent);
  EXPECT_AWS_ERROR(Rotate(store, RotateRequest("s", Tok(3))),
                   "InvalidRequestException",
                   "A previous rotation isn't complete. That rotation will be "
                   "reattempted.");
  EXPECT_AWS_ERROR(
      store.DeleteSecret({.secret_id = "s", .recovery_window_in_days = 3}),
      "InvalidParameterException",
      "The RecoveryWindowInDays value must be between 7 and 30 "
      "days (inclusive).");
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("missing")),
                   "ResourceNotFoundException", kSecretNotFound);
  ASSERT_OK(store.DeleteSecret({.secret_id = "s"}));
  log.Take();  // the scheduling
  EXPECT_AWS_ERROR(store.DeleteSecret({.secret_id = "s"}),
                   "InvalidRequestException",
                   "You tried to perform the operation on a secret that's "
                   "currently marked deleted.");
  EXPECT_AWS_ERROR(store.PutSecretValue(PutRequest("s", "z", Tok(4))),
                   "InvalidRequestException", kMarkedForDeletion);
  EXPECT_THAT(log.TakeStrings(), IsEmpty());
}

// ---- Subscriptions ----------------------------------------------------------

// secret_store.h Subscribe/Unsubscribe: every listener sees every event in
// the same order; after Unsubscribe a listener sees nothing more while the
// others go on; unsubscribing twice or an unknown id is harmless.
TEST(StoreEventsTest, UnsubscribeStopsOnlyThatListener) {
  CheckedStore store;
  EventLog first(store.raw());
  EventLog second(store.raw());
  Create(store, "s", "x", Tok(1));
  const auto a = first.TakeStrings();
  EXPECT_EQ(a, second.TakeStrings());
  EXPECT_EQ(a.size(), 3u);
  first.Stop();
  first.Stop();
  store.raw().Unsubscribe(123456);
  Put(store, "s", "y", Tok(2));
  EXPECT_THAT(first.TakeStrings(), IsEmpty());
  EXPECT_FALSE(second.TakeStrings().empty());
}

// secret_store.h Subscribe: a listener sees changes from its subscription
// on, none before.
TEST(StoreEventsTest, ListenerSeesOnlyLaterChanges) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  EventLog log(store.raw());
  EXPECT_THAT(log.TakeStrings(), IsEmpty());
  Move(store, "s", "BLUE", std::nullopt, Tok(1));
  EXPECT_THAT(log.TakeStrings(), ElementsAre(Attached("BLUE", Tok(1))));
}

// ---- Delivery after commit, in order -------------------------------------

// Issue 3 "delivered ... after the change is committed": a listener that
// reads the store back sees the change already made (and does not deadlock:
// no store lock is held while listeners run).
TEST(StoreEventsTest, ListenerReadingTheStoreSeesTheCommittedChange) {
  CheckedStore store;
  SecretStore& raw = store.raw();
  std::vector<std::string> seen;
  const uint64_t id = raw.Subscribe([&](const StoreEvent& e) {
    if (e.kind == EventKind::kLabelAttached && e.label == "AWSCURRENT") {
      auto current = raw.GetSecretValue({.secret_id = e.secret_arn});
      seen.push_back(current.ok() ? current->version_id
                                  : std::string(current.status().message()));
    }
    if (e.kind == EventKind::kSecretDeleted) {
      auto d = raw.DescribeSecret({e.secret_arn});
      seen.push_back(d.ok() ? "still there"
                            : std::string(d.status().message()));
    }
  });
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(3))));
  ASSERT_OK(store.DeleteSecret(
      {.secret_id = "s", .force_delete_without_recovery = true}));
  raw.Unsubscribe(id);
  EXPECT_THAT(seen, ElementsAre(Tok(1), Tok(2), Tok(3), kSecretNotFound));
}

// Issue 3 "delivered in order, after the change is committed": a listener
// may change the store itself (a simulator's operator reacting to a
// rotation). Its change commits after the one being reported, so its events
// come after all of that change's events, and every listener sees the same
// order.
TEST(StoreEventsTest, ListenerMayWriteBackAndItsEventsFollowInOrder) {
  CheckedStore store;
  SecretStore& raw = store.raw();
  // Tags every new AWSCURRENT version with SEEN (moving it from the last).
  const uint64_t id = raw.Subscribe([&](const StoreEvent& e) {
    if (e.kind != EventKind::kLabelAttached || e.label != "AWSCURRENT") return;
    auto d = raw.DescribeSecret({e.secret_arn});
    ASSERT_OK(d);
    std::optional<std::string> holder;
    for (const auto& [version, stages] : d->version_ids_to_stages) {
      if (std::count(stages.begin(), stages.end(), "SEEN") > 0)
        holder = version;
    }
    ASSERT_OK(raw.UpdateSecretVersionStage(
        StageRequest(e.secret_arn, "SEEN", holder, e.version_id)));
  });
  EventLog log(raw);  // subscribed second: sees the same order
  Create(store, "s", "x", Tok(1));
  EXPECT_THAT(log.TakeStrings(), ElementsAre("SecretCreated", Created(Tok(1)),
                                             Attached("AWSCURRENT", Tok(1)),
                                             Attached("SEEN", Tok(1))));
  Put(store, "s", "y", Tok(2));
  const auto events = log.TakeStrings();
  ASSERT_EQ(events.size(), 6u) << ::testing::PrintToString(events);
  EXPECT_THAT(std::vector<std::string>(events.end() - 2, events.end()),
              ElementsAre(Detached("SEEN", Tok(1)), Attached("SEEN", Tok(2))));
  raw.Unsubscribe(id);
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                                          {Tok(2), {"AWSCURRENT", "SEEN"}}}));
  ASSERT_OK(raw.CheckInvariants());
}

// Issue 3 "delivered in order" under concurrency (secret_store.h: calls on
// one secret are linearizable): writers on several secrets, and a listener
// that reads the store back. No deadlock, and for every secret the
// AWSCURRENT attach events arrive in the order of the writes.
TEST(StoreEventsTest, ConcurrentWritersWithReadingListenerKeepPerSecretOrder) {
  // More puts than the version quota: old versions must be purgeable at once.
  CheckedStore store(
      StoreOptions{.min_age_before_purge = absl::ZeroDuration()});
  SecretStore& raw = store.raw();
  constexpr int kThreads = 4;
  constexpr int kPuts = 200;
  for (int t = 0; t < kThreads; ++t) {
    Create(store, absl::StrCat("s", t), "v", Tok(t * 1000));
  }
  std::mutex mu;
  std::map<std::string, std::vector<std::string>> current_by_arn;
  std::atomic<int> read_failures{0};
  const uint64_t id = raw.Subscribe([&](const StoreEvent& e) {
    if (e.kind != EventKind::kLabelAttached || e.label != "AWSCURRENT") return;
    // Reads another secret's shard too, to cross paths with other writers.
    if (!raw.DescribeSecret({e.secret_arn}).ok()) ++read_failures;
    if (!raw.GetSecretValue({.secret_id = "s0"}).ok()) ++read_failures;
    std::lock_guard<std::mutex> lock(mu);
    current_by_arn[e.secret_arn].push_back(e.version_id);
  });
  std::vector<std::thread> threads;
  std::vector<std::string> arns(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    arns[t] = Describe(store, absl::StrCat("s", t)).arn;
    threads.emplace_back([&raw, t] {
      for (int i = 1; i <= kPuts; ++i) {
        auto r = raw.PutSecretValue(PutRequest(
            absl::StrCat("s", t), absl::StrCat(i), Tok(t * 1000 + i)));
        EXPECT_TRUE(r.ok()) << r.status();
      }
    });
  }
  for (std::thread& th : threads) th.join();
  raw.Unsubscribe(id);
  EXPECT_EQ(read_failures.load(), 0);
  for (int t = 0; t < kThreads; ++t) {
    std::vector<std::string> expected;
    for (int i = 1; i <= kPuts; ++i) expected.push_back(Tok(t * 1000 + i));
    EXPECT_EQ(current_by_arn[arns[t]], expected) << "secret s" << t;
  }
  ASSERT_OK(raw.CheckInvariants());
}

}  // namespace
}  // namespace secretstage::test
