// Regression tests for the differential harness: literal op lists on which
// SecretStore and ReferenceStore must agree after every operation (outcome,
// DescribeSecret and ListSecretVersionIds of s0..s2, core invariants), with
// the quotas of differential.h (4 labels, 4 versions per secret).
//
// The first tests replay the semantics.md §11 scenarios; the later ones are
// minimal sequences printed by differential_test (seed in the name), pasted
// as printed.
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/reference/differential.h"
#include "tests/reference/ops.h"

namespace secretstage::reference {
namespace {

void ExpectAgree(uint64_t seed, const std::vector<Op>& ops) {
  std::optional<Mismatch> mismatch = Replay(seed, ops);
  EXPECT_FALSE(mismatch.has_value())
      << "after op " << mismatch->op_index << " ("
      << ToCppLiteral(ops[mismatch->op_index]) << "): "
      << mismatch->description;
}

std::string Tok(int n) {
  std::string digits = std::to_string(n);
  return "tok-" + std::string(28 - digits.size(), '0') + digits;
}

constexpr char kArnPrefix[] =
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

// §11.1, §11.6, §11.7, §11.55, §11.57.
TEST(RegressionTest, PutMovesCurrentAndDeprecates) {
  ExpectAgree(1, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      AdvanceClock{1},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(2),
                        .secret_string = "y"}},
      AdvanceClock{3600},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(3),
                        .secret_string = "z"}},
      GetSecretValueOp{{.secret_id = "s0", .version_id = Tok(1)}},
      ListSecretVersionIdsOp{{.secret_id = "s0"}},
      ListSecretVersionIdsOp{{.secret_id = "s0", .max_results = 1,
                              .include_deprecated = true}},
      ListSecretVersionIdsOp{{.secret_id = "s0", .next_token = Tok(1)}},
  });
}

// §11.2-§11.5: a secret without versions.
TEST(RegressionTest, EmptySecretGetsCurrentWithItsFirstVersion) {
  ExpectAgree(2, {
      CreateSecretOp{{.name = "s0"}},
      GetSecretValueOp{{.secret_id = "s0"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(1),
                        .secret_string = "x",
                        .version_stages = std::vector<std::string>{"L1"}}},
      CreateSecretOp{{.name = "s1"}},
      PutSecretValueOp{{.secret_id = "s1", .secret_string = "x"}},
  });
}

// §11.8-§11.13: custom labels, AWSPENDING, the old current's labels.
TEST(RegressionTest, LabelsMoveBetweenVersions) {
  ExpectAgree(3, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(2),
                        .secret_string = "y",
                        .version_stages = std::vector<std::string>{
                            "AWSPENDING", "L1"}}},
      GetSecretValueOp{{.secret_id = "s0"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(3),
                        .secret_string = "z",
                        .version_stages = std::vector<std::string>{
                            "L1", "L1", "AWSCURRENT"}}},
      UpdateSecretVersionStageOp{{.secret_id = "s0",
                                  .version_stage = "AWSPENDING",
                                  .remove_from_version_id = Tok(2),
                                  .move_to_version_id = Tok(3)}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(4),
                        .secret_binary = std::string("\0\1\2\377", 4)}},
      GetSecretValueOp{{.secret_id = "s0", .version_stage = "AWSCURRENT"}},
  });
}

// §11.14-§11.19: idempotent tokens.
TEST(RegressionTest, TokensAreIdempotent) {
  ExpectAgree(4, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "y"}},
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(2)}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(1),
                        .secret_string = "x"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(1),
                        .secret_binary = "x"}},
      UpdateSecretOp{{.secret_id = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      UpdateSecretOp{{.secret_id = "s0", .client_request_token = Tok(1),
                      .secret_string = "y"}},
      UpdateSecretOp{{.secret_id = "s0", .description = "d"}},
      UpdateSecretOp{{.secret_id = "s0"}},
  });
}

// §11.24-§11.32 and decisions.md "UpdateSecretVersionStage".
TEST(RegressionTest, VersionStageMovesAndErrors) {
  ExpectAgree(5, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(2),
                        .secret_string = "y",
                        .version_stages = std::vector<std::string>{
                            "AWSPENDING"}}},
      UpdateSecretVersionStageOp{{.secret_id = "s0",
                                  .version_stage = "AWSCURRENT",
                                  .move_to_version_id = Tok(2)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0",
                                  .version_stage = "AWSCURRENT",
                                  .remove_from_version_id = Tok(1)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0",
                                  .version_stage = "AWSCURRENT",
                                  .remove_from_version_id = Tok(1),
                                  .move_to_version_id = Tok(2)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0",
                                  .version_stage = "AWSCURRENT",
                                  .remove_from_version_id = Tok(2),
                                  .move_to_version_id = Tok(1)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L1",
                                  .move_to_version_id = Tok(1)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L1",
                                  .remove_from_version_id = Tok(2),
                                  .move_to_version_id = Tok(2)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L1",
                                  .remove_from_version_id = Tok(1)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L2",
                                  .remove_from_version_id = Tok(1)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L2"}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L2",
                                  .move_to_version_id = Tok(6)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0",
                                  .version_stage = "AWSPREVIOUS",
                                  .move_to_version_id = Tok(2)}},
  });
}

// §11.33-§11.39: reads, names and ARNs.
TEST(RegressionTest, GetErrorsNamesAndArns) {
  ExpectAgree(6, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      GetSecretValueOp{{.secret_id = "s0", .version_id = Tok(1),
                        .version_stage = "AWSPREVIOUS"}},
      GetSecretValueOp{{.secret_id = "s0", .version_stage = "AWSPREVIOUS"}},
      GetSecretValueOp{{.secret_id = "s0", .version_id = Tok(5)}},
      GetSecretValueOp{{.secret_id = "s1"}},
      ListSecretVersionIdsOp{{.secret_id = "s1"}},
      GetSecretValueOp{{.secret_id = std::string(kArnPrefix) + "s0"}},
      GetSecretValueOp{{.secret_id = std::string(kArnPrefix) + "s0-AbCd12"}},
      CreateSecretOp{{.name = "bad name"}},
      DeleteSecretOp{{.secret_id = "bad name",
                      .force_delete_without_recovery = true}},
      GetSecretValueOp{{.secret_id = "s0", .version_id = "short"}},
      ListSecretVersionIdsOp{{.secret_id = "s0", .max_results = 0}},
  });
}

// §11.40-§11.48 and decisions.md "Deletion".
TEST(RegressionTest, DeletionLifecycle) {
  ExpectAgree(7, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      DeleteSecretOp{{.secret_id = "s0", .recovery_window_in_days = 6}},
      DeleteSecretOp{{.secret_id = "s0", .recovery_window_in_days = 7,
                      .force_delete_without_recovery = true}},
      DeleteSecretOp{{.secret_id = "s0", .recovery_window_in_days = 7}},
      CreateSecretOp{{.name = "s0"}},
      GetSecretValueOp{{.secret_id = "s0"}},
      PutSecretValueOp{{.secret_id = "s0", .secret_string = "y"}},
      DeleteSecretOp{{.secret_id = "s0"}},
      RestoreSecretOp{{.secret_id = "s0"}},
      RestoreSecretOp{{.secret_id = "s0"}},
      DeleteSecretOp{{.secret_id = "s0", .recovery_window_in_days = 7}},
      AdvanceClock{7 * 86400},
      DescribeSecretOp{{.secret_id = "s0"}},
      CreateSecretOp{{.name = "s0"}},
      DeleteSecretOp{{.secret_id = "s0", .force_delete_without_recovery = true}},
      DeleteSecretOp{{.secret_id = "s0", .force_delete_without_recovery = true}},
      DeleteSecretOp{{.secret_id = "s1"}},
      RestoreSecretOp{{.secret_id = "s1"}},
  });
}

// decisions.md "Quotas", with 4 labels and 4 versions per secret.
TEST(RegressionTest, QuotasAndPurge) {
  ExpectAgree(8, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(2),
                        .secret_string = "y",
                        .version_stages = std::vector<std::string>{"L1",
                                                                   "L2"}}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(3),
                        .secret_string = "z"}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L1",
                                  .remove_from_version_id = Tok(2)}},
      UpdateSecretVersionStageOp{{.secret_id = "s0", .version_stage = "L2",
                                  .remove_from_version_id = Tok(2)}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(4),
                        .secret_string = "w"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(5),
                        .secret_string = "v"}},
      AdvanceClock{24 * 3600},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(5),
                        .secret_string = "v"}},
      GetSecretValueOp{{.secret_id = "s0", .version_id = Tok(1)}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(1),
                        .secret_string = "x"}},
      UpdateSecretVersionStageOp{{.secret_id = "s0",
                                  .version_stage = "AWSPREVIOUS",
                                  .move_to_version_id = Tok(1)}},
  });
}

// Formerly known disagreements (decided from the spec; core was fixed):
//
// An empty VersionStages list is a list-size constraint violation, and
// decisions.md "Client request tokens" gives list sizes the "Value '<v>' at"
// form (state-machine.md: only SecretString/SecretBinary are not echoed).
// Core used to omit the value ("Value at 'versionStages'").
TEST(RegressionTest, EmptyVersionStagesListIsEchoed) {
  ExpectAgree(2, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = Tok(4),
                        .secret_string = "value-a",
                        .version_stages = std::vector<std::string>{}}},
      PutSecretValueOp{{.secret_id = "s0", .client_request_token = "short-token",
                        .secret_binary = std::string("\000\001\002\377", 4),
                        .version_stages = std::vector<std::string>{}}},
  });
}

// An ARN of another region (or account, or partition) names no secret of
// this store: it is not found at lookup, after the request's own checks, like
// any missing secret (semantics.md §3 "same account/region", §8: request
// shape before existence). Core used to answer ResourceNotFoundException
// before checking, e.g., that PutSecretValue has a value, and a forced
// DeleteSecret echoed the whole ARN as the Name.
TEST(RegressionTest, ArnOfAnotherRegionIsAMissingSecret) {
  const std::string foreign =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:s0";
  ExpectAgree(1, {
      CreateSecretOp{{.name = "s0", .client_request_token = Tok(1),
                      .secret_string = "x"}},
      PutSecretValueOp{{.secret_id = foreign, .client_request_token = Tok(6)}},
      PutSecretValueOp{{.secret_id = foreign, .client_request_token = Tok(6),
                        .secret_string = "y"}},
      UpdateSecretVersionStageOp{{.secret_id = foreign,
                                  .version_stage = "L1"}},
      GetSecretValueOp{{.secret_id = foreign + "-AbCd12"}},
      DeleteSecretOp{{.secret_id = foreign, .recovery_window_in_days = 6}},
      DeleteSecretOp{{.secret_id = foreign}},
      DeleteSecretOp{{.secret_id = foreign + "-AbCd12",
                      .force_delete_without_recovery = true}},
      RestoreSecretOp{{.secret_id = foreign}},
      GetSecretValueOp{{.secret_id = "s0"}},
  });
}

// An empty Description is no Description (semantics.md §2 "only returns
// fields that have a value"; the recorded AWS DescribeSecret after
// CreateSecret(Description="") has none, test_create_secret_version_from_
// empty_secret). UpdateSecret(Description="") clears one.
TEST(RegressionTest, EmptyDescriptionIsOmitted) {
  ExpectAgree(9, {
      CreateSecretOp{{.name = "s0", .description = ""}},
      DescribeSecretOp{{.secret_id = "s0"}},
      UpdateSecretOp{{.secret_id = "s0", .description = "d1"}},
      AdvanceClock{1},
      UpdateSecretOp{{.secret_id = "s0", .description = ""}},
      AdvanceClock{1},
      UpdateSecretOp{{.secret_id = "s0", .description = ""}},
  });
}

}  // namespace
}  // namespace secretstage::reference
