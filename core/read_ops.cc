// SecretStore read operations: GetSecretValue, DescribeSecret,
// ListSecretVersionIds. They take the shard lock shared; the only thing a
// read writes is LastAccessedDate, which is a relaxed atomic.
#include <algorithm>

#include "absl/strings/string_view.h"
#include "core/absl_compat.h"
#include "core/common_errors.h"
#include "core/errors.h"
#include "core/label_table.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/secret_store.h"
#include "core/validation.h"
#include "model/labels.h"

namespace secretstage {
namespace {

using internal::Secret;
using internal::Version;
using model::ErrorCode;

constexpr int64_t kSecondsPerDay = 86400;

// Unix seconds of UTC midnight of `t`'s day.
int64_t DayOf(absl::Time t) {
  const int64_t s = absl::ToUnixSeconds(t);
  return s - (((s % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay);
}

std::optional<absl::Time> AccessDate(const internal::RelaxedInt64& day) {
  const int64_t d = day.load();
  if (d == internal::kNeverAccessed) return std::nullopt;
  return absl::FromUnixSeconds(d);
}

void RecordAccess(internal::RelaxedInt64& day, int64_t today) {
  if (day.load() != today) day.store(today);
}

std::vector<std::string> KmsKeyIdsOf(const Version& v) {
  return {v.kms_key_id.value_or("DefaultEncryptionKey")};
}

}  // namespace

absl::StatusOr<model::GetSecretValueResponse> SecretStore::GetSecretValue(
    const model::GetSecretValueRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  check.OptionalLength("versionId", request.version_id, 32, 64);
  check.OptionalLength("versionStage", request.version_stage, 1, 256);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();

  const absl::Time now = clock_->Now();
  const Shard& shard = ShardFor(id->name);
  ReaderLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindUsableLocked(shard, *id, now);
  if (!found.ok()) return found.status();
  Secret& secret = **found;

  int64_t index;
  if (request.version_id) {
    index = secret.FindVersion(*request.version_id);
    if (index < 0) {
      if (secret.purged_version_ids.contains(internal::Sv(*request.version_id))) {
        return internal::VersionPurged(*request.version_id);
      }
      return internal::VersionIdNotFound(*request.version_id);
    }
    if (request.version_stage) {
      const internal::LabelSlot* slot = secret.FindLabel(*request.version_stage);
      if (slot == nullptr || slot->version != index) {
        return AwsError(ErrorCode::kInvalidRequestException,
                        "You provided a VersionStage that is not associated "
                        "to the provided VersionId.");
      }
    }
    if (secret.versions[static_cast<size_t>(index)].kind ==
        internal::ValueKind::kNone) {
      return internal::VersionIdNotFound(*request.version_id);
    }
  } else {
    const std::string_view stage =
        request.version_stage ? std::string_view(*request.version_stage)
                              : model::kAwsCurrent;
    const internal::LabelSlot* slot = secret.FindLabel(stage);
    if (slot == nullptr ||
        secret.versions[slot->version].kind == internal::ValueKind::kNone) {
      return internal::StageNotFound(stage);
    }
    index = slot->version;
  }

  Version& v = secret.versions[static_cast<size_t>(index)];
  const int64_t today = DayOf(now);
  RecordAccess(v.last_accessed_day, today);
  RecordAccess(secret.last_accessed_day, today);
  model::GetSecretValueResponse response;
  response.arn = secret.arn;
  response.name = secret.name;
  response.version_id = v.id;
  if (v.kind == internal::ValueKind::kBinary) {
    response.secret_binary = v.value;
  } else {
    response.secret_string = v.value;
  }
  response.version_stages = secret.LabelsOf(static_cast<uint32_t>(index));
  response.created_date = v.created;
  return response;
}

absl::StatusOr<model::DescribeSecretResponse> SecretStore::DescribeSecret(
    const model::DescribeSecretRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();

  const absl::Time now = clock_->Now();
  const Shard& shard = ShardFor(id->name);
  ReaderLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindLocked(shard, *id, now);
  if (!found.ok()) return found.status();
  const Secret& secret = **found;
  model::DescribeSecretResponse response;
  response.arn = secret.arn;
  response.name = secret.name;
  response.description = secret.description;
  response.kms_key_id = secret.kms_key_id;
  response.last_changed_date = secret.last_changed;
  response.last_accessed_date = AccessDate(secret.last_accessed_day);
  response.deleted_date = secret.deletion_date;
  response.tags = secret.tags;
  for (uint32_t i = 0; i < secret.versions.size(); ++i) {
    std::vector<std::string> labels = secret.LabelsOf(i);
    if (!labels.empty()) {
      response.version_ids_to_stages.emplace(secret.versions[i].id,
                                             std::move(labels));
    }
  }
  response.created_date = secret.created;
  return response;
}

absl::StatusOr<model::ListSecretVersionIdsResponse>
SecretStore::ListSecretVersionIds(
    const model::ListSecretVersionIdsRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  if (request.max_results) check.Range("maxResults", *request.max_results, 1, 100);
  check.OptionalLength("nextToken", request.next_token, 1, 4096);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretId(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();

  const absl::Time now = clock_->Now();
  const Shard& shard = ShardFor(id->name);
  ReaderLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindLocked(shard, *id, now);
  if (!found.ok()) return found.status();
  const Secret& secret = **found;
  const bool include_deprecated = request.include_deprecated.value_or(false);

  // Newest first: versions are stored in creation order.
  std::vector<uint32_t> listed;
  for (uint32_t i = static_cast<uint32_t>(secret.versions.size()); i-- > 0;) {
    if (include_deprecated || internal::HasLabels(secret.labels, i)) {
      listed.push_back(i);
    }
  }
  size_t start = 0;
  if (request.next_token) {
    auto it = std::find_if(listed.begin(), listed.end(), [&](uint32_t i) {
      return secret.versions[i].id == *request.next_token;
    });
    if (it == listed.end()) {
      return AwsError(ErrorCode::kInvalidNextTokenException,
                      "The NextToken value is invalid.");
    }
    start = static_cast<size_t>(it - listed.begin());
  }
  const size_t page = static_cast<size_t>(request.max_results.value_or(100));
  const size_t end = std::min(listed.size(), start + page);

  model::ListSecretVersionIdsResponse response;
  response.arn = secret.arn;
  response.name = secret.name;
  for (size_t k = start; k < end; ++k) {
    const Version& v = secret.versions[listed[k]];
    model::SecretVersionsListEntry entry;
    entry.version_id = v.id;
    entry.version_stages = secret.LabelsOf(listed[k]);
    entry.last_accessed_date = AccessDate(v.last_accessed_day);
    entry.created_date = v.created;
    entry.kms_key_ids = KmsKeyIdsOf(v);
    response.versions.push_back(std::move(entry));
  }
  if (end < listed.size()) response.next_token = secret.versions[listed[end]].id;
  return response;
}

}  // namespace secretstage
