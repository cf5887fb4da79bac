// Shared pieces of the per-operation codecs (protocol/codecs/*.cc).
//
// A codec turns one operation's JSON request into the model request, calls
// the store, and turns the model response into AWS's JSON response. Adding
// an operation = one codec file defining Handle<Operation>(), its
// declaration below, and one entry in the table in dispatch.cc.
#ifndef SECRETSTAGE_PROTOCOL_CODEC_H_
#define SECRETSTAGE_PROTOCOL_CODEC_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/secret_store.h"
#include "model/common.h"
#include "model/error_code.h"
#include "model/rotation_rules.h"
#include "protocol/json.h"
#include "protocol/request_reader.h"

namespace secretstage::protocol {

// A handler gets a request body that is a JSON object and returns the
// response body, or the error to report. Handlers never throw.
using Handler = absl::StatusOr<Json> (*)(SecretStore& store, const Json& body);

absl::StatusOr<Json> HandleBatchGetSecretValue(SecretStore& store,
                                               const Json& body);
absl::StatusOr<Json> HandleCancelRotateSecret(SecretStore& store,
                                              const Json& body);
absl::StatusOr<Json> HandleCreateSecret(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleDeleteSecret(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleDescribeSecret(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleGetRandomPassword(SecretStore& store,
                                             const Json& body);
absl::StatusOr<Json> HandleGetSecretValue(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleListSecrets(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleListSecretVersionIds(SecretStore& store,
                                                const Json& body);
absl::StatusOr<Json> HandlePutSecretValue(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleRestoreSecret(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleRotateSecret(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleTagResource(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleUntagResource(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleUpdateSecret(SecretStore& store, const Json& body);
absl::StatusOr<Json> HandleUpdateSecretVersionStage(SecretStore& store,
                                                    const Json& body);

// ---- request side -------------------------------------------------------

// AWS requires ClientRequestToken on the wire for operations that create a
// version (the SDKs fill it in; raw callers must send it), and checks it
// before looking the secret up (semantics.md §8, §11.20). OK if present,
// else `code` (InvalidRequestException; RotateSecret uses
// InvalidParameterException, §4.12 and §11.21) with the message "You must
// provide a ClientRequestToken value. We recommend a UUID-type value.".
absl::Status RequireClientRequestToken(
    const RequestReader& reader,
    model::ErrorCode code = model::ErrorCode::kInvalidRequestException);

// ---- response side ------------------------------------------------------
// AWS omits members that have no value; these helpers add a member only
// when there is something to say.

void SetIfPresent(Json& out, const char* member,
                  const std::optional<std::string>& value);
// SecretBinary: raw bytes in, base64 on the wire.
void SetBlobIfPresent(Json& out, const char* member,
                      const std::optional<std::string>& bytes);
void SetTimeIfPresent(Json& out, const char* member,
                      const std::optional<model::Timestamp>& value);
// Adds a JSON list of strings unless `values` is empty.
void SetListIfNotEmpty(Json& out, const char* member,
                       const std::vector<std::string>& values);

// A list of {"Key": ..., "Value": ...} unless `tags` is empty.
void SetTagsIfNotEmpty(Json& out, const char* member,
                       const std::vector<model::Tag>& tags);
// {"<VersionId>": [labels], ...} unless `map` is empty (DescribeSecret's
// VersionIdsToStages, ListSecrets' SecretVersionsToStages).
void SetStagesMapIfNotEmpty(
    Json& out, const char* member,
    const std::map<std::string, std::vector<std::string>>& map);
// RotationRules {AutomaticallyAfterDays?, Duration?, ScheduleExpression?},
// when present.
void SetRotationRulesIfPresent(
    Json& out, const char* member,
    const std::optional<model::RotationRules>& rules);

// {"ARN": arn, "Name": name}: the start of most responses.
Json ArnAndName(const std::string& arn, const std::string& name);

}  // namespace secretstage::protocol

#endif  // SECRETSTAGE_PROTOCOL_CODEC_H_
