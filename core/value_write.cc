#include "core/value_write.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common_errors.h"
#include "core/errors.h"
#include "core/label_table.h"
#include "model/labels.h"

namespace secretstage::internal {
namespace {

using model::ErrorCode;

absl::Status TooManyVersions(int max) {
  return AwsError(
      ErrorCode::kLimitExceededException,
      absl::StrCat("You can't create more versions of this secret. Secrets "
                   "Manager keeps at most ",
                   max,
                   " versions, and removes deprecated versions only after "
                   "they are 24 hours old."));
}

// The effective label list L: the request's stages without duplicates, or
// AWSCURRENT; plus AWSCURRENT for a secret's first version.
std::vector<std::string_view> EffectiveLabels(const ValueWrite& write,
                                              bool first_version) {
  if (write.placeholder) first_version = false;
  std::vector<std::string_view> labels;
  if (write.stages == nullptr) {
    labels.push_back(model::kAwsCurrent);
    return labels;
  }
  for (const std::string& s : *write.stages) {
    if (std::find(labels.begin(), labels.end(), s) == labels.end()) {
      labels.push_back(s);
    }
  }
  if (first_version && std::find(labels.begin(), labels.end(),
                                 model::kAwsCurrent) == labels.end()) {
    labels.push_back(model::kAwsCurrent);
  }
  return labels;
}

// Indices of the versions to purge so that one more version fits, oldest
// first, judged on the planned labels. Error if not enough can go.
absl::StatusOr<std::vector<uint32_t>> PlanPurge(const Secret& secret,
                                                const LabelTable& plan,
                                                absl::Time now,
                                                const Quotas& quotas) {
  std::vector<uint32_t> victims;
  const int64_t excess = static_cast<int64_t>(secret.versions.size()) + 1 -
                         quotas.max_versions_per_secret;
  if (excess <= 0) return victims;
  std::vector<uint32_t> candidates;
  for (uint32_t i = 0; i < secret.versions.size(); ++i) {
    const Version& v = secret.versions[i];
    if (!HasLabels(plan, i) && v.created + quotas.min_age_before_purge <= now) {
      candidates.push_back(i);
    }
  }
  if (static_cast<int64_t>(candidates.size()) < excess) {
    return TooManyVersions(quotas.max_versions_per_secret);
  }
  // versions are in creation order, so the first candidates are the oldest.
  candidates.resize(static_cast<size_t>(excess));
  return candidates;
}

// Removes `victims` (ascending indices) from `secret.versions`, renumbers
// `plan`'s holders (including `*new_index`, the not-yet-created version) and
// rebuilds the version index.
void Purge(Secret& secret, const std::vector<uint32_t>& victims,
           LabelTable& plan, uint32_t* new_index) {
  std::vector<uint32_t> remap(secret.versions.size() + 1, UINT32_MAX);
  VersionList kept;
  kept.reserve(secret.versions.size());
  size_t next_victim = 0;
  for (uint32_t i = 0; i < secret.versions.size(); ++i) {
    if (next_victim < victims.size() && victims[next_victim] == i) {
      ++next_victim;
      secret.AddPurged(secret.versions[i].id);
      continue;
    }
    remap[i] = static_cast<uint32_t>(kept.size());
    kept.push_back(std::move(secret.versions[i]));
  }
  remap[secret.versions.size()] = static_cast<uint32_t>(kept.size());
  secret.versions = std::move(kept);
  for (LabelSlot& slot : plan) slot.version = remap[slot.version];
  *new_index = remap[*new_index];
  secret.ReindexVersions();
}

}  // namespace

absl::Status TooManyLabels(int max) {
  return AwsError(ErrorCode::kLimitExceededException,
                  absl::StrCat("You can't attach more than ", max,
                               " staging labels to the versions of a secret."));
}

absl::StatusOr<ValueWriteResult> WriteValue(Secret& secret,
                                            const ValueWrite& write,
                                            absl::Time now,
                                            const Quotas& quotas) {
  const int64_t existing = secret.FindVersion(write.token);
  if (existing >= 0) {
    const Version& v = secret.versions[static_cast<size_t>(existing)];
    if (v.kind != ValueKind::kNone) {
      if (v.kind == write.kind && v.value == write.value) {
        return ValueWriteResult{static_cast<uint32_t>(existing), false};
      }
      return TokenInUse(write.token, secret.Arn());
    }
  } else if (secret.IsPurged(write.token)) {
    return VersionPurged(write.token);
  }

  const bool creates = existing < 0;
  uint32_t target = creates ? static_cast<uint32_t>(secret.versions.size())
                            : static_cast<uint32_t>(existing);
  const std::vector<std::string_view> labels =
      EffectiveLabels(write, secret.versions.empty());

  // Plan on a copy of the (small) label table; commit only if all is well.
  LabelTable plan = secret.labels;
  uint64_t seq = secret.next_seq;
  ApplyValueLabels(plan, labels, target, seq);
  if (static_cast<int64_t>(plan.size()) > quotas.max_labels_per_secret) {
    return TooManyLabels(quotas.max_labels_per_secret);
  }
  std::vector<uint32_t> victims;
  if (creates) {
    absl::StatusOr<std::vector<uint32_t>> planned =
        PlanPurge(secret, plan, now, quotas);
    if (!planned.ok()) return planned.status();
    victims = *std::move(planned);
  }

  // Commit.
  ValueWriteResult result{target, true, creates, {}};
  for (uint32_t i : victims) result.purged.push_back(secret.versions[i].id.str());
  if (!victims.empty()) Purge(secret, victims, plan, &target);
  if (creates) {
    Version v;
    v.id = write.token;
    v.created = now;
    v.creation_seq = seq++;
    v.kms_key_id = secret.kms_key_id;
    secret.versions.push_back(std::move(v));
    secret.ReindexVersions();
  }
  Version& v = secret.versions[target];
  v.kind = write.kind;
  v.value = write.value;
  // Encrypted now: a filled placeholder gets the secret's key of now too.
  v.kms_key_id = secret.kms_key_id;
  secret.labels = std::move(plan);
  secret.next_seq = seq;
  if (secret.FindLabel(model::kAwsCurrent) != nullptr) secret.had_current = true;
  secret.last_changed = now;
  result.version = target;
  return result;
}

}  // namespace secretstage::internal
