// SecretStore::UpdateSecretVersionStage: the label-move hot path.
//
// Rules and their order: docs/state-machine.md "UpdateSecretVersionStage".
// The steady-state path (a label already attached, moved between two
// existing versions) performs no heap allocation: the SecretId is resolved
// with string_view lookups, labels are found by a bounded scan of the
// secret's label table, and the response reuses the caller's strings.
#include "absl/base/optimization.h"
#include "absl/strings/str_cat.h"
#include "core/absl_compat.h"
#include "core/common_errors.h"
#include "core/errors.h"
#include "core/event_hub.h"
#include "core/label_table.h"
#include "core/secret.h"
#include "core/secret_id.h"
#include "core/secret_store.h"
#include "core/validation.h"
#include "core/value_write.h"
#include "model/labels.h"

namespace secretstage {
namespace {

using internal::LabelSlot;
using internal::Secret;
using internal::Sv;
using model::ErrorCode;

absl::Status NotAttachedTo(std::string_view label, std::string_view version) {
  return AwsError(ErrorCode::kInvalidParameterException,
                  absl::StrCat("The staging label ", Sv(label),
                               " is not attached to version ", Sv(version), "."));
}

// Applies the request to `secret` (already resolved, not scheduled).
absl::Status ApplyStageChange(Secret& secret,
                              const model::UpdateSecretVersionStageRequest& req,
                              int max_labels, absl::Time now) {
  const std::string_view label = req.version_stage;
  if (!req.move_to_version_id && !req.remove_from_version_id) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    "You must specify MoveToVersionId, RemoveFromVersionId, or "
                    "both.");
  }
  int64_t remove_from = -1;
  if (req.remove_from_version_id) {
    remove_from = secret.FindVersion(*req.remove_from_version_id);
    if (remove_from < 0) {
      return internal::VersionIdNotFound(*req.remove_from_version_id);
    }
  }
  int64_t move_to = -1;
  if (req.move_to_version_id) {
    move_to = secret.FindVersion(*req.move_to_version_id);
    if (move_to < 0) return internal::VersionIdNotFound(*req.move_to_version_id);
  }
  LabelSlot* slot = secret.FindLabel(label);
  const int64_t holder = slot ? static_cast<int64_t>(slot->version) : -1;

  if (move_to < 0) {  // Remove only.
    if (label == model::kAwsCurrent) {
      return AwsError(ErrorCode::kInvalidParameterException,
                      "You can only move staging label AWSCURRENT to a "
                      "different secret version. It can\xE2\x80\x99t be "
                      "completely removed.");
    }
    if (holder != remove_from) {
      return NotAttachedTo(label, *req.remove_from_version_id);
    }
    internal::DetachLabel(secret.labels, label);
    secret.last_changed = now;
    return absl::OkStatus();
  }

  const uint32_t m = static_cast<uint32_t>(move_to);
  if (holder < 0) {
    if (remove_from >= 0) return NotAttachedTo(label, *req.remove_from_version_id);
    if (static_cast<int64_t>(secret.labels.size()) + 1 > max_labels) {
      return internal::TooManyLabels(max_labels);
    }
    internal::AttachLabel(secret.labels, label, m, secret.next_seq);
    if (label == model::kAwsCurrent) secret.had_current = true;
    secret.last_changed = now;
    return absl::OkStatus();
  }
  if (holder == move_to) return absl::OkStatus();
  if (remove_from < 0) {
    return AwsError(
        ErrorCode::kInvalidParameterException,
        absl::StrCat("The parameter RemoveFromVersionId can't be empty. "
                     "Staging label ",
                     Sv(label), " is currently attached to version ",
                     Sv(secret.versions[static_cast<size_t>(holder)].id),
                     ", so you must explicitly reference that version in "
                     "RemoveFromVersionId."));
  }
  if (remove_from != holder) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    absl::StrCat("When you move staging label ", Sv(label),
                                 ", if you specify RemoveFromVersionId, it "
                                 "must be set to the version that currently "
                                 "has the staging label ",
                                 Sv(label), "."));
  }
  const uint32_t h = static_cast<uint32_t>(holder);
  if (label == model::kAwsCurrent) {
    LabelSlot* previous = secret.FindLabel(model::kAwsPrevious);
    if (previous == nullptr &&
        static_cast<int64_t>(secret.labels.size()) + 1 > max_labels) {
      return internal::TooManyLabels(max_labels);
    }
    if (previous != nullptr) {
      if (previous->version != h) {
        previous->version = h;
        previous->attach_seq = secret.next_seq++;
      }
    } else {
      // May allocate the label table's growth; only the first time.
      internal::AttachLabel(secret.labels, model::kAwsPrevious, h,
                            secret.next_seq);
      slot = secret.FindLabel(label);  // push_back may have moved the slots
    }
  }
  slot->version = m;
  slot->attach_seq = secret.next_seq++;
  secret.last_changed = now;
  return absl::OkStatus();
}

// True when every length constraint of the request holds, so that the
// ConstraintChecker (which builds messages) can be skipped: it would find
// nothing. Saved ~200 instructions per call (ConstraintChecker construction,
// four Length calls, ToStatus; BM_MoveCustomLabel/secrets:1, callgrind).
bool LengthsOk(const model::UpdateSecretVersionStageRequest& r) {
  auto in = [](size_t n, size_t min, size_t max) {
    return n - min <= max - min;  // min <= n <= max, one compare
  };
  return in(r.secret_id.size(), 1, 2048) && in(r.version_stage.size(), 1, 256) &&
         (!r.remove_from_version_id || in(r.remove_from_version_id->size(), 32, 64)) &&
         (!r.move_to_version_id || in(r.move_to_version_id->size(), 32, 64));
}

}  // namespace

absl::Status SecretStore::UpdateSecretVersionStage(
    const model::UpdateSecretVersionStageRequest& request,
    model::UpdateSecretVersionStageResponse* response) {
  if (ABSL_PREDICT_FALSE(!LengthsOk(request))) {
    internal::ConstraintChecker check;
    check.Length("secretId", request.secret_id, 1, 2048);
    check.Length("versionStage", request.version_stage, 1, 256);
    check.OptionalLength("removeFromVersionId", request.remove_from_version_id, 32, 64);
    check.OptionalLength("moveToVersionId", request.move_to_version_id, 32, 64);
    return check.ToStatus();
  }
  absl::StatusOr<internal::ParsedSecretId> id =
      internal::ParseSecretIdFast(request.secret_id, arn_prefix_);
  if (!id.ok()) return id.status();

  const absl::Time now = clock_->Now();
  // One hash of the name picks the shard and probes its set.
  const uint64_t hash = internal::FastHash(id->name);
  Shard& shard = ShardForHash(hash);
  internal::PendingEvents pending(events_.get());
  WriterLockGuard lock(&shard.mu);
  absl::StatusOr<Secret*> found = FindUsableLocked(shard, *id, now, hash);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  // Only a subscribed listener pays for the label diff.
  internal::LabelSnapshot before;
  if (pending.listening()) before = internal::SnapshotLabels(secret);
  if (absl::Status s = ApplyStageChange(secret, request,
                                        options_.max_labels_per_secret, now);
      !s.ok()) {
    return s;
  }
  if (pending.listening()) {
    internal::AppendLabelDiff(before, secret, now, pending.events());
    pending.Commit();
  }
  // Into the caller's strings: no allocation once they have grown.
  secret.AssignArn(&response->arn);
  response->name.assign(secret.name);
  return absl::OkStatus();
}

absl::StatusOr<model::UpdateSecretVersionStageResponse>
SecretStore::UpdateSecretVersionStage(
    const model::UpdateSecretVersionStageRequest& request) {
  model::UpdateSecretVersionStageResponse response;
  if (absl::Status s = UpdateSecretVersionStage(request, &response); !s.ok()) {
    return s;
  }
  return response;
}

}  // namespace secretstage
