// ListSecretVersionIds: {SecretId, MaxResults, NextToken, IncludeDeprecated}
// -> {Versions: [{VersionId, VersionStages?, LastAccessedDate?, CreatedDate,
// KmsKeyIds}], NextToken?, ARN, Name}.
#include "protocol/codec.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleListSecretVersionIds(SecretStore& store,
                                                const Json& body) {
  RequestReader in(body);
  model::ListSecretVersionIdsRequest request;
  request.secret_id = in.RequiredString("SecretId");
  request.max_results = in.Int32("MaxResults");
  request.next_token = in.String("NextToken");
  request.include_deprecated = in.Bool("IncludeDeprecated");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::ListSecretVersionIdsResponse> response =
      store.ListSecretVersionIds(request);
  if (!response.ok()) return response.status();
  Json versions = Json::array();
  for (const model::SecretVersionsListEntry& entry : response->versions) {
    Json version = Json::object();
    version["VersionId"] = entry.version_id;
    // Deprecated versions have no VersionStages member at all.
    SetListIfNotEmpty(version, "VersionStages", entry.version_stages);
    SetTimeIfPresent(version, "LastAccessedDate", entry.last_accessed_date);
    version["CreatedDate"] = TimestampToJson(entry.created_date);
    SetListIfNotEmpty(version, "KmsKeyIds", entry.kms_key_ids);
    versions.push_back(std::move(version));
  }
  Json out = Json::object();
  out["Versions"] = std::move(versions);
  SetIfPresent(out, "NextToken", response->next_token);
  out["ARN"] = response->arn;
  out["Name"] = response->name;
  return out;
}

}  // namespace secretstage::protocol
