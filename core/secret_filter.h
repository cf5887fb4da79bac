// Internal: the `Filters` of ListSecrets and BatchGetSecretValue — their
// model constraints and which secrets they match.
//
// Matching (AWS API reference "Filter" and user guide "Find secrets"; the
// per-key rules are documented, the combination rules are inferred):
// - name:           the secret name starts with the value; case-sensitive.
// - tag-key:        some tag key starts with the value; case-sensitive.
// - tag-value:      some tag value starts with the value; case-sensitive.
// - primary-region: the store's region starts with the value (every secret
//                   of a store is a primary in that region); case-sensitive.
// - owning-service: the managing service's id starts with the value; no
//                   secret of this store is managed by another service, so
//                   a positive value matches nothing.
// - description:    word match, not case-sensitive: every word of the value
//                   is the start of some word of the description (user
//                   guide: "My Description" matches "Description of my
//                   secret"). No description, or a value without words,
//                   matches nothing.
// - all:            word match, not case-sensitive, over the name, the
//                   description, tag keys and tag values: some word of the
//                   value is the start of some word of those (user guide:
//                   "My_Secret" matches "the words my or secret").
// Words: maximal runs of letters and digits, further split where a
// lowercase letter is followed by an uppercase one and between letters and
// digits ("credsDatabase#892" -> creds, Database, 892; user guide).
// A value starting with '!' matches exactly the secrets that the rest of
// the value does not match. The values of one filter are alternatives
// (OR); several filters must all match (AND).
#ifndef SECRETSTAGE_CORE_SECRET_FILTER_H_
#define SECRETSTAGE_CORE_SECRET_FILTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/secret.h"
#include "core/validation.h"
#include "model/list_secrets.h"

namespace secretstage::internal {

// Adds the model constraints of `filters` to `check`: at most 10 filters
// (member "filters"); each Key one of the seven keys (enum, member
// "filters.<i>.member.key", i from 1); Values 1..10 items, each at most 512
// characters of ^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$ (member
// "filters.<i>.member.values").
void CheckFilters(const std::vector<model::Filter>& filters,
                  ConstraintChecker& check);

// The filters, compiled once per call. Construct only from filters that
// passed CheckFilters().
class SecretMatcher {
 public:
  // `region`: the store's region, for primary-region.
  SecretMatcher(const std::vector<model::Filter>& filters,
                std::string_view region);

  // Whether `secret` matches every filter (true when there are none).
  bool Matches(const Secret& secret) const;

 private:
  enum class Key {
    kDescription,
    kName,
    kTagKey,
    kTagValue,
    kPrimaryRegion,
    kOwningService,
    kAll
  };
  struct Value {
    bool negated = false;
    std::string term;                // the value without its leading '!'
    std::vector<std::string> words;  // lowercase words of `term`
  };
  struct CompiledFilter {
    Key key;
    std::vector<Value> values;
  };

  bool MatchesPositive(const Secret& secret, Key key, const Value& v) const;

  std::vector<CompiledFilter> filters_;
  std::string region_;
};

// The lowercase words of `text` (the splitting rule above).
std::vector<std::string> SearchWords(std::string_view text);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_SECRET_FILTER_H_
