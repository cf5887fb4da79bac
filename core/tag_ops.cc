// SecretStore::TagResource and UntagResource. Both are refused while the
// secret is scheduled for deletion (semantics.md §11.42, verified) and
// update LastChangedDate.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/errors.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/secret_store.h"
#include "core/tags.h"
#include "core/validation.h"

namespace secretstage {
namespace {

using internal::Secret;
using model::ErrorCode;

}  // namespace

absl::StatusOr<model::TagResourceResponse> SecretStore::TagResource(
    const model::TagResourceRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  internal::CheckTags(check, request.tags);
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

  // Merged into a copy first: a request that would exceed the quota
  // changes nothing.
  absl::StatusOr<std::vector<model::Tag>> tags =
      internal::MergeTags(secret.tags, request.tags);
  if (!tags.ok()) return tags.status();
  secret.tags = *std::move(tags);
  secret.last_changed = now;
  return model::TagResourceResponse{};
}

absl::StatusOr<model::UntagResourceResponse> SecretStore::UntagResource(
    const model::UntagResourceRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  check.EachLength("tagKeys", request.tag_keys, 1, 128);
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
  // Keys the secret does not have are ignored.
  std::vector<model::Tag>& tags = secret.tags;
  for (const std::string& key : request.tag_keys) {
    tags.erase(std::remove_if(tags.begin(), tags.end(),
                              [&](const model::Tag& t) { return t.key == key; }),
               tags.end());
  }
  secret.last_changed = now;
  return model::UntagResourceResponse{};
}

}  // namespace secretstage
