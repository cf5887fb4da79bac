// Reproducibility: StoreOptions::seed + a ManualClock make runs identical
// (secret_store.h StoreOptions; decisions.md "Listing and reading" ARNs,
// "Client request tokens").
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {
namespace {

// Everything a fixed script of calls returns, rendered as text. Tokens are
// omitted wherever the API allows, so they come from the id source.
std::vector<std::string> RunScript(CheckedStore& store) {
  std::vector<std::string> out;
  for (const char* name : {"alpha", "beta", "gamma/delta"}) {
    auto c = store.CreateSecret({name, {}, {}, {}, {}, "v0", {}});
    EXPECT_TRUE(c.ok()) << c.status();
    if (!c.ok()) return out;
    out.push_back(absl::StrCat("create ", c->arn, " ", c->name, " ",
                               c->version_id.value_or("-")));
  }
  store.clock().Advance(absl::Seconds(3));
  auto p = store.PutSecretValue(PutRequest("alpha", "v1"));
  EXPECT_TRUE(p.ok()) << p.status();
  if (!p.ok()) return out;
  out.push_back(absl::StrCat("put ", p->arn, " ", p->version_id));
  model::UpdateSecretRequest update;
  update.secret_id = "beta";
  update.secret_string = "v1";
  auto u = store.UpdateSecret(update);
  EXPECT_TRUE(u.ok()) << u.status();
  if (!u.ok()) return out;
  out.push_back(absl::StrCat("update ", u->arn, " ", u->version_id.value_or("-")));
  auto empty = store.CreateSecret({"empty", {}, {}, {}, {}, {}, {}});
  EXPECT_TRUE(empty.ok()) << empty.status();
  if (empty.ok()) out.push_back("create-empty " + empty->arn);
  auto del = store.DeleteSecret({"gamma/delta", std::nullopt, true});
  EXPECT_TRUE(del.ok()) << del.status();
  auto again = store.CreateSecret({"gamma/delta", {}, {}, {}, {}, "v2", {}});
  EXPECT_TRUE(again.ok()) << again.status();
  if (again.ok()) {
    out.push_back(absl::StrCat("recreate ", again->arn, " ",
                               again->version_id.value_or("-")));
  }
  for (const char* name : {"alpha", "beta", "gamma/delta", "empty"}) {
    out.push_back(StateOf(store.raw(), name));
  }
  return out;
}

// secret_store.h StoreOptions::seed: "Two stores with equal options fed the
// same calls (with a ManualClock) give byte-identical results."
TEST(DeterminismTest, SameSeedGivesIdenticalResponses) {
  StoreOptions o;
  o.seed = 42;
  CheckedStore a(o);
  CheckedStore b(o);
  const auto ra = RunScript(a);
  const auto rb = RunScript(b);
  ASSERT_FALSE(ra.empty());
  EXPECT_EQ(ra, rb);
}

// secret_store.h StoreOptions::seed: different seeds give different ARN
// suffixes and generated tokens.
TEST(DeterminismTest, DifferentSeedsGiveDifferentIds) {
  StoreOptions o1;
  o1.seed = 1;
  StoreOptions o2;
  o2.seed = 2;
  CheckedStore a(o1);
  CheckedStore b(o2);
  auto ca = a.CreateSecret({"s", {}, {}, {}, {}, "v", {}});
  auto cb = b.CreateSecret({"s", {}, {}, {}, {}, "v", {}});
  ASSERT_OK(ca);
  ASSERT_OK(cb);
  EXPECT_NE(ca->arn, cb->arn);
  ASSERT_TRUE(ca->version_id.has_value());
  ASSERT_TRUE(cb->version_id.has_value());
  EXPECT_NE(*ca->version_id, *cb->version_id);
}

// decisions.md "Listing and reading": the ARN suffix comes from the seeded id
// source; one store never hands out the same suffix for successive
// incarnations of a name.
TEST(DeterminismTest, GeneratedIdsWithinOneStoreAreDistinct) {
  CheckedStore store;
  std::set<std::string> arns;
  std::set<std::string> tokens;
  for (int i = 0; i < 50; ++i) {
    auto c = store.CreateSecret({"s", {}, {}, {}, {}, "v", {}});
    ASSERT_OK(c);
    arns.insert(c->arn);
    tokens.insert(c->version_id.value_or(""));
    ASSERT_OK(store.DeleteSecret({"s", std::nullopt, true}));
  }
  EXPECT_EQ(arns.size(), 50u);
  EXPECT_EQ(tokens.size(), 50u);
}

}  // namespace
}  // namespace secretstage::test
