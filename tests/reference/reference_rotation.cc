// ReferenceStore RotateSecret and CancelRotateSecret (semantics.md §4.12,
// §4.13, §6; decisions.md "Rotation"; docs/rotation.md), with the built-in
// handler only: the AWS rotation template, written from semantics.md §6 as a
// function that calls this store's own operations the way the template
// Lambda calls the API. RotationRules: AutomaticallyAfterDays only.
//
// Not modelled: scheduled rotations. The reference has no scheduler; the
// differential harness moves the shared ManualClock directly (not
// SecretStore::AdvanceClock), so SecretStore's scheduler never runs either.
// NextRotationDate is compared as a date only.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.h"
#include "core/random_password.h"
#include "tests/reference/reference_messages.h"
#include "tests/reference/reference_store.h"
#include "tests/reference/reference_validation.h"

namespace secretstage::reference {

using model::ErrorCode;

namespace {

const std::string kAwsCurrent = "AWSCURRENT";
const std::string kAwsPending = "AWSPENDING";

bool Has(const std::vector<std::string>& labels, const std::string& label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

}  // namespace

// ---- The rotation template (semantics.md §6) ----------------------------------

absl::Status ReferenceStore::TemplateStep(const std::string& step,
                                          const std::string& arn,
                                          const std::string& token) {
  // Every step first: DescribeSecret and its checks.
  absl::StatusOr<model::DescribeSecretResponse> metadata =
      DescribeSecret({.secret_id = arn});
  if (!metadata.ok()) return metadata.status();
  if (!metadata->rotation_enabled.value_or(false)) {
    return absl::FailedPreconditionError("not enabled for rotation");
  }
  auto stages = metadata->version_ids_to_stages.find(token);
  if (stages == metadata->version_ids_to_stages.end()) {
    return absl::FailedPreconditionError("has no stage for rotation");
  }
  if (Has(stages->second, kAwsCurrent)) return absl::OkStatus();
  if (!Has(stages->second, kAwsPending)) {
    return absl::FailedPreconditionError("not set as AWSPENDING");
  }
  if (step == "createSecret") {
    // AWSCURRENT must exist; the pending value is made only if missing.
    absl::StatusOr<model::GetSecretValueResponse> current =
        GetSecretValue({.secret_id = arn, .version_stage = kAwsCurrent});
    if (!current.ok()) return current.status();
    absl::StatusOr<model::GetSecretValueResponse> pending = GetSecretValue(
        {.secret_id = arn, .version_id = token, .version_stage = kAwsPending});
    if (pending.ok()) return absl::OkStatus();
    if (AwsErrorCode(pending.status()) !=
        ErrorCode::kResourceNotFoundException) {
      return pending.status();
    }
    // GetRandomPassword with the template's EXCLUDE_CHARACTERS
    // (docs/rotation.md). The generator is core's, drawing from this
    // store's IdSource, like ARN suffixes and tokens (reference_store.h).
    absl::StatusOr<std::string> password = internal::RandomPassword(
        {.exclude_characters = "/@\"'\\"}, ids_);
    if (!password.ok()) return password.status();
    return PutSecretValue({.secret_id = arn,
                           .client_request_token = token,
                           .secret_string = *password,
                           .version_stages = std::vector<std::string>{
                               kAwsPending}})
        .status();
  }
  if (step == "finishSecret") {
    // Move AWSCURRENT from its holder to the token; AWSPENDING stays.
    std::optional<std::string> current;
    for (const auto& [id, labels] : metadata->version_ids_to_stages) {
      if (Has(labels, kAwsCurrent)) current = id;
    }
    return UpdateSecretVersionStage({.secret_id = arn,
                                     .version_stage = kAwsCurrent,
                                     .remove_from_version_id = current,
                                     .move_to_version_id = token})
        .status();
  }
  return absl::OkStatus();  // setSecret, testSecret: left to the user.
}

// ---- RotateSecret (semantics.md §4.12) ------------------------------------------

absl::StatusOr<model::RotateSecretResponse> ReferenceStore::RotateSecret(
    const model::RotateSecretRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  constraints.Length("clientRequestToken", request.client_request_token, 32,
                     64);
  constraints.Length("rotationLambdaARN", request.rotation_lambda_arn, 0,
                     2048);
  if (request.rotation_rules) {
    constraints.Range("rotationRules.automaticallyAfterDays",
                      request.rotation_rules->automatically_after_days, 1,
                      1000);
  }
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (request.rotation_rules &&
      (!request.rotation_rules->automatically_after_days ||
       request.rotation_rules->duration ||
       request.rotation_rules->schedule_expression)) {
    // Outside what the reference models: shows up as a disagreement.
    return absl::UnimplementedError("reference: AutomaticallyAfterDays only");
  }
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  // A generated token, after validation and before the secret lookup (as
  // for PutSecretValue).
  const std::string token = request.client_request_token
                                ? *request.client_request_token
                                : ids_.Uuid();
  const bool immediately = request.rotate_immediately.value_or(true);
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  const std::string arn = secret.arn;
  model::RotateSecretResponse response{secret.arn, secret.name, token};

  // A Lambda ARN given or stored (§11.49).
  std::optional<std::string> lambda_arn = secret.rotation_lambda_arn;
  if (request.rotation_lambda_arn && !request.rotation_lambda_arn->empty()) {
    lambda_arn = request.rotation_lambda_arn;
  }
  if (!lambda_arn) {
    return AwsError(ErrorCode::kInvalidRequestException,
                    msg::kNoRotationLambda);
  }
  // AWSPENDING on a version without AWSCURRENT: an unfinished rotation
  // (§11.50); with AWSCURRENT (what the template leaves) it does not block.
  const Version* pending = Holder(secret, kAwsPending);
  if (pending != nullptr && !HasLabel(*pending, kAwsCurrent)) {
    return AwsError(ErrorCode::kInvalidRequestException,
                    msg::kRotationIncomplete);
  }
  // A token naming a version already: that rotation, nothing runs
  // (docs/rotation.md, inferred).
  if (FindVersion(secret, token) != nullptr) return response;
  const std::optional<std::string> pending_before =
      pending != nullptr ? std::optional<std::string>(pending->id)
                         : std::nullopt;

  // The version the rotation works on, labelled AWSPENDING: value-less
  // (§11.51), or for RotateImmediately=false a copy of the current value.
  ValueWrite write{token, std::nullopt, std::nullopt, {kAwsPending},
                   /*for_rotation=*/true};
  if (const Version* current = Holder(secret, kAwsCurrent);
      !immediately && current != nullptr) {
    write.secret_string = current->secret_string;
    write.secret_binary = current->secret_binary;
  }
  absl::StatusOr<ValueWriteResult> written = WriteValue(secret, write);
  if (!written.ok()) return written.status();

  // The configuration, saved once nothing can fail.
  const absl::Time now = clock_.Now();
  secret.rotation_enabled = true;
  secret.rotation_lambda_arn = lambda_arn;
  if (request.rotation_rules) secret.rotation_rules = request.rotation_rules;
  // AutomaticallyAfterDays N: next = this rotation + N days; a manual
  // RotateSecret reschedules from its own time (docs/rotation.md
  // "Schedules").
  if (secret.rotation_rules) {
    secret.next_rotation_date =
        now + absl::Hours(24) * *secret.rotation_rules->automatically_after_days;
  }
  secret.last_changed_date = now;

  // The steps, in order; the first failure stops the rotation, and the
  // call still succeeds (asynchronous on AWS). RotateImmediately=false: only
  // testSecret.
  absl::Status result;
  for (const char* step :
       {"createSecret", "setSecret", "testSecret", "finishSecret"}) {
    if (!immediately && std::string(step) != "testSecret") continue;
    result = TemplateStep(step, arn, token);
    if (!result.ok()) break;
  }

  // Steps replaced the secret's contents: look it up again.
  Secret& after = **Find(arn);
  if (!immediately) {
    // The temporary version goes, with its label; AWSPENDING goes back to
    // where it was (the current version) (§11.54, decisions "Rotation").
    for (auto it = after.versions.begin(); it != after.versions.end(); ++it) {
      if (it->id == token) {
        after.versions.erase(it);
        break;
      }
    }
    if (pending_before && Holder(after, kAwsPending) == nullptr) {
      if (Version* back = FindVersion(after, *pending_before)) {
        back->labels.push_back(kAwsPending);
      }
    }
  } else if (result.ok()) {
    after.last_rotated_date = now;
  }
  return response;
}

// ---- CancelRotateSecret (semantics.md §4.13) -------------------------------------

absl::StatusOr<model::CancelRotateSecretResponse>
ReferenceStore::CancelRotateSecret(
    const model::CancelRotateSecretRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  // Refused while scheduled for deletion (decisions.md "Deletion": every
  // operation but Describe, ListSecretVersionIds, Restore and forced Delete).
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  model::CancelRotateSecretResponse response{secret.arn, secret.name,
                                             std::nullopt};
  // "the version created during the rotation": the AWSPENDING version,
  // unless it is also AWSCURRENT (a finished rotation). Labels stay.
  if (const Version* pending = Holder(secret, kAwsPending);
      pending != nullptr && !HasLabel(*pending, kAwsCurrent)) {
    response.version_id = pending->id;
  }
  // Turns automatic rotation off, keeping the Lambda ARN and rules; a
  // secret never configured for rotation is left as it is.
  if (secret.rotation_enabled) {
    secret.rotation_enabled = false;
    secret.next_rotation_date.reset();
    secret.last_changed_date = clock_.Now();
  }
  return response;
}

}  // namespace secretstage::reference
