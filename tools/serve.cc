#include "tools/serve.h"

#include <pthread.h>
#include <signal.h>

#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "core/clock.h"
#include "core/secret_store.h"
#include "server/server.h"

namespace secretstage::tools {

const std::string_view kServeUsage =
    R"(Usage: secretstage serve [--port N] [--host H] [--seed N] [--region R]
                         [--account A] [--manual-clock]
                         [--external-rotation LAMBDA_ARN]...

Serves the Secrets Manager API (AWS JSON 1.1) over HTTP for AWS SDKs and the
AWS CLI (--endpoint-url http://HOST:PORT, any credentials). Prints one line,
"listening on http://HOST:PORT", then serves until SIGINT or SIGTERM.

  --port N        port to listen on; 0 (default) picks a free one
  --host H        address to bind (default 127.0.0.1: this machine only)
  --seed N        seed for ARN suffixes and generated ids (default 0)
  --region R      region in ARNs (default us-east-1)
  --account A     account id in ARNs (default 123456789012)
  --manual-clock  virtual clock starting 2024-01-01T00:00:00Z, moved only by
                  the operation secretstage.AdvanceClock {"Seconds": N}
  --external-rotation LAMBDA_ARN
                  RotateSecret with this RotationLambdaARN only creates the
                  AWSPENDING placeholder and returns, as AWS does before its
                  Lambda runs: your rotation code then calls the four steps
                  over HTTP. Other ARNs rotate at once with the built-in
                  handler, which does what AWS's rotation template does.
                  Repeatable.
)";

namespace {

int ServeUsageError(std::string_view problem) {
  std::cerr << "secretstage serve: " << problem << "\n\n" << kServeUsage;
  return 2;
}

// Reads the value of `--name V` or `--name=V` at args[i]; advances i.
bool TakeValue(const std::vector<std::string_view>& args, size_t& i,
               std::string_view name, std::string_view& value) {
  const std::string_view arg = args[i];
  if (arg == name) {
    if (i + 1 == args.size()) return false;
    value = args[++i];
    return true;
  }
  value = arg.substr(name.size() + 1);
  return true;
}

bool Matches(std::string_view arg, std::string_view name) {
  return arg == name ||
         (arg.size() > name.size() && arg.substr(0, name.size()) == name &&
          arg[name.size()] == '=');
}

}  // namespace

int RunServe(const std::vector<std::string_view>& args) {
  StoreOptions store_options;
  server::ServerOptions server_options;
  std::vector<std::string> external_rotation;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    std::string_view value;
    if (arg == "--help" || arg == "-h") {
      std::cout << kServeUsage;
      return 0;
    } else if (arg == "--manual-clock") {
      server_options.manual_clock = true;
    } else if (Matches(arg, "--port")) {
      if (!TakeValue(args, i, "--port", value)) {
        return ServeUsageError("--port needs a number");
      }
      int port = -1;
      if (!absl::SimpleAtoi(absl::string_view(value.data(), value.size()),
                            &port) ||
          port < 0 || port > 65535) {
        return ServeUsageError("--port needs 0..65535, got '" +
                               std::string(value) + "'");
      }
      server_options.port = port;
    } else if (Matches(arg, "--seed")) {
      if (!TakeValue(args, i, "--seed", value) ||
          !absl::SimpleAtoi(absl::string_view(value.data(), value.size()),
                            &store_options.seed)) {
        return ServeUsageError("--seed needs a non-negative integer");
      }
    } else if (Matches(arg, "--external-rotation")) {
      if (!TakeValue(args, i, "--external-rotation", value) || value.empty()) {
        return ServeUsageError("--external-rotation needs a Lambda ARN");
      }
      external_rotation.emplace_back(value);
    } else if (Matches(arg, "--host") || Matches(arg, "--region") ||
               Matches(arg, "--account")) {
      const std::string_view name = arg.substr(0, arg.find('='));
      if (!TakeValue(args, i, name, value) || value.empty()) {
        return ServeUsageError(std::string(name) + " needs a value");
      }
      if (name == "--host") server_options.host = std::string(value);
      if (name == "--region") store_options.region = std::string(value);
      if (name == "--account") store_options.account = std::string(value);
    } else {
      return ServeUsageError("unknown argument '" + std::string(arg) + "'");
    }
  }
  if (server_options.manual_clock) {
    store_options.clock = std::make_shared<ManualClock>();
  }

  // SIGINT and SIGTERM are blocked in every thread (the server's threads
  // inherit the mask) and taken by sigwait() below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client that hangs up while its response is written must not end the
  // process (httplib's sends do not pass MSG_NOSIGNAL).
  signal(SIGPIPE, SIG_IGN);

  SecretStore store(store_options);
  for (std::string& arn : external_rotation) {
    // Every step succeeds without doing anything: the client runs them.
    store.RegisterRotationHandler(
        std::move(arn), [](SecretStore&, const SecretStore::RotationStep&) {
          return absl::OkStatus();
        });
  }
  server::Server server(store, server_options);
  const absl::StatusOr<int> port = server.Start();
  if (!port.ok()) {
    std::cerr << "secretstage serve: " << port.status().message() << "\n";
    return 1;
  }
  const std::string& host = server_options.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  std::cout << "listening on http://" << (ipv6 ? "[" : "") << host
            << (ipv6 ? "]" : "") << ":" << *port << std::endl;

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::cerr << "secretstage serve: signal " << signal_number
            << ", shutting down\n";
  server.Stop();
  return 0;
}

}  // namespace secretstage::tools
