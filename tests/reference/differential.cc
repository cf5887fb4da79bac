#include "tests/reference/differential.h"

#include <iterator>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/str_replace.h"

namespace secretstage::reference {
namespace {


StoreOptions CoreOptions(std::shared_ptr<ManualClock> clock, uint64_t seed) {
  StoreOptions options;
  options.clock = std::move(clock);
  options.seed = seed;
  options.max_labels_per_secret = kDiffMaxLabels;
  options.max_versions_per_secret = kDiffMaxVersions;
  return options;
}

ReferenceOptions RefOptions(uint64_t seed) {
  ReferenceOptions options;
  options.seed = seed;
  options.max_labels_per_secret = kDiffMaxLabels;
  options.max_versions_per_secret = kDiffMaxVersions;
  return options;
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string Differs(const std::string& what, const Outcome& core,
                    const Outcome& reference) {
  return absl::StrCat(what, " differs:\n  core:      ", ToString(core),
                      "\n  reference: ", ToString(reference));
}

// Replaces a full ARN SecretId by the secret's name; false if `op` has none.
bool SimplifySecretId(Op& op) {
  return std::visit(
      [](auto& o) {
        if constexpr (requires { o.request.secret_id; }) {
          std::string& id = o.request.secret_id;
          const size_t at = id.find(":secret:");
          if (at == std::string::npos || id.size() < at + 8 + 7 ||
              id[id.size() - 7] != '-') {
            return false;
          }
          id = id.substr(at + 8, id.size() - 7 - (at + 8));
          return true;
        } else {
          return false;
        }
      },
      op);
}

}  // namespace

DualStore::DualStore(uint64_t seed)
    : clock_(std::make_shared<ManualClock>()),
      core_(CoreOptions(clock_, seed)),
      reference_(*clock_, RefOptions(seed)) {}

std::string DualStore::Step(const Op& op, Outcome* core_outcome) {
  if (const auto* advance = std::get_if<AdvanceClock>(&op)) {
    clock_->Advance(absl::Seconds(advance->seconds));
  }
  const Outcome core = Apply(core_, op);
  const Outcome reference = Apply(reference_, op);
  if (core_outcome != nullptr) *core_outcome = core;
  if (core != reference) return Differs("outcome", core, reference);
  // Observable state: DescribeSecret and ListSecretVersionIds have no side
  // effects (GetSecretValue would record an access, so it is not used here).
  for (const char* name : kSecretNames) {
    const Op describe = DescribeSecretOp{{.secret_id = name}};
    const Outcome core_describe = Apply(core_, describe);
    const Outcome ref_describe = Apply(reference_, describe);
    if (core_describe != ref_describe) {
      return Differs(absl::StrCat("DescribeSecret(", name, ")"), core_describe,
                     ref_describe);
    }
    const Op list = ListSecretVersionIdsOp{
        {.secret_id = name, .include_deprecated = true}};
    const Outcome core_list = Apply(core_, list);
    const Outcome ref_list = Apply(reference_, list);
    if (core_list != ref_list) {
      return Differs(absl::StrCat("ListSecretVersionIds(", name, ")"),
                     core_list, ref_list);
    }
  }
  if (absl::Status s = core_.CheckInvariants(); !s.ok()) {
    return absl::StrCat("core invariant broken: ", s.ToString());
  }
  return "";
}

std::optional<Mismatch> Replay(uint64_t seed, const std::vector<Op>& ops) {
  DualStore stores(seed);
  for (size_t i = 0; i < ops.size(); ++i) {
    std::string diff = stores.Step(ops[i]);
    if (!diff.empty()) return Mismatch{i, std::move(diff)};
  }
  return std::nullopt;
}

std::string OutcomeKind(const Op& op, const Outcome& outcome) {
  static constexpr const char* kOpNames[] = {
      "CreateSecret",   "PutSecretValue",       "UpdateSecret",
      "UpdateSecretVersionStage", "GetSecretValue", "DescribeSecret",
      "ListSecretVersionIds",     "DeleteSecret",   "RestoreSecret",
      "TagResource",    "UntagResource",        "RotateSecret",
      "CancelRotateSecret",       "ListSecrets",    "AdvanceClock"};
  static_assert(std::size(kOpNames) == std::variant_size_v<Op>);
  std::string kind = kOpNames[op.index()];
  if (const auto* failure = std::get_if<AwsFailure>(&outcome)) {
    // Words holding a digit (ids, ARNs, counts) become "#", so that one
    // path is one kind.
    std::vector<std::string> words = absl::StrSplit(failure->message, ' ');
    for (std::string& word : words) {
      if (word.find_first_of("0123456789") != std::string::npos) word = "#";
    }
    return absl::StrCat(kind, ": ", failure->exception, ": ",
                        absl::StrJoin(words, " ").substr(0, 72));
  }
  return absl::StrCat(kind, ": OK");
}

std::optional<Mismatch> RunRandom(uint64_t seed, int num_ops,
                                  std::vector<Op>* ops,
                                  std::map<std::string, int64_t>* coverage) {
  DualStore stores(seed);
  Rng rng(seed);
  Alphabet alphabet(stores.arn_prefix());
  ops->clear();
  for (int i = 0; i < num_ops; ++i) {
    ops->push_back(RandomOp(rng, alphabet));
    Outcome outcome;
    std::string diff = stores.Step(ops->back(), &outcome);
    if (!diff.empty()) return Mismatch{ops->size() - 1, std::move(diff)};
    if (coverage != nullptr) ++(*coverage)[OutcomeKind(ops->back(), outcome)];
    alphabet.Learn(outcome);
  }
  return std::nullopt;
}

std::vector<Op> Shrink(uint64_t seed, std::vector<Op> ops) {
  // The shortest failing prefix: every operation is checked, so it ends at
  // the first disagreement.
  std::optional<Mismatch> mismatch = Replay(seed, ops);
  if (!mismatch) return ops;
  ops.resize(mismatch->op_index + 1);
  // A candidate must fail the same way (same kind of operation last, same
  // first line of the description), so that shrinking does not wander off
  // to another disagreement.
  const size_t kind = ops.back().index();
  const std::string what = FirstLine(mismatch->description);
  auto same_failure = [&](const std::vector<Op>& candidate)
      -> std::optional<Mismatch> {
    std::optional<Mismatch> m = Replay(seed, candidate);
    if (!m || candidate[m->op_index].index() != kind ||
        FirstLine(m->description) != what) {
      return std::nullopt;
    }
    return m;
  };
  // Drop chunks of halving size, then single operations, while it still
  // fails (re-cutting to the failing prefix each time).
  for (size_t chunk = std::max<size_t>(ops.size() / 2, 1);; chunk /= 2) {
    bool progress = true;
    while (progress) {
      progress = false;
      for (size_t start = 0; start < ops.size() && ops.size() > 1;) {
        std::vector<Op> candidate;
        for (size_t i = 0; i < ops.size(); ++i) {
          if (i < start || i >= start + chunk) candidate.push_back(ops[i]);
        }
        if (std::optional<Mismatch> m = same_failure(candidate)) {
          candidate.resize(m->op_index + 1);
          ops = std::move(candidate);
          progress = true;
        } else {
          start += chunk;
        }
      }
    }
    if (chunk == 1) break;
  }
  // Simplify: a full-ARN SecretId becomes the plain name where that still
  // fails the same way (ARN suffixes depend on every earlier secret
  // creation, so such ops pin operations that could otherwise be dropped).
  bool simplified = false;
  for (size_t i = 0; i < ops.size(); ++i) {
    std::vector<Op> candidate = ops;
    if (!SimplifySecretId(candidate[i])) continue;
    if (std::optional<Mismatch> m = same_failure(candidate)) {
      candidate.resize(m->op_index + 1);
      ops = std::move(candidate);
      simplified = true;
    }
  }
  return simplified ? Shrink(seed, std::move(ops)) : ops;
}

std::string RegressionSnippet(uint64_t seed, const std::vector<Op>& ops,
                              const Mismatch& mismatch) {
  std::string out = absl::StrCat(
      "// Seed ", seed, ": ",
      absl::StrReplaceAll(mismatch.description, {{"\n", "\n// "}}), "\n",
      "TEST(RegressionTest, Seed", seed, ") {\n",
      "  ExpectAgree(", seed, ", {\n");
  for (const Op& op : ops) absl::StrAppend(&out, "      ", ToCppLiteral(op), ",\n");
  absl::StrAppend(&out, "  });\n}\n");
  return out;
}

}  // namespace secretstage::reference
