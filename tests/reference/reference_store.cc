// ReferenceStore: construction, SecretId resolution, the secret lifecycle
// (CreateSecret, DeleteSecret, RestoreSecret) and the label helpers. The
// value writes are in reference_value_write.cc, UpdateSecretVersionStage in
// reference_version_stage.cc, the reads in reference_read.cc.
#include "tests/reference/reference_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/errors.h"
#include "tests/reference/reference_messages.h"
#include "tests/reference/reference_validation.h"

namespace secretstage::reference {

using model::ErrorCode;

namespace {

constexpr char kAwsCurrent[] = "AWSCURRENT";

// "-" + six [A-Za-z0-9] at the end: the shape of a full ARN's resource part
// (semantics.md §3, verified §11.37).
bool EndsInArnSuffix(const std::string& resource) {
  if (resource.size() < 7 || resource[resource.size() - 7] != '-') return false;
  for (size_t i = resource.size() - 6; i < resource.size(); ++i) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(resource[i]))) {
      return false;
    }
  }
  return true;
}

bool HasValue(const model::CreateSecretRequest& r) {
  return r.secret_string.has_value() || r.secret_binary.has_value();
}

}  // namespace

ReferenceStore::ReferenceStore(const Clock& clock, ReferenceOptions options)
    : clock_(clock),
      options_(std::move(options)),
      arn_prefix_(absl::StrCat("arn:", options_.partition, ":secretsmanager:",
                               options_.region, ":", options_.account,
                               ":secret:")),
      ids_(options_.seed) {}

// ---- Helpers ------------------------------------------------------------------

void ReferenceStore::ForgetGoneSecrets() {
  const absl::Time now = clock_.Now();
  for (auto it = secrets_.begin(); it != secrets_.end();) {
    // Gone once the clock reaches DeletionDate (state-machine.md table
    // "scheduled, clock >= DeletionDate").
    if (it->second.deletion_date && now >= *it->second.deletion_date) {
      it = secrets_.erase(it);
    } else {
      ++it;
    }
  }
}

absl::StatusOr<ReferenceStore::Secret*> ReferenceStore::Find(
    const std::string& id) {
  const absl::Status not_found =
      AwsError(ErrorCode::kResourceNotFoundException, msg::kSecretNotFound);
  std::string name = id;
  if (absl::StartsWith(id, "arn:")) {
    // An ARN must be this store's (state-machine.md "SecretId resolution").
    if (!absl::StartsWith(id, arn_prefix_)) return not_found;
    const std::string resource = id.substr(arn_prefix_.size());
    if (EndsInArnSuffix(resource)) {
      // A full ARN: it must be exactly the secret's ARN (a partial ARN of a
      // name ending in -XXXXXX lands here too and is not found, §11.37).
      for (auto& [unused_name, secret] : secrets_) {
        if (secret.arn == id) return &secret;
      }
      return not_found;
    }
    name = resource;  // A partial ARN names the secret (§11.38).
  }
  auto it = secrets_.find(name);
  if (it == secrets_.end()) return not_found;
  return &it->second;
}

absl::StatusOr<ReferenceStore::Secret*> ReferenceStore::FindUsable(
    const std::string& id) {
  absl::StatusOr<Secret*> secret = Find(id);
  if (!secret.ok()) return secret;
  // state-machine.md: "scheduled | Put, Update, UpdateSecretVersionStage,
  // GetSecretValue | InvalidRequestException ...".
  if ((*secret)->deletion_date) {
    return AwsError(ErrorCode::kInvalidRequestException,
                    msg::kMarkedForDeletion);
  }
  return secret;
}

ReferenceStore::Version* ReferenceStore::FindVersion(Secret& secret,
                                                     const std::string& id) {
  for (Version& v : secret.versions) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

bool ReferenceStore::HasLabel(const Version& version,
                              const std::string& label) {
  return std::find(version.labels.begin(), version.labels.end(), label) !=
         version.labels.end();
}

ReferenceStore::Version* ReferenceStore::Holder(Secret& secret,
                                                const std::string& label) {
  for (Version& v : secret.versions) {
    if (HasLabel(v, label)) return &v;
  }
  return nullptr;
}

void ReferenceStore::Detach(Secret& secret, const std::string& label) {
  for (Version& v : secret.versions) {
    v.labels.erase(std::remove(v.labels.begin(), v.labels.end(), label),
                   v.labels.end());
  }
}

std::optional<std::string> ReferenceStore::Description(
    const std::optional<std::string>& request_description) {
  // semantics.md §2: "Secrets Manager only returns fields that have a
  // value"; an empty Description is not returned (recorded AWS response of
  // test_create_secret_version_from_empty_secret, Description="").
  if (!request_description || request_description->empty()) return std::nullopt;
  return request_description;
}

std::optional<std::string> ReferenceStore::KmsKey(
    const std::optional<std::string>& request_kms_key_id) {
  // semantics.md §4.3: KmsKeyId "" = aws/secretsmanager, the default key,
  // which DescribeSecret omits (§4.7).
  if (!request_kms_key_id || request_kms_key_id->empty()) return std::nullopt;
  return request_kms_key_id;
}

int ReferenceStore::DistinctLabels(const Secret& secret) {
  std::set<std::string> labels;
  for (const Version& v : secret.versions) {
    labels.insert(v.labels.begin(), v.labels.end());
  }
  return static_cast<int>(labels.size());
}

// ---- CreateSecret (state-machine.md "CreateSecret", semantics.md §4.1) -------

absl::StatusOr<model::CreateSecretResponse> ReferenceStore::CreateSecret(
    const model::CreateSecretRequest& request) {
  ForgetGoneSecrets();
  // Model constraints first (semantics.md §4.1 request sizes).
  Constraints constraints;
  constraints.Length("name", request.name, 1, 512);
  constraints.Length("clientRequestToken", request.client_request_token, 32,
                     64);
  constraints.Length("description", request.description, 0, 2048);
  constraints.Length("kmsKeyId", request.kms_key_id, 0, 2048);
  constraints.SensitiveLength("secretBinary", request.secret_binary, 1, 65536);
  constraints.SensitiveLength("secretString", request.secret_string, 1, 65536);
  for (size_t i = 0; i < request.tags.size(); ++i) {
    const std::string key_member = absl::StrCat("tags.", i + 1, ".member.key");
    const std::string value_member =
        absl::StrCat("tags.", i + 1, ".member.value");
    constraints.Length(key_member.c_str(), request.tags[i].key, 1, 128);
    constraints.Length(value_member.c_str(), request.tags[i].value, 0, 256);
  }
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  // Then the name charset.
  if (absl::Status s = CheckNameCharset(request.name); !s.ok()) return s;
  // Then the operation's rules.
  if (request.secret_string && request.secret_binary) {
    return AwsError(ErrorCode::kInvalidParameterException, msg::kBothValues);
  }
  // The C++ API generates an absent token like the SDKs (decisions.md
  // "Client request tokens"); only a call with a value uses one.
  std::optional<std::string> token = request.client_request_token;
  if (!token && HasValue(request)) token = ids_.Uuid();

  auto it = secrets_.find(request.name);
  if (it != secrets_.end()) {
    Secret& secret = it->second;
    if (secret.deletion_date) {  // §11.41.
      return AwsError(ErrorCode::kInvalidRequestException,
                      msg::kCreateScheduled);
    }
    // Only a call with a value can repeat a version-creating call. Spec
    // silent on a call without a value whose token names a version: it is
    // treated as "already exists" (as SecretStore does).
    Version* v = token && HasValue(request) ? FindVersion(secret, *token)
                                            : nullptr;
    if (v != nullptr) {
      // Same name + same token + same value: the first response (§11.18);
      // another value: the token is "already in use for a version" (§4.1),
      // also when that version is a value-less rotation placeholder.
      if (v->secret_string == request.secret_string &&
          v->secret_binary == request.secret_binary) {
        return model::CreateSecretResponse{secret.arn, secret.name, v->id};
      }
      return AwsError(ErrorCode::kResourceExistsException,
                      msg::TokenInUse(*token, secret.arn));
    }
    return AwsError(ErrorCode::kResourceExistsException,
                    msg::AlreadyExists(request.name));  // §11.19.
  }

  // No secret (or a gone one, already forgotten): a new one with a new ARN
  // suffix (§3).
  const absl::Time now = clock_.Now();
  Secret secret;
  secret.name = request.name;
  secret.arn = absl::StrCat(arn_prefix_, request.name, "-", ids_.ArnSuffix());
  secret.description = Description(request.description);
  secret.kms_key_id = KmsKey(request.kms_key_id);
  secret.tags = request.tags;
  secret.created_date = now;
  secret.last_changed_date = now;
  model::CreateSecretResponse response{secret.arn, secret.name, std::nullopt};
  if (HasValue(request)) {
    // With a value: version VersionId = token labelled [AWSCURRENT] (§11.1);
    // without one, no versions (§11.2).
    secret.versions.push_back(Version{*token, request.secret_string,
                                      request.secret_binary, now, std::nullopt,
                                      secret.kms_key_id, {kAwsCurrent}});
    response.version_id = *token;
  }
  secrets_[request.name] = std::move(secret);
  return response;
}

// ---- DeleteSecret (state-machine.md "DeleteSecret, RestoreSecret") ------------

absl::StatusOr<model::DeleteSecretResponse> ReferenceStore::DeleteSecret(
    const model::DeleteSecretRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  const bool force = request.force_delete_without_recovery.value_or(false);
  const std::optional<int64_t>& window = request.recovery_window_in_days;
  // The table's first two rows, in table order ("any" state).
  if (force && window) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    msg::kForceWithWindow);
  }
  if (window && (*window < 7 || *window > 30)) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    msg::kRecoveryWindowRange);
  }
  const absl::Time now = clock_.Now();
  absl::StatusOr<Secret*> found = Find(request.secret_id);
  if (force) {
    if (!found.ok()) {
      // "none | Delete force | success {Name = the given id, ARN,
      // DeletionDate = now}" (verified §11.45). The ARN of a name gets a
      // fresh suffix; for an ARN id (spec silent) the id is the ARN and the
      // name is its resource part without any suffix.
      if (!absl::StartsWith(request.secret_id, "arn:")) {
        return model::DeleteSecretResponse{
            absl::StrCat(arn_prefix_, request.secret_id, "-", ids_.ArnSuffix()),
            request.secret_id, now};
      }
      std::string name = request.secret_id;
      const size_t colon = name.find(":secret:");
      if (colon != std::string::npos) name = name.substr(colon + 8);
      if (EndsInArnSuffix(name)) name.resize(name.size() - 7);
      return model::DeleteSecretResponse{request.secret_id, name, now};
    }
    // "live/scheduled | Delete force | gone at once" (§11.44).
    model::DeleteSecretResponse response{(*found)->arn, (*found)->name, now};
    secrets_.erase((*found)->name);
    return response;
  }
  if (!found.ok()) return found.status();  // "none | Delete without force".
  Secret& secret = **found;
  if (secret.deletion_date) {
    return AwsError(ErrorCode::kInvalidRequestException,
                    msg::kAlreadyScheduled);
  }
  // "live | Delete (window w, default 30) | scheduled; DeletionDate = now + w
  // days".
  secret.deletion_date = now + absl::Hours(24) * window.value_or(30);
  secret.last_changed_date = now;
  return model::DeleteSecretResponse{secret.arn, secret.name,
                                     *secret.deletion_date};
}

// ---- RestoreSecret -------------------------------------------------------------

absl::StatusOr<model::RestoreSecretResponse> ReferenceStore::RestoreSecret(
    const model::RestoreSecretRequest& request) {
  ForgetGoneSecrets();
  Constraints constraints;
  constraints.Length("secretId", request.secret_id, 1, 2048);
  if (absl::Status s = constraints.ToStatus(); !s.ok()) return s;
  if (absl::Status s = CheckSecretIdCharset(request.secret_id); !s.ok()) {
    return s;
  }
  absl::StatusOr<Secret*> found = Find(request.secret_id);
  if (!found.ok()) return found.status();
  Secret& secret = **found;
  // "scheduled | Restore | live again, versions and labels unchanged";
  // "live | Restore | success, no change".
  if (secret.deletion_date) {
    secret.deletion_date.reset();
    secret.last_changed_date = clock_.Now();
  }
  return model::RestoreSecretResponse{secret.arn, secret.name};
}

}  // namespace secretstage::reference
