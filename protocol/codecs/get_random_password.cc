// GetRandomPassword: {PasswordLength, ExcludeCharacters, ExcludeNumbers,
// ExcludePunctuation, ExcludeUppercase, ExcludeLowercase, IncludeSpace,
// RequireEachIncludedType} -> {RandomPassword}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleGetRandomPassword(SecretStore& store,
                                             const Json& body) {
  RequestReader in(body);
  model::GetRandomPasswordRequest request;
  request.password_length = in.Int64("PasswordLength");
  request.exclude_characters = in.String("ExcludeCharacters");
  request.exclude_numbers = in.Bool("ExcludeNumbers");
  request.exclude_punctuation = in.Bool("ExcludePunctuation");
  request.exclude_uppercase = in.Bool("ExcludeUppercase");
  request.exclude_lowercase = in.Bool("ExcludeLowercase");
  request.include_space = in.Bool("IncludeSpace");
  request.require_each_included_type = in.Bool("RequireEachIncludedType");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::GetRandomPasswordResponse> response =
      store.GetRandomPassword(request);
  if (!response.ok()) return response.status();
  Json out = Json::object();
  out["RandomPassword"] = response->random_password;
  return out;
}

}  // namespace secretstage::protocol
