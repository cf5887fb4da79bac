// secretstage: command-line front end of the in-process Secrets Manager.
//
//   secretstage replay [--seed N] [--pretty] [FILE]
//   secretstage serve [--port N] [--host H] ...   (tools/serve.h)
//
// Only argument parsing lives here; the work is in tools/replay.h.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "tools/replay.h"
#include "tools/serve.h"

namespace {

constexpr std::string_view kUsage =
    R"(Usage: secretstage replay [--seed N] [--pretty] [FILE]

Runs Secrets Manager calls, one JSON object per line, against a fresh
in-process store with a virtual clock (starting 2024-01-01T00:00:00Z), and
prints one JSON line per call:
  in:  {"op": "PutSecretValue", "input": {"SecretId": "demo", ...}}
  out: {"op": "PutSecretValue", "output": {...}}  or  {"op": ..., "error": {...}}
Blank lines and # comments are skipped. Control operations:
  {"op": "AdvanceClock", "input": {"Seconds": 60}}   (or Minutes, Hours, Days)
  {"op": "CheckInvariants"}

  FILE       script to run; standard input when absent or "-"
  --seed N   seed for ARN suffixes and generated ids (default 0)
  --pretty   also echo each call and print the secret's versions and labels
)";

int UsageError(std::string_view problem) {
  std::cerr << "secretstage: " << problem << "\n\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) return UsageError("missing command");
  if (args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage << "\n" << secretstage::tools::kServeUsage;
    return 0;
  }
  if (args[0] == "serve") {
    return secretstage::tools::RunServe({args.begin() + 1, args.end()});
  }
  if (args[0] != "replay") {
    return UsageError("unknown command '" + std::string(args[0]) + "'");
  }

  secretstage::tools::ReplayOptions options;
  std::string file;
  bool have_file = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--pretty") {
      options.pretty = true;
    } else if (arg == "--seed" || arg.substr(0, 7) == "--seed=") {
      std::string_view value;
      if (arg == "--seed") {
        if (i + 1 == args.size()) return UsageError("--seed needs a number");
        value = args[++i];
      } else {
        value = arg.substr(7);
      }
      if (!absl::SimpleAtoi(absl::string_view(value.data(), value.size()),
                            &options.seed)) {
        return UsageError("--seed needs a non-negative integer, got '" +
                          std::string(value) + "'");
      }
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError("unknown option '" + std::string(arg) + "'");
    } else if (have_file) {
      return UsageError("more than one FILE");
    } else {
      file = std::string(arg);
      have_file = true;
    }
  }

  if (!have_file || file == "-") {
    secretstage::tools::RunReplay(std::cin, std::cout, options);
    return 0;
  }
  std::ifstream in(file);
  if (!in) {
    std::cerr << "secretstage: cannot read '" << file << "'\n";
    return 1;
  }
  secretstage::tools::RunReplay(in, std::cout, options);
  return 0;
}
