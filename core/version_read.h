// Internal: reading one version of a secret, as GetSecretValue and
// BatchGetSecretValue do, and the access dates that reading records.
#ifndef SECRETSTAGE_CORE_VERSION_READ_H_
#define SECRETSTAGE_CORE_VERSION_READ_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/secret.h"
#include "model/get_secret_value.h"

namespace secretstage::internal {

// Unix seconds of UTC midnight of `t`'s day (LastAccessedDate resolution).
int64_t DayOf(absl::Time t);

// The LastAccessedDate a RelaxedInt64 day holds, or nullopt if never read.
std::optional<absl::Time> AccessDate(const RelaxedInt64& day);

// The version GetSecretValue returns for `version_id` / `version_stage`
// (both nullopt: AWSCURRENT), with the errors of docs/state-machine.md
// "GetSecretValue": unknown id or stage and value-less placeholders are
// ResourceNotFoundException, a purged id or an id/stage mismatch is
// InvalidRequestException. On success records today's date (store clock
// `now`) as the LastAccessedDate of the version and of the secret.
//
// The caller has already resolved `secret` (FindUsableLocked: not scheduled
// for deletion) and holds its shard lock; a shared lock suffices, as the
// access dates are relaxed atomics.
absl::StatusOr<model::GetSecretValueResponse> ReadVersion(
    Secret& secret, const std::optional<std::string>& version_id,
    const std::optional<std::string>& version_stage, absl::Time now);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_VERSION_READ_H_
