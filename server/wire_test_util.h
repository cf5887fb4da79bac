// Test helpers for the HTTP endpoint: an in-process server on a free
// loopback port, an httplib client for well-formed requests, and raw
// sockets for the malformed, slow and half-open ones.
#ifndef SECRETSTAGE_SERVER_WIRE_TEST_UTIL_H_
#define SECRETSTAGE_SERVER_WIRE_TEST_UTIL_H_

#include <httplib.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/secret_store.h"
#include "protocol/json.h"
#include "server/server.h"

namespace secretstage::server {

// One response as the client saw it.
struct WireReply {
  int status = 0;
  std::string content_type;
  std::string request_id;  // x-amzn-RequestId
  std::string raw_body;
  protocol::Json body;  // raw_body parsed; null if it is not JSON
};

// A store on a ManualClock and a server on 127.0.0.1:<free port> with
// short timeouts (read 300 ms, write 1 s, keep-alive idle 1 s).
class TestServer {
 public:
  explicit TestServer(bool manual_clock = true,
                      size_t max_body_bytes = kDefaultMaxBodyBytes);
  ~TestServer();

  // POSTs `body` to / with X-Amz-Target: `target` (no header if target is
  // nullptr) and Content-Type application/x-amz-json-1.1.
  WireReply Post(const char* target, std::string_view body,
                 const httplib::Headers& extra = {});
  // Post("secretsmanager." + op, body).
  WireReply Call(std::string_view op, const protocol::Json& body);

  int port() const { return port_; }
  SecretStore& store() { return store_; }
  ManualClock& clock() { return *clock_; }
  Server& server() { return *server_; }

 private:
  std::shared_ptr<ManualClock> clock_;
  SecretStore store_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
};

WireReply ToWireReply(const httplib::Result& result);

// A blocking TCP connection to 127.0.0.1:port for hand-written requests.
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  bool connected() const { return fd_ >= 0; }
  bool Send(std::string_view bytes);
  // Reads until `timeout_ms` passes without data or the peer closes.
  // Returns what arrived; *closed tells whether the peer closed.
  std::string ReadFor(int timeout_ms, bool* closed);
  // Reads one HTTP response (headers + Content-Length body); "" on
  // timeout or close.
  std::string ReadResponse(int timeout_ms);
  // Milliseconds until the peer closes the connection (reading and
  // discarding), or -1 if it is still open after `limit_ms`.
  int MillisUntilClosed(int limit_ms);

 private:
  int fd_ = -1;
  std::string pending_;
};

// "POST / HTTP/1.1" request text with the given target and body.
std::string RawRequest(std::string_view target, std::string_view body,
                       bool keep_alive = true);

}  // namespace secretstage::server

#endif  // SECRETSTAGE_SERVER_WIRE_TEST_UTIL_H_
