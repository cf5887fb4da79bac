#include "protocol/json.h"

namespace secretstage::protocol {

std::string ToJsonText(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace secretstage::protocol
