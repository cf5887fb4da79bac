#include <iostream>
#include "core/secret_store.h"
#include "gtest/gtest.h"
#include "tests/reference/ops.h"
namespace secretstage::reference {
TEST(Scratch, A) {
  auto clock = std::make_shared<ManualClock>();
  StoreOptions o; o.clock = clock; o.seed = 1;
  SecretStore s(o);
  std::vector<Op> ops = {
    CreateSecretOp{{.name = "s0", .kms_key_id = "alias/k0"}},
    PutSecretValueOp{{.secret_id = "s0", .client_request_token = "tok-0000000000000000000000000001", .secret_string = "value-a"}},
    UpdateSecretOp{{.secret_id = "s0", .kms_key_id = "alias/k1"}},
    PutSecretValueOp{{.secret_id = "s0", .client_request_token = "tok-0000000000000000000000000002", .secret_string = "value-b"}},
    ListSecretVersionIdsOp{{.secret_id = "s0"}},
    DescribeSecretOp{{.secret_id = "s0"}},
    UpdateSecretOp{{.secret_id = "s0", .kms_key_id = ""}},
    ListSecretVersionIdsOp{{.secret_id = "s0"}},
    DescribeSecretOp{{.secret_id = "s0"}},
  };
  for (auto& op : ops) { clock->Advance(absl::Seconds(1)); std::cout << ToCppLiteral(op) << "\n   -> " << ToString(Apply(s, op)) << "\n"; }
}
}
