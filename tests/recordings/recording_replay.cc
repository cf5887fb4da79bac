#include "tests/recordings/recording_replay.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/secret_store.h"
#include "model/model.h"
#include "protocol/base64.h"
#include "protocol/dispatch.h"

namespace secretstage::recordings {
namespace {

using nlohmann::json;

constexpr char kAccount[] = "111111111111";
constexpr char kStoreArnPrefix[] =
    "arn:aws:secretsmanager:us-east-1:111111111111:secret:";

// Exceptions the Secrets Manager service model declares: botocore adds their
// one member, Message, to the top level of e.value.response. Unmodeled ones
// (ValidationException, AccessDeniedException, ...) get only "Error".
const std::set<std::string>& ModeledExceptions() {
  static const auto* kModeled = new std::set<std::string>{
      "DecryptionFailure",          "EncryptionFailure",
      "InternalServiceError",       "InvalidNextTokenException",
      "InvalidParameterException",  "InvalidRequestException",
      "LimitExceededException",     "MalformedPolicyDocumentException",
      "PreconditionNotMetException", "PublicPolicyException",
      "ResourceExistsException",    "ResourceNotFoundException"};
  return *kModeled;
}

// Python's repr() of a bytes object: how a boto3 SecretBinary (bytes)
// appears in a LocalStack snapshot ("b'footest'").
std::string PyBytesRepr(const std::string& bytes) {
  const bool single = bytes.find('\'') != std::string::npos;
  const bool dbl = bytes.find('"') != std::string::npos;
  const char quote = single && !dbl ? '"' : '\'';
  std::string out = absl::StrCat("b", std::string(1, quote));
  for (unsigned char c : bytes) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char hex[5];
      std::snprintf(hex, sizeof(hex), "\\x%02x", c);
      out += hex;
    }
  }
  out += quote;
  return out;
}

bool IsTimestampKey(const std::string& key) {
  static const auto* kKeys = new std::set<std::string>{
      "CreatedDate",     "LastChangedDate", "LastAccessedDate", "DeletedDate",
      "DeletionDate",    "LastRotatedDate", "NextRotationDate"};
  return kKeys->count(key) > 0;
}

bool IsStagesMapKey(const std::string& key) {
  return key == "VersionIdsToStages" || key == "SecretVersionsToStages";
}

// The wire response as the LocalStack test saw it.
json MakeView(View view, const std::string& operation, int status,
              json body) {
  if (status == 200) {
    if (view == View::kHttp) return body;
    // boto3 decodes SecretBinary to bytes.
    if (body.is_object() && body.contains("SecretBinary") &&
        body["SecretBinary"].is_string()) {
      std::string bytes;
      if (protocol::Base64Decode(body["SecretBinary"].get<std::string>(),
                                 &bytes)) {
        body["SecretBinary"] = PyBytesRepr(bytes);
      }
    }
    if (view == View::kSdkPaginated && body.is_object()) {
      body.erase("NextToken");
    }
    return body;
  }
  if (view == View::kHttp) {
    return json{{"Error", body}, {"Metadata", {{"StatusCode", status}}}};
  }
  std::string code = body.value("__type", "");
  if (const size_t hash = code.find('#'); hash != std::string::npos) {
    code = code.substr(hash + 1);
  }
  const std::string message =
      body.contains("Message") ? body.value("Message", "")
                               : body.value("message", "");
  if (view == View::kSdkErrorString) {
    return absl::StrCat("An error occurred (", code, ") when calling the ",
                        operation, " operation: ", message);
  }
  json out = {{"Error", {{"Code", code}, {"Message", message}}}};
  if (ModeledExceptions().count(code) > 0) out["Message"] = message;
  return out;
}

// LocalStack's transformers sort label lists, and Versions by CreatedDate.
void SortLikeLocalStack(json& j) {
  if (j.is_object()) {
    for (auto& [key, value] : j.items()) {
      if (key == "VersionStages" && value.is_array()) {
        std::sort(value.begin(), value.end());
      } else if (IsStagesMapKey(key) && value.is_object()) {
        for (auto& [unused, stages] : value.items()) {
          if (stages.is_array()) std::sort(stages.begin(), stages.end());
        }
      } else if (key == "Versions" && value.is_array()) {
        std::stable_sort(value.begin(), value.end(),
                         [](const json& a, const json& b) {
                           return a.value("CreatedDate", 0.0) <
                                  b.value("CreatedDate", 0.0);
                         });
        SortLikeLocalStack(value);
      } else {
        SortLikeLocalStack(value);
      }
    }
  } else if (j.is_array()) {
    for (json& item : j) SortLikeLocalStack(item);
  }
}

void BlankTimestamps(json& j) {
  if (j.is_object()) {
    for (auto& [key, value] : j.items()) {
      if (IsTimestampKey(key) && value.is_number()) {
        value = "datetime";
      } else {
        BlankTimestamps(value);
      }
    }
  } else if (j.is_array()) {
    for (json& item : j) BlankTimestamps(item);
  }
}

class Normaliser {
 public:
  explicit Normaliser(const RecordedTest& test) : test_(test) {}

  // Numbers the ARNs and version ids of `j` by first appearance
  // (objects in key order, arrays in order).
  void Register(const json& j) {
    if (j.is_object()) {
      for (const auto& [key, value] : j.items()) {
        if (key == "ARN" && value.is_string() &&
            absl::StartsWith(value.get<std::string>(), kStoreArnPrefix)) {
          Add(arns_, value.get<std::string>());
        } else if (key == "VersionId" && value.is_string()) {
          Add(versions_, value.get<std::string>());
        } else if (IsStagesMapKey(key) && value.is_object()) {
          for (const auto& [id, unused] : value.items()) Add(versions_, id);
        }
        Register(value);
      }
    } else if (j.is_array()) {
      for (const json& item : j) Register(item);
    }
  }

  json Apply(const json& j) const {
    if (j.is_string()) return Text(j.get<std::string>());
    if (j.is_array()) {
      json out = json::array();
      for (const json& item : j) out.push_back(Apply(item));
      return out;
    }
    if (j.is_object()) {
      json out = json::object();
      for (const auto& [key, value] : j.items()) out[Text(key)] = Apply(value);
      return out;
    }
    return j;
  }

 private:
  static void Add(std::vector<std::string>& list, const std::string& s) {
    if (std::find(list.begin(), list.end(), s) == list.end()) {
      list.push_back(s);
    }
  }

  std::string Prefix() const {
    return absl::StrCat("arn:",
                        test_.partition_placeholder ? "<partition>" : "aws",
                        ":secretsmanager:<region>:", kAccount, ":secret:");
  }

  std::string NamePlaceholder(const std::string& name) const {
    for (const auto& [n, placeholder] : test_.names) {
      if (n == name) return placeholder;
    }
    return name;
  }

  std::string Text(std::string s) const {
    for (size_t i = 0; i < arns_.size(); ++i) {
      const std::string& arn = arns_[i];
      if (s.find(arn) == std::string::npos) continue;
      const std::string name = arn.substr(
          sizeof(kStoreArnPrefix) - 1,
          arn.size() - 7 - (sizeof(kStoreArnPrefix) - 1));
      const std::string resource =
          test_.arn_resource_placeholder.empty()
              ? absl::StrCat(NamePlaceholder(name), "<ArnPart-", i, "idx>")
              : test_.arn_resource_placeholder;
      s = absl::StrReplaceAll(s, {{arn, absl::StrCat(Prefix(), resource)}});
    }
    s = absl::StrReplaceAll(s, {{kStoreArnPrefix, Prefix()},
                                {kLambdaArn, "<lambda-arn:1>"}});
    for (size_t i = 0; i < versions_.size(); ++i) {
      s = absl::StrReplaceAll(
          s, {{versions_[i], absl::StrCat("<", test_.version_placeholder, ":",
                                          i + 1, ">")}});
    }
    for (const auto& [literal, placeholder] : literals_) {
      s = absl::StrReplaceAll(s, {{literal, placeholder}});
    }
    // Names last, longest first, so that a name inside another is safe.
    std::vector<std::pair<std::string, std::string>> names = test_.names;
    std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
      return a.first.size() > b.first.size();
    });
    for (const auto& [name, placeholder] : names) {
      if (name != placeholder) {
        s = absl::StrReplaceAll(s, {{name, placeholder}});
      }
    }
    return s;
  }

 public:
  std::vector<std::pair<std::string, std::string>> literals_;

 private:
  const RecordedTest& test_;
  std::vector<std::string> arns_;
  std::vector<std::string> versions_;
};

// LocalStack's test rotation Lambda
// (tests/aws/services/secretsmanager/functions/lambda_rotate_secret.py, an
// adaptation of AWS's SecretsManagerRotationTemplate): createSecret puts
// "lambda_rotate_secret_rotation_<token>" as AWSPENDING; setSecret and
// testSecret do nothing; finishSecret moves AWSCURRENT and, in the version
// the 2024-2025 recordings were made with, then removes AWSPENDING from the
// new version (semantics.md §6: "newer customised Lambdas such as
// LocalStack's test Lambda add UpdateSecretVersionStage(VersionStage=
// "AWSPENDING", RemoveFromVersionId=token)"). Its signalling CreateSecret of
// a second secret is left out: no recording shows that secret.
absl::Status LocalStackRotationLambda(SecretStore& store,
                                      const SecretStore::RotationStep& step) {
  auto has = [](const std::vector<std::string>& v, const char* label) {
    return std::find(v.begin(), v.end(), label) != v.end();
  };
  absl::StatusOr<model::DescribeSecretResponse> metadata =
      store.DescribeSecret({.secret_id = step.secret_id});
  if (!metadata.ok()) return metadata.status();
  if (!metadata->rotation_enabled.value_or(false)) {
    return absl::FailedPreconditionError("not enabled for rotation");
  }
  auto it = metadata->version_ids_to_stages.find(step.client_request_token);
  if (it == metadata->version_ids_to_stages.end()) {
    return absl::FailedPreconditionError("no stage for rotation");
  }
  if (has(it->second, "AWSCURRENT")) return absl::OkStatus();
  if (!has(it->second, "AWSPENDING")) {
    return absl::FailedPreconditionError("not set as AWSPENDING");
  }
  if (step.step == "createSecret") {
    absl::StatusOr<model::GetSecretValueResponse> current =
        store.GetSecretValue({.secret_id = step.secret_id,
                              .version_stage = std::string("AWSCURRENT")});
    if (!current.ok()) return current.status();
    absl::StatusOr<model::GetSecretValueResponse> pending =
        store.GetSecretValue({.secret_id = step.secret_id,
                              .version_id = step.client_request_token,
                              .version_stage = std::string("AWSPENDING")});
    if (pending.ok()) return absl::OkStatus();
    return store
        .PutSecretValue(
            {.secret_id = step.secret_id,
             .client_request_token = step.client_request_token,
             .secret_string = absl::StrCat("lambda_rotate_secret_rotation_",
                                           step.client_request_token),
             .version_stages = std::vector<std::string>{"AWSPENDING"}})
        .status();
  }
  if (step.step == "setSecret" || step.step == "testSecret") {
    return absl::OkStatus();
  }
  if (step.step == "finishSecret") {
    std::optional<std::string> current;
    for (const auto& [version, stages] : metadata->version_ids_to_stages) {
      if (has(stages, "AWSCURRENT")) current = version;
    }
    absl::Status moved =
        store
            .UpdateSecretVersionStage(
                {.secret_id = step.secret_id,
                 .version_stage = "AWSCURRENT",
                 .remove_from_version_id = current,
                 .move_to_version_id = step.client_request_token})
            .status();
    if (!moved.ok()) return moved;
    return store
        .UpdateSecretVersionStage(
            {.secret_id = step.secret_id,
             .version_stage = "AWSPENDING",
             .remove_from_version_id = step.client_request_token})
        .status();
  }
  return absl::InvalidArgumentError("Invalid step parameter");
}

bool TakesIdempotencyToken(const std::string& operation) {
  return operation == "CreateSecret" || operation == "PutSecretValue" ||
         operation == "UpdateSecret" || operation == "RotateSecret";
}

}  // namespace

json StripMetadata(json recorded) {
  if (recorded.is_object()) recorded.erase("ResponseMetadata");
  return recorded;
}

Replayed Replay(const RecordedTest& test) {
  Replayed out;
  auto clock = std::make_shared<ManualClock>();
  StoreOptions options;
  options.clock = clock;
  options.seed = 1;
  options.account = kAccount;
  SecretStore store(options);
  if (test.localstack_rotation_lambda) {
    store.RegisterRotationHandler(kLambdaArn, LocalStackRotationLambda);
  }

  std::map<std::string, std::string> vars;
  if (!test.names.empty()) vars["s"] = test.names[0].first;
  if (test.names.size() > 1) vars["s2"] = test.names[1].first;
  int uuids = 0;
  auto substitute = [&](const std::string& text) {
    std::string result;
    size_t pos = 0;
    while (true) {
      const size_t open = text.find("${", pos);
      if (open == std::string::npos) break;
      const size_t close = text.find('}', open);
      result += text.substr(pos, open - pos);
      const std::string var = text.substr(open + 2, close - open - 2);
      if (vars.count(var) == 0) {
        if (absl::StartsWith(var, "uuid")) {
          char id[40];
          std::snprintf(id, sizeof(id), "5f0c1e7a-2b4d-4c8e-9a1f-%012d",
                        ++uuids);
          vars[var] = id;
        } else {
          out.errors.push_back(absl::StrCat("unknown variable ", var));
        }
      }
      result += vars[var];
      pos = close + 1;
    }
    return result + text.substr(pos);
  };

  Normaliser normaliser(test);
  std::vector<std::pair<const Step*, json>> views;
  for (const Step& step : test.steps) {
    clock->Advance(absl::Seconds(1));
    json body = json::parse(substitute(step.body), nullptr, false);
    if (body.is_discarded()) {
      out.errors.push_back(absl::StrCat("bad body for ", step.key));
      continue;
    }
    // boto3 fills idempotency tokens (ClientRequestToken) with a UUID.
    if (step.view != View::kHttp && TakesIdempotencyToken(step.operation) &&
        !body.contains("ClientRequestToken")) {
      body["ClientRequestToken"] =
          substitute(absl::StrCat("${uuid-auto-", views.size(), "}"));
    }
    protocol::DispatchResult result =
        protocol::Dispatch(store, step.operation, body.dump());
    json response = json::parse(result.body, nullptr, false);
    if (response.is_discarded()) response = json::object();
    for (const auto& [var, member] : step.save) {
      if (member == "ARN[:-7]") {
        const std::string arn = response.value("ARN", "");
        vars[var] = arn.substr(0, arn.size() >= 7 ? arn.size() - 7 : 0);
      } else {
        vars[var] = response.value(member, "");
      }
    }
    json view = MakeView(step.view, step.operation, result.http_status,
                         std::move(response));
    SortLikeLocalStack(view);
    if (step.number_ids) normaliser.Register(view);
    BlankTimestamps(view);
    views.emplace_back(&step, std::move(view));
  }
  for (const auto& [var, placeholder] : test.literals) {
    normaliser.literals_.emplace_back(vars[var], placeholder);
  }
  for (const auto& [step, view] : views) {
    if (!step->key.empty()) out.by_key[step->key] = normaliser.Apply(view);
  }
  return out;
}

}  // namespace secretstage::recordings
