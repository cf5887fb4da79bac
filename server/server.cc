#include "server/server.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "protocol/dispatch.h"
#include "protocol/endpoint/endpoint.h"

namespace secretstage::server {
namespace {

constexpr char kContentType[] = "application/x-amz-json-1.1";

// A fresh random id shaped like a UUID v4, as AWS's x-amzn-RequestId.
std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  const uint64_t hi = rng();
  const uint64_t lo = rng();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(36, '-');
  int nibble = 0;
  for (int i = 0; i < 36; ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) continue;
    const uint64_t word = nibble < 16 ? hi : lo;
    int value = static_cast<int>((word >> (4 * (nibble % 16))) & 0xf);
    if (i == 14) value = 4;                  // version 4
    if (i == 19) value = 8 | (value & 0x3);  // RFC 4122 variant
    id[i] = kHex[value];
    ++nibble;
  }
  return id;
}

void Reply(httplib::Response& res, const protocol::DispatchResult& result) {
  res.status = result.http_status;
  res.set_header("x-amzn-RequestId", NewRequestId());
  res.set_content(result.body, kContentType);
}

// Errors httplib finds before our handler runs (bad request line or
// headers, a path or method we do not serve, Content-Length over the limit)
// get an AWS-style body too.
protocol::DispatchResult TransportError(int status, const ServerOptions& o) {
  switch (status) {
    case 413:
      return protocol::ErrorResponse(
          413, "RequestEntityTooLargeException",
          absl::StrCat("Request body is larger than the limit of ",
                       o.max_body_bytes, " bytes."));
    case 404:
    case 405:
      return protocol::ErrorResponse(
          404, "UnknownOperationException",
          "This endpoint serves only POST / with an X-Amz-Target header.");
    default:
      if (status >= 500) {
        return protocol::ErrorResponse(status, "InternalServiceError",
                                       "Internal error in the HTTP layer.");
      }
      return protocol::ErrorResponse(status, "SerializationException",
                                     "Malformed HTTP request.");
  }
}

// Shuts down the reading side of every TCP connection this process
// accepted on `port`. httplib's stop() closes only the listening socket; a
// worker waiting for an idle keep-alive connection's next request would
// keep waiting up to keep_alive_timeout. With its reading side shut down,
// the connection reads EOF at once and its worker ends, while a response
// being written still goes out. (httplib 0.11.4 offers no hook on accepted
// sockets, so they are found in /proc/self/fd. The descriptors stay
// httplib's to close.)
void ShutdownAcceptedConnections(int port) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return;
  while (const dirent* entry = readdir(dir)) {
    int fd = -1;
    if (!absl::SimpleAtoi(entry->d_name, &fd) || fd == dirfd(dir)) continue;
    sockaddr_storage local{};
    socklen_t local_len = sizeof(local);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) {
      continue;  // not a socket
    }
    int local_port = -1;
    if (local.ss_family == AF_INET) {
      local_port = ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port);
    } else if (local.ss_family == AF_INET6) {
      local_port = ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port);
    }
    if (local_port != port) continue;
    // Accepted connections have a peer; the (closed) listener has none.
    sockaddr_storage peer{};
    socklen_t peer_len = sizeof(peer);
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) {
      continue;
    }
    shutdown(fd, SHUT_RD);
  }
  closedir(dir);
}

template <typename SetTimeout>
void SetDuration(absl::Duration d, SetTimeout set) {
  const int64_t us = absl::ToInt64Microseconds(d);
  set(static_cast<time_t>(us / 1000000), static_cast<time_t>(us % 1000000));
}

}  // namespace

Server::Server(SecretStore& store, ServerOptions options)
    : store_(store),
      options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()) {
  Configure();
}

Server::~Server() { Stop(); }

void Server::Configure() {
  httplib::Server& http = *http_;
  const int threads = options_.threads > 0 ? options_.threads : 1;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which would let a second
  // server bind the same port and silently share its connections.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  // httplib's default closes a connection after 5 requests; SDKs keep theirs
  // open, so only the idle timeout ends a keep-alive connection.
  http.set_keep_alive_max_count(size_t{1} << 40);
  http.set_keep_alive_timeout(static_cast<time_t>(
      std::max<int64_t>(1, absl::ToInt64Seconds(options_.keep_alive_timeout))));
  SetDuration(options_.read_timeout,
              [&](time_t s, time_t us) { http.set_read_timeout(s, us); });
  SetDuration(options_.write_timeout,
              [&](time_t s, time_t us) { http.set_write_timeout(s, us); });
  // Checked against Content-Length before the body is read (the body is
  // then skipped and the connection stays usable); chunked bodies are
  // counted in the handler below.
  http.set_payload_max_length(options_.max_body_bytes);

  const protocol::EndpointOptions endpoint{options_.manual_clock};
  http.Post(
      "/", [this, endpoint](const httplib::Request& req, httplib::Response& res,
                            const httplib::ContentReader& reader) {
        std::string body;
        bool too_large = false;
        const bool read = reader([&](const char* data, size_t n) {
          if (body.size() + n > options_.max_body_bytes) {
            too_large = true;
            return false;
          }
          body.append(data, n);
          return true;
        });
        if (!read || too_large) {
          const int status = (too_large || res.status == 413) ? 413 : 400;
          Reply(res, TransportError(status, options_));
          // What is left of the body is unread: the connection cannot carry
          // another request.
          res.set_header("Connection", "close");
          return;
        }
        // Authorization, X-Amz-Date and friends are ignored: no signature
        // checks.
        if (req.has_header("X-Amz-Target")) {
          const std::string target = req.get_header_value("X-Amz-Target");
          Reply(res, protocol::DispatchTarget(store_, target, body, endpoint));
        } else {
          Reply(res,
                protocol::DispatchTarget(store_, std::nullopt, body, endpoint));
        }
      });

  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        Reply(res, TransportError(res.status, options_));
        return httplib::Server::HandlerResponse::Handled;
      }));

  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Reply(res, protocol::ErrorResponse(500, "InternalServiceError",
                                           "Internal error."));
      });
}

absl::StatusOr<int> Server::Start() {
  if (started_.exchange(true)) {
    return absl::FailedPreconditionError("Server::Start() called twice");
  }
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    if (port_ <= 0) port_ = 0;
  } else if (http_->bind_to_port(options_.host, options_.port)) {
    port_ = options_.port;
  }
  if (port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options_.host, ":", options_.port,
                     " (address in use, or not an address of this machine)"));
  }
  listen_thread_ = std::thread([this] { http_->listen_after_bind(); });
  // Until the listen loop runs, httplib's stop() would do nothing and the
  // loop would then never end: wait for it (the socket already accepts).
  while (!http_->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!options_.manual_clock &&
      options_.due_work_interval > absl::ZeroDuration()) {
    due_work_thread_ = std::thread([this] {
      while (!stopping_.WaitForNotificationWithTimeout(
          options_.due_work_interval)) {
        store_.RunDueWork();
      }
    });
  }
  return port_;
}

void Server::Stop() {
  if (!stopping_.HasBeenNotified()) stopping_.Notify();
  http_->stop();
  if (port_ != 0) ShutdownAcceptedConnections(port_);
  if (listen_thread_.joinable()) listen_thread_.join();
  if (due_work_thread_.joinable()) due_work_thread_.join();
}

}  // namespace secretstage::server
