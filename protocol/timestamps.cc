#include "protocol/timestamps.h"

#include <cstdint>

namespace secretstage::protocol {

Json TimestampToJson(absl::Time t) {
  // absl::ToUnixMillis floors and saturates for infinite times.
  const int64_t ms = absl::ToUnixMillis(t);
  if (ms % 1000 == 0) return Json(ms / 1000);
  return Json(static_cast<double>(ms) / 1000.0);
}

}  // namespace secretstage::protocol
