// Internal: subscription and in-order delivery of change events.
#ifndef SECRETSTAGE_CORE_EVENT_HUB_H_
#define SECRETSTAGE_CORE_EVENT_HUB_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "core/events.h"
#include "core/secret.h"
#include "core/value_write.h"

namespace secretstage::internal {

// Thread-safe. Operations collect their events while they hold the shard
// lock, take OrderLock() before releasing it, and Deliver() afterwards: so
// listeners see events in commit order, without any store lock held.
class EventHub {
 public:
  // One relaxed load: the whole cost of events when nobody listens.
  bool active() const { return active_.load(std::memory_order_relaxed); }

  uint64_t Subscribe(EventListener listener);
  void Unsubscribe(uint64_t id);

  std::unique_lock<std::mutex> OrderLock() {
    return std::unique_lock<std::mutex>(order_mu_);
  }
  // Calls every listener for each event. The caller holds OrderLock().
  void Deliver(const std::vector<StoreEvent>& events);

 private:
  using Listeners = std::vector<std::pair<uint64_t, EventListener>>;
  std::atomic<bool> active_{false};
  std::mutex order_mu_;  // serialises deliveries
  std::mutex listeners_mu_;
  std::shared_ptr<const Listeners> listeners_;  // guarded by listeners_mu_
  uint64_t next_id_ = 1;                        // guarded by listeners_mu_
};

// Which version (by id) carries each label: compared before and after a
// change to produce label events.
using LabelSnapshot = std::vector<std::pair<std::string, std::string>>;
LabelSnapshot SnapshotLabels(const Secret& secret);

// Appends kLabelDetached events (in `before` order), then kLabelAttached
// events (in `after` order) for every label whose holder changed.
void AppendLabelDiff(const LabelSnapshot& before, const Secret& after,
                     absl::Time time, std::vector<StoreEvent>* out);

// The events of a value write: version created, versions purged, then the
// label diff against `before`.
void AppendWriteEvents(const LabelSnapshot& before, const Secret& secret,
                       const ValueWriteResult& written, absl::Time time,
                       std::vector<StoreEvent>* out);

// An event about `secret`.
StoreEvent MakeEvent(EventKind kind, const Secret& secret, absl::Time time,
                     std::string version_id = {}, std::string label = {},
                     std::string detail = {});

// The events of one operation. Declare it before the shard lock guard and
// call Commit() (still under the lock) on success: the guard releases the
// shard lock first, then this destructor delivers, in commit order.
class PendingEvents {
 public:
  explicit PendingEvents(EventHub* hub) : hub_(hub), listening_(hub->active()) {}
  ~PendingEvents() {
    if (order_.owns_lock()) hub_->Deliver(events_);
  }
  PendingEvents(const PendingEvents&) = delete;
  PendingEvents& operator=(const PendingEvents&) = delete;

  bool listening() const { return listening_; }
  void Add(StoreEvent event) {
    if (listening_) events_.push_back(std::move(event));
  }
  std::vector<StoreEvent>* events() { return &events_; }
  void Commit() {
    if (listening_ && !events_.empty()) order_ = hub_->OrderLock();
  }

 private:
  EventHub* const hub_;
  const bool listening_;
  std::vector<StoreEvent> events_;
  std::unique_lock<std::mutex> order_;
};

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_EVENT_HUB_H_
