#include "core/template_rotation.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/errors.h"
#include "model/labels.h"

namespace secretstage::internal {
namespace {

bool Has(const std::vector<std::string>& stages, std::string_view label) {
  return std::find(stages.begin(), stages.end(), label) != stages.end();
}

// The template's default EXCLUDE_CHARACTERS.
constexpr const char* kExcludeCharacters = "/@\"'\\";

absl::Status CreateSecret(SecretStore& store, const SecretStore::RotationStep& s) {
  // The current secret must exist.
  absl::StatusOr<model::GetSecretValueResponse> current = store.GetSecretValue(
      {.secret_id = s.secret_id, .version_stage = std::string(model::kAwsCurrent)});
  if (!current.ok()) return current.status();
  absl::StatusOr<model::GetSecretValueResponse> pending = store.GetSecretValue(
      {.secret_id = s.secret_id,
       .version_id = s.client_request_token,
       .version_stage = std::string(model::kAwsPending)});
  if (pending.ok()) return absl::OkStatus();
  if (AwsErrorCode(pending.status()) !=
      model::ErrorCode::kResourceNotFoundException) {
    return pending.status();
  }
  absl::StatusOr<model::GetRandomPasswordResponse> password =
      store.GetRandomPassword({.exclude_characters = kExcludeCharacters});
  if (!password.ok()) return password.status();
  absl::StatusOr<model::PutSecretValueResponse> put = store.PutSecretValue(
      {.secret_id = s.secret_id,
       .client_request_token = s.client_request_token,
       .secret_string = password->random_password,
       .version_stages = std::vector<std::string>{std::string(model::kAwsPending)}});
  return put.status();
}

absl::Status FinishSecret(SecretStore& store, const SecretStore::RotationStep& s,
                          const model::DescribeSecretResponse& metadata) {
  std::string current_version;
  for (const auto& [version, stages] : metadata.version_ids_to_stages) {
    if (Has(stages, model::kAwsCurrent)) {
      if (version == s.client_request_token) return absl::OkStatus();
      current_version = version;
    }
  }
  model::UpdateSecretVersionStageRequest move{
      .secret_id = s.secret_id,
      .version_stage = std::string(model::kAwsCurrent),
      .move_to_version_id = s.client_request_token};
  if (!current_version.empty()) move.remove_from_version_id = current_version;
  return store.UpdateSecretVersionStage(move).status();
}

}  // namespace

absl::Status TemplateRotationHandler(SecretStore& store,
                                     const SecretStore::RotationStep& step) {
  absl::StatusOr<model::DescribeSecretResponse> metadata =
      store.DescribeSecret({.secret_id = step.secret_id});
  if (!metadata.ok()) return metadata.status();
  if (!metadata->rotation_enabled.value_or(false)) {
    return absl::FailedPreconditionError(
        absl::StrCat("Secret ", step.secret_id, " is not enabled for rotation"));
  }
  auto versions = metadata->version_ids_to_stages.find(step.client_request_token);
  if (versions == metadata->version_ids_to_stages.end()) {
    return absl::FailedPreconditionError(
        absl::StrCat("Secret version ", step.client_request_token,
                     " has no stage for rotation of secret ", step.secret_id, "."));
  }
  if (Has(versions->second, model::kAwsCurrent)) return absl::OkStatus();
  if (!Has(versions->second, model::kAwsPending)) {
    return absl::FailedPreconditionError(
        absl::StrCat("Secret version ", step.client_request_token,
                     " not set as AWSPENDING for rotation of secret ",
                     step.secret_id, "."));
  }
  if (step.step == "createSecret") return CreateSecret(store, step);
  if (step.step == "setSecret" || step.step == "testSecret") {
    return absl::OkStatus();  // the template leaves these to the user
  }
  if (step.step == "finishSecret") return FinishSecret(store, step, *metadata);
  return absl::InvalidArgumentError(absl::StrCat("Invalid step parameter ", step.step));
}

}  // namespace secretstage::internal
