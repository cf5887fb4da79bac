// GetSecretValue: {SecretId, VersionId, VersionStage} -> {ARN, Name,
// VersionId, SecretBinary | SecretString, VersionStages, CreatedDate}.
#include "protocol/codec.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleGetSecretValue(SecretStore& store,
                                          const Json& body) {
  RequestReader in(body);
  model::GetSecretValueRequest request;
  request.secret_id = in.RequiredString("SecretId");
  request.version_id = in.String("VersionId");
  request.version_stage = in.String("VersionStage");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::GetSecretValueResponse> response =
      store.GetSecretValue(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  out["VersionId"] = response->version_id;
  SetBlobIfPresent(out, "SecretBinary", response->secret_binary);
  SetIfPresent(out, "SecretString", response->secret_string);
  // A deprecated version read by id has no labels: no VersionStages member.
  SetListIfNotEmpty(out, "VersionStages", response->version_stages);
  out["CreatedDate"] = TimestampToJson(response->created_date);
  return out;
}

}  // namespace secretstage::protocol
