#include "core/label_table.h"

#include <algorithm>

#include "model/labels.h"

namespace secretstage::internal {

bool AttachLabel(LabelTable& table, std::string_view label, uint32_t version,
                 uint64_t& next_seq) {
  for (LabelSlot& slot : table) {
    if (slot.name == label) {
      if (slot.version == version) return false;
      slot.version = version;
      slot.attach_seq = next_seq++;
      return true;
    }
  }
  table.push_back(LabelSlot{SmallString<11>(label), version, next_seq++});
  return true;
}

bool DetachLabel(LabelTable& table, std::string_view label) {
  for (auto it = table.begin(); it != table.end(); ++it) {
    if (it->name == label) {
      table.erase(it);
      return true;
    }
  }
  return false;
}

void ApplyValueLabels(LabelTable& table,
                      const std::vector<std::string_view>& labels, uint32_t n,
                      uint64_t& next_seq) {
  bool wants_current = false;
  for (std::string_view label : labels) {
    if (label == model::kAwsCurrent) {
      wants_current = true;
      continue;
    }
    AttachLabel(table, label, n, next_seq);
  }
  if (!wants_current) return;
  const LabelSlot* current = nullptr;
  for (const LabelSlot& slot : table) {
    if (slot.name == model::kAwsCurrent) current = &slot;
  }
  if (current != nullptr && current->version != n) {
    const uint32_t previous_holder = current->version;
    for (LabelSlot& slot : table) {
      if (slot.name == model::kAwsPending && slot.version == previous_holder) {
        DetachLabel(table, model::kAwsPending);
        break;
      }
    }
    AttachLabel(table, model::kAwsPrevious, previous_holder, next_seq);
  }
  AttachLabel(table, model::kAwsCurrent, n, next_seq);
}

bool HasLabels(const LabelTable& table, uint32_t version) {
  return std::any_of(table.begin(), table.end(), [version](const LabelSlot& s) {
    return s.version == version;
  });
}

std::vector<std::string> Secret::LabelsOf(uint32_t index) const {
  std::vector<const LabelSlot*> slots;
  for (const LabelSlot& s : labels) {
    if (s.version == index) slots.push_back(&s);
  }
  std::sort(slots.begin(), slots.end(), [](const LabelSlot* a, const LabelSlot* b) {
    return a->attach_seq < b->attach_seq;
  });
  std::vector<std::string> out;
  out.reserve(slots.size());
  for (const LabelSlot* s : slots) out.push_back(s->name.str());
  return out;
}

}  // namespace secretstage::internal
