// Load test of the HTTP endpoint (issue 6): N keep-alive connections on
// loopback issue GetSecretValue, then UpdateSecretVersionStage, each phase
// for a bounded time; reports requests/s, p50 and p99 latency per phase,
// then checks that nothing was lost: every connection moved AWSCURRENT
// around its own secret's versions, and the final labels must match its
// last acknowledged move (AWSCURRENT there, AWSPREVIOUS on the version it
// came from).
//
//   server_load [--connections=N] [--seconds=S] [--url=http://HOST:PORT]
//               [--name=LABEL] [--read-secrets=N] [--versions=N]
//
// Without --url it starts secretstage's server in-process on 127.0.0.1:0
// (./dev loadtest also runs it against moto's server with --url). The
// client is a minimal blocking HTTP/1.1 client over raw sockets, one
// thread per connection, so it costs little of the machine's CPU next to
// the server it measures. Loopback only: --url must name 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/secret_store.h"
#include "server/server.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int connections = 4;
  double seconds = 5;
  std::string url;  // empty: in-process server
  std::string name = "secretstage";
  int read_secrets = 100;
  int versions = 4;
};

// A keep-alive HTTP/1.1 connection that reconnects when the server closes.
class Connection {
 public:
  explicit Connection(int port) : port_(port) {}
  ~Connection() { Close(); }

  // POSTs `body` with X-Amz-Target `target`; returns the status (0 on a
  // transport failure) and fills *response_body.
  int Post(std::string_view target, std::string_view body,
           std::string* response_body) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (fd_ < 0 && !Connect()) return 0;
      request_.clear();
      absl::StrAppend(&request_,
                      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Type: application/x-amz-json-1.1\r\n"
                      "Authorization: AWS4-HMAC-SHA256 Credential=AKIDTEST/"
                      "20240101/us-east-1/secretsmanager/aws4_request, "
                      "SignedHeaders=host, Signature=0\r\nX-Amz-Target: ",
                      absl::string_view(target.data(), target.size()),
                      "\r\nContent-Length: ", body.size(), "\r\n\r\n",
                      absl::string_view(body.data(), body.size()));
      // A request on a connection the server closed while idle fails on
      // its first bytes back: reconnect once and resend.
      if (!SendAll(request_)) {
        Close();
        continue;
      }
      const int status = ReadResponse(response_body);
      if (status == 0) {
        Close();
        if (attempt == 0 && fresh_) continue;
        return 0;
      }
      fresh_ = true;
      if (close_after_) Close();
      return status;
    }
    return 0;
  }

 private:
  bool Connect() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      Close();
      return false;
    }
    buffer_.clear();
    fresh_ = false;
    return true;
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  bool SendAll(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  bool Fill() {
    char chunk[16384];
    const ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int ReadResponse(std::string* body) {
    size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return 0;
    }
    std::string headers = buffer_.substr(0, header_end);
    for (char& c : headers) c = static_cast<char>(std::tolower(c));
    int status = 0;
    if (headers.size() < 12 ||
        !absl::SimpleAtoi(absl::string_view(headers).substr(9, 3), &status)) {
      return 0;
    }
    size_t length = 0;
    const size_t at = headers.find("\r\ncontent-length:");
    if (at != std::string::npos) {
      size_t start = at + 17;
      const size_t eol = headers.find("\r\n", start);
      absl::string_view value = absl::string_view(headers).substr(
          start, eol == std::string::npos ? std::string::npos : eol - start);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (!absl::SimpleAtoi(value, &length)) return 0;
    }
    close_after_ = headers.find("\r\nconnection: close") != std::string::npos ||
                   headers.rfind("http/1.0", 0) == 0;
    const size_t total = header_end + 4 + length;
    while (buffer_.size() < total) {
      if (!Fill()) return 0;
    }
    body->assign(buffer_, header_end + 4, length);
    buffer_.erase(0, total);
    return status;
  }

  const int port_;
  int fd_ = -1;
  bool fresh_ = false;  // has served a response since connecting
  bool close_after_ = false;
  std::string buffer_;
  std::string request_;
};

struct PhaseResult {
  std::string operation;
  uint64_t ok = 0;
  uint64_t errors = 0;
  double seconds = 0;
  std::vector<uint32_t> latency_us;
};

double Percentile(std::vector<uint32_t>& v, double p) {
  if (v.empty()) return 0;
  const size_t k = static_cast<size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k] / 1000.0;
}

std::string Token(int conn, int version) {
  return absl::StrCat("load-", conn, "-version-", version,
                      "-00000000000000000000000000");
}

std::string OwnSecret(int conn) { return absl::StrCat("load/conn-", conn); }

bool MustOk(Connection& c, std::string_view op, const nlohmann::json& body) {
  std::string out;
  const int status =
      c.Post("secretsmanager." + std::string(op), body.dump(), &out);
  if (status != 200) {
    std::cerr << "setup " << op << " failed: " << status << " " << out << "\n";
    return false;
  }
  return true;
}

// Per connection: which version holds AWSCURRENT after the last
// acknowledged move, and which held it before.
struct MoveState {
  int current = 0;
  int previous = -1;
  uint64_t acked = 0;
  uint64_t unacked = 0;  // sent, no 200: the state is no longer known
};

int Run(const Options& o, int port) {
  // ---- setup over the wire --------------------------------------------
  {
    Connection c(port);
    for (int i = 0; i < o.read_secrets; ++i) {
      if (!MustOk(c, "CreateSecret",
                  {{"Name", absl::StrCat("load/read-", i)},
                   {"ClientRequestToken", Token(-1, i)},
                   {"SecretString", std::string(64, 'r')}})) {
        return 1;
      }
    }
    for (int conn = 0; conn < o.connections; ++conn) {
      if (!MustOk(c, "CreateSecret",
                  {{"Name", OwnSecret(conn)},
                   {"ClientRequestToken", Token(conn, 0)},
                   {"SecretString", "v0"}})) {
        return 1;
      }
      for (int v = 1; v < o.versions; ++v) {
        if (!MustOk(c, "PutSecretValue",
                    {{"SecretId", OwnSecret(conn)},
                     {"ClientRequestToken", Token(conn, v)},
                     {"SecretString", absl::StrCat("v", v)},
                     {"VersionStages", {absl::StrCat("L", v)}}})) {
          return 1;
        }
      }
    }
  }

  std::vector<MoveState> moves(o.connections);
  auto run_phase = [&](const std::string& op) {
    PhaseResult result;
    result.operation = op;
    std::atomic<bool> stop{false};
    std::vector<PhaseResult> per(o.connections);
    std::vector<std::thread> threads;
    const std::string target = "secretsmanager." + op;
    for (int conn = 0; conn < o.connections; ++conn) {
      threads.emplace_back([&, conn] {
        Connection c(port);
        PhaseResult& r = per[conn];
        r.latency_us.reserve(1 << 20);
        std::vector<std::string> reads;
        for (int i = 0; i < o.read_secrets; ++i) {
          reads.push_back(
              nlohmann::json{{"SecretId", absl::StrCat("load/read-", i)}}
                  .dump());
        }
        MoveState& m = moves[conn];
        std::string out, body;
        uint64_t i = conn;
        while (!stop.load(std::memory_order_relaxed)) {
          int next = 0;
          if (op == "GetSecretValue") {
            body = reads[i++ % reads.size()];
          } else {
            next = (m.current + 1 + static_cast<int>(i++ % (o.versions - 1))) %
                   o.versions;
            body =
                nlohmann::json{{"SecretId", OwnSecret(conn)},
                               {"VersionStage", "AWSCURRENT"},
                               {"MoveToVersionId", Token(conn, next)},
                               {"RemoveFromVersionId", Token(conn, m.current)}}
                    .dump();
          }
          const auto start = Clock::now();
          const int status = c.Post(target, body, &out);
          const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                              Clock::now() - start)
                              .count();
          r.latency_us.push_back(static_cast<uint32_t>(us));
          if (status == 200) {
            ++r.ok;
            if (op != "GetSecretValue") {
              m.previous = m.current;
              m.current = next;
              ++m.acked;
            }
          } else {
            ++r.errors;
            if (op != "GetSecretValue") {
              ++m.unacked;
              if (r.errors <= 3) {
                std::cerr << op << " " << status << ": " << out << "\n";
              }
              break;  // the label's position is no longer known
            }
          }
        }
      });
    }
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
    stop = true;
    for (std::thread& t : threads) t.join();
    result.seconds =
        std::chrono::duration<double>(Clock::now() - start).count();
    for (PhaseResult& r : per) {
      result.ok += r.ok;
      result.errors += r.errors;
      result.latency_us.insert(result.latency_us.end(), r.latency_us.begin(),
                               r.latency_us.end());
    }
    return result;
  };

  std::vector<PhaseResult> results;
  results.push_back(run_phase("GetSecretValue"));
  results.push_back(run_phase("UpdateSecretVersionStage"));

  // ---- verification: the final labels match the last acknowledged move --
  int lost = 0;
  {
    Connection c(port);
    for (int conn = 0; conn < o.connections; ++conn) {
      const MoveState& m = moves[conn];
      std::string out;
      const int status =
          c.Post("secretsmanager.DescribeSecret",
                 nlohmann::json{{"SecretId", OwnSecret(conn)}}.dump(), &out);
      const nlohmann::json d = nlohmann::json::parse(out, nullptr, false);
      auto has = [&](int version, const char* label) {
        if (status != 200 || d.is_discarded()) return false;
        const auto stages = d.find("VersionIdsToStages");
        if (stages == d.end()) return false;
        const auto it = stages->find(Token(conn, version));
        if (it == stages->end()) return false;
        return std::find(it->begin(), it->end(), label) != it->end();
      };
      bool ok = m.unacked == 0 && has(m.current, "AWSCURRENT") &&
                (m.previous < 0 || has(m.previous, "AWSPREVIOUS"));
      for (int v = 0; v < o.versions && ok; ++v) {
        if (v != m.current && has(v, "AWSCURRENT")) ok = false;
      }
      if (!ok) {
        ++lost;
        std::cerr << "connection " << conn << ": last acked move put "
                  << "AWSCURRENT on version " << m.current << " (" << m.acked
                  << " acked, " << m.unacked << " failed); server says " << out
                  << "\n";
      }
    }
  }

  // ---- report -----------------------------------------------------------
  std::printf("%-12s %-25s %5s %10s %10s %9s %9s %7s\n", "server", "operation",
              "conns", "requests", "req/s", "p50 ms", "p99 ms", "errors");
  for (PhaseResult& r : results) {
    const double p50 = Percentile(r.latency_us, 0.50);
    const double p99 = Percentile(r.latency_us, 0.99);
    std::printf("%-12s %-25s %5d %10llu %10.0f %9.3f %9.3f %7llu\n",
                o.name.c_str(), r.operation.c_str(), o.connections,
                static_cast<unsigned long long>(r.ok),
                static_cast<double>(r.ok) / r.seconds, p50, p99,
                static_cast<unsigned long long>(r.errors));
  }
  uint64_t acked = 0;
  for (const MoveState& m : moves) acked += m.acked;
  std::printf(
      "%-12s verification: %d of %d connections' secrets match their "
      "last acknowledged move (%llu moves acknowledged)%s\n",
      o.name.c_str(), o.connections - lost, o.connections,
      static_cast<unsigned long long>(acked),
      lost == 0 ? "" : "  <-- LOST UPDATES");
  std::fflush(stdout);
  return lost == 0 ? 0 : 3;
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const size_t eq = arg.find('=');
    const std::string_view key = arg.substr(0, eq);
    const std::string value(eq == std::string_view::npos ? ""
                                                         : arg.substr(eq + 1));
    bool ok = eq != std::string_view::npos;
    if (key == "--connections") {
      ok = ok && absl::SimpleAtoi(value, &o->connections) && o->connections > 0;
    } else if (key == "--seconds") {
      ok = ok && absl::SimpleAtod(value, &o->seconds) && o->seconds > 0;
    } else if (key == "--url") {
      o->url = value;
    } else if (key == "--name") {
      o->name = value;
    } else if (key == "--read-secrets") {
      ok = ok && absl::SimpleAtoi(value, &o->read_secrets) &&
           o->read_secrets > 0;
    } else if (key == "--versions") {
      ok = ok && absl::SimpleAtoi(value, &o->versions) && o->versions >= 2;
    } else {
      ok = false;
    }
    if (!ok) {
      std::cerr << "server_load: bad argument '" << arg << "'\n"
                << "usage: server_load [--connections=N] [--seconds=S] "
                   "[--url=http://127.0.0.1:PORT] [--name=LABEL] "
                   "[--read-secrets=N] [--versions=N]\n";
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, &o)) return 2;
  if (!o.url.empty()) {
    constexpr std::string_view kPrefix = "http://127.0.0.1:";
    int port = 0;
    if (o.url.rfind(kPrefix, 0) != 0 ||
        !absl::SimpleAtoi(absl::string_view(o.url)
                              .substr(kPrefix.size())
                              .substr(0, o.url.size() - kPrefix.size() -
                                             (o.url.back() == '/' ? 1 : 0)),
                          &port)) {
      std::cerr << "server_load: --url must be http://127.0.0.1:PORT\n";
      return 2;
    }
    return Run(o, port);
  }
  secretstage::SecretStore store;
  secretstage::server::ServerOptions server_options;
  server_options.threads = std::max(16, o.connections + 4);
  secretstage::server::Server server(store, server_options);
  const auto port = server.Start();
  if (!port.ok()) {
    std::cerr << "server_load: " << port.status().message() << "\n";
    return 1;
  }
  const int rc = Run(o, *port);
  server.Stop();
  if (!store.CheckInvariants().ok()) {
    std::cerr << "server_load: invariants broken: "
              << store.CheckInvariants().message() << "\n";
    return 4;
  }
  return rc;
}
