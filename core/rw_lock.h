// A reader/writer lock that clang's -Wthread-safety understands and that
// ThreadSanitizer sees (it is a std::shared_mutex underneath; Debian's
// Abseil is not built with TSan annotations, so absl::Mutex would not be).
#ifndef SECRETSTAGE_CORE_RW_LOCK_H_
#define SECRETSTAGE_CORE_RW_LOCK_H_

#include <shared_mutex>

#include "absl/base/thread_annotations.h"

namespace secretstage {

class ABSL_LOCKABLE RwLock {
 public:
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  void Unlock() ABSL_UNLOCK_FUNCTION() { mu_.unlock(); }
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() { mu_.lock_shared(); }
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() { mu_.unlock_shared(); }

 private:
  std::shared_mutex mu_;
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
