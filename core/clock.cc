#include "core/clock.h"

#include "absl/time/clock.h"

namespace secretstage {
namespace {

absl::Time TruncateToMillis(absl::Time t) {
  return absl::FromUnixMillis(absl::ToUnixMillis(t));
}

}  // namespace

absl::Time RealClock::Now() const { return TruncateToMillis(absl::Now()); }

absl::Time ManualClock::DefaultStart() { return absl::FromUnixSeconds(1704067200); }

ManualClock::ManualClock(absl::Time start)
    : now_ms_(absl::ToUnixMillis(start)) {}

absl::Time ManualClock::Now() const {
  return absl::FromUnixMillis(now_ms_.load(std::memory_order_acquire));
}

void ManualClock::Advance(absl::Duration d) {
  const int64_t ms = absl::ToInt64Milliseconds(d);
  if (ms <= 0) return;
  now_ms_.fetch_add(ms, std::memory_order_acq_rel);
}

void ManualClock::Set(absl::Time t) {
  const int64_t target = absl::ToUnixMillis(t);
  int64_t cur = now_ms_.load(std::memory_order_acquire);
  while (target > cur &&
         !now_ms_.compare_exchange_weak(cur, target, std::memory_order_acq_rel)) {
  }
}

}  // namespace secretstage
