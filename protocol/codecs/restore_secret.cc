// RestoreSecret: {SecretId} -> {ARN, Name}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleRestoreSecret(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::RestoreSecretRequest request;
  request.secret_id = in.RequiredString("SecretId");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::RestoreSecretResponse> response =
      store.RestoreSecret(request);
  if (!response.ok()) return response.status();
  return ArnAndName(response->arn, response->name);
}

}  // namespace secretstage::protocol
