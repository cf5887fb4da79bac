// Timestamps as AWS JSON 1.1 writes them.
#ifndef SECRETSTAGE_PROTOCOL_TIMESTAMPS_H_
#define SECRETSTAGE_PROTOCOL_TIMESTAMPS_H_

#include "absl/time/time.h"
#include "protocol/json.h"

namespace secretstage::protocol {

// A JSON number of epoch seconds at millisecond precision (sub-millisecond
// parts are truncated toward the past). Whole seconds are written as an
// integer (1704067200), anything else as a decimal with at most three
// fraction digits (1523477145.713, 1704067205.5). The same instant always
// gives the same text. An infinite time is clamped to the representable
// range.
Json TimestampToJson(absl::Time t);

}  // namespace secretstage::protocol

#endif  // SECRETSTAGE_PROTOCOL_TIMESTAMPS_H_
