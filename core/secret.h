// Internal: the in-memory representation of one secret. Not part of the
// public API; only core/ includes it.
#ifndef SECRETSTAGE_CORE_SECRET_H_
#define SECRETSTAGE_CORE_SECRET_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/time/time.h"
#include "model/common.h"
#include "model/rotation_rules.h"

namespace secretstage::internal {

// An int64 that readers holding a shared lock may update (LastAccessedDate
// is written by GetSecretValue, a read). Copyable so that it can live in a
// std::vector element.
class RelaxedInt64 {
 public:
  explicit RelaxedInt64(int64_t v = 0) : v_(v) {}
  RelaxedInt64(const RelaxedInt64& o) : v_(o.load()) {}
  RelaxedInt64& operator=(const RelaxedInt64& o) {
    store(o.load());
    return *this;
  }
  int64_t load() const { return v_.load(std::memory_order_relaxed); }
  void store(int64_t v) { v_.store(v, std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> v_;
};

inline constexpr int64_t kNeverAccessed = INT64_MIN;

enum class ValueKind : uint8_t { kNone, kString, kBinary };

struct Version {
  std::string id;
  ValueKind kind = ValueKind::kNone;
  std::string value;  // SecretString or SecretBinary bytes per `kind`
  absl::Time created;
  uint64_t creation_seq = 0;  // orders versions created at the same instant
  std::optional<std::string> kms_key_id;
  // Unix seconds of the UTC day of the last GetSecretValue, or kNeverAccessed.
  RelaxedInt64 last_accessed_day{kNeverAccessed};
};

// One attached label. The label table is the single source of truth for
// which version carries which label, so invariant 1 (one holder per label)
// holds by construction.
struct LabelSlot {
  std::string name;
  uint32_t version = 0;     // index into Secret::versions
  uint64_t attach_seq = 0;  // orders a version's VersionStages
};

// At most max_labels_per_secret entries (20): a linear scan is a bounded
// handful of short string compares, cheaper than hashing.
using LabelTable = absl::InlinedVector<LabelSlot, 4>;

struct Secret {
  std::string name;
  std::string arn;
  std::optional<std::string> description;
  std::optional<std::string> kms_key_id;
  std::vector<model::Tag> tags;
  absl::Time created;
  absl::Time last_changed;
  RelaxedInt64 last_accessed_day{kNeverAccessed};
  // Set while scheduled for deletion: when the deletion was requested and
  // when the secret becomes gone.
  std::optional<absl::Time> deletion_requested;
  std::optional<absl::Time> deletion_date;
  // True once AWSCURRENT has been attached (invariant 8).
  bool had_current = false;
  // Rotation configuration; rotation_enabled is absent until RotateSecret
  // first configures rotation.
  std::optional<bool> rotation_enabled;
  std::optional<std::string> rotation_lambda_arn;
  std::optional<model::RotationRules> rotation_rules;
  std::optional<absl::Time> last_rotated;
  std::optional<absl::Time> next_rotation;
  // Why the last rotation failed, if it did.
  std::optional<std::string> last_rotation_failure;

  std::vector<Version> versions;  // creation order
  absl::flat_hash_map<std::string, uint32_t> version_index;
  LabelTable labels;
  uint64_t next_seq = 1;  // feeds Version::creation_seq and attach_seq
  absl::flat_hash_set<std::string> purged_version_ids;

  // The slot of `label`, or nullptr.
  const LabelSlot* FindLabel(std::string_view label) const {
    for (const LabelSlot& s : labels) {
      if (s.name == label) return &s;
    }
    return nullptr;
  }
  LabelSlot* FindLabel(std::string_view label) {
    for (LabelSlot& s : labels) {
      if (s.name == label) return &s;
    }
    return nullptr;
  }
  // Index of version `id`, or -1.
  int64_t FindVersion(std::string_view id) const {
    auto it = version_index.find(absl::string_view(id.data(), id.size()));
    return it == version_index.end() ? -1 : static_cast<int64_t>(it->second);
  }
  // The labels on version `index`, in attach order.
  std::vector<std::string> LabelsOf(uint32_t index) const;
  bool IsScheduled() const { return deletion_date.has_value(); }
  bool IsGoneAt(absl::Time now) const {
    return deletion_date.has_value() && now >= *deletion_date;
  }
};

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_SECRET_H_
