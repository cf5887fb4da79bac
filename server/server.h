// An HTTP/1.1 endpoint that AWS SDKs and the AWS CLI accept as Secrets
// Manager: POST / with X-Amz-Target: secretsmanager.<Operation>, answered by
// protocol::DispatchTarget. Built on Debian's cpp-httplib 0.11.4.
//
//   SecretStore store;
//   Server server(store, {});               // 127.0.0.1, a free port
//   absl::StatusOr<int> port = server.Start();
//   ... point an SDK at http://127.0.0.1:<port> ...
//   server.Stop();
//
// What the server adds to Dispatch (docs/endpoint.md has the details):
// every response carries x-amzn-RequestId (a fresh UUID-shaped id) and
// Content-Type application/x-amz-json-1.1; client errors are 400 with
// {"__type","Message"}; only internal faults are 5xx (clients retry 5xx);
// bodies over max_body_bytes get 413 RequestEntityTooLargeException;
// Authorization / X-Amz-Date / X-Amz-Security-Token headers are accepted
// and never checked. Connections that stall are closed: read_timeout per
// read while a request arrives, keep_alive_timeout while idle between
// requests, write_timeout per write.
//
// Thread safety: Start() and Stop() from one thread (the owner). Requests
// run on a pool of `threads` workers, concurrently against the store (which
// is thread-safe). A keep-alive connection holds one worker while it is
// open, so `threads` bounds the connections served at once; later ones
// wait in the queue.
#ifndef SECRETSTAGE_SERVER_SERVER_H_
#define SECRETSTAGE_SERVER_SERVER_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "core/secret_store.h"

namespace httplib {
class Server;
}

namespace secretstage::server {

// The largest legal request is CreateSecret with every member at its
// maximum; its worst case is a 65,536-character SecretString written with a
// 6-byte \uXXXX escape per character (393,216 bytes) plus Name, Description,
// KmsKeyId, Type and 50 tags escaped the same way (~145,000 bytes): about
// 540 KB. A 65,536-byte SecretBinary is 87,384 bytes of base64. 1 MiB
// leaves room for all of that.
inline constexpr size_t kDefaultMaxBodyBytes = size_t{1} << 20;

struct ServerOptions {
  // Address to bind. The default serves this machine only.
  std::string host = "127.0.0.1";
  // 0 = any free port (Start() returns the one chosen).
  int port = 0;
  // Larger request bodies are refused with 413 (see kDefaultMaxBodyBytes).
  size_t max_body_bytes = kDefaultMaxBodyBytes;
  // A request whose bytes stop arriving for this long is dropped.
  absl::Duration read_timeout = absl::Seconds(10);
  // A response the client stops reading for this long is dropped.
  absl::Duration write_timeout = absl::Seconds(10);
  // An idle keep-alive connection (no request started) is closed after this.
  absl::Duration keep_alive_timeout = absl::Seconds(30);
  // Worker threads = connections served at once.
  int threads = 64;
  // Accept secretstage.AdvanceClock {"Seconds": N}. The store must run on a
  // ManualClock.
  bool manual_clock = false;
  // With a real clock, how often to run the store's due rotations and
  // deletions (SecretStore::RunDueWork). Zero: never.
  absl::Duration due_work_interval = absl::Seconds(1);
};

class Server {
 public:
  // `store` must outlive the server.
  Server(SecretStore& store, ServerOptions options);
  ~Server();  // Stop()s.
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving in background threads. Returns the bound port,
  // or an error (UnavailableError: address in use, bad host). Call once.
  absl::StatusOr<int> Start();

  // Stops accepting, lets requests in progress finish, closes idle
  // keep-alive connections at once (a request still arriving is dropped)
  // and joins every thread. Idempotent; also safe
  // when Start() failed or was never called.
  void Stop();

  // The port Start() bound, 0 before.
  int port() const { return port_; }

 private:
  void Configure();

  SecretStore& store_;
  const ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::thread listen_thread_;
  std::thread due_work_thread_;
  absl::Notification stopping_;
  std::atomic<bool> started_{false};
  int port_ = 0;
};

}  // namespace secretstage::server

#endif  // SECRETSTAGE_SERVER_SERVER_H_
