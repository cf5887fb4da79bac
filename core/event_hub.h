// Internal: subscription and in-order delivery of change events.
#ifndef SECRETSTAGE_CORE_EVENT_HUB_H_
#define SECRETSTAGE_CORE_EVENT_HUB_H_

#include <atomic>
#include <condition_variable>
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
// lock and take a ticket (TakeTicket(), never blocks) before releasing it;
// afterwards, with no store lock held, DeliverInOrder() waits for the
// earlier tickets and calls the listeners. So listeners see events in commit
// order, and may call back into the store (reads and writes): a change a
// listener makes is delivered after the events being delivered, on the same
// thread, once the listener returns. A thread waiting for its turn holds no
// store lock, so a listener never deadlocks with other writers.
class EventHub {
 public:
  // One relaxed load: the whole cost of events when nobody listens.
  bool active() const { return active_.load(std::memory_order_relaxed); }

  uint64_t Subscribe(EventListener listener);
  void Unsubscribe(uint64_t id);

  // The next place in delivery order. Take it while the change's lock is
  // held, so that tickets follow commit order; every ticket taken must be
  // passed to DeliverInOrder() exactly once.
  uint64_t TakeTicket() {
    return next_ticket_.fetch_add(1, std::memory_order_relaxed);
  }
  // Waits until every earlier ticket was delivered, then calls every
  // listener for each event. Called from inside a listener (of this hub, on
  // this thread), it queues the events and returns at once; the outer call
  // delivers them after its own. Must not be called with a store lock held.
  void DeliverInOrder(uint64_t ticket, std::vector<StoreEvent> events);

 private:
  using Listeners = std::vector<std::pair<uint64_t, EventListener>>;
  // Calls every listener for each event.
  void Deliver(const std::vector<StoreEvent>& events);

  std::atomic<bool> active_{false};
  std::atomic<uint64_t> next_ticket_{0};
  std::mutex turn_mu_;
  std::condition_variable turn_cv_;
  uint64_t next_turn_ = 0;  // guarded by turn_mu_: the ticket to deliver next
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
    if (committed_) hub_->DeliverInOrder(ticket_, std::move(events_));
  }
  PendingEvents(const PendingEvents&) = delete;
  PendingEvents& operator=(const PendingEvents&) = delete;

  bool listening() const { return listening_; }
  void Add(StoreEvent event) {
    if (listening_) events_.push_back(std::move(event));
  }
  std::vector<StoreEvent>* events() { return &events_; }
  void Commit() {
    if (listening_ && !events_.empty() && !committed_) {
      ticket_ = hub_->TakeTicket();
      committed_ = true;
    }
  }

 private:
  EventHub* const hub_;
  const bool listening_;
  bool committed_ = false;
  uint64_t ticket_ = 0;
  std::vector<StoreEvent> events_;
};

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_EVENT_HUB_H_
