#include "tests/protocol_test_util.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "protocol/dispatch.h"

namespace secretstage::protocol::test {

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) {
    keys.push_back(it.key());
  }
  return keys;
}

std::string MissingMemberMessage(std::string_view camel_case_member) {
  return "1 validation error detected: Value null at '" +
         std::string(camel_case_member) +
         "' failed to satisfy constraint: Member must not be null";
}

namespace {

StoreOptions OptionsWith(std::shared_ptr<Clock> clock) {
  StoreOptions options;
  options.clock = std::move(clock);
  return options;
}

void ExpectInvariants(const SecretStore& store) {
  const absl::Status invariants = store.CheckInvariants();
  EXPECT_TRUE(invariants.ok()) << invariants.message();
}

}  // namespace

WireStore::WireStore()
    : clock_(std::make_shared<ManualClock>()), store_(OptionsWith(clock_)) {}

Json WireStore::Ok(std::string_view operation, const Json& body) {
  const DispatchResult result = Dispatch(store_, operation, ToJsonText(body));
  ExpectInvariants(store_);
  EXPECT_EQ(result.http_status, 200)
      << operation << " " << ToJsonText(body) << " -> " << result.body;
  return Json::parse(result.body);
}

WireError WireStore::ErrorText(std::string_view operation,
                               std::string_view body) {
  const DispatchResult result = Dispatch(store_, operation, body);
  ExpectInvariants(store_);
  WireError error;
  error.http_status = result.http_status;
  error.body = result.body;
  const Json json = Json::parse(result.body);
  if (json.is_object() && json.size() == 2 && json.contains("__type") &&
      json.contains("Message") && json["__type"].is_string() &&
      json["Message"].is_string()) {
    error.type = json["__type"].get<std::string>();
    error.message = json["Message"].get<std::string>();
    error.shape_ok = true;
  }
  EXPECT_TRUE(error.shape_ok)
      << operation << " " << body << " -> " << result.body;
  EXPECT_NE(result.http_status, 200) << operation << " " << body;
  return error;
}

WireError WireStore::Error(std::string_view operation, const Json& body) {
  return ErrorText(operation, ToJsonText(body));
}

Json WireStore::Create(std::string_view name, std::string_view token,
                       std::string_view value, const Json& extra) {
  Json body = {{"Name", std::string(name)},
               {"ClientRequestToken", std::string(token)},
               {"SecretString", std::string(value)}};
  body.update(extra);
  return Ok("CreateSecret", body);
}

void WireStore::Advance(absl::Duration d) {
  const absl::Status moved = store_.AdvanceClock(d);
  EXPECT_TRUE(moved.ok()) << moved.message();
  ExpectInvariants(store_);
}

double WireStore::NowSeconds() const {
  return absl::ToDoubleSeconds(clock_->Now() - absl::UnixEpoch());
}

}  // namespace secretstage::protocol::test
