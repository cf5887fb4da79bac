#include "tools/replay.h"

#include <cmath>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/secret_store.h"
#include "model/model.h"
#include "protocol/dispatch.h"
#include "protocol/json.h"
#include "protocol/timestamps.h"
#include "tools/label_table.h"

namespace secretstage::tools {
namespace {

using protocol::Json;
using protocol::JsonDispatchResult;

constexpr std::string_view kLineShape =
    R"(Each line must be {"op": "<Operation>", "input": {...}}.)";
constexpr size_t kMaxEchoWidth = 99;

JsonDispatchResult Failure(std::string_view type, std::string message) {
  Json body = Json::object();
  body["__type"] = std::string(type);
  body["Message"] = std::move(message);
  return JsonDispatchResult{400, std::move(body)};
}

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// `text` cut to at most `width` bytes, ending in "..." when cut. Never cuts
// a UTF-8 sequence in two.
std::string Shorten(std::string text, size_t width) {
  if (text.size() <= width) return text;
  size_t cut = width - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return text.substr(0, cut) + "...";
}

// Operations after which --pretty shows the secret's label table.
bool ChangesState(std::string_view op) {
  return op == "CreateSecret" || op == "PutSecretValue" ||
         op == "UpdateSecret" || op == "UpdateSecretVersionStage" ||
         op == "DeleteSecret" || op == "RestoreSecret" ||
         op == "RotateSecret" || op == "CancelRotateSecret" ||
         op == "TagResource" || op == "UntagResource";
}

// Splits a script line into its op and input (absent or null input: {}).
// Returns the error to report instead when the line is not
// {"op": "<string>", "input": ...}.
std::optional<JsonDispatchResult> ParseScriptLine(std::string_view line,
                                                  std::string* op,
                                                  Json* input) {
  Json parsed;
  try {
    parsed = Json::parse(line);
  } catch (const Json::exception& e) {
    std::string what = e.what();  // "[json.exception.parse_error.101] ..."
    const size_t prefix_end = what.find("] ");
    if (prefix_end != std::string::npos) what.erase(0, prefix_end + 2);
    return Failure("SerializationException", "Line is not JSON: " + what);
  }
  if (!parsed.is_object()) {
    return Failure("SerializationException", std::string(kLineShape));
  }
  const auto op_it = parsed.find("op");
  if (op_it == parsed.end() || op_it->is_null()) {
    return Failure("ValidationException",
                   "Missing \"op\". " + std::string(kLineShape));
  }
  if (!op_it->is_string()) {
    return Failure("SerializationException",
                   "\"op\" must be a string. " + std::string(kLineShape));
  }
  *op = op_it->get<std::string>();
  const auto input_it = parsed.find("input");
  *input = (input_it == parsed.end() || input_it->is_null())
               ? Json::object()
               : std::move(*input_it);
  return std::nullopt;
}

class Replayer {
 public:
  Replayer(std::ostream& out, const ReplayOptions& options)
      : out_(out),
        options_(options),
        clock_(std::make_shared<ManualClock>()),
        store_(MakeStoreOptions(clock_, options.seed)) {}

  void Line(std::string_view raw, int line_number) {
    const std::string_view line = Trim(raw);
    if (line.empty()) {
      // --pretty keeps the script's paragraphs, without doubling the blank
      // line printed after each operation.
      if (options_.pretty && !last_line_blank_) Blank();
      return;
    }
    if (line.front() == '#') {
      if (options_.pretty) {
        out_ << line << "\n";
        last_line_blank_ = false;
      }
      return;
    }
    last_line_blank_ = false;
    std::string op;
    Json input;
    if (std::optional<JsonDispatchResult> bad =
            ParseScriptLine(line, &op, &input)) {
      if (options_.pretty) {
        out_ << Shorten("> " + std::string(line), kMaxEchoWidth) << "\n";
      }
      EmitBadLine(line_number, *bad);
      return;
    }
    if (options_.pretty) {
      out_ << Shorten("> " + op + " " + protocol::ToJsonText(input),
                      kMaxEchoWidth)
           << "\n";
    }
    const JsonDispatchResult result = Run(op, input);
    Json out_line = Json::object();
    out_line["op"] = op;
    out_line[result.http_status == 200 ? "output" : "error"] = result.body;
    Emit(out_line, result.http_status != 200);
    if (options_.pretty) {
      if (result.http_status == 200 && ChangesState(op)) {
        PrintSecret(op, input, result.body);
      } else if (op == "AdvanceClock" && result.http_status == 200) {
        out_ << "  clock is now " << FormatUtc(clock_->Now()) << " UTC\n";
      }
      Blank();
    }
    out_.flush();
  }

  void Finish() {
    if (!options_.pretty) return;
    out_ << "-- " << stats_.operations << " operations, " << stats_.errors
         << " returned an error\n";
    out_.flush();
  }

  const ReplayStats& stats() const { return stats_; }

  void InternalError(int line_number, const char* what) {
    EmitBadLine(line_number, Failure("InternalServiceError",
                                     std::string("Internal error: ") + what));
  }

 private:
  static StoreOptions MakeStoreOptions(std::shared_ptr<Clock> clock,
                                       uint64_t seed) {
    StoreOptions options;
    options.clock = std::move(clock);
    options.seed = seed;
    return options;
  }

  JsonDispatchResult Run(const std::string& op, const Json& input) {
    if (op == "AdvanceClock") return AdvanceClock(input);
    if (op == "CheckInvariants") return CheckInvariants();
    return protocol::DispatchJson(store_, op, input);
  }

  JsonDispatchResult AdvanceClock(const Json& input) {
    if (!input.is_object()) {
      return Failure("SerializationException",
                     "AdvanceClock input must be a JSON object.");
    }
    static constexpr std::pair<std::string_view, double> kUnits[] = {
        {"Seconds", 1}, {"Minutes", 60}, {"Hours", 3600}, {"Days", 86400}};
    double seconds = 0;
    bool any = false;
    for (const auto& [unit, factor] : kUnits) {
      const auto it = input.find(unit);
      if (it == input.end() || it->is_null()) continue;
      if (!it->is_number()) {
        return Failure(
            "SerializationException",
            "AdvanceClock " + std::string(unit) + " must be a number.");
      }
      const double value = it->get<double>();
      if (!std::isfinite(value) || value < 0) {
        return Failure("ValidationException",
                       "AdvanceClock " + std::string(unit) +
                           " must be a number >= 0: the clock never goes "
                           "backwards.");
      }
      seconds += value * factor;
      any = true;
    }
    constexpr double kMaxSeconds = 100.0 * 366 * 86400;
    if (!any) {
      return Failure("ValidationException",
                     R"(AdvanceClock needs Seconds, Minutes, Hours or Days, )"
                     R"(e.g. {"Seconds": 60}.)");
    }
    if (seconds > kMaxSeconds) {
      return Failure("ValidationException",
                     "AdvanceClock moves at most 100 years at a time.");
    }
    // The store moves its clock itself, completing the deletions (and
    // running the rotations) that fall due on the way.
    if (absl::Status moved = store_.AdvanceClock(absl::Seconds(seconds));
        !moved.ok()) {
      return Failure("InternalServiceError", std::string(moved.message()));
    }
    Json body = Json::object();
    body["Now"] = protocol::TimestampToJson(clock_->Now());
    return JsonDispatchResult{200, std::move(body)};
  }

  JsonDispatchResult CheckInvariants() {
    const absl::Status status = store_.CheckInvariants();
    if (status.ok()) return JsonDispatchResult{200, Json::object()};
    return Failure("InvariantViolation", std::string(status.message()));
  }

  // Prints the label table of the secret that `op` just changed.
  void PrintSecret(const std::string& op, const Json& input,
                   const Json& output) {
    std::string secret_id;
    for (const char* member : {"ARN", "SecretId", "Name"}) {
      const Json& from = output.contains(member) ? output : input;
      const auto it = from.find(member);
      if (it != from.end() && it->is_string()) {
        secret_id = it->get<std::string>();
        break;
      }
    }
    if (secret_id.empty()) return;
    model::DescribeSecretRequest describe;
    describe.secret_id = secret_id;
    const absl::StatusOr<model::DescribeSecretResponse> secret =
        store_.DescribeSecret(describe);
    if (!secret.ok()) {
      const std::string name = output.value("Name", secret_id);
      out_ << "secret " << Shorten(name, 60)
           << (op == "DeleteSecret"
                   ? "   [deleted for good]"
                   : "   [" + AwsErrorName(secret.status()) + "]")
           << "\n";
      return;
    }
    std::vector<model::SecretVersionsListEntry> versions;
    model::ListSecretVersionIdsRequest list;
    list.secret_id = secret_id;
    list.include_deprecated = true;
    for (int page = 0; page < 100; ++page) {
      absl::StatusOr<model::ListSecretVersionIdsResponse> listed =
          store_.ListSecretVersionIds(list);
      if (!listed.ok()) break;
      for (model::SecretVersionsListEntry& v : listed->versions) {
        versions.push_back(std::move(v));
      }
      if (!listed->next_token) break;
      list.next_token = listed->next_token;
    }
    out_ << RenderLabelTable(*secret, versions);
  }

  void Blank() {
    out_ << "\n";
    last_line_blank_ = true;
  }

  void EmitBadLine(int line_number, const JsonDispatchResult& result) {
    Json out_line = Json::object();
    out_line["line"] = line_number;
    out_line["error"] = result.body;
    Emit(out_line, /*is_error=*/true);
    if (options_.pretty) Blank();
    out_.flush();
  }

  void Emit(const Json& line, bool is_error) {
    ++stats_.operations;
    if (is_error) ++stats_.errors;
    out_ << protocol::ToJsonText(line) << "\n";
  }

  std::ostream& out_;
  const ReplayOptions options_;
  const std::shared_ptr<ManualClock> clock_;
  SecretStore store_;
  ReplayStats stats_;
  bool last_line_blank_ = true;  // --pretty: the last line printed was empty
};

}  // namespace

ReplayStats RunReplay(std::istream& in, std::ostream& out,
                      const ReplayOptions& options) {
  Replayer replayer(out, options);
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    try {
      replayer.Line(line, line_number);
    } catch (const std::exception& e) {
      // Not expected: Dispatch never throws. Keep going all the same.
      replayer.InternalError(line_number, e.what());
    }
  }
  replayer.Finish();
  return replayer.stats();
}

}  // namespace secretstage::tools
