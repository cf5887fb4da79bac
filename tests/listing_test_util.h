// Helpers for the tests of ListSecrets, BatchGetSecretValue and
// TagResource/UntagResource (tests/secret_store_{list_secrets,batch_get,
// tags}_test.cc). CheckedStore (test_util.h) does not wrap these
// operations; the Checked* functions below call them on store.raw() and
// then check the store's invariants, as CheckedStore does for the others.
#ifndef SECRETSTAGE_TESTS_LISTING_TEST_UTIL_H_
#define SECRETSTAGE_TESTS_LISTING_TEST_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/model.h"
#include "tests/test_util.h"

namespace secretstage::test {

absl::StatusOr<model::ListSecretsResponse> CheckedListSecrets(
    CheckedStore& store, const model::ListSecretsRequest& request);
absl::StatusOr<model::BatchGetSecretValueResponse> CheckedBatchGet(
    CheckedStore& store, const model::BatchGetSecretValueRequest& request);
absl::StatusOr<model::TagResourceResponse> CheckedTag(
    CheckedStore& store, const model::TagResourceRequest& request);
absl::StatusOr<model::UntagResourceResponse> CheckedUntag(
    CheckedStore& store, const model::UntagResourceRequest& request);

// CreateSecret with a SecretString value (none when `value` is nullopt),
// a description and tags; expects success.
model::CreateSecretResponse CreateWith(
    CheckedStore& store, std::string_view name,
    std::optional<std::string> value,
    std::optional<std::string> description = {},
    std::vector<model::Tag> tags = {});

model::Filter MakeFilter(std::string key, std::vector<std::string> values);

// Every entry of ListSecrets(`request`), following NextToken to the end
// (at most 1000 pages); expects every page to succeed.
std::vector<model::SecretListEntry> ListAll(CheckedStore& store,
                                            model::ListSecretsRequest request);
// The names of ListAll(store, request), in order.
std::vector<std::string> ListedNames(CheckedStore& store,
                                     model::ListSecretsRequest request);
// ListedNames with only `filters` set.
std::vector<std::string> Filtered(CheckedStore& store,
                                  std::vector<model::Filter> filters);

}  // namespace secretstage::test

#endif  // SECRETSTAGE_TESTS_LISTING_TEST_UTIL_H_
