// The differential harness: SecretStore and ReferenceStore on one shared
// ManualClock receive the same operations and must agree on every outcome,
// on the observable state of every secret name, and core's invariants must
// hold after every operation. Used by differential_test.cc (random runs) and
// regression_test.cc (literal op lists).
#ifndef SECRETSTAGE_TESTS_REFERENCE_DIFFERENTIAL_H_
#define SECRETSTAGE_TESTS_REFERENCE_DIFFERENTIAL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/secret_store.h"
#include "tests/reference/ops.h"
#include "tests/reference/reference_store.h"

namespace secretstage::reference {

// Small quotas so that the label quota, the version quota and purging are hit
// constantly; both stores get the same ones.
inline constexpr int kDiffMaxLabels = 4;
inline constexpr int kDiffMaxVersions = 4;

// The two stores, built alike from `seed` (same ARN suffixes and generated
// tokens) on one ManualClock at ManualClock::DefaultStart().
class DualStore {
 public:
  explicit DualStore(uint64_t seed);

  // Applies `op` to both stores (AdvanceClock moves the shared clock) and
  // compares: the two outcomes; DescribeSecret and ListSecretVersionIds
  // (IncludeDeprecated) of every name in kSecretNames as whole structs; then
  // SecretStore::CheckInvariants(). Returns "" when everything agrees, else
  // what differed. `core_outcome`, if not null, receives core's outcome.
  std::string Step(const Op& op, Outcome* core_outcome = nullptr);

  const std::string& arn_prefix() const { return reference_.arn_prefix(); }

 private:
  std::shared_ptr<ManualClock> clock_;
  SecretStore core_;
  ReferenceStore reference_;
};

struct Mismatch {
  size_t op_index;  // The operation after which the stores disagreed.
  std::string description;
};

// Runs `ops` on a fresh DualStore(seed); the first disagreement, if any.
std::optional<Mismatch> Replay(uint64_t seed, const std::vector<Op>& ops);

// Generates `num_ops` random operations from Rng(seed) and runs them on a
// fresh DualStore(seed), stopping at the first disagreement. `ops` receives
// the operations run (up to and including the failing one).
// `coverage`, if not null, counts the outcomes by OutcomeKind().
std::optional<Mismatch> RunRandom(
    uint64_t seed, int num_ops, std::vector<Op>* ops,
    std::map<std::string, int64_t>* coverage = nullptr);

// "PutSecretValue: OK" or "PutSecretValue: LimitExceededException: You
// can't attach more than..." (the message cut short): which path an
// operation took, for coverage counts.
std::string OutcomeKind(const Op& op, const Outcome& outcome);

// A minimal failing list: the shortest failing prefix of `ops`, then chunks
// and finally single operations dropped greedily while Replay(seed, ...)
// still fails. `ops` must fail.
std::vector<Op> Shrink(uint64_t seed, std::vector<Op> ops);

// A regression test body ready to paste into regression_test.cc.
std::string RegressionSnippet(uint64_t seed, const std::vector<Op>& ops,
                              const Mismatch& mismatch);

}  // namespace secretstage::reference

#endif  // SECRETSTAGE_TESTS_REFERENCE_DIFFERENTIAL_H_
