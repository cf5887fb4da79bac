// ReferenceStore TagResource and UntagResource (semantics.md §5, §11.42:
// refused while scheduled for deletion).
#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/errors.h"
#include "tests/reference/reference_messages.h"
#include "tests/reference/reference_store.h"
#include "tests/reference/reference_validation.h"

namespace secretstage::reference {

using model::ErrorCode;

absl::StatusOr<model::TagResourceResponse> ReferenceStore::TagResource(
    const model::TagResourceRequest& request) {
  ForgetGoneSecrets();
  // Tag Key 1..128, Value 0..256 (semantics.md §4.1 request sizes).
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  for (size_t i = 0; i < request.tags.size(); ++i) {
    const std::string key = absl::StrCat("tags.", i + 1, ".member.key");
    const std::string value = absl::StrCat("tags.", i + 1, ".member.value");
    constraints.Length(key.c_str(), request.tags[i].key, 1, 128);
    constraints.Length(value.c_str(), request.tags[i].value, 0, 256);
  }
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  // A key already present gets the new value in place; a new key is
  // appended. On a copy: over the quota, nothing changes.
  std::vector<model::Tag> tags = secret.tags;
  for (const model::Tag& tag : request.tags) {
    auto same_key = [&](const model::Tag& t) { return t.key == tag.key; };
    auto it = std::find_if(tags.begin(), tags.end(), same_key);
    if (it != tags.end()) {
      it->value = tag.value;
    } else {
      tags.push_back(tag);
    }
  }
  if (tags.size() > static_cast<size_t>(msg::kMaxTags)) {
    return AwsError(ErrorCode::kLimitExceededException, msg::kTagQuota);
  }
  secret.tags = std::move(tags);
  // Spec silent on LastChangedDate: a tag call counts as a change (as
  // SecretStore does).
  secret.last_changed_date = clock_.Now();
  return model::TagResourceResponse{};
}

absl::StatusOr<model::UntagResourceResponse> ReferenceStore::UntagResource(
    const model::UntagResourceRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  constraints.EachLength("tagKeys", request.tag_keys, 1, 128);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  // Unknown keys are ignored.
  std::vector<model::Tag> kept;
  for (const model::Tag& t : secret.tags) {
    if (std::find(request.tag_keys.begin(), request.tag_keys.end(), t.key) ==
        request.tag_keys.end()) {
      kept.push_back(t);
    }
  }
  secret.tags = std::move(kept);
  secret.last_changed_date = clock_.Now();
  return model::UntagResourceResponse{};
}

}  // namespace secretstage::reference
