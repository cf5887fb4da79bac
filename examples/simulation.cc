// A year of Secrets Manager in a few seconds: `./dev sim`.
//
// 10,000 database passwords rotate every 30 days through a rotation Lambda
// (the AWS single-user template, examples/simulation_world.h) that now and
// then breaks: 1% of rotations put a password the database never accepted
// into AWSCURRENT, 0.5% stop half-way. Around the store:
//  - an application reads AWSCURRENT of 1,000 random secrets every day and
//    logs in with it: it must never fail to read or to log in;
//  - an operator watches the change events (SecretStore::Subscribe): after
//    every rotation it logs in with the new AWSCURRENT, and if the database
//    says no it rolls back (AWSCURRENT back onto the AWSPREVIOUS version) and
//    removes the AWSPENDING label the template leaves on the bad version,
//    which would otherwise block the next rotation ("A previous rotation
//    isn't complete"); after a failed rotation it clears the stale
//    AWSPENDING and rotates again;
//  - a deploy pipeline writes 100 config secrets every 10 minutes for three
//    days: more than 100 versions in 24 hours, so old versions are purged
//    and some writes hit the version quota (LimitExceededException).
// Time is a ManualClock moved one day (during the deploy burst, 10 minutes)
// at a time with SecretStore::AdvanceClock, which runs each scheduled
// rotation at its due time. The invariants are checked after every
// simulated day. At the end, every secret's labels are rebuilt from the
// label events alone and compared with DescribeSecret.
//
// Everything but the wall time is a function of --seed. Exit status 1 if an
// invariant broke, the application failed, or anything else went wrong.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/errors.h"
#include "core/secret_store.h"
#include "examples/simulation_observer.h"
#include "examples/simulation_world.h"
#include "model/labels.h"

namespace secretstage::sim {
namespace {

struct Config {
  uint64_t seed = 42;
  int rotating_secrets = 10000;
  int config_secrets = 100;
  int days = 365;
  int64_t rotation_days = 30;
  int onboarding_days = 30;  // secret i starts rotating on day i % 30
  int app_reads_per_day = 1000;
  int burst_first_day = 180;
  int burst_days = 3;
  absl::Duration burst_interval = absl::Minutes(10);
  int bad_per_mille = 10;
  int fault_per_mille = 5;
};

constexpr const char* kLambdaArn =
    "arn:aws:lambda:us-east-1:123456789012:function:rotate-db-user";

// Problems that make the run fail; the first few are printed.
class Problems {
 public:
  void Add(std::string what) {
    if (list_.size() < 10) list_.push_back(std::move(what));
    ++count_;
  }
  int64_t count() const { return count_; }
  const std::vector<std::string>& first() const { return list_; }

 private:
  std::vector<std::string> list_;
  int64_t count_ = 0;
};

bool Has(const std::vector<std::string>& stages, std::string_view label) {
  for (const std::string& s : stages) {
    if (s == label) return true;
  }
  return false;
}

// The on-call engineer, driven by the change events.
class Operator {
 public:
  Operator(SecretStore* store, World* world, Observer* observer,
           Problems* problems)
      : store_(store), world_(world), observer_(observer), problems_(problems) {}

  // Looks at every rotation that finished since the last call, and at those
  // its own actions start, until none is left.
  void Respond() {
    for (int round = 0; observer_->HasWork(); ++round) {
      if (round == 100) {
        problems_->Add("operator: rotations keep failing after 100 rounds");
        return;
      }
      for (int user : observer_->TakeRotated()) CheckRotated(user);
      for (int user : observer_->TakeFailed()) Recover(user);
    }
  }

  int64_t health_checks() const { return health_checks_; }
  int64_t rollbacks() const { return rollbacks_; }
  int64_t pending_cleared() const { return pending_cleared_; }
  int64_t retries() const { return retries_; }

 private:
  // Logs in with the new AWSCURRENT; rolls back if the database says no.
  void CheckRotated(int user) {
    const std::string& arn = world_->user(user).arn;
    ++health_checks_;
    absl::StatusOr<model::GetSecretValueResponse> current =
        store_->GetSecretValue({.secret_id = arn});
    if (!current.ok()) {
      return problems_->Add(absl::StrCat("operator: read ", arn, ": ",
                                         current.status().ToString()));
    }
    if (world_->Accepts(user, current->secret_string.value_or(""))) return;

    absl::StatusOr<model::GetSecretValueResponse> previous = store_->GetSecretValue(
        {.secret_id = arn, .version_stage = std::string(model::kAwsPrevious)});
    if (!previous.ok() ||
        !world_->Accepts(user, previous->secret_string.value_or(""))) {
      return problems_->Add(absl::StrCat("operator: no working AWSPREVIOUS for ", arn));
    }
    absl::Status moved =
        store_
            ->UpdateSecretVersionStage(
                {.secret_id = arn,
                 .version_stage = std::string(model::kAwsCurrent),
                 .remove_from_version_id = current->version_id,
                 .move_to_version_id = previous->version_id})
            .status();
    if (!moved.ok()) {
      return problems_->Add(absl::StrCat("operator: rollback of ", arn, ": ",
                                         moved.ToString()));
    }
    ++rollbacks_;
    // The template left AWSPENDING on the bad version, which is no longer
    // current: the next rotation would be refused until it goes.
    if (Has(current->version_stages, model::kAwsPending)) {
      ClearPending(arn, current->version_id);
    }
  }

  // After a failed rotation: clear the stale AWSPENDING, rotate again.
  void Recover(int user) {
    const std::string& arn = world_->user(user).arn;
    absl::StatusOr<model::DescribeSecretResponse> described =
        store_->DescribeSecret({.secret_id = arn});
    if (!described.ok()) {
      return problems_->Add(absl::StrCat("operator: describe ", arn, ": ",
                                         described.status().ToString()));
    }
    std::string stale;
    for (const auto& [version, stages] : described->version_ids_to_stages) {
      if (Has(stages, model::kAwsPending) && !Has(stages, model::kAwsCurrent)) {
        stale = version;
      }
    }
    if (stale.empty()) return;  // nothing blocks the next rotation
    if (!ClearPending(arn, stale)) return;
    ++retries_;
    absl::Status rotated = store_->RotateSecret({.secret_id = arn}).status();
    if (!rotated.ok()) {
      problems_->Add(absl::StrCat("operator: retry of ", arn, ": ", rotated.ToString()));
    }
  }

  bool ClearPending(const std::string& arn, const std::string& version) {
    absl::Status removed =
        store_
            ->UpdateSecretVersionStage(
                {.secret_id = arn,
                 .version_stage = std::string(model::kAwsPending),
                 .remove_from_version_id = version})
            .status();
    if (!removed.ok()) {
      problems_->Add(absl::StrCat("operator: clear AWSPENDING of ", arn, ": ",
                                  removed.ToString()));
      return false;
    }
    ++pending_cleared_;
    return true;
  }

  SecretStore* const store_;
  World* const world_;
  Observer* const observer_;
  Problems* const problems_;
  int64_t health_checks_ = 0;
  int64_t rollbacks_ = 0;
  int64_t pending_cleared_ = 0;
  int64_t retries_ = 0;
};

// Config secrets and what the deploy pipeline last wrote into each.
struct ConfigSecret {
  std::string arn;
  std::string value;
};

struct Totals {
  int64_t app_reads = 0;
  int64_t app_failures = 0;
  int64_t puts = 0;
  int64_t quota_hits = 0;
  int64_t invariant_checks = 0;
};

// One write of every config secret by the deploy pipeline.
void DeployTick(SecretStore& store, std::vector<ConfigSecret>& configs,
                int64_t tick, Totals& totals, Problems& problems) {
  for (size_t c = 0; c < configs.size(); ++c) {
    std::string value = absl::StrCat("{\"build\":", tick, ",\"shard\":", c, "}");
    ++totals.puts;
    absl::StatusOr<model::PutSecretValueResponse> put = store.PutSecretValue(
        {.secret_id = configs[c].arn, .secret_string = value});
    if (put.ok()) {
      configs[c].value = std::move(value);
    } else if (AwsErrorCode(put.status()) ==
               model::ErrorCode::kLimitExceededException) {
      ++totals.quota_hits;  // the write is lost; AWSCURRENT stays as it was
    } else {
      problems.Add(absl::StrCat("pipeline: ", put.status().ToString()));
    }
  }
}

// The application: reads AWSCURRENT and uses it.
void ApplicationDay(SecretStore& store, const World& world,
                    const std::vector<ConfigSecret>& configs, int reads,
                    Rng& rng, Totals& totals, Problems& problems) {
  for (int i = 0; i < reads; ++i) {
    const int user = static_cast<int>(rng.Below(static_cast<uint64_t>(world.size())));
    ++totals.app_reads;
    absl::StatusOr<model::GetSecretValueResponse> got =
        store.GetSecretValue({.secret_id = world.user(user).arn});
    if (!got.ok() || !world.Accepts(user, got->secret_string.value_or(""))) {
      ++totals.app_failures;
      problems.Add(absl::StrCat("application: login as ", world.user(user).arn,
                                " failed: ", got.status().ToString()));
    }
  }
  for (const ConfigSecret& config : configs) {
    ++totals.app_reads;
    absl::StatusOr<model::GetSecretValueResponse> got =
        store.GetSecretValue({.secret_id = config.arn});
    if (!got.ok() || got->secret_string != config.value) {
      ++totals.app_failures;
      problems.Add(absl::StrCat("application: stale config ", config.arn));
    }
  }
}

// The labels DescribeSecret reports for `arn`, as sorted (label, version).
std::vector<std::pair<std::string, std::string>> DescribedLabels(
    SecretStore& store, const std::string& arn) {
  std::vector<std::pair<std::string, std::string>> labels;
  absl::StatusOr<model::DescribeSecretResponse> d = store.DescribeSecret({.secret_id = arn});
  if (!d.ok()) return labels;
  for (const auto& [version, stages] : d->version_ids_to_stages) {
    for (const std::string& s : stages) labels.emplace_back(s, version);
  }
  std::sort(labels.begin(), labels.end());
  return labels;
}

// Thousands separators: 1234567 -> "1,234,567".
std::string N(int64_t n) {
  std::string digits = absl::StrCat(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

bool ParseFlags(int argc, char** argv, Config& config) {
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    auto value = [&](absl::string_view flag, auto* out) {
      if (!absl::ConsumePrefix(&arg, flag)) return false;
      return absl::SimpleAtoi(arg, out);
    };
    if (!value("--seed=", &config.seed) &&
        !value("--secrets=", &config.rotating_secrets) &&
        !value("--days=", &config.days)) {
      std::fprintf(stderr,
                   "usage: simulation [--seed=N] [--secrets=N] [--days=N]\n");
      return false;
    }
  }
  return config.rotating_secrets > 0 && config.days > 0;
}

int Run(const Config& cfg) {
  const auto wall_start = std::chrono::steady_clock::now();
  Problems problems;
  Totals totals;
  auto clock = std::make_shared<ManualClock>();
  SecretStore store(StoreOptions{.clock = clock, .seed = cfg.seed});
  World world(cfg.seed, cfg.bad_per_mille, cfg.fault_per_mille);
  store.RegisterRotationHandler(kLambdaArn, world.Handler());
  Observer observer(&store, &world);
  Operator op(&store, &world, &observer, &problems);
  Rng app_rng(Mix(cfg.seed, 0xa99));

  // Day 0: every secret exists with the database's initial password.
  for (int i = 0; i < cfg.rotating_secrets; ++i) {
    const std::string name = absl::StrFormat("prod/db/user-%05d", i);
    const std::string password = absl::StrCat("initial-", Mix(cfg.seed, i));
    absl::StatusOr<model::CreateSecretResponse> created =
        store.CreateSecret({.name = name, .secret_string = password});
    if (!created.ok()) {
      problems.Add(absl::StrCat("create ", name, ": ", created.status().ToString()));
      break;
    }
    world.AddUser(created->arn, password);
  }
  std::vector<ConfigSecret> configs;
  for (int c = 0; c < cfg.config_secrets && problems.count() == 0; ++c) {
    const std::string name = absl::StrFormat("prod/config/shard-%03d", c);
    const std::string value = "{\"build\":0}";
    absl::StatusOr<model::CreateSecretResponse> created =
        store.CreateSecret({.name = name, .secret_string = value});
    if (!created.ok()) {
      problems.Add(absl::StrCat("create ", name, ": ", created.status().ToString()));
      break;
    }
    configs.push_back({created->arn, value});
  }
  int64_t tick = 0;
  int day = 0;
  for (; day < cfg.days && problems.count() == 0; ++day) {
    for (int u = day; day < cfg.onboarding_days && u < world.size();
         u += cfg.onboarding_days) {
      absl::Status s =
          store
              .RotateSecret({.secret_id = world.user(u).arn,
                             .rotation_lambda_arn = std::string(kLambdaArn),
                             .rotation_rules = model::RotationRules{
                                 .automatically_after_days = cfg.rotation_days}})
              .status();
      if (!s.ok()) problems.Add(absl::StrCat("onboard: ", s.ToString()));
    }
    const bool burst = day >= cfg.burst_first_day &&
                       day < cfg.burst_first_day + cfg.burst_days;
    if (burst) {
      for (absl::Duration t; t < absl::Hours(24); t += cfg.burst_interval) {
        DeployTick(store, configs, ++tick, totals, problems);
        if (absl::Status s = store.AdvanceClock(cfg.burst_interval); !s.ok()) {
          problems.Add(s.ToString());
        }
      }
    } else if (absl::Status s = store.AdvanceClock(absl::Hours(24)); !s.ok()) {
      problems.Add(s.ToString());
    }
    op.Respond();
    ApplicationDay(store, world, configs, cfg.app_reads_per_day, app_rng,
                   totals, problems);
    ++totals.invariant_checks;
    if (absl::Status s = store.CheckInvariants(); !s.ok()) {
      problems.Add(absl::StrCat("day ", day, ": ", s.ToString()));
    }
  }
  op.Respond();

  // The end: the database accepts every AWSCURRENT, no rotation is stuck,
  // and the labels rebuilt from events are DescribeSecret's labels.
  int64_t replica_mismatches = 0;
  for (int u = 0; u < world.size(); ++u) {
    const std::string& arn = world.user(u).arn;
    absl::StatusOr<model::GetSecretValueResponse> got =
        store.GetSecretValue({.secret_id = arn});
    if (!got.ok() || !world.Accepts(u, got->secret_string.value_or(""))) {
      problems.Add(absl::StrCat("end: AWSCURRENT of ", arn, " is rejected"));
    }
    const auto described = DescribedLabels(store, arn);
    if (described != observer.Labels(arn)) ++replica_mismatches;
    const std::string* current = nullptr;
    const std::string* pending = nullptr;
    for (const auto& [label, version] : described) {
      if (label == model::kAwsCurrent) current = &version;
      if (label == model::kAwsPending) pending = &version;
    }
    if (pending != nullptr && (current == nullptr || *pending != *current)) {
      problems.Add(absl::StrCat("end: stale AWSPENDING on ", arn));
    }
  }
  for (const ConfigSecret& config : configs) {
    if (DescribedLabels(store, config.arn) != observer.Labels(config.arn)) {
      ++replica_mismatches;
    }
  }
  if (replica_mismatches > 0) {
    problems.Add(absl::StrCat("events: ", replica_mismatches,
                              " secrets' labels differ from DescribeSecret"));
  }
  ++totals.invariant_checks;
  if (absl::Status s = store.CheckInvariants(); !s.ok()) {
    problems.Add(absl::StrCat("end: ", s.ToString()));
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start)
          .count();

  // ---- Summary ------------------------------------------------------------
  const int64_t secrets = world.size() + static_cast<int64_t>(configs.size());
  std::printf("secretstage simulation, seed %llu\n",
              static_cast<unsigned long long>(cfg.seed));
  std::printf("  secrets            %s (%s rotating every %lld days, %s config)\n",
              N(secrets).c_str(), N(world.size()).c_str(),
              static_cast<long long>(cfg.rotation_days), N(configs.size()).c_str());
  std::printf("  simulated          %d days, to %s\n", day,
              absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", clock->Now(),
                               absl::UTCTimeZone()).c_str());
  std::printf("  rotations          %s succeeded, %s failed (%s silently bad, %s "
              "blocked by a stale AWSPENDING)\n",
              N(observer.count(EventKind::kRotationSucceeded)).c_str(),
              N(observer.count(EventKind::kRotationFailed)).c_str(),
              N(world.silently_bad()).c_str(), N(observer.blocked_rotations()).c_str());
  std::printf("  operator           %s health checks, %s rollbacks, %s stale "
              "AWSPENDING cleared, %s rotations retried\n",
              N(op.health_checks()).c_str(), N(op.rollbacks()).c_str(),
              N(op.pending_cleared()).c_str(), N(op.retries()).c_str());
  std::printf("  application        %s reads of AWSCURRENT, %s failed\n",
              N(totals.app_reads).c_str(), N(totals.app_failures).c_str());
  std::printf("  deploy pipeline    %s writes, %s quota hits "
              "(LimitExceededException)\n",
              N(totals.puts).c_str(), N(totals.quota_hits).c_str());
  std::printf("  versions           %s created, %s purged\n",
              N(observer.count(EventKind::kVersionCreated)).c_str(),
              N(observer.count(EventKind::kVersionPurged)).c_str());
  std::printf("  AWSCURRENT moves   %s\n", N(observer.current_moves()).c_str());
  std::printf("  invariants         checked %s times, %s\n",
              N(totals.invariant_checks).c_str(),
              problems.count() == 0 ? "all held" : "see problems");
  std::printf("  events             %s\n", N(observer.total()).c_str());
  for (int k = 0; k < kNumEventKinds; ++k) {
    const uint64_t n = observer.count(static_cast<EventKind>(k));
    if (n == 0) continue;
    std::printf("    %-20s %12s\n",
                std::string(EventKindName(static_cast<EventKind>(k))).c_str(),
                N(n).c_str());
  }
  std::printf("  wall time          %.2f s (%s events/s)\n", wall,
              N(static_cast<int64_t>(observer.total() / wall)).c_str());
  if (problems.count() > 0) {
    std::printf("FAILED: %s problems\n", N(problems.count()).c_str());
    for (const std::string& p : problems.first()) std::printf("  %s\n", p.c_str());
    return 1;
  }
  std::printf("OK\n");
  return 0;
}

}  // namespace
}  // namespace secretstage::sim

int main(int argc, char** argv) {
  secretstage::sim::Config config;
  if (!secretstage::sim::ParseFlags(argc, argv, config)) return 2;
  return secretstage::sim::Run(config);
}
