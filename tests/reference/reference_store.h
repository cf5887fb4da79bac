// ReferenceStore: a second, deliberately naive implementation of the nine
// version/label operations of SecretStore, plus tags, rotation with the
// built-in template handler, CancelRotateSecret and unfiltered ListSecrets, written straight from
// ../shared/spec/semantics.md, ../shared/spec/decisions.md and
// docs/state-machine.md, for the differential test (the leveldb habit: the
// real store and a trivially correct model receive the same random operations
// and must agree).
//
// Naive on purpose: a secret is a struct holding a std::vector of versions in
// creation order, each version a std::vector of labels in attach order; every
// lookup is a linear scan; a write works on a copy of the secret and commits
// the copy only when every check passed, so a failed call changes nothing by
// construction. No locks: not thread-safe. Nothing here is shared with core/
// except the model types, AwsError() (core/errors.h), Clock and IdSource (so
// generated tokens and ARN suffixes follow the same seeded sequence), and
// the password generator (core/random_password.h) that the rotation
// template's GetRandomPassword draws from that IdSource.
//
// Results are exactly SecretStore's: the same response structs, and errors as
// absl::Status carrying the AWS exception name and the exact AWS message.
#ifndef SECRETSTAGE_TESTS_REFERENCE_REFERENCE_STORE_H_
#define SECRETSTAGE_TESTS_REFERENCE_REFERENCE_STORE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/clock.h"
#include "core/id_source.h"
#include "model/model.h"

namespace secretstage::reference {

// The subset of StoreOptions the reference needs (kept separate so that the
// reference depends on no core code beyond what the header above lists).
struct ReferenceOptions {
  uint64_t seed = 0;
  std::string partition = "aws";
  std::string region = "us-east-1";
  std::string account = "123456789012";
  int max_labels_per_secret = 20;
  int max_versions_per_secret = 100;
  absl::Duration min_age_before_purge = absl::Hours(24);
};

class ReferenceStore {
 public:
  // `clock` must outlive the store.
  ReferenceStore(const Clock& clock, ReferenceOptions options);
  ReferenceStore(const ReferenceStore&) = delete;
  ReferenceStore& operator=(const ReferenceStore&) = delete;

  absl::StatusOr<model::CreateSecretResponse> CreateSecret(
      const model::CreateSecretRequest& request);
  absl::StatusOr<model::PutSecretValueResponse> PutSecretValue(
      const model::PutSecretValueRequest& request);
  absl::StatusOr<model::UpdateSecretResponse> UpdateSecret(
      const model::UpdateSecretRequest& request);
  absl::StatusOr<model::UpdateSecretVersionStageResponse>
  UpdateSecretVersionStage(const model::UpdateSecretVersionStageRequest& request);
  absl::StatusOr<model::GetSecretValueResponse> GetSecretValue(
      const model::GetSecretValueRequest& request);
  absl::StatusOr<model::DescribeSecretResponse> DescribeSecret(
      const model::DescribeSecretRequest& request);
  absl::StatusOr<model::ListSecretVersionIdsResponse> ListSecretVersionIds(
      const model::ListSecretVersionIdsRequest& request);
  absl::StatusOr<model::DeleteSecretResponse> DeleteSecret(
      const model::DeleteSecretRequest& request);
  absl::StatusOr<model::RestoreSecretResponse> RestoreSecret(
      const model::RestoreSecretRequest& request);
  // Tags (reference_tags.cc).
  absl::StatusOr<model::TagResourceResponse> TagResource(
      const model::TagResourceRequest& request);
  absl::StatusOr<model::UntagResourceResponse> UntagResource(
      const model::UntagResourceRequest& request);
  // Rotation with the built-in template handler only, RotationRules with
  // AutomaticallyAfterDays only (reference_rotation.cc). Scheduled
  // rotations are not modelled: the reference has no scheduler.
  absl::StatusOr<model::RotateSecretResponse> RotateSecret(
      const model::RotateSecretRequest& request);
  absl::StatusOr<model::CancelRotateSecretResponse> CancelRotateSecret(
      const model::CancelRotateSecretRequest& request);
  // Without Filters, MaxResults and NextToken; SortBy created-date or name
  // (reference_list.cc). Anything else is an Unimplemented error.
  absl::StatusOr<model::ListSecretsResponse> ListSecrets(
      const model::ListSecretsRequest& request);

  // "arn:<partition>:secretsmanager:<region>:<account>:secret:".
  const std::string& arn_prefix() const { return arn_prefix_; }

 private:
  struct Version {
    std::string id;
    // At most one of the two; neither for a rotation placeholder.
    std::optional<std::string> secret_string;
    std::optional<std::string> secret_binary;
    absl::Time created_date;
    std::optional<absl::Time> last_accessed_date;
    // The secret's KmsKeyId when the version was created (none: the default
    // key). See ListSecretVersionIds in reference_read.cc.
    std::optional<std::string> kms_key_id;
    // Attach order (decisions.md "VersionStages lists labels in the order
    // they were attached").
    std::vector<std::string> labels;
  };
  struct Secret {
    std::string name;
    std::string arn;
    std::optional<std::string> description;
    // None for the default key ("" in a request means the default key,
    // semantics.md §4.3).
    std::optional<std::string> kms_key_id;
    std::vector<model::Tag> tags;
    absl::Time created_date;
    absl::Time last_changed_date;
    std::optional<absl::Time> last_accessed_date;
    // Set while scheduled for deletion.
    std::optional<absl::Time> deletion_date;
    // Creation order, which is also CreatedDate order (the clock never goes
    // backwards).
    std::vector<Version> versions;
    std::set<std::string> purged_ids;
    // Rotation configuration (semantics.md §4.7, §4.12, §4.13): none until
    // the first RotateSecret.
    std::optional<bool> rotation_enabled;
    std::optional<std::string> rotation_lambda_arn;
    std::optional<model::RotationRules> rotation_rules;
    std::optional<absl::Time> last_rotated_date;
    std::optional<absl::Time> next_rotation_date;
  };
  // What Put/UpdateSecret hand to the shared "attach labels L to version n"
  // routine (state-machine.md, PutSecretValue / UpdateSecret with a value).
  struct ValueWrite {
    std::string token;
    std::optional<std::string> secret_string;
    std::optional<std::string> secret_binary;
    std::vector<std::string> labels;
    // RotateSecret's version (placeholder or temporary copy): a secret's
    // first version does not get AWSCURRENT (semantics.md §4.12: an empty
    // secret's placeholder shows only AWSPENDING).
    bool for_rotation = false;
  };
  struct ValueWriteResult {
    std::string version_id;
    std::vector<std::string> version_stages;
  };

  // Erases every secret whose recovery window has passed (state-machine.md:
  // "scheduled, clock >= DeletionDate: gone ... the name is free"). Called
  // first by every operation.
  void ForgetGoneSecrets();
  // SecretId resolution (state-machine.md "Request validation"): the live or
  // scheduled secret `id` names, or ResourceNotFoundException.
  absl::StatusOr<Secret*> Find(const std::string& id);
  // As Find, and InvalidRequestException when scheduled for deletion.
  absl::StatusOr<Secret*> FindUsable(const std::string& id);
  // Applies a value write to `secret` (see reference_value_write.cc).
  absl::StatusOr<ValueWriteResult> WriteValue(Secret& secret,
                                              const ValueWrite& write);

  // The AWS rotation template (semantics.md §6) for one step, calling this
  // store's own operations as the Lambda calls the API. OK or the error that
  // stops the rotation.
  absl::Status TemplateStep(const std::string& step, const std::string& arn,
                            const std::string& token);

  static Version* FindVersion(Secret& secret, const std::string& id);
  static Version* Holder(Secret& secret, const std::string& label);
  static void Detach(Secret& secret, const std::string& label);
  static int DistinctLabels(const Secret& secret);
  static bool HasLabel(const Version& version, const std::string& label);
  // A request's Description as stored: "" (no value) becomes none.
  static std::optional<std::string> Description(
      const std::optional<std::string>& request_description);
  // A request's KmsKeyId as stored: "" (the default key) becomes none.
  static std::optional<std::string> KmsKey(
      const std::optional<std::string>& request_kms_key_id);

  const Clock& clock_;
  const ReferenceOptions options_;
  const std::string arn_prefix_;
  IdSource ids_;
  // By name: live and scheduled secrets (gone ones are erased).
  std::map<std::string, Secret> secrets_;
};

}  // namespace secretstage::reference

#endif  // SECRETSTAGE_TESTS_REFERENCE_REFERENCE_STORE_H_
