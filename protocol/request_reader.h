// Typed access to the members of an AWS JSON 1.1 request body.
#ifndef SECRETSTAGE_PROTOCOL_REQUEST_READER_H_
#define SECRETSTAGE_PROTOCOL_REQUEST_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "model/common.h"
#include "model/list_secrets.h"
#include "model/rotation_rules.h"
#include "protocol/json.h"

namespace secretstage::protocol {

// Reads members of one request object. Each accessor takes the AWS member
// name (PascalCase, e.g. "SecretId") and returns the value, or nullopt/""
// when the member is absent. A member whose value is JSON null counts as
// absent; members nobody asks for are ignored, as AWS ignores unknown ones.
//
// Problems do not stop the reading: the accessors record them and return
// an empty value, and status() reports them afterwards the way AWS does:
//   1. the first member of the wrong JSON type (or an undecodable blob, or
//      a number out of range) -> SerializationException, e.g.
//      "STRING_VALUE can not be converted to an Integer";
//   2. otherwise every missing required member -> ValidationException
//      "1 validation error detected: Value null at 'secretId' failed to
//      satisfy constraint: Member must not be null" ("N validation errors
//      detected: A; B" for several).
// Value constraints (lengths, ranges, patterns) are not checked here: the
// store checks them.
//
// Not thread-safe; `body` must be a JSON object and outlive the reader.
class RequestReader {
 public:
  explicit RequestReader(const Json& body) : body_(body) {}
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // True if the member is present and not null, whatever its type.
  bool Has(std::string_view member) const;
  // Has(), and a validation error when absent: for required members whose
  // value another accessor reads (e.g. Require("Tags") then Tags("Tags")).
  bool Require(std::string_view member);

  // A required string member; "" (and a validation error) when absent.
  std::string RequiredString(std::string_view member);
  std::optional<std::string> String(std::string_view member);
  std::optional<bool> Bool(std::string_view member);
  // AWS "Integer" (32-bit) and "Long" (64-bit) members. Only JSON integers
  // are accepted: 1.5, 1e30 and values outside the type's range are
  // SerializationException. Negative values pass (the store range-checks).
  std::optional<int32_t> Int32(std::string_view member);
  std::optional<int64_t> Int64(std::string_view member);
  // A list of strings; an empty JSON list gives an empty vector.
  std::optional<std::vector<std::string>> StringList(std::string_view member);
  // A blob: a base64 string on the wire, returned as raw bytes.
  std::optional<std::string> Blob(std::string_view member);
  // A list of {"Key": ..., "Value": ...}; absent members of a tag are "".
  std::vector<model::Tag> Tags(std::string_view member);
  // A list of {"Key": string, "Values": [string]} (ListSecrets and
  // BatchGetSecretValue); an absent Key is "", absent Values an empty list.
  std::optional<std::vector<model::Filter>> Filters(std::string_view member);
  // {"AutomaticallyAfterDays": Long, "Duration": string,
  // "ScheduleExpression": string} (RotateSecret).
  std::optional<model::RotationRules> RotationRules(std::string_view member);

  // OK if every accessor call so far found what it wanted (see above).
  absl::Status status() const;

 private:
  // The member's value, or null if absent or JSON null.
  const Json* Find(std::string_view member) const;
  void TypeMismatch(const Json& found, std::string_view wanted);
  void SerializationError(std::string message);
  // The member's value if it is a JSON object, else null (recording a type
  // mismatch when it is present but not an object).
  const Json* Structure(std::string_view member);
  // Adopts a nested reader's first serialization error; true if it had one.
  bool AdoptNestedError(const RequestReader& nested);
  std::optional<int64_t> Integer(std::string_view member, int64_t min,
                                 int64_t max, std::string_view wanted);

  const Json& body_;
  std::string serialization_error_;           // first one; "" if none
  std::vector<std::string> missing_members_;  // camelCase names
};

}  // namespace secretstage::protocol

#endif  // SECRETSTAGE_PROTOCOL_REQUEST_READER_H_
