// BM_GetSecretValueByStage and BM_DescribeSecret: the read operations on a
// secret picked at random (fixtures.h), 2 versions each. Reads take the
// shard lock shared, so with threads:2 the two threads may read at once.
//
// Throughput: with threads:T, Google Benchmark 1.7 reports `iterations` summed
// over the threads, `real_time` as wall time / that sum (so 1 / real_time is
// the aggregate rate) and `cpu_time` as the threads' CPU time / that sum
// (the CPU cost of one read). bench/report.py prints 1e3 / real_time Mops/s.
#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "benchmark/benchmark.h"

namespace secretstage::bench {
namespace {

void BM_GetSecretValueByStage(benchmark::State& state) {
  const int64_t secrets = state.range(0);
  SecretSet& set = SecretSet::Get(secrets, 2);
  const IndexSequence& seq = IndexSequence::For(secrets);
  const std::vector<std::string>& names = set.names();
  SecretStore& store = set.store();
  model::GetSecretValueRequest request;
  request.secret_id.reserve(256);
  request.version_stage = std::string(model::kAwsCurrent);
  // Each thread walks its own part of the sequence.
  size_t cursor = seq.size() / static_cast<size_t>(state.threads()) *
                  static_cast<size_t>(state.thread_index());

  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(cursor);
    if (++cursor == seq.size()) cursor = 0;
    request.secret_id.assign(names[e >> 1]);
    absl::StatusOr<model::GetSecretValueResponse> response =
        store.GetSecretValue(request);
    if (!response.ok()) {
      Fail(state, response.status());
      break;
    }
    benchmark::DoNotOptimize(response);
  }
  allocs.Report(state);
  set.ReportMemory(state);
}

BENCHMARK(BM_GetSecretValueByStage)
    ->ArgNames({"secrets"})
    ->Arg(1)
    ->Arg(1000)
    ->Arg(kMillion)
    ->Threads(1)
    ->Threads(2);

void BM_DescribeSecret(benchmark::State& state) {
  const int64_t secrets = state.range(0);
  SecretSet& set = SecretSet::Get(secrets, 2);
  const IndexSequence& seq = IndexSequence::For(secrets);
  const std::vector<std::string>& names = set.names();
  SecretStore& store = set.store();
  model::DescribeSecretRequest request;
  request.secret_id.reserve(256);
  size_t cursor = 0;

  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(cursor);
    if (++cursor == seq.size()) cursor = 0;
    request.secret_id.assign(names[e >> 1]);
    absl::StatusOr<model::DescribeSecretResponse> response =
        store.DescribeSecret(request);
    if (!response.ok()) {
      Fail(state, response.status());
      break;
    }
    benchmark::DoNotOptimize(response);
  }
  allocs.Report(state);
  set.ReportMemory(state);
}

BENCHMARK(BM_DescribeSecret)->ArgNames({"secrets"})->Arg(1)->Arg(1000)->Arg(kMillion);

}  // namespace
}  // namespace secretstage::bench
