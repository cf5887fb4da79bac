// DescribeSecret: {SecretId} -> {ARN, Name, Description?, KmsKeyId?,
// RotationEnabled?, RotationLambdaARN?, RotationRules?, LastRotatedDate?,
// LastChangedDate?, LastAccessedDate?, DeletedDate?, NextRotationDate?,
// Tags?, VersionIdsToStages?, CreatedDate?}, in AWS's member order.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleDescribeSecret(SecretStore& store,
                                          const Json& body) {
  RequestReader in(body);
  model::DescribeSecretRequest request;
  request.secret_id = in.RequiredString("SecretId");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::DescribeSecretResponse> response =
      store.DescribeSecret(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  SetIfPresent(out, "Description", response->description);
  SetIfPresent(out, "KmsKeyId", response->kms_key_id);
  if (response->rotation_enabled) {
    out["RotationEnabled"] = *response->rotation_enabled;
  }
  SetIfPresent(out, "RotationLambdaARN", response->rotation_lambda_arn);
  SetRotationRulesIfPresent(out, "RotationRules", response->rotation_rules);
  SetTimeIfPresent(out, "LastRotatedDate", response->last_rotated_date);
  SetTimeIfPresent(out, "LastChangedDate", response->last_changed_date);
  SetTimeIfPresent(out, "LastAccessedDate", response->last_accessed_date);
  SetTimeIfPresent(out, "DeletedDate", response->deleted_date);
  SetTimeIfPresent(out, "NextRotationDate", response->next_rotation_date);
  SetTagsIfNotEmpty(out, "Tags", response->tags);
  SetStagesMapIfNotEmpty(out, "VersionIdsToStages",
                         response->version_ids_to_stages);
  SetTimeIfPresent(out, "CreatedDate", response->created_date);
  return out;
}

}  // namespace secretstage::protocol
