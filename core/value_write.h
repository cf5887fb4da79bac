// Internal: a new value for a secret (PutSecretValue, UpdateSecret with a
// value, CreateSecret with a value) and the label moves it causes.
#ifndef SECRETSTAGE_CORE_VALUE_WRITE_H_
#define SECRETSTAGE_CORE_VALUE_WRITE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/secret.h"

namespace secretstage::internal {

struct Quotas {
  int max_labels_per_secret;
  int max_versions_per_secret;
  absl::Duration min_age_before_purge;
};

struct ValueWrite {
  std::string_view token;  // the VersionId
  ValueKind kind;          // kString or kBinary
  std::string_view value;
  // The requested VersionStages; nullptr means ["AWSCURRENT"].
  const std::vector<std::string>* stages = nullptr;
  // A rotation placeholder (kind kNone, stages [AWSPENDING]): AWSCURRENT is
  // not added even if it is the secret's first version (semantics §1.6).
  bool placeholder = false;
};

struct ValueWriteResult {
  uint32_t version;  // index of the written version in secret.versions
  bool changed;      // false for an idempotent repeat
  bool created = false;              // a new version (not a filled one)
  std::vector<std::string> purged;   // ids purged by the version quota
};

// Writes `write` into `secret` following docs/state-machine.md ("attach
// labels L to version n"): idempotent repeats, filling a value-less
// version, the AWSCURRENT/AWSPREVIOUS/AWSPENDING moves, the label quota and
// the version quota with purging. Everything is checked before anything
// changes: on error `secret` is untouched.
absl::StatusOr<ValueWriteResult> WriteValue(Secret& secret,
                                            const ValueWrite& write,
                                            absl::Time now,
                                            const Quotas& quotas);

// The LimitExceededException for more than `max` labels.
absl::Status TooManyLabels(int max);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_VALUE_WRITE_H_
