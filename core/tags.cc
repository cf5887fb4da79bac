#include "core/tags.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "core/errors.h"

namespace secretstage::internal {

void CheckTags(ConstraintChecker& check, const std::vector<model::Tag>& tags) {
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string member = absl::StrCat("tags.", i + 1, ".member.");
    check.Length(member + "key", tags[i].key, 1, 128);
    check.Length(member + "value", tags[i].value, 0, 256);
  }
}

absl::StatusOr<std::vector<model::Tag>> MergeTags(
    std::vector<model::Tag> existing, const std::vector<model::Tag>& added) {
  for (const model::Tag& tag : added) {
    bool replaced = false;
    for (model::Tag& t : existing) {
      if (t.key == tag.key) {
        t.value = tag.value;
        replaced = true;
        break;
      }
    }
    if (!replaced) existing.push_back(tag);
  }
  if (existing.size() > kMaxTagsPerSecret) {
    return AwsError(model::ErrorCode::kLimitExceededException,
                    absl::StrCat("You can't attach more than ",
                                 kMaxTagsPerSecret, " tags to a secret."));
  }
  return existing;
}

}  // namespace secretstage::internal
