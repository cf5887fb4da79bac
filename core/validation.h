// Internal: the model constraints of the Secrets Manager API (lengths,
// ranges, patterns) and the secret-name rule, with AWS's message texts.
#ifndef SECRETSTAGE_CORE_VALIDATION_H_
#define SECRETSTAGE_CORE_VALIDATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace secretstage::internal {

// Collects constraint violations in the order they are checked and turns
// them into one ValidationException: "1 validation error detected: Value
// 'x' at 'member' failed to satisfy constraint: Member must ..." or
// "N validation errors detected: A; B".
class ConstraintChecker {
 public:
  // Length of `value` in bytes (characters for SecretString, see
  // `count_utf8_chars`) must be in [min, max]. A sensitive value is not
  // echoed in the message.
  void Length(std::string_view member, std::string_view value, int64_t min,
              int64_t max, bool sensitive = false, bool count_utf8_chars = false);
  // As Length() when `value` is present.
  void OptionalLength(std::string_view member,
                      const std::optional<std::string>& value,
              int64_t min, int64_t max, bool sensitive = false,
              bool count_utf8_chars = false);
  // Number of list items must be in [min, max].
  void ListSize(std::string_view member, size_t size, int64_t min, int64_t max);
  // As above for a list of strings, echoed as Java prints a list
  // ("Value '[a, b]' at 'member' ..."; decisions.md "Client request tokens":
  // list sizes use the "Value '<v>'" form, only SecretString/SecretBinary
  // are not echoed).
  void ListSize(std::string_view member, const std::vector<std::string>& items,
                int64_t min, int64_t max);
  // Each item's length must be in [min, max].
  void EachLength(std::string_view member, const std::vector<std::string>& items,
                  int64_t min, int64_t max);
  void Range(std::string_view member, int64_t value, int64_t min, int64_t max);
  // Every character of `value` must be in `allowed`; `pattern` is the regex
  // quoted in the message.
  void Charset(std::string_view member, std::string_view value,
               std::string_view pattern, bool (*allowed)(char));
  // `value` must be one of `allowed` ("Member must satisfy enum value set:
  // [a, b]", the set in the order given).
  void Enum(std::string_view member, std::string_view value,
            const std::vector<std::string_view>& allowed);
  // A violation whose text the caller composed ("Value ... at ... failed to
  // satisfy constraint: ..."), for constraint shapes not covered above.
  void Add(std::string violation);

  // OK when nothing was violated, else the ValidationException.
  absl::Status ToStatus() const;

 private:
  std::vector<std::string> errors_;
};

// Secret names: ASCII letters, digits and /_+=.@- (semantics.md §3).
bool IsValidNameChar(char c);

// The same rule as one table load per character (inlined on the
// SecretId hot path: was 181 instructions for a 14-character name through
// IsValidNameChar, BM_MoveCustomLabel/secrets:1, callgrind).
struct NameCharTable {
  bool ok[256];
  constexpr NameCharTable() : ok() {
    for (int c = 0; c < 256; ++c) {
      ok[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '+' ||
              c == '=' || c == '.' || c == '@' || c == '-';
    }
  }
};
inline constexpr NameCharTable kNameChars;
#if defined(__SSE2__)
// 0xFFFF when all 16 bytes of `v` are name characters: letters (c | 0x20 in
// a..z), '-' '.' '/' and digits (0x2D..0x39, one range), '+', '=', '@', '_'.
inline int NameCharMask16(__m128i v) {
  auto in_range = [](__m128i x, char lo, char hi) {
    // Unsigned lo <= x <= hi as one signed compare after a bias.
    const __m128i t = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(t, _mm_set1_epi8(static_cast<char>(-128 + (hi - lo) + 1)));
  };
  const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
  __m128i ok = in_range(lower, 'a', 'z');
  ok = _mm_or_si128(ok, in_range(v, '-', '9'));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('+')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('=')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('@')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
  return _mm_movemask_epi8(ok);
}
#endif

// Whether every character of `name` is a name character. 16 at a time with
// SSE2 (overlapping loads, never outside `name`): 56 table-loop
// instructions became ~20 for a 14-character name.
inline bool AllValidNameChars(std::string_view name) {
  const char* p = name.data();
  const size_t n = name.size();
#if defined(__SSE2__)
  if (n >= 8) {
    __m128i last;
    if (n >= 16) {
      for (size_t i = 0; i + 16 < n; i += 16) {
        if (NameCharMask16(_mm_loadu_si128(
                reinterpret_cast<const __m128i*>(p + i))) != 0xFFFF) {
          return false;
        }
      }
      last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
    } else {  // 8..15: the first and the last 8 bytes
      last = _mm_unpacklo_epi64(
          _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)),
          _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + n - 8)));
    }
    return NameCharMask16(last) == 0xFFFF;
  }
#endif
  bool ok = true;
  for (size_t i = 0; i < n; ++i) {
    ok &= kNameChars.ok[static_cast<unsigned char>(p[i])];
  }
  return ok;
}
// ValidationException "Invalid name. ..." for a bad name; OK otherwise.
absl::Status CheckSecretNameChars(std::string_view name);

// SecretString length in characters (UTF-8 code points), as the model counts.
int64_t Utf8Length(std::string_view s);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_VALIDATION_H_
