// The AWS rotation template flow, step by step, exactly as the template
// calls the API (semantics.md §6 [TPL]: aws-samples/aws-secrets-manager-
// rotation-lambdas SecretsManagerRotationTemplate/lambda_function.py), run
// as a registered rotation handler; the results are compared with the label
// tables AWS recorded (/work/shared/spec/aws-recordings/rotation*.json).
//
// semantics.md §11 rotation scenarios 49-54 are already covered one test
// each in secret_store_rotation_test.cc (RotateSecretTest):
//   49 NoLambdaArnIsInvalidRequestAndChangesNothing
//   50 PendingOnAnotherVersionIsPreviousRotationIncomplete
//   51 PlaceholderIsValuelessPendingVersionDuringCreateSecret
//   52 CreateSecretStepPutFillsThePlaceholder
//   53 BuiltInHandlerRotatesToRandomPassword
//   54 RotateImmediatelyFalseOnlyTestsATemporaryCopy
// Here: the template's own calls (§6), the recordings, and the code of the
// docs/rotation.md examples (RotationDocExample), kept as tests so the docs
// never show code that does not compile or does not pass.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/events.h"
#include "core/secret_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Step = SecretStore::RotationStep;
using StageMap = std::map<std::string, std::vector<std::string>>;

constexpr char kLambda[] =
    "arn:aws:lambda:us-east-1:123456789012:function:template";
// lambda_function.py: EXCLUDE_CHARACTERS default.
constexpr char kExcludeCharacters[] = "/@\"'\\";

bool Has(const std::vector<std::string>& stages, std::string_view label) {
  return std::find(stages.begin(), stages.end(), label) != stages.end();
}

// What one step saw: DescribeSecret's VersionIdsToStages and RotationEnabled
// at the start of the step (the template's checks).
struct StepView {
  std::string step;
  bool rotation_enabled = false;
  StageMap stages;
};

// lambda_function.py, transcribed call by call onto SecretStore. Every
// response the template depends on is checked as it is received.
class TemplateLambda {
 public:
  // LocalStack's test Lambda also removes AWSPENDING in finishSecret
  // (semantics.md §6); the official template does not.
  explicit TemplateLambda(bool remove_pending_in_finish = false)
      : remove_pending_in_finish_(remove_pending_in_finish) {}

  SecretStore::RotationHandler Handler() {
    return [this](SecretStore& store, const Step& step) {
      return Run(store, step);
    };
  }

  // lambda_handler(event, context).
  absl::Status Run(SecretStore& store, const Step& step) {
    const std::string& arn = step.secret_id;
    const std::string& token = step.client_request_token;
    // "Make sure the version is staged correctly".
    auto metadata = store.DescribeSecret({arn});
    if (!metadata.ok()) return metadata.status();
    views.push_back({step.step, metadata->rotation_enabled.value_or(false),
                     metadata->version_ids_to_stages});
    if (!metadata->rotation_enabled.value_or(false)) {
      return absl::FailedPreconditionError("not enabled for rotation");
    }
    auto versions = metadata->version_ids_to_stages.find(token);
    if (versions == metadata->version_ids_to_stages.end()) {
      return absl::FailedPreconditionError("has no stage for rotation");
    }
    if (Has(versions->second, "AWSCURRENT")) {
      already_current_returns++;
      return absl::OkStatus();  // "already set as AWSCURRENT"
    }
    if (!Has(versions->second, "AWSPENDING")) {
      return absl::FailedPreconditionError("not set as AWSPENDING");
    }
    if (step.step == "createSecret") return CreateSecret(store, arn, token);
    if (step.step == "setSecret" || step.step == "testSecret") {
      return absl::OkStatus();  // the template leaves these to the user
    }
    if (step.step == "finishSecret") return FinishSecret(store, arn, token);
    return absl::InvalidArgumentError("Invalid step parameter");
  }

  // create_secret(service_client, arn, token).
  absl::Status CreateSecret(SecretStore& store, const std::string& arn,
                            const std::string& token) {
    // "Make sure the current secret exists".
    auto current = store.GetSecretValue(
        {.secret_id = arn, .version_id = {}, .version_stage = "AWSCURRENT"});
    if (!current.ok()) return current.status();
    // "Now try to get the secret version, if that fails, put a new secret".
    auto pending = store.GetSecretValue(
        {.secret_id = arn, .version_id = token, .version_stage = "AWSPENDING"});
    if (pending.ok()) {
      existing_pending_found++;
      return absl::OkStatus();
    }
    if (AwsErrorName(pending.status()) != "ResourceNotFoundException") {
      return pending.status();
    }
    EXPECT_EQ(pending.status().message(), NoValueForVersionId(token));
    auto password =
        store.GetRandomPassword({.exclude_characters = kExcludeCharacters});
    if (!password.ok()) return password.status();
    passwords.push_back(password->random_password);
    auto put = store.PutSecretValue(
        {.secret_id = arn,
         .client_request_token = token,
         .secret_string = password->random_password,
         .version_stages = std::vector<std::string>{"AWSPENDING"}});
    if (put.ok()) {
      EXPECT_EQ(put->version_id, token);
      EXPECT_THAT(put->version_stages, ElementsAre("AWSPENDING"));
    }
    return put.status();
  }

  // finish_secret(service_client, arn, token).
  absl::Status FinishSecret(SecretStore& store, const std::string& arn,
                            const std::string& token) {
    auto metadata = store.DescribeSecret({arn});
    if (!metadata.ok()) return metadata.status();
    std::string current_version;
    for (const auto& [version, stages] : metadata->version_ids_to_stages) {
      if (Has(stages, "AWSCURRENT")) {
        if (version == token) return absl::OkStatus();
        current_version = version;
      }
    }
    absl::Status moved = store
                             .UpdateSecretVersionStage(
                                 {.secret_id = arn,
                                  .version_stage = "AWSCURRENT",
                                  .remove_from_version_id = current_version,
                                  .move_to_version_id = token})
                             .status();
    if (!moved.ok() || !remove_pending_in_finish_) return moved;
    return store
        .UpdateSecretVersionStage({.secret_id = arn,
                                   .version_stage = "AWSPENDING",
                                   .remove_from_version_id = token,
                                   .move_to_version_id = {}})
        .status();
  }

  std::vector<StepView> views;
  std::vector<std::string> passwords;
  int already_current_returns = 0;
  int existing_pending_found = 0;

 private:
  const bool remove_pending_in_finish_;
};

absl::StatusOr<model::RotateSecretResponse> Rotate(
    CheckedStore& store, std::string id,
    std::optional<model::RotationRules> rules = {},
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

// ListSecretVersionIds as the LocalStack snapshots normalise it
// (semantics.md §0 [LS] caveat): Versions by CreatedDate, VersionStages
// sorted, ids replaced by the names in `names`; one line per version with
// the keys it has.
std::vector<std::string> NormalisedVersions(
    CheckedStore& store, std::string_view id,
    const std::map<std::string, std::string>& names) {
  auto listed = store.ListSecretVersionIds({std::string(id), {}, {}, {}});
  EXPECT_OK(listed);
  if (!listed.ok()) return {};
  std::vector<model::SecretVersionsListEntry> versions = listed->versions;
  std::stable_sort(versions.begin(), versions.end(),
                   [](const auto& a, const auto& b) {
                     return a.created_date < b.created_date;
                   });
  std::vector<std::string> out;
  for (const auto& v : versions) {
    std::vector<std::string> stages = v.version_stages;
    std::sort(stages.begin(), stages.end());
    auto name = names.find(v.version_id);
    out.push_back(
        absl::StrCat(name == names.end() ? v.version_id : name->second, " [",
                     absl::StrJoin(stages, ","), "]",
                     v.last_accessed_date ? " LastAccessedDate" : "",
                     " KmsKeyIds=", absl::StrJoin(v.kms_key_ids, ",")));
  }
  return out;
}

// DescribeSecret's VersionIdsToStages, normalised the same way.
std::map<std::string, std::vector<std::string>> NormalisedStages(
    CheckedStore& store, std::string_view id,
    const std::map<std::string, std::string>& names) {
  std::map<std::string, std::vector<std::string>> out;
  for (auto [version, stages] : Describe(store, id).version_ids_to_stages) {
    std::sort(stages.begin(), stages.end());
    auto name = names.find(version);
    out[name == names.end() ? version : name->second] = stages;
  }
  return out;
}

// ---- The template flow
// ---------------------------------------------------------

// semantics.md §6 (every step: DescribeSecret checks RotationEnabled, the
// token has a stage, not AWSCURRENT yet, AWSPENDING), §4.12 (the value-less
// AWSPENDING placeholder whose VersionId is the token) and §11.53: what each
// step of the template sees, and the labels it leaves.
TEST(RotationTemplateTest, EachStepSeesThePlaceholderTheTemplateChecks) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  TemplateLambda lambda;
  store.raw().RegisterRotationHandler(kLambda, lambda.Handler());
  auto r = Rotate(store, "s");
  ASSERT_OK(r);
  const std::string token = *r->version_id;
  ASSERT_EQ(lambda.views.size(), 4u);
  const StageMap during = {{Tok(1), {"AWSCURRENT"}}, {token, {"AWSPENDING"}}};
  const char* steps[] = {"createSecret", "setSecret", "testSecret",
                         "finishSecret"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(lambda.views[i].step, steps[i]);
    EXPECT_TRUE(lambda.views[i].rotation_enabled) << steps[i];
    EXPECT_EQ(lambda.views[i].stages, during) << steps[i];
  }
  EXPECT_EQ(lambda.already_current_returns, 0);
  EXPECT_EQ(lambda.existing_pending_found, 0);
}

// semantics.md §6 createSecret and §11.52 (MOTO-VF): GetSecretValue of the
// placeholder by VersionId+VersionStage is ResourceNotFoundException (checked
// in TemplateLambda::CreateSecret); PutSecretValue(token, password,
// [AWSPENDING]) fills the placeholder instead of adding a version
// (decisions.md "PutSecretValue"); AWSCURRENT does not move until
// finishSecret.
TEST(RotationTemplateTest, CreateSecretFillsThePlaceholderWithoutNewVersion) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  TemplateLambda lambda;
  std::optional<std::string> current_at_finish;
  std::optional<std::string> pending_at_finish;
  store.raw().RegisterRotationHandler(kLambda, [&](SecretStore& raw,
                                                   const Step& step) {
    if (step.step == "finishSecret") {
      auto c = raw.GetSecretValue(
          {.secret_id = step.secret_id, .version_id = {}, .version_stage = {}});
      if (c.ok()) current_at_finish = c->secret_string;
      auto p = raw.GetSecretValue(
          GetRequest(step.secret_id, step.client_request_token, "AWSPENDING"));
      if (p.ok()) pending_at_finish = p->secret_string;
    }
    return lambda.Run(raw, step);
  });
  auto r = Rotate(store, "s");
  ASSERT_OK(r);
  ASSERT_EQ(lambda.passwords.size(), 1u);
  const std::string& password = lambda.passwords[0];
  EXPECT_EQ(password.size(), 32u);  // GetRandomPassword default length
  EXPECT_EQ(password.find_first_of(kExcludeCharacters), std::string::npos);
  EXPECT_EQ(current_at_finish, "x");
  EXPECT_EQ(pending_at_finish, password);
  EXPECT_EQ(AllVersions(store, "s").size(), 2u);
  EXPECT_EQ(Get(store, "s").secret_string, password);
}

// semantics.md §11.53 / §4.12 "AWS does not strip AWSPENDING itself"
// (verified, LS-HIST 947ff144e, recorded 2023-12-19): after the template's
// finishSecret move the new version is [AWSCURRENT, AWSPENDING] and the old
// one [AWSPREVIOUS]; LastRotatedDate is set. Cross-checked against
// aws-recordings/rotation_history_pending_retained.json
// "list_secret_versions_rotated_1" (normalised as LocalStack does; the old
// version was read by createSecret, the new one never, hence
// LastAccessedDate on the old one only).
TEST(RotationTemplateTest,
     FinishSecretLeavesRecordedCurrentPendingAndPrevious) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.clock().Advance(absl::Minutes(5));
  TemplateLambda lambda;
  store.raw().RegisterRotationHandler(kLambda, lambda.Handler());
  auto r = Rotate(store, "s");
  ASSERT_OK(r);
  const std::string token = *r->version_id;
  EXPECT_EQ(Labels(store, "s"),
            (LabelMap{{Tok(1), {"AWSPREVIOUS"}},
                      {token, {"AWSCURRENT", "AWSPENDING"}}}));
  const std::map<std::string, std::string> names = {{Tok(1), "<old>"},
                                                    {token, "<rotated>"}};
  EXPECT_THAT(
      NormalisedVersions(store, "s", names),
      ElementsAre(
          "<old> [AWSPREVIOUS] LastAccessedDate KmsKeyIds=DefaultEncryptionKey",
          "<rotated> [AWSCURRENT,AWSPENDING] KmsKeyIds=DefaultEncryptionKey"));
  const auto d = Describe(store, "s");
  EXPECT_EQ(d.last_rotated_date, store.Now());
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_EQ(d.rotation_lambda_arn, kLambda);
}

// semantics.md §4.12 (AWSPENDING co-attached with AWSCURRENT does not block
// rotation [DOC]) and §4.2 rule 3: a second template rotation takes
// AWSPENDING along to its placeholder; the first rotated version becomes
// AWSPREVIOUS and the original is deprecated (§1.4).
TEST(RotationTemplateTest, SecondRotationTakesPendingAlong) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  TemplateLambda lambda;
  store.raw().RegisterRotationHandler(kLambda, lambda.Handler());
  auto first = Rotate(store, "s");
  ASSERT_OK(first);
  store.clock().Advance(absl::Hours(1));
  lambda.views.clear();
  auto second = Rotate(store, "s");
  ASSERT_OK(second);
  const std::string t1 = *first->version_id;
  const std::string t2 = *second->version_id;
  ASSERT_FALSE(lambda.views.empty());
  EXPECT_EQ(lambda.views[0].stages, (StageMap{{Tok(1), {"AWSPREVIOUS"}},
                                              {t1, {"AWSCURRENT"}},
                                              {t2, {"AWSPENDING"}}}));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {}},
                                          {t1, {"AWSPREVIOUS"}},
                                          {t2, {"AWSCURRENT", "AWSPENDING"}}}));
}

// semantics.md §6 ("if token already has AWSCURRENT -> return"; createSecret
// skips the put when the pending version exists) and [DOC] "Secrets Manager
// retries the entire rotation process": the store's answers make a retried
// step a no-op.
TEST(RotationTemplateTest, RetriedStepsChangeNothing) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  TemplateLambda lambda;
  // createSecret runs twice, as on a retry.
  store.raw().RegisterRotationHandler(
      kLambda, [&](SecretStore& raw, const Step& step) {
        absl::Status s = lambda.Run(raw, step);
        if (s.ok() && step.step == "createSecret") s = lambda.Run(raw, step);
        return s;
      });
  auto r = Rotate(store, "s");
  ASSERT_OK(r);
  EXPECT_EQ(lambda.passwords.size(), 1u);
  EXPECT_EQ(lambda.existing_pending_found, 1);
  const LabelMap labels = Labels(store, "s");
  // Every step again after the rotation finished: all return at once.
  for (const char* step :
       {"createSecret", "setSecret", "testSecret", "finishSecret"}) {
    EXPECT_OK(lambda.Run(store.raw(), {step, r->arn, *r->version_id}));
  }
  EXPECT_EQ(lambda.already_current_returns, 4);
  EXPECT_EQ(Labels(store, "s"), labels);
  ASSERT_OK(store.raw().CheckInvariants());
}

// decisions.md "Rotation": the built-in handler (no handler registered for
// the ARN) does what the template does. Same calls, same events: the change
// events of a rotation by the built-in handler and by the transcribed
// template are the same, up to version ids.
TEST(RotationTemplateTest, BuiltInHandlerMakesTheSameChangesAsTheTemplate) {
  auto run = [](bool builtin) {
    CheckedStore store;
    Create(store, "s", "x", Tok(1));
    TemplateLambda lambda;
    if (!builtin)
      store.raw().RegisterRotationHandler(kLambda, lambda.Handler());
    std::vector<std::string> events;
    std::map<std::string, std::string> names = {{Tok(1), "<old>"}};
    const uint64_t id = store.raw().Subscribe([&](const StoreEvent& e) {
      std::string v = e.version_id;
      if (!v.empty() && !names.count(v)) names[v] = "<rotated>";
      events.push_back(absl::StrCat(std::string(EventKindName(e.kind)), " ",
                                    e.label, " ", v.empty() ? "" : names[v]));
    });
    EXPECT_OK(Rotate(store, "s"));
    store.raw().Unsubscribe(id);
    const auto versions = NormalisedVersions(store, "s", names);
    events.insert(events.end(), versions.begin(), versions.end());
    return events;
  };
  const std::vector<std::string> builtin = run(true);
  EXPECT_FALSE(builtin.empty());
  EXPECT_EQ(builtin, run(false));
}

// ---- The recorded rotations
// ------------------------------------------------------

// aws-recordings/rotation.json "test_rotate_secret_multiple_times_with_lambda_
// success" (verified, recorded 2025-03-29): LocalStack's Lambda = the
// template + finishSecret removing AWSPENDING (semantics.md §6). Two
// rotations with AutomaticallyAfterDays=1; after each, DescribeSecret's
// VersionIdsToStages and ListSecretVersionIds are those recorded, and the
// rotation fields recorded are present.
TEST(RotationTemplateTest, LocalStackLambdaMatchesRecordedRotations) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  store.clock().Advance(absl::Minutes(1));
  TemplateLambda lambda(/*remove_pending_in_finish=*/true);
  store.raw().RegisterRotationHandler(kLambda, lambda.Handler());
  auto first =
      Rotate(store, "s", model::RotationRules{.automatically_after_days = 1});
  ASSERT_OK(first);
  std::map<std::string, std::string> names = {
      {Tok(1), "<version_uuid:1>"}, {*first->version_id, "<version_uuid:2>"}};
  // describe_secret_rotated_1
  EXPECT_EQ(NormalisedStages(store, "s", names),
            (StageMap{{"<version_uuid:1>", {"AWSPREVIOUS"}},
                      {"<version_uuid:2>", {"AWSCURRENT"}}}));
  auto d = Describe(store, "s");
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_EQ(d.rotation_lambda_arn, kLambda);
  EXPECT_EQ(d.rotation_rules,
            model::RotationRules{.automatically_after_days = 1});
  EXPECT_TRUE(d.last_rotated_date.has_value());
  EXPECT_TRUE(d.next_rotation_date.has_value());
  EXPECT_TRUE(d.last_changed_date.has_value());
  EXPECT_TRUE(d.last_accessed_date.has_value());
  // list_secret_versions_rotated_1_1
  EXPECT_THAT(NormalisedVersions(store, "s", names),
              ElementsAre("<version_uuid:1> [AWSPREVIOUS] LastAccessedDate "
                          "KmsKeyIds=DefaultEncryptionKey",
                          "<version_uuid:2> [AWSCURRENT] "
                          "KmsKeyIds=DefaultEncryptionKey"));

  store.clock().Advance(absl::Minutes(1));
  auto second = Rotate(store, "s");
  ASSERT_OK(second);
  names[*second->version_id] = "<version_uuid:3>";
  // describe_secret_rotated_2
  EXPECT_EQ(NormalisedStages(store, "s", names),
            (StageMap{{"<version_uuid:2>", {"AWSPREVIOUS"}},
                      {"<version_uuid:3>", {"AWSCURRENT"}}}));
  // list_secret_versions_rotated_1_2
  EXPECT_THAT(NormalisedVersions(store, "s", names),
              ElementsAre("<version_uuid:2> [AWSPREVIOUS] LastAccessedDate "
                          "KmsKeyIds=DefaultEncryptionKey",
                          "<version_uuid:3> [AWSCURRENT] "
                          "KmsKeyIds=DefaultEncryptionKey"));
}

// aws-recordings/rotation_history_rotate_immediately_false.json (verified,
// LS-HIST 63ea482a0, recorded 2025-03-15) and §11.54: RotateImmediately=
// false with AutomaticallyAfterDays=1 returns a VersionId that is absent
// afterwards; DescribeSecret has RotationEnabled, the rules and a
// NextRotationDate but no LastRotatedDate (and, as recorded, no
// LastAccessedDate: testSecret read nothing).
TEST(RotationTemplateTest, RotateImmediatelyFalseMatchesRecording) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  TemplateLambda lambda;
  store.raw().RegisterRotationHandler(kLambda, lambda.Handler());
  auto r =
      Rotate(store, "s", model::RotationRules{.automatically_after_days = 1},
             /*immediately=*/false);
  ASSERT_OK(r);
  ASSERT_TRUE(r->version_id.has_value());
  ASSERT_EQ(lambda.views.size(), 1u);
  EXPECT_EQ(lambda.views[0].step, "testSecret");
  const std::map<std::string, std::string> names = {
      {Tok(1), "<version_uuid:1>"}, {*r->version_id, "<version_uuid:2>"}};
  // describe_secret_rotated_1
  const auto d = Describe(store, "s");
  EXPECT_EQ(NormalisedStages(store, "s", names),
            (StageMap{{"<version_uuid:1>", {"AWSCURRENT"}}}));
  EXPECT_EQ(d.rotation_enabled, true);
  EXPECT_EQ(d.rotation_rules,
            model::RotationRules{.automatically_after_days = 1});
  EXPECT_TRUE(d.next_rotation_date.has_value());
  EXPECT_FALSE(d.last_rotated_date.has_value());
  EXPECT_FALSE(d.last_accessed_date.has_value());
  // list_secret_versions_rotated_1_1
  EXPECT_THAT(NormalisedVersions(store, "s", names),
              ElementsAre("<version_uuid:1> [AWSCURRENT] "
                          "KmsKeyIds=DefaultEncryptionKey"));
}

// ---- docs/rotation.md examples (keep in sync)
// -----------------------------------

// docs/rotation.md "Register a handler". Keep the code between the markers
// identical to the doc.
TEST(RotationDocExample, RegisterAHandler) {
  // [docs/rotation.md: register]
  SecretStore store;
  auto created =
      store.CreateSecret({.name = "prod/db", .secret_string = "pw-1"});

  // What your rotation Lambda does, as a C++ callable. It gets the AWS event
  // (Step, SecretId = the ARN, ClientRequestToken) and calls the store back.
  int password_counter = 1;
  store.RegisterRotationHandler(
      "arn:aws:lambda:us-east-1:123456789012:function:db-rotator",
      [&](SecretStore& s,
          const SecretStore::RotationStep& step) -> absl::Status {
        if (step.step == "createSecret") {
          // Fill the AWSPENDING placeholder (VersionId = the token).
          return s
              .PutSecretValue(
                  {.secret_id = step.secret_id,
                   .client_request_token = step.client_request_token,
                   .secret_string = absl::StrCat("pw-", ++password_counter),
                   .version_stages = {{"AWSPENDING"}}})
              .status();
        }
        if (step.step == "finishSecret") {
          auto current = s.GetSecretValue({.secret_id = step.secret_id});
          if (!current.ok()) return current.status();
          return s
              .UpdateSecretVersionStage(
                  {.secret_id = step.secret_id,
                   .version_stage = "AWSCURRENT",
                   .remove_from_version_id = current->version_id,
                   .move_to_version_id = step.client_request_token})
              .status();
        }
        return absl::OkStatus();  // setSecret, testSecret: nothing to do here
      });

  auto rotated = store.RotateSecret(
      {.secret_id = "prod/db",
       .rotation_lambda_arn =
           "arn:aws:lambda:us-east-1:123456789012:function:db-rotator",
       .rotation_rules = model::RotationRules{.automatically_after_days = 30}});
  // rotated->version_id is the new version: AWSCURRENT + AWSPENDING on it,
  // AWSPREVIOUS on the old one, "pw-2" is the current value.
  // [docs/rotation.md: end]
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(rotated.ok()) << rotated.status();
  EXPECT_EQ(store.GetSecretValue({.secret_id = "prod/db"})->secret_string,
            "pw-2");
  auto d = store.DescribeSecret({"prod/db"});
  ASSERT_TRUE(d.ok());
  LabelMap labels;
  for (const auto& [version, stages] : d->version_ids_to_stages) {
    labels[version] = std::set<std::string>(stages.begin(), stages.end());
  }
  EXPECT_EQ(labels,
            (LabelMap{{*created->version_id, {"AWSPREVIOUS"}},
                      {*rotated->version_id, {"AWSCURRENT", "AWSPENDING"}}}));
  EXPECT_TRUE(store.CheckInvariants().ok());
}

// docs/rotation.md "Simulate months in seconds". Keep the code between the
// markers identical to the doc.
TEST(RotationDocExample, SimulatorClockAndEvents) {
  // [docs/rotation.md: simulate]
  auto clock = std::make_shared<ManualClock>();  // 2024-01-01T00:00:00Z
  SecretStore store({.clock = clock, .seed = 7});
  std::vector<std::string> log;
  uint64_t subscription = store.Subscribe([&](const StoreEvent& e) {
    if (e.kind == EventKind::kLabelAttached && e.label == "AWSCURRENT") {
      log.push_back(absl::StrCat(
          absl::FormatTime("%Y-%m-%d", e.time, absl::UTCTimeZone()),
          " AWSCURRENT -> ", e.version_id));
    }
  });
  auto created =
      store.CreateSecret({.name = "app/key", .secret_string = "k-1"});
  // No handler registered for this ARN: the built-in template handler runs.
  auto started = store.RotateSecret(
      {.secret_id = "app/key",
       .rotation_lambda_arn =
           "arn:aws:lambda:us-east-1:123456789012:function:any",
       .rotation_rules = model::RotationRules{.automatically_after_days = 30},
       .rotate_immediately = false});
  // Ninety days later: rotations ran on 2024-01-31, 03-01 and 03-31.
  absl::Status advanced = store.AdvanceClock(absl::Hours(24 * 90));
  store.Unsubscribe(subscription);
  // [docs/rotation.md: end]
  ASSERT_TRUE(created.ok()) << created.status();
  ASSERT_TRUE(started.ok()) << started.status();
  ASSERT_TRUE(advanced.ok()) << advanced;
  ASSERT_EQ(log.size(), 4u);  // the create, then three rotations
  EXPECT_EQ(log[1].substr(0, 10), "2024-01-31");
  EXPECT_EQ(log[2].substr(0, 10), "2024-03-01");
  EXPECT_EQ(log[3].substr(0, 10), "2024-03-31");
  EXPECT_TRUE(store.CheckInvariants().ok());
}

}  // namespace
}  // namespace secretstage::test
