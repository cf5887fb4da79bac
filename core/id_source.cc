#include "core/id_source.h"

#include <string_view>

namespace secretstage {

IdSource::IdSource(uint64_t seed) : rng_(seed) {}

std::string IdSource::ArnSuffix() {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out(6, '\0');
  absl::MutexLock lock(&mu_);
  for (char& c : out) c = kAlphabet[rng_() % kAlphabet.size()];
  return out;
}

std::string IdSource::Uuid() {
  static constexpr std::string_view kHex = "0123456789abcdef";
  uint64_t hi, lo;
  {
    absl::MutexLock lock(&mu_);
    hi = rng_();
    lo = rng_();
  }
  // RFC 4122 version 4, variant 10xx.
  hi = (hi & ~uint64_t{0xF000}) | uint64_t{0x4000};
  lo = (lo & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 32; ++i) {
    const uint64_t word = i < 16 ? hi : lo;
    const int shift = 60 - 4 * (i % 16);
    out.push_back(kHex[(word >> shift) & 0xF]);
    if (i == 7 || i == 11 || i == 15 || i == 19) out.push_back('-');
  }
  return out;
}

uint64_t IdSource::Uniform(uint64_t n) {
  if (n == 0) return 0;
  // 2^64 mod n: draws below it would make the low residues likelier.
  const uint64_t threshold = (0 - n) % n;
  absl::MutexLock lock(&mu_);
  for (;;) {
    const uint64_t r = rng_();
    if (r >= threshold) return r % n;
  }
}

}  // namespace secretstage
