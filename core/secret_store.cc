// SecretStore: construction, SecretId lookup, and the secret lifecycle
// (CreateSecret, DeleteSecret, RestoreSecret). The value and label
// operations live in value_ops.cc, version_stage_ops.cc and read_ops.cc.
#include "core/secret_store.h"

#include <cstring>
#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common_errors.h"
#include "core/absl_compat.h"
#include "core/errors.h"
#include "core/event_hub.h"
#include "core/label_table.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/tags.h"
#include "core/validation.h"
#include "core/value_write.h"
#include "model/labels.h"

namespace secretstage {
namespace {

using internal::Secret;
using internal::Sv;
using model::ErrorCode;


std::shared_ptr<Clock> ClockOrReal(std::shared_ptr<Clock> clock) {
  if (clock) return clock;
  return std::make_shared<RealClock>();
}

}  // namespace

SecretStore::SecretStore(StoreOptions options)
    : options_(std::move(options)),
      clock_(ClockOrReal(options_.clock)),
      manual_clock_(dynamic_cast<ManualClock*>(clock_.get())),
      arn_prefix_(absl::StrCat("arn:", options_.partition, ":secretsmanager:",
                               options_.region, ":", options_.account,
                               ":secret:")),
      ids_(options_.seed),
      events_(std::make_unique<internal::EventHub>()) {}

SecretStore::~SecretStore() = default;

void SecretStore::Schedule(DueWork work) {
  absl::MutexLock lock(&schedule_mu_);
  due_.insert(std::move(work));
}

uint64_t SecretStore::Subscribe(EventListener listener) {
  return events_->Subscribe(std::move(listener));
}

void SecretStore::Unsubscribe(uint64_t subscription) {
  events_->Unsubscribe(subscription);
}

absl::StatusOr<Secret*> SecretStore::FindLocked(
    const Shard& shard, const internal::ParsedSecretId& id,
    absl::Time now) const {
  if (id.elsewhere) return internal::SecretNotFound();
  auto it = shard.by_name.find(id.name);
  if (it == shard.by_name.end()) return internal::SecretNotFound();
  Secret* secret = it->get();
  if (secret->IsGoneAt(now)) return internal::SecretNotFound();
  if (!id.arn_suffix.empty() &&
      std::string_view(secret->arn_suffix, sizeof(secret->arn_suffix)) !=
          id.arn_suffix) {
    return internal::SecretNotFound();
  }
  return secret;
}

absl::StatusOr<Secret*> SecretStore::FindUsableLocked(
    const Shard& shard, const internal::ParsedSecretId& id,
    absl::Time now) const {
  absl::StatusOr<Secret*> secret = FindLocked(shard, id, now);
  if (secret.ok() && (*secret)->IsScheduled()) {
    return internal::MarkedForDeletion();
  }
  return secret;
}

absl::StatusOr<Secret*> SecretStore::FindUsableLocked(
    const Shard& shard, const internal::ParsedSecretId& id, absl::Time now,
    uint64_t hash) const {
  if (!id.elsewhere) {
    auto it = shard.by_name.find(id.name, hash);
    if (it != shard.by_name.end() && !(*it)->IsScheduled() &&
        (id.arn_suffix.empty() ||
         std::string_view((*it)->arn_suffix, 6) == id.arn_suffix)) {
      return it->get();
    }
  }
  return FindUsableLocked(shard, id, now);  // every other case, and errors
}

void SecretStore::EraseIfGoneLocked(Shard& shard, std::string_view name,
                                    absl::Time now) {
  auto it = shard.by_name.find(name);
  if (it != shard.by_name.end() && (*it)->IsGoneAt(now)) {
    shard.by_name.erase(it);
  }
}

absl::StatusOr<model::CreateSecretResponse> SecretStore::CreateSecret(
    const model::CreateSecretRequest& request) {
  internal::ConstraintChecker check;
  check.Length("name", request.name, 1, 512);
  check.OptionalLength("clientRequestToken", request.client_request_token, 32, 64);
  check.OptionalLength("description", request.description, 0, 2048);
  check.OptionalLength("kmsKeyId", request.kms_key_id, 0, 2048);
  check.OptionalLength("secretBinary", request.secret_binary, 1, 65536, true);
  check.OptionalLength("secretString", request.secret_string, 1, 65536, true, true);
  internal::CheckTags(check, request.tags);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  if (absl::Status s = internal::CheckSecretNameChars(request.name); !s.ok()) {
    return s;
  }
  if (request.secret_string && request.secret_binary) {
    return internal::BothValues();
  }
  absl::StatusOr<std::vector<model::Tag>> tags =
      internal::MergeTags({}, request.tags);
  if (!tags.ok()) return tags.status();
  const bool has_value = request.secret_string || request.secret_binary;
  const internal::ValueKind kind =
      request.secret_binary ? internal::ValueKind::kBinary
                            : internal::ValueKind::kString;
  std::string_view value;
  if (request.secret_binary) value = *request.secret_binary;
  if (request.secret_string) value = *request.secret_string;
  const std::string token =
      request.client_request_token ? *request.client_request_token
      : has_value                  ? ids_.Uuid()
                                   : std::string();

  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(request.name);
  internal::PendingEvents pending(events_.get());
  WriterLockGuard lock(&shard.mu);
  EraseIfGoneLocked(shard, request.name, now);
  auto it = shard.by_name.find(std::string_view(request.name));
  if (it != shard.by_name.end()) {
    Secret& existing = **it;
    if (existing.IsScheduled()) {
      return AwsError(ErrorCode::kInvalidRequestException,
                      "You can't create this secret because a secret with "
                      "this name is already scheduled for deletion.");
    }
    // The token as the server sees it, given or generated (semantics.md
    // §4.1: same name + same token).
    const int64_t v = has_value ? existing.FindVersion(token) : -1;
    if (v >= 0) {
      const internal::Version& version = existing.versions[static_cast<size_t>(v)];
      if (version.kind == kind && version.value == value) {
        return model::CreateSecretResponse{existing.Arn(), existing.name,
                                           version.id.str()};
      }
      return internal::TokenInUse(token, existing.Arn());
    }
    return AwsError(ErrorCode::kResourceExistsException,
                    absl::StrCat("The operation failed because the secret ",
                                 request.name, " already exists."));
  }

  auto secret = std::make_unique<Secret>();
  secret->name = request.name;
  secret->arn_prefix = &arn_prefix_;
  const std::string suffix = ids_.ArnSuffix();
  std::memcpy(secret->arn_suffix, suffix.data(), sizeof(secret->arn_suffix));
  // An empty Description is no Description: AWS omits it (semantics.md
  // §2 "only returns fields that have a value"; recorded:
  // test_create_secret_version_from_empty_secret).
  if (request.description && !request.description->empty()) {
    secret->description = request.description;
  }
  if (request.kms_key_id && !request.kms_key_id->empty()) {
    secret->kms_key_id = request.kms_key_id;
  }
  secret->tags = *std::move(tags);
  secret->created = now;
  secret->last_changed = now;
  model::CreateSecretResponse response{secret->Arn(), secret->name,
                                       std::nullopt};
  if (has_value) {
    const internal::Quotas quotas{options_.max_labels_per_secret,
                                  options_.max_versions_per_secret,
                                  options_.min_age_before_purge};
    absl::StatusOr<internal::ValueWriteResult> written = internal::WriteValue(
        *secret, internal::ValueWrite{token, kind, value, nullptr}, now, quotas);
    if (!written.ok()) return written.status();
    response.version_id = token;
  }
  if (pending.listening()) {
    pending.Add(internal::MakeEvent(EventKind::kSecretCreated, *secret, now));
    if (has_value) {
      pending.Add(internal::MakeEvent(EventKind::kVersionCreated, *secret, now,
                                      token));
      internal::AppendLabelDiff({}, *secret, now, pending.events());
    }
  }
  shard.by_name.insert(std::move(secret));
  pending.Commit();
  return response;
}

absl::StatusOr<model::DeleteSecretResponse> SecretStore::DeleteSecret(
    const model::DeleteSecretRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();
  const bool force = request.force_delete_without_recovery.value_or(false);
  if (force && request.recovery_window_in_days) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    "You can't use ForceDeleteWithoutRecovery in conjunction "
                    "with RecoveryWindowInDays.");
  }
  const int64_t window = request.recovery_window_in_days.value_or(30);
  if (window < 7 || window > 30) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    "The RecoveryWindowInDays value must be between 7 and 30 "
                    "days (inclusive).");
  }
  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(id->name);
  internal::PendingEvents pending(events_.get());
  WriterLockGuard lock(&shard.mu);
  EraseIfGoneLocked(shard, id->name, now);
  absl::StatusOr<Secret*> found = FindLocked(shard, *id, now);
  if (!found.ok()) {
    if (!force) return found.status();
    // AWS answers a forced delete of a missing secret as if it existed.
    const bool is_arn = request.secret_id.rfind("arn:", 0) == 0;
    return model::DeleteSecretResponse{
        is_arn ? request.secret_id
               : absl::StrCat(arn_prefix_, request.secret_id, "-",
                              ids_.ArnSuffix()),
        is_arn ? std::string(id->name) : request.secret_id, now};
  }
  Secret& secret = **found;
  if (force) {
    model::DeleteSecretResponse response{secret.Arn(), secret.name, now};
    pending.Add(internal::MakeEvent(EventKind::kSecretDeleted, secret, now));
    shard.by_name.erase(std::string_view(secret.name));
    pending.Commit();
    return response;
  }
  if (secret.IsScheduled()) {
    return AwsError(ErrorCode::kInvalidRequestException,
                    "You tried to perform the operation on a secret that's "
                    "currently marked deleted.");
  }
  secret.deletion_requested = now;
  secret.deletion_date = now + absl::Hours(24 * window);
  secret.last_changed = now;
  Schedule(DueWork{*secret.deletion_date, DueWork::kDeletion, secret.name,
                         secret.Arn()});
  pending.Add(internal::MakeEvent(EventKind::kDeletionScheduled, secret, now));
  pending.Commit();
  return model::DeleteSecretResponse{secret.Arn(), secret.name,
                                     *secret.deletion_date};
}

absl::StatusOr<model::RestoreSecretResponse> SecretStore::RestoreSecret(
    const model::RestoreSecretRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();
  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(id->name);
  internal::PendingEvents pending(events_.get());
  WriterLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindLocked(shard, *id, now);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  if (secret.IsScheduled()) {
    secret.deletion_requested.reset();
    secret.deletion_date.reset();
    secret.last_changed = now;
    pending.Add(internal::MakeEvent(EventKind::kSecretRestored, secret, now));
    pending.Commit();
  }
  return model::RestoreSecretResponse{secret.Arn(), secret.name};
}

}  // namespace secretstage
