// Shared set-up of the secretstage benchmarks: populated stores, the random
// sequence of secrets each benchmark walks, and memory measurement.
//
// Every store uses a ManualClock (as a simulator would); a RealClock adds
// one clock_gettime (~20 ns) per call.
//
// Secrets are named Name(i) ("secret.0000042": 14 bytes, so std::string
// keeps it inline, in the benchmark and in the floor alike). Every secret of
// a SecretSet has the same `versions` version ids VersionId(0..V-1) (ids are
// per secret in Secrets Manager, so sharing them is legal) and 16-byte
// SecretString values. Its labels after set-up, as after V-1 rotations:
//   AWSCURRENT and BLUE (the custom label) on VersionId(V-1),
//   AWSPREVIOUS on VersionId(V-2).
// The label-move benchmarks move BLUE or AWSCURRENT between VersionId(V-1)
// ("home") and VersionId(0) ("away") and back.
#ifndef SECRETSTAGE_BENCH_FIXTURES_H_
#define SECRETSTAGE_BENCH_FIXTURES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/clock.h"
#include "core/secret_store.h"
#include "model/model.h"

namespace secretstage::bench {

inline constexpr int64_t kMillion = 1000000;
// The custom label the benchmarks move.
inline constexpr std::string_view kCustomLabel = "BLUE";

// "secret.%07d".
std::string Name(int64_t i);
// A 36-character UUID-shaped ClientRequestToken, the same for every secret.
std::string VersionId(int64_t i);
// A 16-byte SecretString.
std::string Value(int64_t i);

// Resident set size of this process (VmRSS of /proc/self/status), bytes.
int64_t ResidentBytes();

// SplitMix64 (Steele, Lea, Flood 2014). bench/moto/sequence.py implements the
// same generator, so both sides pick the same secrets in the same order.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next();

 private:
  uint64_t state_;
};

// A cyclic sequence of (secret index, direction) that a benchmark walks, one
// entry per iteration. Indices are uniform over [0, secrets); every index
// occurs an even number of times, and the direction bit of an entry is the
// parity of that index's earlier occurrences. So a benchmark that moves a
// label away from "home" when the bit is 0 and back when it is 1 always sends
// a valid request, and one full pass leaves every label where it started.
// Generated outside the timed region; walking it costs one sequential load.
class IndexSequence {
 public:
  // Length min(max(16 * secrets, 16), 2^20), seed 42. Cached; thread-safe.
  static const IndexSequence& For(int64_t secrets);
  IndexSequence(int64_t secrets, size_t length, uint64_t seed);

  size_t size() const { return entries_.size(); }
  // (index << 1) | direction.
  uint32_t entry(size_t i) const { return entries_[i]; }

 private:
  std::vector<uint32_t> entries_;
};

// Which label a move benchmark moves.
enum class MovedLabel { kCustom = 0, kAwsCurrent = 1 };
std::string_view LabelName(MovedLabel label);

// The two requests of a move: [0] moves `label` from VersionId(versions-1)
// to VersionId(0), [1] moves it back. secret_id is left empty, with capacity
// for any id of the set.
std::array<model::UpdateSecretVersionStageRequest, 2> MoveRequests(
    MovedLabel label, int versions);

// A populated store, built once per process and shared by the benchmarks
// that ask for the same shape (the 1,000,000-secret one is built only if a
// benchmark needs it).
class SecretSet {
 public:
  // Builds (first call) or returns the set. `pin` also attaches a label PIN
  // to VersionId(0) of every secret (for BM_ResolveSecretId). Thread-safe.
  static SecretSet& Get(int64_t secrets, int versions, bool pin = false);

  SecretStore& store() { return *store_; }
  ManualClock& clock() { return *clock_; }
  int64_t secrets() const { return secrets_; }
  int versions() const { return versions_; }
  const std::vector<std::string>& names() const { return names_; }
  // Full ARNs; only kept for sets of at most 100,000 secrets.
  const std::vector<std::string>& arns() const { return arns_; }
  // VmRSS growth while populating the store, divided by the secrets.
  double bytes_per_secret() const { return bytes_per_secret_; }
  // Where the moves of `label` are in IndexSequence::For(secrets()). Kept
  // here, not in a benchmark, because the labels' positions persist across
  // the runs of a benchmark and across benchmarks sharing this set.
  size_t& cursor(MovedLabel label) {
    return cursors_[static_cast<int>(label)];
  }
  // Adds bytes_per_secret to `state`'s counters for the 1,000,000-secret sets
  // (from thread 0 only: counters are summed over threads).
  void ReportMemory(benchmark::State& state) const;

 private:
  SecretSet(int64_t secrets, int versions, bool pin);

  int64_t secrets_;
  int versions_;
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<SecretStore> store_;
  std::vector<std::string> names_;
  std::vector<std::string> arns_;
  double bytes_per_secret_ = 0;
  std::array<size_t, 2> cursors_ = {0, 0};
};

// Names(secrets)[i] == Name(i); cached; thread-safe.
const std::vector<std::string>& Names(int64_t secrets);

// Stops the benchmark with `status` as its error.
void Fail(benchmark::State& state, const absl::Status& status);

}  // namespace secretstage::bench

#endif  // SECRETSTAGE_BENCH_FIXTURES_H_
