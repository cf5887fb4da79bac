// Concurrency stress test (issue 4; secret_store.h: "every method may be
// called from any number of threads at once. Calls on one secret are
// linearizable."). Runs under --config=tsan as part of `./dev check`.
//
// 1. RandomOperationsKeepInvariants: several threads run random operations
//    of the shared vocabulary (tests/reference/ops.h) on the same three
//    secrets of one store, one more thread drives the rotation/listing
//    operations through protocol::Dispatch, another checks invariants while
//    they run; after the join CheckInvariants() must hold.
// 2. HistoriesOnOneSecretAreLinearizable: small concurrent histories on one
//    secret are recorded (invocation and response order from one atomic
//    counter) and checked against the naive ReferenceStore: some order of the
//    calls that respects real time (a call that ended before another started
//    comes first) and each thread's program order must give every call its
//    observed outcome and end in the observed state.
// 3. ConcurrentLabelMovesFormOneChain: threads move one label between
//    versions with RemoveFromVersionId = the holder they read; the successful
//    moves must chain (each starts where the previous ended: a path from the
//    first holder to the final one), and AWSPREVIOUS must sit on the version
//    AWSCURRENT last left. Each thread moves labels only to its own
//    versions, so every successful call is a real move (never the no-op
//    "already there" success of decisions.md).
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/secret_store.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "protocol/dispatch.h"
#include "tests/reference/ops.h"
#include "tests/reference/reference_store.h"

namespace secretstage::reference {
namespace {

// Starts all threads at once, so that their calls overlap.
class StartLine {
 public:
  explicit StartLine(int n) : waiting_(n) {}
  void Arrive() {
    waiting_.fetch_sub(1);
    while (waiting_.load() > 0) std::this_thread::yield();
  }

 private:
  std::atomic<int> waiting_;
};

std::string Tok(int n) {
  std::string digits = std::to_string(n);
  return "tok-" + std::string(28 - digits.size(), '0') + digits;
}

// ---- 1 ------------------------------------------------------------------

TEST(SecretStoreStressTest, RandomOperationsKeepInvariants) {
  constexpr int kOpThreads = 4;
  constexpr int kOpsPerThread = 3000;
  auto clock = std::make_shared<ManualClock>();
  StoreOptions options;
  options.clock = clock;
  options.seed = 7;
  options.max_labels_per_secret = 5;
  options.max_versions_per_secret = 5;
  SecretStore store(options);
  const std::string arn_prefix = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

  std::atomic<bool> done{false};
  std::atomic<int64_t> ok_calls{0};
  StartLine start(kOpThreads + 2);
  std::vector<std::thread> threads;
  for (int t = 0; t < kOpThreads; ++t) {
    threads.emplace_back([&, t] {
      Rng rng(1000 + t);
      Alphabet alphabet(arn_prefix);
      start.Arrive();
      for (int i = 0; i < kOpsPerThread; ++i) {
        const Op op = RandomOp(rng, alphabet);
        if (const auto* advance = std::get_if<AdvanceClock>(&op)) {
          clock->Advance(absl::Seconds(advance->seconds));
          continue;
        }
        const Outcome outcome = Apply(store, op);
        if (!std::holds_alternative<AwsFailure>(outcome)) ++ok_calls;
        alphabet.Learn(outcome);
      }
    });
  }
  // Rotation, cancellation, listing and batch reads through the wire layer,
  // on the same names (the built-in template handler calls back into the
  // store from inside RotateSecret).
  threads.emplace_back([&] {
    const char* kCalls[][2] = {
        {"RotateSecret",
         R"({"SecretId":"s0","RotationLambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:f","RotationRules":{"AutomaticallyAfterDays":1},"ClientRequestToken":"rot-%d-000000000000000000000000000"})"},
        {"RotateSecret",
         R"({"SecretId":"s1","RotationLambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:f","ClientRequestToken":"rot-%d-111111111111111111111111111"})"},
        {"CancelRotateSecret", R"({"SecretId":"s0"})"},
        {"ListSecrets", R"({"IncludePlannedDeletion":true})"},
        {"BatchGetSecretValue", R"({"SecretIdList":["s0","s1","s2-a1B2c3"]})"},
        {"TagResource", R"({"SecretId":"s1","Tags":[{"Key":"k","Value":"v"}]})"},
        {"UntagResource", R"({"SecretId":"s1","TagKeys":["k"]})"},
    };
    start.Arrive();
    for (int i = 0; !done.load(); ++i) {
      const auto& call = kCalls[i % (sizeof(kCalls) / sizeof(kCalls[0]))];
      std::string body = call[1];
      const size_t at = body.find("%d");
      if (at != std::string::npos) body.replace(at, 2, std::to_string(i % 10));
      protocol::Dispatch(store, call[0], body);
    }
  });
  std::atomic<int> checks{0};
  threads.emplace_back([&] {
    start.Arrive();
    while (!done.load()) {
      const absl::Status s = store.CheckInvariants();
      EXPECT_TRUE(s.ok()) << s;
      if (!s.ok()) break;
      ++checks;
    }
  });
  for (int t = 0; t < kOpThreads; ++t) threads[t].join();
  done = true;
  for (size_t t = kOpThreads; t < threads.size(); ++t) threads[t].join();
  const absl::Status invariants = store.CheckInvariants();
  EXPECT_TRUE(invariants.ok()) << invariants;
  EXPECT_GT(ok_calls.load(), kOpThreads * kOpsPerThread / 10);
  EXPECT_GT(checks.load(), 0);
}

// ---- 2 ------------------------------------------------------------------

struct Call {
  Op op;
  Outcome outcome;
  int64_t invoked = 0;  // from one counter shared by all threads
  int64_t returned = 0;
};

// Operations whose effect depends only on their place in the order: no
// generated tokens or ARN suffixes (core may draw those before taking the
// secret's lock, in an order the linearization does not fix), no clock.
bool OrderDeterministic(const Op& op) {
  if (const auto* put = std::get_if<PutSecretValueOp>(&op)) {
    return put->request.client_request_token.has_value();
  }
  if (const auto* update = std::get_if<UpdateSecretOp>(&op)) {
    const bool has_value = update->request.secret_string ||
                           update->request.secret_binary;
    return !has_value || update->request.client_request_token.has_value();
  }
  return std::holds_alternative<UpdateSecretVersionStageOp>(op) ||
         std::holds_alternative<GetSecretValueOp>(op) ||
         std::holds_alternative<DescribeSecretOp>(op) ||
         std::holds_alternative<ListSecretVersionIdsOp>(op);
}

struct HistorySetup {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::vector<Op> ops;  // run before the concurrent calls, in order
};

std::unique_ptr<ReferenceStore> ReferenceAfter(const HistorySetup& setup,
                                               const ManualClock& clock) {
  ReferenceOptions options;
  options.seed = 3;
  options.max_labels_per_secret = 4;
  options.max_versions_per_secret = 4;
  auto store = std::make_unique<ReferenceStore>(clock, options);
  for (const Op& op : setup.ops) Apply(*store, op);
  return store;
}

// Depth-first search for a linearization of `calls` (per thread, in program
// order) on a fresh reference; `final_state` is core's state afterwards.
bool Linearizable(const HistorySetup& setup,
                  const std::vector<std::vector<Call>>& calls,
                  const std::vector<Outcome>& final_state,
                  const std::vector<Op>& state_reads) {
  const size_t n_threads = calls.size();
  std::vector<size_t> next(n_threads, 0);
  std::vector<const Call*> order;
  size_t total = 0;
  for (const auto& c : calls) total += c.size();
  std::function<bool()> search = [&]() -> bool {
    // Replay the order so far on a fresh reference (histories are tiny).
    auto reference = ReferenceAfter(setup, *setup.clock);
    for (const Call* call : order) {
      if (Apply(*reference, call->op) != call->outcome) return false;
    }
    if (order.size() == total) {
      for (size_t i = 0; i < state_reads.size(); ++i) {
        if (Apply(*reference, state_reads[i]) != final_state[i]) return false;
      }
      return true;
    }
    for (size_t t = 0; t < n_threads; ++t) {
      if (next[t] == calls[t].size()) continue;
      const Call& candidate = calls[t][next[t]];
      // Real time: no pending call may have returned before this one began.
      bool minimal = true;
      for (size_t u = 0; u < n_threads && minimal; ++u) {
        for (size_t i = next[u]; i < calls[u].size(); ++i) {
          if (&calls[u][i] != &candidate &&
              calls[u][i].returned < candidate.invoked) {
            minimal = false;
            break;
          }
        }
      }
      if (!minimal) continue;
      order.push_back(&candidate);
      ++next[t];
      if (search()) return true;
      --next[t];
      order.pop_back();
    }
    return false;
  };
  return search();
}

TEST(SecretStoreStressTest, HistoriesOnOneSecretAreLinearizable) {
  // Rounds until kWantOverlapping of them had overlapping calls (a round
  // whose calls ran one after another has one possible order and proves
  // little), at most kMaxRounds.
  constexpr int kWantOverlapping = 100;
  constexpr int kMaxRounds = 5000;
  constexpr int kThreads = 3;
  constexpr int kCallsPerThread = 3;
  int overlapping_rounds = 0;
  int round = 0;
  for (; round < kMaxRounds && overlapping_rounds < kWantOverlapping; ++round) {
    HistorySetup setup;
    StoreOptions options;
    options.clock = setup.clock;
    options.seed = 3;
    options.max_labels_per_secret = 4;
    options.max_versions_per_secret = 4;
    SecretStore store(options);
    // One secret with two versions, so that label moves have somewhere to go.
    setup.ops = {
        CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                        .secret_string = "a"}},
        PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(2),
                          .secret_string = "b",
                          .version_stages = std::vector<std::string>{"L1"}}},
    };
    for (const Op& op : setup.ops) Apply(store, op);

    // Each thread's calls, drawn up front from the vocabulary, aimed at s0.
    std::vector<std::vector<Call>> calls(kThreads);
    Rng rng(round);
    Alphabet alphabet(ReferenceAfter(setup, *setup.clock)->arn_prefix());
    alphabet.names = {"s0"};
    alphabet.learnt_version_ids["s0"] = {Tok(1), Tok(2)};
    for (auto& thread_calls : calls) {
      while (thread_calls.size() < kCallsPerThread) {
        Op op = RandomOp(rng, alphabet);
        if (OrderDeterministic(op)) thread_calls.push_back(Call{std::move(op)});
      }
    }
    std::atomic<int64_t> counter{0};
    StartLine start(kThreads);
    std::vector<std::thread> threads;
    for (auto& thread_calls : calls) {
      threads.emplace_back([&] {
        start.Arrive();
        for (Call& call : thread_calls) {
          call.invoked = counter++;
          call.outcome = Apply(store, call.op);
          call.returned = counter++;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    ASSERT_TRUE(store.CheckInvariants().ok());
    bool overlap = false;
    for (const auto& a : calls) {
      for (const auto& b : calls) {
        if (&a == &b) continue;
        for (const Call& x : a) {
          for (const Call& y : b) {
            overlap = overlap || (x.invoked < y.returned && y.invoked < x.returned);
          }
        }
      }
    }
    if (overlap) ++overlapping_rounds;
    const std::vector<Op> state_reads = {
        DescribeSecretOp{{.secret_id = "s0"}},
        ListSecretVersionIdsOp{{.secret_id = "s0", .include_deprecated = true}}};
    std::vector<Outcome> final_state;
    for (const Op& read : state_reads) final_state.push_back(Apply(store, read));

    if (!Linearizable(setup, calls, final_state, state_reads)) {
      std::string history;
      for (size_t t = 0; t < calls.size(); ++t) {
        for (const Call& call : calls[t]) {
          absl::StrAppend(&history, "  thread ", t, " [", call.invoked, ",",
                          call.returned, "] ", ToCppLiteral(call.op), "\n    -> ",
                          ToString(call.outcome), "\n");
        }
      }
      ADD_FAILURE() << "round " << round
                    << ": no linearization explains this history:\n"
                    << history;
      return;
    }
  }
  // The check only means something if calls really ran concurrently.
  std::cout << "linearizability: " << overlapping_rounds << " of " << round
            << " rounds had overlapping calls\n";
  EXPECT_GT(overlapping_rounds, 0);
}

// ---- 3 ------------------------------------------------------------------

TEST(SecretStoreStressTest, ConcurrentLabelMovesFormOneChain) {
  constexpr int kThreads = 4;
  constexpr int kMovesPerThread = 400;
  constexpr int kVersions = 2 * kThreads;
  SecretStore store;
  ASSERT_TRUE(store.CreateSecret({.name = "chain",
                                  .client_request_token = Tok(0),
                                  .secret_string = "v0"}).ok());
  for (int v = 1; v < kVersions; ++v) {
    ASSERT_TRUE(store.PutSecretValue({.secret_id = "chain",
                                      .client_request_token = Tok(v),
                                      .secret_string = absl::StrCat("v", v),
                                      .version_stages = std::vector<std::string>{
                                          absl::StrCat("V", v)}}).ok());
  }
  struct Move {
    std::string label, from, to;
  };
  std::vector<std::vector<Move>> done(kThreads);
  StartLine start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Thread t only moves labels to its own two versions (2t, 2t+1), so a
      // successful call always moved the label: had the target already held
      // it, this thread would have put it there, and its own later read
      // would have shown it there (nobody else moves a label there).
      start.Arrive();
      for (int i = 0; i < kMovesPerThread; ++i) {
        const std::string label = i % 2 == 0 ? "AWSCURRENT" : "L";
        const std::string to = Tok(2 * t + (i / 2) % 2);
        auto describe = store.DescribeSecret({.secret_id = "chain"});
        ASSERT_TRUE(describe.ok());
        std::optional<std::string> holder;
        for (const auto& [id, stages] : describe->version_ids_to_stages) {
          if (std::find(stages.begin(), stages.end(), label) != stages.end()) {
            holder = id;
          }
        }
        if (holder == to) continue;
        auto moved = store.UpdateSecretVersionStage(
            {.secret_id = "chain", .version_stage = label,
             .remove_from_version_id = holder, .move_to_version_id = to});
        // Losing a race (the holder changed since the read) is an error that
        // changes nothing; anything else must succeed.
        if (moved.ok()) {
          if (holder != to) done[t].push_back({label, holder.value_or(""), to});
        } else {
          EXPECT_EQ(AwsErrorName(moved.status()), "InvalidParameterException")
              << moved.status();
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_TRUE(store.CheckInvariants().ok());
  auto final_state = store.DescribeSecret({.secret_id = "chain"});
  ASSERT_TRUE(final_state.ok());
  auto holder_of = [&](const std::string& label) {
    std::string holder;
    for (const auto& [id, stages] : final_state->version_ids_to_stages) {
      if (std::find(stages.begin(), stages.end(), label) != stages.end()) {
        holder = id;
      }
    }
    return holder;
  };
  for (const std::string label : {"AWSCURRENT", "L"}) {
    // The successful moves of `label` must chain from its first holder
    // (AWSCURRENT: Tok(0); L: nowhere, "") to its final holder: every
    // version is left as often as it is entered, except the start (one
    // more exit) and the end (one more entry).
    std::map<std::string, int> balance;
    int moves = 0;
    for (const auto& thread_moves : done) {
      for (const Move& m : thread_moves) {
        if (m.label != label) continue;
        --balance[m.from];
        ++balance[m.to];
        ++moves;
      }
    }
    const std::string first = label == "AWSCURRENT" ? Tok(0) : "";
    const std::string last = holder_of(label);
    if (first != last) {
      EXPECT_EQ(balance[first], -1) << label;
      EXPECT_EQ(balance[last], 1) << label;
      balance.erase(first);
      balance.erase(last);
    }
    for (const auto& [version, b] : balance) {
      EXPECT_EQ(b, 0) << label << " at " << version << " after " << moves
                      << " moves";
    }
    EXPECT_GT(moves, 10) << label;
  }
  // AWSPREVIOUS is on the version AWSCURRENT last left: some successful move
  // of AWSCURRENT ended at the final holder and started at AWSPREVIOUS's
  // holder.
  const std::string previous = holder_of("AWSPREVIOUS");
  bool found = false;
  for (const auto& thread_moves : done) {
    for (const Move& m : thread_moves) {
      found = found || (m.label == "AWSCURRENT" && m.from == previous &&
                        m.to == holder_of("AWSCURRENT"));
    }
  }
  EXPECT_TRUE(found) << "AWSPREVIOUS on " << previous;
}

}  // namespace
}  // namespace secretstage::reference
