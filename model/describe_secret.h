#ifndef SECRETSTAGE_MODEL_DESCRIBE_SECRET_H_
#define SECRETSTAGE_MODEL_DESCRIBE_SECRET_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/common.h"
#include "model/rotation_rules.h"

namespace secretstage::model {

struct DescribeSecretRequest {
  std::string secret_id;
};

// Absent members are the ones AWS omits ("Secrets Manager only returns
// fields that have a value").
struct DescribeSecretResponse {
  std::string arn;
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> kms_key_id;
  // Absent until rotation was first configured (RotateSecret).
  std::optional<bool> rotation_enabled;
  std::optional<std::string> rotation_lambda_arn;
  std::optional<RotationRules> rotation_rules;
  std::optional<Timestamp> last_rotated_date;
  std::optional<Timestamp> last_changed_date;
  // UTC midnight of the last GetSecretValue day.
  std::optional<Timestamp> last_accessed_date;
  // The date the secret is scheduled to be deleted (DescribeSecret's
  // documented meaning; semantics.md §10.7).
  std::optional<Timestamp> deleted_date;
  // When the next scheduled rotation is due (rotation enabled only).
  std::optional<Timestamp> next_rotation_date;
  std::vector<Tag> tags;
  // Labelled versions only; empty when the secret has none.
  std::map<std::string, std::vector<std::string>> version_ids_to_stages;
  std::optional<Timestamp> created_date;

  friend bool operator==(const DescribeSecretResponse&,
                         const DescribeSecretResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_DESCRIBE_SECRET_H_
