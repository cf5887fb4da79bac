// BatchGetSecretValue: {SecretIdList, Filters [{Key, Values}], MaxResults,
// NextToken} -> {SecretValues: [{ARN, Name, VersionId, SecretBinary |
// SecretString, VersionStages, CreatedDate}], NextToken?, Errors?:
// [{SecretId, ErrorCode, Message}]}.
#include "protocol/codec.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleBatchGetSecretValue(SecretStore& store,
                                               const Json& body) {
  RequestReader in(body);
  model::BatchGetSecretValueRequest request;
  request.secret_id_list = in.StringList("SecretIdList");
  request.filters = in.Filters("Filters");
  request.max_results = in.Int32("MaxResults");
  request.next_token = in.String("NextToken");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::BatchGetSecretValueResponse> response =
      store.BatchGetSecretValue(request);
  if (!response.ok()) return response.status();
  Json values = Json::array();
  for (const model::SecretValueEntry& entry : response->secret_values) {
    Json value = ArnAndName(entry.arn, entry.name);
    value["VersionId"] = entry.version_id;
    SetBlobIfPresent(value, "SecretBinary", entry.secret_binary);
    SetIfPresent(value, "SecretString", entry.secret_string);
    SetListIfNotEmpty(value, "VersionStages", entry.version_stages);
    value["CreatedDate"] = TimestampToJson(entry.created_date);
    values.push_back(std::move(value));
  }
  Json out = Json::object();
  // The values list is always there; Errors only when a secret failed
  // (semantics.md §4.6: per-secret failures, the call still succeeds).
  out["SecretValues"] = std::move(values);
  SetIfPresent(out, "NextToken", response->next_token);
  if (!response->errors.empty()) {
    Json errors = Json::array();
    for (const model::APIErrorType& error : response->errors) {
      Json item = Json::object();
      item["SecretId"] = error.secret_id;
      item["ErrorCode"] = error.error_code;
      item["Message"] = error.message;
      errors.push_back(std::move(item));
    }
    out["Errors"] = std::move(errors);
  }
  return out;
}

}  // namespace secretstage::protocol
