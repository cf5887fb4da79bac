#include "protocol/request_reader.h"

#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/errors.h"
#include "protocol/base64.h"

namespace secretstage::protocol {
namespace {

// The camelCase name AWS uses for a member in validation messages.
std::string CamelCase(std::string_view member) {
  std::string out(member);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] += 'a' - 'A';
  return out;
}

// The parser token AWS names in "<TOKEN> can not be converted to ...".
std::string TokenName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return "STRING_VALUE";
    case Json::value_t::boolean:
      return "BOOLEAN_VALUE";
    case Json::value_t::null:
      return "NULL_VALUE";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return absl::StrCat("NUMBER_VALUE ", ToJsonText(value));
    default:
      return "VALUE";
  }
}

}  // namespace

const Json* RequestReader::Find(std::string_view member) const {
  const auto it = body_.find(member);
  if (it == body_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool RequestReader::Has(std::string_view member) const {
  return Find(member) != nullptr;
}

bool RequestReader::Require(std::string_view member) {
  if (Has(member)) return true;
  missing_members_.push_back(CamelCase(member));
  return false;
}

void RequestReader::SerializationError(std::string message) {
  if (serialization_error_.empty()) serialization_error_ = std::move(message);
}

bool RequestReader::AdoptNestedError(const RequestReader& nested) {
  if (nested.serialization_error_.empty()) return false;
  SerializationError(nested.serialization_error_);
  return true;
}

const Json* RequestReader::Structure(std::string_view member) {
  const Json* value = Find(member);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    TypeMismatch(*value, "a Structure");
    return nullptr;
  }
  return value;
}

void RequestReader::TypeMismatch(const Json& found, std::string_view wanted) {
  if (found.is_object()) {
    SerializationError("Start of structure or map found where not expected.");
  } else if (found.is_array()) {
    SerializationError("Start of list found where not expected.");
  } else {
    SerializationError(TokenName(found) + " can not be converted to " +
                       std::string(wanted));
  }
}

std::string RequestReader::RequiredString(std::string_view member) {
  if (!Has(member)) {
    missing_members_.push_back(CamelCase(member));
    return "";
  }
  return String(member).value_or("");
}

std::optional<std::string> RequestReader::String(std::string_view member) {
  const Json* value = Find(member);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    TypeMismatch(*value, "a String");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<bool> RequestReader::Bool(std::string_view member) {
  const Json* value = Find(member);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    TypeMismatch(*value, "a Boolean");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<int64_t> RequestReader::Integer(std::string_view member,
                                              int64_t min, int64_t max,
                                              std::string_view wanted) {
  const Json* value = Find(member);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_unsigned()) {
    const uint64_t v = value->get<uint64_t>();
    if (v <= static_cast<uint64_t>(max)) return static_cast<int64_t>(v);
  } else if (value->is_number_integer()) {
    const int64_t v = value->get<int64_t>();
    if (v >= min && v <= max) return v;
  }
  TypeMismatch(*value, wanted);
  return std::nullopt;
}

std::optional<int32_t> RequestReader::Int32(std::string_view member) {
  const std::optional<int64_t> v =
      Integer(member, std::numeric_limits<int32_t>::min(),
              std::numeric_limits<int32_t>::max(), "an Integer");
  if (!v) return std::nullopt;
  return static_cast<int32_t>(*v);
}

std::optional<int64_t> RequestReader::Int64(std::string_view member) {
  return Integer(member, std::numeric_limits<int64_t>::min(),
                 std::numeric_limits<int64_t>::max(), "a Long");
}

std::optional<std::vector<std::string>> RequestReader::StringList(
    std::string_view member) {
  const Json* value = Find(member);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    TypeMismatch(*value, "a List");
    return std::nullopt;
  }
  std::vector<std::string> out;
  out.reserve(value->size());
  for (const Json& item : *value) {
    if (!item.is_string()) {
      TypeMismatch(item, "a String");
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::string> RequestReader::Blob(std::string_view member) {
  const Json* value = Find(member);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    TypeMismatch(*value, "a Blob");
    return std::nullopt;
  }
  std::string bytes;
  std::string error;
  if (!Base64Decode(value->get_ref<const std::string&>(), &bytes, &error)) {
    SerializationError(std::string(member) + ": " + error);
    return std::nullopt;
  }
  return bytes;
}

std::vector<model::Tag> RequestReader::Tags(std::string_view member) {
  const Json* value = Find(member);
  if (value == nullptr) return {};
  if (!value->is_array()) {
    TypeMismatch(*value, "a List");
    return {};
  }
  std::vector<model::Tag> tags;
  tags.reserve(value->size());
  for (const Json& item : *value) {
    if (!item.is_object()) {
      TypeMismatch(item, "a Structure");
      return {};
    }
    RequestReader tag_reader(item);
    model::Tag tag;
    tag.key = tag_reader.String("Key").value_or("");
    tag.value = tag_reader.String("Value").value_or("");
    if (AdoptNestedError(tag_reader)) return {};
    tags.push_back(std::move(tag));
  }
  return tags;
}

std::optional<std::vector<model::Filter>> RequestReader::Filters(
    std::string_view member) {
  const Json* value = Find(member);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    TypeMismatch(*value, "a List");
    return std::nullopt;
  }
  std::vector<model::Filter> filters;
  filters.reserve(value->size());
  for (const Json& item : *value) {
    if (!item.is_object()) {
      TypeMismatch(item, "a Structure");
      return std::nullopt;
    }
    RequestReader filter_reader(item);
    model::Filter filter;
    filter.key = filter_reader.String("Key").value_or("");
    filter.values =
        filter_reader.StringList("Values").value_or(std::vector<std::string>{});
    if (AdoptNestedError(filter_reader)) return std::nullopt;
    filters.push_back(std::move(filter));
  }
  return filters;
}

std::optional<model::RotationRules> RequestReader::RotationRules(
    std::string_view member) {
  const Json* value = Structure(member);
  if (value == nullptr) return std::nullopt;
  RequestReader rules_reader(*value);
  model::RotationRules rules;
  rules.automatically_after_days = rules_reader.Int64("AutomaticallyAfterDays");
  rules.duration = rules_reader.String("Duration");
  rules.schedule_expression = rules_reader.String("ScheduleExpression");
  if (AdoptNestedError(rules_reader)) return std::nullopt;
  return rules;
}

absl::Status RequestReader::status() const {
  if (!serialization_error_.empty()) {
    return AwsError(model::ErrorCode::kSerializationException,
                    serialization_error_);
  }
  if (missing_members_.empty()) return absl::OkStatus();
  std::vector<std::string> parts;
  parts.reserve(missing_members_.size());
  for (const std::string& name : missing_members_) {
    parts.push_back(absl::StrCat("Value null at '", name,
                                 "' failed to satisfy constraint: Member must "
                                 "not be null"));
  }
  const size_t n = parts.size();
  return AwsError(model::ErrorCode::kValidationException,
                  absl::StrCat(n, " validation error", n == 1 ? "" : "s",
                               " detected: ", absl::StrJoin(parts, "; ")));
}

}  // namespace secretstage::protocol
