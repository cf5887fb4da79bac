// SecretStore::BatchGetSecretValue (semantics.md §4.6, §11.58, §11.59).
// Each secret is read exactly as GetSecretValue reads AWSCURRENT; a secret
// that cannot be read becomes an entry of Errors and the call succeeds.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/common_errors.h"
#include "core/errors.h"
#include "core/secret.h"
#include "core/secret_filter.h"
#include "core/secret_listing.h"
#include "core/secret_store.h"
#include "core/validation.h"

namespace secretstage {
namespace {

using internal::ListKey;
using model::ErrorCode;

// Default page size with Filters (inferred: the documented maximum).
constexpr size_t kDefaultPageSize = 20;

}  // namespace

absl::StatusOr<model::BatchGetSecretValueResponse>
SecretStore::BatchGetSecretValue(
    const model::BatchGetSecretValueRequest& request) {
  internal::ConstraintChecker check;
  if (request.secret_id_list) {
    check.ListSize("secretIdList", *request.secret_id_list, 1, 20);
    check.EachLength("secretIdList", *request.secret_id_list, 1, 2048);
  }
  if (request.filters) internal::CheckFilters(*request.filters, check);
  if (request.max_results)
    check.Range("maxResults", *request.max_results, 1, 20);
  check.OptionalLength("nextToken", request.next_token, 1, 4096);
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  // An empty Filters list counts as absent (inferred).
  const bool has_filters = request.filters && !request.filters->empty();
  if (has_filters == request.secret_id_list.has_value()) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    "Either 'SecretIdList' or 'Filters' must be provided, but "
                    "not both.");
  }
  if (request.max_results && !has_filters) {
    return AwsError(ErrorCode::kInvalidParameterException,
                    "'Filters' not specified. 'Filters' must also be "
                    "specified when 'MaxResults' is provided.");
  }

  // The secrets to read, by the id to read them with.
  std::vector<std::string> ids;
  std::optional<std::string> next_token;
  if (!has_filters) {
    // A SecretIdList is answered in one page, so no token is ever valid.
    if (request.next_token) return internal::InvalidNextToken();
    ids = *request.secret_id_list;
  } else {
    const internal::ListOrder order;  // created-date, ascending
    std::optional<ListKey> after;
    if (request.next_token) {
      absl::StatusOr<ListKey> key =
          internal::DecodeListToken(*request.next_token, 'B', order);
      if (!key.ok()) return key.status();
      after = *std::move(key);
    }
    const internal::SecretMatcher matcher(*request.filters, options_.region);
    const absl::Time now = clock_->Now();
    std::vector<ListKey> keys;
    for (const Shard& shard : shards_) {
      ReaderLockGuard lock(&shard.mu);
      for (const auto& secret : shard.by_name) {
        if (secret->IsScheduled() || secret->IsGoneAt(now) ||
            !matcher.Matches(*secret)) {
          continue;
        }
        ListKey key = internal::KeyOf(*secret, order.by);
        if (after && !order.Before(*after, key)) continue;
        keys.push_back(std::move(key));
      }
    }
    const size_t page_size = request.max_results
                                 ? static_cast<size_t>(*request.max_results)
                                 : kDefaultPageSize;
    internal::ListPage page =
        internal::SelectPage(std::move(keys), order, std::nullopt, page_size);
    if (page.more) {
      next_token = internal::EncodeListToken('B', order, page.keys.back());
    }
    // The full ARN names exactly the secret that was listed.
    for (ListKey& key : page.keys) ids.push_back(std::move(key.arn));
  }

  model::BatchGetSecretValueResponse response;
  response.next_token = std::move(next_token);
  for (const std::string& id : ids) {
    model::GetSecretValueRequest get;
    get.secret_id = id;
    absl::StatusOr<model::GetSecretValueResponse> read = GetSecretValue(get);
    if (!read.ok()) {
      response.errors.push_back(
          model::APIErrorType{id, AwsErrorName(read.status()),
                              std::string(read.status().message())});
      continue;
    }
    model::SecretValueEntry entry;
    entry.arn = std::move(read->arn);
    entry.name = std::move(read->name);
    entry.version_id = std::move(read->version_id);
    entry.secret_binary = std::move(read->secret_binary);
    entry.secret_string = std::move(read->secret_string);
    entry.version_stages = std::move(read->version_stages);
    entry.created_date = read->created_date;
    response.secret_values.push_back(std::move(entry));
  }
  return response;
}

}  // namespace secretstage
