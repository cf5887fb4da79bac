// Internal: compact value types for the in-memory representation of a
// secret (core/secret.h). They exist to cut memory per secret (issue 5:
// at most 600 bytes per secret at 1M secrets x 2 versions) and to keep the
// fields the label-move hot path reads inline, so that a lookup touches few
// cache lines. docs/design.md gives the measured effect of each.
#ifndef SECRETSTAGE_CORE_COMPACT_H_
#define SECRETSTAGE_CORE_COMPACT_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/time/time.h"

namespace secretstage::internal {

// Unaligned little-endian loads.
inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// a[0..n) == b[0..n), inlined, without a call to memcmp: overlapping
// 16/8/4-byte loads that never read outside either range. For the short
// strings of the hot path (names, 36-byte version ids, labels) this is a
// few instructions where memcmp@plt was ~20 plus the call.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool BytesEqual(const char* a, const char* b,
                                                   size_t n) {
#if defined(__SSE2__)
  if (n >= 16) {
    size_t i = 0;
    for (; i + 16 < n; i += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
      const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
      if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) != 0xFFFF) return false;
    }
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + n - 16));
    const __m128i y =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + n - 16));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) == 0xFFFF;
  }
#else
  if (n >= 16) return std::memcmp(a, b, n) == 0;
#endif
  if (n >= 8) {
    return ((Load64(a) ^ Load64(b)) | (Load64(a + n - 8) ^ Load64(b + n - 8))) == 0;
  }
  if (n >= 4) {
    return ((Load32(a) ^ Load32(b)) | (Load32(a + n - 4) ^ Load32(b + n - 4))) == 0;
  }
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}
inline bool SvEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && BytesEqual(a.data(), b.data(), a.size());
}

// A string stored inline when it has at most kInline bytes, else in one
// heap block [uint32 size][bytes]. sizeof == kInline + 1; unused inline
// bytes are zero. Used for version ids (kInline 39: a 36-byte UUID fits, no
// heap block), label names (11: AWSPREVIOUS fits) and values (8).
template <size_t kInline>
class SmallString {
  static_assert(kInline >= sizeof(char*) && kInline < 255);

 public:
  SmallString() { std::memset(data_, 0, sizeof(data_)); }
  explicit SmallString(std::string_view s) { Init(s); }
  SmallString(const SmallString& o) { Init(o.view()); }
  SmallString(SmallString&& o) noexcept { Steal(o); }
  SmallString& operator=(const SmallString& o) {
    if (this != &o) assign(o.view());
    return *this;
  }
  SmallString& operator=(SmallString&& o) noexcept {
    if (this != &o) {
      Free();
      Steal(o);
    }
    return *this;
  }
  SmallString& operator=(std::string_view s) {
    assign(s);
    return *this;
  }
  ~SmallString() { Free(); }

  void assign(std::string_view s) {
    if (s.size() <= kInline && tag_ != kHeap) {  // common: no allocation
      // An empty string_view may have data() == nullptr, which memmove
      // must not get even for 0 bytes (UBSan, found by the fuzz target).
      if (!s.empty()) std::memmove(data_, s.data(), s.size());
      std::memset(data_ + s.size(), 0, kInline - s.size());
      tag_ = static_cast<uint8_t>(s.size());
      return;
    }
    const SmallString copy(s);  // `s` may point into *this
    Free();
    Steal(const_cast<SmallString&>(copy));
  }

  size_t size() const { return tag_ == kHeap ? HeapSize() : tag_; }
  bool empty() const { return tag_ == 0; }
  const char* data() const {
    return tag_ == kHeap ? HeapBlock() + sizeof(uint32_t) : data_;
  }
  std::string_view view() const { return {data(), size()}; }
  operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }
  // Equality without decoding the heap form when `s` would be inline: one
  // byte compare and one memcmp of at most kInline bytes.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool Equals(std::string_view s) const {
    if (s.size() <= kInline) {
      return tag_ == s.size() && BytesEqual(data_, s.data(), s.size());
    }
    return tag_ == kHeap && SvEqual(view(), s);
  }
  friend bool operator==(const SmallString& a, const SmallString& b) {
    return a.Equals(b.view());
  }
  friend bool operator==(const SmallString& a, std::string_view b) {
    return a.Equals(b);
  }

 private:
  static constexpr uint8_t kHeap = 255;
  char* HeapBlock() const {
    char* p;
    std::memcpy(&p, data_, sizeof(p));
    return p;
  }
  size_t HeapSize() const {
    uint32_t n;
    std::memcpy(&n, HeapBlock(), sizeof(n));
    return n;
  }
  void Init(std::string_view s) {
    std::memset(data_, 0, sizeof(data_));
    if (s.size() <= kInline) {
      if (!s.empty()) std::memcpy(data_, s.data(), s.size());
      tag_ = static_cast<uint8_t>(s.size());
      return;
    }
    char* p = new char[sizeof(uint32_t) + s.size()];
    const uint32_t n = static_cast<uint32_t>(s.size());
    std::memcpy(p, &n, sizeof(n));
    std::memcpy(p + sizeof(n), s.data(), s.size());
    std::memcpy(data_, &p, sizeof(p));
    tag_ = kHeap;
  }
  void Steal(SmallString& o) {
    std::memcpy(data_, o.data_, sizeof(data_));
    tag_ = o.tag_;
    o.tag_ = 0;
    std::memset(o.data_, 0, sizeof(o.data_));
  }
  void Free() {
    if (tag_ == kHeap) delete[] HeapBlock();
    tag_ = 0;
  }

  char data_[kInline];
  uint8_t tag_ = 0;  // size when inline, kHeap when on the heap
};

// An absl::Time in 8 bytes (Unix nanoseconds; the store's clock has
// millisecond precision). Converts to absl::Time implicitly; assign an
// absl::Time to set it.
class PackedTime {
 public:
  PackedTime() = default;
  explicit PackedTime(absl::Time t) : ns_(ToNanos(t)) {}
  // Inline (absl::ToUnixNanos is a library call: 17 instructions per label
  // move for last_changed, callgrind).
  PackedTime& operator=(absl::Time t) {
    ns_ = ToNanos(t);
    return *this;
  }
  operator absl::Time() const { return absl::FromUnixNanos(ns_); }  // NOLINT
  absl::Time time() const { return absl::FromUnixNanos(ns_); }
  friend bool operator==(PackedTime a, PackedTime b) { return a.ns_ == b.ns_; }
  friend bool operator<(PackedTime a, PackedTime b) { return a.ns_ < b.ns_; }

 private:
  static int64_t ToNanos(absl::Time t) {
    return absl::ToInt64Nanoseconds(t - absl::UnixEpoch());
  }
  int64_t ns_ = 0;
};

// An optional T that takes one pointer when empty: for the fields most
// secrets never set (description, rotation configuration, deletion dates).
// The subset of std::optional's interface that core/ uses.
template <typename T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(std::nullopt_t) {}  // NOLINT
  HeapOptional(const T& v) : p_(std::make_unique<T>(v)) {}       // NOLINT
  HeapOptional(T&& v) : p_(std::make_unique<T>(std::move(v))) {}  // NOLINT
  HeapOptional(const std::optional<T>& v) {                       // NOLINT
    if (v) p_ = std::make_unique<T>(*v);
  }
  HeapOptional(const HeapOptional& o) {
    if (o.p_) p_ = std::make_unique<T>(*o.p_);
  }
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& o) {
    if (this != &o) *this = o.opt();
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }
  HeapOptional& operator=(const std::optional<T>& v) {
    if (!v) {
      p_.reset();
    } else if (p_) {
      *p_ = *v;
    } else {
      p_ = std::make_unique<T>(*v);
    }
    return *this;
  }
  template <typename U = T,
            typename = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                        !std::is_same_v<std::decay_t<U>, HeapOptional> &&
                                        !std::is_same_v<std::decay_t<U>, std::optional<T>> &&
                                        !std::is_same_v<std::decay_t<U>, std::nullopt_t>>>
  HeapOptional& operator=(U&& v) {
    if (p_) {
      *p_ = std::forward<U>(v);
    } else {
      p_ = std::make_unique<T>(std::forward<U>(v));
    }
    return *this;
  }

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  const T& operator*() const { return *p_; }
  T& operator*() { return *p_; }
  const T* operator->() const { return p_.get(); }
  T* operator->() { return p_.get(); }
  const T& value() const { return *p_; }
  template <typename U>
  T value_or(U&& d) const {
    return p_ ? *p_ : static_cast<T>(std::forward<U>(d));
  }
  void reset() { p_.reset(); }
  template <typename... A>
  T& emplace(A&&... a) {
    p_ = std::make_unique<T>(std::forward<A>(a)...);
    return *p_;
  }
  // As a std::optional (a copy), for APIs and response fields that take one.
  std::optional<T> opt() const {
    return p_ ? std::optional<T>(*p_) : std::nullopt;
  }
  operator std::optional<T>() const { return opt(); }  // NOLINT

  friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
    if (!a.p_ || !b.p_) return !a.p_ && !b.p_;
    return *a.p_ == *b.p_;
  }
  friend bool operator==(const HeapOptional& a, const std::optional<T>& b) {
    if (!a.p_ || !b) return !a.p_ && !b;
    return *a.p_ == *b;
  }
  friend bool operator==(const HeapOptional& a, const T& b) {
    return a.p_ && *a.p_ == b;
  }
  friend bool operator==(const HeapOptional& a, std::nullopt_t) { return !a.p_; }

 private:
  std::unique_ptr<T> p_;
};

// A fast, non-cryptographic 64-bit hash of a short string (names, version
// ids): 8-byte words through a multiply-xorshift, then a 64-bit finaliser,
// so both the low bits (absl's H2) and the high bits (shard choice, H1) mix
// well. About 15 instructions for a 14-byte name; absl::Hash of a
// string_view cost ~108 (callgrind, BM_MoveCustomLabel/secrets:1).
inline uint64_t FastHash(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = 0x2545F4914F6CDD1DULL ^ (s.size() * kMul);
  const char* p = s.data();
  size_t n = s.size();
  if (n >= 8) {
    for (; n > 8; p += 8, n -= 8) {
      h = (h ^ Load64(p)) * kMul;
      h ^= h >> 29;
    }
    // The last 1..8 bytes as one load ending at the string's end.
    h = (h ^ Load64(p + n - 8)) * kMul;
    h ^= h >> 29;
  } else {
    uint64_t w;
    if (n >= 4) {
      w = Load32(p) | (uint64_t{Load32(p + n - 4)} << 32);
    } else if (n > 0) {
      w = static_cast<unsigned char>(p[0]) |
          (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          (uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    } else {
      w = 0;
    }
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_COMPACT_H_
