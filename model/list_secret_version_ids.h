#ifndef SECRETSTAGE_MODEL_LIST_SECRET_VERSION_IDS_H_
#define SECRETSTAGE_MODEL_LIST_SECRET_VERSION_IDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/common.h"

namespace secretstage::model {

struct ListSecretVersionIdsRequest {
  std::string secret_id;
  std::optional<int32_t> max_results;  // 1..100, default 100
  std::optional<std::string> next_token;
  std::optional<bool> include_deprecated;
};

struct SecretVersionsListEntry {
  std::string version_id;
  // Empty (and omitted on the wire) for a deprecated version.
  std::vector<std::string> version_stages;
  std::optional<Timestamp> last_accessed_date;
  Timestamp created_date;
  std::vector<std::string> kms_key_ids;

  friend bool operator==(const SecretVersionsListEntry&,
                         const SecretVersionsListEntry&) = default;
};

struct ListSecretVersionIdsResponse {
  // Newest first (decisions.md "Listing and reading").
  std::vector<SecretVersionsListEntry> versions;
  std::optional<std::string> next_token;
  std::string arn;
  std::string name;

  friend bool operator==(const ListSecretVersionIdsResponse&,
                         const ListSecretVersionIdsResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_LIST_SECRET_VERSION_IDS_H_
