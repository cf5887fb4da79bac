#include "core/secret_id.h"

#include "core/errors.h"
#include "core/validation.h"

namespace secretstage::internal {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// True if `resource` ends in "-" followed by six letters or digits.
bool EndsWithArnSuffix(std::string_view resource) {
  // "-abcdef" alone counts too: a full ARN of the empty name, which no
  // secret has (semantics.md §3: such a resource part is never a partial
  // ARN).
  if (resource.size() < 7) return false;
  const size_t dash = resource.size() - 7;
  if (resource[dash] != '-') return false;
  for (size_t i = dash + 1; i < resource.size(); ++i) {
    if (!IsAlnum(resource[i])) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<ParsedSecretId> ParseSecretId(std::string_view secret_id,
                                             std::string_view arn_prefix) {
  if (secret_id.substr(0, 4) != "arn:") {
    if (absl::Status s = CheckSecretNameChars(secret_id); !s.ok()) return s;
    return ParsedSecretId{secret_id, {}};
  }
  if (secret_id.size() <= arn_prefix.size() ||
      secret_id.substr(0, arn_prefix.size()) != arn_prefix) {
    std::string_view resource = secret_id;
    if (const size_t at = secret_id.find(":secret:");
        at != std::string_view::npos) {
      resource = secret_id.substr(at + 8);
    }
    if (EndsWithArnSuffix(resource)) {
      resource = resource.substr(0, resource.size() - 7);
    }
    return ParsedSecretId{resource, {}, /*elsewhere=*/true};
  }
  const std::string_view resource = secret_id.substr(arn_prefix.size());
  if (EndsWithArnSuffix(resource)) {
    return ParsedSecretId{resource.substr(0, resource.size() - 7),
                          resource.substr(resource.size() - 6)};
  }
  return ParsedSecretId{resource, {}};
}

}  // namespace secretstage::internal
