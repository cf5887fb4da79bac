// BM_PutSecretValue: PutSecretValue adding a new AWSCURRENT version to a
// secret picked at random (fixtures.h), each iteration.
//
// Two ways to stay within the version quota (100), as issue 5 allows:
// - BM_PutSecretValue/secrets:S (the long-running steady state): every
//   secret is filled to the quota once, outside the timed region, and the
//   ManualClock advances 25 h before each put, so each put also purges the
//   oldest deprecated version (older than AWS's 24 h minimum).
// - BM_PutSecretValueBelowQuota/secrets:S: fresh secrets with one version;
//   when a secret reaches 98 versions the store is rebuilt with the timer
//   paused. Measures the put without the purge.
// ClientRequestTokens are unique 36-character strings written in place into
// the reused request (no allocation by the benchmark).
#include <map>
#include <memory>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "bench/alloc_counter.h"
#include "bench/fixtures.h"
#include "benchmark/benchmark.h"

namespace secretstage::bench {
namespace {

constexpr int kQuota = 100;  // StoreOptions::max_versions_per_secret

// Writes `n` as 12 hex digits into the tail of the 36-character `token`.
void SetToken(std::string& token, uint64_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < 12; ++i) {
    token[35 - i] = kHex[n & 0xf];
    n >>= 4;
  }
}

struct PutStore {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::unique_ptr<SecretStore> store;
  uint64_t next_token = 0;
  size_t cursor = 0;
};

std::unique_ptr<SecretStore> NewStore(const std::shared_ptr<ManualClock>& clock,
                                      const std::vector<std::string>& names,
                                      std::string& token, uint64_t& next_token,
                                      int versions) {
  StoreOptions options;
  options.clock = clock;
  auto store = std::make_unique<SecretStore>(options);
  model::CreateSecretRequest create;
  create.secret_string = Value(0);
  model::PutSecretValueRequest put;
  put.secret_string = Value(1);
  for (const std::string& name : names) {
    create.name = name;
    SetToken(token, next_token++);
    create.client_request_token = token;
    if (!store->CreateSecret(create).ok()) std::abort();
    put.secret_id = name;
    for (int v = 1; v < versions; ++v) {
      SetToken(token, next_token++);
      put.client_request_token = token;
      if (!store->PutSecretValue(put).ok()) std::abort();
    }
  }
  return store;
}

// One at-quota store per `secrets`, kept across runs (the token counter
// must keep going: purged tokens stay reserved).
PutStore& AtQuotaStore(int64_t secrets) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new std::map<int64_t, std::unique_ptr<PutStore>>;
  const std::vector<std::string>& names = Names(secrets);
  absl::MutexLock lock(&mu);
  std::unique_ptr<PutStore>& s = (*cache)[secrets];
  if (s == nullptr) {
    s = std::make_unique<PutStore>();
    std::string token = VersionId(0);
    s->store = NewStore(s->clock, names, token, s->next_token, kQuota);
  }
  return *s;
}

void BM_PutSecretValue(benchmark::State& state) {
  const int64_t secrets = state.range(0);
  PutStore& s = AtQuotaStore(secrets);
  const std::vector<std::string>& names = Names(secrets);
  const IndexSequence& seq = IndexSequence::For(secrets);
  model::PutSecretValueRequest request;
  request.secret_id.reserve(256);
  request.secret_string = Value(2);
  request.client_request_token = VersionId(0);
  std::string& token = *request.client_request_token;

  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(s.cursor);
    if (++s.cursor == seq.size()) s.cursor = 0;
    request.secret_id.assign(names[e >> 1]);
    SetToken(token, s.next_token++);
    s.clock->Advance(absl::Hours(25));
    absl::StatusOr<model::PutSecretValueResponse> response =
        s.store->PutSecretValue(request);
    if (!response.ok()) {
      Fail(state, response.status());
      break;
    }
    benchmark::DoNotOptimize(response);
  }
  allocs.Report(state);
}

BENCHMARK(BM_PutSecretValue)->ArgNames({"secrets"})->Arg(1)->Arg(1000);

void BM_PutSecretValueBelowQuota(benchmark::State& state) {
  const int64_t secrets = state.range(0);
  const std::vector<std::string>& names = Names(secrets);
  const IndexSequence& seq = IndexSequence::For(secrets);
  auto clock = std::make_shared<ManualClock>();
  uint64_t next_token = 0;
  std::string setup_token = VersionId(0);
  std::unique_ptr<SecretStore> store =
      NewStore(clock, names, setup_token, next_token, 1);
  std::vector<uint8_t> versions(static_cast<size_t>(secrets), 1);
  model::PutSecretValueRequest request;
  request.secret_id.reserve(256);
  request.secret_string = Value(2);
  request.client_request_token = VersionId(0);
  std::string& token = *request.client_request_token;
  size_t cursor = 0;

  AllocCounter allocs;
  for (auto _ : state) {
    const uint32_t e = seq.entry(cursor);
    if (++cursor == seq.size()) cursor = 0;
    const uint32_t i = e >> 1;
    if (versions[i] == kQuota - 2) {
      state.PauseTiming();
      allocs.Exclude([&] {
        store.reset();
        store = NewStore(clock, names, setup_token, next_token, 1);
      });
      std::fill(versions.begin(), versions.end(), 1);
      state.ResumeTiming();
    }
    ++versions[i];
    request.secret_id.assign(names[i]);
    SetToken(token, next_token++);
    absl::StatusOr<model::PutSecretValueResponse> response =
        store->PutSecretValue(request);
    if (!response.ok()) {
      Fail(state, response.status());
      break;
    }
    benchmark::DoNotOptimize(response);
  }
  allocs.Report(state);
}

BENCHMARK(BM_PutSecretValueBelowQuota)->ArgNames({"secrets"})->Arg(1)->Arg(1000);

}  // namespace
}  // namespace secretstage::bench
