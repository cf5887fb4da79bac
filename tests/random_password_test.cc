// GetRandomPassword (AWS API reference "GetRandomPassword": PasswordLength
// 1..4096 default 32, ExcludeCharacters 0..4096, Exclude{Numbers,
// Punctuation,Uppercase,Lowercase}, IncludeSpace default false,
// RequireEachIncludedType default true — documented; error types and
// texts for impossible requests inferred; core/random_password.h).
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
constexpr char kAllExcluded[] =
    "Every character is excluded. Allow at least one character type or "
    "remove characters from ExcludeCharacters.";
constexpr char kTooShort[] =
    "Password length is too short based on the required types.";

bool HasAny(std::string_view s, std::string_view set) {
  return s.find_first_of(set) != std::string_view::npos;
}

bool OnlyFrom(std::string_view s, std::string_view set) {
  return s.find_first_not_of(set) == std::string_view::npos;
}

std::string Password(SecretStore& store,
                     const model::GetRandomPasswordRequest& req) {
  auto r = store.GetRandomPassword(req);
  if (!r.ok()) {
    ADD_FAILURE() << "GetRandomPassword failed: " << r.status();
    return "";
  }
  return r->random_password;
}

// Documented defaults: 32 characters of letters, digits and punctuation
// (no space), at least one of each type.
TEST(GetRandomPasswordTest, DefaultsToThirtyTwoCharactersOfEachType) {
  SecretStore store;
  const std::string allowed = std::string(kLower) + std::string(kUpper) +
                              std::string(kDigits) + std::string(kPunctuation);
  for (int i = 0; i < 200; ++i) {
    const std::string p = Password(store, {});
    ASSERT_EQ(p.size(), 32u);
    EXPECT_TRUE(OnlyFrom(p, allowed)) << p;
    EXPECT_TRUE(HasAny(p, kLower) && HasAny(p, kUpper) && HasAny(p, kDigits) &&
                HasAny(p, kPunctuation))
        << p;
  }
}

// Documented: each Exclude option drops its type; ExcludeCharacters drops
// single characters.
TEST(GetRandomPasswordTest, ExcludeOptionsDropTypesAndCharacters) {
  SecretStore store;
  model::GetRandomPasswordRequest req;
  req.password_length = 64;
  req.exclude_punctuation = true;
  req.exclude_uppercase = true;
  req.exclude_characters = "aeiou013";
  for (int i = 0; i < 50; ++i) {
    const std::string p = Password(store, req);
    ASSERT_EQ(p.size(), 64u);
    EXPECT_TRUE(OnlyFrom(p, "bcdfghjklmnpqrstvwxyz2456789")) << p;
    EXPECT_TRUE(HasAny(p, kLower) && HasAny(p, kDigits)) << p;
  }
  req = {};
  req.exclude_lowercase = true;
  req.exclude_numbers = true;
  EXPECT_TRUE(OnlyFrom(Password(store, req),
                       std::string(kUpper) + std::string(kPunctuation)));
}

// Documented: AWS's punctuation set, exactly.
TEST(GetRandomPasswordTest, PunctuationIsAwsSet) {
  SecretStore store;
  model::GetRandomPasswordRequest req;
  req.password_length = 4096;
  req.exclude_lowercase = true;
  req.exclude_uppercase = true;
  req.exclude_numbers = true;
  const std::string p = Password(store, req);
  EXPECT_EQ(std::set<char>(p.begin(), p.end()),
            std::set<char>(kPunctuation.begin(), kPunctuation.end()));
}

// Documented: IncludeSpace adds the space; it is not a required type
// (inferred from the RequireEachIncludedType text, which lists letters,
// numbers and punctuation).
TEST(GetRandomPasswordTest, IncludeSpace) {
  SecretStore store;
  model::GetRandomPasswordRequest req;
  req.password_length = 5;
  req.exclude_lowercase = true;
  req.exclude_uppercase = true;
  req.exclude_numbers = true;
  req.exclude_punctuation = true;
  req.include_space = true;
  EXPECT_EQ(Password(store, req), "     ");
  req = {};
  req.password_length = 4096;
  req.include_space = true;
  EXPECT_TRUE(HasAny(Password(store, req), " "));
  req.include_space = false;
  EXPECT_FALSE(HasAny(Password(store, req), " "));
}

// Inferred (message moto's): fewer characters than required types is
// InvalidParameterException; without RequireEachIncludedType it is fine.
TEST(GetRandomPasswordTest, LengthBelowRequiredTypes) {
  SecretStore store;
  model::GetRandomPasswordRequest req;
  req.password_length = 3;
  EXPECT_AWS_ERROR(store.GetRandomPassword(req), "InvalidParameterException",
                   kTooShort);
  req.require_each_included_type = false;
  EXPECT_EQ(Password(store, req).size(), 3u);
  req = {};
  req.password_length = 2;
  req.exclude_numbers = true;
  req.exclude_punctuation = true;
  const std::string p = Password(store, req);
  EXPECT_TRUE(HasAny(p, kLower) && HasAny(p, kUpper)) << p;
  // A type that ExcludeCharacters empties is no longer required (inferred).
  req = {};
  req.password_length = 3;
  req.exclude_characters = std::string(kDigits);
  EXPECT_FALSE(HasAny(Password(store, req), kDigits));
}

// Inferred (type and text): nothing left to draw from.
TEST(GetRandomPasswordTest, EverythingExcludedIsInvalidParameter) {
  SecretStore store;
  model::GetRandomPasswordRequest req;
  req.exclude_lowercase = true;
  req.exclude_uppercase = true;
  req.exclude_numbers = true;
  req.exclude_punctuation = true;
  EXPECT_AWS_ERROR(store.GetRandomPassword(req), "InvalidParameterException",
                   kAllExcluded);
  req = {};
  req.exclude_characters = std::string(kLower) + std::string(kUpper) +
                           std::string(kDigits) + std::string(kPunctuation);
  EXPECT_AWS_ERROR(store.GetRandomPassword(req), "InvalidParameterException",
                   kAllExcluded);
  req.include_space = true;
  EXPECT_EQ(Password(store, req), std::string(32, ' '));
}

// docs/state-machine.md "Request validation" (inferred form; MODEL ranges).
TEST(GetRandomPasswordTest, ConstraintViolationsAreValidationExceptions) {
  SecretStore store;
  model::GetRandomPasswordRequest req;
  req.password_length = 0;
  EXPECT_AWS_ERROR(store.GetRandomPassword(req), "ValidationException",
                   OneValidationError("0", "passwordLength",
                                      "have value greater than or equal to 1"));
  req.password_length = 4097;
  EXPECT_AWS_ERROR(store.GetRandomPassword(req), "ValidationException",
                   OneValidationError("4097", "passwordLength",
                                      "have value less than or equal to 4096"));
  req.password_length = 4096;
  EXPECT_EQ(Password(store, req).size(), 4096u);
  req.password_length = 1;
  req.require_each_included_type = false;
  EXPECT_EQ(Password(store, req).size(), 1u);
  req = {};
  req.exclude_characters = std::string(4097, 'a');
  EXPECT_AWS_ERROR(
      store.GetRandomPassword(req), "ValidationException",
      OneValidationError(*req.exclude_characters, "excludeCharacters",
                         "have length less than or equal to 4096"));
}

// ARCHITECTURE.md (seeded id source): equal seeds give equal passwords;
// a failed call draws nothing, so later ARN suffixes are unaffected.
TEST(GetRandomPasswordTest, ReproducibleFromTheStoreSeed) {
  StoreOptions o;
  o.seed = 7;
  SecretStore a(o), b(o);
  model::GetRandomPasswordRequest bad;
  bad.password_length = 0;
  EXPECT_FALSE(a.GetRandomPassword(bad).ok());
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Password(a, {}), Password(b, {}));
  }
  model::CreateSecretRequest create;
  create.name = "s";
  EXPECT_EQ(a.CreateSecret(create)->arn, b.CreateSecret(create)->arn);
  o.seed = 8;
  SecretStore c(o);
  EXPECT_NE(Password(c, {}), Password(a, {}));
}

// Every allowed character is equally likely (unbiased draws; seeded, so
// the bounds — about 6.5 standard deviations — are checked once, for good).
TEST(GetRandomPasswordTest, CharactersAreUniform) {
  SecretStore store;
  model::GetRandomPasswordRequest req;
  req.password_length = 4096;
  req.exclude_lowercase = true;
  req.exclude_uppercase = true;
  req.exclude_punctuation = true;
  std::map<char, int> counts;
  for (int i = 0; i < 10; ++i) {
    for (char c : Password(store, req)) ++counts[c];
  }
  ASSERT_EQ(counts.size(), 10u);
  for (const auto& [c, n] : counts) {
    EXPECT_GT(n, 3700) << c;
    EXPECT_LT(n, 4500) << c;
  }
}

}  // namespace
}  // namespace secretstage::test
