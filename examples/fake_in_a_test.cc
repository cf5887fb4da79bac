// The README's example: SecretStore as the Secrets Manager fake of a unit
// test. Kept as a real test so the README never shows code that does not
// compile or does not pass.
#include "core/errors.h"
#include "core/secret_store.h"
#include "gtest/gtest.h"

using namespace secretstage;

TEST(ReadmeExample, RotationByHandThenRollback) {
  SecretStore store;  // one account in one region, in memory
  auto v1 = store.CreateSecret({.name = "prod/db", .secret_string = "pw-1"});
  auto v2 = store.PutSecretValue({.secret_id = "prod/db", .secret_string = "pw-2",
                                  .version_stages = {{"AWSPENDING"}}});
  // Promote the pending version: AWSCURRENT moves, AWSPREVIOUS follows.
  ASSERT_TRUE(store.UpdateSecretVersionStage({.secret_id = "prod/db",
      .version_stage = "AWSCURRENT", .remove_from_version_id = v1->version_id,
      .move_to_version_id = v2->version_id}).ok());
  EXPECT_EQ(store.GetSecretValue({.secret_id = "prod/db"})->secret_string, "pw-2");
  // AWS's rules are enforced: AWSCURRENT can only be moved, never removed.
  auto removed = store.UpdateSecretVersionStage({.secret_id = "prod/db",
      .version_stage = "AWSCURRENT", .remove_from_version_id = v2->version_id});
  EXPECT_EQ(AwsErrorName(removed.status()), "InvalidParameterException");
  EXPECT_TRUE(store.CheckInvariants().ok());
}
