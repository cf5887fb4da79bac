// The C++ example of docs/endpoint.md, kept as a test so that it compiles
// and works: a test starts the endpoint in-process on a free port, points
// an HTTP client (here cpp-httplib; any AWS SDK works the same way) at it,
// and inspects the same store directly.
#include <httplib.h>

#include "core/clock.h"
#include "core/secret_store.h"
#include "gtest/gtest.h"
#include "server/server.h"

namespace {

TEST(EndpointDocExample, SdkTalksToAnInProcessServer) {
  // A store on a virtual clock, and the endpoint on 127.0.0.1:<free port>.
  secretstage::StoreOptions store_options;
  store_options.clock = std::make_shared<secretstage::ManualClock>();
  secretstage::SecretStore store(store_options);
  secretstage::server::ServerOptions options;
  options.manual_clock = true;  // accept secretstage.AdvanceClock
  secretstage::server::Server server(store, options);
  absl::StatusOr<int> port = server.Start();
  ASSERT_TRUE(port.ok()) << port.status();

  // What an SDK pointed at http://127.0.0.1:<port> sends.
  httplib::Client client("127.0.0.1", *port);
  httplib::Result created = client.Post(
      "/", {{"X-Amz-Target", "secretsmanager.CreateSecret"}},
      R"({"Name": "demo/db", "SecretString": "one",
          "ClientRequestToken": "11111111-1111-4111-8111-111111111111"})",
      "application/x-amz-json-1.1");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 200);

  // The code under test changed the store; check it directly.
  secretstage::model::GetSecretValueRequest get;
  get.secret_id = "demo/db";
  absl::StatusOr<secretstage::model::GetSecretValueResponse> value =
      store.GetSecretValue(get);
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->secret_string, "one");

  server.Stop();  // also done by ~Server()
}

}  // namespace
