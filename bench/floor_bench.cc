// BM_Floor: the cost floor of a label move (issue 5): a bare
// absl::flat_hash_map<std::string, T> lookup by absl::string_view among
// `secrets` keys picked at random, plus one small in-place update. It walks
// the same names and the same IndexSequence as BM_MoveCustomLabel, so the
// ratio BM_MoveCustomLabel / BM_Floor at equal `secrets` is the overhead of
// everything secretstage does beyond finding the secret.
#include <memory>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "benchmark/benchmark.h"

namespace secretstage::bench {
namespace {

struct FloorEntry {
  uint32_t holder = 0;  // "which version holds the label"
  uint64_t seq = 0;     // "attach order"
};

using FloorMap = absl::flat_hash_map<std::string, FloorEntry>;

FloorMap& FloorMapFor(int64_t secrets) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new std::map<int64_t, std::unique_ptr<FloorMap>>;
  const std::vector<std::string>& names = Names(secrets);
  absl::MutexLock lock(&mu);
  std::unique_ptr<FloorMap>& map = (*cache)[secrets];
  if (map == nullptr) {
    map = std::make_unique<FloorMap>();
    map->reserve(names.size());
    for (const std::string& name : names) (*map)[name] = FloorEntry{};
  }
  return *map;
}

void BM_Floor(benchmark::State& state) {
  const int64_t secrets = state.range(0);
  FloorMap& map = FloorMapFor(secrets);
  const std::vector<std::string>& names = Names(secrets);
  const IndexSequence& seq = IndexSequence::For(secrets);
  size_t cursor = 0;

  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(cursor);
    if (++cursor == seq.size()) cursor = 0;
    const std::string& name = names[e >> 1];
    auto it = map.find(absl::string_view(name.data(), name.size()));
    FloorEntry& entry = it->second;
    entry.holder = e & 1;
    ++entry.seq;
  }
  allocs.Report(state);
}

BENCHMARK(BM_Floor)->ArgNames({"secrets"})->Arg(1)->Arg(1000)->Arg(kMillion);

}  // namespace
}  // namespace secretstage::bench
