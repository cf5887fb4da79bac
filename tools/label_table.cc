#include "tools/label_table.h"

#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"

namespace secretstage::tools {
namespace {

constexpr size_t kMaxLineWidth = 99;
constexpr size_t kIndent = 2;
constexpr size_t kVersionWidth = 36;  // a UUID fits whole
constexpr size_t kCreatedWidth = 19;  // "2024-01-01 00:00:05"
constexpr size_t kGap = 3;
constexpr size_t kLabelsColumn =
    kIndent + kVersionWidth + kGap + kCreatedWidth + kGap;

// `text` cut to `width` characters, ending in "..." when cut.
// Never cuts a UTF-8 sequence in two.
std::string Shorten(std::string_view text, size_t width) {
  if (text.size() <= width) return std::string(text);
  size_t cut = width <= 3 ? 0 : width - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

std::string PadRight(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

// The labels, comma-separated, wrapped so that no line passes kMaxLineWidth;
// continuation lines start at the LABELS column.
std::string WrapLabels(const std::vector<std::string>& labels) {
  const size_t width = kMaxLineWidth - kLabelsColumn;
  std::string out;
  size_t line_length = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string item = Shorten(labels[i], width - 1);
    if (i + 1 < labels.size()) item += ",";
    if (line_length > 0 && line_length + 1 + item.size() > width) {
      out += "\n" + std::string(kLabelsColumn, ' ');
      line_length = 0;
    } else if (line_length > 0) {
      out += " ";
      ++line_length;
    }
    out += item;
    line_length += item.size();
  }
  return out;
}

std::string Header(const model::DescribeSecretResponse& secret) {
  std::string suffix;
  if (secret.arn.size() > 7) {
    suffix = absl::StrCat(" (arn ...", secret.arn.substr(secret.arn.size() - 7),
                          ")");
  }
  std::string status;
  if (secret.deleted_date) {
    status = absl::StrCat("   [scheduled for deletion ",
                          FormatUtc(*secret.deleted_date), "]");
  }
  const size_t fixed = 7 + suffix.size() + status.size();  // "secret "
  const size_t name_width = fixed < kMaxLineWidth ? kMaxLineWidth - fixed : 8;
  return absl::StrCat("secret ", Shorten(secret.name, name_width), suffix,
                      status, "\n");
}

}  // namespace

std::string FormatUtc(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", t, absl::UTCTimeZone());
}

std::string RenderLabelTable(
    const model::DescribeSecretResponse& secret,
    const std::vector<model::SecretVersionsListEntry>& versions) {
  std::string out = Header(secret);
  if (versions.empty()) {
    absl::StrAppend(&out, std::string(kIndent, ' '), "(no versions)\n");
    return out;
  }
  absl::StrAppend(&out, std::string(kIndent, ' '),
                  PadRight("VERSION", kVersionWidth + kGap),
                  PadRight("CREATED", kCreatedWidth + kGap), "LABELS\n");
  for (const model::SecretVersionsListEntry& v : versions) {
    const std::string labels = v.version_stages.empty()
                                   ? "(deprecated)"
                                   : WrapLabels(v.version_stages);
    absl::StrAppend(
        &out, std::string(kIndent, ' '),
        PadRight(Shorten(v.version_id, kVersionWidth), kVersionWidth + kGap),
        PadRight(FormatUtc(v.created_date), kCreatedWidth + kGap), labels,
        "\n");
  }
  return out;
}

}  // namespace secretstage::tools
