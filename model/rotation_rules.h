#ifndef SECRETSTAGE_MODEL_ROTATION_RULES_H_
#define SECRETSTAGE_MODEL_ROTATION_RULES_H_

#include <cstdint>
#include <optional>
#include <string>

namespace secretstage::model {

// AWS `RotationRulesType`: AutomaticallyAfterDays (1..1000) or a
// ScheduleExpression (`rate(N days)`, `rate(N hours)` or `cron(...)`), and
// an optional Duration window (`[0-9]+h`).
struct RotationRules {
  std::optional<int64_t> automatically_after_days;
  std::optional<std::string> duration;
  std::optional<std::string> schedule_expression;

  friend bool operator==(const RotationRules&, const RotationRules&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_ROTATION_RULES_H_
