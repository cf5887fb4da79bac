#include "core/event_hub.h"

#include <algorithm>

namespace secretstage::internal {

uint64_t EventHub::Subscribe(EventListener listener) {
  std::lock_guard<std::mutex> lock(listeners_mu_);
  auto next = std::make_shared<Listeners>(listeners_ ? *listeners_ : Listeners());
  const uint64_t id = next_id_++;
  next->emplace_back(id, std::move(listener));
  listeners_ = std::move(next);
  active_.store(true, std::memory_order_relaxed);
  return id;
}

void EventHub::Unsubscribe(uint64_t id) {
  std::lock_guard<std::mutex> lock(listeners_mu_);
  if (!listeners_) return;
  auto next = std::make_shared<Listeners>(*listeners_);
  next->erase(std::remove_if(next->begin(), next->end(),
                             [id](const auto& l) { return l.first == id; }),
              next->end());
  active_.store(!next->empty(), std::memory_order_relaxed);
  listeners_ = std::move(next);
}

void EventHub::Deliver(const std::vector<StoreEvent>& events) {
  if (events.empty()) return;
  std::shared_ptr<const Listeners> listeners;
  {
    std::lock_guard<std::mutex> lock(listeners_mu_);
    listeners = listeners_;
  }
  if (!listeners) return;
  for (const StoreEvent& event : events) {
    for (const auto& [id, listener] : *listeners) listener(event);
  }
}

namespace {

// The deliveries this thread is running, innermost first: a change made by
// a listener is queued on the frame of its hub instead of waiting for a turn
// that comes only after the running delivery.
struct DeliveryFrame {
  const EventHub* hub;
  std::vector<std::pair<uint64_t, std::vector<StoreEvent>>>* queue;
  DeliveryFrame* outer;
};
thread_local DeliveryFrame* t_deliveries = nullptr;

}  // namespace

void EventHub::DeliverInOrder(uint64_t ticket, std::vector<StoreEvent> events) {
  for (DeliveryFrame* f = t_deliveries; f != nullptr; f = f->outer) {
    if (f->hub == this) {
      f->queue->emplace_back(ticket, std::move(events));
      return;
    }
  }
  std::vector<std::pair<uint64_t, std::vector<StoreEvent>>> queue;
  queue.emplace_back(ticket, std::move(events));
  DeliveryFrame frame{this, &queue, t_deliveries};
  t_deliveries = &frame;
  // Listeners may append to `queue` while it is being walked.
  for (size_t i = 0; i < queue.size(); ++i) {
    const uint64_t turn = queue[i].first;
    std::vector<StoreEvent> batch = std::move(queue[i].second);
    {
      std::unique_lock<std::mutex> lock(turn_mu_);
      turn_cv_.wait(lock, [&] { return next_turn_ == turn; });
    }
    Deliver(batch);
    {
      std::lock_guard<std::mutex> lock(turn_mu_);
      ++next_turn_;
    }
    turn_cv_.notify_all();
  }
  t_deliveries = frame.outer;
}

LabelSnapshot SnapshotLabels(const Secret& secret) {
  LabelSnapshot out;
  out.reserve(secret.labels.size());
  for (const LabelSlot& slot : secret.labels) {
    out.emplace_back(slot.name.str(), secret.versions[slot.version].id.str());
  }
  return out;
}

void AppendLabelDiff(const LabelSnapshot& before, const Secret& after,
                     absl::Time time, std::vector<StoreEvent>* out) {
  const LabelSnapshot now = SnapshotLabels(after);
  auto holder = [](const LabelSnapshot& snap,
                   const std::string& label) -> const std::string* {
    for (const auto& [l, v] : snap) {
      if (l == label) return &v;
    }
    return nullptr;
  };
  for (const auto& [label, version] : before) {
    const std::string* h = holder(now, label);
    if (h == nullptr || *h != version) {
      out->push_back(MakeEvent(EventKind::kLabelDetached, after, time, version, label));
    }
  }
  for (const auto& [label, version] : now) {
    const std::string* h = holder(before, label);
    if (h == nullptr || *h != version) {
      out->push_back(MakeEvent(EventKind::kLabelAttached, after, time, version, label));
    }
  }
}

void AppendWriteEvents(const LabelSnapshot& before, const Secret& secret,
                       const ValueWriteResult& written, absl::Time time,
                       std::vector<StoreEvent>* out) {
  if (!written.changed) return;
  for (const std::string& id : written.purged) {
    out->push_back(MakeEvent(EventKind::kVersionPurged, secret, time, id));
  }
  if (written.created) {
    out->push_back(MakeEvent(EventKind::kVersionCreated, secret, time,
                             secret.versions[written.version].id.str()));
  }
  AppendLabelDiff(before, secret, time, out);
}

StoreEvent MakeEvent(EventKind kind, const Secret& secret, absl::Time time,
                     std::string version_id, std::string label,
                     std::string detail) {
  return StoreEvent{kind,           secret.Arn(),        std::move(version_id),
                    std::move(label), std::move(detail), time};
}

}  // namespace secretstage::internal
