// SecretStore read operations: GetSecretValue, DescribeSecret,
// ListSecretVersionIds. They take the shard lock shared; the only thing a
// read writes is LastAccessedDate, which is a relaxed atomic. GetSecretValue's
// version lookup is internal::ReadVersion (version_read.cc).
#include <algorithm>

#include "core/common_errors.h"
#include "core/errors.h"
#include "core/label_table.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/secret_listing.h"
#include "core/secret_store.h"
#include "core/validation.h"
#include "core/version_read.h"

namespace secretstage {
namespace {

using internal::AccessDate;
using internal::Secret;
using internal::Version;

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
  return internal::ReadVersion(**found, request.version_id,
                               request.version_stage, now);
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
  internal::DescribeInto(secret, response, response.version_ids_to_stages);
  return response;
}

absl::StatusOr<model::ListSecretVersionIdsResponse>
SecretStore::ListSecretVersionIds(
    const model::ListSecretVersionIdsRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  if (request.max_results)
    check.Range("maxResults", *request.max_results, 1, 100);
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
      return internal::InvalidNextToken();
    }
    start = static_cast<size_t>(it - listed.begin());
  }
  const size_t page = static_cast<size_t>(request.max_results.value_or(100));
  const size_t end = std::min(listed.size(), start + page);

  model::ListSecretVersionIdsResponse response;
  response.arn = secret.Arn();
  response.name = secret.name;
  for (size_t k = start; k < end; ++k) {
    const Version& v = secret.versions[listed[k]];
    model::SecretVersionsListEntry entry;
    entry.version_id = v.id.str();
    entry.version_stages = secret.LabelsOf(listed[k]);
    entry.last_accessed_date = AccessDate(v.last_accessed_day);
    entry.created_date = v.created;
    entry.kms_key_ids = KmsKeyIdsOf(v);
    response.versions.push_back(std::move(entry));
  }
  if (end < listed.size())
    response.next_token = secret.versions[listed[end]].id.str();
  return response;
}

}  // namespace secretstage
