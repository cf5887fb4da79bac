// Base64 as AWS JSON 1.1 puts blobs (SecretBinary) on the wire.
#ifndef SECRETSTAGE_PROTOCOL_BASE64_H_
#define SECRETSTAGE_PROTOCOL_BASE64_H_

#include <string>
#include <string_view>

namespace secretstage::protocol {

// Encodes arbitrary bytes with the standard alphabet (RFC 4648 §4) and "="
// padding, e.g. "footest" -> "Zm9vdGVzdA==".
std::string Base64Encode(std::string_view bytes);

// Decodes standard base64 into `*bytes`. Padding may be present or left
// off; whitespace, the URL-safe alphabet, characters after padding and
// lengths that no encoding produces (4k+1) are errors. On error returns
// false, leaves `*bytes` unspecified and, if `error` is not null, stores a
// one-sentence description of the first problem in it.
bool Base64Decode(std::string_view text, std::string* bytes,
                  std::string* error = nullptr);

}  // namespace secretstage::protocol

#endif  // SECRETSTAGE_PROTOCOL_BASE64_H_
