// CancelRotateSecret: {SecretId} -> {ARN, Name, VersionId?}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleCancelRotateSecret(SecretStore& store,
                                              const Json& body) {
  RequestReader in(body);
  model::CancelRotateSecretRequest request;
  request.secret_id = in.RequiredString("SecretId");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::CancelRotateSecretResponse> response =
      store.CancelRotateSecret(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  // Only while a rotation's version is pending.
  SetIfPresent(out, "VersionId", response->version_id);
  return out;
}

}  // namespace secretstage::protocol
