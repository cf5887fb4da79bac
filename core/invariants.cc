// SecretStore::CheckInvariants: the numbered invariants of
// docs/state-machine.md, checked over every secret.
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "core/absl_compat.h"
#include "core/secret.h"
#include "core/secret_store.h"
#include "model/labels.h"

namespace secretstage {
namespace {

using internal::Secret;
using internal::Sv;

absl::Status Broken(int number, const Secret& secret, std::string_view what) {
  return absl::InternalError(absl::StrCat("invariant ", number, " violated for ",
                                          secret.Arn(), ": ", internal::Sv(what)));
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

absl::Status CheckVersions(const Secret& s, absl::Time now) {
  // 5. Version ids: each found at its own position, none purged.
  if ((s.version_index != nullptr) !=
      (s.versions.size() > internal::kLinearVersions)) {
    return Broken(5, s, "version index present iff more than 8 versions");
  }
  for (uint32_t i = 0; i < s.versions.size(); ++i) {
    const internal::Version& v = s.versions[i];
    if (s.FindVersion(v.id) != static_cast<int64_t>(i)) {
      return Broken(5, s, absl::StrCat("version ", Sv(v.id), " is mis-indexed"));
    }
    if (s.IsPurged(v.id)) {
      return Broken(5, s, absl::StrCat("live version ", Sv(v.id), " is purged"));
    }
    if (i > 0 && !(s.versions[i - 1].creation_seq < v.creation_seq)) {
      return Broken(5, s, "versions out of creation order");
    }
    // 7. Values: SecretString may hold 65,536 characters of up to 4 bytes.
    if (v.kind != internal::ValueKind::kNone &&
        (v.value.empty() || v.value.size() > 4 * 65536)) {
      return Broken(7, s, absl::StrCat("version ", Sv(v.id), " value size"));
    }
    if (v.kind == internal::ValueKind::kNone && !v.value.empty()) {
      return Broken(7, s, absl::StrCat("version ", Sv(v.id), " has a stray value"));
    }
    // 9. Time.
    if (v.created > now) {
      return Broken(9, s,
                    absl::StrCat("version ", Sv(v.id), " created in the future"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckSecret(const Secret& s, std::string_view key,
                         std::string_view arn_prefix,
                         const StoreOptions& options, absl::Time now) {
  // 1. One holder per label.
  std::set<std::string> seen;
  for (const internal::LabelSlot& slot : s.labels) {
    if (!seen.insert(slot.name.str()).second) {
      return Broken(1, s, absl::StrCat("label ", Sv(slot.name), " has two holders"));
    }
  }
  // 2. The label index agrees with the versions.
  for (const internal::LabelSlot& slot : s.labels) {
    if (slot.version >= s.versions.size()) {
      return Broken(2, s, absl::StrCat("label ", Sv(slot.name),
                                       " names a missing version"));
    }
    if (slot.name.empty()) return Broken(2, s, "empty label");
  }
  // 3. Label quota.
  if (static_cast<int64_t>(s.labels.size()) > options.max_labels_per_secret) {
    return Broken(3, s, absl::StrCat(s.labels.size(), " labels"));
  }
  // 4. Version quota.
  if (static_cast<int64_t>(s.versions.size()) >
      options.max_versions_per_secret) {
    return Broken(4, s, absl::StrCat(s.versions.size(), " versions"));
  }
  if (absl::Status st = CheckVersions(s, now); !st.ok()) return st;
  // 6. Names and ARNs.
  if (s.name != key) return Broken(6, s, "indexed under another name");
  if (s.arn_prefix == nullptr || *s.arn_prefix != arn_prefix) {
    return Broken(6, s, "ARN does not match the name");
  }
  for (char c : s.arn_suffix) {
    if (!IsAlnum(c)) return Broken(6, s, "bad ARN suffix");
  }
  // 8. AWSCURRENT, once attached, stays attached.
  if (s.had_current && s.FindLabel(model::kAwsCurrent) == nullptr) {
    return Broken(8, s, "AWSCURRENT was removed");
  }
  // 9. Time.
  if (s.deletion_date.has_value() != s.deletion_requested.has_value() ||
      (s.deletion_date && !(*s.deletion_requested < *s.deletion_date))) {
    return Broken(9, s, "deletion dates inconsistent");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status SecretStore::CheckInvariants() const {
  for (const Shard& shard : shards_) {
    ReaderLockGuard lock(&shard.mu);
    // Read the clock under the lock: a writer reads it before taking
    // the lock, so a time read earlier can precede versions this shard
    // shows (a false "created in the future" while other threads run
    // and the clock moves; //tests/stress).
    const absl::Time now = clock_->Now();
    for (const auto& secret : shard.by_name) {
      const std::string_view name = secret->name;
      if (&ShardFor(name) != &shard) {
        return Broken(6, *secret, "stored in the wrong shard");
      }
      if (absl::Status st =
              CheckSecret(*secret, name, arn_prefix_, options_, now);
          !st.ok()) {
        return st;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace secretstage
