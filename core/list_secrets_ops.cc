// SecretStore::ListSecrets (semantics.md §4.9). Filters are matched as
// core/secret_filter.h describes; order and paging are core/secret_listing.h.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/errors.h"
#include "core/secret.h"
#include "core/secret_filter.h"
#include "core/secret_id.h"
#include "core/secret_listing.h"
#include "core/secret_store.h"
#include "core/validation.h"

namespace secretstage {
namespace {

using internal::ListKey;
using internal::Secret;

// Default page size (inferred: AWS does not document one; ListSecretVersionIds
// uses 100 too).
constexpr size_t kDefaultPageSize = 100;

// Scheduled secrets are listed only on request; gone ones never are.
bool Listable(const Secret& secret, absl::Time now, bool include_planned) {
  if (secret.IsGoneAt(now)) return false;
  return include_planned || !secret.IsScheduled();
}

// The id that names exactly the secret `key` was taken from (its name and
// ARN suffix), so that a secret re-created under the name is not it.
internal::ParsedSecretId IdOf(const ListKey& key) {
  const std::string_view arn = key.arn;
  return {key.name, arn.size() >= 6 ? arn.substr(arn.size() - 6) : arn};
}

}  // namespace

absl::StatusOr<model::ListSecretsResponse> SecretStore::ListSecrets(
    const model::ListSecretsRequest& request) {
  internal::ConstraintChecker check;
  if (request.max_results)
    check.Range("maxResults", *request.max_results, 1, 100);
  check.OptionalLength("nextToken", request.next_token, 1, 4096);
  internal::CheckFilters(request.filters, check);
  if (request.sort_order) {
    check.Enum("sortOrder", *request.sort_order, internal::SortOrderNames());
  }
  if (request.sort_by) {
    check.Enum("sortBy", *request.sort_by, internal::SortByNames());
  }
  if (absl::Status s = check.ToStatus(); !s.ok()) return s;
  const internal::ListOrder order =
      internal::ListOrder::Parse(request.sort_by, request.sort_order);
  std::optional<ListKey> after;
  if (request.next_token) {
    absl::StatusOr<ListKey> key =
        internal::DecodeListToken(*request.next_token, 'L', order);
    if (!key.ok()) return key.status();
    after = *std::move(key);
  }
  const bool include_planned = request.include_planned_deletion.value_or(false);
  const internal::SecretMatcher matcher(request.filters, options_.region);
  const absl::Time now = clock_->Now();

  // Collect the candidates one shard at a time, then order and cut a page.
  std::vector<ListKey> keys;
  for (const Shard& shard : shards_) {
    ReaderLockGuard lock(&shard.mu);
    for (const auto& secret : shard.by_name) {
      if (!Listable(*secret, now, include_planned) ||
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

  // Build the page's entries; a secret that changed in between so that it
  // no longer qualifies is left out (AWS: a page may be shorter than
  // MaxResults even when more follow).
  model::ListSecretsResponse response;
  for (const ListKey& key : page.keys) {
    const Shard& shard = ShardFor(key.name);
    ReaderLockGuard lock(&shard.mu);
    absl::StatusOr<Secret*> found = FindLocked(shard, IdOf(key), now);
    if (!found.ok() || !Listable(**found, now, include_planned) ||
        !matcher.Matches(**found)) {
      continue;
    }
    response.secret_list.push_back(internal::ListEntryOf(**found));
  }
  if (page.more) {
    response.next_token =
        internal::EncodeListToken('L', order, page.keys.back());
  }
  return response;
}

}  // namespace secretstage
