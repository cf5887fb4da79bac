// BM_ReplayDispatch: one UpdateSecretVersionStage through protocol::Dispatch
// from a JSON body, i.e. the full AWS JSON 1.1 wire layer (parse the body,
// build the request, call the store, write the response body) minus HTTP.
//
// - BM_ReplayDispatch: the custom label BLUE, 1 secret, 2 versions.
// - BM_ReplayDispatch/label:{custom,awscurrent}/secrets:S/versions:V, for
//   S in {1, 1000} and V in {2, 100}: the grid that bench/moto/boto3_path.py
//   measures for moto behind boto3.
// Bodies are built before the timed loop (one per secret and direction);
// the secret and direction come from the same walk as the direct-call
// benchmarks (fixtures.h), and share their label positions.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "benchmark/benchmark.h"
#include "protocol/dispatch.h"

namespace secretstage::bench {
namespace {

void BM_ReplayDispatch(benchmark::State& state, MovedLabel label,
                       int64_t secrets, int versions) {
  SecretSet& set = SecretSet::Get(secrets, versions);
  const IndexSequence& seq = IndexSequence::For(secrets);
  const std::string home = VersionId(versions - 1);
  const std::string away = VersionId(0);
  std::vector<std::string> bodies;  // [2 * index + direction]
  bodies.reserve(static_cast<size_t>(2 * secrets));
  for (int64_t i = 0; i < secrets; ++i) {
    for (int dir = 0; dir < 2; ++dir) {
      bodies.push_back(absl::StrCat(
          "{\"SecretId\":\"", set.names()[static_cast<size_t>(i)],
          "\",\"VersionStage\":\"", std::string(LabelName(label)),
          "\",\"RemoveFromVersionId\":\"", dir == 0 ? home : away,
          "\",\"MoveToVersionId\":\"", dir == 0 ? away : home, "\"}"));
    }
  }
  SecretStore& store = set.store();
  size_t& cursor = set.cursor(label);

  // One result reused across calls, as a server keeps one per connection:
  // the Dispatch overload that writes into it reuses the body's capacity
  // (the by-value form costs one allocation more, ~20 ns; docs/design.md
  // "Wire fast path").
  protocol::DispatchResult result;
  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(cursor);
    if (++cursor == seq.size()) cursor = 0;
    protocol::Dispatch(store, "UpdateSecretVersionStage", bodies[e], &result);
    if (result.http_status != 200) {
      state.SkipWithError(result.body.c_str());
      break;
    }
    benchmark::DoNotOptimize(result);
  }
  allocs.Report(state);
}

[[maybe_unused]] const bool registered = [] {
  benchmark::RegisterBenchmark("BM_ReplayDispatch", BM_ReplayDispatch,
                               MovedLabel::kCustom, int64_t{1}, 2);
  for (MovedLabel label : {MovedLabel::kCustom, MovedLabel::kAwsCurrent}) {
    for (int64_t secrets : {int64_t{1}, int64_t{1000}}) {
      for (int versions : {2, 100}) {
        benchmark::RegisterBenchmark(
            absl::StrFormat("BM_ReplayDispatch/label:%s/secrets:%d/versions:%d",
                            label == MovedLabel::kCustom ? "custom"
                                                         : "awscurrent",
                            secrets, versions)
                .c_str(),
            BM_ReplayDispatch, label, secrets, versions);
      }
    }
  }
  return true;
}();

}  // namespace
}  // namespace secretstage::bench
