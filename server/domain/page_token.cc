#include "server/domain/page_token.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/domain/validation.h"

namespace tandem::domain {

std::string EncodePageToken(absl::string_view kind, const std::vector<std::string>& fields) {
  return absl::WebSafeBase64Escape(absl::StrCat(kind, ":", absl::StrJoin(fields, ":")));
}

std::optional<std::vector<std::string>> DecodePageToken(absl::string_view kind,
                                                        const std::string& token, int count) {
  std::string raw;
  const std::string prefix = absl::StrCat(kind, ":");
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, prefix)) {
    return std::nullopt;
  }
  std::vector<std::string> fields =
      absl::StrSplit(absl::string_view(raw).substr(prefix.size()), absl::MaxSplits(':', count - 1));
  if (static_cast<int>(fields.size()) != count) return std::nullopt;
  return fields;
}

std::string EncodeNamePageToken(const std::string& display_name, int64_t id) {
  return EncodePageToken("acc1", {absl::StrCat(id), display_name});
}

absl::StatusOr<std::pair<std::string, int64_t>> DecodeNamePageToken(const std::string& token) {
  const auto fields = DecodePageToken("acc1", token, 2);
  int64_t id = 0;
  if (!fields || !absl::SimpleAtoi((*fields)[0], &id) || id <= 0) {
    return InvalidField("page_token",
                        "is not a token from this listing; start again from the first page");
  }
  return std::make_pair((*fields)[1], id);
}

}  // namespace tandem::domain
