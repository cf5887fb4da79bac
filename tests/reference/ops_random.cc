// RandomOp() and the Alphabet it draws from.
#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tests/reference/ops.h"

namespace secretstage::reference {
namespace {

constexpr size_t kMaxLearnt = 6;

// Integers in [0, n) and percent chances. Plain modulo keeps the sequence
// identical across standard libraries (the bias is irrelevant here).
size_t Below(Rng& rng, size_t n) { return static_cast<size_t>(rng() % n); }
bool Chance(Rng& rng, int percent) {
  return static_cast<int>(Below(rng, 100)) < percent;
}
template <typename T>
const T& Pick(Rng& rng, const std::vector<T>& v) {
  return v[Below(rng, v.size())];
}

// Appends `s` (moving it to the end if present), keeping the last few.
void Remember(std::vector<std::string>& list, const std::string& s) {
  list.erase(std::remove(list.begin(), list.end(), s), list.end());
  list.push_back(s);
  if (list.size() > kMaxLearnt) list.erase(list.begin());
}

// A SecretId for `name`: mostly the name; sometimes a partial ARN, a learnt
// (possibly stale, possibly another secret's) full ARN, a made-up full ARN, or
// an invalid name.
std::string SecretId(Rng& rng, const Alphabet& a, const std::string& name) {
  const size_t roll = Below(rng, 100);
  if (roll < 80) return name;
  if (roll < 87) return a.arn_prefix + name;
  if (roll < 96 && !a.learnt_arns.empty()) return Pick(rng, a.learnt_arns);
  if (roll < 98) return absl::StrCat(a.arn_prefix, name, "-AbCd12");
  if (roll < 99) return "bad name";
  // Rarely: an empty id (a constraint violation) or another region's ARN.
  if (Chance(rng, 50)) return "";
  return absl::StrCat("arn:aws:secretsmanager:eu-west-1:123456789012:secret:",
                      name);
}

// A version id / token: a fixed token or a recently seen version id (which
// may be a generated one); rarely too short (a ValidationException).
// `name` is the secret the operation is aimed at.
std::string VersionId(Rng& rng, const Alphabet& a, const std::string& name) {
  const size_t roll = Below(rng, 100);
  if (roll < 2) return "short-token";
  auto learnt = a.learnt_version_ids.find(name);
  if (roll < 30 || learnt == a.learnt_version_ids.end()) {
    return Pick(rng, a.tokens);
  }
  return Pick(rng, learnt->second);
}

std::optional<std::string> MaybeToken(Rng& rng, const Alphabet& a,
                                      const std::string& name, int percent) {
  if (!Chance(rng, percent)) return std::nullopt;
  return VersionId(rng, a, name);
}

// Sets the string and/or binary value: string, binary, neither or both with
// the given percentages (the rest: neither).
template <typename Request>
void SetValue(Rng& rng, const Alphabet& a, Request& r, int string_pct,
              int binary_pct, int both_pct) {
  const int roll = static_cast<int>(Below(rng, 100));
  if (roll < string_pct) {
    r.secret_string = Pick(rng, a.string_values);
  } else if (roll < string_pct + binary_pct) {
    r.secret_binary = Pick(rng, a.binary_values);
  } else if (roll < string_pct + binary_pct + both_pct) {
    r.secret_string = Pick(rng, a.string_values);
    r.secret_binary = Pick(rng, a.binary_values);
  }
  // Rarely values of the wrong length (constraint violations).
  if (Chance(rng, 1)) r.secret_string = "";
  if (Below(rng, 1000) < 2) r.secret_binary = std::string(65537, 'b');
}

// Rarely too long (257 characters) instead of `label`.
std::string MaybeTooLong(Rng& rng, const std::string& label) {
  return Chance(rng, 1) ? std::string(257, 'L') : label;
}

Op RandomCreate(Rng& rng, const Alphabet& a) {
  model::CreateSecretRequest r;
  const std::string& name = Pick(rng, a.names);
  const size_t bad = Below(rng, 100);
  r.name = bad < 97 ? name : bad < 98 ? "" : bad < 99 ? std::string(513, 'n')
                                                      : "bad name";
  r.client_request_token = MaybeToken(rng, a, name, 80);
  SetValue(rng, a, r, 45, 15, 4);
  if (Chance(rng, 10)) {
    const size_t d = Below(rng, 3);
    r.description = d == 0 ? "d1" : d == 1 ? "d2" : "";
  }
  if (Chance(rng, 5)) r.kms_key_id = "alias/k1";
  if (Chance(rng, 5)) r.tags = {model::Tag{"team", "a"}};
  return CreateSecretOp{std::move(r)};
}

Op RandomPut(Rng& rng, const Alphabet& a) {
  model::PutSecretValueRequest r;
  const std::string& name = Pick(rng, a.names);
  r.secret_id = SecretId(rng, a, name);
  r.client_request_token = MaybeToken(rng, a, name, 80);
  SetValue(rng, a, r, 60, 30, 4);
  if (Chance(rng, 55)) {
    std::vector<std::string> stages;
    const size_t n = 1 + Below(rng, 3);
    for (size_t i = 0; i < n; ++i) {
      stages.push_back(MaybeTooLong(rng, Pick(rng, a.labels)));
    }
    // Rarely an empty label or an empty list (constraint violations).
    if (Chance(rng, 1)) stages.push_back("");
    if (Chance(rng, 2)) stages.clear();
    r.version_stages = std::move(stages);
  }
  if (Chance(rng, 3)) {
    // Valid, or breaking both its length and its pattern.
    r.rotation_token = Chance(rng, 80) ? "rot-00000000-0000-0000-0000-00000001"
                                       : "rot token!";
  }
  return PutSecretValueOp{std::move(r)};
}

Op RandomUpdate(Rng& rng, const Alphabet& a) {
  model::UpdateSecretRequest r;
  const std::string& name = Pick(rng, a.names);
  r.secret_id = SecretId(rng, a, name);
  r.client_request_token = MaybeToken(rng, a, name, 75);
  SetValue(rng, a, r, 40, 15, 4);
  if (Chance(rng, 25)) r.description = Chance(rng, 50) ? "d1" : "d2";
  if (Chance(rng, 8)) {
    const size_t key = Below(rng, 3);  // "" is the default key (§4.3).
    r.kms_key_id = key == 0 ? "alias/k1" : key == 1 ? "alias/k2" : "";
  }
  return UpdateSecretOp{std::move(r)};
}

Op RandomVersionStage(Rng& rng, const Alphabet& a) {
  model::UpdateSecretVersionStageRequest r;
  const std::string& name = Pick(rng, a.names);
  r.secret_id = SecretId(rng, a, name);
  r.version_stage =
      Chance(rng, 98) ? MaybeTooLong(rng, Pick(rng, a.labels)) : "";
  r.remove_from_version_id = MaybeToken(rng, a, name, 50);
  r.move_to_version_id = MaybeToken(rng, a, name, 75);
  return UpdateSecretVersionStageOp{std::move(r)};
}

Op RandomGet(Rng& rng, const Alphabet& a) {
  model::GetSecretValueRequest r;
  const std::string& name = Pick(rng, a.names);
  r.secret_id = SecretId(rng, a, name);
  r.version_id = MaybeToken(rng, a, name, 35);
  if (Chance(rng, 35)) {
    r.version_stage =
        Chance(rng, 97) ? MaybeTooLong(rng, Pick(rng, a.labels)) : "";
  }
  return GetSecretValueOp{std::move(r)};
}

Op RandomList(Rng& rng, const Alphabet& a) {
  model::ListSecretVersionIdsRequest r;
  const std::string& name = Pick(rng, a.names);
  r.secret_id = SecretId(rng, a, name);
  const size_t roll = Below(rng, 100);
  if (roll < 3) {
    r.max_results = roll == 0 ? 101 : 0;
  } else if (roll < 40) {
    r.max_results = static_cast<int32_t>(1 + Below(rng, 3));
  }
  r.next_token = MaybeToken(rng, a, name, 15);
  if (Chance(rng, 1)) r.next_token = "";
  const size_t deprecated = Below(rng, 3);
  if (deprecated > 0) r.include_deprecated = deprecated == 1;
  return ListSecretVersionIdsOp{std::move(r)};
}

Op RandomDelete(Rng& rng, const Alphabet& a) {
  model::DeleteSecretRequest r;
  const std::string& name = Pick(rng, a.names);
  r.secret_id = SecretId(rng, a, name);
  const size_t force = Below(rng, 100);
  if (force < 45) {
    r.force_delete_without_recovery = true;
  } else if (force < 55) {
    r.force_delete_without_recovery = false;
  }
  const size_t window = Below(rng, 100);
  if (window < 25) {
    r.recovery_window_in_days = 7;
  } else if (window < 35) {
    r.recovery_window_in_days = 30;
  } else if (window < 42) {
    r.recovery_window_in_days = 6;
  } else if (window < 50) {
    r.recovery_window_in_days = 31;
  }
  return DeleteSecretOp{std::move(r)};
}

Op RandomTag(Rng& rng, const Alphabet& a) {
  model::TagResourceRequest r;
  r.secret_id = SecretId(rng, a, Pick(rng, a.names));
  static const std::vector<std::string> kKeys = {"team", "env", "k3"};
  static const std::vector<std::string> kValues = {"a", "b", ""};
  const size_t n = 1 + Below(rng, 2);
  for (size_t i = 0; i < n; ++i) {
    r.tags.push_back(model::Tag{Pick(rng, kKeys), Pick(rng, kValues)});
  }
  // Rarely an empty key (a constraint violation) or 51 new keys (over the
  // quota of 50 tags per secret).
  if (Chance(rng, 1)) r.tags.push_back(model::Tag{"", "a"});
  if (Chance(rng, 1)) {
    for (int i = 0; i < 51; ++i) {
      r.tags.push_back(model::Tag{absl::StrCat("q", i), "v"});
    }
  }
  return TagResourceOp{std::move(r)};
}

Op RandomUntag(Rng& rng, const Alphabet& a) {
  model::UntagResourceRequest r;
  r.secret_id = SecretId(rng, a, Pick(rng, a.names));
  static const std::vector<std::string> kKeys = {"team", "env", "k3",
                                                 "absent"};
  const size_t n = Below(rng, 3);
  for (size_t i = 0; i < n; ++i) r.tag_keys.push_back(Pick(rng, kKeys));
  if (Chance(rng, 2)) r.tag_keys.push_back("");
  return UntagResourceOp{std::move(r)};
}

// RotateSecret with the built-in template handler (no handler is
// registered). AutomaticallyAfterDays is 999 or 1000 (rarely 0 or 1001,
// out of range): the clock jumps of RandomAdvance add up to about 530 days
// per 2,000 operations, so a NextRotationDate is rarely passed. Scheduled
// rotations are not exercised either way: DualStore moves the shared
// ManualClock directly, so neither store runs a scheduler (the reference has
// none), and a passed NextRotationDate just stays as it is in both.
Op RandomRotate(Rng& rng, const Alphabet& a) {
  model::RotateSecretRequest r;
  const std::string& name = Pick(rng, a.names);
  r.secret_id = SecretId(rng, a, name);
  // Sometimes a token naming an existing version; absent: generated.
  r.client_request_token = MaybeToken(rng, a, name, 60);
  const size_t lambda = Below(rng, 100);
  if (lambda < 55) {
    r.rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rot";
  } else if (lambda < 65) {
    r.rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:r2";
  }
  if (Chance(rng, 50)) {
    const size_t days = Below(rng, 100);
    r.rotation_rules = model::RotationRules{
        .automatically_after_days = days < 1   ? 0
                                    : days < 2 ? 1001
                                    : days < 50 ? 999
                                                : 1000};
  }
  const size_t immediately = Below(rng, 100);
  if (immediately < 25) {
    r.rotate_immediately = false;
  } else if (immediately < 45) {
    r.rotate_immediately = true;
  }
  return RotateSecretOp{std::move(r)};
}

Op RandomAdvance(Rng& rng) {
  // 24 h and 7 days exactly hit the purge age and the shortest recovery
  // window on the boundary; the others cross them.
  static const std::vector<int64_t> kSeconds = {
      1, 3600, 24 * 3600, 25 * 3600, 7 * 86400, 8 * 86400, 31 * 86400};
  static const std::vector<size_t> kWeights = {25, 30, 10, 15, 5, 10, 5};
  size_t roll = Below(rng, 100);
  for (size_t i = 0; i < kSeconds.size(); ++i) {
    if (roll < kWeights[i]) return AdvanceClock{kSeconds[i]};
    roll -= kWeights[i];
  }
  return AdvanceClock{1};
}

}  // namespace

Alphabet::Alphabet(std::string prefix)
    : arn_prefix(std::move(prefix)),
      names(kSecretNames.begin(), kSecretNames.end()),
      labels{"AWSCURRENT", "AWSPREVIOUS", "AWSPENDING", "L1", "L2"},
      string_values{"value-a", "value-b"},
      binary_values{std::string("\0\1\2\377", 4)} {
  for (int i = 1; i <= 6; ++i) {
    tokens.push_back(absl::StrFormat("tok-%028d", i));  // 32 characters.
  }
}

void Alphabet::Learn(const Outcome& outcome) {
  auto learn_id = [&](const std::string& name, const std::string& id) {
    Remember(learnt_version_ids[name], id);
  };
  if (const auto* r = std::get_if<model::CreateSecretResponse>(&outcome)) {
    Remember(learnt_arns, r->arn);
    if (r->version_id) learn_id(r->name, *r->version_id);
  } else if (const auto* p =
                 std::get_if<model::PutSecretValueResponse>(&outcome)) {
    learn_id(p->name, p->version_id);
  } else if (const auto* u = std::get_if<model::UpdateSecretResponse>(&outcome)) {
    if (u->version_id) learn_id(u->name, *u->version_id);
  } else if (const auto* g =
                 std::get_if<model::GetSecretValueResponse>(&outcome)) {
    learn_id(g->name, g->version_id);
  } else if (const auto* r =
                 std::get_if<model::RotateSecretResponse>(&outcome)) {
    if (r->version_id) learn_id(r->name, *r->version_id);
  } else if (const auto* c =
                 std::get_if<model::CancelRotateSecretResponse>(&outcome)) {
    if (c->version_id) learn_id(c->name, *c->version_id);
  }
}

Op RandomOp(Rng& rng, const Alphabet& alphabet) {
  // One in eight: tags and rotation (weights out of 100 below).
  if (Chance(rng, 12)) {
    const size_t pick = Below(rng, 100);
    if (pick < 25) return RandomTag(rng, alphabet);
    if (pick < 40) return RandomUntag(rng, alphabet);
    if (pick < 80) return RandomRotate(rng, alphabet);
    if (pick < 90) {
      // ListSecrets without Filters or paging.
      model::ListSecretsRequest r;
      const size_t planned = Below(rng, 3);
      if (planned > 0) r.include_planned_deletion = planned == 1;
      if (Chance(rng, 30)) r.sort_order = Chance(rng, 50) ? "asc" : "desc";
      if (Chance(rng, 30)) r.sort_by = Chance(rng, 50) ? "created-date" : "name";
      return ListSecretsOp{std::move(r)};
    }
    return CancelRotateSecretOp{
        {.secret_id = SecretId(rng, alphabet, Pick(rng, alphabet.names))}};
  }
  // Weights out of 100: writes dominate so that labels keep moving.
  const size_t roll = Below(rng, 100);
  if (roll < 9) return RandomCreate(rng, alphabet);
  if (roll < 34) return RandomPut(rng, alphabet);
  if (roll < 43) return RandomUpdate(rng, alphabet);
  if (roll < 65) return RandomVersionStage(rng, alphabet);
  if (roll < 74) return RandomGet(rng, alphabet);
  if (roll < 76) {
    return DescribeSecretOp{
        {.secret_id = SecretId(rng, alphabet, Pick(rng, alphabet.names))}};
  }
  if (roll < 82) return RandomList(rng, alphabet);
  if (roll < 86) return RandomDelete(rng, alphabet);
  if (roll < 91) {
    return RestoreSecretOp{
        {.secret_id = SecretId(rng, alphabet, Pick(rng, alphabet.names))}};
  }
  return RandomAdvance(rng);
}

}  // namespace secretstage::reference
