// ToCppLiteral() and ToString().
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "tests/reference/ops.h"

namespace secretstage::reference {
namespace {

// A C++ string literal; bytes outside printable ASCII as three-digit octal
// escapes (which cannot swallow a following character), wrapped in
// std::string(..., n) when the value holds a NUL.
std::string Quote(const std::string& s) {
  std::string body;
  bool has_nul = false;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      absl::StrAppend(&body, "\\", std::string(1, c));
    } else if (u >= 0x20 && u < 0x7f) {
      body.push_back(c);
    } else {
      has_nul = has_nul || u == 0;
      absl::StrAppend(&body, absl::StrFormat("\\%03o", u));
    }
  }
  if (has_nul) return absl::StrCat("std::string(\"", body, "\", ", s.size(), ")");
  return absl::StrCat("\"", body, "\"");
}

// Collects ".member = value" designators in declaration order.
class Fields {
 public:
  void Str(const char* member, const std::string& v) {
    fields_.push_back(absl::StrCat(".", member, " = ", Quote(v)));
  }
  void Opt(const char* member, const std::optional<std::string>& v) {
    if (v) Str(member, *v);
  }
  template <typename Int>
  void Num(const char* member, const std::optional<Int>& v) {
    if (v) fields_.push_back(absl::StrCat(".", member, " = ", *v));
  }
  void Bool(const char* member, const std::optional<bool>& v) {
    if (v) {
      fields_.push_back(absl::StrCat(".", member, " = ", *v ? "true" : "false"));
    }
  }
  void List(const char* member, const std::optional<std::vector<std::string>>& v) {
    if (!v) return;
    std::vector<std::string> items;
    for (const std::string& s : *v) items.push_back(Quote(s));
    fields_.push_back(absl::StrCat(".", member, " = std::vector<std::string>{",
                                   absl::StrJoin(items, ", "), "}"));
  }
  void Tags(const std::vector<model::Tag>& tags) {
    if (tags.empty()) return;
    std::vector<std::string> items;
    for (const model::Tag& t : tags) {
      items.push_back(
          absl::StrCat("model::Tag{", Quote(t.key), ", ", Quote(t.value), "}"));
    }
    fields_.push_back(absl::StrCat(".tags = {", absl::StrJoin(items, ", "), "}"));
  }
  void Strings(const char* member, const std::vector<std::string>& v) {
    std::vector<std::string> items;
    for (const std::string& s : v) items.push_back(Quote(s));
    fields_.push_back(
        absl::StrCat(".", member, " = {", absl::StrJoin(items, ", "), "}"));
  }
  void Rules(const std::optional<model::RotationRules>& rules) {
    if (!rules) return;
    Fields inner;
    inner.Num("automatically_after_days", rules->automatically_after_days);
    inner.Opt("duration", rules->duration);
    inner.Opt("schedule_expression", rules->schedule_expression);
    fields_.push_back(absl::StrCat(".rotation_rules = model::RotationRules{",
                                   absl::StrJoin(inner.fields_, ", "), "}"));
  }
  std::string Wrap(const char* type) const {
    return absl::StrCat(type, "{{", absl::StrJoin(fields_, ", "), "}}");
  }

 private:
  std::vector<std::string> fields_;
};

std::string Time(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", t, absl::UTCTimeZone());
}
std::string Time(const std::optional<absl::Time>& t) {
  return t ? Time(*t) : "-";
}
std::string Opt(const std::optional<std::string>& s) {
  return s ? Quote(*s) : "-";
}
std::string Labels(const std::vector<std::string>& v) {
  return absl::StrCat("[", absl::StrJoin(v, ","), "]");
}

template <typename... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace

std::string ToCppLiteral(const Op& op) {
  return std::visit(
      Overloaded{
          [](const CreateSecretOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("name", r.name);
            f.Opt("client_request_token", r.client_request_token);
            f.Opt("description", r.description);
            f.Opt("kms_key_id", r.kms_key_id);
            f.Opt("secret_binary", r.secret_binary);
            f.Opt("secret_string", r.secret_string);
            f.Tags(r.tags);
            return f.Wrap("CreateSecretOp");
          },
          [](const PutSecretValueOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("secret_id", r.secret_id);
            f.Opt("client_request_token", r.client_request_token);
            f.Opt("secret_binary", r.secret_binary);
            f.Opt("secret_string", r.secret_string);
            f.List("version_stages", r.version_stages);
            f.Opt("rotation_token", r.rotation_token);
            return f.Wrap("PutSecretValueOp");
          },
          [](const UpdateSecretOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("secret_id", r.secret_id);
            f.Opt("client_request_token", r.client_request_token);
            f.Opt("description", r.description);
            f.Opt("kms_key_id", r.kms_key_id);
            f.Opt("secret_binary", r.secret_binary);
            f.Opt("secret_string", r.secret_string);
            return f.Wrap("UpdateSecretOp");
          },
          [](const UpdateSecretVersionStageOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("secret_id", r.secret_id);
            f.Str("version_stage", r.version_stage);
            f.Opt("remove_from_version_id", r.remove_from_version_id);
            f.Opt("move_to_version_id", r.move_to_version_id);
            return f.Wrap("UpdateSecretVersionStageOp");
          },
          [](const GetSecretValueOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("secret_id", r.secret_id);
            f.Opt("version_id", r.version_id);
            f.Opt("version_stage", r.version_stage);
            return f.Wrap("GetSecretValueOp");
          },
          [](const DescribeSecretOp& o) {
            Fields f;
            f.Str("secret_id", o.request.secret_id);
            return f.Wrap("DescribeSecretOp");
          },
          [](const ListSecretVersionIdsOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("secret_id", r.secret_id);
            f.Num("max_results", r.max_results);
            f.Opt("next_token", r.next_token);
            f.Bool("include_deprecated", r.include_deprecated);
            return f.Wrap("ListSecretVersionIdsOp");
          },
          [](const DeleteSecretOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("secret_id", r.secret_id);
            f.Num("recovery_window_in_days", r.recovery_window_in_days);
            f.Bool("force_delete_without_recovery",
                   r.force_delete_without_recovery);
            return f.Wrap("DeleteSecretOp");
          },
          [](const RestoreSecretOp& o) {
            Fields f;
            f.Str("secret_id", o.request.secret_id);
            return f.Wrap("RestoreSecretOp");
          },
          [](const TagResourceOp& o) {
            Fields f;
            f.Str("secret_id", o.request.secret_id);
            f.Tags(o.request.tags);
            return f.Wrap("TagResourceOp");
          },
          [](const UntagResourceOp& o) {
            Fields f;
            f.Str("secret_id", o.request.secret_id);
            f.Strings("tag_keys", o.request.tag_keys);
            return f.Wrap("UntagResourceOp");
          },
          [](const RotateSecretOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Str("secret_id", r.secret_id);
            f.Opt("client_request_token", r.client_request_token);
            f.Opt("rotation_lambda_arn", r.rotation_lambda_arn);
            f.Rules(r.rotation_rules);
            f.Bool("rotate_immediately", r.rotate_immediately);
            return f.Wrap("RotateSecretOp");
          },
          [](const CancelRotateSecretOp& o) {
            Fields f;
            f.Str("secret_id", o.request.secret_id);
            return f.Wrap("CancelRotateSecretOp");
          },
          [](const ListSecretsOp& o) {
            const auto& r = o.request;
            Fields f;
            f.Bool("include_planned_deletion", r.include_planned_deletion);
            f.Num("max_results", r.max_results);
            f.Opt("next_token", r.next_token);
            f.Opt("sort_order", r.sort_order);
            f.Opt("sort_by", r.sort_by);
            return f.Wrap("ListSecretsOp");
          },
          [](const AdvanceClock& a) {
            return absl::StrCat("AdvanceClock{", a.seconds, "}");
          },
      },
      op);
}

std::string ToString(const Outcome& outcome) {
  return std::visit(
      Overloaded{
          [](const std::monostate&) { return std::string("(clock)"); },
          [](const AwsFailure& f) {
            return absl::StrCat(f.exception, ": ", f.message);
          },
          [](const model::CreateSecretResponse& r) {
            return absl::StrCat("Create{", r.arn, " ", r.name, " v=",
                                Opt(r.version_id), "}");
          },
          [](const model::PutSecretValueResponse& r) {
            return absl::StrCat("Put{", r.arn, " ", r.name, " v=", r.version_id,
                                " ", Labels(r.version_stages), "}");
          },
          [](const model::UpdateSecretResponse& r) {
            return absl::StrCat("Update{", r.arn, " ", r.name, " v=",
                                Opt(r.version_id), "}");
          },
          [](const model::UpdateSecretVersionStageResponse& r) {
            return absl::StrCat("UpdateVersionStage{", r.arn, " ", r.name, "}");
          },
          [](const model::GetSecretValueResponse& r) {
            return absl::StrCat("Get{", r.arn, " ", r.name, " v=", r.version_id,
                                " s=", Opt(r.secret_string),
                                " b=", Opt(r.secret_binary), " ",
                                Labels(r.version_stages), " created=",
                                Time(r.created_date), "}");
          },
          [](const model::DescribeSecretResponse& r) {
            std::vector<std::string> versions;
            for (const auto& [id, labels] : r.version_ids_to_stages) {
              versions.push_back(absl::StrCat(id, Labels(labels)));
            }
            std::vector<std::string> tags;
            for (const model::Tag& t : r.tags) {
              tags.push_back(absl::StrCat(t.key, "=", t.value));
            }
            return absl::StrCat(
                "Describe{", r.arn, " ", r.name, " desc=", Opt(r.description),
                " kms=", Opt(r.kms_key_id), " rotation=",
                r.rotation_enabled ? (*r.rotation_enabled ? "on" : "off") : "-",
                " lambda=", Opt(r.rotation_lambda_arn), " after_days=",
                r.rotation_rules && r.rotation_rules->automatically_after_days
                    ? absl::StrCat(*r.rotation_rules->automatically_after_days)
                    : std::string("-"),
                " rotated=", Time(r.last_rotated_date), " next=",
                Time(r.next_rotation_date), " changed=",
                Time(r.last_changed_date), " accessed=",
                Time(r.last_accessed_date), " deleted=", Time(r.deleted_date),
                " created=", Time(r.created_date), " tags=[",
                absl::StrJoin(tags, ","), "] versions={",
                absl::StrJoin(versions, " "), "}}");
          },
          [](const model::ListSecretVersionIdsResponse& r) {
            std::vector<std::string> entries;
            for (const model::SecretVersionsListEntry& e : r.versions) {
              entries.push_back(absl::StrCat(
                  e.version_id, Labels(e.version_stages), " created=",
                  Time(e.created_date), " accessed=",
                  Time(e.last_accessed_date), " kms=", Labels(e.kms_key_ids)));
            }
            return absl::StrCat("List{", r.arn, " ", r.name, " next=",
                                Opt(r.next_token), " [",
                                absl::StrJoin(entries, "; "), "]}");
          },
          [](const model::DeleteSecretResponse& r) {
            return absl::StrCat("Delete{", r.arn, " ", r.name, " deletion=",
                                Time(r.deletion_date), "}");
          },
          [](const model::RestoreSecretResponse& r) {
            return absl::StrCat("Restore{", r.arn, " ", r.name, "}");
          },
          [](const model::TagResourceResponse&) {
            return std::string("Tag{}");
          },
          [](const model::UntagResourceResponse&) {
            return std::string("Untag{}");
          },
          [](const model::RotateSecretResponse& r) {
            return absl::StrCat("Rotate{", r.arn, " ", r.name, " v=",
                                Opt(r.version_id), "}");
          },
          [](const model::ListSecretsResponse& r) {
            std::vector<std::string> entries;
            for (const model::SecretListEntry& e : r.secret_list) {
              std::vector<std::string> versions;
              for (const auto& [id, labels] : e.secret_versions_to_stages) {
                versions.push_back(absl::StrCat(id, Labels(labels)));
              }
              std::vector<std::string> tags;
              for (const model::Tag& t : e.tags) {
                tags.push_back(absl::StrCat(t.key, "=", t.value));
              }
              entries.push_back(absl::StrCat(
                  e.arn, " ", e.name, " desc=", Opt(e.description),
                  " kms=", Opt(e.kms_key_id), " rotation=",
                  e.rotation_enabled ? (*e.rotation_enabled ? "on" : "off")
                                     : "-",
                  " lambda=", Opt(e.rotation_lambda_arn), " rotated=",
                  Time(e.last_rotated_date), " next=",
                  Time(e.next_rotation_date), " changed=",
                  Time(e.last_changed_date), " accessed=",
                  Time(e.last_accessed_date), " deleted=",
                  Time(e.deleted_date), " created=", Time(e.created_date),
                  " tags=[", absl::StrJoin(tags, ","), "] versions={",
                  absl::StrJoin(versions, " "), "}"));
            }
            return absl::StrCat("ListSecrets{next=", Opt(r.next_token), " [",
                                absl::StrJoin(entries, "; "), "]}");
          },
          [](const model::CancelRotateSecretResponse& r) {
            return absl::StrCat("CancelRotate{", r.arn, " ", r.name, " v=",
                                Opt(r.version_id), "}");
          },
      },
      outcome);
}

}  // namespace secretstage::reference
