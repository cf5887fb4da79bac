#include "bench/fixtures.h"

#include <fstream>
#include <map>
#include <tuple>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"

namespace secretstage::bench {
namespace {

// Holds the caches below. Fixtures are built under it, so a second thread
// asking for the same set waits for the first to finish.
absl::Mutex cache_mu(absl::kConstInit);

}  // namespace

std::string Name(int64_t i) { return absl::StrFormat("secret.%07d", i); }

std::string VersionId(int64_t i) {
  return absl::StrFormat("%08x-0000-4000-8000-%012x", i, i);
}

std::string Value(int64_t i) { return absl::StrFormat("value-%010d", i); }

int64_t ResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      int64_t kib = 0;
      status >> kib;
      return kib * 1024;
    }
    std::string rest;
    std::getline(status, rest);
  }
  return -1;
}

uint64_t SplitMix64::Next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

IndexSequence::IndexSequence(int64_t secrets, size_t length, uint64_t seed) {
  // length/2 uniform draws, each twice, shuffled (Fisher-Yates, top down).
  SplitMix64 rng(seed);
  const size_t half = length / 2;
  entries_.resize(2 * half);
  for (size_t i = 0; i < half; ++i) {
    entries_[i] = static_cast<uint32_t>(rng.Next() % static_cast<uint64_t>(secrets));
    entries_[i + half] = entries_[i];
  }
  for (size_t i = entries_.size() - 1; i > 0; --i) {
    const size_t j = static_cast<size_t>(rng.Next() % (i + 1));
    std::swap(entries_[i], entries_[j]);
  }
  std::vector<uint8_t> parity(static_cast<size_t>(secrets), 0);
  for (uint32_t& e : entries_) {
    e = (e << 1) | parity[e];
    parity[e >> 1] ^= 1;
  }
}

const IndexSequence& IndexSequence::For(int64_t secrets) {
  static auto* cache = new std::map<int64_t, std::unique_ptr<IndexSequence>>;
  absl::MutexLock lock(&cache_mu);
  std::unique_ptr<IndexSequence>& seq = (*cache)[secrets];
  if (seq == nullptr) {
    size_t length = static_cast<size_t>(std::max<int64_t>(16 * secrets, 16));
    length = std::min<size_t>(length, size_t{1} << 20);
    seq = std::make_unique<IndexSequence>(secrets, length, 42);
  }
  return *seq;
}

std::string_view LabelName(MovedLabel label) {
  return label == MovedLabel::kCustom ? kCustomLabel : model::kAwsCurrent;
}

std::array<model::UpdateSecretVersionStageRequest, 2> MoveRequests(
    MovedLabel label, int versions) {
  const std::string home = VersionId(versions - 1);
  const std::string away = VersionId(0);
  std::array<model::UpdateSecretVersionStageRequest, 2> requests;
  for (int dir = 0; dir < 2; ++dir) {
    model::UpdateSecretVersionStageRequest& r = requests[dir];
    r.secret_id.reserve(256);
    r.version_stage = std::string(LabelName(label));
    r.remove_from_version_id = dir == 0 ? home : away;
    r.move_to_version_id = dir == 0 ? away : home;
  }
  return requests;
}

const std::vector<std::string>& Names(int64_t secrets) {
  static auto* cache = new std::map<int64_t, std::vector<std::string>>;
  absl::MutexLock lock(&cache_mu);
  std::vector<std::string>& names = (*cache)[secrets];
  if (names.empty()) {
    names.reserve(static_cast<size_t>(secrets));
    for (int64_t i = 0; i < secrets; ++i) names.push_back(Name(i));
  }
  return names;
}

void Fail(benchmark::State& state, const absl::Status& status) {
  state.SkipWithError(std::string(status.ToString()).c_str());
}

namespace {

void Check(const absl::Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "bench set-up: %s: %s\n", what,
                 std::string(status.ToString()).c_str());
    std::abort();
  }
}

}  // namespace

SecretSet::SecretSet(int64_t secrets, int versions, bool pin)
    : secrets_(secrets),
      versions_(versions),
      clock_(std::make_shared<ManualClock>()) {
  // Everything the benchmark itself keeps is allocated before the first RSS
  // reading, so that the difference is the store alone.
  {
    // Names() takes cache_mu, which the caller holds: build the names here.
    names_.reserve(static_cast<size_t>(secrets));
    for (int64_t i = 0; i < secrets; ++i) names_.push_back(Name(i));
  }
  const bool keep_arns = secrets <= 100000;
  if (keep_arns) arns_.reserve(static_cast<size_t>(secrets));
  std::vector<std::string> ids;
  std::vector<std::string> values;
  for (int v = 0; v < versions; ++v) {
    ids.push_back(VersionId(v));
    values.push_back(Value(v));
  }
  const std::vector<std::string> last_stages = {std::string(model::kAwsCurrent),
                                                std::string(kCustomLabel)};

  const int64_t rss_before = ResidentBytes();
  StoreOptions options;
  options.clock = clock_;
  store_ = std::make_unique<SecretStore>(options);
  model::CreateSecretRequest create;
  model::PutSecretValueRequest put;
  for (int64_t i = 0; i < secrets; ++i) {
    create.name = names_[static_cast<size_t>(i)];
    create.client_request_token = ids[0];
    create.secret_string = values[0];
    absl::StatusOr<model::CreateSecretResponse> created =
        store_->CreateSecret(create);
    Check(created.status(), "CreateSecret");
    if (keep_arns) arns_.push_back(created->arn);
    put.secret_id = create.name;
    for (int v = 1; v < versions; ++v) {
      put.client_request_token = ids[static_cast<size_t>(v)];
      put.secret_string = values[static_cast<size_t>(v)];
      if (v == versions - 1) {
        put.version_stages = last_stages;
      } else {
        put.version_stages.reset();
      }
      Check(store_->PutSecretValue(put).status(), "PutSecretValue");
    }
    if (pin) {
      model::UpdateSecretVersionStageRequest attach;
      attach.secret_id = create.name;
      attach.version_stage = "PIN";
      attach.move_to_version_id = ids[0];
      Check(store_->UpdateSecretVersionStage(attach).status(),
            "UpdateSecretVersionStage");
    }
  }
  const int64_t rss_after = ResidentBytes();
  bytes_per_secret_ =
      static_cast<double>(rss_after - rss_before) / static_cast<double>(secrets);
}

SecretSet& SecretSet::Get(int64_t secrets, int versions, bool pin) {
  static auto* cache =
      new std::map<std::tuple<int64_t, int, bool>, std::unique_ptr<SecretSet>>;
  absl::MutexLock lock(&cache_mu);
  std::unique_ptr<SecretSet>& set = (*cache)[{secrets, versions, pin}];
  if (set == nullptr) set.reset(new SecretSet(secrets, versions, pin));
  return *set;
}

void SecretSet::ReportMemory(benchmark::State& state) const {
  if (secrets_ < kMillion || state.thread_index() != 0) return;
  state.counters["bytes_per_secret"] = bytes_per_secret_;
}

}  // namespace secretstage::bench
