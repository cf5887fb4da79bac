// SecretStore::TagResource and UntagResource. Both are refused while the
// secret is scheduled for deletion (semantics.md §11.42, verified) and
// update LastChangedDate.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/errors.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/secret_store.h"
#include "core/validation.h"

namespace secretstage {
namespace {

using internal::Secret;
using model::ErrorCode;

// AWS tag quota per resource (inferred for Secrets Manager: the general
// AWS tagging limit).
constexpr size_t kMaxTagsPerSecret = 50;

model::Tag* FindTag(std::vector<model::Tag>& tags, const std::string& key) {
  for (model::Tag& t : tags) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<model::TagResourceResponse> SecretStore::TagResource(
    const model::TagResourceRequest& request) {
  internal::ConstraintChecker check;
  check.Length("secretId", request.secret_id, 1, 2048);
  for (size_t i = 0; i < request.tags.size(); ++i) {
    const std::string member = absl::StrCat("tags.", i + 1, ".member.");
    check.Length(member + "key", request.tags[i].key, 1, 128);
    check.Length(member + "value", request.tags[i].value, 0, 256);
  }
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

  // Apply to a copy first: a request that would exceed the quota changes
  // nothing. A key given twice takes its last value.
  std::vector<model::Tag> tags = secret.tags;
  for (const model::Tag& tag : request.tags) {
    if (model::Tag* existing = FindTag(tags, tag.key)) {
      existing->value = tag.value;
    } else {
      tags.push_back(tag);
    }
  }
  if (tags.size() > kMaxTagsPerSecret) {
    return AwsError(ErrorCode::kLimitExceededException,
                    absl::StrCat("You can't attach more than ",
                                 kMaxTagsPerSecret, " tags to a secret."));
  }
  secret.tags = std::move(tags);
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
    if (model::Tag* t = FindTag(tags, key)) {
      tags.erase(tags.begin() + (t - tags.data()));
    }
  }
  secret.last_changed = now;
  return model::UntagResourceResponse{};
}

}  // namespace secretstage
