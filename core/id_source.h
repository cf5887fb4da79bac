// Where a SecretStore gets its random-looking identifiers.
#ifndef SECRETSTAGE_CORE_ID_SOURCE_H_
#define SECRETSTAGE_CORE_ID_SOURCE_H_

#include <cstdint>
#include <random>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace secretstage {

// A seeded generator of ARN suffixes, client request tokens and the
// randomness of GetRandomPassword. The same
// seed and the same sequence of calls give the same identifiers, so two
// stores built alike produce byte-identical results. Thread-safe.
class IdSource {
 public:
  explicit IdSource(uint64_t seed);

  // Six characters of [A-Za-z0-9], as AWS appends to secret ARNs.
  std::string ArnSuffix() ABSL_LOCKS_EXCLUDED(mu_);
  // A lowercase UUID version 4 (36 characters), as the AWS SDKs generate
  // for ClientRequestToken.
  std::string Uuid() ABSL_LOCKS_EXCLUDED(mu_);
  // A uniformly distributed integer in [0, n), without modulo bias
  // (rejection sampling). Draws from the same sequence as ArnSuffix() and
  // Uuid(), so it shifts the identifiers that follow it (still
  // reproducibly). n == 0 is a programming error and returns 0.
  uint64_t Uniform(uint64_t n) ABSL_LOCKS_EXCLUDED(mu_);

 private:
  absl::Mutex mu_;
  std::mt19937_64 rng_ ABSL_GUARDED_BY(mu_);
};

}  // namespace secretstage

#endif  // SECRETSTAGE_CORE_ID_SOURCE_H_
