// Internals of Dispatch() shared between dispatch.cc and the wire fast path
// (codecs/update_secret_version_stage_fast.cc), and exposed for the
// differential test (tests/protocol_fast_path_test.cc). Not a public API.
#ifndef SECRETSTAGE_PROTOCOL_DISPATCH_INTERNAL_H_
#define SECRETSTAGE_PROTOCOL_DISPATCH_INTERNAL_H_

#include <string_view>

#include "absl/status/status.h"
#include "core/secret_store.h"
#include "model/update_secret_version_stage.h"
#include "protocol/dispatch.h"

namespace secretstage::protocol::internal {

// Dispatch() without any fast path: every body goes through nlohmann/json,
// the RequestReader and the operation's codec.
void DispatchGeneral(SecretStore& store, std::string_view operation,
                     std::string_view json_body, DispatchResult* result);

// The error body the general path writes for a non-OK `status` (status
// 400, or 500 for InternalServiceError), written into `*result`.
void WriteErrorResult(const absl::Status& status, DispatchResult* result);

// True if `json_body` has the simple shape the UpdateSecretVersionStage fast
// path accepts, and then fills `*request` (reusing its strings' capacity):
// a JSON object with only ASCII whitespace between tokens, whose members
// are among SecretId, VersionStage, RemoveFromVersionId and MoveToVersionId,
// each at most once, SecretId and VersionStage present, and every value a
// JSON string of bytes 0x20..0x7E other than '"' and '\\'. False for
// anything else (then `*request` is unspecified).
bool ParseSimpleUpdateSecretVersionStage(
    std::string_view json_body, model::UpdateSecretVersionStageRequest* request);

// The fast path: if ParseSimpleUpdateSecretVersionStage accepts the body,
// calls the store and writes the same status and bytes the general path
// would, and returns true; else returns false having done nothing.
bool TryFastUpdateSecretVersionStage(SecretStore& store,
                                     std::string_view json_body,
                                     DispatchResult* result);

}  // namespace secretstage::protocol::internal

#endif  // SECRETSTAGE_PROTOCOL_DISPATCH_INTERNAL_H_
