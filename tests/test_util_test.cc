// Tests of the test helpers themselves: a guard that never fires would make
// every "nothing changed" assertion in the suite vacuous.
#include "tests/test_util.h"

#include "gtest/gtest-spi.h"
#include "gtest/gtest.h"
#include "model/model.h"

namespace secretstage::test {
namespace {

TEST(TestUtilTest, StateGuardDetectsChangedLabels) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const StateGuard guard(&store);
  Put(store, "s", "y", Tok(2));
  EXPECT_NONFATAL_FAILURE(guard.ExpectUnchanged(__FILE__, __LINE__, "put"),
                          "A failed call changed the store");
}

TEST(TestUtilTest, StateGuardDetectsRecordedAccess) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const StateGuard guard(&store);
  Get(store, "s");
  EXPECT_NONFATAL_FAILURE(guard.ExpectUnchanged(__FILE__, __LINE__, "get"),
                          "A failed call changed the store");
}

TEST(TestUtilTest, StateGuardDetectsNewSecret) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  const StateGuard guard(&store);
  Create(store, "t", "x", Tok(2));
  EXPECT_NONFATAL_FAILURE(guard.ExpectUnchanged(__FILE__, __LINE__, "create"),
                          "A failed call created secret");
}

TEST(TestUtilTest, StateGuardAcceptsReadsAndAliases) {
  CheckedStore store;
  const auto c = Create(store, "s", "x", Tok(1));
  const StateGuard guard(&store);
  Describe(store, "s");
  Describe(store, c.arn);  // a new id naming an existing secret
  Labels(store, "s");
  guard.ExpectUnchanged(__FILE__, __LINE__, "reads");
}

TEST(TestUtilTest, AwsErrorIsChecksNameAndMessage) {
  const absl::Status s =
      AwsError(model::ErrorCode::kResourceNotFoundException, kSecretNotFound);
  EXPECT_AWS_ERROR(s, "ResourceNotFoundException", kSecretNotFound);
  EXPECT_NONFATAL_FAILURE(
      EXPECT_AWS_ERROR(s, "InvalidRequestException", kSecretNotFound),
      "actual: ResourceNotFoundException");
  EXPECT_NONFATAL_FAILURE(
      EXPECT_AWS_ERROR(s, "ResourceNotFoundException", "other"),
      "expected: ResourceNotFoundException: \"other\"");
  EXPECT_NONFATAL_FAILURE(
      EXPECT_AWS_ERROR(absl::OkStatus(), "ResourceNotFoundException", "m"),
      "succeeded");
}

TEST(TestUtilTest, LabelsIncludesDeprecatedVersions) {
  CheckedStore store;
  Create(store, "s", "x", Tok(1));
  Put(store, "s", "y", Tok(2));
  Put(store, "s", "z", Tok(3));
  EXPECT_EQ(Labels(store, "s"), (LabelMap{{Tok(1), {}},
                                          {Tok(2), {"AWSPREVIOUS"}},
                                          {Tok(3), {"AWSCURRENT"}}}));
}

TEST(TestUtilTest, TokIsUuidShaped) {
  EXPECT_EQ(Tok(7), "00000000-0000-4000-8000-000000000007");
  EXPECT_EQ(Tok(7).size(), 36u);
}

}  // namespace
}  // namespace secretstage::test
