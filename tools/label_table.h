// A person-readable picture of one secret's versions and staging labels,
// printed by `secretstage replay --pretty` after each operation.
#ifndef SECRETSTAGE_TOOLS_LABEL_TABLE_H_
#define SECRETSTAGE_TOOLS_LABEL_TABLE_H_

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "model/describe_secret.h"
#include "model/list_secret_version_ids.h"

namespace secretstage::tools {

// Renders `secret` and its `versions` (as ListSecretVersionIds returns them
// with IncludeDeprecated, newest first) as lines shorter than 100
// characters, each ending in '\n':
//
//   secret demo/db (arn ...-AbCdEf)   [scheduled for deletion 2024-02-01 ...]
//     VERSION                               CREATED               LABELS
//     v2-rotated-000000000000000000000002   2024-01-01 00:00:05   AWSCURRENT
//     v1-initial-000000000000000000000001   2024-01-01 00:00:00   AWSPREVIOUS
//     v0-ancient-000000000000000000000000   2024-01-01 00:00:00   (deprecated)
//
// Version ids longer than the column are shortened with "..."; long label
// lists wrap under the LABELS column. Times are UTC.
std::string RenderLabelTable(
    const model::DescribeSecretResponse& secret,
    const std::vector<model::SecretVersionsListEntry>& versions);

// "2024-01-01 00:00:05" (UTC, whole seconds).
std::string FormatUtc(absl::Time t);

}  // namespace secretstage::tools

#endif  // SECRETSTAGE_TOOLS_LABEL_TABLE_H_
