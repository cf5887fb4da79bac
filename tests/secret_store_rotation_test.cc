// RotateSecret and CancelRotateSecret: the rules of semantics.md §4.12,
// §4.13, §11.32 and §11.49-54, and decisions.md "Rotation"; rotation
// handlers (SecretStore::RegisterRotationHandler). The rotation template
// flow step by step is in secret_store_rotation_template_test.cc, schedules
// in secret_store_schedule_test.cc, events in secret_store_events_test.cc.
//
// RotateSecret is not wrapped by CheckedStore: every call here goes through
// Rotate(), which checks the invariants afterwards.
#include <string>
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

using Step = SecretStore::RotationStep;

constexpr char kLambda[] =
    "arn:aws:lambda:us-east-1:123456789012:function:rotator";
constexpr char kOtherLambda[] =
    "arn:aws:lambda:us-east-1:123456789012:function:other";
constexpr char kNoLambda[] =
    "No Lambda rotation function ARN is associated with this secret.";
constexpr char kPreviousRotation[] =
    "A previous rotation isn't complete. That rotation will be reattempted.";
// The rotation template's EXCLUDE_CHARACTERS (semantics.md §6, [TPL]).
constexpr char kTemplateExcluded[] = "/@\"'\\";

model::RotateSecretRequest RotateRequest(
    std::string id, std::optional<std::string> token,
    std::optional<std::string> lambda = kLambda,
    std::optional<model::RotationRules> rules = {},
    std::optional<bool> immediately = {}) {
  return {.secret_id = std::move(id),
          .client_request_token = std::move(token),
          .rotation_lambda_arn = std::move(lambda),
          .rotation_rules = std::move(rules),
          .rotate_immediately = immediately};
}

model::RotationRules Days(int64_t n) {
  return {.automatically_after_days = n};
}

// RotateSecret, then the invariants.
absl::StatusOr<model::RotateSecretResponse> Rotate(
    CheckedStore& store, const model::RotateSecretRequest& request) {
  auto r = store.raw().RotateSecret(request);
  const absl::Status s = store.raw().CheckInvariants();
  EXPECT_TRUE(s.ok()) << "after RotateSecret: " << s;
  return r;
}

absl::StatusOr<model::CancelRotateSecretResponse> Cancel(CheckedStore& store,
                                                         std::string id) {
  auto r = store.raw().CancelRotateSecret({std::move(id)});
  const absl::Status s = store.raw().CheckInvariants();
  EXPECT_TRUE(s.ok()) << "after CancelRotateSecret: " << s;
  return r;
}

// Everything DescribeSecret says about rotation (test_util's StateOf leaves
// these fields out).
std::string RotationState(CheckedStore& store, std::string_view id) {
  auto d = store.raw().DescribeSecret({std::string(id)});
  if (!d.ok()) return std::string(d.status().message());
  auto time = [](const std::optional<absl::Time>& t) {
    return t ? absl::FormatTime(*t) : std::string("-");
  };
  std::string rules = "-";
  if (d->rotation_rules) {
    rules = absl::StrCat(d->rotation_rules->automatically_after_days.value_or(-1),
                         "/", d->rotation_rules->schedule_expression.value_or("-"),
                         "/", d->rotation_rules->duration.value_or("-"));
  }
  return absl::StrCat(
      "enabled=",
      d->rotation_enabled ? (*d->rotation_enabled ? "true" : "false") : "-",
      " lambda=", d->rotation_lambda_arn.value_or("-"), " rules=", rules,
      " last_rotated=", time(d->last_rotated_date),
      " next=", time(d->next_rotation_date));
}

// A handler that records every step and succeeds without touching the store.
struct StepRecorder {
  std::vector<Step> steps;

  SecretStore::RotationHandler Handler() {
    return [this](SecretStore&, const Step& step) {
      steps.push_back(step);
      return absl::OkStatus();
    };
  }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const Step& s : steps) names.push_back(s.step);
    return names;
  }
};

// Collects kRotationFailed / kRotationSucceeded events.
struct OutcomeLog {
  std::vector<StoreEvent> events;
  uint64_t id;
  SecretStore* store;

  explicit OutcomeLog(SecretStore& s) : store(&s) {
    id = s.Subscribe([this](const StoreEvent& e) {
      if (e.kind == EventKind::kRotationFailed ||
          e.kind == EventKind::kRotationSucceeded) {
        events.push_back(e);
      }
    });
  }
  ~OutcomeLog() { store->Unsubscribe(id); }
};

// A handler whose createSecret fills the placeholder with `value` as the
// template does, and whose `failing_step` (if any) fails.
SecretStore::RotationHandler FillingHandler(std::string value,
                                            std::string failing_step = "") {
  return [value, failing_step](SecretStore& store, const Step& step) {
    if (step.step == failing_step) {
      return absl::UnavailableError("database unreachable");
    }
    if (step.step == "createSecret") {
      return store
          .PutSecretValue({.secret_id = step.secret_id,
                           .client_request_token = step.client_request_token,
                           .secret_string = value,
                           .version_stages =
                               std::vector<std::string>{"AWSPENDING"}})
          .status();
    }
    return absl::OkStatus();
  };
}

// ---- Errors -------------------------------------------------------------

// semantics.md §11.49 (verified, LS test_first_rotate_secret_with_missing_
// lambda_arn): RotationRules without a Lambda ARN on a secret that never had
// one; nothing is saved.
TEST(RotateSecretTest, NoLambdaArnIsInvalidRequestAndChangesNothing) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const std::string before = RotationState(store, "s");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, Rotate(store, RotateRequest("s", Tok(2), std::nullopt, Days(30))),
      "InvalidRequestException", kNoLambda);
  EXPECT_EQ(RotationState(store, "s"), before);
  const auto d = Describe(store, "s");
  EXPECT_FALSE(d.rotation_enabled.has_value());
  EXPECT_FALSE(d.rotation_lambda_arn.has_value());
  EXPECT_FALSE(d.rotation_rules.has_value());
  EXPECT_FALSE(d.next_rotation_date.has_value());
}

// semantics.md §11.50 (verified, ISS terraform-provider-aws#35023) and §10.5:
// AWSPENDING on a version without AWSCURRENT blocks rotation.
TEST(RotateSecretTest, PendingOnAnotherVersionIsPreviousRotationIncomplete) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2), std::vector<std::string>{"AWSPENDING"});
  const std::string before = RotationState(store, "s");
  EXPECT_AWS_ERROR_UNCHANGED(store, Rotate(store, RotateRequest("s", Tok(3))),
                             "InvalidRequestException", kPreviousRotation);
  EXPECT_EQ(RotationState(store, "s"), before);
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
}

// semantics.md §5 (documented) and decisions.md "Deletion".
TEST(RotateSecretTest, ScheduledForDeletionIsInvalidRequest) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(store.DeleteSecret({.secret_id = "s"}));
  EXPECT_AWS_ERROR_UNCHANGED(store, Rotate(store, RotateRequest("s", Tok(2))),
                             "InvalidRequestException", kMarkedForDeletion);
}

// semantics.md §4.12 errors; §11.36 message.
TEST(RotateSecretTest, UnknownSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR(Rotate(store, RotateRequest("missing", Tok(1))),
                   "ResourceNotFoundException", kSecretNotFound);
}

// RotationRules validation is core/rotation_schedule's (tested in
// rotation_schedule_test.cc); here only that RotateSecret applies it before
// anything is saved. Both schedules: verified message (ISS
// terraform-provider-aws#33329); the range error: decisions.md "Client
// request tokens" constraint form.
TEST(RotateSecretTest, InvalidRotationRulesAreRejectedAndNothingSaved) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const std::string before = RotationState(store, "s");
  model::RotationRules both = Days(30);
  both.schedule_expression = "rate(10 days)";
  EXPECT_AWS_ERROR_UNCHANGED(
      store, Rotate(store, RotateRequest("s", Tok(2), kLambda, both)),
      "InvalidParameterException",
      "You cannot specify both rotation frequency and schedule expression "
      "together.");
  EXPECT_AWS_ERROR_UNCHANGED(
      store, Rotate(store, RotateRequest("s", Tok(2), kLambda, Days(0))),
      "ValidationException",
      OneValidationError("0", "rotationRules.automaticallyAfterDays",
                         "have value greater than or equal to 1"));
  EXPECT_EQ(RotationState(store, "s"), before);
}

// ---- The placeholder and the steps --------------------------------------

// semantics.md §11.51 (documented + inferred) and §4.12 (MOTO-VF: the
// placeholder is not readable during createSecret): with AWSPENDING on the
// AWSCURRENT version, rotation may start; the placeholder T is created
// without a value and takes AWSPENDING; the steps get the ARN and T.
TEST(RotateSecretTest, PlaceholderIsValuelessPendingVersionDuringCreateSecret) {
  CheckedStore store;
  const auto created = Create(store, "s", "x", Tok(1));
  Move(store, "s", "AWSPENDING", std::nullopt, Tok(1));  // v1 [C, AWSPENDING]
  StepRecorder recorder;
  bool checked = false;
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore& raw, const Step& step) {
        if (step.step == "createSecret") {
          checked = true;
          auto d = raw.DescribeSecret({"s"});
          EXPECT_OK(d);
          if (d.ok()) {
            EXPECT_EQ(d->version_ids_to_stages,
                      (std::map<std::string, std::vector<std::string>>{
                          {Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
          }
          EXPECT_AWS_ERROR(raw.GetSecretValue(GetRequest("s", Tok(2))),
                           "ResourceNotFoundException", NoValueForVersionId(Tok(2)));
          // The template's own probe (§6 createSecret); message inferred.
          EXPECT_AWS_ERROR(
              raw.GetSecretValue(GetRequest("s", Tok(2), "AWSPENDING")),
              "ResourceNotFoundException", NoValueForVersionId(Tok(2)));
          EXPECT_AWS_ERROR(raw.GetSecretValue(GetRequest("s", {}, "AWSPENDING")),
                           "ResourceNotFoundException",
                           NoValueForStage("AWSPENDING"));
        }
        return recorder.Handler()(raw, step);
      });
  auto r = Rotate(store, RotateRequest("s", Tok(2)));
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, created.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_TRUE(checked);
  EXPECT_THAT(recorder.Names(), ElementsAre("createSecret", "setSecret",
                                            "testSecret", "finishSecret"));
  for (const Step& step : recorder.steps) {
    EXPECT_EQ(step.secret_id, created.arn);  // §4.12: SecretId is the ARN
    EXPECT_EQ(step.client_request_token, Tok(2));
  }
  // The recorder changed nothing: the placeholder stays as created.
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("s", Tok(2))),
                   "ResourceNotFoundException", NoValueForVersionId(Tok(2)));
  EXPECT_EQ(Get(store, "s").secret_string, "x");
}

// semantics.md §11.52 (verified, MOTO-VF): in createSecret the pending
// version is not found, and PutSecretValue(token, value, [AWSPENDING]) fills
// the placeholder (decisions.md "PutSecretValue": a value-less AWSPENDING
// placeholder is filled, no new version).
TEST(RotateSecretTest, CreateSecretStepPutFillsThePlaceholder) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.raw().RegisterRotationHandler(
      kLambda, [](SecretStore& raw, const Step& step) -> absl::Status {
        if (step.step != "createSecret") return absl::OkStatus();
        EXPECT_AWS_ERROR(raw.GetSecretValue(GetRequest(
                             step.secret_id, step.client_request_token,
                             "AWSPENDING")),
                         "ResourceNotFoundException",
                         NoValueForVersionId(step.client_request_token));
        auto put = raw.PutSecretValue(PutRequest(
            step.secret_id, "new", step.client_request_token,
            std::vector<std::string>{"AWSPENDING"}));
        EXPECT_OK(put);
        if (put.ok()) {
          EXPECT_EQ(put->version_id, step.client_request_token);
          EXPECT_THAT(put->version_stages, ElementsAre("AWSPENDING"));
        }
        return put.status();
      });
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
  EXPECT_EQ(AllVersions(store, "s").size(), 2u);
  EXPECT_EQ(Get(store, "s", Tok(2), "AWSPENDING").secret_string, "new");
}

// semantics.md §11.53 (verified, LS-HIST 947ff144e) and decisions.md
// "Rotation" (built-in handler = the AWS template): v1 -> [AWSPREVIOUS], the
// new version [AWSCURRENT, AWSPENDING] holding a 32-character password
// without the template's excluded characters; LastRotatedDate set.
TEST(RotateSecretTest, BuiltInHandlerRotatesToRandomPassword) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.clock().Advance(absl::Seconds(90));
  OutcomeLog outcomes(store.raw());
  auto r = Rotate(store, RotateRequest("s", Tok(2)));
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                      {Tok(2), {"AWSCURRENT", "AWSPENDING"}}}));
  const auto current = Get(store, "s");
  EXPECT_EQ(current.version_id, Tok(2));
  ASSERT_TRUE(current.secret_string.has_value());
  EXPECT_EQ(current.secret_string->size(), 32u);
  EXPECT_EQ(current.secret_string->find_first_of(kTemplateExcluded),
            std::string::npos)
      << *current.secret_string;
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_EQ(d.rotation_lambda_arn, kLambda);
  EXPECT_EQ(d.last_rotated_date, store.Now());
  ASSERT_EQ(outcomes.events.size(), 1u);
  EXPECT_EQ(outcomes.events[0].kind, EventKind::kRotationSucceeded);
  EXPECT_EQ(outcomes.events[0].version_id, Tok(2));
}

// semantics.md §11.54 (verified, LS-HIST 63ea482a0
// test_rotate_secret_with_lambda_success[False]; MOTO-VF pending value =
// current value) and decisions.md "Rotation": only testSecret runs, on a
// temporary AWSPENDING copy of the current value, which is then removed.
TEST(RotateSecretTest, RotateImmediatelyFalseOnlyTestsATemporaryCopy) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  StepRecorder recorder;
  std::map<std::string, std::vector<std::string>> seen_stages;
  std::optional<std::string> seen_value;
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore& raw, const Step& step) {
        auto d = raw.DescribeSecret({step.secret_id});
        if (d.ok()) seen_stages = d->version_ids_to_stages;
        auto pending = raw.GetSecretValue(GetRequest(
            step.secret_id, step.client_request_token, "AWSPENDING"));
        if (pending.ok()) seen_value = pending->secret_string;
        return recorder.Handler()(raw, step);
      });
  auto r = Rotate(store, RotateRequest("s", Tok(2), kLambda, {}, false));
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_THAT(recorder.Names(), ElementsAre("testSecret"));
  EXPECT_EQ(seen_stages, (std::map<std::string, std::vector<std::string>>{
                             {Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
  EXPECT_EQ(seen_value, "x");
  // Afterwards the returned version is gone and AWSCURRENT did not move.
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}}}));
  EXPECT_EQ(Get(store, "s").version_id, Tok(1));
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("s", Tok(2))),
                   "ResourceNotFoundException", NoValueForVersionId(Tok(2)));
  EXPECT_EQ(Describe(store, "s").rotation_enabled, true);
}

// semantics.md §1.6 (ISS aws-samples#16: an empty secret after RotateSecret
// has only the placeholder [AWSPENDING]) and §11.32 (ISS moto#9451): a
// handler that fills the placeholder and moves AWSCURRENT without
// RemoveFromVersionId succeeds; decisions.md "UpdateSecretVersionStage" 4
// (AWSCURRENT unattached: MoveToVersionId alone attaches it, no AWSPREVIOUS);
// §10.16 (the fill does not attach AWSCURRENT by itself; inferred).
TEST(RotateSecretTest, EmptySecretRotationAttachesAwsCurrentWithMoveOnly) {
  CheckedStore store;
  CreateEmpty(store, "s");
  std::map<std::string, std::vector<std::string>> at_create;
  std::vector<std::string> put_stages;
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore& raw, const Step& step) -> absl::Status {
        if (step.step == "createSecret") {
          auto d = raw.DescribeSecret({step.secret_id});
          if (d.ok()) at_create = d->version_ids_to_stages;
          auto put = raw.PutSecretValue(PutRequest(
              step.secret_id, "first", step.client_request_token,
              std::vector<std::string>{"AWSPENDING"}));
          if (put.ok()) put_stages = put->version_stages;
          return put.status();
        }
        if (step.step == "finishSecret") {
          return raw
              .UpdateSecretVersionStage(StageRequest(
                  step.secret_id, "AWSCURRENT", std::nullopt,
                  step.client_request_token))
              .status();
        }
        return absl::OkStatus();
      });
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(1))));
  EXPECT_EQ(at_create, (std::map<std::string, std::vector<std::string>>{
                           {Tok(1), {"AWSPENDING"}}}));
  EXPECT_THAT(put_stages, ElementsAre("AWSPENDING"));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT", "AWSPENDING"}}}));
  EXPECT_EQ(Get(store, "s").secret_string, "first");
  EXPECT_TRUE(Describe(store, "s").last_rotated_date.has_value());
}

// semantics.md §1.6 and §6 (the template's createSecret first reads
// AWSCURRENT, which an empty secret lacks); decisions.md "Rotation" (a failed
// rotation leaves the placeholder and the next RotateSecret is blocked).
TEST(RotateSecretTest, EmptySecretBuiltInHandlerFailsAtCreateSecret) {
  CheckedStore store;
  CreateEmpty(store, "s");
  OutcomeLog outcomes(store.raw());
  auto r = Rotate(store, RotateRequest("s", Tok(1)));
  ASSERT_OK(r);  // rotation is asynchronous on AWS: the call succeeds
  EXPECT_EQ(r->version_id, Tok(1));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSPENDING"}}}));
  EXPECT_AWS_ERROR(store.GetSecretValue(GetRequest("s", Tok(1))),
                   "ResourceNotFoundException", NoValueForVersionId(Tok(1)));
  ASSERT_EQ(outcomes.events.size(), 1u);
  EXPECT_EQ(outcomes.events[0].kind, EventKind::kRotationFailed);
  EXPECT_EQ(outcomes.events[0].version_id, Tok(1));
  EXPECT_EQ(outcomes.events[0].detail, NoValueForStage("AWSCURRENT"));
  EXPECT_FALSE(Describe(store, "s").last_rotated_date.has_value());
  EXPECT_AWS_ERROR_UNCHANGED(store, Rotate(store, RotateRequest("s", Tok(2))),
                             "InvalidRequestException", kPreviousRotation);
}

// decisions.md "Rotation": a handler failing at setSecret leaves the filled
// placeholder with AWSPENDING, RotateSecret still succeeds, kRotationFailed
// is emitted, and the next RotateSecret is "A previous rotation isn't
// complete..." (semantics.md §6 [MODEL]: "the AWSPENDING staging label might
// be attached to an empty secret version").
TEST(RotateSecretTest, FailingHandlerLeavesPlaceholderAndBlocksNextRotation) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.raw().RegisterRotationHandler(kLambda,
                                      FillingHandler("new", "setSecret"));
  OutcomeLog outcomes(store.raw());
  auto r = Rotate(store, RotateRequest("s", Tok(2)));
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
  EXPECT_EQ(Get(store, "s", Tok(2)).secret_string, "new");
  EXPECT_EQ(Get(store, "s").secret_string, "x");
  ASSERT_EQ(outcomes.events.size(), 1u);
  EXPECT_EQ(outcomes.events[0].kind, EventKind::kRotationFailed);
  EXPECT_EQ(outcomes.events[0].version_id, Tok(2));
  EXPECT_EQ(outcomes.events[0].detail, "database unreachable");
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_FALSE(d.last_rotated_date.has_value());
  EXPECT_AWS_ERROR_UNCHANGED(store, Rotate(store, RotateRequest("s", Tok(3))),
                             "InvalidRequestException", kPreviousRotation);
}

// semantics.md §4.13 [MODEL]: "Failing to clean up a cancelled rotation can
// block you from starting future rotations" -- and removing AWSPENDING from
// the partial version unblocks them.
TEST(RotateSecretTest, RemovingPendingFromFailedVersionUnblocksRotation) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.raw().RegisterRotationHandler(kLambda,
                                      FillingHandler("bad", "testSecret"));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  ASSERT_OK(Cancel(store, "s"));
  Move(store, "s", "AWSPENDING", Tok(2), std::nullopt);
  store.raw().RegisterRotationHandler(kLambda, FillingHandler("good"));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(3))));
  // FillingHandler does not move AWSCURRENT: v3 stays pending, v2 deprecated.
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {"AWSCURRENT"}},
                                          {Tok(2), {}},
                                          {Tok(3), {"AWSPENDING"}}}));
  EXPECT_EQ(Describe(store, "s").rotation_enabled, true);
}

// ---- Configuration ------------------------------------------------------

// semantics.md §4.12 success bullet (verified, LS
// test_rotate_secret_with_lambda_success): RotationEnabled, RotationLambdaARN,
// RotationRules saved; NextRotationDate = LastRotatedDate + N days
// (rotation_schedule.h: the window start, exact arithmetic).
TEST(RotateSecretTest, RotationRulesAreSavedWithNextRotationDate) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.clock().Advance(absl::Hours(5) + absl::Milliseconds(7));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2), kLambda, Days(30))));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_EQ(d.rotation_lambda_arn, kLambda);
  EXPECT_EQ(d.rotation_rules, Days(30));
  ASSERT_TRUE(d.last_rotated_date.has_value());
  EXPECT_EQ(*d.last_rotated_date, store.Now());
  EXPECT_EQ(d.next_rotation_date, *d.last_rotated_date + absl::Hours(24 * 30));
}

// semantics.md §4.12 (RotationLambdaARN and RotationRules are optional once
// configured; the scheduler calls RotateSecret with neither).
TEST(RotateSecretTest, LaterRotationUsesStoredLambdaAndRules) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  StepRecorder recorder;
  store.raw().RegisterRotationHandler(kOtherLambda, recorder.Handler());
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2), kLambda, Days(10))));
  EXPECT_THAT(recorder.steps, IsEmpty());
  store.clock().Advance(absl::Hours(1));
  // Switch the Lambda, keep the rules.
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(3), kOtherLambda)));
  EXPECT_EQ(recorder.steps.size(), 4u);
  auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_lambda_arn, kOtherLambda);
  EXPECT_EQ(d.rotation_rules, Days(10));
  // Neither given: the stored Lambda (kOtherLambda) runs again. The recorder
  // left Tok(3) [AWSPENDING] without AWSCURRENT, so first clean it up.
  Move(store, "s", "AWSPENDING", Tok(3), std::nullopt);
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(4), std::nullopt)));
  EXPECT_EQ(recorder.steps.size(), 8u);
  d = Describe(store, "s");
  EXPECT_EQ(d.rotation_lambda_arn, kOtherLambda);
  EXPECT_EQ(d.rotation_rules, Days(10));
}

// Inferred (core/rotation_ops.cc, not in decisions.md): a token that already
// names a version of the secret repeats that rotation's response and runs
// nothing, like an idempotent PutSecretValue (semantics.md §11.14).
TEST(RotateSecretTest, RepeatedTokenDoesNotRotateAgain) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  const LabelMap labels = Labels(store, "s");
  StepRecorder recorder;
  store.raw().RegisterRotationHandler(kLambda, recorder.Handler());
  auto r = Rotate(store, RotateRequest("s", Tok(2)));
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_THAT(recorder.steps, IsEmpty());
  EXPECT_EQ(Labels(store, "s"), labels);
}

// ---- CancelRotateSecret -------------------------------------------------

// semantics.md §4.13 [MODEL DescribeSecret.RotationRules]: rotation is turned
// off but RotationLambdaARN and RotationRules stay; labels are not touched;
// NextRotationDate goes (rotation disabled).
TEST(CancelRotateSecretTest, KeepsLambdaAndRulesButTurnsRotationOff) {
  CheckedStore store;
  const auto created = Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2), kLambda, Days(30))));
  const LabelMap labels = Labels(store, "s");
  const auto before = Describe(store, "s");
  store.clock().Advance(absl::Minutes(3));
  auto r = Cancel(store, "s");
  ASSERT_OK(r);
  EXPECT_EQ(r->arn, created.arn);
  EXPECT_EQ(r->name, "s");
  EXPECT_FALSE(r->version_id.has_value());  // no rotation is pending
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, false);
  EXPECT_EQ(d.rotation_lambda_arn, kLambda);
  EXPECT_EQ(d.rotation_rules, Days(30));
  EXPECT_FALSE(d.next_rotation_date.has_value());
  EXPECT_EQ(d.last_rotated_date, before.last_rotated_date);
  EXPECT_EQ(Labels(store, "s"), labels);
}

// semantics.md §4.13: the response's VersionId is "the version … created
// during the rotation"; AWSPENDING stays on it ("You might need to remove
// the staging label AWSPENDING from the partially created version").
TEST(CancelRotateSecretTest, ReturnsPendingVersionOfIncompleteRotation) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.raw().RegisterRotationHandler(kLambda,
                                      FillingHandler("new", "testSecret"));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  const LabelMap labels = Labels(store, "s");
  auto r = Cancel(store, "s");
  ASSERT_OK(r);
  EXPECT_EQ(r->version_id, Tok(2));
  EXPECT_EQ(Labels(store, "s"), labels);
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSCURRENT"}}, {Tok(2), {"AWSPENDING"}}}));
  EXPECT_EQ(Describe(store, "s").rotation_enabled, false);
  // Still blocked until AWSPENDING is cleaned up (§4.13).
  EXPECT_AWS_ERROR_UNCHANGED(store, Rotate(store, RotateRequest("s", Tok(3))),
                             "InvalidRequestException", kPreviousRotation);
}

// decisions.md "Deletion": on a scheduled secret every operation but
// DescribeSecret, ListSecretVersionIds, RestoreSecret (and a forced delete)
// is InvalidRequestException.
TEST(CancelRotateSecretTest, ScheduledForDeletionIsInvalidRequest) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2), kLambda, Days(30))));
  ASSERT_OK(store.DeleteSecret({.secret_id = "s"}));
  const std::string before = RotationState(store, "s");
  EXPECT_AWS_ERROR_UNCHANGED(store, Cancel(store, "s"),
                             "InvalidRequestException", kMarkedForDeletion);
  EXPECT_EQ(RotationState(store, "s"), before);
}

TEST(CancelRotateSecretTest, UnknownSecretIsResourceNotFound) {
  CheckedStore store;
  EXPECT_AWS_ERROR(Cancel(store, "missing"), "ResourceNotFoundException",
                   kSecretNotFound);
}

// semantics.md §4.12: RotateSecret turns rotation on again ("RotationEnabled:
// true" after a rotation), with the rules kept by the cancel.
TEST(CancelRotateSecretTest, RotateSecretTurnsRotationBackOn) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2), kLambda, Days(7))));
  ASSERT_OK(Cancel(store, "s"));
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(3), std::nullopt)));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_EQ(d.rotation_rules, Days(7));
  EXPECT_EQ(d.next_rotation_date, store.Now() + absl::Hours(24 * 7));
}

// ---- Handlers -----------------------------------------------------------

// decisions.md "Rotation": the handler registered for the RotateSecret
// Lambda ARN runs; handlers of other ARNs do not.
TEST(RotationHandlerTest, HandlerRegisteredForTheArnIsUsed) {
  CheckedStore store;
  Create(store, "a", "x", Tok(1));
  Create(store, "b", "x", Tok(2));
  StepRecorder for_a;
  StepRecorder for_b;
  store.raw().RegisterRotationHandler(kLambda, for_a.Handler());
  store.raw().RegisterRotationHandler(kOtherLambda, for_b.Handler());
  ASSERT_OK(Rotate(store, RotateRequest("a", Tok(3), kLambda)));
  EXPECT_EQ(for_a.steps.size(), 4u);
  EXPECT_THAT(for_b.steps, IsEmpty());
  ASSERT_OK(Rotate(store, RotateRequest("b", Tok(4), kOtherLambda)));
  EXPECT_EQ(for_a.steps.size(), 4u);
  EXPECT_EQ(for_b.steps.size(), 4u);
  EXPECT_EQ(for_b.steps[0].client_request_token, Tok(4));
}

// decisions.md "Rotation": an ARN with no registered handler gets the
// built-in (template) handler, even when other ARNs have handlers.
TEST(RotationHandlerTest, UnregisteredArnUsesBuiltInHandler) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  StepRecorder recorder;
  store.raw().RegisterRotationHandler(kLambda, recorder.Handler());
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2), kOtherLambda)));
  EXPECT_THAT(recorder.steps, IsEmpty());
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                      {Tok(2), {"AWSCURRENT", "AWSPENDING"}}}));
}

// secret_store.h: RegisterRotationHandler replaces an earlier handler.
TEST(RotationHandlerTest, RegisteringAgainReplacesTheHandler) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  StepRecorder first;
  StepRecorder second;
  store.raw().RegisterRotationHandler(kLambda, first.Handler());
  store.raw().RegisterRotationHandler(kLambda, second.Handler());
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  EXPECT_THAT(first.steps, IsEmpty());
  EXPECT_EQ(second.steps.size(), 4u);
}

// secret_store.h: the first failing step stops the rotation.
TEST(RotationHandlerTest, FailingStepStopsTheRemainingSteps) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  std::vector<std::string> ran;
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore&, const Step& step) {
        ran.push_back(step.step);
        return step.step == "testSecret"
                   ? absl::InternalError("credentials rejected")
                   : absl::OkStatus();
      });
  ASSERT_OK(Rotate(store, RotateRequest("s", Tok(2))));
  EXPECT_THAT(ran, ElementsAre("createSecret", "setSecret", "testSecret"));
}

}  // namespace
}  // namespace secretstage::test
