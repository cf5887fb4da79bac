#ifndef SECRETSTAGE_MODEL_LIST_SECRETS_H_
#define SECRETSTAGE_MODEL_LIST_SECRETS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/common.h"
#include "model/rotation_rules.h"

namespace secretstage::model {

// AWS `Filter`: Key is description | name | tag-key | tag-value |
// primary-region | owning-service | all; a value starting with `!` negates.
struct Filter {
  std::string key;
  std::vector<std::string> values;

  friend bool operator==(const Filter&, const Filter&) = default;
};

struct ListSecretsRequest {
  std::optional<bool> include_planned_deletion;
  std::optional<int32_t> max_results;  // 1..100
  std::optional<std::string> next_token;
  std::vector<Filter> filters;
  std::optional<std::string> sort_order;  // "asc" | "desc"
  std::optional<std::string> sort_by;     // created-date | last-accessed-date | last-changed-date | name
};

// AWS `SecretListEntry`.
struct SecretListEntry {
  std::string arn;
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> kms_key_id;
  std::optional<bool> rotation_enabled;
  std::optional<std::string> rotation_lambda_arn;
  std::optional<RotationRules> rotation_rules;
  std::optional<Timestamp> last_rotated_date;
  std::optional<Timestamp> last_changed_date;
  std::optional<Timestamp> last_accessed_date;
  std::optional<Timestamp> deleted_date;
  std::optional<Timestamp> next_rotation_date;
  std::vector<Tag> tags;
  // Labelled versions only (note the name differs from DescribeSecret's).
  std::map<std::string, std::vector<std::string>> secret_versions_to_stages;
  std::optional<Timestamp> created_date;

  friend bool operator==(const SecretListEntry&, const SecretListEntry&) = default;
};

struct ListSecretsResponse {
  std::vector<SecretListEntry> secret_list;
  std::optional<std::string> next_token;

  friend bool operator==(const ListSecretsResponse&,
                         const ListSecretsResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_LIST_SECRETS_H_
