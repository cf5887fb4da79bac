// GetRandomPassword: the generator (random_password.h) and the SecretStore
// method, which draws from the store's seeded IdSource so that passwords
// are reproducible like every other generated value.
#include "core/random_password.h"

#include <utility>
#include <vector>

#include "core/errors.h"
#include "core/secret_store.h"
#include "core/validation.h"

namespace secretstage {
namespace internal {
namespace {

using model::ErrorCode;

constexpr int64_t kDefaultLength = 32;

// The characters of `all` that `excluded` does not contain.
std::string Without(std::string_view all, std::string_view excluded) {
  std::string out;
  for (char c : all) {
    if (excluded.find(c) == std::string_view::npos) out.push_back(c);
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> RandomPassword(
    const model::GetRandomPasswordRequest& request, IdSource& ids) {
  ConstraintChecker check;
  const int64_t length = request.password_length.value_or(kDefaultLength);
  check.Range("passwordLength", length, 1, 4096);
  check.OptionalLength("excludeCharacters", request.exclude_characters, 0,
                       4096);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;

  const std::string_view excluded =
      request.exclude_characters ? std::string_view(*request.exclude_characters)
                                 : std::string_view();
  // The letter/digit/punctuation types still included, each with the
  // characters left after ExcludeCharacters.
  std::vector<std::string> types;
  if (!request.exclude_lowercase.value_or(false)) {
    types.push_back(Without("abcdefghijklmnopqrstuvwxyz", excluded));
  }
  if (!request.exclude_uppercase.value_or(false)) {
    types.push_back(Without("ABCDEFGHIJKLMNOPQRSTUVWXYZ", excluded));
  }
  if (!request.exclude_numbers.value_or(false)) {
    types.push_back(Without("0123456789", excluded));
  }
  if (!request.exclude_punctuation.value_or(false)) {
    types.push_back(Without(kPasswordPunctuation, excluded));
  }
  std::string pool;
  std::vector<const std::string*> required;
  for (const std::string& t : types) {
    pool += t;
    if (!t.empty()) required.push_back(&t);
  }
  if (request.include_space.value_or(false)) pool += Without(" ", excluded);
  if (pool.empty()) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    "Every character is excluded. Allow at least one "
                    "character type or remove characters from "
                    "ExcludeCharacters.");
  }
  if (!request.require_each_included_type.value_or(true)) required.clear();
  if (length < static_cast<int64_t>(required.size())) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    "Password length is too short based on the required "
                    "types.");
  }

  std::string password;
  password.reserve(static_cast<size_t>(length));
  for (const std::string* t : required) {
    password.push_back((*t)[ids.Uniform(t->size())]);
  }
  while (static_cast<int64_t>(password.size()) < length) {
    password.push_back(pool[ids.Uniform(pool.size())]);
  }
  if (!required.empty()) {
    for (size_t i = password.size() - 1; i > 0; --i) {
      std::swap(password[i], password[ids.Uniform(i + 1)]);
    }
  }
  return password;
}

}  // namespace internal

absl::StatusOr<model::GetRandomPasswordResponse> SecretStore::GetRandomPassword(
    const model::GetRandomPasswordRequest& request) {
  absl::StatusOr<std::string> password =
      internal::RandomPassword(request, ids_);
  if (!password.ok()) return password.status();
  return model::GetRandomPasswordResponse{*std::move(password)};
}

}  // namespace secretstage
