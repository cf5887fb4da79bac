// CreateSecret: {Name, ClientRequestToken, Description, KmsKeyId,
// SecretBinary | SecretString, Tags} -> {ARN, Name, VersionId?}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleCreateSecret(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::CreateSecretRequest request;
  request.name = in.RequiredString("Name");
  request.client_request_token = in.String("ClientRequestToken");
  request.description = in.String("Description");
  request.kms_key_id = in.String("KmsKeyId");
  request.secret_binary = in.Blob("SecretBinary");
  request.secret_string = in.String("SecretString");
  request.tags = in.Tags("Tags");
  if (absl::Status status = in.status(); !status.ok()) return status;
  if (absl::Status status = RequireClientRequestToken(in); !status.ok()) {
    return status;
  }

  absl::StatusOr<model::CreateSecretResponse> response =
      store.CreateSecret(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  SetIfPresent(out, "VersionId", response->version_id);
  return out;
}

}  // namespace secretstage::protocol
