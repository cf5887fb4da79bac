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
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "core/secret.h"
#include "core/version_read.h"
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

// Fills the members DescribeSecret and a ListSecrets entry share from
// `secret` into `out` (a model::DescribeSecretResponse or
// model::SecretListEntry); `stages` is its version-to-labels map
// (VersionIdsToStages or SecretVersionsToStages), which holds the labelled
// versions only.
template <typename Out>
void DescribeInto(const Secret& secret, Out& out,
                  std::map<std::string, std::vector<std::string>>& stages) {
  out.arn = secret.Arn();
  out.name = secret.name;
  out.description = secret.description;
  out.kms_key_id = secret.kms_key_id;
  out.rotation_enabled = secret.rotation_enabled;
  out.rotation_lambda_arn = secret.rotation_lambda_arn;
  out.rotation_rules = secret.rotation_rules;
  out.last_rotated_date = secret.last_rotated;
  if (secret.rotation_enabled.value_or(false)) {
    out.next_rotation_date = secret.next_rotation;
  }
  out.last_changed_date = secret.last_changed;
  out.last_accessed_date = AccessDate(secret.last_accessed_day);
  out.deleted_date = secret.deletion_date;
  out.tags = secret.tags;
  for (uint32_t i = 0; i < secret.versions.size(); ++i) {
    std::vector<std::string> labels = secret.LabelsOf(i);
    if (!labels.empty()) {
      stages.emplace(secret.versions[i].id.str(), std::move(labels));
    }
  }
  out.created_date = secret.created;
}

// The ListSecrets entry of `secret`.
model::SecretListEntry ListEntryOf(const Secret& secret);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_SECRET_LISTING_H_
