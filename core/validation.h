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
// ValidationException "Invalid name. ..." for a bad name; OK otherwise.
absl::Status CheckSecretNameChars(std::string_view name);

// SecretString length in characters (UTF-8 code points), as the model counts.
int64_t Utf8Length(std::string_view s);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_VALIDATION_H_
