// SecretStore operations that write a secret value: PutSecretValue and
// UpdateSecret. The label rules they share are in value_write.cc.
#include <string>

#include "absl/strings/string_view.h"
#include "core/common_errors.h"
#include "core/errors.h"
#include "core/event_hub.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/secret_store.h"
#include "core/validation.h"
#include "core/value_write.h"

namespace secretstage {
namespace {

using internal::Secret;
using model::ErrorCode;

bool IsRotationTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

absl::StatusOr<model::PutSecretValueResponse> SecretStore::PutSecretValue(
    const model::PutSecretValueRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  check.OptionalLength("clientRequestToken", request.client_request_token, 32, 64);
  check.OptionalLength("secretBinary", request.secret_binary, 1, 65536, true);
  check.OptionalLength("secretString", request.secret_string, 1, 65536, true, true);
  if (request.version_stages) {
    check.ListSize("versionStages", *request.version_stages, 1, 20);
    check.EachLength("versionStages", *request.version_stages, 1, 256);
  }
  if (request.rotation_token) {
    check.Length("rotationToken", *request.rotation_token, 36, 256);
    check.Charset("rotationToken", *request.rotation_token, "^[a-zA-Z0-9\\-]+$",
                  IsRotationTokenChar);
  }
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();
  if (request.secret_string && request.secret_binary) {
    return internal::BothValues();
  }
  if (!request.secret_string && !request.secret_binary) {
    return AwsError(ErrorCode::kInvalidRequestException,
                    "You must provide either SecretString or SecretBinary.");
  }
  const std::string token = request.client_request_token
                                ? *request.client_request_token
                                : ids_.Uuid();
  const internal::ValueWrite write{
      token,
      request.secret_binary ? internal::ValueKind::kBinary
                            : internal::ValueKind::kString,
      request.secret_binary ? *request.secret_binary : *request.secret_string,
      request.version_stages ? &*request.version_stages : nullptr};

  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(id->name);
  internal::PendingEvents pending(events_.get());
  WriterLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindUsableLocked(shard, *id, now);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  internal::LabelSnapshot before;
  if (pending.listening()) before = internal::SnapshotLabels(secret);
  absl::StatusOr<internal::ValueWriteResult> written = internal::WriteValue(
      secret, write, now,
      internal::Quotas{options_.max_labels_per_secret,
                       options_.max_versions_per_secret,
                       options_.min_age_before_purge});
  if (!written.ok()) return written.status();
  if (pending.listening()) {
    internal::AppendWriteEvents(before, secret, *written, now, pending.events());
    pending.Commit();
  }
  return model::PutSecretValueResponse{
      secret.Arn(), secret.name, secret.versions[written->version].id.str(),
      secret.LabelsOf(written->version)};
}

absl::StatusOr<model::UpdateSecretResponse> SecretStore::UpdateSecret(
    const model::UpdateSecretRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  check.OptionalLength("clientRequestToken", request.client_request_token, 32, 64);
  check.OptionalLength("description", request.description, 0, 2048);
  check.OptionalLength("kmsKeyId", request.kms_key_id, 0, 2048);
  check.OptionalLength("secretBinary", request.secret_binary, 1, 65536, true);
  check.OptionalLength("secretString", request.secret_string, 1, 65536, true, true);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();
  if (request.secret_string && request.secret_binary) {
    return internal::BothValues();
  }
  const bool has_value = request.secret_string || request.secret_binary;
  const std::string token =
      !has_value                     ? std::string()
      : request.client_request_token ? *request.client_request_token
                                     : ids_.Uuid();

  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(id->name);
  internal::PendingEvents pending(events_.get());
  WriterLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindUsableLocked(shard, *id, now);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  internal::LabelSnapshot before;
  if (pending.listening()) before = internal::SnapshotLabels(secret);
  model::UpdateSecretResponse response{secret.Arn(), secret.name, std::nullopt};
  int64_t written_version = -1;
  if (has_value) {
    const internal::ValueWrite write{
        token,
        request.secret_binary ? internal::ValueKind::kBinary
                              : internal::ValueKind::kString,
        request.secret_binary ? *request.secret_binary : *request.secret_string,
        nullptr};
    absl::StatusOr<internal::ValueWriteResult> written = internal::WriteValue(
        secret, write, now,
        internal::Quotas{options_.max_labels_per_secret,
                         options_.max_versions_per_secret,
                         options_.min_age_before_purge});
    if (!written.ok()) return written.status();
    response.version_id = secret.versions[written->version].id.str();
    if (pending.listening()) {
      internal::AppendWriteEvents(before, secret, *written, now,
                                  pending.events());
      pending.Commit();
    }
    written_version = written->changed ? static_cast<int64_t>(written->version)
                                       : -1;
  }
  // Metadata changes come last: the value write above is the only step
  // that can fail.
  // Description "" clears it (an empty Description is omitted, as at
  // CreateSecret).
  if (request.description) {
    std::optional<std::string> description;
    if (!request.description->empty()) description = request.description;
    if (description != secret.description) {
      secret.description = std::move(description);
      secret.last_changed = now;
    }
  }
  if (request.kms_key_id) {
    std::optional<std::string> key;
    if (!request.kms_key_id->empty()) key = request.kms_key_id;
    if (key != secret.kms_key_id) {
      secret.kms_key_id = std::move(key);
      secret.last_changed = now;
    }
  }
  // A version written by this call is encrypted under the new key.
  if (written_version >= 0) {
    secret.versions[static_cast<size_t>(written_version)].kms_key_id =
        secret.kms_key_id;
  }
  return response;
}

}  // namespace secretstage
