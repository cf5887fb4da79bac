// Change events: what a simulator sees when it subscribes to a SecretStore.
#ifndef SECRETSTAGE_CORE_EVENTS_H_
#define SECRETSTAGE_CORE_EVENTS_H_

#include <functional>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace secretstage {

enum class EventKind {
  kVersionCreated,     // version_id was created (value or placeholder)
  kVersionPurged,      // version_id was purged by the version quota
  kLabelAttached,      // label now sits on version_id
  kLabelDetached,      // label left version_id
  kSecretCreated,
  kDeletionScheduled,  // DeleteSecret with a recovery window
  kSecretDeleted,      // forced delete, or the recovery window passed
  kSecretRestored,
  kRotationStep,       // label = the step that is about to run
  kRotationSucceeded,  // version_id = the rotated-in version
  kRotationFailed,     // detail = why
};

std::string_view EventKindName(EventKind kind);

struct StoreEvent {
  EventKind kind;
  std::string secret_arn;
  std::string version_id;  // empty when not about one version
  std::string label;       // label events: the label; kRotationStep: the step
  std::string detail;      // kRotationFailed: the error
  absl::Time time;         // store clock when the change was committed
};

using EventListener = std::function<void(const StoreEvent&)>;

}  // namespace secretstage

#endif  // SECRETSTAGE_CORE_EVENTS_H_
