// UpdateSecret: {SecretId, ClientRequestToken, Description, KmsKeyId,
// SecretBinary | SecretString} -> {ARN, Name, VersionId?}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleUpdateSecret(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::UpdateSecretRequest request;
  request.secret_id = in.RequiredString("SecretId");
  request.client_request_token = in.String("ClientRequestToken");
  request.description = in.String("Description");
  request.kms_key_id = in.String("KmsKeyId");
  request.secret_binary = in.Blob("SecretBinary");
  request.secret_string = in.String("SecretString");
  if (absl::Status status = in.status(); !status.ok()) return status;
  // Only a call that carries a value creates a version and needs a token.
  if (request.secret_binary || request.secret_string) {
    if (absl::Status status = RequireClientRequestToken(in); !status.ok()) {
      return status;
    }
  }

  absl::StatusOr<model::UpdateSecretResponse> response =
      store.UpdateSecret(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  SetIfPresent(out, "VersionId", response->version_id);
  return out;
}

}  // namespace secretstage::protocol
