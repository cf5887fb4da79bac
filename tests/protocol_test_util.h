// Helpers for the wire-level tests of the rotation, listing, batch, tag and
// password operations (tests/protocol_{rotation,listing,tags_password}_test.cc,
// tests/protocol_replay_roundtrip_test.cc).
#ifndef SECRETSTAGE_TESTS_PROTOCOL_TEST_UTIL_H_
#define SECRETSTAGE_TESTS_PROTOCOL_TEST_UTIL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "core/clock.h"
#include "core/secret_store.h"
#include "protocol/json.h"

namespace secretstage::protocol::test {

inline constexpr char kTokenMessage[] =
    "You must provide a ClientRequestToken value. We recommend a UUID-type "
    "value.";
inline constexpr char kNotFoundMessage[] =
    "Secrets Manager can't find the specified secret.";
inline constexpr char kMarkedForDeletionMessage[] =
    "You can't perform this operation on the secret because it was marked "
    "for deletion.";

// The member names of a JSON object, in order.
std::vector<std::string> Keys(const Json& object);

// "1 validation error detected: Value null at '<member>' failed to satisfy
// constraint: Member must not be null" (protocol/request_reader.h).
std::string MissingMemberMessage(std::string_view camel_case_member);

// An error reply, decoded. `shape_ok` is true when the body is exactly
// {"__type": string, "Message": string}.
struct WireError {
  int http_status = 0;
  std::string type;
  std::string message;
  bool shape_ok = false;
  std::string body;
};

// A SecretStore on a ManualClock (2024-01-01T00:00:00Z, seed 0), driven
// through protocol::Dispatch with JSON text, as an HTTP client would. Every
// call is followed by CheckInvariants().
class WireStore {
 public:
  WireStore();

  // Dispatches and expects HTTP 200; returns the parsed body.
  Json Ok(std::string_view operation, const Json& body);
  // Dispatches raw body text and expects an error; returns it decoded.
  WireError ErrorText(std::string_view operation, std::string_view body);
  // The same for a JSON body.
  WireError Error(std::string_view operation, const Json& body);

  // CreateSecret {Name, ClientRequestToken, SecretString, extra...}.
  Json Create(std::string_view name, std::string_view token,
              std::string_view value, const Json& extra = Json::object());

  // SecretStore::AdvanceClock: moves the clock, running the rotations and
  // deletions that fall due.
  void Advance(absl::Duration d);

  SecretStore& store() { return store_; }
  ManualClock& clock() { return *clock_; }
  // The clock's time as epoch seconds (the wire's timestamp numbers).
  double NowSeconds() const;

 private:
  std::shared_ptr<ManualClock> clock_;
  SecretStore store_;
};

}  // namespace secretstage::protocol::test

#endif  // SECRETSTAGE_TESTS_PROTOCOL_TEST_UTIL_H_
