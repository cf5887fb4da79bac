#include "examples/simulation_observer.h"

#include <algorithm>

#include "model/labels.h"

namespace secretstage::sim {

Observer::Observer(SecretStore* store, const World* world)
    : store_(store), world_(world) {
  subscription_ = store_->Subscribe([this](const StoreEvent& e) { On(e); });
}

Observer::~Observer() { store_->Unsubscribe(subscription_); }

uint64_t Observer::total() const {
  uint64_t sum = 0;
  for (uint64_t c : counts_) sum += c;
  return sum;
}

void Observer::On(const StoreEvent& e) {
  ++counts_[static_cast<int>(e.kind)];
  switch (e.kind) {
    case EventKind::kLabelAttached:
    case EventKind::kLabelDetached: {
      auto& slot = labels_[e.secret_arn];
      auto it = std::find_if(slot.begin(), slot.end(),
                             [&](const auto& l) { return l.first == e.label; });
      if (e.kind == EventKind::kLabelAttached) {
        if (e.label == model::kAwsCurrent) ++current_moves_;
        if (it == slot.end()) {
          slot.emplace_back(e.label, e.version_id);
        } else {
          it->second = e.version_id;
        }
      } else if (it != slot.end() && it->second == e.version_id) {
        slot.erase(it);
      }
      return;
    }
    case EventKind::kRotationSucceeded:
      if (int user = world_->Find(e.secret_arn); user >= 0) rotated_.push_back(user);
      return;
    case EventKind::kRotationFailed:
      if (e.detail.starts_with("A previous rotation isn't complete")) {
        ++blocked_rotations_;
      }
      if (int user = world_->Find(e.secret_arn); user >= 0) failed_.push_back(user);
      return;
    default:
      return;
  }
}

std::vector<std::pair<std::string, std::string>> Observer::Labels(
    const std::string& arn) const {
  auto it = labels_.find(arn);
  if (it == labels_.end()) return {};
  std::vector<std::pair<std::string, std::string>> sorted = it->second;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

}  // namespace secretstage::sim
