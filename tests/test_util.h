// Shared helpers for the SecretStore unit tests (tests/secret_store_*_test.cc).
//
// CheckedStore wraps a SecretStore built on a ManualClock and runs
// SecretStore::CheckInvariants() after every operation, so a test never has
// to remember to. It also remembers every secret name/id it was handed, which
// lets StateGuard (and EXPECT_AWS_ERROR_UNCHANGED) compare the full visible
// state of the store before and after a failing call.
//
// Typical use:
//
//   CheckedStore store;
//   Create(store, "s", "x", Tok(1));
//   Put(store, "s", "y", Tok(2));
//   EXPECT_EQ(Labels(store, "s"),
//             (LabelMap{{Tok(1), {"AWSPREVIOUS"}}, {Tok(2), {"AWSCURRENT"}}}));
//   EXPECT_AWS_ERROR_UNCHANGED(store, store.PutSecretValue(...),
//                              "ResourceExistsException", "You can't ...");
#ifndef SECRETSTAGE_TESTS_TEST_UTIL_H_
#define SECRETSTAGE_TESTS_TEST_UTIL_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/secret_store.h"
#include "gtest/gtest.h"
#include "model/model.h"

namespace secretstage::test {

// VersionId -> labels, for every version of a secret (deprecated ones map to
// the empty set).
using LabelMap = std::map<std::string, std::set<std::string>>;

// The exact AWS message texts the tests assert (docs/state-machine.md,
// semantics.md §7, decisions.md).
inline constexpr char kSecretNotFound[] =
    "Secrets Manager can't find the specified secret.";
inline constexpr char kInvalidName[] =
    "Invalid name. Must be a valid name containing alphanumeric characters, "
    "or any of the following: -/_+=.@!";
inline constexpr char kMarkedForDeletion[] =
    "You can't perform this operation on the secret because it was marked "
    "for deletion.";
inline constexpr char kCantRemoveCurrent[] =
    "You can only move staging label AWSCURRENT to a different secret "
    "version. It can\u2019t be completely removed.";
inline constexpr char kBothValues[] =
    "You can't specify both a binary secret value and a string secret value "
    "in the same secret.";
inline constexpr char kNoValue[] =
    "You must provide either SecretString or SecretBinary.";
inline constexpr char kLabelQuota[] =
    "You can't attach more than 20 staging labels to the versions of a "
    "secret.";
inline constexpr char kVersionQuota[] =
    "You can't create more versions of this secret. Secrets Manager keeps at "
    "most 100 versions, and removes deprecated versions only after they are "
    "24 hours old.";
// kVersionQuota for a store whose max_versions_per_secret is `max` (the
// quota number in the message follows StoreOptions; with the default it is
// exactly kVersionQuota).
std::string VersionQuota(int max);
inline constexpr char kNeitherVersionId[] =
    "You must specify MoveToVersionId, RemoveFromVersionId, or both.";
inline constexpr char kInvalidNextToken[] = "The NextToken value is invalid.";

// Parameterised messages.
std::string NoValueForStage(std::string_view label);
std::string NoValueForVersionId(std::string_view id);
std::string VersionDeleted(std::string_view id);
std::string TokenInUse(std::string_view token, std::string_view arn);
std::string AlreadyExists(std::string_view name);
std::string RemoveFromCantBeEmpty(std::string_view label, std::string_view holder);
std::string RemoveFromMismatch(std::string_view label);
std::string LabelNotOnVersion(std::string_view label, std::string_view id);
// "1 validation error detected: Value '<v>' at '<member>' failed to satisfy
// constraint: Member must <constraint>".
std::string OneValidationError(std::string_view value, std::string_view member,
                               std::string_view constraint);

// A valid, distinct ClientRequestToken / VersionId for test step `n`
// (UUID-shaped, 36 characters).
std::string Tok(int n);

// A SecretStore on a ManualClock that checks its invariants after every
// operation (a broken invariant is a test failure naming the operation).
// Thread-safe, like SecretStore.
class CheckedStore {
 public:
  // `options.clock` is replaced by a fresh ManualClock at
  // ManualClock::DefaultStart() (2024-01-01T00:00:00Z).
  explicit CheckedStore(StoreOptions options = {});

  absl::StatusOr<model::CreateSecretResponse> CreateSecret(
      const model::CreateSecretRequest& request);
  absl::StatusOr<model::PutSecretValueResponse> PutSecretValue(
      const model::PutSecretValueRequest& request);
  absl::StatusOr<model::UpdateSecretResponse> UpdateSecret(
      const model::UpdateSecretRequest& request);
  absl::StatusOr<model::UpdateSecretVersionStageResponse>
  UpdateSecretVersionStage(const model::UpdateSecretVersionStageRequest& request);
  absl::Status UpdateSecretVersionStage(
      const model::UpdateSecretVersionStageRequest& request,
      model::UpdateSecretVersionStageResponse* response);
  absl::StatusOr<model::GetSecretValueResponse> GetSecretValue(
      const model::GetSecretValueRequest& request);
  absl::StatusOr<model::DescribeSecretResponse> DescribeSecret(
      const model::DescribeSecretRequest& request);
  absl::StatusOr<model::ListSecretVersionIdsResponse> ListSecretVersionIds(
      const model::ListSecretVersionIdsRequest& request);
  absl::StatusOr<model::DeleteSecretResponse> DeleteSecret(
      const model::DeleteSecretRequest& request);
  absl::StatusOr<model::RestoreSecretResponse> RestoreSecret(
      const model::RestoreSecretRequest& request);

  SecretStore& raw() { return *store_; }
  ManualClock& clock() { return *clock_; }
  absl::Time Now() const { return clock_->Now(); }
  // "arn:<partition>:secretsmanager:<region>:<account>:secret:".
  std::string ArnPrefix() const;

  // Every name / SecretId any operation was called with.
  std::set<std::string> SeenIds() const;

 private:
  void Saw(const std::string& id);
  void Check(const char* operation);

  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<SecretStore> store_;
  mutable std::mutex mu_;
  std::set<std::string> seen_ids_;  // guarded by mu_
};

// ---- Success helpers: each expects OK (a failure is reported and an empty
// response returned).

// CreateSecret with a SecretString value.
model::CreateSecretResponse Create(CheckedStore& store, std::string_view name,
                                   std::string_view value,
                                   std::optional<std::string> token = {});
// CreateSecret without a value (a secret with no versions).
model::CreateSecretResponse CreateEmpty(CheckedStore& store,
                                        std::string_view name);
// PutSecretValue with a SecretString value.
model::PutSecretValueResponse Put(
    CheckedStore& store, std::string_view id, std::string_view value,
    std::optional<std::string> token = {},
    std::optional<std::vector<std::string>> stages = {});
// UpdateSecretVersionStage.
void Move(CheckedStore& store, std::string_view id, std::string_view label,
          std::optional<std::string> remove_from,
          std::optional<std::string> move_to);
model::GetSecretValueResponse Get(CheckedStore& store, std::string_view id,
                                  std::optional<std::string> version_id = {},
                                  std::optional<std::string> version_stage = {});
model::DescribeSecretResponse Describe(CheckedStore& store, std::string_view id);
// All versions (IncludeDeprecated), all pages, in the store's order.
std::vector<model::SecretVersionsListEntry> AllVersions(CheckedStore& store,
                                                        std::string_view id);

// Request builders.
model::PutSecretValueRequest PutRequest(
    std::string_view id, std::string_view value,
    std::optional<std::string> token = {},
    std::optional<std::vector<std::string>> stages = {});
model::UpdateSecretVersionStageRequest StageRequest(
    std::string_view id, std::string_view label,
    std::optional<std::string> remove_from, std::optional<std::string> move_to);
model::GetSecretValueRequest GetRequest(
    std::string_view id, std::optional<std::string> version_id = {},
    std::optional<std::string> version_stage = {});

// VersionId -> labels of every version of `id`, deprecated ones included
// (from ListSecretVersionIds with IncludeDeprecated, all pages).
LabelMap Labels(CheckedStore& store, std::string_view id);

// A printable rendering of everything DescribeSecret and
// ListSecretVersionIds(IncludeDeprecated) show for `id` (or their errors).
std::string StateOf(SecretStore& store, std::string_view id);

// Captures the visible state of every secret the store has been told about;
// ExpectUnchanged() checks that it is still the same and that ids first seen
// since then name no new secret.
class StateGuard {
 public:
  explicit StateGuard(CheckedStore* store);
  void ExpectUnchanged(const char* file, int line, const char* what) const;

 private:
  CheckedStore* store_;
  std::set<std::string> ids_;
  std::map<std::string, std::string> before_;
  std::set<std::string> arns_;
};

// ---- AWS error assertions.

inline absl::Status ToStatus(const absl::Status& s) { return s; }
template <typename T>
absl::Status ToStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

::testing::AssertionResult AwsErrorIs(const char* status_expr,
                                      const char* name_expr,
                                      const char* message_expr,
                                      const absl::Status& status,
                                      std::string_view name,
                                      std::string_view message);

}  // namespace secretstage::test

// Asserts that `expr` (an absl::Status or absl::StatusOr) failed with AWS
// exception `name` and exactly `message`.
#define EXPECT_AWS_ERROR(expr, name, message)                 \
  EXPECT_PRED_FORMAT3(::secretstage::test::AwsErrorIs,        \
                      ::secretstage::test::ToStatus(expr), name, message)
#define ASSERT_AWS_ERROR(expr, name, message)                 \
  ASSERT_PRED_FORMAT3(::secretstage::test::AwsErrorIs,        \
                      ::secretstage::test::ToStatus(expr), name, message)

// EXPECT_AWS_ERROR, and the store's visible state is the same before and
// after the call (a failed call changes nothing).
#define EXPECT_AWS_ERROR_UNCHANGED(store, expr, name, message)           \
  do {                                                                   \
    const ::secretstage::test::StateGuard secretstage_guard_(&(store));  \
    EXPECT_AWS_ERROR(expr, name, message);                               \
    secretstage_guard_.ExpectUnchanged(__FILE__, __LINE__, #expr);       \
  } while (0)

#define EXPECT_OK(expr)                                        \
  do {                                                         \
    const absl::Status secretstage_s_ =                        \
        ::secretstage::test::ToStatus(expr);                   \
    EXPECT_TRUE(secretstage_s_.ok()) << secretstage_s_;        \
  } while (0)
#define ASSERT_OK(expr)                                        \
  do {                                                         \
    const absl::Status secretstage_s_ =                        \
        ::secretstage::test::ToStatus(expr);                   \
    ASSERT_TRUE(secretstage_s_.ok()) << secretstage_s_;        \
  } while (0)

#endif  // SECRETSTAGE_TESTS_TEST_UTIL_H_
