#include "core/version_read.h"

#include <string_view>

#include "core/absl_compat.h"
#include "core/common_errors.h"
#include "core/errors.h"
#include "model/labels.h"

namespace secretstage::internal {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

void RecordAccess(RelaxedInt64& day, int64_t today) {
  if (day.load() != today) day.store(today);
}

}  // namespace

int64_t DayOf(absl::Time t) {
  const int64_t s = absl::ToUnixSeconds(t);
  return s - (((s % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay);
}

std::optional<absl::Time> AccessDate(const RelaxedInt64& day) {
  const int64_t d = day.load();
  if (d == kNeverAccessed) return std::nullopt;
  return absl::FromUnixSeconds(d);
}

absl::StatusOr<model::GetSecretValueResponse> ReadVersion(
    Secret& secret, const std::optional<std::string>& version_id,
    const std::optional<std::string>& version_stage, absl::Time now) {
  int64_t index;
  if (version_id) {
    index = secret.FindVersion(*version_id);
    if (index < 0) {
      if (secret.IsPurged(*version_id)) {
        return VersionPurged(*version_id);
      }
      return VersionIdNotFound(*version_id);
    }
    if (version_stage) {
      const LabelSlot* slot = secret.FindLabel(*version_stage);
      if (slot == nullptr || slot->version != index) {
        return AwsError(model::ErrorCode::kInvalidRequestException,
                        "You provided a VersionStage that is not associated "
                        "to the provided VersionId.");
      }
    }
    if (secret.versions[static_cast<size_t>(index)].kind == ValueKind::kNone) {
      return VersionIdNotFound(*version_id);
    }
  } else {
    const std::string_view stage =
        version_stage ? std::string_view(*version_stage) : model::kAwsCurrent;
    const LabelSlot* slot = secret.FindLabel(stage);
    if (slot == nullptr ||
        secret.versions[slot->version].kind == ValueKind::kNone) {
      return StageNotFound(stage);
    }
    index = slot->version;
  }

  Version& v = secret.versions[static_cast<size_t>(index)];
  const int64_t today = DayOf(now);
  RecordAccess(v.last_accessed_day, today);
  RecordAccess(secret.last_accessed_day, today);
  model::GetSecretValueResponse response;
  response.arn = secret.Arn();
  response.name = secret.name;
  response.version_id = v.id.str();
  if (v.kind == ValueKind::kBinary) {
    response.secret_binary = v.value.str();
  } else {
    response.secret_string = v.value.str();
  }
  response.version_stages = secret.LabelsOf(static_cast<uint32_t>(index));
  response.created_date = v.created;
  return response;
}

}  // namespace secretstage::internal
