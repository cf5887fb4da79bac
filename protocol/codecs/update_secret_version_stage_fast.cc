// The wire fast path for UpdateSecretVersionStage (docs/design.md "Wire fast
// path"): the label move is what the benchmark harness exists for, and the
// general path (nlohmann parse -> RequestReader -> model request -> store ->
// Json -> dump) spent ~2.4 us on it, of which the store call is ~50 ns.
//
// A simple body (ParseSimpleUpdateSecretVersionStage in dispatch_internal.h:
// only the four USVS members, each at most once, values plain ASCII strings
// without escapes) is scanned by hand into a thread_local request, the
// store's allocation-free overload writes into a thread_local response, and
// {"ARN":...,"Name":...} is written straight into the caller's string.
// Anything else returns false and takes the general path, so the output is
// byte-identical either way (proven by tests/protocol_fast_path_test.cc).
// Store errors are written by the general path's own error writer.
//
// Measured (BM_ReplayDispatch, --config=opt, CPU time, median of 3; the
// grid is in docs/design.md "Wire fast path"):
//   before: 2497 ns, 42 allocations per call (2488..2733 ns over the grid)
//   after:  173 ns, 0 allocations with Dispatch(..., DispatchResult*) into a
//           reused result (176..272 ns over the grid); 198 ns and 1
//           allocation with the by-value Dispatch.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "protocol/codec.h"
#include "protocol/dispatch_internal.h"
#include "protocol/json.h"

namespace secretstage::protocol::internal {
namespace {

// The whitespace nlohmann/json skips between tokens.
inline bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A "plain" byte stands for itself inside a JSON string, both when nlohmann
// reads it and when it writes it: printable ASCII (0x20..0x7E) other than
// '"' and '\'.

// No byte of `s` is a control character, DEL, non-ASCII or '\'. Eight bytes
// at a time (the classic "has a byte less than / more than / equal to" word
// tricks, each exact about whether such a byte exists): a byte-at-a-time
// early-exit loop cost ~3 cycles a byte, 40% of the fast path, and gcc -O2
// does not vectorise it.
bool HasNoSpecialBytes(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t bad = 0;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    const uint64_t below_space = (w - kOnes * 0x20) & ~w;   // a byte < 0x20
    const uint64_t above_tilde = (w + kOnes * (127 - 0x7E)) | w;  // > 0x7E
    const uint64_t x = w ^ (kOnes * '\\');
    const uint64_t backslash = (x - kOnes) & ~x;           // a byte == '\\'
    bad |= below_space | above_tilde | backslash;
  }
  bad &= kHigh;
  for (; n > 0; ++p, --n) {
    const auto u = static_cast<unsigned char>(*p);
    bad |= static_cast<uint64_t>(u < 0x20) | static_cast<uint64_t>(u > 0x7E) |
           static_cast<uint64_t>(u == '\\');
  }
  return bad == 0;
}

bool IsPlainString(std::string_view s) {
  return HasNoSpecialBytes(s) && s.find('"') == std::string_view::npos;
}

void AssignOptional(std::optional<std::string>& field, std::string_view value) {
  if (field.has_value()) {
    field->assign(value.data(), value.size());  // reuses the capacity
  } else {
    field.emplace(value);
  }
}

// Clears a thread_local "in use" flag on every way out, so that a store
// listener that re-enters Dispatch on this thread takes the general path
// instead of clobbering the thread_local request and response.
class BusyGuard {
 public:
  explicit BusyGuard(bool& busy) : busy_(busy) { busy_ = true; }
  ~BusyGuard() { busy_ = false; }
  BusyGuard(const BusyGuard&) = delete;
  BusyGuard& operator=(const BusyGuard&) = delete;

 private:
  bool& busy_;
};

}  // namespace

bool ParseSimpleUpdateSecretVersionStage(
    std::string_view json_body, model::UpdateSecretVersionStageRequest* request) {
  const char* p = json_body.data();
  const char* const end = p + json_body.size();
  auto skip_space = [&] {
    while (p != end && IsJsonSpace(*p)) ++p;
  };
  // After an opening quote: the plain bytes up to the closing quote, which
  // is consumed. False at an escape, a non-plain byte or the end.
  // (memchr for the quote, then one vectorised check of the bytes before it.)
  auto read_string = [&](std::string_view* out) {
    const char* const start = p;
    const void* quote = std::memchr(p, '"', static_cast<size_t>(end - p));
    if (quote == nullptr) return false;
    const std::string_view text(start, static_cast<size_t>(
                                           static_cast<const char*>(quote) - start));
    if (!HasNoSpecialBytes(text)) return false;
    *out = text;
    p = static_cast<const char*>(quote) + 1;
    return true;
  };

  constexpr unsigned kSecretId = 1, kVersionStage = 2, kRemoveFrom = 4,
                     kMoveTo = 8;
  unsigned seen = 0;
  skip_space();
  if (p == end || *p != '{') return false;
  ++p;
  skip_space();
  for (;;) {
    // "{}" and trailing commas land here too: general path.
    if (p == end || *p != '"') return false;
    ++p;
    std::string_view key;
    if (!read_string(&key)) return false;
    skip_space();
    if (p == end || *p != ':') return false;
    ++p;
    skip_space();
    if (p == end || *p != '"') return false;  // not a string: general path
    ++p;
    std::string_view value;
    if (!read_string(&value)) return false;

    unsigned bit;
    if (key == "SecretId") {
      bit = kSecretId;
    } else if (key == "VersionStage") {
      bit = kVersionStage;
    } else if (key == "RemoveFromVersionId") {
      bit = kRemoveFrom;
    } else if (key == "MoveToVersionId") {
      bit = kMoveTo;
    } else {
      return false;  // any other member: general path
    }
    if ((seen & bit) != 0) return false;  // duplicate: general path
    seen |= bit;
    switch (bit) {
      case kSecretId:
        request->secret_id.assign(value.data(), value.size());
        break;
      case kVersionStage:
        request->version_stage.assign(value.data(), value.size());
        break;
      case kRemoveFrom:
        AssignOptional(request->remove_from_version_id, value);
        break;
      default:
        AssignOptional(request->move_to_version_id, value);
        break;
    }

    skip_space();
    if (p == end) return false;
    if (*p == ',') {
      ++p;
      skip_space();
      continue;
    }
    if (*p != '}') return false;
    ++p;
    break;
  }
  skip_space();
  if (p != end) return false;  // trailing bytes: general path
  // A missing required member is a ValidationException the RequestReader
  // words: general path.
  if ((seen & (kSecretId | kVersionStage)) != (kSecretId | kVersionStage)) {
    return false;
  }
  if ((seen & kRemoveFrom) == 0) request->remove_from_version_id.reset();
  if ((seen & kMoveTo) == 0) request->move_to_version_id.reset();
  return true;
}

bool TryFastUpdateSecretVersionStage(SecretStore& store,
                                     std::string_view json_body,
                                     DispatchResult* result) {
  thread_local model::UpdateSecretVersionStageRequest request;
  thread_local model::UpdateSecretVersionStageResponse response;
  thread_local bool busy = false;
  if (busy) return false;
  BusyGuard guard(busy);

  if (!ParseSimpleUpdateSecretVersionStage(json_body, &request)) return false;
  const absl::Status status = store.UpdateSecretVersionStage(request, &response);
  if (!status.ok()) {
    WriteErrorResult(status, result);  // not hot: the general path's writer
    return true;
  }
  result->http_status = 200;
  std::string& out = result->body;
  if (IsPlainString(response.arn) && IsPlainString(response.name)) {
    // Exactly what ToJsonText(ArnAndName(arn, name)) writes for plain
    // strings: compact, members in that order, no escapes needed.
    constexpr std::string_view kArn = R"({"ARN":")";
    constexpr std::string_view kName = R"(","Name":")";
    constexpr std::string_view kEnd = R"("})";
    out.clear();
    out.reserve(kArn.size() + response.arn.size() + kName.size() +
                response.name.size() + kEnd.size());
    out.append(kArn).append(response.arn).append(kName).append(response.name)
        .append(kEnd);
  } else {
    out = ToJsonText(ArnAndName(response.arn, response.name));
  }
  return true;
}

}  // namespace secretstage::protocol::internal
