// Internal: tag validation and merging, shared by CreateSecret and
// TagResource so that both apply the same rules.
#ifndef SECRETSTAGE_CORE_TAGS_H_
#define SECRETSTAGE_CORE_TAGS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/validation.h"
#include "model/common.h"

namespace secretstage::internal {

// AWS tag quota per resource (inferred for Secrets Manager: the general
// AWS tagging limit).
inline constexpr size_t kMaxTagsPerSecret = 50;

// Key 1..128 and value 0..256 characters, named `tags.N.member.key`.
void CheckTags(ConstraintChecker& check, const std::vector<model::Tag>& tags);

// `existing` with `added` applied: a present key gets the new value, a key
// given twice takes its last value, new keys are appended in order. More
// than kMaxTagsPerSecret tags is LimitExceededException.
absl::StatusOr<std::vector<model::Tag>> MergeTags(
    std::vector<model::Tag> existing, const std::vector<model::Tag>& added);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_TAGS_H_
