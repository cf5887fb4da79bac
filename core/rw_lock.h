// A reader/writer lock that clang's -Wthread-safety understands and that
// ThreadSanitizer sees (it is one std::atomic; TSan models its acquire and
// release orderings; Debian's Abseil is not built with TSan annotations, so
// absl::Mutex would not be seen).
//
// Why not std::shared_mutex: its pthread_rwlock lock+unlock was 77
// instructions and two library calls per label move; this is one CAS to
// lock and one store to unlock, inlined (BM_MoveCustomLabel/secrets:1, see
// docs/design.md "Lock"). The store's critical sections are short (no I/O,
// no callbacks: rotation handlers and event listeners run unlocked), so a
// waiter spins briefly, then yields its CPU.
//
// State: bit 0 = a writer holds it; bit 1 = a writer waits (new readers
// hold off, so writers are not starved); bits 2.. = number of readers.
#ifndef SECRETSTAGE_CORE_RW_LOCK_H_
#define SECRETSTAGE_CORE_RW_LOCK_H_

#include <atomic>
#include <cstdint>
#include <thread>

#include "absl/base/optimization.h"
#include "absl/base/thread_annotations.h"

namespace secretstage {

class ABSL_LOCKABLE RwLock {
 public:
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() {
    uint32_t expected = 0;
    if (ABSL_PREDICT_TRUE(state_.compare_exchange_weak(
            expected, kWriter, std::memory_order_acquire,
            std::memory_order_relaxed))) {
      return;
    }
    LockSlow();
  }
  void Unlock() ABSL_UNLOCK_FUNCTION() {
    // Clears a waiting writer's bit too; it sets it again while it waits.
    state_.store(0, std::memory_order_release);
  }
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() {
    uint32_t s = state_.load(std::memory_order_relaxed);
    if (ABSL_PREDICT_TRUE((s & (kWriter | kWaiting)) == 0 &&
                          state_.compare_exchange_weak(
                              s, s + kReader, std::memory_order_acquire,
                              std::memory_order_relaxed))) {
      return;
    }
    ReaderLockSlow();
  }
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() {
    state_.fetch_sub(kReader, std::memory_order_release);
  }

 private:
  static constexpr uint32_t kWriter = 1;
  static constexpr uint32_t kWaiting = 2;
  static constexpr uint32_t kReader = 4;

  static void Pause(int& spins) {
    if (++spins < 64) {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    } else {
      std::this_thread::yield();
    }
  }
  void LockSlow() {
    int spins = 0;
    for (;;) {
      uint32_t s = state_.load(std::memory_order_relaxed);
      if ((s & ~kWaiting) == 0) {
        if (state_.compare_exchange_weak(s, kWriter, std::memory_order_acquire,
                                         std::memory_order_relaxed)) {
          return;
        }
        continue;
      }
      if ((s & kWaiting) == 0) {
        state_.fetch_or(kWaiting, std::memory_order_relaxed);
      }
      Pause(spins);
    }
  }
  void ReaderLockSlow() {
    int spins = 0;
    for (;;) {
      uint32_t s = state_.load(std::memory_order_relaxed);
      if ((s & (kWriter | kWaiting)) == 0) {
        if (state_.compare_exchange_weak(s, s + kReader,
                                         std::memory_order_acquire,
                                         std::memory_order_relaxed)) {
          return;
        }
        continue;
      }
      Pause(spins);
    }
  }

  std::atomic<uint32_t> state_{0};
};

class ABSL_SCOPED_LOCKABLE WriterLockGuard {
 public:
  explicit WriterLockGuard(RwLock* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu)
      : mu_(mu) {
    mu_->Lock();
  }
  ~WriterLockGuard() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }
  WriterLockGuard(const WriterLockGuard&) = delete;
  WriterLockGuard& operator=(const WriterLockGuard&) = delete;

 private:
  RwLock* const mu_;
};

class ABSL_SCOPED_LOCKABLE ReaderLockGuard {
 public:
  explicit ReaderLockGuard(RwLock* mu) ABSL_SHARED_LOCK_FUNCTION(mu)
      : mu_(mu) {
    mu_->ReaderLock();
  }
  ~ReaderLockGuard() ABSL_UNLOCK_FUNCTION() { mu_->ReaderUnlock(); }
  ReaderLockGuard(const ReaderLockGuard&) = delete;
  ReaderLockGuard& operator=(const ReaderLockGuard&) = delete;

 private:
  RwLock* const mu_;
};

}  // namespace secretstage

#endif  // SECRETSTAGE_CORE_RW_LOCK_H_
