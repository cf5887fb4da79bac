// Internal: edits of a secret's label table. Each function keeps invariant 1
// (a label has at most one holder) by construction.
#ifndef SECRETSTAGE_CORE_LABEL_TABLE_H_
#define SECRETSTAGE_CORE_LABEL_TABLE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/secret.h"

namespace secretstage::internal {

// Puts `label` on `version`, taking it from its holder if any. A label that
// already sits on `version` keeps its attach order. Returns true if the
// table changed.
bool AttachLabel(LabelTable& table, std::string_view label, uint32_t version,
                 uint64_t& next_seq);
// Removes `label` from the table. Returns true if it was attached.
bool DetachLabel(LabelTable& table, std::string_view label);

// The label changes of PutSecretValue/UpdateSecret/CreateSecret
// (docs/state-machine.md, "attach labels L to version n", steps 5-6):
// every label of `labels` but AWSCURRENT moves to `n` in order; then, if
// AWSCURRENT is in `labels` and held by P != n, P loses AWSCURRENT and
// AWSPENDING and gains AWSPREVIOUS, and AWSCURRENT moves to `n`.
void ApplyValueLabels(LabelTable& table, const std::vector<std::string_view>& labels,
                      uint32_t n, uint64_t& next_seq);

// Whether any label sits on `version`.
bool HasLabels(const LabelTable& table, uint32_t version);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_LABEL_TABLE_H_
