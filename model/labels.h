// Staging labels that Secrets Manager itself attaches and moves.
#ifndef SECRETSTAGE_MODEL_LABELS_H_
#define SECRETSTAGE_MODEL_LABELS_H_

#include <string_view>

namespace secretstage::model {

// The version that GetSecretValue returns when no version is named.
inline constexpr std::string_view kAwsCurrent = "AWSCURRENT";
// The version that held AWSCURRENT before the last AWSCURRENT move.
inline constexpr std::string_view kAwsPrevious = "AWSPREVIOUS";
// The version a rotation is building; it may have no value yet.
inline constexpr std::string_view kAwsPending = "AWSPENDING";

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_LABELS_H_
