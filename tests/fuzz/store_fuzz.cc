// Fuzz target over the operation vocabulary and over raw JSON bodies (the
// tcmalloc state-machine-fuzzing habit). One source, two builds:
//
//   --config=fuzz (clang, libFuzzer + ASan + UBSan): //tests/fuzz:store_fuzzer,
//     a libFuzzer binary (SECRETSTAGE_LIBFUZZER defined);
//   default (GCC): //tests/fuzz:store_fuzz_corpus_test, a plain test whose
//     main() replays every file of tests/fuzz/corpus/ through the same
//     LLVMFuzzerTestOneInput, so CI always runs the corpus.
//
// An input's first byte picks the mode:
//   even: operation vocabulary. Each following 8 bytes seed one RandomOp()
//     (tests/reference/ops.h) over the tiny alphabet; the ops run on a
//     DualStore (SecretStore and the naive ReferenceStore), which must agree
//     after every op on the outcome and on the observable state, with
//     SecretStore::CheckInvariants() holding (differential.h).
//   odd: raw JSON through protocol::Dispatch. The rest is lines; a line's
//     first byte picks the operation (kOperations below, including one the
//     protocol does not know), the rest is the request body, as bytes. After
//     every call: the status is 200/400/500, the body is a JSON object, a
//     failed call changed nothing (DescribeSecret and ListSecretVersionIds of
//     every name, as JSON), and CheckInvariants() holds.
// A violation aborts with a message (a crash for libFuzzer; a failure for
// the corpus test).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/secret_store.h"
#include "protocol/dispatch.h"
#include "tests/reference/differential.h"
#include "tests/reference/ops.h"

namespace secretstage::fuzz {
namespace {

constexpr size_t kMaxOps = 256;

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "store_fuzz: %s\n", what.c_str());
  std::abort();
}

void RunOps(const uint8_t* data, size_t size) {
  reference::DualStore stores(/*seed=*/1);
  reference::Alphabet alphabet(stores.arn_prefix());
  std::vector<reference::Op> ops;
  for (size_t at = 0; at + 8 <= size && ops.size() < kMaxOps; at += 8) {
    uint64_t seed;
    std::memcpy(&seed, data + at, 8);
    reference::Rng rng(seed);
    ops.push_back(reference::RandomOp(rng, alphabet));
    reference::Outcome outcome;
    const std::string diff = stores.Step(ops.back(), &outcome);
    if (!diff.empty()) {
      std::string list;
      for (const reference::Op& op : ops) {
        list += "      " + reference::ToCppLiteral(op) + ",\n";
      }
      Fail("core and reference disagree after op " +
           std::to_string(ops.size() - 1) + ":\n" + diff +
           "\nReplay(1, {\n" + list + "  })");
    }
    alphabet.Learn(outcome);
  }
}

constexpr const char* kOperations[] = {
    "CreateSecret",       "PutSecretValue",       "UpdateSecret",
    "UpdateSecretVersionStage", "GetSecretValue", "DescribeSecret",
    "ListSecretVersionIds", "DeleteSecret",       "RestoreSecret",
    "RotateSecret",       "CancelRotateSecret",   "ListSecrets",
    "BatchGetSecretValue", "TagResource",         "UntagResource",
    "GetRandomPassword",  "ValidateResourcePolicy"};
constexpr size_t kNumOperations = sizeof(kOperations) / sizeof(kOperations[0]);
constexpr const char* kNames[] = {"s0", "s1", "s2-a1B2c3"};

// What a failed call must leave unchanged: every name's DescribeSecret and
// ListSecretVersionIds (IncludeDeprecated) as the wire shows them.
std::string State(SecretStore& store) {
  std::string state;
  for (const char* name : kNames) {
    const std::string id = std::string("{\"SecretId\":\"") + name + "\"";
    state += protocol::Dispatch(store, "DescribeSecret", id + "}").body;
    state += protocol::Dispatch(store, "ListSecretVersionIds",
                                id + ",\"IncludeDeprecated\":true}")
                 .body;
  }
  return state;
}

void RunJson(const uint8_t* data, size_t size) {
  auto clock = std::make_shared<ManualClock>();
  StoreOptions options;
  options.clock = clock;
  options.seed = 1;
  options.max_versions_per_secret = 6;
  options.max_labels_per_secret = 6;
  SecretStore store(options);
  // A little state to aim at: s0 with two versions, s1 without a value.
  protocol::Dispatch(store, "CreateSecret",
                     R"({"Name":"s0","SecretString":"a","ClientRequestToken":)"
                     R"("tok-0000000000000000000000000001"})");
  protocol::Dispatch(store, "PutSecretValue",
                     R"({"SecretId":"s0","SecretString":"b","ClientRequestToken":)"
                     R"("tok-0000000000000000000000000002","VersionStages":["L1"]})");
  protocol::Dispatch(store, "CreateSecret", R"({"Name":"s1"})");
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  for (size_t calls = 0; start < input.size() && calls < kMaxOps; ++calls) {
    size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view line = input.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const char* operation =
        kOperations[static_cast<unsigned char>(line[0]) % kNumOperations];
    const std::string_view body = line.substr(1);
    const std::string before = State(store);
    const protocol::DispatchResult result =
        protocol::Dispatch(store, operation, body);
    if (result.http_status != 200 && result.http_status != 400 &&
        result.http_status != 500) {
      Fail(std::string(operation) + ": HTTP status " +
           std::to_string(result.http_status));
    }
    if (result.body.empty() || result.body.front() != '{' ||
        result.body.back() != '}') {
      Fail(std::string(operation) + ": body is not a JSON object: " +
           result.body);
    }
    if (result.http_status != 200 && State(store) != before) {
      Fail(std::string(operation) + " failed (" + result.body +
           ") but changed the state; body: " + std::string(body));
    }
    if (absl::Status s = store.CheckInvariants(); !s.ok()) {
      Fail(std::string(operation) + " broke an invariant: " + s.ToString() +
           "; body: " + std::string(body));
    }
    clock->Advance(absl::Hours(7));  // crosses purge ages and recovery windows
  }
}

}  // namespace
}  // namespace secretstage::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  if (data[0] % 2 == 0) {
    secretstage::fuzz::RunOps(data + 1, size - 1);
  } else {
    secretstage::fuzz::RunJson(data + 1, size - 1);
  }
  return 0;
}

#ifndef SECRETSTAGE_LIBFUZZER
// The corpus replay: every file of the directories given (default
// tests/fuzz/corpus) goes through LLVMFuzzerTestOneInput once.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> dirs;
  for (int i = 1; i < argc; ++i) dirs.emplace_back(argv[i]);
  if (dirs.empty()) dirs.emplace_back("tests/fuzz/corpus");
  size_t inputs = 0;
  for (const auto& dir : dirs) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                             bytes.size());
      ++inputs;
    }
  }
  std::cout << "store_fuzz: replayed " << inputs << " corpus inputs\n";
  if (inputs == 0) {
    std::cerr << "store_fuzz: empty corpus\n";
    return 1;
  }
  return 0;
}
#endif
