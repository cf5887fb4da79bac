#ifndef SECRETSTAGE_MODEL_GET_RANDOM_PASSWORD_H_
#define SECRETSTAGE_MODEL_GET_RANDOM_PASSWORD_H_

#include <cstdint>
#include <optional>
#include <string>

namespace secretstage::model {

struct GetRandomPasswordRequest {
  std::optional<int64_t> password_length;  // 1..4096, default 32
  std::optional<std::string> exclude_characters;  // 0..4096
  std::optional<bool> exclude_numbers;
  std::optional<bool> exclude_punctuation;
  std::optional<bool> exclude_uppercase;
  std::optional<bool> exclude_lowercase;
  std::optional<bool> include_space;
  std::optional<bool> require_each_included_type;  // default true
};

struct GetRandomPasswordResponse {
  std::string random_password;

  friend bool operator==(const GetRandomPasswordResponse&,
                         const GetRandomPasswordResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_GET_RANDOM_PASSWORD_H_
