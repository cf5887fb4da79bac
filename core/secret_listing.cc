#include "core/secret_listing.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "core/absl_compat.h"
#include "core/common_errors.h"
#include "core/version_read.h"

namespace secretstage::internal {
namespace {

constexpr std::string_view kTokenVersion = "v1";

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }

}  // namespace

const std::vector<std::string_view>& SortByNames() {
  static const std::vector<std::string_view> kNames = {
      "created-date", "last-accessed-date", "last-changed-date", "name"};
  return kNames;
}

const std::vector<std::string_view>& SortOrderNames() {
  static const std::vector<std::string_view> kNames = {"asc", "desc"};
  return kNames;
}

ListOrder ListOrder::Parse(const std::optional<std::string>& sort_by,
                           const std::optional<std::string>& sort_order) {
  ListOrder order;
  if (sort_by) {
    const std::vector<std::string_view>& names = SortByNames();
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == *sort_by) order.by = static_cast<SortBy>(i);
    }
  }
  order.descending = sort_order && *sort_order == "desc";
  return order;
}

bool ListOrder::Before(const ListKey& a, const ListKey& b) const {
  const auto ta = std::tie(a.primary, a.name, a.arn);
  const auto tb = std::tie(b.primary, b.name, b.arn);
  return descending ? tb < ta : ta < tb;
}

ListKey KeyOf(const Secret& secret, SortBy by) {
  ListKey key;
  switch (by) {
    case SortBy::kCreatedDate:
      key.primary = Micros(secret.created);
      break;
    case SortBy::kLastAccessedDate: {
      const std::optional<absl::Time> accessed =
          AccessDate(secret.last_accessed_day);
      key.primary =
          accessed ? Micros(*accessed) : std::numeric_limits<int64_t>::min();
      break;
    }
    case SortBy::kLastChangedDate:
      key.primary = Micros(secret.last_changed);
      break;
    case SortBy::kName:
      key.primary = 0;
      break;
  }
  key.name = secret.name;
  key.arn = secret.Arn();
  return key;
}

std::string EncodeListToken(char op, const ListOrder& order,
                            const ListKey& last) {
  // Fields are '|'-separated: no field but the last can contain '|'
  // (names cannot), and the ARN is last, so decoding splits at most 6 times.
  const std::string plain =
      absl::StrCat(Sv(kTokenVersion), "|", std::string(1, op), "|",
                   static_cast<int>(order.by), "|", order.descending ? 1 : 0,
                   "|", last.primary, "|", last.name, "|", last.arn);
  return absl::WebSafeBase64Escape(plain);
}

absl::StatusOr<ListKey> DecodeListToken(std::string_view token, char op,
                                        const ListOrder& order) {
  std::string plain;
  if (!absl::WebSafeBase64Unescape(Sv(token), &plain)) {
    return InvalidNextToken();
  }
  const std::vector<std::string> parts =
      absl::StrSplit(plain, absl::MaxSplits('|', 6));
  if (parts.size() != 7 || parts[0] != kTokenVersion ||
      parts[1] != std::string(1, op) ||
      parts[2] != absl::StrCat(static_cast<int>(order.by)) ||
      parts[3] != (order.descending ? "1" : "0") || parts[5].empty() ||
      parts[6].empty()) {
    return InvalidNextToken();
  }
  ListKey key;
  if (!absl::SimpleAtoi(parts[4], &key.primary)) return InvalidNextToken();
  key.name = parts[5];
  key.arn = parts[6];
  return key;
}

ListPage SelectPage(std::vector<ListKey> keys, const ListOrder& order,
                    const std::optional<ListKey>& after, size_t page_size) {
  if (after) {
    keys.erase(std::remove_if(
                   keys.begin(), keys.end(),
                   [&](const ListKey& k) { return !order.Before(*after, k); }),
               keys.end());
  }
  const auto before = [&order](const ListKey& a, const ListKey& b) {
    return order.Before(a, b);
  };
  ListPage page;
  const size_t take = std::min(keys.size(), page_size);
  std::partial_sort(keys.begin(), keys.begin() + static_cast<ptrdiff_t>(take),
                    keys.end(), before);
  page.more = keys.size() > take;
  keys.resize(take);
  page.keys = std::move(keys);
  return page;
}

model::SecretListEntry ListEntryOf(const Secret& secret) {
  model::SecretListEntry entry;
  DescribeInto(secret, entry, entry.secret_versions_to_stages);
  return entry;
}

}  // namespace secretstage::internal
