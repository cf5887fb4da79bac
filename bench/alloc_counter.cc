#include "bench/alloc_counter.h"

#include <cstdlib>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define SECRETSTAGE_BENCH_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SECRETSTAGE_BENCH_SANITIZED 1
#endif

namespace secretstage::bench {
namespace {

// Initial-exec TLS in the main executable: one add to %fs-relative memory.
thread_local uint64_t thread_allocations = 0;

}  // namespace

#ifdef SECRETSTAGE_BENCH_SANITIZED
bool AllocationCountingEnabled() { return false; }
#else
bool AllocationCountingEnabled() { return true; }
#endif

uint64_t ThreadAllocations() { return thread_allocations; }

void AllocCounter::Report(benchmark::State& state) const {
  if (!AllocationCountingEnabled()) {
    state.counters["allocs_per_op"] = -1;
    return;
  }
  // Summed over threads, divided by the iterations of all threads.
  state.counters["allocs_per_op"] = benchmark::Counter(
      static_cast<double>(ThreadAllocations() - start_ - excluded_),
      benchmark::Counter::kAvgIterations);
}

#ifndef SECRETSTAGE_BENCH_SANITIZED
namespace {

void* Allocate(std::size_t size) {
  ++thread_allocations;
  if (size == 0) size = 1;
  for (;;) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* AllocateAligned(std::size_t size, std::align_val_t align) {
  ++thread_allocations;
  std::size_t alignment = static_cast<std::size_t>(align);
  if (alignment < sizeof(void*)) alignment = sizeof(void*);
  if (size == 0) size = 1;
  for (;;) {
    void* p = nullptr;
    if (posix_memalign(&p, alignment, size) == 0) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* AllocateNoThrow(std::size_t size) noexcept {
  try {
    return Allocate(size);
  } catch (...) {
    return nullptr;
  }
}

void* AllocateAlignedNoThrow(std::size_t size, std::align_val_t align) noexcept {
  try {
    return AllocateAligned(size, align);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace
#endif  // SECRETSTAGE_BENCH_SANITIZED

}  // namespace secretstage::bench

#ifndef SECRETSTAGE_BENCH_SANITIZED
using secretstage::bench::Allocate;
using secretstage::bench::AllocateAligned;
using secretstage::bench::AllocateAlignedNoThrow;
using secretstage::bench::AllocateNoThrow;

void* operator new(std::size_t n) { return Allocate(n); }
void* operator new[](std::size_t n) { return Allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  return AllocateNoThrow(n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return AllocateNoThrow(n);
}
void* operator new(std::size_t n, std::align_val_t a) {
  return AllocateAligned(n, a);
}
void* operator new[](std::size_t n, std::align_val_t a) {
  return AllocateAligned(n, a);
}
void* operator new(std::size_t n, std::align_val_t a,
                   const std::nothrow_t&) noexcept {
  return AllocateAlignedNoThrow(n, a);
}
void* operator new[](std::size_t n, std::align_val_t a,
                     const std::nothrow_t&) noexcept {
  return AllocateAlignedNoThrow(n, a);
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t,
                     const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t,
                       const std::nothrow_t&) noexcept {
  std::free(p);
}
#endif  // SECRETSTAGE_BENCH_SANITIZED
