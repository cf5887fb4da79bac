// Internal: the in-memory representation of one secret. Not part of the
// public API; only core/ includes it.
#ifndef SECRETSTAGE_CORE_SECRET_H_
#define SECRETSTAGE_CORE_SECRET_H_

#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <memory>

#include "absl/base/attributes.h"
#include "absl/base/optimization.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/time/time.h"
#include "core/compact.h"
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

// Version ids are 32..64 characters (ClientRequestToken) or 36-character
// UUIDs: a UUID is stored inline.
using VersionIdString = SmallString<39>;

// 88 bytes (was 144 + a 48-byte heap block for the id, docs/design.md
// "Compact Secret").
struct Version {
  VersionIdString id;
  SmallString<8> value;  // SecretString or SecretBinary bytes per `kind`
  ValueKind kind = ValueKind::kNone;
  PackedTime created;
  uint64_t creation_seq = 0;  // orders versions created at the same instant
  HeapOptional<std::string> kms_key_id;
  // Unix seconds of the UTC day of the last GetSecretValue, or kNeverAccessed.
  RelaxedInt64 last_accessed_day{kNeverAccessed};
};

// Two versions inline: a secret with AWSCURRENT and AWSPREVIOUS needs no
// separate block, and a label move finds its versions in the Secret itself.
using VersionList = absl::InlinedVector<Version, 2>;

// One attached label. The label table is the single source of truth for
// which version carries which label, so invariant 1 (one holder per label)
// holds by construction. 24 bytes (was 48): AWSCURRENT, AWSPREVIOUS and
// AWSPENDING fit inline.
struct LabelSlot {
  SmallString<11> name;
  uint32_t version = 0;     // index into Secret::versions
  uint64_t attach_seq = 0;  // orders a version's VersionStages
};

// At most max_labels_per_secret entries (20): a linear scan is a bounded
// handful of short compares, cheaper than hashing.
// Three inline: AWSCURRENT, AWSPREVIOUS and one more; rotation's
// AWSPENDING or more custom labels move the table to the heap.
using LabelTable = absl::InlinedVector<LabelSlot, 3>;

// Up to this many versions, FindVersion scans (one length byte and one
// memcmp per version, no hashing); beyond it, a VersionIndex is kept.
inline constexpr size_t kLinearVersions = 8;

// Open addressing over IdHash(id): slot = (hash high 32 bits << 32) |
// (position + 1), 0 = empty; load factor at most 1/2. Rebuilt whenever the
// version list changes (at most ~100 entries, on writes only). Inlined, with
// a hash of the id's first and last 8 bytes, so that versions:100 stays
// within 1.3x of versions:2 (BM_MoveCustomLabel: FastHash of all 36 bytes
// plus a call made it 1.40x once the linear scan was inlined).
class VersionIndex {
 public:
  void Rebuild(const VersionList& versions) {
    size_t cap = 16;
    while (cap < 2 * versions.size()) cap *= 2;
    slots_.assign(cap, 0);
    for (size_t i = 0; i < versions.size(); ++i) {
      const uint64_t h = IdHash(versions[i].id.view());
      size_t pos = h & (cap - 1);
      while (slots_[pos] != 0) pos = (pos + 1) & (cap - 1);
      slots_[pos] = ((h >> 32) << 32) | (i + 1);
    }
  }
  ABSL_ATTRIBUTE_ALWAYS_INLINE int64_t Find(const VersionList& versions,
                                            std::string_view id) const {
    const uint64_t h = IdHash(id);
    const size_t mask = slots_.size() - 1;
    const uint64_t tag = (h >> 32) << 32;
    const uint64_t* slots = slots_.data();
    const Version* v = versions.data();
    for (size_t pos = h & mask;; pos = (pos + 1) & mask) {
      const uint64_t slot = slots[pos];
      if (slot == 0) return -1;
      if ((slot & ~uint64_t{0xFFFFFFFF}) == tag) {
        const size_t i = static_cast<size_t>(slot & 0xFFFFFFFF) - 1;
        if (v[i].id.Equals(id)) return static_cast<int64_t>(i);
      }
    }
  }

 private:
  // Version ids are 32..64 characters (UUIDs: random at both ends). Ids
  // that share both ends only probe longer; equality is always checked.
  static uint64_t IdHash(std::string_view id) {
    if (id.size() < 16) return FastHash(id);
    uint64_t h = (Load64(id.data()) * 0x9E3779B97F4A7C15ULL) ^
                 std::rotl(Load64(id.data() + id.size() - 8), 32) ^ id.size();
    h ^= h >> 33;  // fmix64: every input bit reaches the low (probe) bits
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
  }

  std::vector<uint64_t> slots_;
};

// Field order is deliberate: what a label move reads (name, flags,
// deletion date, labels, versions) comes first and is prefetched as one
// block (PrefetchHot); rarely used fields are HeapOptional (one pointer
// when unset) and come last. 472 bytes (was 808 + an ARN heap block),
// docs/design.md "Compact Secret".
struct Secret {
  std::string name;
  char arn_suffix[6] = {};  // the ARN's last six characters
  // True once AWSCURRENT has been attached (invariant 8).
  bool had_current = false;
  // Rotation configuration; rotation_enabled is absent until RotateSecret
  // first configures rotation.
  std::optional<bool> rotation_enabled;
  // Set while scheduled for deletion: when the secret becomes gone.
  HeapOptional<absl::Time> deletion_date;
  // "arn:aws:secretsmanager:REGION:ACCOUNT:secret:", owned by the store.
  const std::string* arn_prefix = nullptr;
  uint64_t next_seq = 1;  // feeds Version::creation_seq and attach_seq
  // An absl::Time, not a PackedTime: it is written by every label move, and
  // converting cost 40 instructions per call (two absl library calls); the
  // 8 bytes fall in the padding of the 480-byte malloc block anyway.
  absl::Time last_changed;
  LabelTable labels;
  VersionList versions;  // creation order
  // Set iff versions.size() > kLinearVersions (ReindexVersions()).
  std::unique_ptr<VersionIndex> version_index;

  // Cold.
  PackedTime created;
  RelaxedInt64 last_accessed_day{kNeverAccessed};
  // When the deletion was requested, while scheduled.
  HeapOptional<absl::Time> deletion_requested;
  HeapOptional<std::string> description;
  HeapOptional<std::string> kms_key_id;
  HeapOptional<std::string> rotation_lambda_arn;
  HeapOptional<model::RotationRules> rotation_rules;
  HeapOptional<absl::Time> last_rotated;
  HeapOptional<absl::Time> next_rotation;
  // Why the last rotation failed, if it did.
  HeapOptional<std::string> last_rotation_failure;
  std::vector<model::Tag> tags;
  // Allocated on the first purge.
  std::unique_ptr<absl::flat_hash_set<std::string>> purged_version_ids;

  // The full ARN: *arn_prefix + name + "-" + arn_suffix.
  std::string Arn() const {
    std::string out;
    AppendArn(&out);
    return out;
  }
  // Writes the ARN into *out, reusing its capacity.
  // Steady state (same length as before): no allocation, two memcpys
  // (four appends were ~80 instructions, BM_MoveCustomLabel/secrets:1).
  void AssignArn(std::string* out) const {
    const size_t np = arn_prefix->size();
    const size_t total = np + name.size() + 1 + sizeof(arn_suffix);
    if (out->size() != total) out->resize(total);
    char* d = out->data();
    std::memcpy(d, arn_prefix->data(), np);
    std::memcpy(d + np, name.data(), name.size());
    d[np + name.size()] = '-';
    std::memcpy(d + np + name.size() + 1, arn_suffix, sizeof(arn_suffix));
  }
  void AppendArn(std::string* out) const {
    out->append(*arn_prefix);
    out->append(name);
    out->push_back('-');
    out->append(arn_suffix, sizeof(arn_suffix));
  }
  bool IsPurged(std::string_view id) const {
    return purged_version_ids != nullptr &&
           purged_version_ids->contains(absl::string_view(id.data(), id.size()));
  }
  void AddPurged(std::string_view id) {
    if (purged_version_ids == nullptr) {
      purged_version_ids = std::make_unique<absl::flat_hash_set<std::string>>();
    }
    purged_version_ids->insert(std::string(id));
  }

  // Starts loading the fields a label move reads (from `name` to the end of
  // `versions`), so that their cache misses overlap instead of following
  // one another (BM_MoveCustomLabel/secrets:1000000, docs/design.md).
  void PrefetchHot() const {
    const char* p = reinterpret_cast<const char*>(this);
    const size_t hot_bytes =
        static_cast<size_t>(reinterpret_cast<const char*>(&version_index) - p);
    for (size_t off = 64; off < hot_bytes + 64; off += 64) {
      __builtin_prefetch(p + off);
    }
  }

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
  // Index of version `id`, or -1. Inlined: a scan of at most
  // kLinearVersions ids, one length byte and one SSE2 compare each (was an
  // 82-instruction call per lookup, BM_MoveCustomLabel/secrets:1).
  ABSL_ATTRIBUTE_ALWAYS_INLINE int64_t FindVersion(std::string_view id) const {
    if (ABSL_PREDICT_TRUE(version_index == nullptr)) {
      const Version* v = versions.data();
      const size_t n = versions.size();
      for (size_t i = 0; i < n; ++i) {
        if (v[i].id.Equals(id)) return static_cast<int64_t>(i);
      }
      return -1;
    }
    return version_index->Find(versions, id);
  }
  // Call after every change to `versions`: keeps version_index in step.
  void ReindexVersions() {
    if (versions.size() <= kLinearVersions) {
      version_index.reset();
      return;
    }
    if (version_index == nullptr) version_index = std::make_unique<VersionIndex>();
    version_index->Rebuild(versions);
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
