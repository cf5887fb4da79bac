// ReferenceStore::UpdateSecretVersionStage, checked in the order of
// decisions.md "UpdateSecretVersionStage" (= state-machine.md rules 1-6).
#include <algorithm>
#include <utility>

#include "core/errors.h"
#include "tests/reference/reference_messages.h"
#include "tests/reference/reference_store.h"
#include "tests/reference/reference_validation.h"

namespace secretstage::reference {

using model::ErrorCode;

absl::StatusOr<model::UpdateSecretVersionStageResponse>
ReferenceStore::UpdateSecretVersionStage(
    const model::UpdateSecretVersionStageRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  constraints.Length("versionStage", request.version_stage, 1, 256);
  constraints.Length("removeFromVersionId", request.remove_from_version_id, 32,
                     64);
  constraints.Length("moveToVersionId", request.move_to_version_id, 32, 64);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  // 1. Exists, not scheduled.
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  const model::UpdateSecretVersionStageResponse response{secret.arn,
                                                         secret.name};
  const std::string& label = request.version_stage;
  const std::optional<std::string>& r = request.remove_from_version_id;
  const std::optional<std::string>& m = request.move_to_version_id;
  // 2. Neither id.
  if (!r && !m) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    msg::kNeitherVersionId);
  }
  // 3. r, then m, must be versions of the secret (a purged id is not).
  for (const std::optional<std::string>& id : {r, m}) {
    if (id && FindVersion(secret, *id) == nullptr) {
      return AwsError(ErrorCode::kResourceNotFoundException,
                      msg::NoValueForVersionId(*id));
    }
  }

  Secret next = secret;
  if (m) {
    // 4. Move to m; h = holder(label).
    Version* h = Holder(next, label);
    Version* to = FindVersion(next, *m);
    if (h == nullptr) {
      // Unattached: RemoveFromVersionId, if given, must hold it (it cannot).
      if (r) {
        return AwsError(ErrorCode::kInvalidParameterException,
                        msg::LabelNotOnVersion(label, *r));
      }
      // Attach (AWSCURRENT: no AWSPREVIOUS is created, §11.32).
      to->labels.push_back(label);
    } else if (h == to) {
      return response;  // Already there: success, nothing changes.
    } else if (!r) {
      return AwsError(ErrorCode::kInvalidParameterException,
                      msg::RemoveFromCantBeEmpty(label, h->id));  // §11.25.
    } else if (*r != h->id) {
      return AwsError(ErrorCode::kInvalidParameterException,
                      msg::RemoveFromMismatch(label));
    } else {
      // h -> m. For AWSCURRENT, AWSPREVIOUS leaves its holder and goes to h;
      // nothing else changes (§11.24, §11.26, §11.27, §11.31).
      const std::string h_id = h->id;
      Detach(next, label);
      to->labels.push_back(label);
      if (label == "AWSCURRENT") {
        Version* previous = Holder(next, "AWSPREVIOUS");
        Version* old = FindVersion(next, h_id);
        if (previous != old) {  // Already on h: it stays as it is.
          Detach(next, "AWSPREVIOUS");
          old->labels.push_back("AWSPREVIOUS");
        }
      }
    }
    // 6. A new distinct label (or a new AWSPREVIOUS) may break the quota.
    if (DistinctLabels(next) > options_.max_labels_per_secret) {
      return AwsError(ErrorCode::kLimitExceededException,
                      msg::LabelQuota(options_.max_labels_per_secret));
    }
  } else {
    // 5. Remove only.
    if (label == "AWSCURRENT") {  // §11.28.
      return AwsError(ErrorCode::kInvalidParameterException,
                      msg::kCantRemoveCurrent);
    }
    Version* from = FindVersion(next, *r);
    if (!HasLabel(*from, label)) {
      return AwsError(ErrorCode::kInvalidParameterException,
                      msg::LabelNotOnVersion(label, *r));
    }
    Detach(next, label);  // A version left without labels is deprecated.
  }
  next.last_changed_date = clock_.Now();
  secret = std::move(next);
  return response;
}

}  // namespace secretstage::reference
