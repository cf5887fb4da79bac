// ReferenceStore reads: GetSecretValue, DescribeSecret, ListSecretVersionIds
// (state-machine.md "GetSecretValue", "DescribeSecret, ListSecretVersionIds").
#include <algorithm>
#include <utility>

#include "absl/time/civil_time.h"
#include "core/errors.h"
#include "tests/reference/reference_messages.h"
#include "tests/reference/reference_store.h"
#include "tests/reference/reference_validation.h"

namespace secretstage::reference {

using model::ErrorCode;

// ---- GetSecretValue ----------------------------------------------------------

absl::StatusOr<model::GetSecretValueResponse> ReferenceStore::GetSecretValue(
    const model::GetSecretValueRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  constraints.Length("versionId", request.version_id, 32, 64);
  constraints.Length("versionStage", request.version_stage, 1, 256);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;

  Version* version = nullptr;
  if (request.version_id) {
    const std::string& id = *request.version_id;
    if (secret.purged_ids.count(id) > 0) {  // "VersionId=v purged".
      return AwsError(ErrorCode::kInvalidRequestException,
                      msg::VersionDeleted(id));
    }
    version = FindVersion(secret, id);
    if (version == nullptr) {  // "VersionId=v unknown" (§11.35).
      return AwsError(ErrorCode::kResourceNotFoundException,
                      msg::NoValueForVersionId(id));
    }
    // "VersionId and VersionStage naming different versions" (§11.33).
    if (request.version_stage && !HasLabel(*version, *request.version_stage)) {
      return AwsError(ErrorCode::kInvalidRequestException,
                      msg::kStageNotOnVersionId);
    }
    // "value-less placeholder: VersionId message when an id was given".
    if (!version->secret_string && !version->secret_binary) {
      return AwsError(ErrorCode::kResourceNotFoundException,
                      msg::NoValueForVersionId(id));
    }
  } else {
    // "no id, no stage: the AWSCURRENT version"; "VersionStage=L, L
    // unattached" (§11.3, §11.34); a placeholder: the staging label message.
    const std::string stage = request.version_stage.value_or("AWSCURRENT");
    version = Holder(secret, stage);
    if (version == nullptr ||
        (!version->secret_string && !version->secret_binary)) {
      return AwsError(ErrorCode::kResourceNotFoundException,
                      msg::NoValueForStage(stage));
    }
  }
  // Side effect: LastAccessedDate of the secret and the version become today
  // (UTC midnight, store clock).
  const absl::TimeZone utc = absl::UTCTimeZone();
  const absl::Time today =
      absl::FromCivil(absl::ToCivilDay(clock_.Now(), utc), utc);
  secret.last_accessed_date = today;
  version->last_accessed_date = today;

  model::GetSecretValueResponse response;
  response.arn = secret.arn;
  response.name = secret.name;
  response.version_id = version->id;
  response.secret_binary = version->secret_binary;
  response.secret_string = version->secret_string;
  response.version_stages = version->labels;  // Empty when deprecated.
  response.created_date = version->created_date;
  return response;
}

// ---- DescribeSecret ------------------------------------------------------------

absl::StatusOr<model::DescribeSecretResponse> ReferenceStore::DescribeSecret(
    const model::DescribeSecretRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  // Works while scheduled for deletion (§11.44).
  absl::StatusOr<Secret*> found = Find(request.secret_id);
  if (!found.ok()) return found.status();
  const Secret& secret = **found;
  model::DescribeSecretResponse response;
  response.arn = secret.arn;
  response.name = secret.name;
  response.description = secret.description;
  response.kms_key_id = secret.kms_key_id;
  // Rotation fields: absent until rotation was first configured (§4.7);
  // NextRotationDate only while rotation is enabled (a cancelled schedule
  // has no next date, §4.13).
  response.rotation_enabled = secret.rotation_enabled;
  response.rotation_lambda_arn = secret.rotation_lambda_arn;
  response.rotation_rules = secret.rotation_rules;
  response.last_rotated_date = secret.last_rotated_date;
  if (secret.rotation_enabled.value_or(false)) {
    response.next_rotation_date = secret.next_rotation_date;
  }
  response.last_changed_date = secret.last_changed_date;
  response.last_accessed_date = secret.last_accessed_date;
  response.deleted_date = secret.deletion_date;  // §10.7: the scheduled date.
  response.tags = secret.tags;
  // Labelled versions only (§11.7).
  for (const Version& v : secret.versions) {
    if (!v.labels.empty()) response.version_ids_to_stages[v.id] = v.labels;
  }
  response.created_date = secret.created_date;
  return response;
}

// ---- ListSecretVersionIds --------------------------------------------------------

absl::StatusOr<model::ListSecretVersionIdsResponse>
ReferenceStore::ListSecretVersionIds(
    const model::ListSecretVersionIdsRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  std::optional<int64_t> max_results;
  if (request.max_results) max_results = *request.max_results;
  constraints.Range("maxResults", max_results, 1, 100);
  constraints.Length("nextToken", request.next_token, 1, 4096);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  // Works while scheduled for deletion (inferred).
  absl::StatusOr<Secret*> found = Find(request.secret_id);
  if (!found.ok()) return found.status();
  const Secret& secret = **found;

  // Labelled versions, plus deprecated ones with IncludeDeprecated (§11.55);
  // newest first: CreatedDate, then creation order.
  std::vector<size_t> listed;
  for (size_t i = 0; i < secret.versions.size(); ++i) {
    if (!secret.versions[i].labels.empty() ||
        request.include_deprecated.value_or(false)) {
      listed.push_back(i);
    }
  }
  std::sort(listed.begin(), listed.end(), [&](size_t a, size_t b) {
    const absl::Time ta = secret.versions[a].created_date;
    const absl::Time tb = secret.versions[b].created_date;
    if (ta != tb) return ta > tb;
    return a > b;
  });
  // NextToken is the VersionId of the next entry; one naming no listed
  // version is invalid.
  size_t start = 0;
  if (request.next_token) {
    start = listed.size();
    for (size_t i = 0; i < listed.size(); ++i) {
      if (secret.versions[listed[i]].id == *request.next_token) start = i;
    }
    if (start == listed.size()) {
      return AwsError(ErrorCode::kInvalidNextTokenException,
                      msg::kInvalidNextToken);
    }
  }
  const size_t page = static_cast<size_t>(max_results.value_or(100));
  model::ListSecretVersionIdsResponse response;
  for (size_t i = start; i < listed.size() && i < start + page; ++i) {
    const Version& v = secret.versions[listed[i]];
    model::SecretVersionsListEntry entry;
    entry.version_id = v.id;
    entry.version_stages = v.labels;
    entry.last_accessed_date = v.last_accessed_date;
    entry.created_date = v.created_date;
    // ["DefaultEncryptionKey"] unless the secret has a KmsKeyId
    // (state-machine.md). Read as the key the version was written with
    // (AWS: "the KMS keys used to encrypt the secret version"), as
    // SecretStore does; the spec does not say which moment counts.
    entry.kms_key_ids = {v.kms_key_id.value_or("DefaultEncryptionKey")};
    response.versions.push_back(std::move(entry));
  }
  if (start + page < listed.size()) {
    response.next_token = secret.versions[listed[start + page]].id;
  }
  response.arn = secret.arn;
  response.name = secret.name;
  return response;
}

}  // namespace secretstage::reference
