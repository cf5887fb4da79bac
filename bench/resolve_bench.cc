// BM_ResolveSecretId/form:{name,arn,partial_arn}: the cost of resolving a
// SecretId given as the secret's name, its full ARN, or its partial ARN
// (the ARN without "-XXXXXX").
//
// SecretStore has no public resolve call, so this measures the cheapest
// call that resolves an id and does nothing else: an
// UpdateSecretVersionStage that "moves" label PIN to the version already
// holding it (a successful no-op: validation, id parsing, shard lock,
// lookup, one version-id lookup, one label scan, response copy). The
// differences between the three forms are the resolution's own.
// 1000 secrets, 2 versions, picked at random as in fixtures.h.
#include <string>
#include <vector>

#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "benchmark/benchmark.h"

namespace secretstage::bench {
namespace {

enum class Form { kName, kArn, kPartialArn };

constexpr int64_t kSecrets = 1000;

void BM_ResolveSecretId(benchmark::State& state, Form form) {
  SecretSet& set = SecretSet::Get(kSecrets, 2, /*pin=*/true);
  const IndexSequence& seq = IndexSequence::For(kSecrets);
  std::vector<std::string> ids;
  for (int64_t i = 0; i < kSecrets; ++i) {
    const std::string& arn = set.arns()[static_cast<size_t>(i)];
    switch (form) {
      case Form::kName:
        ids.push_back(set.names()[static_cast<size_t>(i)]);
        break;
      case Form::kArn:
        ids.push_back(arn);
        break;
      case Form::kPartialArn:
        ids.push_back(arn.substr(0, arn.size() - 7));
        break;
    }
  }
  SecretStore& store = set.store();
  model::UpdateSecretVersionStageRequest request;
  request.secret_id.reserve(256);
  request.version_stage = "PIN";
  request.move_to_version_id = VersionId(0);
  model::UpdateSecretVersionStageResponse response;
  response.arn.reserve(1024);
  response.name.reserve(512);
  size_t cursor = 0;

  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(cursor);
    if (++cursor == seq.size()) cursor = 0;
    request.secret_id.assign(ids[e >> 1]);
    const absl::Status status = store.UpdateSecretVersionStage(request, &response);
    if (!status.ok()) {
      Fail(state, status);
      break;
    }
  }
  allocs.Report(state);
}

[[maybe_unused]] const bool registered = [] {
  benchmark::RegisterBenchmark("BM_ResolveSecretId/form:name",
                               BM_ResolveSecretId, Form::kName);
  benchmark::RegisterBenchmark("BM_ResolveSecretId/form:arn",
                               BM_ResolveSecretId, Form::kArn);
  benchmark::RegisterBenchmark("BM_ResolveSecretId/form:partial_arn",
                               BM_ResolveSecretId, Form::kPartialArn);
  return true;
}();

}  // namespace
}  // namespace secretstage::bench
