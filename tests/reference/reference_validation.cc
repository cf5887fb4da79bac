#include "tests/reference/reference_validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/errors.h"

namespace secretstage::reference {

using model::ErrorCode;

void Constraints::Add(const std::string& echoed_value, bool sensitive,
                      const char* member, const std::string& constraint) {
  // "Value 'v' at 'member' failed to satisfy constraint: Member must ...";
  // sensitive members are not echoed: "Value at 'secretString' ...".
  std::string value_part =
      sensitive ? "Value" : absl::StrCat("Value '", echoed_value, "'");
  violations_.push_back(absl::StrCat(value_part, " at '", member,
                                     "' failed to satisfy constraint: Member "
                                     "must ",
                                     constraint));
}

void Constraints::Length(const char* member,
                         const std::optional<std::string>& value, size_t min,
                         size_t max) {
  if (!value) return;
  if (value->size() < min) {
    Add(*value, false, member,
        absl::StrCat("have length greater than or equal to ", min));
  } else if (value->size() > max) {
    Add(*value, false, member,
        absl::StrCat("have length less than or equal to ", max));
  }
}

void Constraints::SensitiveLength(const char* member,
                                  const std::optional<std::string>& value,
                                  size_t min, size_t max) {
  if (!value) return;
  if (value->size() < min) {
    Add("", true, member,
        absl::StrCat("have length greater than or equal to ", min));
  } else if (value->size() > max) {
    Add("", true, member,
        absl::StrCat("have length less than or equal to ", max));
  }
}

void Constraints::Range(const char* member,
                        const std::optional<int64_t>& value, int64_t min,
                        int64_t max) {
  if (!value) return;
  if (*value < min) {
    Add(absl::StrCat(*value), false, member,
        absl::StrCat("have value greater than or equal to ", min));
  } else if (*value > max) {
    Add(absl::StrCat(*value), false, member,
        absl::StrCat("have value less than or equal to ", max));
  }
}

void Constraints::StageList(
    const char* member, const std::optional<std::vector<std::string>>& value) {
  if (!value) return;
  // The list is echoed as Java prints a List ("[a, b]"): only SecretString
  // and SecretBinary go unechoed (state-machine.md). The doc fixes no list
  // format; this one is AWS's usual.
  const std::string echoed = absl::StrCat("[", absl::StrJoin(*value, ", "), "]");
  if (value->empty()) {
    Add(echoed, false, member, "have length greater than or equal to 1");
  } else if (value->size() > 20) {
    Add(echoed, false, member, "have length less than or equal to 20");
  }
  // Items of the wrong length: one violation for the whole list, in AWS's
  // form for list members (spec silent; as SecretStore does).
  for (const std::string& item : *value) {
    if (item.empty() || item.size() > 256) {
      Add(echoed, false, member,
          "satisfy constraint: [Member must have length less than or equal "
          "to 256, Member must have length greater than or equal to 1]");
      break;
    }
  }
}

void Constraints::EachLength(const char* member,
                             const std::vector<std::string>& items,
                             size_t min, size_t max) {
  for (const std::string& item : items) {
    if (item.size() < min || item.size() > max) {
      Add(absl::StrCat("[", absl::StrJoin(items, ", "), "]"), false, member,
          absl::StrCat("satisfy constraint: [Member must have length less "
                       "than or equal to ",
                       max, ", Member must have length greater than or "
                       "equal to ",
                       min, "]"));
      return;
    }
  }
}

void Constraints::AlnumDashPattern(const char* member,
                                   const std::optional<std::string>& value) {
  if (!value) return;
  bool ok = !value->empty();
  for (char c : *value) {
    ok = ok && (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-');
  }
  if (!ok) {
    Add(*value, false, member,
        "satisfy regular expression pattern: ^[a-zA-Z0-9\\-]+$");
  }
}

absl::Status Constraints::ToStatus() const {
  if (violations_.empty()) return absl::OkStatus();
  const size_t n = violations_.size();
  return AwsError(ErrorCode::kValidationException,
                  absl::StrCat(n, n == 1 ? " validation error" :
                                           " validation errors",
                               " detected: ", absl::StrJoin(violations_, "; ")));
}

absl::Status CheckNameCharset(const std::string& name) {
  for (char c : name) {
    const bool ok = absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                    c == '/' || c == '_' || c == '+' || c == '=' || c == '.' ||
                    c == '@' || c == '-';
    if (!ok) {
      // Verified text, trailing '!' included (semantics.md §3).
      return AwsError(ErrorCode::kValidationException,
                      "Invalid name. Must be a valid name containing "
                      "alphanumeric characters, or any of the following: "
                      "-/_+=.@!");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckSecretIdCharset(const std::string& secret_id) {
  if (absl::StartsWith(secret_id, "arn:")) return absl::OkStatus();
  return CheckNameCharset(secret_id);
}

}  // namespace secretstage::reference
