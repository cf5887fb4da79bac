// Where a SecretStore reads the time.
#ifndef SECRETSTAGE_CORE_CLOCK_H_
#define SECRETSTAGE_CORE_CLOCK_H_

#include <atomic>
#include <cstdint>

#include "absl/time/time.h"

namespace secretstage {

// Thread-safe. Now() never goes backwards for the clocks below.
class Clock {
 public:
  virtual ~Clock() = default;
  // The current time, truncated to milliseconds (AWS's wire precision).
  virtual absl::Time Now() const = 0;
};

// The system clock.
class RealClock final : public Clock {
 public:
  absl::Time Now() const override;
};

// A virtual clock that moves only when told to: tests and simulators own
// the timeline, so runs are reproducible.
class ManualClock final : public Clock {
 public:
  // 2024-01-01T00:00:00Z, fixed so that replays are byte-identical.
  static absl::Time DefaultStart();

  explicit ManualClock(absl::Time start = DefaultStart());

  absl::Time Now() const override;
  // Moves the clock forward by `d`, truncated to milliseconds. A negative
  // duration is a programming error and is ignored.
  void Advance(absl::Duration d);
  // Sets the clock; a time before Now() is ignored.
  void Set(absl::Time t);

 private:
  std::atomic<int64_t> now_ms_;
};

}  // namespace secretstage

#endif  // SECRETSTAGE_CORE_CLOCK_H_
