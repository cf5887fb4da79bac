#include "tests/test_util.h"

#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"

namespace secretstage::test {
namespace {

std::string S(std::string_view v) { return std::string(v); }

std::string TimeText(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", t, absl::UTCTimeZone());
}

std::string TimeText(const std::optional<absl::Time>& t) {
  return t ? TimeText(*t) : "-";
}

std::string FormatOpt(const std::optional<std::string>& s) {
  return s ? absl::StrCat("\"", *s, "\"") : "-";
}

std::string FormatList(const std::vector<std::string>& v) {
  return absl::StrCat("[", absl::StrJoin(v, ","), "]");
}

std::string StatusText(const absl::Status& s) {
  return absl::StrCat(AwsErrorName(s), ": ", s.message());
}

}  // namespace

// ---- Messages ---------------------------------------------------------------

std::string NoValueForStage(std::string_view label) {
  return absl::StrCat(
      "Secrets Manager can't find the specified secret value for staging "
      "label: ",
      S(label));
}

std::string NoValueForVersionId(std::string_view id) {
  return absl::StrCat(
      "Secrets Manager can't find the specified secret value for VersionId: ",
      S(id));
}

std::string VersionDeleted(std::string_view id) {
  return absl::StrCat("You can't perform this operation on secret version ",
                      S(id), " because it was deleted.");
}

std::string VersionQuota(int max) {
  return absl::StrCat(
      "You can't create more versions of this secret. Secrets Manager keeps "
      "at most ",
      max,
      " versions, and removes deprecated versions only after they are 24 "
      "hours old.");
}

std::string TokenInUse(std::string_view token, std::string_view arn) {
  return absl::StrCat("You can't use ClientRequestToken ", S(token),
                      " because that value is already in use for a version "
                      "of secret ",
                      S(arn), ".");
}

std::string AlreadyExists(std::string_view name) {
  return absl::StrCat("The operation failed because the secret ", S(name),
                      " already exists.");
}

std::string RemoveFromCantBeEmpty(std::string_view label,
                                  std::string_view holder) {
  return absl::StrCat(
      "The parameter RemoveFromVersionId can't be empty. Staging label ",
      S(label), " is currently attached to version ", S(holder),
      ", so you must explicitly reference that version in "
      "RemoveFromVersionId.");
}

std::string RemoveFromMismatch(std::string_view label) {
  return absl::StrCat("When you move staging label ", S(label),
                      ", if you specify RemoveFromVersionId, it must be set "
                      "to the version that currently has the staging label ",
                      S(label), ".");
}

std::string LabelNotOnVersion(std::string_view label, std::string_view id) {
  return absl::StrCat("The staging label ", S(label),
                      " is not attached to version ", S(id), ".");
}

std::string OneValidationError(std::string_view value, std::string_view member,
                               std::string_view constraint) {
  return absl::StrCat("1 validation error detected: Value '", S(value),
                      "' at '", S(member),
                      "' failed to satisfy constraint: Member must ",
                      S(constraint));
}

std::string Tok(int n) {
  return absl::StrFormat("00000000-0000-4000-8000-%012d", n);
}

// ---- CheckedStore -----------------------------------------------------------

CheckedStore::CheckedStore(StoreOptions options)
    : clock_(std::make_shared<ManualClock>()) {
  options.clock = clock_;
  store_ = std::make_unique<SecretStore>(std::move(options));
}

std::string CheckedStore::ArnPrefix() const {
  const StoreOptions& o = store_->options();
  return absl::StrCat("arn:", o.partition, ":secretsmanager:", o.region, ":",
                      o.account, ":secret:");
}

std::set<std::string> CheckedStore::SeenIds() const {
  std::lock_guard<std::mutex> lock(mu_);
  return seen_ids_;
}

void CheckedStore::Saw(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  seen_ids_.insert(id);
}

void CheckedStore::Check(const char* operation) {
  const absl::Status s = store_->CheckInvariants();
  if (!s.ok()) {
    ADD_FAILURE() << "CheckInvariants() failed after " << operation << ": "
                  << s;
  }
}

absl::StatusOr<model::CreateSecretResponse> CheckedStore::CreateSecret(
    const model::CreateSecretRequest& request) {
  Saw(request.name);
  auto r = store_->CreateSecret(request);
  Check("CreateSecret");
  return r;
}

absl::StatusOr<model::PutSecretValueResponse> CheckedStore::PutSecretValue(
    const model::PutSecretValueRequest& request) {
  Saw(request.secret_id);
  auto r = store_->PutSecretValue(request);
  Check("PutSecretValue");
  return r;
}

absl::StatusOr<model::UpdateSecretResponse> CheckedStore::UpdateSecret(
    const model::UpdateSecretRequest& request) {
  Saw(request.secret_id);
  auto r = store_->UpdateSecret(request);
  Check("UpdateSecret");
  return r;
}

absl::StatusOr<model::UpdateSecretVersionStageResponse>
CheckedStore::UpdateSecretVersionStage(
    const model::UpdateSecretVersionStageRequest& request) {
  Saw(request.secret_id);
  auto r = store_->UpdateSecretVersionStage(request);
  Check("UpdateSecretVersionStage");
  return r;
}

absl::Status CheckedStore::UpdateSecretVersionStage(
    const model::UpdateSecretVersionStageRequest& request,
    model::UpdateSecretVersionStageResponse* response) {
  Saw(request.secret_id);
  absl::Status s = store_->UpdateSecretVersionStage(request, response);
  Check("UpdateSecretVersionStage(reuse)");
  return s;
}

absl::StatusOr<model::GetSecretValueResponse> CheckedStore::GetSecretValue(
    const model::GetSecretValueRequest& request) {
  Saw(request.secret_id);
  auto r = store_->GetSecretValue(request);
  Check("GetSecretValue");
  return r;
}

absl::StatusOr<model::DescribeSecretResponse> CheckedStore::DescribeSecret(
    const model::DescribeSecretRequest& request) {
  Saw(request.secret_id);
  auto r = store_->DescribeSecret(request);
  Check("DescribeSecret");
  return r;
}

absl::StatusOr<model::ListSecretVersionIdsResponse>
CheckedStore::ListSecretVersionIds(
    const model::ListSecretVersionIdsRequest& request) {
  Saw(request.secret_id);
  auto r = store_->ListSecretVersionIds(request);
  Check("ListSecretVersionIds");
  return r;
}

absl::StatusOr<model::DeleteSecretResponse> CheckedStore::DeleteSecret(
    const model::DeleteSecretRequest& request) {
  Saw(request.secret_id);
  auto r = store_->DeleteSecret(request);
  Check("DeleteSecret");
  return r;
}

absl::StatusOr<model::RestoreSecretResponse> CheckedStore::RestoreSecret(
    const model::RestoreSecretRequest& request) {
  Saw(request.secret_id);
  auto r = store_->RestoreSecret(request);
  Check("RestoreSecret");
  return r;
}

// ---- Success helpers --------------------------------------------------------

model::CreateSecretResponse Create(CheckedStore& store, std::string_view name,
                                   std::string_view value,
                                   std::optional<std::string> token) {
  model::CreateSecretRequest req;
  req.name = S(name);
  req.secret_string = S(value);
  req.client_request_token = std::move(token);
  auto r = store.CreateSecret(req);
  if (!r.ok()) {
    ADD_FAILURE() << "CreateSecret(" << name << ") failed: " << r.status();
    return {};
  }
  return *std::move(r);
}

model::CreateSecretResponse CreateEmpty(CheckedStore& store,
                                        std::string_view name) {
  model::CreateSecretRequest req;
  req.name = S(name);
  auto r = store.CreateSecret(req);
  if (!r.ok()) {
    ADD_FAILURE() << "CreateSecret(" << name << ", no value) failed: "
                  << r.status();
    return {};
  }
  return *std::move(r);
}

model::PutSecretValueRequest PutRequest(
    std::string_view id, std::string_view value,
    std::optional<std::string> token,
    std::optional<std::vector<std::string>> stages) {
  model::PutSecretValueRequest req;
  req.secret_id = S(id);
  req.secret_string = S(value);
  req.client_request_token = std::move(token);
  req.version_stages = std::move(stages);
  return req;
}

model::PutSecretValueResponse Put(
    CheckedStore& store, std::string_view id, std::string_view value,
    std::optional<std::string> token,
    std::optional<std::vector<std::string>> stages) {
  auto r = store.PutSecretValue(
      PutRequest(id, value, std::move(token), std::move(stages)));
  if (!r.ok()) {
    ADD_FAILURE() << "PutSecretValue(" << id << ") failed: " << r.status();
    return {};
  }
  return *std::move(r);
}

model::UpdateSecretVersionStageRequest StageRequest(
    std::string_view id, std::string_view label,
    std::optional<std::string> remove_from,
    std::optional<std::string> move_to) {
  model::UpdateSecretVersionStageRequest req;
  req.secret_id = S(id);
  req.version_stage = S(label);
  req.remove_from_version_id = std::move(remove_from);
  req.move_to_version_id = std::move(move_to);
  return req;
}

void Move(CheckedStore& store, std::string_view id, std::string_view label,
          std::optional<std::string> remove_from,
          std::optional<std::string> move_to) {
  auto r = store.UpdateSecretVersionStage(
      StageRequest(id, label, std::move(remove_from), std::move(move_to)));
  if (!r.ok()) {
    ADD_FAILURE() << "UpdateSecretVersionStage(" << id << ", " << label
                  << ") failed: " << r.status();
  }
}

model::GetSecretValueRequest GetRequest(
    std::string_view id, std::optional<std::string> version_id,
    std::optional<std::string> version_stage) {
  model::GetSecretValueRequest req;
  req.secret_id = S(id);
  req.version_id = std::move(version_id);
  req.version_stage = std::move(version_stage);
  return req;
}

model::GetSecretValueResponse Get(CheckedStore& store, std::string_view id,
                                  std::optional<std::string> version_id,
                                  std::optional<std::string> version_stage) {
  auto r = store.GetSecretValue(
      GetRequest(id, std::move(version_id), std::move(version_stage)));
  if (!r.ok()) {
    ADD_FAILURE() << "GetSecretValue(" << id << ") failed: " << r.status();
    return {};
  }
  return *std::move(r);
}

model::DescribeSecretResponse Describe(CheckedStore& store,
                                       std::string_view id) {
  auto r = store.DescribeSecret({S(id)});
  if (!r.ok()) {
    ADD_FAILURE() << "DescribeSecret(" << id << ") failed: " << r.status();
    return {};
  }
  return *std::move(r);
}

std::vector<model::SecretVersionsListEntry> AllVersions(CheckedStore& store,
                                                        std::string_view id) {
  std::vector<model::SecretVersionsListEntry> out;
  model::ListSecretVersionIdsRequest req;
  req.secret_id = S(id);
  req.include_deprecated = true;
  for (int page = 0; page < 1000; ++page) {
    auto r = store.ListSecretVersionIds(req);
    if (!r.ok()) {
      ADD_FAILURE() << "ListSecretVersionIds(" << id
                    << ") failed: " << r.status();
      return out;
    }
    for (auto& v : r->versions) out.push_back(std::move(v));
    if (!r->next_token) return out;
    req.next_token = r->next_token;
  }
  ADD_FAILURE() << "ListSecretVersionIds(" << id << ") never ended";
  return out;
}

LabelMap Labels(CheckedStore& store, std::string_view id) {
  LabelMap out;
  for (const auto& v : AllVersions(store, id)) {
    out[v.version_id].insert(v.version_stages.begin(), v.version_stages.end());
  }
  return out;
}

// ---- State snapshots --------------------------------------------------------

std::string StateOf(SecretStore& store, std::string_view id) {
  std::ostringstream out;
  out << "id " << id << "\n";
  auto d = store.DescribeSecret({S(id)});
  if (!d.ok()) {
    out << "  DescribeSecret: " << StatusText(d.status()) << "\n";
  } else {
    out << "  DescribeSecret: arn=" << d->arn << " name=" << d->name
        << " description=" << FormatOpt(d->description)
        << " kms_key_id=" << FormatOpt(d->kms_key_id)
        << " created=" << TimeText(d->created_date)
        << " last_changed=" << TimeText(d->last_changed_date)
        << " last_accessed=" << TimeText(d->last_accessed_date)
        << " deleted=" << TimeText(d->deleted_date) << "\n";
    out << "    tags:";
    for (const auto& t : d->tags) out << " " << t.key << "=" << t.value;
    out << "\n";
    for (const auto& [vid, stages] : d->version_ids_to_stages) {
      out << "    " << vid << " " << FormatList(stages) << "\n";
    }
  }
  model::ListSecretVersionIdsRequest req;
  req.secret_id = S(id);
  req.include_deprecated = true;
  for (int page = 0; page < 1000; ++page) {
    auto l = store.ListSecretVersionIds(req);
    if (!l.ok()) {
      out << "  ListSecretVersionIds: " << StatusText(l.status()) << "\n";
      break;
    }
    out << "  ListSecretVersionIds page " << page << ": arn=" << l->arn
        << " name=" << l->name << "\n";
    for (const auto& v : l->versions) {
      out << "    " << v.version_id << " " << FormatList(v.version_stages)
          << " created=" << TimeText(v.created_date)
          << " last_accessed=" << TimeText(v.last_accessed_date)
          << " kms=" << FormatList(v.kms_key_ids) << "\n";
    }
    if (!l->next_token) break;
    req.next_token = l->next_token;
  }
  return out.str();
}

StateGuard::StateGuard(CheckedStore* store)
    : store_(store), ids_(store->SeenIds()) {
  for (const std::string& id : ids_) {
    before_[id] = StateOf(store_->raw(), id);
    auto d = store_->raw().DescribeSecret({id});
    if (d.ok()) arns_.insert(d->arn);
  }
}

void StateGuard::ExpectUnchanged(const char* file, int line,
                                 const char* what) const {
  for (const auto& [id, before] : before_) {
    const std::string after = StateOf(store_->raw(), id);
    if (after != before) {
      ADD_FAILURE_AT(file, line)
          << "A failed call changed the store: " << what << "\nbefore:\n"
          << before << "after:\n"
          << after;
    }
  }
  for (const std::string& id : store_->SeenIds()) {
    if (ids_.count(id) != 0) continue;
    auto d = store_->raw().DescribeSecret({id});
    if (d.ok() && arns_.count(d->arn) == 0) {
      ADD_FAILURE_AT(file, line) << "A failed call created secret " << d->arn
                                 << ": " << what;
    }
  }
}

// ---- Assertions -------------------------------------------------------------

::testing::AssertionResult AwsErrorIs(const char* status_expr,
                                      const char* /*name_expr*/,
                                      const char* /*message_expr*/,
                                      const absl::Status& status,
                                      std::string_view name,
                                      std::string_view message) {
  if (status.ok()) {
    return ::testing::AssertionFailure()
           << status_expr << " succeeded; expected " << name << ": \""
           << message << "\"";
  }
  const std::string actual_name = AwsErrorName(status);
  const std::string actual_message(status.message());
  if (actual_name != name || actual_message != message) {
    return ::testing::AssertionFailure()
           << status_expr << "\n  expected: " << name << ": \"" << message
           << "\"\n    actual: " << actual_name << ": \"" << actual_message
           << "\"  (" << status << ")";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace secretstage::test
