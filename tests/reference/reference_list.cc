// ReferenceStore ListSecrets without Filters and without paging (semantics.md
// §4.9; core/secret_store.h states the order: created date ascending by
// default, ties by name; SortOrder desc reverses the whole order).
#include <algorithm>
#include <vector>

#include "tests/reference/reference_store.h"

namespace secretstage::reference {

absl::StatusOr<model::ListSecretsResponse> ReferenceStore::ListSecrets(
    const model::ListSecretsRequest& request) {
  ForgetGoneSecrets();
  const std::string sort_by = request.sort_by.value_or("created-date");
  const std::string sort_order = request.sort_order.value_or("asc");
  if (!request.filters.empty() || request.max_results || request.next_token ||
      (sort_by != "created-date" && sort_by != "name") ||
      (sort_order != "asc" && sort_order != "desc")) {
    // Outside what the reference models: shows up as a disagreement.
    return absl::UnimplementedError("reference: ListSecrets subset only");
  }
  // Live secrets; scheduled ones only with IncludePlannedDeletion.
  std::vector<const Secret*> listed;
  for (const auto& [name, secret] : secrets_) {
    if (secret.deletion_date &&
        !request.include_planned_deletion.value_or(false)) {
      continue;
    }
    listed.push_back(&secret);
  }
  // secrets_ is ordered by name, so a stable sort by created date leaves
  // ties in name order.
  if (sort_by == "created-date") {
    std::stable_sort(listed.begin(), listed.end(),
                     [](const Secret* a, const Secret* b) {
                       return a->created_date < b->created_date;
                     });
  }
  if (sort_order == "desc") std::reverse(listed.begin(), listed.end());

  model::ListSecretsResponse response;
  for (const Secret* secret : listed) {
    model::SecretListEntry entry;
    entry.arn = secret->arn;
    entry.name = secret->name;
    entry.description = secret->description;
    entry.kms_key_id = secret->kms_key_id;
    // As DescribeSecret (reference_read.cc).
    entry.rotation_enabled = secret->rotation_enabled;
    entry.rotation_lambda_arn = secret->rotation_lambda_arn;
    entry.rotation_rules = secret->rotation_rules;
    entry.last_rotated_date = secret->last_rotated_date;
    if (secret->rotation_enabled.value_or(false)) {
      entry.next_rotation_date = secret->next_rotation_date;
    }
    entry.last_changed_date = secret->last_changed_date;
    entry.last_accessed_date = secret->last_accessed_date;
    entry.deleted_date = secret->deletion_date;
    entry.tags = secret->tags;
    // Labelled versions only (§4.9).
    for (const Version& v : secret->versions) {
      if (!v.labels.empty()) entry.secret_versions_to_stages[v.id] = v.labels;
    }
    entry.created_date = secret->created_date;
    response.secret_list.push_back(std::move(entry));
  }
  return response;
}

}  // namespace secretstage::reference
