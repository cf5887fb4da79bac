// The randomized differential test (the leveldb habit): SecretStore and the
// naive ReferenceStore receive the same random operations and must agree
// after every one (outcome, observable state of every name, core invariants).
//
// Default: 100 seeds x 2,000 operations. Environment (pass through Bazel with
// --test_env=NAME=VALUE):
//   SECRETSTAGE_DIFF_OPS=N     total operations (N / 2,000 seeds), e.g.
//                              1000000 for a long run;
//   SECRETSTAGE_DIFF_SEED=S    first seed (default 1).
// A disagreement is shrunk to a minimal op list and printed as a test ready
// to paste into regression_test.cc, with its seed.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "tests/reference/differential.h"
#include "tests/reference/ops.h"

namespace secretstage::reference {
namespace {

constexpr int kOpsPerSeed = 2000;
constexpr int64_t kDefaultTotalOps = 200000;
// Shrinking takes a while; after this many failing seeds the run stops.
constexpr int kMaxReportedFailures = 3;

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoll(value, nullptr, 10);
}

TEST(DifferentialTest, CoreAgreesWithReferenceOnRandomOperations) {
  const int64_t total_ops = EnvInt("SECRETSTAGE_DIFF_OPS", kDefaultTotalOps);
  const uint64_t first_seed =
      static_cast<uint64_t>(EnvInt("SECRETSTAGE_DIFF_SEED", 1));
  const int64_t num_seeds = std::max<int64_t>(1, total_ops / kOpsPerSeed);
  const absl::Time start = absl::Now();
  int64_t ops_run = 0;
  int failures = 0;
  std::map<std::string, int64_t> coverage;
  uint64_t seed = first_seed;
  for (; seed < first_seed + num_seeds && failures < kMaxReportedFailures;
       ++seed) {
    std::vector<Op> ops;
    std::optional<Mismatch> mismatch =
        RunRandom(seed, kOpsPerSeed, &ops, &coverage);
    ops_run += static_cast<int64_t>(ops.size());
    if (!mismatch) continue;
    ++failures;
    const std::vector<Op> minimal = Shrink(seed, ops);
    const std::optional<Mismatch> minimal_mismatch = Replay(seed, minimal);
    ADD_FAILURE() << "seed " << seed << ": core and reference disagree after op "
                  << mismatch->op_index << " ("
                  << ToCppLiteral(ops[mismatch->op_index]) << ")\n"
                  << mismatch->description << "\nMinimal sequence ("
                  << minimal.size() << " ops):\n"
                  << (minimal_mismatch
                          ? RegressionSnippet(seed, minimal, *minimal_mismatch)
                          : std::string("(shrinking lost the failure)\n"));
  }
  std::cout << "DifferentialTest: " << ops_run << " ops, seeds " << first_seed
            << ".." << seed - 1 << ", "
            << absl::ToDoubleSeconds(absl::Now() - start) << " s\n";
  // Which paths the run took (and how often): a path missing here is not
  // tested by this run.
  for (const auto& [kind, count] : coverage) {
    std::cout << "  " << count << "\t" << kind << "\n";
  }
}

}  // namespace
}  // namespace secretstage::reference
