#include "protocol/codec.h"

#include "core/errors.h"
#include "protocol/base64.h"
#include "protocol/timestamps.h"

namespace secretstage::protocol {

absl::Status RequireClientRequestToken(const RequestReader& reader) {
  if (reader.Has("ClientRequestToken")) return absl::OkStatus();
  return AwsError(model::ErrorCode::kInvalidRequestException,
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

Json ArnAndName(const std::string& arn, const std::string& name) {
  Json out = Json::object();
  out["ARN"] = arn;
  out["Name"] = name;
  return out;
}

}  // namespace secretstage::protocol
