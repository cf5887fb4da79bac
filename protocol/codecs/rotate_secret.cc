// RotateSecret: {SecretId, ClientRequestToken, RotationLambdaARN,
// RotationRules {AutomaticallyAfterDays, Duration, ScheduleExpression},
// RotateImmediately} -> {ARN, Name, VersionId?}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleRotateSecret(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::RotateSecretRequest request;
  request.secret_id = in.RequiredString("SecretId");
  request.client_request_token = in.String("ClientRequestToken");
  request.rotation_lambda_arn = in.String("RotationLambdaARN");
  request.rotation_rules = in.RotationRules("RotationRules");
  request.rotate_immediately = in.Bool("RotateImmediately");
  if (absl::Status status = in.status(); !status.ok()) return status;
  // AWS answers a raw RotateSecret without a token with
  // InvalidParameterException, not the InvalidRequestException of the other
  // operations (semantics.md §4.12, §11.21).
  if (absl::Status status = RequireClientRequestToken(
          in, model::ErrorCode::kInvalidParameterException);
      !status.ok()) {
    return status;
  }

  absl::StatusOr<model::RotateSecretResponse> response =
      store.RotateSecret(request);
  if (!response.ok()) return response.status();
  Json out = ArnAndName(response->arn, response->name);
  SetIfPresent(out, "VersionId", response->version_id);
  return out;
}

}  // namespace secretstage::protocol
