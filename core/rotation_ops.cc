// SecretStore rotation: RotateSecret, CancelRotateSecret and handler
// registration. docs/rotation.md describes the flow; the rules are
// semantics.md §4.12, §4.13, §6 and decisions.md "Rotation".
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/absl_compat.h"
#include "core/common_errors.h"
#include "core/errors.h"
#include "core/event_hub.h"
#include "core/label_table.h"
#include "core/rotation_schedule.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/secret_store.h"
#include "core/template_rotation.h"
#include "core/validation.h"
#include "core/value_write.h"
#include "model/labels.h"

namespace secretstage {
namespace {

using internal::Secret;
using model::ErrorCode;

constexpr const char* kSteps[] = {"createSecret", "setSecret", "testSecret",
                                  "finishSecret"};

// Removes the temporary version `id` that RotateImmediately=false created,
// with its labels; AWSPENDING goes back to `pending_before` if it was
// attached there before and is free now.
void RemoveTemporaryVersion(Secret& secret, const std::string& id,
                            const std::optional<std::string>& pending_before) {
  const int64_t index = secret.FindVersion(id);
  if (index < 0) return;
  const uint32_t victim = static_cast<uint32_t>(index);
  for (auto it = secret.labels.begin(); it != secret.labels.end();) {
    if (it->version == victim) {
      it = secret.labels.erase(it);
    } else {
      if (it->version > victim) --it->version;
      ++it;
    }
  }
  secret.versions.erase(secret.versions.begin() + index);
  secret.ReindexVersions();
  if (pending_before && secret.FindLabel(model::kAwsPending) == nullptr) {
    const int64_t back = secret.FindVersion(*pending_before);
    if (back >= 0) {
      internal::AttachLabel(secret.labels, model::kAwsPending,
                            static_cast<uint32_t>(back), secret.next_seq);
    }
  }
}

}  // namespace

void SecretStore::RegisterRotationHandler(std::string lambda_arn,
                                          RotationHandler handler) {
  absl::MutexLock lock(&handlers_mu_);
  handlers_[std::move(lambda_arn)] = std::move(handler);
}

absl::StatusOr<model::RotateSecretResponse> SecretStore::RotateSecret(
    const model::RotateSecretRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  check.OptionalLength("clientRequestToken", request.client_request_token, 32,
                       64);
  check.OptionalLength("rotationLambdaARN", request.rotation_lambda_arn, 0,
                       2048);
  // One ValidationException for every violated constraint, the rules' too.
  if (request.rotation_rules) {
    internal::CheckRotationRulesConstraints(check, *request.rotation_rules);
  }
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  if (request.rotation_rules) {
    if (absl::Status s = internal::ValidateRotationRules(*request.rotation_rules);
        !s.ok()) {
      return s;
    }
  }
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();
  const std::string token = request.client_request_token
                                ? *request.client_request_token
                                : ids_.Uuid();
  const bool immediately = request.rotate_immediately.value_or(true);

  const absl::Time now = clock_->Now();
  model::RotateSecretResponse response;
  std::string lambda_arn;
  std::optional<std::string> pending_before;  // for RotateImmediately=false
  {
    Shard& shard = ShardFor(id->name);
    internal::PendingEvents pending(events_.get());
    WriterLockGuard lock(&shard.mu);
    absl::StatusOr<Secret*> found = FindUsableLocked(shard, *id, now);
    if (!found.ok()) return found.status();
    Secret& secret = **found;
    response.arn = secret.Arn();
    response.name = secret.name;

    if (request.rotation_lambda_arn && !request.rotation_lambda_arn->empty()) {
      lambda_arn = *request.rotation_lambda_arn;
    } else if (secret.rotation_lambda_arn) {
      lambda_arn = *secret.rotation_lambda_arn;
    } else {
      return AwsError(ErrorCode::kInvalidRequestException,
                      "No Lambda rotation function ARN is associated with this "
                      "secret.");
    }
    const internal::LabelSlot* pending_slot =
        secret.FindLabel(model::kAwsPending);
    const internal::LabelSlot* current_slot =
        secret.FindLabel(model::kAwsCurrent);
    if (pending_slot != nullptr &&
        (current_slot == nullptr || pending_slot->version != current_slot->version)) {
      return AwsError(ErrorCode::kInvalidRequestException,
                      "A previous rotation isn't complete. That rotation will "
                      "be reattempted.");
    }
    if (secret.FindVersion(token) >= 0) {
      // A repeated token names the rotation that already ran (inferred).
      response.version_id = token;
      return response;
    }
    if (pending_slot != nullptr) {
      pending_before = secret.versions[pending_slot->version].id.str();
    }

    // The version the rotation works on: a value-less placeholder, or for
    // RotateImmediately=false a temporary copy of the current value.
    internal::LabelSnapshot before;
    if (pending.listening()) before = internal::SnapshotLabels(secret);
    const std::vector<std::string> stages = {std::string(model::kAwsPending)};
    internal::ValueWrite write{token, internal::ValueKind::kNone, {}, &stages,
                               /*placeholder=*/true};
    // A copy: WriteValue adds a version, which may move the one read here.
    std::string current_value;
    if (!immediately && current_slot != nullptr) {
      const internal::Version& current = secret.versions[current_slot->version];
      write.kind = current.kind;
      current_value = current.value.str();
      write.value = current_value;
    }
    absl::StatusOr<internal::ValueWriteResult> written = internal::WriteValue(
        secret, write, now,
        internal::Quotas{options_.max_labels_per_secret,
                         options_.max_versions_per_secret,
                         options_.min_age_before_purge});
    if (!written.ok()) return written.status();

    // The request's configuration is saved only once nothing can fail.
    secret.rotation_enabled = true;
    secret.rotation_lambda_arn = lambda_arn;
    if (request.rotation_rules) secret.rotation_rules = request.rotation_rules;
    if (!immediately && secret.rotation_rules) {
      secret.next_rotation = internal::NextRotationDate(*secret.rotation_rules, now);
      Schedule(DueWork{*secret.next_rotation, DueWork::kRotation, secret.name,
                       secret.Arn()});
    }
    secret.last_changed = now;
    response.version_id = token;
    if (pending.listening()) {
      internal::AppendWriteEvents(before, secret, *written, now, pending.events());
      pending.Commit();
    }
  }

  // The steps run without any lock: handlers call back into the store.
  RotationHandler handler = internal::TemplateRotationHandler;
  {
    absl::MutexLock lock(&handlers_mu_);
    auto it = handlers_.find(lambda_arn);
    if (it != handlers_.end()) handler = it->second;
  }
  absl::Status failure;
  for (const char* step : kSteps) {
    if (!immediately && std::string_view(step) != "testSecret") continue;
    Emit(StoreEvent{EventKind::kRotationStep, response.arn, token, step, {},
                    clock_->Now()});
    failure = handler(*this, RotationStep{step, response.arn, token});
    if (!failure.ok()) break;
  }
  FinishRotation(*id, response.arn, token, immediately, pending_before, failure);
  return response;
}

void SecretStore::FinishRotation(const internal::ParsedSecretId& id,
                                 const std::string& arn, const std::string& token,
                                 bool immediately,
                                 const std::optional<std::string>& pending_before,
                                 const absl::Status& failure) {
  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(id.name);
  internal::PendingEvents pending(events_.get());
  WriterLockGuard lock(&shard.mu);
  auto it = shard.by_name.find(std::string_view(id.name));
  if (it == shard.by_name.end() || (*it)->Arn() != arn) return;
  Secret& secret = **it;
  if (!immediately) {
    internal::LabelSnapshot before;
    if (pending.listening()) before = internal::SnapshotLabels(secret);
    RemoveTemporaryVersion(secret, token, pending_before);
    if (pending.listening()) {
      internal::AppendLabelDiff(before, secret, now, pending.events());
    }
  } else if (failure.ok()) {
    secret.last_rotated = now;
    if (secret.rotation_rules && secret.rotation_enabled.value_or(false)) {
      secret.next_rotation = internal::NextRotationDate(*secret.rotation_rules, now);
      Schedule(DueWork{*secret.next_rotation, DueWork::kRotation, secret.name,
                       secret.Arn()});
    }
    pending.Add(internal::MakeEvent(EventKind::kRotationSucceeded, secret, now,
                                    token));
  }
  if (!failure.ok()) {
    // AWS retries on its own schedule; the fake records the failure and
    // keeps the placeholder, so the next RotateSecret reports the
    // incomplete rotation (decisions.md "Rotation").
    secret.last_rotation_failure = std::string(failure.message());
    if (immediately && secret.rotation_rules &&
        secret.rotation_enabled.value_or(false)) {
      secret.next_rotation = internal::NextRotationDate(*secret.rotation_rules, now);
      Schedule(DueWork{*secret.next_rotation, DueWork::kRotation, secret.name,
                       secret.Arn()});
    }
    pending.Add(internal::MakeEvent(EventKind::kRotationFailed, secret, now,
                                    token, {}, std::string(failure.message())));
  }
  pending.Commit();
}

absl::StatusOr<model::CancelRotateSecretResponse>
SecretStore::CancelRotateSecret(const model::CancelRotateSecretRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();
  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(id->name);
  WriterLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindUsableLocked(shard, *id, now);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  model::CancelRotateSecretResponse response{secret.Arn(), secret.name,
                                             std::nullopt};
  const internal::LabelSlot* pending_slot = secret.FindLabel(model::kAwsPending);
  const internal::LabelSlot* current_slot = secret.FindLabel(model::kAwsCurrent);
  if (pending_slot != nullptr &&
      (current_slot == nullptr || pending_slot->version != current_slot->version)) {
    response.version_id = secret.versions[pending_slot->version].id.str();
  }
  if (secret.rotation_enabled.has_value()) {
    secret.rotation_enabled = false;
    secret.next_rotation.reset();
    secret.last_changed = now;
  }
  return response;
}

}  // namespace secretstage
