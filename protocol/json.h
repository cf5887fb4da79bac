// The JSON type of the wire layer.
#ifndef SECRETSTAGE_PROTOCOL_JSON_H_
#define SECRETSTAGE_PROTOCOL_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

namespace secretstage::protocol {

// Objects keep their members in insertion order, so responses list members
// in the order AWS documents them (ARN, Name, VersionId, ...) and output is
// byte-for-byte reproducible.
using Json = nlohmann::ordered_json;

// Compact JSON text of `value`. Never throws: bytes that are not UTF-8 are
// replaced by U+FFFD.
std::string ToJsonText(const Json& value);

}  // namespace secretstage::protocol

#endif  // SECRETSTAGE_PROTOCOL_JSON_H_
