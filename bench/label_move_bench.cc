// BM_MoveCustomLabel / BM_MoveAwsCurrent: UpdateSecretVersionStage through
// its allocation-free form (request, response*), moving a label between two
// versions of a secret picked at random among `secrets`, each with
// `versions` versions (see fixtures.h for the set-up and the walk).
//
// Per iteration outside the store: one sequential load from the index
// sequence, one random load of the secret's name (names[i], inline in the
// vector) and its copy into the reused request (no allocation).
#include <atomic>

#include "absl/status/status.h"
#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "benchmark/benchmark.h"

namespace secretstage::bench {
namespace {

void RunMove(benchmark::State& state, MovedLabel label) {
  const int64_t secrets = state.range(0);
  const int versions = static_cast<int>(state.range(1));
  SecretSet& set = SecretSet::Get(secrets, versions);
  const IndexSequence& seq = IndexSequence::For(secrets);
  const std::vector<std::string>& names = set.names();
  SecretStore& store = set.store();
  std::array<model::UpdateSecretVersionStageRequest, 2> requests =
      MoveRequests(label, versions);
  model::UpdateSecretVersionStageResponse response;
  response.arn.reserve(1024);
  response.name.reserve(512);
  size_t& cursor = set.cursor(label);

  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(cursor);
    if (++cursor == seq.size()) cursor = 0;
    model::UpdateSecretVersionStageRequest& request = requests[e & 1];
    request.secret_id.assign(names[e >> 1]);
    const absl::Status status = store.UpdateSecretVersionStage(request, &response);
    if (!status.ok()) {
      Fail(state, status);
      break;
    }
  }
  allocs.Report(state);
  set.ReportMemory(state);
}

void BM_MoveCustomLabel(benchmark::State& state) {
  RunMove(state, MovedLabel::kCustom);
}

// Issue 3, change events: the same move with a listener subscribed for the
// timed loop (it counts the events: two per move, the detach and the
// attach), against BM_MoveCustomLabel (nobody has ever listened) and
// BM_MoveCustomLabelUnsubscribed (a listener came and went before the loop).
// The last must cost what BM_MoveCustomLabel costs: with no listener the
// whole event machinery is one relaxed atomic load per call.
void BM_MoveCustomLabelObserved(benchmark::State& state) {
  SecretStore& store = SecretSet::Get(state.range(0),
                                      static_cast<int>(state.range(1)))
                           .store();
  std::atomic<int64_t> events{0};
  const uint64_t id = store.Subscribe(
      [&events](const StoreEvent&) { events.fetch_add(1, std::memory_order_relaxed); });
  RunMove(state, MovedLabel::kCustom);
  store.Unsubscribe(id);
  state.counters["events_per_op"] = benchmark::Counter(
      static_cast<double>(events.load()), benchmark::Counter::kAvgIterations);
}

void BM_MoveCustomLabelUnsubscribed(benchmark::State& state) {
  SecretStore& store = SecretSet::Get(state.range(0),
                                      static_cast<int>(state.range(1)))
                           .store();
  store.Unsubscribe(store.Subscribe([](const StoreEvent&) {}));
  RunMove(state, MovedLabel::kCustom);
}

void BM_MoveAwsCurrent(benchmark::State& state) {
  RunMove(state, MovedLabel::kAwsCurrent);
}

// The grid (secrets 1, 1000, 1M at 2 versions; versions 2, 20, 100
// at 1 secret) plus secrets:1000/versions:100, the corner that
// bench/moto/pure_logic.py also measures.
void MoveArgs(benchmark::internal::Benchmark* b) {
  b->ArgNames({"secrets", "versions"});
  b->Args({1, 2})->Args({1000, 2})->Args({kMillion, 2});
  b->Args({1, 20})->Args({1, 100})->Args({1000, 100});
}

BENCHMARK(BM_MoveCustomLabel)->Apply(MoveArgs);
BENCHMARK(BM_MoveCustomLabelObserved)
    ->ArgNames({"secrets", "versions"})
    ->Args({1, 2})
    ->Args({1000, 2});
BENCHMARK(BM_MoveCustomLabelUnsubscribed)
    ->ArgNames({"secrets", "versions"})
    ->Args({1, 2})
    ->Args({1000, 2});
BENCHMARK(BM_MoveAwsCurrent)->Apply(MoveArgs);

}  // namespace
}  // namespace secretstage::bench
