// Heap-allocation counting for the benchmarks.
//
// alloc_counter.cc replaces the global operator new/delete (every variant:
// plain, array, nothrow, sized, aligned) of the benchmark binary. Each
// allocation through operator new bumps a counter of the calling thread;
// memory obtained with malloc() directly is not counted (core/ and
// protocol/ allocate only through operator new).
//
// The counter is per thread (a thread_local, read without atomics) rather
// than one global atomic: a shared atomic would bounce its cache line between
// the two threads of BM_GetSecretValueByStage/threads:2 on every allocation
// and distort the very scaling that benchmark measures. Google Benchmark
// sums counters over threads, so the reported value is still
// (allocations of all threads) / (iterations of all threads).
//
// Under a sanitizer the runtime owns operator new, so nothing is replaced
// and allocs_per_op is reported as -1.
#ifndef SECRETSTAGE_BENCH_ALLOC_COUNTER_H_
#define SECRETSTAGE_BENCH_ALLOC_COUNTER_H_

#include <cstdint>

#include "benchmark/benchmark.h"

namespace secretstage::bench {

// True when this binary counts allocations (false under sanitizers).
bool AllocationCountingEnabled();

// operator new calls made by the calling thread since it started.
uint64_t ThreadAllocations();

// Counts the calling thread's allocations from construction to Report():
//   AllocCounter allocs;
//   for (auto _ : state) { ... }
//   allocs.Report(state);   // sets state.counters["allocs_per_op"]
// Construct it right before the timed loop and report right after it, so
// that set-up and tear-down allocations are not counted.
class AllocCounter {
 public:
  AllocCounter() : start_(ThreadAllocations()) {}
  // Leaves the allocations made by `f()` out of the count (work done with
  // the timer paused).
  template <typename F>
  void Exclude(F f) {
    const uint64_t before = ThreadAllocations();
    f();
    excluded_ += ThreadAllocations() - before;
  }
  void Report(benchmark::State& state) const;

 private:
  uint64_t start_;
  uint64_t excluded_ = 0;
};

}  // namespace secretstage::bench

#endif  // SECRETSTAGE_BENCH_ALLOC_COUNTER_H_
