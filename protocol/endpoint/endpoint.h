// The AWS JSON 1.1 endpoint, one HTTP request at a time, minus the HTTP.
//
// server/ hands over the X-Amz-Target header and the body bytes; this file
// decides which operation that is and produces the status and body to send
// back. Operations go to protocol::Dispatch; the only non-AWS operation is
// secretstage.AdvanceClock. Every error body has the AWS shape
// {"__type": "<ExceptionName>", "Message": "<text>"}.
//
// Stateless and thread-safe (as thread-safe as the store, which is fully).
#ifndef SECRETSTAGE_PROTOCOL_ENDPOINT_ENDPOINT_H_
#define SECRETSTAGE_PROTOCOL_ENDPOINT_ENDPOINT_H_

#include <optional>
#include <string_view>

#include "core/secret_store.h"
#include "protocol/dispatch.h"

namespace secretstage::protocol {

// The X-Amz-Target prefix of every Secrets Manager operation.
inline constexpr std::string_view kTargetPrefix = "secretsmanager.";
// The one control operation: {"Seconds": N} moves a ManualClock forward.
inline constexpr std::string_view kAdvanceClockTarget =
    "secretstage.AdvanceClock";

struct EndpointOptions {
  // Accept secretstage.AdvanceClock. Set only when the store runs on a
  // ManualClock (`secretstage serve --manual-clock`).
  bool allow_advance_clock = false;
};

// Answers one request. `target` is the X-Amz-Target header value, nullopt
// when the header is missing.
//   "secretsmanager.<Op>"         -> Dispatch(store, Op, body): the
//                                    operation's response or AWS error;
//   "secretstage.AdvanceClock"    -> with allow_advance_clock: body
//                                    {"Seconds": N}, N a JSON number >= 0
//                                    (fractions down to a millisecond);
//                                    runs the store's due rotations and
//                                    deletions; answers {"Now": <epoch s>}.
//                                    Errors: SerializationException (not
//                                    JSON / not an object / Seconds not a
//                                    number), ValidationException (Seconds
//                                    missing, negative or over 100 years).
//                                    Without allow_advance_clock:
//                                    UnknownOperationException;
//   missing header                -> 400 UnknownOperationException
//                                    "Missing X-Amz-Target header. ...";
//   anything else                 -> 400 UnknownOperationException
//                                    "Unknown operation <target>.".
DispatchResult DispatchTarget(SecretStore& store,
                              std::optional<std::string_view> target,
                              std::string_view body,
                              const EndpointOptions& options);

// An AWS-style error response {"__type": type, "Message": message} with
// the given HTTP status, for failures found before any operation runs
// (e.g. 413 RequestEntityTooLargeException from the HTTP layer).
DispatchResult ErrorResponse(int http_status, std::string_view type,
                             std::string_view message);

}  // namespace secretstage::protocol

#endif  // SECRETSTAGE_PROTOCOL_ENDPOINT_ENDPOINT_H_
