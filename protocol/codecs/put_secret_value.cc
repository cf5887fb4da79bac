// PutSecretValue: {SecretId, ClientRequestToken, SecretBinary |
// SecretString, VersionStages, RotationToken} -> {ARN, Name, VersionId,
// VersionStages}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandlePutSecretValue(SecretStore& store,
                                          const Json& body) {
  RequestReader in(body);
  model::PutSecretValueRequest request;
  request.secret_id = in.RequiredString("SecretId");
  request.client_request_token = in.String("ClientRequestToken");
  request.secret_binary = in.Blob("SecretBinary");
  request.secret_string = in.String("SecretString");
  request.version_stages = in.StringList("VersionStages");
  request.rotation_token = in.String("RotationToken");
  if (absl::Status status = in.status(); !status.ok()) return status;
  if (absl::Status status = RequireClientRequestToken(in); !status.ok()) {
    return status;
  }

  absl::StatusOr<model::PutSecretValueResponse> response =
      store.PutSecretValue(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  out["VersionId"] = response->version_id;
  SetListIfNotEmpty(out, "VersionStages", response->version_stages);
  return out;
}

}  // namespace secretstage::protocol
