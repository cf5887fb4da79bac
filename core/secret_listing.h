// Internal: the order, paging and entries of the calls that list secrets
// (ListSecrets, and BatchGetSecretValue with Filters).
//
// A listing is collected shard by shard under each shard's reader lock, as
// a ListKey per candidate secret, then sorted and cut into pages. NextToken
// names the last key of the page (keyset paging): the next page starts
// after it, so tokens stay valid, and no secret is listed twice or skipped,
// while secrets are created or deleted between calls (a secret whose sort
// key changes between pages, e.g. its last-accessed date, may move across
// the cut).
#ifndef SECRETSTAGE_CORE_SECRET_LISTING_H_
#define SECRETSTAGE_CORE_SECRET_LISTING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "core/secret.h"
#include "model/list_secrets.h"

namespace secretstage::internal {

enum class SortBy { kCreatedDate, kLastAccessedDate, kLastChangedDate, kName };

// The SortBy values of the model, in enum order ("created-date", ...).
const std::vector<std::string_view>& SortByNames();
// The SortOrder values of the model: "asc", "desc".
const std::vector<std::string_view>& SortOrderNames();

// A secret's place in a listing: by `primary` (the sort date in unix
// microseconds; never-accessed is lowest; 0 when sorting by name), then by
// name, then by ARN.
struct ListKey {
  int64_t primary = 0;
  std::string name;
  std::string arn;
};

struct ListOrder {
  SortBy by = SortBy::kCreatedDate;
  bool descending = false;

  // Parses validated SortBy / SortOrder members (absent: created-date, asc).
  static ListOrder Parse(const std::optional<std::string>& sort_by,
                         const std::optional<std::string>& sort_order);
  // Whether `a` is listed before `b`. Descending is the exact reverse of
  // ascending (ties included).
  bool Before(const ListKey& a, const ListKey& b) const;
};

ListKey KeyOf(const Secret& secret, SortBy by);

// The NextToken for a page that ended at `last`. `op` tells apart the
// operations that issue tokens ('L' ListSecrets, 'B' BatchGetSecretValue).
std::string EncodeListToken(char op, const ListOrder& order,
                            const ListKey& last);
// The key a token from EncodeListToken(op, order, ...) names, or
// InvalidNextTokenException "The NextToken value is invalid." for anything
// else (garbage, another operation's token, another order's token).
absl::StatusOr<ListKey> DecodeListToken(std::string_view token, char op,
                                        const ListOrder& order);

// The first `page_size` (>= 1) of `keys` in `order` that come after
// `after` (all of them when nullopt), and whether more follow.
struct ListPage {
  std::vector<ListKey> keys;
  bool more = false;
};
ListPage SelectPage(std::vector<ListKey> keys, const ListOrder& order,
                    const std::optional<ListKey>& after, size_t page_size);

// The ListSecrets entry of `secret`: the fields DescribeSecret returns, with
// SecretVersionsToStages holding the labelled versions only.
model::SecretListEntry ListEntryOf(const Secret& secret);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_SECRET_LISTING_H_
