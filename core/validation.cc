#include "core/validation.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "core/absl_compat.h"
#include "core/errors.h"

namespace secretstage::internal {
namespace {


std::string ValuePart(std::string_view member, std::string_view value,
                      bool sensitive) {
  if (sensitive) return absl::StrCat("Value at '", Sv(member), "'");
  return absl::StrCat("Value '", Sv(value), "' at '", Sv(member), "'");
}

}  // namespace

int64_t Utf8Length(std::string_view s) {
  int64_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

void ConstraintChecker::Length(std::string_view member, std::string_view value,
                               int64_t min, int64_t max, bool sensitive,
                               bool count_utf8_chars) {
  const int64_t len = count_utf8_chars ? Utf8Length(value)
                                       : static_cast<int64_t>(value.size());
  if (len < min) {
    errors_.push_back(absl::StrCat(
        ValuePart(member, value, sensitive),
        " failed to satisfy constraint: Member must have length greater than "
        "or equal to ",
        min));
  } else if (len > max) {
    errors_.push_back(absl::StrCat(
        ValuePart(member, value, sensitive),
        " failed to satisfy constraint: Member must have length less than or "
        "equal to ",
        max));
  }
}

void ConstraintChecker::OptionalLength(std::string_view member,
                                       const std::optional<std::string>& value,
                               int64_t min, int64_t max, bool sensitive,
                               bool count_utf8_chars) {
  if (value) Length(member, *value, min, max, sensitive, count_utf8_chars);
}

void ConstraintChecker::ListSize(std::string_view member, size_t size,
                                 int64_t min, int64_t max) {
  const int64_t n = static_cast<int64_t>(size);
  if (n < min) {
    errors_.push_back(absl::StrCat(
        "Value at '", Sv(member),
        "' failed to satisfy constraint: Member must have length greater than "
        "or equal to ",
        min));
  } else if (n > max) {
    errors_.push_back(absl::StrCat(
        "Value at '", Sv(member),
        "' failed to satisfy constraint: Member must have length less than or "
        "equal to ",
        max));
  }
}

void ConstraintChecker::ListSize(std::string_view member,
                                 const std::vector<std::string>& items,
                                 int64_t min, int64_t max) {
  const int64_t n = static_cast<int64_t>(items.size());
  if (n >= min && n <= max) return;
  errors_.push_back(absl::StrCat(
      "Value '[", absl::StrJoin(items, ", "), "]' at '", Sv(member),
      "' failed to satisfy constraint: Member must have length ",
      n < min ? "greater than or equal to " : "less than or equal to ",
      n < min ? min : max));
}

void ConstraintChecker::EachLength(std::string_view member,
                                   const std::vector<std::string>& items,
                                   int64_t min, int64_t max) {
  for (const std::string& item : items) {
    const int64_t len = static_cast<int64_t>(item.size());
    if (len < min || len > max) {
      errors_.push_back(absl::StrCat(
          "Value '[", absl::StrJoin(items, ", "), "]' at '", Sv(member),
          "' failed to satisfy constraint: Member must satisfy constraint: "
          "[Member must have length less than or equal to ",
          max, ", Member must have length greater than or equal to ", min,
          "]"));
      return;
    }
  }
}

void ConstraintChecker::Range(std::string_view member, int64_t value,
                              int64_t min, int64_t max) {
  if (value < min) {
    errors_.push_back(absl::StrCat(
        "Value '", value, "' at '", Sv(member),
        "' failed to satisfy constraint: Member must have value greater than "
        "or equal to ",
        min));
  } else if (value > max) {
    errors_.push_back(absl::StrCat(
        "Value '", value, "' at '", Sv(member),
        "' failed to satisfy constraint: Member must have value less than or "
        "equal to ",
        max));
  }
}

void ConstraintChecker::Charset(std::string_view member, std::string_view value,
                                std::string_view pattern,
                                bool (*allowed)(char)) {
  for (char c : value) {
    if (!allowed(c)) {
      errors_.push_back(absl::StrCat(
          "Value '", Sv(value), "' at '", Sv(member),
          "' failed to satisfy constraint: Member must satisfy regular "
          "expression pattern: ",
          Sv(pattern)));
      return;
    }
  }
}

void ConstraintChecker::Enum(std::string_view member, std::string_view value,
                             const std::vector<std::string_view>& allowed) {
  for (std::string_view a : allowed) {
    if (a == value) return;
  }
  std::vector<absl::string_view> set;
  set.reserve(allowed.size());
  for (std::string_view a : allowed) set.push_back(Sv(a));
  errors_.push_back(absl::StrCat(
      "Value '", Sv(value), "' at '", Sv(member),
      "' failed to satisfy constraint: Member must satisfy enum value set: [",
      absl::StrJoin(set, ", "), "]"));
}

void ConstraintChecker::Add(std::string violation) {
  errors_.push_back(std::move(violation));
}

absl::Status ConstraintChecker::ToStatus() const {
  if (errors_.empty()) return absl::OkStatus();
  const std::string head =
      errors_.size() == 1
          ? std::string("1 validation error detected: ")
          : absl::StrCat(errors_.size(), " validation errors detected: ");
  return AwsError(model::ErrorCode::kValidationException,
                  absl::StrCat(head, absl::StrJoin(errors_, "; ")));
}

bool IsValidNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '+' ||
         c == '=' || c == '.' || c == '@' || c == '-';
}

absl::Status CheckSecretNameChars(std::string_view name) {
  if (AllValidNameChars(name)) return absl::OkStatus();
  return AwsError(model::ErrorCode::kValidationException,
                  "Invalid name. Must be a valid name containing "
                  "alphanumeric characters, or any of the following: "
                  "-/_+=.@!");
}

}  // namespace secretstage::internal
