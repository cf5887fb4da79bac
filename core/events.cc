#include "core/events.h"

namespace secretstage {

std::string_view EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kVersionCreated:
      return "VersionCreated";
    case EventKind::kVersionPurged:
      return "VersionPurged";
    case EventKind::kLabelAttached:
      return "LabelAttached";
    case EventKind::kLabelDetached:
      return "LabelDetached";
    case EventKind::kSecretCreated:
      return "SecretCreated";
    case EventKind::kDeletionScheduled:
      return "DeletionScheduled";
    case EventKind::kSecretDeleted:
      return "SecretDeleted";
    case EventKind::kSecretRestored:
      return "SecretRestored";
    case EventKind::kRotationStep:
      return "RotationStep";
    case EventKind::kRotationSucceeded:
      return "RotationSucceeded";
    case EventKind::kRotationFailed:
      return "RotationFailed";
  }
  return "Unknown";
}

}  // namespace secretstage
