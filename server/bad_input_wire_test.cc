// Bad input over HTTP: every kind is refused with an AWS-style error (or a
// closed connection, for stalled ones), never a crash or a hang. Plus the
// body limit, SigV4 headers, AdvanceClock and the server's lifecycle.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/json.h"
#include "server/server.h"
#include "server/wire_test_util.h"

namespace secretstage::server {
namespace {

using protocol::Json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kT1[] = "wire-v1-0000000000000000000000000001";
constexpr char kT2[] = "wire-v2-0000000000000000000000000002";

void ExpectError(const WireReply& reply, int status, const std::string& type,
                 const std::string& message_prefix) {
  EXPECT_EQ(reply.status, status) << reply.raw_body;
  EXPECT_EQ(reply.content_type, "application/x-amz-json-1.1");
  EXPECT_FALSE(reply.request_id.empty());
  ASSERT_TRUE(reply.body.is_object()) << reply.raw_body;
  EXPECT_EQ(reply.body.size(), 2u) << reply.raw_body;
  EXPECT_EQ(reply.body.value("__type", ""), type) << reply.raw_body;
  EXPECT_THAT(reply.body.value("Message", ""), StartsWith(message_prefix));
}

class BadInputWireTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(BadInputWireTest, MissingTargetHeaderIsUnknownOperation) {
  ExpectError(server_.Post(nullptr, "{}"), 400, "UnknownOperationException",
              "Missing X-Amz-Target header.");
}

TEST_F(BadInputWireTest, UnknownOperationIsUnknownOperation) {
  ExpectError(server_.Post("secretsmanager.FlyToTheMoon", "{}"), 400,
              "UnknownOperationException",
              "Unknown operation secretsmanager.FlyToTheMoon.");
}

TEST_F(BadInputWireTest, OtherServicesTargetIsUnknownOperation) {
  ExpectError(server_.Post("DynamoDB_20120810.GetItem", "{}"), 400,
              "UnknownOperationException",
              "Unknown operation DynamoDB_20120810.GetItem.");
  ExpectError(server_.Post("secretsmanager.", "{}"), 400,
              "UnknownOperationException",
              "Unknown operation secretsmanager..");
}

TEST_F(BadInputWireTest, MalformedJsonIsSerializationException) {
  ExpectError(server_.Post("secretsmanager.GetSecretValue", "{\"SecretId\":"),
              400, "SerializationException", "");
  ExpectError(server_.Post("secretsmanager.GetSecretValue", "not json"), 400,
              "SerializationException", "");
  ExpectError(server_.Post("secretsmanager.GetSecretValue", "[1,2]"), 400,
              "SerializationException", "");
  ExpectError(server_.Post("secretsmanager.GetSecretValue", "\"text\""), 400,
              "SerializationException", "");
}

TEST_F(BadInputWireTest, WrongMemberTypeIsSerializationException) {
  ExpectError(server_.Call("GetSecretValue", {{"SecretId", 5}}), 400,
              "SerializationException", "");
  ExpectError(server_.Call("ListSecretVersionIds",
                           {{"SecretId", "x"}, {"IncludeDeprecated", "yes"}}),
              400, "SerializationException", "");
  ExpectError(server_.Call("CreateSecret", {{"Name", "b"},
                                            {"ClientRequestToken", kT1},
                                            {"SecretBinary", "%%%"}}),
              400, "SerializationException", "");
}

TEST_F(BadInputWireTest, MissingRequiredMemberIsValidationException) {
  ExpectError(server_.Call("GetSecretValue", Json::object()), 400,
              "ValidationException", "1 validation error detected");
}

TEST_F(BadInputWireTest, EmptyBodyIsReadAsEmptyObject) {
  ExpectError(server_.Post("secretsmanager.DescribeSecret", ""), 400,
              "ValidationException", "1 validation error detected");
}

TEST_F(BadInputWireTest, NonUtf8BytesNeverCrash) {
  const WireReply reply = server_.Post("secretsmanager.DescribeSecret",
                                       "{\"SecretId\":\"\xff\xfe\"}");
  EXPECT_EQ(reply.status, 400);
  EXPECT_TRUE(reply.body.is_object()) << reply.raw_body;
}

TEST_F(BadInputWireTest, SigV4HeadersAreAcceptedNotChecked) {
  const WireReply reply = server_.Post(
      "secretsmanager.CreateSecret",
      protocol::ToJsonText(Json{{"Name", "signed"},
                                {"ClientRequestToken", kT1},
                                {"SecretString", "v"}}),
      {{"Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/"
        "secretsmanager/aws4_request, SignedHeaders=host;x-amz-date, "
        "Signature=0000000000000000000000000000000000000000000000000000000000"
        "000000"},
       {"X-Amz-Date", "20240101T000000Z"},
       {"X-Amz-Security-Token", "garbage"}});
  EXPECT_EQ(reply.status, 200) << reply.raw_body;
}

TEST_F(BadInputWireTest, LargestSecretsFitUnderTheBodyLimit) {
  // 65,536 bytes of string, and of binary (87,384 bytes of base64).
  const std::string big(65536, 'x');
  EXPECT_EQ(server_
                .Call("CreateSecret", {{"Name", "big-string"},
                                       {"ClientRequestToken", kT1},
                                       {"SecretString", big}})
                .status,
            200);
  const std::string base64(87384 - 4, 'A');  // 65,535 zero bytes + "AA=="
  WireReply binary =
      server_.Call("CreateSecret", {{"Name", "big-binary"},
                                    {"ClientRequestToken", kT1},
                                    {"SecretBinary", base64 + "AA=="}});
  EXPECT_EQ(binary.status, 200) << binary.raw_body.substr(0, 200);
  // The worst case of JSON escaping: every character as \u0001 (6 bytes).
  std::string escaped = "{\"Name\":\"big-escaped\",\"ClientRequestToken\":\"";
  escaped += kT2;
  escaped += "\",\"SecretString\":\"";
  for (int i = 0; i < 65536; ++i) escaped += "\\u0001";
  escaped += "\"}";
  ASSERT_GT(escaped.size(), 393216u);
  const WireReply reply = server_.Post("secretsmanager.CreateSecret", escaped);
  EXPECT_EQ(reply.status, 200) << reply.raw_body.substr(0, 200);
  const WireReply read =
      server_.Call("GetSecretValue", {{"SecretId", "big-escaped"}});
  EXPECT_EQ(read.body.value("SecretString", "").size(), 65536u);
}

TEST_F(BadInputWireTest, BodyOverTheLimitIs413) {
  const std::string body(kDefaultMaxBodyBytes + 1, ' ');
  ExpectError(server_.Post("secretsmanager.GetSecretValue", body), 413,
              "RequestEntityTooLargeException",
              "Request body is larger than the limit of 1048576 bytes.");
  // The server is still fine afterwards.
  ExpectError(server_.Call("GetSecretValue", {{"SecretId", "x"}}), 400,
              "ResourceNotFoundException", "Secrets Manager can't find");
}

TEST_F(BadInputWireTest, ChunkedBodyOverTheLimitIs413) {
  RawConnection conn(server_.port());
  ASSERT_TRUE(conn.connected());
  std::string request =
      "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: "
      "secretsmanager.GetSecretValue\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(64 * 1024, ' ');
  ASSERT_TRUE(conn.Send(request));
  for (int i = 0; i < 17; ++i) {  // 17 x 64 KiB > 1 MiB
    if (!conn.Send(absl::StrCat("10000\r\n", chunk, "\r\n"))) break;
  }
  conn.Send("0\r\n\r\n");
  const std::string response = conn.ReadResponse(3000);
  EXPECT_THAT(response, StartsWith("HTTP/1.1 413"));
  EXPECT_THAT(response, HasSubstr("RequestEntityTooLargeException"));
}

TEST_F(BadInputWireTest, SmallerConfiguredLimitIsEnforced) {
  TestServer small(/*manual_clock=*/true, /*max_body_bytes=*/100);
  ExpectError(
      small.Post("secretsmanager.GetSecretValue", std::string(101, ' ')), 413,
      "RequestEntityTooLargeException",
      "Request body is larger than the limit of 100 bytes.");
  EXPECT_EQ(
      small.Post("secretsmanager.GetSecretValue", std::string(100, ' ')).status,
      400);
}

TEST_F(BadInputWireTest, OtherMethodsAndPathsGetAwsStyle404) {
  httplib::Client client("127.0.0.1", server_.port());
  WireReply get = ToWireReply(client.Get("/"));
  ExpectError(get, 404, "UnknownOperationException",
              "This endpoint serves only POST /");
  WireReply other_path =
      ToWireReply(client.Post("/other", "{}", "application/x-amz-json-1.1"));
  ExpectError(other_path, 404, "UnknownOperationException", "");
}

TEST_F(BadInputWireTest, GarbageRequestLineGets400AndClose) {
  RawConnection conn(server_.port());
  ASSERT_TRUE(conn.connected());
  ASSERT_TRUE(conn.Send("THIS IS NOT HTTP\r\n\r\n"));
  bool closed = false;
  const std::string response = conn.ReadFor(2000, &closed);
  EXPECT_THAT(response, StartsWith("HTTP/1.1 400"));
  EXPECT_TRUE(closed);
}

TEST_F(BadInputWireTest, IdleConnectionIsClosedAfterKeepAliveTimeout) {
  RawConnection conn(server_.port());
  ASSERT_TRUE(conn.connected());
  const int ms = conn.MillisUntilClosed(5000);
  EXPECT_GE(ms, 0) << "idle connection still open after 5 s";
  EXPECT_LE(ms, 3000);
}

TEST_F(BadInputWireTest, StalledHeadersAreClosedByReadTimeout) {
  RawConnection conn(server_.port());
  ASSERT_TRUE(conn.connected());
  ASSERT_TRUE(conn.Send("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Tar"));
  const int ms = conn.MillisUntilClosed(5000);
  EXPECT_GE(ms, 0) << "half-sent request still open after 5 s";
  EXPECT_LE(ms, 2000);
}

TEST_F(BadInputWireTest, StalledBodyIsClosedByReadTimeout) {
  RawConnection conn(server_.port());
  ASSERT_TRUE(conn.connected());
  ASSERT_TRUE(conn.Send(
      "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: "
      "secretsmanager.DescribeSecret\r\nContent-Length: 100\r\n\r\n{\"Sec"));
  const int ms = conn.MillisUntilClosed(5000);
  EXPECT_GE(ms, 0) << "half-sent body still open after 5 s";
  EXPECT_LE(ms, 2000);
}

TEST_F(BadInputWireTest, StalledClientsDoNotBlockOthers) {
  std::vector<std::unique_ptr<RawConnection>> stalled;
  for (int i = 0; i < 4; ++i) {
    stalled.push_back(std::make_unique<RawConnection>(server_.port()));
    stalled.back()->Send("POST / HTTP/1.1\r\n");
  }
  const WireReply reply = server_.Call("DescribeSecret", {{"SecretId", "x"}});
  EXPECT_EQ(reply.status, 400);
}

TEST_F(BadInputWireTest, KeepAliveConnectionServesManyRequests) {
  RawConnection conn(server_.port());
  ASSERT_TRUE(conn.connected());
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(conn.Send(
        RawRequest("secretsmanager.DescribeSecret", "{\"SecretId\":\"x\"}")));
    const std::string response = conn.ReadResponse(2000);
    ASSERT_THAT(response, StartsWith("HTTP/1.1 400")) << "request " << i;
    EXPECT_THAT(response, HasSubstr("ResourceNotFoundException"));
  }
}

TEST_F(BadInputWireTest, ClientHangingUpMidResponseLeavesServerRunning) {
  ASSERT_EQ(
      server_
          .Call("CreateSecret", {{"Name", "big"},
                                 {"ClientRequestToken", kT1},
                                 {"SecretString", std::string(65536, 'x')}})
          .status,
      200);
  for (int round = 0; round < 5; ++round) {
    RawConnection conn(server_.port());
    ASSERT_TRUE(conn.connected());
    std::string requests;
    for (int i = 0; i < 20; ++i) {
      requests +=
          RawRequest("secretsmanager.GetSecretValue", "{\"SecretId\":\"big\"}");
    }
    conn.Send(requests);
  }  // closed without reading: the server's writes hit a closed socket
  absl::SleepFor(absl::Milliseconds(200));
  EXPECT_EQ(server_.Call("GetSecretValue", {{"SecretId", "big"}}).status, 200);
}

TEST_F(BadInputWireTest, AdvanceClockMovesTheManualClock) {
  ASSERT_EQ(server_
                .Call("CreateSecret", {{"Name", "gone"},
                                       {"ClientRequestToken", kT1},
                                       {"SecretString", "v"}})
                .status,
            200);
  ASSERT_EQ(server_
                .Call("DeleteSecret",
                      {{"SecretId", "gone"}, {"RecoveryWindowInDays", 7}})
                .status,
            200);
  const WireReply advanced =
      server_.Post("secretstage.AdvanceClock", "{\"Seconds\": 604801}");
  ASSERT_EQ(advanced.status, 200) << advanced.raw_body;
  EXPECT_EQ(advanced.body["Now"], 1704067200 + 604801);
  EXPECT_EQ(server_.clock().Now(), absl::FromUnixSeconds(1704067200 + 604801));
  ExpectError(server_.Call("DescribeSecret", {{"SecretId", "gone"}}), 400,
              "ResourceNotFoundException",
              "Secrets Manager can't find the specified secret.");
  const WireReply fraction =
      server_.Post("secretstage.AdvanceClock", "{\"Seconds\": 0.5}");
  EXPECT_EQ(fraction.body["Now"], 1704067200 + 604801.5);
}

TEST_F(BadInputWireTest, AdvanceClockRejectsBadInput) {
  ExpectError(server_.Post("secretstage.AdvanceClock", "{}"), 400,
              "ValidationException", "1 validation error detected");
  ExpectError(server_.Post("secretstage.AdvanceClock", "{\"Seconds\":-1}"), 400,
              "ValidationException", "1 validation error detected");
  ExpectError(server_.Post("secretstage.AdvanceClock", "{\"Seconds\":\"9\"}"),
              400, "SerializationException", "");
  ExpectError(server_.Post("secretstage.AdvanceClock", "{\"Seconds\":1e300}"),
              400, "ValidationException", "");
  ExpectError(server_.Post("secretstage.AdvanceClock", "[]"), 400,
              "SerializationException", "");
  ExpectError(server_.Post("secretstage.AdvanceClock", "{"), 400,
              "SerializationException", "");
  EXPECT_EQ(server_.clock().Now(), absl::FromUnixSeconds(1704067200));
}

TEST(AdvanceClockWithoutManualClockTest, IsUnknownOperation) {
  TestServer server(/*manual_clock=*/false);
  ExpectError(server.Post("secretstage.AdvanceClock", "{\"Seconds\": 60}"), 400,
              "UnknownOperationException",
              "Unknown operation secretstage.AdvanceClock: start the server "
              "with --manual-clock");
}

TEST(ServerLifecycleTest, ConcurrentClientsAllSucceed) {
  TestServer server;
  constexpr int kThreads = 8;
  constexpr int kCalls = 50;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", server.port());
      client.set_keep_alive(true);
      const std::string name = absl::StrCat("c", t);
      for (int i = 0; i < kCalls; ++i) {
        const std::string token =
            absl::StrCat("token-", t, "-", i, "-00000000000000000000000000");
        const Json body = {{"Name", name},
                           {"SecretId", name},
                           {"ClientRequestToken", token},
                           {"SecretString", token}};
        auto result = client.Post(
            "/",
            {{"X-Amz-Target", i == 0 ? "secretsmanager.CreateSecret"
                                     : "secretsmanager.PutSecretValue"}},
            protocol::ToJsonText(body), "application/x-amz-json-1.1");
        if (result && result->status == 200) ++ok;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kCalls);
  EXPECT_TRUE(server.store().CheckInvariants().ok());
}

TEST(ServerLifecycleTest, StopClosesThePortAndIsIdempotent) {
  SecretStore store;
  Server server(store, ServerOptions{});
  absl::StatusOr<int> port = server.Start();
  ASSERT_TRUE(port.ok());
  EXPECT_EQ(server.port(), *port);
  EXPECT_FALSE(server.Start().ok());  // only once
  // An idle keep-alive connection does not hold up Stop() (the default
  // keep-alive timeout is 30 s).
  RawConnection idle(*port);
  ASSERT_TRUE(idle.connected());
  ASSERT_TRUE(idle.Send(
      RawRequest("secretsmanager.DescribeSecret", "{\"SecretId\":\"x\"}")));
  ASSERT_THAT(idle.ReadResponse(2000), HasSubstr("ResourceNotFound"));
  const absl::Time start = absl::Now();
  server.Stop();
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_GE(idle.MillisUntilClosed(1000), 0);
  server.Stop();
  RawConnection after(*port);
  EXPECT_FALSE(after.connected());
}

TEST(ServerLifecycleTest, StopWithoutStartIsFine) {
  SecretStore store;
  Server server(store, ServerOptions{});
  server.Stop();
}

TEST(ServerLifecycleTest, BusyPortIsAnError) {
  SecretStore store;
  Server first(store, ServerOptions{});
  absl::StatusOr<int> port = first.Start();
  ASSERT_TRUE(port.ok());
  ServerOptions options;
  options.port = *port;
  Server second(store, options);
  absl::StatusOr<int> again = second.Start();
  EXPECT_FALSE(again.ok());
  EXPECT_THAT(std::string(again.status().message()),
              HasSubstr("cannot listen"));
}

}  // namespace
}  // namespace secretstage::server
