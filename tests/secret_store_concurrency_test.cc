// Concurrency smoke test (secret_store.h: "every method may be called from any
// number of threads at once. Calls on one secret are linearizable."). A
// bigger randomized stress test lives elsewhere.
#include <atomic>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

constexpr int kThreads = 4;
constexpr int kOpsPerThread = 150;
const char* const kSecrets[] = {"shared-a", "shared-b", "shared-c"};

// Every label appears at most once and AWSCURRENT exactly once in a
// DescribeSecret response (invariant 1 as seen by a reader).
void ExpectConsistentView(const model::DescribeSecretResponse& d) {
  std::map<std::string, int> holders;
  for (const auto& [id, stages] : d.version_ids_to_stages) {
    for (const auto& label : stages) ++holders[label];
  }
  for (const auto& [label, n] : holders) {
    EXPECT_EQ(n, 1) << d.name << " label " << label;
  }
  EXPECT_EQ(holders["AWSCURRENT"], 1) << d.name;
}

bool IsAllowedRaceError(const absl::Status& s) {
  // A label read by Describe may have moved before our UpdateSecretVersionStage
  // (InvalidParameterException); a custom label may be unattached
  // (ResourceNotFoundException on GetSecretValue by stage).
  const std::string name = AwsErrorName(s);
  return name == "InvalidParameterException" ||
         name == "ResourceNotFoundException";
}

void Worker(CheckedStore* store, int thread_index, std::atomic<int>* ok_ops) {
  std::mt19937 rng(1234 + thread_index);
  std::vector<std::string> my_versions[3];
  for (int i = 0; i < kOpsPerThread; ++i) {
    const int secret = rng() % 3;
    const std::string id = kSecrets[secret];
    const int op = rng() % 10;
    absl::Status status;
    if (op < 3) {  // PutSecretValue, default or custom stage
      const std::string token = Tok(10000 * (thread_index + 1) + i);
      std::optional<std::vector<std::string>> stages;
      if (rng() % 2 == 0) {
        stages = std::vector<std::string>{absl::StrCat("T", rng() % 5)};
      }
      status = store->PutSecretValue(PutRequest(id, "v", token, stages)).status();
      if (status.ok()) my_versions[secret].push_back(token);
    } else if (op < 6) {  // UpdateSecretVersionStage
      auto d = store->DescribeSecret({id});
      ASSERT_TRUE(d.ok()) << d.status();
      ExpectConsistentView(*d);
      const bool current = rng() % 3 == 0;
      const std::string label =
          current ? "AWSCURRENT" : absl::StrCat("T", rng() % 5);
      std::optional<std::string> holder;
      for (const auto& [vid, stages] : d->version_ids_to_stages) {
        for (const auto& l : stages) {
          if (l == label) holder = vid;
        }
      }
      std::optional<std::string> target;
      if (!my_versions[secret].empty()) {
        target = my_versions[secret][rng() % my_versions[secret].size()];
      } else {
        target = holder;
      }
      if (!target) continue;
      if (!current && holder && rng() % 4 == 0) {
        status = store->UpdateSecretVersionStage(
                          StageRequest(id, label, holder, std::nullopt))
                     .status();
      } else {
        status = store->UpdateSecretVersionStage(
                          StageRequest(id, label, holder, target))
                     .status();
      }
    } else if (op < 9) {  // GetSecretValue
      std::optional<std::string> stage;
      if (rng() % 2 == 0) stage = absl::StrCat("T", rng() % 5);
      auto g = store->GetSecretValue(GetRequest(id, std::nullopt, stage));
      status = g.status();
      if (g.ok() && !stage) {
        EXPECT_EQ(g->secret_string, "v");
      }
    } else {  // ListSecretVersionIds
      status =
          store->ListSecretVersionIds({id, std::nullopt, std::nullopt, true})
              .status();
    }
    if (status.ok()) {
      ok_ops->fetch_add(1);
    } else {
      EXPECT_TRUE(IsAllowedRaceError(status)) << status;
    }
  }
}

TEST(ConcurrencyTest, ParallelPutMoveGetKeepInvariants) {
  CheckedStore store;
  for (const char* id : kSecrets) Create(store, id, "v");
  std::atomic<int> ok_ops{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back(Worker, &store, t, &ok_ops);
  }
  for (auto& t : threads) t.join();
  EXPECT_TRUE(store.raw().CheckInvariants().ok())
      << store.raw().CheckInvariants();
  EXPECT_GT(ok_ops.load(), kThreads * kOpsPerThread / 2);
  for (const char* id : kSecrets) {
    ExpectConsistentView(Describe(store, id));
    EXPECT_EQ(Get(store, id).secret_string, "v");
  }
}

}  // namespace
}  // namespace secretstage::test
