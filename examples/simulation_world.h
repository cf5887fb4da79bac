// The world around the store in examples/simulation.cc: the database whose
// passwords the secrets hold, and the rotation Lambda that changes them.
//
// Not thread-safe: the simulation drives the store from one thread, and the
// store runs rotation handlers on the calling thread.
#ifndef SECRETSTAGE_EXAMPLES_SIMULATION_WORLD_H_
#define SECRETSTAGE_EXAMPLES_SIMULATION_WORLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "core/secret_store.h"

namespace secretstage::sim {

// A deterministic 64-bit mix of its arguments (SplitMix64 finaliser), so the
// simulation's choices depend on the seed only, not on the standard library.
uint64_t Mix(uint64_t a, uint64_t b = 0, uint64_t c = 0);

// A small deterministic generator (SplitMix64).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // Uniform enough in [0, n) for a simulation; n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

// One database user per rotating secret: the password the database accepts.
struct DbUser {
  std::string arn;
  std::string password;
  int created_passwords = 0;  // createSecret steps that made a new value
};

// How one rotation attempt goes wrong, decided from (seed, secret, attempt).
enum class Fate {
  kGood,
  // setSecret reports success but the database never applies the new
  // password, and testSecret does not catch it: AWSCURRENT ends up on a
  // password the database rejects. Someone has to roll back.
  kSilentlyBad,
  // setSecret fails (database unreachable): the rotation stops with its
  // AWSPENDING version left behind.
  kFault,
};

class World {
 public:
  // `bad_per_mille` and `fault_per_mille` are the odds of each Fate per
  // rotation attempt.
  World(uint64_t seed, int bad_per_mille, int fault_per_mille)
      : seed_(seed), bad_per_mille_(bad_per_mille), fault_per_mille_(fault_per_mille) {}

  // Adds a user with `password`; returns its index.
  int AddUser(std::string arn, std::string password);
  // The index of the user whose secret has ARN `arn`, or -1.
  int Find(std::string_view arn) const;
  DbUser& user(int index) { return users_[index]; }
  const DbUser& user(int index) const { return users_[index]; }
  int size() const { return static_cast<int>(users_.size()); }

  // True if the database accepts `password` for user `index` (a login).
  bool Accepts(int index, std::string_view password) const {
    return users_[index].password == password;
  }

  // The rotation Lambda: AWS's SecretsManagerRotationTemplate (single user)
  // against this database, step by step as the template calls Secrets
  // Manager, with the faults of Fate injected. Register it with
  // SecretStore::RegisterRotationHandler; it must outlive the store's use.
  SecretStore::RotationHandler Handler();

  // Counters of what the Lambda did.
  int64_t silently_bad() const { return silently_bad_; }
  int64_t faults() const { return faults_; }

 private:
  absl::Status Step(SecretStore& store, const SecretStore::RotationStep& step);
  absl::Status CreateSecretStep(SecretStore& store, int user,
                                const SecretStore::RotationStep& step);
  absl::Status SetSecretStep(SecretStore& store, int user,
                             const SecretStore::RotationStep& step);
  absl::Status TestSecretStep(SecretStore& store,
                              const SecretStore::RotationStep& step);
  absl::Status FinishSecretStep(SecretStore& store,
                                const SecretStore::RotationStep& step,
                                const model::DescribeSecretResponse& metadata);
  Fate FateOf(int user) const;

  const uint64_t seed_;
  const int bad_per_mille_;
  const int fault_per_mille_;
  std::vector<DbUser> users_;
  absl::flat_hash_map<std::string, int> by_arn_;
  int64_t silently_bad_ = 0;
  int64_t faults_ = 0;
};

}  // namespace secretstage::sim

#endif  // SECRETSTAGE_EXAMPLES_SIMULATION_WORLD_H_
