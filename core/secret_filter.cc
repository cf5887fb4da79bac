#include "core/secret_filter.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "core/absl_compat.h"

namespace secretstage::internal {
namespace {

// In the order of the AWS model's FilterNameStringType enum.
const std::vector<std::string_view>& FilterKeys() {
  static const std::vector<std::string_view> kKeys = {
      "description",    "name",           "tag-key", "tag-value",
      "primary-region", "owning-service", "all"};
  return kKeys;
}

constexpr char kValuePattern[] = "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$";
constexpr size_t kMaxValueLength = 512;

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsLower(c) || IsUpper(c); }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }

// The pattern's character class; its optional leading '!' is also in the
// class, so every character just has to be in it.
bool IsFilterValueChar(char c) {
  return IsAlnum(c) || c == ' ' || c == ':' || c == '_' || c == '@' ||
         c == '/' || c == '+' || c == '=' || c == '.' || c == '-' || c == '!';
}

bool ValueViolates(const std::string& v) {
  if (v.size() > kMaxValueLength) return true;
  for (char c : v) {
    if (!IsFilterValueChar(c)) return true;
  }
  return false;
}

// Whether some word of `value_words` starts some word of `words`
// (any_word) or every one does (!any_word).
bool WordsMatch(const std::vector<std::string>& value_words,
                const std::vector<std::string>& words, bool any_word) {
  if (value_words.empty()) return false;
  for (const std::string& v : value_words) {
    bool found = false;
    for (const std::string& w : words) {
      if (absl::StartsWith(w, v)) {
        found = true;
        break;
      }
    }
    if (found && any_word) return true;
    if (!found && !any_word) return false;
  }
  return !any_word;
}

void AppendWords(std::string_view text, std::vector<std::string>& out) {
  std::vector<std::string> words = SearchWords(text);
  for (std::string& w : words) out.push_back(std::move(w));
}

}  // namespace

std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  char prev = 0;
  for (char c : text) {
    if (!IsAlnum(c)) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty() &&
        ((IsLower(prev) && IsUpper(c)) || IsAlpha(prev) != IsAlpha(c))) {
      words.push_back(std::move(current));
      current.clear();
    }
    current.push_back(IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    prev = c;
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

void CheckFilters(const std::vector<model::Filter>& filters,
                  ConstraintChecker& check) {
  check.ListSize("filters", filters.size(), 0, 10);
  for (size_t i = 0; i < filters.size(); ++i) {
    const model::Filter& f = filters[i];
    const std::string prefix = absl::StrCat("filters.", i + 1, ".member.");
    check.Enum(prefix + "key", f.key, FilterKeys());
    const std::string values_member = prefix + "values";
    check.ListSize(values_member, f.values.size(), 1, 10);
    for (const std::string& v : f.values) {
      if (ValueViolates(v)) {
        check.Add(absl::StrCat(
            "Value '[", absl::StrJoin(f.values, ", "), "]' at '", values_member,
            "' failed to satisfy constraint: Member must satisfy constraint: "
            "[Member must have length less than or equal to ",
            kMaxValueLength,
            ", Member must satisfy regular expression pattern: ", kValuePattern,
            "]"));
        break;
      }
    }
  }
}

SecretMatcher::SecretMatcher(const std::vector<model::Filter>& filters,
                             std::string_view region)
    : region_(region) {
  const std::vector<std::string_view>& keys = FilterKeys();
  for (const model::Filter& f : filters) {
    CompiledFilter compiled;
    compiled.key = Key::kAll;
    for (size_t k = 0; k < keys.size(); ++k) {
      if (keys[k] == f.key) compiled.key = static_cast<Key>(k);
    }
    for (const std::string& raw : f.values) {
      Value v;
      v.negated = !raw.empty() && raw[0] == '!';
      v.term = v.negated ? raw.substr(1) : raw;
      v.words = SearchWords(v.term);
      compiled.values.push_back(std::move(v));
    }
    filters_.push_back(std::move(compiled));
  }
}

bool SecretMatcher::MatchesPositive(const Secret& secret, Key key,
                                    const Value& v) const {
  const absl::string_view term = Sv(v.term);
  switch (key) {
    case Key::kName:
      return absl::StartsWith(secret.name, term);
    case Key::kTagKey:
      for (const model::Tag& t : secret.tags) {
        if (absl::StartsWith(t.key, term)) return true;
      }
      return false;
    case Key::kTagValue:
      for (const model::Tag& t : secret.tags) {
        if (absl::StartsWith(t.value, term)) return true;
      }
      return false;
    case Key::kPrimaryRegion:
      return absl::StartsWith(region_, term);
    case Key::kOwningService:
      return false;
    case Key::kDescription:
      if (!secret.description) return false;
      return WordsMatch(v.words, SearchWords(*secret.description),
                        /*any_word=*/false);
    case Key::kAll: {
      std::vector<std::string> words = SearchWords(secret.name);
      if (secret.description) AppendWords(*secret.description, words);
      for (const model::Tag& t : secret.tags) {
        AppendWords(t.key, words);
        AppendWords(t.value, words);
      }
      return WordsMatch(v.words, words, /*any_word=*/true);
    }
  }
  return false;
}

bool SecretMatcher::Matches(const Secret& secret) const {
  for (const CompiledFilter& f : filters_) {
    bool any = false;
    for (const Value& v : f.values) {
      if (MatchesPositive(secret, f.key, v) != v.negated) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

}  // namespace secretstage::internal
