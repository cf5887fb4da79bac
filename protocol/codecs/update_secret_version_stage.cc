// UpdateSecretVersionStage: {SecretId, VersionStage, RemoveFromVersionId,
// MoveToVersionId} -> {ARN, Name}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleUpdateSecretVersionStage(SecretStore& store,
                                                    const Json& body) {
  RequestReader in(body);
  model::UpdateSecretVersionStageRequest request;
  request.secret_id = in.RequiredString("SecretId");
  request.version_stage = in.RequiredString("VersionStage");
  request.remove_from_version_id = in.String("RemoveFromVersionId");
  request.move_to_version_id = in.String("MoveToVersionId");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::UpdateSecretVersionStageResponse> response =
      store.UpdateSecretVersionStage(request);
  if (!response.ok()) return response.status();
  return ArnAndName(response->arn, response->name);
}

}  // namespace secretstage::protocol
