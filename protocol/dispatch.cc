#include "protocol/dispatch.h"

#include <array>
#include <exception>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/errors.h"
#include "model/error_code.h"
#include "protocol/codec.h"
#include "protocol/dispatch_internal.h"

namespace secretstage::protocol {
namespace {

struct Operation {
  std::string_view name;
  Handler handler;
};

// The operations Dispatch understands. To add one: a codec in codecs/ and a
// line here.
constexpr std::array<Operation, 16> kOperations = {{
    {"BatchGetSecretValue", &HandleBatchGetSecretValue},
    {"CancelRotateSecret", &HandleCancelRotateSecret},
    {"CreateSecret", &HandleCreateSecret},
    {"DeleteSecret", &HandleDeleteSecret},
    {"DescribeSecret", &HandleDescribeSecret},
    {"GetRandomPassword", &HandleGetRandomPassword},
    {"GetSecretValue", &HandleGetSecretValue},
    {"ListSecretVersionIds", &HandleListSecretVersionIds},
    {"ListSecrets", &HandleListSecrets},
    {"PutSecretValue", &HandlePutSecretValue},
    {"RestoreSecret", &HandleRestoreSecret},
    {"RotateSecret", &HandleRotateSecret},
    {"TagResource", &HandleTagResource},
    {"UntagResource", &HandleUntagResource},
    {"UpdateSecret", &HandleUpdateSecret},
    {"UpdateSecretVersionStage", &HandleUpdateSecretVersionStage},
}};

Handler FindHandler(std::string_view operation) {
  for (const Operation &op : kOperations) {
    if (op.name == operation) return op.handler;
  }
  return nullptr;
}

JsonDispatchResult ErrorResult(model::ErrorCode code, std::string message) {
  JsonDispatchResult result;
  result.http_status =
      code == model::ErrorCode::kInternalServiceError ? 500 : 400;
  result.body = Json::object();
  result.body["__type"] = std::string(model::ErrorCodeName(code));
  result.body["Message"] = std::move(message);
  return result;
}

JsonDispatchResult ErrorResult(const absl::Status &status) {
  return ErrorResult(
      AwsErrorCode(status).value_or(model::ErrorCode::kInternalServiceError),
      std::string(status.message()));
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

// A readable description of a parse failure: nlohmann's message without its
// "[json.exception.parse_error.101] " prefix.
std::string DescribeParseError(const std::exception &e) {
  std::string_view text = e.what();
  if (!text.empty() && text.front() == '[') {
    const size_t end = text.find("] ");
    if (end != std::string_view::npos) text.remove_prefix(end + 2);
  }
  return "Malformed JSON request body: " + std::string(text);
}

JsonDispatchResult Run(SecretStore &store, Handler handler, const Json &body) {
  if (body.is_array()) {
    return ErrorResult(model::ErrorCode::kSerializationException,
                       "Start of list found where not expected.");
  }
  if (!body.is_object()) {
    return ErrorResult(model::ErrorCode::kSerializationException,
                       "The request body must be a JSON object.");
  }
  absl::StatusOr<Json> response = handler(store, body);
  if (!response.ok()) return ErrorResult(response.status());
  return JsonDispatchResult{200, *std::move(response)};
}

JsonDispatchResult UnknownOperation(std::string_view operation) {
  constexpr size_t kMaxEcho = 100;
  std::string name(operation.substr(0, kMaxEcho));
  if (operation.size() > kMaxEcho) name += "...";
  return ErrorResult(model::ErrorCode::kUnknownOperationException,
                     "Unknown operation " + name + ".");
}

}  // namespace

bool IsKnownOperation(std::string_view operation) {
  return FindHandler(operation) != nullptr;
}

JsonDispatchResult DispatchJson(SecretStore &store, std::string_view operation,
                                const Json &body) {
  try {
    const Handler handler = FindHandler(operation);
    if (handler == nullptr) return UnknownOperation(operation);
    return Run(store, handler, body);
  } catch (const std::exception &e) {
    return ErrorResult(model::ErrorCode::kInternalServiceError,
                       std::string("Internal error: ") + e.what());
  }
}

namespace internal {

namespace {

// The answer when even building the answer fails (out of memory).
void WriteInternalError(DispatchResult *out) {
  out->http_status = 500;
  out->body =
      R"({"__type":"InternalServiceError","Message":"Internal error."})";
}

void WriteResult(const JsonDispatchResult &json, DispatchResult *out) {
  try {
    out->http_status = json.http_status;
    out->body = ToJsonText(json.body);
  } catch (...) {
    WriteInternalError(out);
  }
}

}  // namespace

void WriteErrorResult(const absl::Status &status, DispatchResult *result) {
  try {
    WriteResult(ErrorResult(status), result);
  } catch (...) {
    WriteInternalError(result);
  }
}

void DispatchGeneral(SecretStore &store, std::string_view operation,
                     std::string_view json_body, DispatchResult *out) {
  JsonDispatchResult result;
  try {
    const Handler handler = FindHandler(operation);
    if (handler == nullptr) {
      result = UnknownOperation(operation);
    } else if (IsBlank(json_body)) {
      result = Run(store, handler, Json::object());
    } else {
      Json body;
      bool parsed = true;
      try {
        body = Json::parse(json_body);
      } catch (const Json::exception &e) {
        result = ErrorResult(model::ErrorCode::kSerializationException,
                             DescribeParseError(e));
        parsed = false;
      }
      if (parsed) result = Run(store, handler, body);
    }
  } catch (const std::exception &e) {
    result = ErrorResult(model::ErrorCode::kInternalServiceError,
                         std::string("Internal error: ") + e.what());
  }
  WriteResult(result, out);
}

}  // namespace internal

void Dispatch(SecretStore &store, std::string_view operation,
              std::string_view json_body, DispatchResult *result) {
  // The wire fast path (docs/design.md "Wire fast path"): a simple
  // UpdateSecretVersionStage body skips nlohmann/json; anything else, and
  // every other operation, takes the general path.
  if (operation == "UpdateSecretVersionStage") {
    try {
      if (internal::TryFastUpdateSecretVersionStage(store, json_body, result)) {
        return;
      }
    } catch (const std::exception &e) {
      internal::WriteErrorResult(
          AwsError(model::ErrorCode::kInternalServiceError,
                   std::string("Internal error: ") + e.what()),
          result);
      return;
    }
  }
  internal::DispatchGeneral(store, operation, json_body, result);
}

DispatchResult Dispatch(SecretStore &store, std::string_view operation,
                        std::string_view json_body) {
  DispatchResult result;
  Dispatch(store, operation, json_body, &result);
  return result;
}

}  // namespace secretstage::protocol
