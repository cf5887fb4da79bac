#include "protocol/codec.h"

#include "core/errors.h"
#include "protocol/base64.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {

absl::Status RequireClientRequestToken(const RequestReader& reader,
                                       model::ErrorCode code) {
  if (reader.Has("ClientRequestToken")) return absl::OkStatus();
  return AwsError(code,
                  "You must provide a ClientRequestToken value. We recommend "
                  "a UUID-type value.");
}

void SetIfPresent(Json& out, const char* member,
                  const std::optional<std::string>& value) {
  if (value) out[member] = *value;
}

void SetBlobIfPresent(Json& out, const char* member,
                      const std::optional<std::string>& bytes) {
  if (bytes) out[member] = Base64Encode(*bytes);
}

void SetTimeIfPresent(Json& out, const char* member,
                      const std::optional<model::Timestamp>& value) {
  if (value) out[member] = TimestampToJson(*value);
}

void SetListIfNotEmpty(Json& out, const char* member,
                       const std::vector<std::string>& values) {
  if (!values.empty()) out[member] = values;
}

void SetTagsIfNotEmpty(Json& out, const char* member,
                       const std::vector<model::Tag>& tags) {
  if (tags.empty()) return;
  Json list = Json::array();
  for (const model::Tag& tag : tags) {
    list.push_back(Json{{"Key", tag.key}, {"Value", tag.value}});
  }
  out[member] = std::move(list);
}

void SetStagesMapIfNotEmpty(
    Json& out, const char* member,
    const std::map<std::string, std::vector<std::string>>& map) {
  if (map.empty()) return;
  Json json_map = Json::object();
  for (const auto& [version_id, stages] : map) json_map[version_id] = stages;
  out[member] = std::move(json_map);
}

void SetRotationRulesIfPresent(
    Json& out, const char* member,
    const std::optional<model::RotationRules>& rules) {
  if (!rules) return;
  Json json_rules = Json::object();
  if (rules->automatically_after_days) {
    json_rules["AutomaticallyAfterDays"] = *rules->automatically_after_days;
  }
  SetIfPresent(json_rules, "Duration", rules->duration);
  SetIfPresent(json_rules, "ScheduleExpression", rules->schedule_expression);
  out[member] = std::move(json_rules);
}

Json ArnAndName(const std::string& arn, const std::string& name) {
  Json out = Json::object();
  out["ARN"] = arn;
  out["Name"] = name;
  return out;
}

}  // namespace secretstage::protocol
