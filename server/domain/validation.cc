#include "server/domain/validation.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

// Characters (Unicode code points) in valid UTF-8, which is what people
// and the app count; protobuf has already rejected invalid UTF-8.
size_t CountCharacters(absl::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

}  // namespace

absl::Status InvalidField(absl::string_view field, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", why));
}

absl::StatusOr<std::string> NormaliseText(absl::string_view text, absl::string_view field,
                                          size_t min_length, size_t max_length,
                                          bool allow_newlines) {
  std::string trimmed(absl::StripAsciiWhitespace(text));
  const size_t length = CountCharacters(trimmed);
  if (length < min_length) {
    return InvalidField(field, min_length <= 1
                                   ? "is required"
                                   : absl::StrCat("must be at least ", min_length, " characters"));
  }
  if (length > max_length) {
    return InvalidField(field, absl::StrCat("must be at most ", max_length, " characters"));
  }
  for (unsigned char c : trimmed) {
    if ((c < 0x20 && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f) {
      return InvalidField(field, "must not contain control characters");
    }
  }
  return trimmed;
}

absl::StatusOr<std::vector<std::string>> NormaliseList(const std::vector<std::string>& items,
                                                       absl::string_view field, size_t min_count,
                                                       size_t max_count, size_t min_length,
                                                       size_t max_length, bool lower_case) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    ASSIGN_OR_RETURN(std::string item, NormaliseText(items[i], absl::StrCat(field, "[", i, "]"),
                                                     min_length, max_length));
    if (lower_case) item = absl::AsciiStrToLower(item);
    if (seen.insert(absl::AsciiStrToLower(item)).second) out.push_back(std::move(item));
  }
  if (out.size() < min_count) {
    return InvalidField(field, min_count == 1
                                   ? "at least one is required"
                                   : absl::StrCat("at least ", min_count, " are required"));
  }
  if (out.size() > max_count) {
    return InvalidField(field, absl::StrCat("at most ", max_count, " allowed"));
  }
  return out;
}

absl::StatusOr<std::string> NormaliseEmail(absl::string_view email, absl::string_view field) {
  const std::string trimmed = absl::AsciiStrToLower(absl::StripAsciiWhitespace(email));
  if (trimmed.empty()) return InvalidField(field, "is required");
  if (trimmed.size() < limits::kEmailMinLength || trimmed.size() > limits::kEmailMaxLength) {
    return InvalidField(field, absl::StrCat("must be ", limits::kEmailMinLength, " to ",
                                            limits::kEmailMaxLength, " characters"));
  }
  const auto at = trimmed.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == trimmed.size() ||
      trimmed.find('@', at + 1) != std::string::npos) {
    return InvalidField(field, "must be an email address like name@example.org");
  }
  for (unsigned char c : trimmed) {
    if (c <= 0x20 || c == 0x7f) return InvalidField(field, "must not contain spaces");
  }
  return trimmed;
}

absl::StatusOr<std::string> NormaliseDisplayName(absl::string_view name, absl::string_view field) {
  return NormaliseText(name, field, 1, limits::kDisplayNameMaxLength);
}

absl::Status ValidatePasswordPresent(absl::string_view password, absl::string_view field) {
  if (password.empty()) return InvalidField(field, "is required");
  if (password.size() > limits::kPasswordMaxLength) {
    return InvalidField(
        field, absl::StrCat("must be at most ", limits::kPasswordMaxLength, " characters"));
  }
  return absl::OkStatus();
}

absl::Status ValidateNewPassword(absl::string_view password, absl::string_view field) {
  if (password.empty()) return InvalidField(field, "is required");
  if (password.size() < limits::kPasswordMinLength ||
      password.size() > limits::kPasswordMaxLength) {
    return InvalidField(field, absl::StrCat("must be ", limits::kPasswordMinLength, " to ",
                                            limits::kPasswordMaxLength, " characters"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> NormaliseQuery(absl::string_view query, absl::string_view field) {
  return NormaliseText(query, field, 0, limits::kSearchQueryMaxLength);
}

}  // namespace tandem::domain
