// SecretStore: an in-process AWS Secrets Manager, exact to AWS in how
// secret versions and staging labels move.
//
// One SecretStore is one account in one region. Its methods are the AWS
// operations, with the AWS SDK's request/response types (model/). Every rule
// is taken from ../shared/spec/semantics.md (observed AWS behaviour) or, where
// AWS is unobserved, from ../shared/spec/decisions.md; docs/state-machine.md
// lists them all with their numbered invariants.
//
// Errors: a failed call returns an absl::Status whose message is the exact
// AWS message and whose payload names the AWS exception (see core/errors.h:
// AwsErrorCode(status), AwsErrorName(status)). A failed call changes nothing.
// Bad input is an error, never a crash.
//
// Thread safety: every method may be called from any number of threads at
// once. Calls on one secret are linearizable. Public methods take the
// shard locks themselves; none may be called with a lock held.
#ifndef SECRETSTAGE_CORE_SECRET_STORE_H_
#define SECRETSTAGE_CORE_SECRET_STORE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/clock.h"
#include "core/compact.h"
#include "core/events.h"
#include "core/id_source.h"
#include "core/rw_lock.h"
#include "model/model.h"

namespace secretstage {

namespace internal {
struct Secret;
struct ParsedSecretId;
class EventHub;
class PendingEvents;
}  // namespace internal

struct StoreOptions {
  // Where the store reads the time. Null means a RealClock. Share a
  // ManualClock with the store to move time in tests and simulations.
  std::shared_ptr<Clock> clock;
  // Seeds ARN suffixes and generated ClientRequestTokens. Two stores with
  // equal options fed the same calls (with a ManualClock) give
  // byte-identical results.
  uint64_t seed = 0;
  std::string partition = "aws";
  std::string region = "us-east-1";
  std::string account = "123456789012";
  // Distinct labels across all versions of one secret (AWS quota: 20).
  int max_labels_per_secret = 20;
  // Versions of one secret (AWS quota: ~100).
  int max_versions_per_secret = 100;
  // A deprecated version younger than this is never purged (AWS: 24 h).
  absl::Duration min_age_before_purge = absl::Hours(24);
};

class SecretStore {
 public:
  explicit SecretStore(StoreOptions options = {});
  ~SecretStore();
  SecretStore(const SecretStore&) = delete;
  SecretStore& operator=(const SecretStore&) = delete;

  // ---- SecretId ----------------------------------------------------------
  // Every `secret_id` below may be the secret's name, its full ARN, or its
  // partial ARN (the ARN without the "-XXXXXX" suffix). A partial ARN whose
  // name itself ends in "-" and six letters or digits is read as a full ARN
  // and is not found (AWS does the same); the plain name still works. A
  // non-ARN id with characters outside [A-Za-z0-9/_+=.@-] is a
  // ValidationException "Invalid name. ...". A secret whose recovery window
  // has passed is gone: ResourceNotFoundException, and its name is free.

  // Creates a secret. With a value, creates its first version (VersionId =
  // token) labelled AWSCURRENT; without one, a secret with no versions.
  // Same name + same token + same value repeats the first response
  // (idempotent). Errors: ResourceExistsException (name taken, or token in
  // use with another value), InvalidRequestException (name scheduled for
  // deletion), InvalidParameterException (both values), ValidationException.
  absl::StatusOr<model::CreateSecretResponse> CreateSecret(
      const model::CreateSecretRequest& request);

  // Adds a version with the labels `version_stages` (default AWSCURRENT;
  // AWSCURRENT is always added to a secret's first version). Each label is
  // taken from the version that had it. When AWSCURRENT moves here from P,
  // P gets AWSPREVIOUS and loses AWSPENDING, keeping its custom labels.
  // A token naming an existing version with the same value succeeds and
  // changes nothing; with another value it is ResourceExistsException; a
  // token naming a value-less version (rotation placeholder) fills it.
  // Errors: InvalidRequestException (no value; scheduled for deletion; the
  // token names a purged version), InvalidParameterException (both values),
  // LimitExceededException (20 labels, 100 versions), ResourceNotFound.
  absl::StatusOr<model::PutSecretValueResponse> PutSecretValue(
      const model::PutSecretValueRequest& request);

  // Changes Description/KmsKeyId and, with a value, adds a version labelled
  // AWSCURRENT exactly as PutSecretValue without VersionStages. A call that
  // changes nothing succeeds. VersionId is set only when a value was given.
  absl::StatusOr<model::UpdateSecretResponse> UpdateSecret(
      const model::UpdateSecretRequest& request);

  // Moves, attaches or removes one label (decisions.md, checked in order):
  // neither id -> InvalidParameterException; an id the secret lacks ->
  // ResourceNotFoundException; moving a label that sits on another version
  // requires RemoveFromVersionId naming that version; AWSCURRENT can only
  // be moved, and moving it from h puts AWSPREVIOUS on h. Nothing else
  // changes: AWSPENDING and custom labels stay where they are.
  absl::StatusOr<model::UpdateSecretVersionStageResponse>
  UpdateSecretVersionStage(const model::UpdateSecretVersionStageRequest& request);
  // The same call writing into `*response`, reusing its strings' capacity:
  // in steady state it allocates nothing (BM_MoveCustomLabel allocs_per_op).
  // On error `*response` is unspecified.
  absl::Status UpdateSecretVersionStage(
      const model::UpdateSecretVersionStageRequest& request,
      model::UpdateSecretVersionStageResponse* response);

  // Reads a version: by VersionId, by VersionStage, by both (they must name
  // the same version), or AWSCURRENT by default. Deprecated versions are
  // readable by id; purged ones are InvalidRequestException; value-less
  // placeholders are ResourceNotFoundException. Records the access date.
  absl::StatusOr<model::GetSecretValueResponse> GetSecretValue(
      const model::GetSecretValueRequest& request);

  // Metadata and the labelled versions. Works while scheduled for deletion.
  absl::StatusOr<model::DescribeSecretResponse> DescribeSecret(
      const model::DescribeSecretRequest& request);

  // Versions newest first; deprecated ones only with IncludeDeprecated, and
  // then without VersionStages. Pages of MaxResults (default 100); NextToken
  // stays valid while the secret's versions are unchanged. Works while
  // scheduled for deletion.
  absl::StatusOr<model::ListSecretVersionIdsResponse> ListSecretVersionIds(
      const model::ListSecretVersionIdsRequest& request);

  // Schedules deletion after RecoveryWindowInDays (7..30, default 30), or
  // deletes at once with ForceDeleteWithoutRecovery (which also succeeds for
  // a secret that does not exist, as on AWS). While scheduled, only
  // DescribeSecret, ListSecretVersionIds, RestoreSecret and a forced
  // DeleteSecret work; the rest are InvalidRequestException.
  absl::StatusOr<model::DeleteSecretResponse> DeleteSecret(
      const model::DeleteSecretRequest& request);

  // Cancels a scheduled deletion; versions and labels are as they were. On
  // a live secret it succeeds and changes nothing.
  absl::StatusOr<model::RestoreSecretResponse> RestoreSecret(
      const model::RestoreSecretRequest& request);

  // ---- Rotation (docs/rotation.md) ---------------------------------------

  // Starts a rotation: creates the value-less AWSPENDING placeholder whose
  // VersionId is the token, saves RotationLambdaARN/RotationRules, turns
  // rotation on, then runs createSecret, setSecret, testSecret and
  // finishSecret synchronously through the rotation handler registered for
  // the Lambda ARN (the built-in template handler when none is). A failing
  // step stops the rotation, leaves the placeholder and is recorded (event
  // kRotationFailed); the call still succeeds, as AWS rotation is
  // asynchronous. RotateImmediately=false runs only testSecret on a
  // temporary AWSPENDING copy of the current value, which is then removed.
  // Errors: InvalidRequestException "No Lambda rotation function ARN is
  // associated with this secret." / "A previous rotation isn't complete.
  // That rotation will be reattempted." / scheduled for deletion.
  // Must not be called with a lock held; handlers call back into the store.
  absl::StatusOr<model::RotateSecretResponse> RotateSecret(
      const model::RotateSecretRequest& request);

  // Turns automatic rotation off, keeping RotationLambdaARN and
  // RotationRules; labels stay as they are (a pending version keeps
  // AWSPENDING, and its VersionId is returned).
  absl::StatusOr<model::CancelRotateSecretResponse> CancelRotateSecret(
      const model::CancelRotateSecretRequest& request);

  // A rotation step, as the Lambda event AWS sends: Step is "createSecret",
  // "setSecret", "testSecret" or "finishSecret"; SecretId is the ARN.
  struct RotationStep {
    std::string step;
    std::string secret_id;
    std::string client_request_token;
  };
  // Runs one step against `store`. A non-OK status fails the rotation.
  using RotationHandler =
      std::function<absl::Status(SecretStore& store, const RotationStep& step)>;
  // Registers the handler for `lambda_arn`, replacing any earlier one.
  void RegisterRotationHandler(std::string lambda_arn, RotationHandler handler);

  // Moves the store's ManualClock forward by `d`, running every scheduled
  // rotation and completing every scheduled deletion that falls due, each
  // at its own due time and in time order. FailedPrecondition if the store
  // does not run on a ManualClock.
  absl::Status AdvanceClock(absl::Duration d);
  // Runs the rotations and deletions due at the clock's current time (for
  // stores on a RealClock). Returns how many rotations ran.
  int RunDueWork();

  // ---- Listing, batch reads, tags, passwords -------------------------------

  // Lists live secrets (scheduled ones only with IncludePlannedDeletion;
  // gone ones never), matched by Filters (core/secret_filter.h states the
  // matching rules), ordered by SortBy/SortOrder (default created-date
  // ascending, ties by name), in pages of MaxResults (default 100) whose
  // NextToken stays valid while other secrets come and go. Each entry's
  // SecretVersionsToStages covers labelled versions only.
  absl::StatusOr<model::ListSecretsResponse> ListSecrets(
      const model::ListSecretsRequest& request);
  // Reads AWSCURRENT of each SecretIdList id, or of each live secret
  // matching Filters (paged by MaxResults/NextToken). A failure for one
  // secret becomes an entry of Errors and the call still succeeds. Both or
  // neither of SecretIdList and Filters, or MaxResults without Filters, is
  // InvalidParameterException.
  absl::StatusOr<model::BatchGetSecretValueResponse> BatchGetSecretValue(
      const model::BatchGetSecretValueRequest& request);
  // Adds or overwrites tags (at most 50 per secret: LimitExceededException).
  // Refused while the secret is scheduled for deletion.
  absl::StatusOr<model::TagResourceResponse> TagResource(
      const model::TagResourceRequest& request);
  // Removes tags by key; unknown keys are ignored. Refused while the secret
  // is scheduled for deletion.
  absl::StatusOr<model::UntagResourceResponse> UntagResource(
      const model::UntagResourceRequest& request);
  // A password from the store's seeded randomness, with every option of the
  // AWS API (length 1..4096, default 32; exclusions; IncludeSpace;
  // RequireEachIncludedType, default true).
  absl::StatusOr<model::GetRandomPasswordResponse> GetRandomPassword(
      const model::GetRandomPasswordRequest& request);

  // ---- Change events (for simulators) ---------------------------------------

  // Calls `listener` once per change event, in commit order, after the
  // change is committed (core/events.h lists the kinds). Listeners run on
  // the thread that made the change, with no store lock held. A listener
  // may call back into the store: it sees the committed state, and the
  // events of a change it makes are delivered after the events being
  // delivered, once it returns (the call itself returns before that).
  // With no listener subscribed, events cost one relaxed atomic load per
  // change: BM_MoveCustomLabelUnsubscribed costs what BM_MoveCustomLabel
  // does; BM_MoveCustomLabelObserved shows the cost of a listener.
  uint64_t Subscribe(EventListener listener);
  void Unsubscribe(uint64_t subscription);

  // Checks the numbered invariants of docs/state-machine.md over every
  // secret. OK, or kInternal naming the first broken invariant. Meant for
  // tests: it takes every lock in turn.
  absl::Status CheckInvariants() const;

  // The clock the store reads.
  const Clock& clock() const { return *clock_; }
  const StoreOptions& options() const { return options_; }

 private:
  // Secrets keyed by their name, which lives in the Secret: 8 bytes a slot
  // instead of 40 (std::string key + pointer), docs/design.md "Shard set".
  // Lookups take a std::string_view (or the Secret's unique_ptr).
  struct SecretHash {
    using is_transparent = void;
    size_t operator()(std::string_view name) const {
      return internal::FastHash(name);
    }
    template <typename P>
    size_t operator()(const P& secret) const {
      return internal::FastHash(secret->name);
    }
  };
  struct SecretEq {
    using is_transparent = void;
    // Called on the candidates of a lookup (the ctrl byte's 7 hash bits
    // matched, so almost always the one): start loading the secret's hot
    // fields while its name is compared.
    template <typename P>
    bool operator()(const P& a, std::string_view b) const {
      a->PrefetchHot();
      return internal::SvEqual(a->name, b);
    }
    template <typename P>
    bool operator()(std::string_view a, const P& b) const {
      return a == b->name;
    }
    template <typename P>
    bool operator()(const P& a, const P& b) const {
      return a->name == b->name;
    }
  };
  using SecretSet =
      absl::flat_hash_set<std::unique_ptr<internal::Secret>, SecretHash, SecretEq>;
  // One cache line per shard: readers on other shards never share its lock.
  struct alignas(64) Shard {
    mutable RwLock mu;
    SecretSet by_name ABSL_GUARDED_BY(mu);
  };
  static constexpr int kNumShards = 16;

  // The shard of a name whose FastHash is `hash`: its top bits, so that the
  // set's own position bits stay independent of the shard.
  Shard& ShardForHash(uint64_t hash) const {
    static_assert(kNumShards == 16, "the top 4 bits pick the shard");
    return shards_[hash >> 60];
  }
  Shard& ShardFor(std::string_view name) const {
    return ShardForHash(internal::FastHash(name));
  }
  // The live or scheduled secret `id` names in `shard`, or
  // ResourceNotFoundException. A secret whose deletion date has passed is
  // not found.
  absl::StatusOr<internal::Secret*> FindLocked(
      const Shard& shard, const internal::ParsedSecretId& id,
      absl::Time now) const ABSL_SHARED_LOCKS_REQUIRED(shard.mu);
  // As FindLocked, and also InvalidRequestException if scheduled for
  // deletion: the check of every operation that changes or reads values.
  absl::StatusOr<internal::Secret*> FindUsableLocked(
      const Shard& shard, const internal::ParsedSecretId& id,
      absl::Time now) const ABSL_SHARED_LOCKS_REQUIRED(shard.mu);
  // As FindUsableLocked, given FastHash(id.name) (the hot path hashes once).
  absl::StatusOr<internal::Secret*> FindUsableLocked(
      const Shard& shard, const internal::ParsedSecretId& id, absl::Time now,
      uint64_t hash) const ABSL_SHARED_LOCKS_REQUIRED(shard.mu);
  // Drops a gone secret named `name` from `shard`, if there is one.
  void EraseIfGoneLocked(Shard& shard, std::string_view name, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(shard.mu);

  // Work the clock triggers: a scheduled rotation or the end of a recovery
  // window. Entries may be stale (the secret changed since); the runner
  // re-checks them against the secret.
  struct DueWork {
    enum Kind { kRotation = 0, kDeletion = 1 };
    absl::Time when;
    Kind kind;
    std::string name;
    std::string arn;
    friend bool operator<(const DueWork& a, const DueWork& b) {
      return std::tie(a.when, a.kind, a.name, a.arn) <
             std::tie(b.when, b.kind, b.name, b.arn);
    }
  };
  void Schedule(DueWork work) ABSL_LOCKS_EXCLUDED(schedule_mu_);
  // Pops the earliest work due at or before `until`, if any.
  std::optional<DueWork> PopDue(absl::Time until) ABSL_LOCKS_EXCLUDED(schedule_mu_);
  // Runs one popped item at the current clock time; true if it rotated.
  bool RunDue(const DueWork& work);
  // RotateSecret's last phase, after the steps ran: records success or
  // failure, schedules the next rotation, removes a temporary version.
  void FinishRotation(const internal::ParsedSecretId& id, const std::string& arn,
                      const std::string& token, bool immediately,
                      const std::optional<std::string>& pending_before,
                      const absl::Status& failure);
  // Delivers one event outside any operation (rotation steps).
  void Emit(StoreEvent event);

  // Constant after construction.
  const StoreOptions options_;
  const std::shared_ptr<Clock> clock_;
  // clock_ as a ManualClock, or null: what AdvanceClock() moves.
  ManualClock* const manual_clock_;
  const std::string arn_prefix_;  // "arn:aws:secretsmanager:REGION:ACCT:secret:"
  // Internally synchronised.
  mutable IdSource ids_;
  const std::unique_ptr<internal::EventHub> events_;
  // Secrets by name, sharded by hash of the name; each shard has its lock.
  // Lock order: a shard lock, then schedule_mu_ or handlers_mu_.
  mutable std::array<Shard, kNumShards> shards_;
  absl::Mutex schedule_mu_;
  std::set<DueWork> due_ ABSL_GUARDED_BY(schedule_mu_);
  absl::Mutex handlers_mu_;
  absl::flat_hash_map<std::string, RotationHandler> handlers_
      ABSL_GUARDED_BY(handlers_mu_);
};

}  // namespace secretstage

#endif  // SECRETSTAGE_CORE_SECRET_STORE_H_
