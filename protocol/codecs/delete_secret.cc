// DeleteSecret: {SecretId, RecoveryWindowInDays, ForceDeleteWithoutRecovery}
// -> {ARN, Name, DeletionDate}.
#include "protocol/codec.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleDeleteSecret(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::DeleteSecretRequest request;
  request.secret_id = in.RequiredString("SecretId");
  request.recovery_window_in_days = in.Int64("RecoveryWindowInDays");
  request.force_delete_without_recovery = in.Bool("ForceDeleteWithoutRecovery");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::DeleteSecretResponse> response =
      store.DeleteSecret(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  out["DeletionDate"] = TimestampToJson(response->deletion_date);
  return out;
}

}  // namespace secretstage::protocol
