#include "protocol/endpoint/endpoint.h"

#include <cmath>
#include <exception>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "protocol/json.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {
namespace {

// AdvanceClock's upper bound: far beyond any recovery window or rotation
// schedule, small enough that absl::Duration arithmetic stays exact.
constexpr double kMaxAdvanceSeconds = 100.0 * 365.25 * 24 * 3600;

std::string Echo(std::string_view text) {
  constexpr size_t kMaxEcho = 100;
  std::string out(text.substr(0, kMaxEcho));
  if (text.size() > kMaxEcho) out += "...";
  return out;
}

DispatchResult AdvanceClock(SecretStore& store, std::string_view body) {
  Json request;
  try {
    request = body.find_first_not_of(" \t\r\n") == std::string_view::npos
                  ? Json::object()
                  : Json::parse(body);
  } catch (const std::exception&) {
    return ErrorResponse(400, "SerializationException",
                         "Malformed JSON request body.");
  }
  if (!request.is_object()) {
    return ErrorResponse(400, "SerializationException",
                         "The request body must be a JSON object.");
  }
  const auto it = request.find("Seconds");
  if (it == request.end() || it->is_null()) {
    return ErrorResponse(400, "ValidationException",
                         "1 validation error detected: Value null at "
                         "'seconds' failed to satisfy constraint: Member "
                         "must not be null");
  }
  if (!it->is_number()) {
    return ErrorResponse(400, "SerializationException",
                         "Seconds must be a JSON number.");
  }
  const double seconds = it->get<double>();
  if (!std::isfinite(seconds) || seconds < 0 || seconds > kMaxAdvanceSeconds) {
    return ErrorResponse(
        400, "ValidationException",
        absl::StrCat("1 validation error detected: Value '", it->dump(),
                     "' at 'seconds' failed to satisfy constraint: Member "
                     "must have value between 0 and 3155760000"));
  }
  const absl::Duration step =
      it->is_number_integer() ? absl::Seconds(it->get<int64_t>())
                              : absl::Milliseconds(std::floor(seconds * 1000));
  const absl::Status status = store.AdvanceClock(step);
  if (!status.ok()) {
    return ErrorResponse(400, "InvalidRequestException",
                         std::string(status.message()));
  }
  Json response = Json::object();
  response["Now"] = TimestampToJson(store.clock().Now());
  return DispatchResult{200, ToJsonText(response)};
}

}  // namespace

DispatchResult ErrorResponse(int http_status, std::string_view type,
                             std::string_view message) {
  Json body = Json::object();
  body["__type"] = std::string(type);
  body["Message"] = std::string(message);
  return DispatchResult{http_status, ToJsonText(body)};
}

DispatchResult DispatchTarget(SecretStore& store,
                              std::optional<std::string_view> target,
                              std::string_view body,
                              const EndpointOptions& options) {
  if (!target.has_value()) {
    return ErrorResponse(400, "UnknownOperationException",
                         "Missing X-Amz-Target header. Send \"X-Amz-Target: "
                         "secretsmanager.<Operation>\" with every request.");
  }
  if (target->substr(0, kTargetPrefix.size()) == kTargetPrefix) {
    const std::string_view operation = target->substr(kTargetPrefix.size());
    if (IsKnownOperation(operation)) return Dispatch(store, operation, body);
  } else if (*target == kAdvanceClockTarget) {
    if (options.allow_advance_clock) return AdvanceClock(store, body);
    return ErrorResponse(
        400, "UnknownOperationException",
        "Unknown operation secretstage.AdvanceClock: start the server with "
        "--manual-clock to control its clock.");
  }
  return ErrorResponse(400, "UnknownOperationException",
                       absl::StrCat("Unknown operation ", Echo(*target), "."));
}

}  // namespace secretstage::protocol
