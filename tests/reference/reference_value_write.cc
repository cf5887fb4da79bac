// ReferenceStore value writes: PutSecretValue and UpdateSecret, through the
// shared rule "attach labels L to version n" of state-machine.md
// ("PutSecretValue / UpdateSecret with a value", rules 1-9).
#include <algorithm>
#include <utility>

#include "core/errors.h"
#include "tests/reference/reference_messages.h"
#include "tests/reference/reference_store.h"
#include "tests/reference/reference_validation.h"

namespace secretstage::reference {

using model::ErrorCode;

namespace {

const std::string kAwsCurrent = "AWSCURRENT";
const std::string kAwsPrevious = "AWSPREVIOUS";
const std::string kAwsPending = "AWSPENDING";

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

void Remove(std::vector<std::string>& v, const std::string& x) {
  v.erase(std::remove(v.begin(), v.end(), x), v.end());
}

}  // namespace

absl::StatusOr<ReferenceStore::ValueWriteResult> ReferenceStore::WriteValue(
    Secret& secret, const ValueWrite& write) {
  const absl::Time now = clock_.Now();
  // Rule 1: the token names a version with a value. Same value: success,
  // nothing changes, the response carries its labels (§11.14, §11.16);
  // another value: ResourceExistsException (§11.15, §11.17).
  if (Version* v = FindVersion(secret, write.token);
      v != nullptr && (v->secret_string || v->secret_binary)) {
    if (v->secret_string == write.secret_string &&
        v->secret_binary == write.secret_binary) {
      return ValueWriteResult{v->id, v->labels};
    }
    return AwsError(ErrorCode::kResourceExistsException,
                    msg::TokenInUse(write.token, secret.arn));
  }
  // Rule 3: the token names a purged version.
  if (secret.purged_ids.count(write.token) > 0) {
    return AwsError(ErrorCode::kInvalidRequestException,
                    msg::VersionDeleted(write.token));
  }

  // Work on a copy; commit only when every check passed.
  Secret next = secret;
  // "Duplicates in L count once."
  std::vector<std::string> labels;
  for (const std::string& label : write.labels) {
    if (!Contains(labels, label)) labels.push_back(label);
  }
  bool created = false;
  Version* n = FindVersion(next, write.token);
  if (n != nullptr) {
    // Rule 2: a value-less version (rotation placeholder) receives the value,
    // encrypted now, so with the secret's key now (KmsKeyIds: "the KMS keys
    // used to encrypt the secret version"; nothing was encrypted before).
    n->secret_string = write.secret_string;
    n->secret_binary = write.secret_binary;
    n->kms_key_id = next.kms_key_id;
  } else {
    // Rule 4: version n = T is created; a secret's first version always gets
    // AWSCURRENT (§11.4, §11.5).
    // A rotation's version is the exception: on an empty secret it carries
    // only AWSPENDING (§4.12, aws-samples#16).
    if (next.versions.empty() && !write.for_rotation &&
        !Contains(labels, kAwsCurrent)) {
      labels.push_back(kAwsCurrent);
    }
    next.versions.push_back(Version{write.token, write.secret_string,
                                    write.secret_binary, now, std::nullopt,
                                    next.kms_key_id, {}});
    n = &next.versions.back();
    created = true;
  }
  // Rule 5: every label except AWSCURRENT, in request order, leaves its
  // holder (if any, and not n) and is attached to n.
  for (const std::string& label : labels) {
    if (label == kAwsCurrent) continue;
    Version* holder = Holder(next, label);
    if (holder == n) continue;
    if (holder != nullptr) Remove(holder->labels, label);
    n->labels.push_back(label);
  }
  // Rule 6: AWSCURRENT moves from P to n; P loses AWSCURRENT and AWSPENDING,
  // AWSPREVIOUS leaves its holder for P, P keeps its custom labels (§11.6,
  // §11.12). Rule 7: without AWSCURRENT in L it stays where it is.
  if (Contains(labels, kAwsCurrent)) {
    Version* p = Holder(next, kAwsCurrent);
    if (p != n) {
      if (p != nullptr) {
        Remove(p->labels, kAwsCurrent);
        Remove(p->labels, kAwsPending);
        Version* previous = Holder(next, kAwsPrevious);
        if (previous != p) {  // Already on P: it stays as it is.
          if (previous != nullptr) Remove(previous->labels, kAwsPrevious);
          p->labels.push_back(kAwsPrevious);
        }
      }
      n->labels.push_back(kAwsCurrent);  // Rule 9: last when new to n.
    }
  }
  const std::string n_id = n->id;
  // Rule 8: quotas, on the result, before anything changes.
  if (DistinctLabels(next) > options_.max_labels_per_secret) {
    return AwsError(ErrorCode::kLimitExceededException,
                    msg::LabelQuota(options_.max_labels_per_secret));
  }
  const size_t max_versions =
      static_cast<size_t>(options_.max_versions_per_secret);
  if (created && next.versions.size() > max_versions) {
    // Purge versions deprecated after this call's label changes and created
    // at least 24 h ago, oldest first (creation order is CreatedDate order),
    // until the secret holds the maximum.
    for (size_t i = 0;
         i < next.versions.size() && next.versions.size() > max_versions;) {
      const Version& v = next.versions[i];
      if (v.labels.empty() &&
          now - v.created_date >= options_.min_age_before_purge) {
        next.purged_ids.insert(v.id);
        next.versions.erase(next.versions.begin() + i);
      } else {
        ++i;
      }
    }
    if (next.versions.size() > max_versions) {
      return AwsError(ErrorCode::kLimitExceededException,
                      msg::VersionQuota(options_.max_versions_per_secret));
    }
  }
  // Rule 9: the response lists n's labels in attach order.
  ValueWriteResult result{n_id, FindVersion(next, n_id)->labels};
  next.last_changed_date = now;
  secret = std::move(next);
  return result;
}

// ---- PutSecretValue (semantics.md §4.2) -------------------------------------------

absl::StatusOr<model::PutSecretValueResponse> ReferenceStore::PutSecretValue(
    const model::PutSecretValueRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  constraints.Length("clientRequestToken", request.client_request_token, 32,
                     64);
  constraints.SensitiveLength("secretBinary", request.secret_binary, 1, 65536);
  constraints.SensitiveLength("secretString", request.secret_string, 1, 65536);
  constraints.StageList("versionStages", request.version_stages);
  constraints.Length("rotationToken", request.rotation_token, 36, 256);
  constraints.AlnumDashPattern("rotationToken", request.rotation_token);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  if (request.secret_string && request.secret_binary) {
    return AwsError(ErrorCode::kInvalidParameterException, msg::kBothValues);
  }
  if (!request.secret_string && !request.secret_binary) {
    return AwsError(ErrorCode::kInvalidRequestException, msg::kNoValue);
  }
  // A generated token, after validation and before the secret lookup.
  const std::string token = request.client_request_token
                                ? *request.client_request_token
                                : ids_.Uuid();
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  // L = VersionStages, or [AWSCURRENT] without them.
  ValueWrite write{token, request.secret_string, request.secret_binary,
                   request.version_stages.value_or(
                       std::vector<std::string>{kAwsCurrent})};
  absl::StatusOr<ValueWriteResult> result = WriteValue(secret, write);
  if (!result.ok()) return result.status();
  return model::PutSecretValueResponse{secret.arn, secret.name,
                                       result->version_id,
                                       result->version_stages};
}

// ---- UpdateSecret (semantics.md §4.3) ------------------------------------------------

absl::StatusOr<model::UpdateSecretResponse> ReferenceStore::UpdateSecret(
    const model::UpdateSecretRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  constraints.Length("clientRequestToken", request.client_request_token, 32,
                     64);
  constraints.Length("description", request.description, 0, 2048);
  constraints.Length("kmsKeyId", request.kms_key_id, 0, 2048);
  constraints.SensitiveLength("secretBinary", request.secret_binary, 1, 65536);
  constraints.SensitiveLength("secretString", request.secret_string, 1, 65536);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  if (request.secret_string && request.secret_binary) {
    return AwsError(ErrorCode::kInvalidParameterException, msg::kBothValues);
  }
  const bool has_value =
      request.secret_string.has_value() || request.secret_binary.has_value();
  std::optional<std::string> token = request.client_request_token;
  if (!token && has_value) token = ids_.Uuid();
  absl::StatusOr<Secret*> found = FindUsable(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;

  // On a copy, committed only if the value write succeeds.
  Secret next = secret;
  // Description / KmsKeyId (§11.22) first, so that a new version is written
  // with the new key (spec silent; as SecretStore does). Spec silent on
  // LastChangedDate too: only a different Description/KmsKeyId counts as a
  // change (as SecretStore does).
  if (request.description) next.description = Description(request.description);
  if (request.kms_key_id) next.kms_key_id = KmsKey(request.kms_key_id);
  if (next.description != secret.description ||
      next.kms_key_id != secret.kms_key_id) {
    next.last_changed_date = clock_.Now();
  }
  model::UpdateSecretResponse response{secret.arn, secret.name, std::nullopt};
  if (has_value) {
    // "a version labelled AWSCURRENT exactly as PutSecretValue without
    // VersionStages".
    absl::StatusOr<ValueWriteResult> result = WriteValue(
        next, ValueWrite{*token, request.secret_string,
                         request.secret_binary, {kAwsCurrent}});
    if (!result.ok()) return result.status();
    response.version_id = result->version_id;
  }
  secret = std::move(next);
  return response;
}

}  // namespace secretstage::reference
