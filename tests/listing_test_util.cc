#include "tests/listing_test_util.h"

#include <utility>

#include "gtest/gtest.h"

namespace secretstage::test {
namespace {

void CheckAfter(CheckedStore& store, const char* operation) {
  const absl::Status s = store.raw().CheckInvariants();
  if (!s.ok()) {
    ADD_FAILURE() << "CheckInvariants() failed after " << operation << ": "
                  << s;
  }
}

}  // namespace

absl::StatusOr<model::ListSecretsResponse> CheckedListSecrets(
    CheckedStore& store, const model::ListSecretsRequest& request) {
  auto r = store.raw().ListSecrets(request);
  CheckAfter(store, "ListSecrets");
  return r;
}

absl::StatusOr<model::BatchGetSecretValueResponse> CheckedBatchGet(
    CheckedStore& store, const model::BatchGetSecretValueRequest& request) {
  auto r = store.raw().BatchGetSecretValue(request);
  CheckAfter(store, "BatchGetSecretValue");
  return r;
}

absl::StatusOr<model::TagResourceResponse> CheckedTag(
    CheckedStore& store, const model::TagResourceRequest& request) {
  auto r = store.raw().TagResource(request);
  CheckAfter(store, "TagResource");
  return r;
}

absl::StatusOr<model::UntagResourceResponse> CheckedUntag(
    CheckedStore& store, const model::UntagResourceRequest& request) {
  auto r = store.raw().UntagResource(request);
  CheckAfter(store, "UntagResource");
  return r;
}

model::CreateSecretResponse CreateWith(CheckedStore& store,
                                       std::string_view name,
                                       std::optional<std::string> value,
                                       std::optional<std::string> description,
                                       std::vector<model::Tag> tags) {
  model::CreateSecretRequest req;
  req.name = std::string(name);
  req.secret_string = std::move(value);
  req.description = std::move(description);
  req.tags = std::move(tags);
  auto r = store.CreateSecret(req);
  if (!r.ok()) {
    ADD_FAILURE() << "CreateSecret(" << name << ") failed: " << r.status();
    return {};
  }
  return *std::move(r);
}

model::Filter MakeFilter(std::string key, std::vector<std::string> values) {
  return model::Filter{std::move(key), std::move(values)};
}

std::vector<model::SecretListEntry> ListAll(CheckedStore& store,
                                            model::ListSecretsRequest request) {
  std::vector<model::SecretListEntry> all;
  for (int page = 0; page < 1000; ++page) {
    auto r = CheckedListSecrets(store, request);
    if (!r.ok()) {
      ADD_FAILURE() << "ListSecrets failed: " << r.status();
      break;
    }
    for (auto& e : r->secret_list) all.push_back(std::move(e));
    if (!r->next_token) break;
    request.next_token = r->next_token;
  }
  return all;
}

std::vector<std::string> ListedNames(CheckedStore& store,
                                     model::ListSecretsRequest request) {
  std::vector<std::string> names;
  for (const auto& e : ListAll(store, std::move(request))) {
    names.push_back(e.name);
  }
  return names;
}

std::vector<std::string> Filtered(CheckedStore& store,
                                  std::vector<model::Filter> filters) {
  model::ListSecretsRequest req;
  req.filters = std::move(filters);
  return ListedNames(store, std::move(req));
}

}  // namespace secretstage::test
