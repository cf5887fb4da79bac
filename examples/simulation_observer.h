// What examples/simulation.cc learns from SecretStore::Subscribe: counts of
// every event kind, a replica of every secret's labels rebuilt from label
// events alone, and the rotations the operator has to look at.
//
// Not thread-safe: the simulation is single-threaded, and the store calls
// listeners on the thread that made the change.
#ifndef SECRETSTAGE_EXAMPLES_SIMULATION_OBSERVER_H_
#define SECRETSTAGE_EXAMPLES_SIMULATION_OBSERVER_H_

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/events.h"
#include "core/secret_store.h"
#include "examples/simulation_world.h"

namespace secretstage::sim {

inline constexpr int kNumEventKinds =
    static_cast<int>(EventKind::kRotationFailed) + 1;

class Observer {
 public:
  // Watches `store` from now on (subscribe before creating secrets, or the
  // replica misses their first labels); `world` maps ARNs to users.
  Observer(SecretStore* store, const World* world);
  ~Observer();
  Observer(const Observer&) = delete;
  Observer& operator=(const Observer&) = delete;

  uint64_t count(EventKind kind) const { return counts_[static_cast<int>(kind)]; }
  uint64_t total() const;
  // kLabelAttached events of AWSCURRENT: how often the current value changed.
  uint64_t current_moves() const { return current_moves_; }
  // kRotationFailed events whose detail is "A previous rotation isn't
  // complete...": scheduled rotations blocked by a stale AWSPENDING.
  uint64_t blocked_rotations() const { return blocked_rotations_; }

  // The users whose rotation succeeded or failed since the last call, in
  // event order (a user may appear twice).
  std::vector<int> TakeRotated() { return std::exchange(rotated_, {}); }
  std::vector<int> TakeFailed() { return std::exchange(failed_, {}); }
  bool HasWork() const { return !rotated_.empty() || !failed_.empty(); }

  // The labels of secret `arn` as (label, version id), sorted, as the label
  // events since the subscription say they are.
  std::vector<std::pair<std::string, std::string>> Labels(
      const std::string& arn) const;

 private:
  void On(const StoreEvent& event);

  SecretStore* const store_;
  const World* const world_;
  uint64_t subscription_ = 0;
  std::array<uint64_t, kNumEventKinds> counts_{};
  uint64_t current_moves_ = 0;
  uint64_t blocked_rotations_ = 0;
  std::vector<int> rotated_;
  std::vector<int> failed_;
  // Per secret ARN: (label, version id), rebuilt from the events.
  absl::flat_hash_map<std::string, std::vector<std::pair<std::string, std::string>>>
      labels_;
};

}  // namespace secretstage::sim

#endif  // SECRETSTAGE_EXAMPLES_SIMULATION_OBSERVER_H_
