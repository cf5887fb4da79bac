// Types shared by several Secrets Manager operations.
#ifndef SECRETSTAGE_MODEL_COMMON_H_
#define SECRETSTAGE_MODEL_COMMON_H_

#include <string>

#include "absl/time/time.h"

namespace secretstage::model {

// Every timestamp in the API. On the wire it is epoch seconds with a
// millisecond fraction; the store keeps millisecond precision.
using Timestamp = absl::Time;

// A secret's tag (AWS `Tag`).
struct Tag {
  std::string key;
  std::string value;

  friend bool operator==(const Tag&, const Tag&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_COMMON_H_
