// SecretStore's clock-driven work: scheduled rotations and the end of
// recovery windows, run by AdvanceClock() (ManualClock) or RunDueWork().
#include "absl/strings/string_view.h"
#include "core/absl_compat.h"
#include "core/event_hub.h"
#include "core/secret.h"
#include "core/rotation_schedule.h"
#include "core/secret_store.h"

namespace secretstage {

std::optional<SecretStore::DueWork> SecretStore::PopDue(absl::Time until) {
  absl::MutexLock lock(&schedule_mu_);
  if (due_.empty() || due_.begin()->when > until) return std::nullopt;
  DueWork work = *due_.begin();
  due_.erase(due_.begin());
  return work;
}

void SecretStore::Emit(StoreEvent event) {
  internal::PendingEvents pending(events_.get());
  pending.Add(std::move(event));
  pending.Commit();
}

bool SecretStore::RunDue(const DueWork& work) {
  const absl::Time now = clock_->Now();
  Shard& shard = ShardFor(work.name);
  if (work.kind == DueWork::kDeletion) {
    internal::PendingEvents pending(events_.get());
    WriterLockGuard lock(&shard.mu);
    auto it = shard.by_name.find(std::string_view(work.name));
    if (it == shard.by_name.end() || (*it)->Arn() != work.arn ||
        (*it)->deletion_date != work.when || !(*it)->IsGoneAt(now)) {
      return false;  // restored, force-deleted or re-created since
    }
    pending.Add(internal::MakeEvent(EventKind::kSecretDeleted, **it,
                                    work.when));
    shard.by_name.erase(it);
    pending.Commit();
    return false;
  }
  {
    ReaderLockGuard lock(&shard.mu);
    auto it = shard.by_name.find(std::string_view(work.name));
    if (it == shard.by_name.end() || (*it)->Arn() != work.arn) return false;
    const internal::Secret& secret = **it;
    if (!secret.rotation_enabled.value_or(false) ||
        secret.next_rotation != work.when) {
      return false;  // cancelled or rescheduled since
    }
    // A secret scheduled for deletion is not skipped: RotateSecret refuses
    // it ("marked for deletion") and the refusal is recorded and rescheduled
    // below, so the schedule resumes after RestoreSecret.
  }
  // As AWS's scheduler does: a rotation with the stored Lambda and rules.
  absl::StatusOr<model::RotateSecretResponse> rotated =
      RotateSecret(model::RotateSecretRequest{.secret_id = work.arn});
  if (!rotated.ok()) {
    // E.g. "A previous rotation isn't complete": record it, try next period.
    internal::PendingEvents pending(events_.get());
    WriterLockGuard lock(&shard.mu);
    auto it = shard.by_name.find(std::string_view(work.name));
    if (it == shard.by_name.end() || (*it)->Arn() != work.arn) return true;
    internal::Secret& secret = **it;
    secret.last_rotation_failure = std::string(rotated.status().message());
    if (secret.rotation_rules && secret.rotation_enabled.value_or(false)) {
      secret.next_rotation =
          internal::NextRotationDate(*secret.rotation_rules, now);
      Schedule(DueWork{*secret.next_rotation, DueWork::kRotation, secret.name,
                       secret.Arn()});
    }
    pending.Add(internal::MakeEvent(EventKind::kRotationFailed, secret, now, {},
                                    {}, std::string(rotated.status().message())));
    pending.Commit();
  }
  return true;
}

absl::Status SecretStore::AdvanceClock(absl::Duration d) {
  if (manual_clock_ == nullptr) {
    return absl::FailedPreconditionError(
        "AdvanceClock needs a store built on a ManualClock");
  }
  if (d < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("AdvanceClock cannot move time backwards");
  }
  const absl::Time target = manual_clock_->Now() + d;
  while (std::optional<DueWork> work = PopDue(target)) {
    manual_clock_->Set(work->when);
    RunDue(*work);
  }
  manual_clock_->Set(target);
  return absl::OkStatus();
}

int SecretStore::RunDueWork() {
  int rotations = 0;
  while (std::optional<DueWork> work = PopDue(clock_->Now())) {
    if (RunDue(*work)) ++rotations;
  }
  return rotations;
}

}  // namespace secretstage
