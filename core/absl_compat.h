// Internal: Debian's Abseil 20220623 has its own absl::string_view, not an
// alias of std::string_view. Sv() bridges the two without copying.
#ifndef SECRETSTAGE_CORE_ABSL_COMPAT_H_
#define SECRETSTAGE_CORE_ABSL_COMPAT_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace secretstage::internal {

inline absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_ABSL_COMPAT_H_
