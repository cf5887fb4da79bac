// ThreadSanitizer annotations for Debian's prebuilt Abseil synchronization
// primitives.  Only linked under `--config=tsan` (see //third_party:absl).
//
// Why: Debian's libabsl_synchronization.so is compiled without
// -fsanitize=thread, so the ABSL_TSAN_MUTEX_* annotations inside
// absl::Mutex are compiled out, and absl::Mutex blocks on raw futex syscalls
// that TSan cannot intercept.  Without help, TSan sees no happens-before edge
// between an absl::Mutex Unlock() and the next Lock() and reports a data race
// on every ABSL_GUARDED_BY member touched from two threads.
//
// How: //third_party:absl passes `-Wl,--wrap=<symbol>` for each function
// below (tsan config only, and only with --dynamic_mode=off so that every
// object of ours is in the final link), which makes our calls go to
// __wrap_<symbol>; that calls the real function (__real_<symbol>) and tells
// TSan about the synchronisation with __tsan_acquire / __tsan_release on the
// Mutex's address.  Member functions are declared as free functions taking
// `this` as the first argument (Itanium C++ ABI); argument types are kept
// identical so that by-value absl::Duration / absl::Time pass the same way.
//
// Symbols are for Abseil 20220623 with Debian's inline namespace "debian3"
// (absl/base/options.h).  If the namespace changes the link fails loudly
// (undefined __real_...), it never silently does the wrong thing.

#if !defined(__SANITIZE_THREAD__) && defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define __SANITIZE_THREAD__ 1
#endif
#endif

#ifdef __SANITIZE_THREAD__

#include <atomic>
#include <cstddef>

#include "absl/synchronization/barrier.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);

namespace {

using absl::Condition;
using absl::Duration;
using absl::Mutex;
using absl::Time;

void Acquire(const void* p) { __tsan_acquire(const_cast<void*>(p)); }
void Release(const void* p) { __tsan_release(const_cast<void*>(p)); }

// Mirror of absl::Notification's private layout, to find `notified_yet_`
// (HasBeenNotified() is inline and does an acquire-load on it).
struct NotificationLayout {
  Mutex mutex_;
  std::atomic<bool> notified_yet_;
};
static_assert(sizeof(NotificationLayout) == sizeof(absl::Notification),
              "absl::Notification layout changed; update the TSan shim");

const void* NotifiedFlag(const void* n) {
  return &static_cast<const NotificationLayout*>(n)->notified_yet_;
}

// absl::Mutex evaluates a waiter's Condition inside the library while it
// holds the lock, possibly on another (the unlocking) thread, before the
// wrapped Lock*/Await* call returns.  Wrap the condition so that every
// evaluation is bracketed by an acquire and a release of the mutex in TSan's
// eyes.
struct AnnotatedCondition {
  Mutex* mu;
  const Condition* cond;
  static bool Eval(void* arg) {
    auto* self = static_cast<AnnotatedCondition*>(arg);
    Acquire(self->mu);
    bool result = self->cond->Eval();
    // The evaluating thread may drop the lock inside the library right after
    // this (e.g. a waiter whose condition is still false goes to sleep).
    Release(self->mu);
    return result;
  }
};

}  // namespace

// Builds `cw`, the annotated stand-in for condition `c` on mutex `m`.
#define ANNOTATE_COND(m, c)         \
  AnnotatedCondition ac{(m), &(c)}; \
  Condition cw(&AnnotatedCondition::Eval, &ac)
#define RELEASE_AND_ANNOTATE_COND(m, c) \
  Release(m);                           \
  ANNOTATE_COND(m, c)

// Declares __real_<SYM> and defines __wrap_<SYM>.
#define WRAP(RET, SYM, PARAMS, ARGS, BEFORE, AFTER) \
  extern "C" RET __real_##SYM PARAMS;               \
  extern "C" RET __wrap_##SYM PARAMS {              \
    BEFORE;                                         \
    RET r = __real_##SYM ARGS;                      \
    AFTER;                                          \
    return r;                                       \
  }
#define WRAP_VOID(SYM, PARAMS, ARGS, BEFORE, AFTER) \
  extern "C" void __real_##SYM PARAMS;              \
  extern "C" void __wrap_##SYM PARAMS {             \
    BEFORE;                                         \
    __real_##SYM ARGS;                              \
    AFTER;                                          \
  }
#define NOTHING (void)0

// ---- absl::Mutex: exclusive ------------------------------------------------
// void Mutex::Lock()
WRAP_VOID(_ZN4absl7debian35Mutex4LockEv, (Mutex * m), (m), NOTHING, Acquire(m))
// void Mutex::Unlock()
WRAP_VOID(_ZN4absl7debian35Mutex6UnlockEv, (Mutex * m), (m), Release(m),
          NOTHING)
// bool Mutex::TryLock()
WRAP(bool, _ZN4absl7debian35Mutex7TryLockEv, (Mutex * m), (m), NOTHING,
     if (r) Acquire(m))
// void Mutex::LockWhen(const Condition&)
WRAP_VOID(_ZN4absl7debian35Mutex8LockWhenERKNS0_9ConditionE,
          (Mutex * m, const Condition& c), (m, cw), ANNOTATE_COND(m, c),
          Acquire(m))
// bool Mutex::LockWhenWithTimeout(const Condition&, Duration)  (always locks)
WRAP(
    bool,
    _ZN4absl7debian35Mutex19LockWhenWithTimeoutERKNS0_9ConditionENS0_8DurationE,
    (Mutex * m, const Condition& c, Duration d), (m, cw, d),
    ANNOTATE_COND(m, c), Acquire(m))
// bool Mutex::LockWhenWithDeadline(const Condition&, Time)  (always locks)
WRAP(bool,
     _ZN4absl7debian35Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE,
     (Mutex * m, const Condition& c, Time t), (m, cw, t), ANNOTATE_COND(m, c),
     Acquire(m))

// ---- absl::Mutex: shared ---------------------------------------------------
WRAP_VOID(_ZN4absl7debian35Mutex10ReaderLockEv, (Mutex * m), (m), NOTHING,
          Acquire(m))
WRAP_VOID(_ZN4absl7debian35Mutex12ReaderUnlockEv, (Mutex * m), (m), Release(m),
          NOTHING)
WRAP(bool, _ZN4absl7debian35Mutex13ReaderTryLockEv, (Mutex * m), (m), NOTHING,
     if (r) Acquire(m))
WRAP_VOID(_ZN4absl7debian35Mutex14ReaderLockWhenERKNS0_9ConditionE,
          (Mutex * m, const Condition& c), (m, cw), ANNOTATE_COND(m, c),
          Acquire(m))
WRAP(
    bool,
    _ZN4absl7debian35Mutex25ReaderLockWhenWithTimeoutERKNS0_9ConditionENS0_8DurationE,
    (Mutex * m, const Condition& c, Duration d), (m, cw, d),
    ANNOTATE_COND(m, c), Acquire(m))
WRAP(
    bool,
    _ZN4absl7debian35Mutex26ReaderLockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE,
    (Mutex * m, const Condition& c, Time t), (m, cw, t), ANNOTATE_COND(m, c),
    Acquire(m))

// ---- absl::Mutex::Await*: drops and re-takes the lock inside ---------------
WRAP_VOID(_ZN4absl7debian35Mutex5AwaitERKNS0_9ConditionE,
          (Mutex * m, const Condition& c), (m, cw),
          RELEASE_AND_ANNOTATE_COND(m, c), Acquire(m))
WRAP(bool,
     _ZN4absl7debian35Mutex16AwaitWithTimeoutERKNS0_9ConditionENS0_8DurationE,
     (Mutex * m, const Condition& c, Duration d), (m, cw, d),
     RELEASE_AND_ANNOTATE_COND(m, c), Acquire(m))
WRAP(bool,
     _ZN4absl7debian35Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE,
     (Mutex * m, const Condition& c, Time t), (m, cw, t),
     RELEASE_AND_ANNOTATE_COND(m, c), Acquire(m))

// ---- absl::ReleasableMutexLock::Release() (unlocks inside the .so) ---------
WRAP_VOID(_ZN4absl7debian319ReleasableMutexLock7ReleaseEv, (void* self), (self),
          Release(*static_cast<Mutex**>(self)), NOTHING)

// ---- absl::CondVar::Wait*: drops and re-takes the mutex inside -------------
WRAP_VOID(_ZN4absl7debian37CondVar4WaitEPNS0_5MutexE, (void* cv, Mutex* m),
          (cv, m), Release(m), Acquire(m))
WRAP(bool, _ZN4absl7debian37CondVar15WaitWithTimeoutEPNS0_5MutexENS0_8DurationE,
     (void* cv, Mutex* m, Duration d), (cv, m, d), Release(m), Acquire(m))
WRAP(bool, _ZN4absl7debian37CondVar16WaitWithDeadlineEPNS0_5MutexENS0_4TimeE,
     (void* cv, Mutex* m, Time t), (cv, m, t), Release(m), Acquire(m))

// ---- absl::Notification ----------------------------------------------------
WRAP_VOID(_ZN4absl7debian312Notification6NotifyEv, (void* n), (n),
          (Release(n), Release(NotifiedFlag(n))), NOTHING)
WRAP_VOID(_ZNK4absl7debian312Notification19WaitForNotificationEv,
          (const void* n), (n), NOTHING, Acquire(n))
WRAP(
    bool,
    _ZNK4absl7debian312Notification30WaitForNotificationWithTimeoutENS0_8DurationE,
    (const void* n, Duration d), (n, d), NOTHING, if (r) Acquire(n))
WRAP(
    bool,
    _ZNK4absl7debian312Notification31WaitForNotificationWithDeadlineENS0_4TimeE,
    (const void* n, Time t), (n, t), NOTHING, if (r) Acquire(n))

// ---- absl::BlockingCounter / absl::Barrier ---------------------------------
WRAP(bool, _ZN4absl7debian315BlockingCounter14DecrementCountEv, (void* b), (b),
     Release(b), if (r) Acquire(b))
WRAP_VOID(_ZN4absl7debian315BlockingCounter4WaitEv, (void* b), (b), NOTHING,
          Acquire(b))
WRAP(bool, _ZN4absl7debian37Barrier5BlockEv, (void* b), (b), Release(b),
     Acquire(b))

#endif  // __SANITIZE_THREAD__
