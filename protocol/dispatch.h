// The AWS JSON 1.1 face of a SecretStore: one call per HTTP request.
//
// This is the only layer that knows wire member names, JSON and the error
// body shape. It is stateless: every call is independent, and the store's
// own thread safety is all there is (any number of threads may dispatch to
// one store at once).
#ifndef SECRETSTAGE_PROTOCOL_DISPATCH_H_
#define SECRETSTAGE_PROTOCOL_DISPATCH_H_

#include <string>
#include <string_view>

#include "core/secret_store.h"
#include "protocol/json.h"

namespace secretstage::protocol {

struct DispatchResult {
  // 200 on success; 400 for every client error; 500 for InternalServiceError.
  int http_status = 200;
  // The AWS JSON response body, or the error body
  // {"__type":"<ExceptionName>","Message":"<text>"}.
  std::string body;
};

// Runs one Secrets Manager operation. `operation` is the bare operation name
// (the part of the X-Amz-Target header after "secretsmanager.", e.g.
// "UpdateSecretVersionStage"); `json_body` is the request body.
//
// Supported: CreateSecret, PutSecretValue, UpdateSecret,
// UpdateSecretVersionStage, GetSecretValue, DescribeSecret,
// ListSecretVersionIds, DeleteSecret, RestoreSecret, RotateSecret,
// CancelRotateSecret, ListSecrets, BatchGetSecretValue, TagResource,
// UntagResource, GetRandomPassword. Success writes only the members that
// have a value (no nulls, no empty lists or maps; the one exception is a
// list response's main list: Versions, SecretList, SecretValues); timestamps
// are epoch-second numbers (protocol/timestamps.h); SecretBinary is base64.
//
// Errors are data, never exceptions. Checked in this order:
//   unknown operation              -> UnknownOperationException
//   body not JSON                  -> SerializationException (parse error)
//   body not an object             -> SerializationException
//   member of the wrong JSON type, or SecretBinary not base64
//                                  -> SerializationException
//   missing required member        -> ValidationException
//   missing ClientRequestToken (CreateSecret, PutSecretValue, UpdateSecret
//   with a value)                  -> InvalidRequestException
//   missing ClientRequestToken (RotateSecret)
//                                  -> InvalidParameterException
//   anything the store rejects     -> the store's exception and message.
// An empty (or all-whitespace) body is read as {}. Unknown members are
// ignored. Nothing here throws.
DispatchResult Dispatch(SecretStore& store, std::string_view operation,
                        std::string_view json_body);

// The same, writing into `*result` and reusing its body's capacity: a caller
// that keeps one DispatchResult per connection (or per thread) allocates
// nothing for a simple UpdateSecretVersionStage in steady state (the wire
// fast path, docs/design.md "Wire fast path"). `*result` is overwritten.
void Dispatch(SecretStore& store, std::string_view operation,
              std::string_view json_body, DispatchResult* result);

struct JsonDispatchResult {
  int http_status = 200;
  Json body;
};

// Dispatch() for a body that is already parsed (the replay tool's lines
// carry it as a JSON value). Same rules, minus the JSON text parsing.
JsonDispatchResult DispatchJson(SecretStore& store, std::string_view operation,
                                const Json& body);

// True for the operations listed above.
bool IsKnownOperation(std::string_view operation);

}  // namespace secretstage::protocol

#endif  // SECRETSTAGE_PROTOCOL_DISPATCH_H_
