#include "examples/simulation_world.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/errors.h"
#include "model/labels.h"

namespace secretstage::sim {
namespace {

bool Has(const std::vector<std::string>& stages, std::string_view label) {
  return std::find(stages.begin(), stages.end(), label) != stages.end();
}

}  // namespace

uint64_t Mix(uint64_t a, uint64_t b, uint64_t c) {
  uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1) + 0xbf58476d1ce4e5b9ULL * (c + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Rng::Next() {
  state_ += 0x9e3779b97f4a7c15ULL;
  return Mix(state_);
}

int World::AddUser(std::string arn, std::string password) {
  const int index = size();
  by_arn_[arn] = index;
  users_.push_back(DbUser{std::move(arn), std::move(password), 0});
  return index;
}

int World::Find(std::string_view arn) const {
  auto it = by_arn_.find(absl::string_view(arn.data(), arn.size()));
  return it == by_arn_.end() ? -1 : it->second;
}

SecretStore::RotationHandler World::Handler() {
  return [this](SecretStore& store, const SecretStore::RotationStep& step) {
    return Step(store, step);
  };
}

Fate World::FateOf(int user) const {
  const uint64_t roll =
      Mix(seed_, static_cast<uint64_t>(user),
          static_cast<uint64_t>(users_[user].created_passwords)) %
      1000;
  if (roll < static_cast<uint64_t>(bad_per_mille_)) return Fate::kSilentlyBad;
  if (roll < static_cast<uint64_t>(bad_per_mille_ + fault_per_mille_)) {
    return Fate::kFault;
  }
  return Fate::kGood;
}

// lambda_handler of the template: the same checks before every step.
absl::Status World::Step(SecretStore& store,
                         const SecretStore::RotationStep& step) {
  const int user = Find(step.secret_id);
  if (user < 0) {
    return absl::NotFoundError(absl::StrCat("no database user for ", step.secret_id));
  }
  absl::StatusOr<model::DescribeSecretResponse> metadata =
      store.DescribeSecret({.secret_id = step.secret_id});
  if (!metadata.ok()) return metadata.status();
  if (!metadata->rotation_enabled.value_or(false)) {
    return absl::FailedPreconditionError(
        absl::StrCat("Secret ", step.secret_id, " is not enabled for rotation"));
  }
  auto stages = metadata->version_ids_to_stages.find(step.client_request_token);
  if (stages == metadata->version_ids_to_stages.end()) {
    return absl::FailedPreconditionError(
        absl::StrCat("Secret version ", step.client_request_token,
                     " has no stage for rotation of secret ", step.secret_id, "."));
  }
  if (Has(stages->second, model::kAwsCurrent)) return absl::OkStatus();
  if (!Has(stages->second, model::kAwsPending)) {
    return absl::FailedPreconditionError(
        absl::StrCat("Secret version ", step.client_request_token,
                     " not set as AWSPENDING for rotation of secret ",
                     step.secret_id, "."));
  }
  if (step.step == "createSecret") return CreateSecretStep(store, user, step);
  if (step.step == "setSecret") return SetSecretStep(store, user, step);
  if (step.step == "testSecret") return TestSecretStep(store, step);
  if (step.step == "finishSecret") return FinishSecretStep(store, step, *metadata);
  return absl::InvalidArgumentError(absl::StrCat("Invalid step parameter ", step.step));
}

absl::Status World::CreateSecretStep(SecretStore& store, int user,
                                     const SecretStore::RotationStep& step) {
  absl::StatusOr<model::GetSecretValueResponse> current = store.GetSecretValue(
      {.secret_id = step.secret_id,
       .version_stage = std::string(model::kAwsCurrent)});
  if (!current.ok()) return current.status();
  absl::StatusOr<model::GetSecretValueResponse> pending = store.GetSecretValue(
      {.secret_id = step.secret_id,
       .version_id = step.client_request_token,
       .version_stage = std::string(model::kAwsPending)});
  if (pending.ok()) return absl::OkStatus();
  if (AwsErrorCode(pending.status()) !=
      model::ErrorCode::kResourceNotFoundException) {
    return pending.status();
  }
  // The template asks GetRandomPassword; a password derived from the seed
  // keeps the run reproducible.
  DbUser& u = users_[user];
  ++u.created_passwords;
  const std::string password = absl::StrFormat(
      "pw-%d-%d-%016x", user, u.created_passwords,
      Mix(seed_ ^ 0x5eed, static_cast<uint64_t>(user),
          static_cast<uint64_t>(u.created_passwords)));
  return store
      .PutSecretValue(
          {.secret_id = step.secret_id,
           .client_request_token = step.client_request_token,
           .secret_string = password,
           .version_stages = std::vector<std::string>{std::string(model::kAwsPending)}})
      .status();
}

absl::Status World::SetSecretStep(SecretStore& store, int user,
                                  const SecretStore::RotationStep& step) {
  absl::StatusOr<model::GetSecretValueResponse> pending = store.GetSecretValue(
      {.secret_id = step.secret_id,
       .version_id = step.client_request_token,
       .version_stage = std::string(model::kAwsPending)});
  if (!pending.ok()) return pending.status();
  switch (FateOf(user)) {
    case Fate::kFault:
      ++faults_;
      return absl::UnavailableError(
          "setSecret: the database did not answer within 30 seconds");
    case Fate::kSilentlyBad:
      ++silently_bad_;
      return absl::OkStatus();  // "ALTER USER" lost, success reported
    case Fate::kGood:
      users_[user].password = *pending->secret_string;
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

// The buggy part of this Lambda: it checks that AWSPENDING has a value but
// never logs in with it, so a silently bad password gets through.
absl::Status World::TestSecretStep(SecretStore& store,
                                   const SecretStore::RotationStep& step) {
  absl::StatusOr<model::GetSecretValueResponse> pending = store.GetSecretValue(
      {.secret_id = step.secret_id,
       .version_id = step.client_request_token,
       .version_stage = std::string(model::kAwsPending)});
  if (!pending.ok()) return pending.status();
  if (pending->secret_string.value_or("").empty()) {
    return absl::FailedPreconditionError("testSecret: empty password");
  }
  return absl::OkStatus();
}

// As the template: move AWSCURRENT to the new version, leave AWSPENDING.
absl::Status World::FinishSecretStep(
    SecretStore& store, const SecretStore::RotationStep& step,
    const model::DescribeSecretResponse& metadata) {
  std::string current_version;
  for (const auto& [version, stages] : metadata.version_ids_to_stages) {
    if (Has(stages, model::kAwsCurrent)) {
      if (version == step.client_request_token) return absl::OkStatus();
      current_version = version;
    }
  }
  model::UpdateSecretVersionStageRequest move{
      .secret_id = step.secret_id,
      .version_stage = std::string(model::kAwsCurrent),
      .move_to_version_id = step.client_request_token};
  if (!current_version.empty()) move.remove_from_version_id = current_version;
  return store.UpdateSecretVersionStage(move).status();
}

}  // namespace secretstage::sim
