// ListSecrets: {IncludePlannedDeletion, MaxResults, NextToken,
// Filters [{Key, Values}], SortOrder, SortBy} -> {SecretList: [{ARN, Name,
// Description?, KmsKeyId?, RotationEnabled?, RotationLambdaARN?,
// RotationRules?, LastRotatedDate?, LastChangedDate?, LastAccessedDate?,
// DeletedDate?, NextRotationDate?, Tags?, SecretVersionsToStages?,
// CreatedDate?}], NextToken?}, each entry in AWS's member order.
#include "protocol/codec.h"

namespace secretstage::protocol {
namespace {

Json EntryToJson(const model::SecretListEntry& entry) {
  Json out = ArnAndName(entry.arn, entry.name);
  SetIfPresent(out, "Description", entry.description);
  SetIfPresent(out, "KmsKeyId", entry.kms_key_id);
  if (entry.rotation_enabled) out["RotationEnabled"] = *entry.rotation_enabled;
  SetIfPresent(out, "RotationLambdaARN", entry.rotation_lambda_arn);
  SetRotationRulesIfPresent(out, "RotationRules", entry.rotation_rules);
  SetTimeIfPresent(out, "LastRotatedDate", entry.last_rotated_date);
  SetTimeIfPresent(out, "LastChangedDate", entry.last_changed_date);
  SetTimeIfPresent(out, "LastAccessedDate", entry.last_accessed_date);
  SetTimeIfPresent(out, "DeletedDate", entry.deleted_date);
  SetTimeIfPresent(out, "NextRotationDate", entry.next_rotation_date);
  SetTagsIfNotEmpty(out, "Tags", entry.tags);
  // Labelled versions only; the member name differs from DescribeSecret's
  // VersionIdsToStages (semantics.md §4.9).
  SetStagesMapIfNotEmpty(out, "SecretVersionsToStages",
                         entry.secret_versions_to_stages);
  SetTimeIfPresent(out, "CreatedDate", entry.created_date);
  return out;
}

}  // namespace

absl::StatusOr<Json> HandleListSecrets(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::ListSecretsRequest request;
  request.include_planned_deletion = in.Bool("IncludePlannedDeletion");
  request.max_results = in.Int32("MaxResults");
  request.next_token = in.String("NextToken");
  request.filters =
      in.Filters("Filters").value_or(std::vector<model::Filter>{});
  request.sort_order = in.String("SortOrder");
  request.sort_by = in.String("SortBy");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::ListSecretsResponse> response =
      store.ListSecrets(request);
  if (!response.ok()) return response.status();
  // The list itself is always there, like ListSecretVersionIds' Versions.
  Json secrets = Json::array();
  for (const model::SecretListEntry& entry : response->secret_list) {
    secrets.push_back(EntryToJson(entry));
  }
  Json out = Json::object();
  out["SecretList"] = std::move(secrets);
  SetIfPresent(out, "NextToken", response->next_token);
  return out;
}

}  // namespace secretstage::protocol
