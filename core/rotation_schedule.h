// Internal: RotationRules (AutomaticallyAfterDays, Duration,
// ScheduleExpression) validation and next-rotation-date arithmetic.
//
// Sources ([DOC] and friends as in /work/shared/spec/semantics.md §0):
//  - [MODEL] botocore secretsmanager service-2.json, RotationRulesType:
//    AutomaticallyAfterDays long 1..1000; Duration string 2..3 `[0-9]+h`;
//    ScheduleExpression string 1..256 `[0-9A-Za-z\(\)#\?\*\-\/, ]+`; "you can
//    set the rotation schedule ... with AutomaticallyAfterDays or
//    ScheduleExpression, but not both"; the window "must not extend into the
//    next rotation window or the next UTC day".
//  - [DOC] "Rotation schedules" / "Schedule expressions in Secrets Manager
//    rotation",
//    https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html
//    (current page, and the 2022 copy awsdocs/aws-secrets-manager-docs
//    doc_source/rotate-secrets_schedule.md @0d5c8f4, which has the cron field
//    table).
//  - [ISS] hashicorp/terraform-provider-aws#33329: the real message for
//    AutomaticallyAfterDays together with ScheduleExpression.
//
// Supported ScheduleExpression grammar (UTC; anything else is rejected with
// InvalidParameterException):
//   rate(Value Unit)   Value a positive integer, Unit one of hour, hours, day,
//                      days [DOC] (the unit's number is not checked against the
//                      value: rate(1 days) is accepted). At least 4 hours
//                      ("as often as every four hours" [DOC]) and at most 999
//                      days ("The maximum rotation period is 999 days" [DOC]).
//   cron(Minutes Hours Day-of-month Month Day-of-week Year), fields separated
//   by spaces [DOC]:
//     Minutes       must be 0
//     Hours         0-23; lists, ranges, `*` and increments (`4/12`, `*/6`,
//                   `2-20/6`, and (I) `/8` meaning `0/8`). Increments reset
//                   each day [DOC: cron(0 4/12 * * ? *)]. Two rotations on the
//                   same day must be at least 4 hours apart (I).
//     Day-of-month  1-31 with `, - * /`, or `L` (last day of the month), or `?`
//     Month         1-12 or JAN-DEC with `, - * /`
//     Day-of-week   1-7 or SUN-SAT (1 = SUN) with `, - * /`, or `L` (= SAT,
//                   the last day of the week), `<day>L` (last such weekday
//                   of the month, e.g. SUNL, 1L), `<day>#<n>` (n-th such
//                   weekday, n 1..5, e.g. TUE#3), or `?`
//     Year          must be *
//   Exactly one of Day-of-month and Day-of-week is `?` [DOC]. Names are
//   case-insensitive. Not supported: W, LW, L-<n>, wrapping ranges such as
//   FRI-MON, and special forms (L, #) inside lists. A schedule whose
//   rotations can be more than a year apart (for example only on February 29)
//   is rejected ("Secrets Manager does not support rotation schedules that
//   are more than a year apart" [DOC]); the check is inferred (I).
#ifndef SECRETSTAGE_CORE_ROTATION_SCHEDULE_H_
#define SECRETSTAGE_CORE_ROTATION_SCHEDULE_H_

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "model/rotation_rules.h"

namespace secretstage::internal {

// Checks `rules` as RotateSecret does. OK means NextRotationDate() has an
// answer. Errors, in the order they are checked:
//  - ValidationException, constraint form, every violated model constraint
//    at once: "1 validation error detected: Value '0' at
//    'rotationRules.automaticallyAfterDays' failed to satisfy constraint:
//    Member must have value greater than or equal to 1" (also the length and
//    pattern of rotationRules.duration and rotationRules.scheduleExpression).
//  - InvalidParameterException "You cannot specify both rotation frequency and
//    schedule expression together." when both AutomaticallyAfterDays and
//    ScheduleExpression are given [ISS].
//  - InvalidParameterException for: neither of the two (I); a Duration outside
//    1h..24h (I); a ScheduleExpression outside the grammar above (I); a window
//    (Duration) that reaches into the next UTC day or the next rotation
//    window [MODEL rule, message I]. The messages are in rotation_schedule.cc.
// With AutomaticallyAfterDays, Duration is only range-checked.
absl::Status ValidateRotationRules(const model::RotationRules& rules);

class ConstraintChecker;
// The model constraints of `rules` only (the first group above), added to
// `checker`, so that RotateSecret reports them together with the request's
// other constraint violations in one ValidationException.
void CheckRotationRulesConstraints(ConstraintChecker& checker,
                                   const model::RotationRules& rules);

// The start of the next rotation window after `last_rotation_or_now` (the
// last rotation, or a manual PutSecretValue/UpdateSecret, which AWS counts as
// a rotation [MODEL]), for rules that passed ValidateRotationRules():
//  - AutomaticallyAfterDays N: last + N * 24h.
//  - rate(N hours|days): last + the interval.
//  - cron(...): the first whole UTC hour strictly after `last` that the
//    expression matches.
// AWS picks the actual rotation time anywhere inside the window and reports
// NextRotationDate as "the latest date that rotation will occur"; the fake
// uses exact interval arithmetic and the window start, so that simulations
// are reproducible. Pure: no clock, no I/O.
// Rules that fail validation are a programming error of the caller: the
// result is then unspecified but defined, absl::InfiniteFuture() when there
// is no schedule to follow or a cron expression never fires.
absl::Time NextRotationDate(const model::RotationRules& rules,
                            absl::Time last_rotation_or_now);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_ROTATION_SCHEDULE_H_
