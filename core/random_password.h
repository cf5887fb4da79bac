// Internal: GetRandomPassword's generator.
//
// Character types: lowercase a-z, uppercase A-Z, digits 0-9, punctuation
// !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ (AWS's set), and the space when
// IncludeSpace. Exclude{Lowercase,Uppercase,Numbers,Punctuation} drop a
// type, ExcludeCharacters drops single characters. Every character of the
// password is drawn uniformly from what remains. With
// RequireEachIncludedType (default true), the password holds at least one
// character of each included letter/digit/punctuation type that still has
// characters (the AWS docs list upper and lowercase letters, numbers and
// punctuation; the space is never required): one character is drawn from
// each such type, the rest from everything allowed, and the result is
// shuffled (Fisher-Yates), so each position is equally likely to hold any
// allowed character.
#ifndef SECRETSTAGE_CORE_RANDOM_PASSWORD_H_
#define SECRETSTAGE_CORE_RANDOM_PASSWORD_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "core/id_source.h"
#include "model/get_random_password.h"

namespace secretstage::internal {

inline constexpr std::string_view kPasswordPunctuation =
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

// A password per `request`, drawing from `ids`. Errors:
// ValidationException for PasswordLength outside 1..4096 or
// ExcludeCharacters longer than 4096; InvalidParameterException when every
// character is excluded, or when PasswordLength is smaller than the number
// of required types.
absl::StatusOr<std::string> RandomPassword(
    const model::GetRandomPasswordRequest& request, IdSource& ids);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_RANDOM_PASSWORD_H_
