#include "server/wire_test_util.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace secretstage::server {
namespace {

StoreOptions ManualClockOptions(std::shared_ptr<ManualClock> clock,
                                bool manual) {
  StoreOptions options;
  if (manual) options.clock = std::move(clock);
  return options;
}

ServerOptions TestOptions(bool manual_clock, size_t max_body_bytes) {
  ServerOptions options;
  options.read_timeout = absl::Milliseconds(300);
  options.write_timeout = absl::Seconds(1);
  options.keep_alive_timeout = absl::Seconds(1);
  options.threads = 16;
  options.manual_clock = manual_clock;
  options.max_body_bytes = max_body_bytes;
  return options;
}

}  // namespace

TestServer::TestServer(bool manual_clock, size_t max_body_bytes)
    : clock_(std::make_shared<ManualClock>()),
      store_(ManualClockOptions(clock_, manual_clock)),
      server_(std::make_unique<Server>(
          store_, TestOptions(manual_clock, max_body_bytes))) {
  absl::StatusOr<int> port = server_->Start();
  EXPECT_TRUE(port.ok()) << port.status();
  port_ = port.ok() ? *port : 0;
}

TestServer::~TestServer() { server_->Stop(); }

WireReply ToWireReply(const httplib::Result& result) {
  WireReply reply;
  if (!result) {
    ADD_FAILURE() << "HTTP request failed: "
                  << httplib::to_string(result.error());
    return reply;
  }
  reply.status = result->status;
  reply.content_type = result->get_header_value("Content-Type");
  reply.request_id = result->get_header_value("x-amzn-RequestId");
  reply.raw_body = result->body;
  reply.body = protocol::Json::parse(result->body, nullptr,
                                     /*allow_exceptions=*/false);
  if (reply.body.is_discarded()) reply.body = nullptr;
  return reply;
}

WireReply TestServer::Post(const char* target, std::string_view body,
                           const httplib::Headers& extra) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(5, 0);
  httplib::Headers headers = extra;
  if (target != nullptr) headers.emplace("X-Amz-Target", target);
  return ToWireReply(client.Post("/", headers, std::string(body),
                                 "application/x-amz-json-1.1"));
}

WireReply TestServer::Call(std::string_view op, const protocol::Json& body) {
  const std::string target =
      absl::StrCat("secretsmanager.", absl::string_view(op.data(), op.size()));
  return Post(target.c_str(), protocol::ToJsonText(body));
}

RawConnection::RawConnection(int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

std::string RawConnection::ReadFor(int timeout_ms, bool* closed) {
  std::string out = std::move(pending_);
  pending_.clear();
  *closed = false;
  char buf[65536];
  while (true) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return out;
    const ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
    if (n <= 0) {
      *closed = true;
      return out;
    }
    out.append(buf, static_cast<size_t>(n));
  }
}

std::string RawConnection::ReadResponse(int timeout_ms) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string data = std::move(pending_);
  pending_.clear();
  char buf[65536];
  while (std::chrono::steady_clock::now() < deadline) {
    const size_t header_end = data.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      size_t length = 0;
      const std::string lower_headers = [&] {
        std::string h = data.substr(0, header_end);
        for (char& c : h) c = static_cast<char>(std::tolower(c));
        return h;
      }();
      const size_t at = lower_headers.find("content-length:");
      if (at != std::string::npos) {
        const size_t eol = lower_headers.find("\r\n", at);
        std::string value = lower_headers.substr(at + 15, eol - at - 15);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        if (!absl::SimpleAtoi(value, &length)) length = 0;
      }
      const size_t total = header_end + 4 + length;
      if (data.size() >= total) {
        pending_ = data.substr(total);
        return data.substr(0, total);
      }
    }
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
    if (n <= 0) return "";
    data.append(buf, static_cast<size_t>(n));
  }
  return "";
}

int RawConnection::MillisUntilClosed(int limit_ms) {
  const auto start = std::chrono::steady_clock::now();
  char buf[4096];
  while (true) {
    const int elapsed =
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - start)
                             .count());
    if (elapsed > limit_ms) return -1;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, limit_ms - elapsed) <= 0) continue;
    const ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
    if (n <= 0) {
      return static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::steady_clock::now() - start)
              .count());
    }
  }
}

std::string RawRequest(std::string_view target, std::string_view body,
                       bool keep_alive) {
  return absl::StrCat(
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n",
      "Content-Type: application/x-amz-json-1.1\r\n",
      "X-Amz-Target: ", absl::string_view(target.data(), target.size()),
      "\r\nContent-Length: ", body.size(), "\r\n",
      keep_alive ? "" : "Connection: close\r\n", "\r\n",
      absl::string_view(body.data(), body.size()));
}

}  // namespace secretstage::server
