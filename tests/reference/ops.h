// A shared vocabulary of store operations for the differential and regression
// tests (the tcmalloc state-machine-fuzzing habit): one small struct per
// operation in a std::variant, a random generator over a tiny alphabet, a
// printer that turns an operation into a C++ literal ready to paste into
// regression_test.cc, and Apply() for both SecretStore and ReferenceStore
// with a comparable Outcome.
#ifndef SECRETSTAGE_TESTS_REFERENCE_OPS_H_
#define SECRETSTAGE_TESTS_REFERENCE_OPS_H_

#include <array>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "core/secret_store.h"
#include "model/model.h"
#include "tests/reference/reference_store.h"

namespace secretstage::reference {

// ---- Operations --------------------------------------------------------------

struct CreateSecretOp {
  model::CreateSecretRequest request;
};
struct PutSecretValueOp {
  model::PutSecretValueRequest request;
};
struct UpdateSecretOp {
  model::UpdateSecretRequest request;
};
struct UpdateSecretVersionStageOp {
  model::UpdateSecretVersionStageRequest request;
};
struct GetSecretValueOp {
  model::GetSecretValueRequest request;
};
struct DescribeSecretOp {
  model::DescribeSecretRequest request;
};
struct ListSecretVersionIdsOp {
  model::ListSecretVersionIdsRequest request;
};
struct DeleteSecretOp {
  model::DeleteSecretRequest request;
};
struct RestoreSecretOp {
  model::RestoreSecretRequest request;
};
struct TagResourceOp {
  model::TagResourceRequest request;
};
struct UntagResourceOp {
  model::UntagResourceRequest request;
};
// The built-in (template) rotation handler only: no handler is registered.
struct RotateSecretOp {
  model::RotateSecretRequest request;
};
struct CancelRotateSecretOp {
  model::CancelRotateSecretRequest request;
};
// Without Filters and paging.
struct ListSecretsOp {
  model::ListSecretsRequest request;
};
// Not a store call: moves the clock both stores share.
struct AdvanceClock {
  int64_t seconds;
};

using Op = std::variant<CreateSecretOp, PutSecretValueOp, UpdateSecretOp,
                        UpdateSecretVersionStageOp, GetSecretValueOp,
                        DescribeSecretOp, ListSecretVersionIdsOp,
                        DeleteSecretOp, RestoreSecretOp, TagResourceOp,
                        UntagResourceOp, RotateSecretOp, CancelRotateSecretOp,
                        ListSecretsOp, AdvanceClock>;

// ---- Outcomes ------------------------------------------------------------------

// A failed call: the AWS exception name and the exact message.
struct AwsFailure {
  std::string exception;
  std::string message;

  friend bool operator==(const AwsFailure&, const AwsFailure&) = default;
};

// What one operation returned; std::monostate for AdvanceClock.
using Outcome =
    std::variant<std::monostate, AwsFailure, model::CreateSecretResponse,
                 model::PutSecretValueResponse, model::UpdateSecretResponse,
                 model::UpdateSecretVersionStageResponse,
                 model::GetSecretValueResponse, model::DescribeSecretResponse,
                 model::ListSecretVersionIdsResponse,
                 model::DeleteSecretResponse, model::RestoreSecretResponse,
                 model::TagResourceResponse, model::UntagResourceResponse,
                 model::RotateSecretResponse,
                 model::CancelRotateSecretResponse,
                 model::ListSecretsResponse>;

// Applies a store operation. AdvanceClock is not a store call: it returns
// std::monostate and changes nothing; the caller advances the shared clock.
Outcome Apply(SecretStore& store, const Op& op);
Outcome Apply(ReferenceStore& store, const Op& op);

// ---- Random operations -----------------------------------------------------

// The secret names random operations use. The last one ends in "-" and six
// letters or digits, so that its partial ARN reads as a full ARN and is not
// found (semantics.md §3, §11.37).
inline constexpr std::array<const char*, 3> kSecretNames = {"s0", "s1",
                                                            "s2-a1B2c3"};

using Rng = std::mt19937_64;

// The tiny alphabet random operations are drawn from, so that every call
// collides with earlier ones: three names, five labels, six version tokens,
// three values; plus ARNs and generated version ids learnt from responses.
struct Alphabet {
  explicit Alphabet(std::string arn_prefix);

  // Remembers the ARNs and version ids an outcome shows, so that later
  // operations can address secrets by (possibly stale) full ARN and aim at
  // versions that exist (or existed).
  void Learn(const Outcome& outcome);

  std::string arn_prefix;
  std::vector<std::string> names;
  std::vector<std::string> labels;
  std::vector<std::string> tokens;
  std::vector<std::string> string_values;
  std::vector<std::string> binary_values;
  // Most recent last, a few of each.
  std::vector<std::string> learnt_arns;
  // Per secret name, the version ids responses showed lately (fixed tokens
  // and generated ids): likely versions of that secret, so that label moves
  // often succeed.
  std::map<std::string, std::vector<std::string>> learnt_version_ids;
};

// One random operation. Optional members are present or absent at random;
// a few values are invalid on purpose (the name "bad name", empty ids,
// values, labels and VersionStages lists, a short token, MaxResults 0 and
// 101, RecoveryWindowInDays 6 and 31, AutomaticallyAfterDays 0 and 1001, an
// empty tag key, 51 tags) and a few SecretIds are ARNs of another region.
Op RandomOp(Rng& rng, const Alphabet& alphabet);

// ---- Printing ----------------------------------------------------------------

// A C++ expression that rebuilds `op`, e.g.
//   PutSecretValueOp{{.secret_id = "s0", .secret_string = "value-a"}}
std::string ToCppLiteral(const Op& op);
// A readable one-line rendering of an outcome, for failure messages.
std::string ToString(const Outcome& outcome);

}  // namespace secretstage::reference

#endif  // SECRETSTAGE_TESTS_REFERENCE_OPS_H_
