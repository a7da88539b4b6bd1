#include "server/domain/validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/limits.h"

namespace tandem::domain {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", why));
}

bool HasControlCharacter(absl::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<std::string> NormaliseEmail(absl::string_view email, absl::string_view field) {
  const std::string trimmed = absl::AsciiStrToLower(absl::StripAsciiWhitespace(email));
  if (trimmed.empty()) return Invalid(field, "is required");
  if (trimmed.size() < limits::kEmailMinLength || trimmed.size() > limits::kEmailMaxLength) {
    return Invalid(field, absl::StrCat("must be ", limits::kEmailMinLength, " to ",
                                       limits::kEmailMaxLength, " characters"));
  }
  const auto at = trimmed.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == trimmed.size() ||
      trimmed.find('@', at + 1) != std::string::npos) {
    return Invalid(field, "must be an email address like name@example.org");
  }
  for (unsigned char c : trimmed) {
    if (c <= 0x20 || c == 0x7f) return Invalid(field, "must not contain spaces");
  }
  return trimmed;
}

absl::StatusOr<std::string> NormaliseDisplayName(absl::string_view name, absl::string_view field) {
  const std::string trimmed(absl::StripAsciiWhitespace(name));
  if (trimmed.empty()) return Invalid(field, "is required");
  if (trimmed.size() > limits::kDisplayNameMaxLength) {
    return Invalid(field,
                   absl::StrCat("must be at most ", limits::kDisplayNameMaxLength, " characters"));
  }
  if (HasControlCharacter(trimmed)) return Invalid(field, "must not contain control characters");
  return trimmed;
}

absl::Status ValidatePasswordPresent(absl::string_view password, absl::string_view field) {
  if (password.empty()) return Invalid(field, "is required");
  if (password.size() > limits::kPasswordMaxLength) {
    return Invalid(field,
                   absl::StrCat("must be at most ", limits::kPasswordMaxLength, " characters"));
  }
  return absl::OkStatus();
}

absl::Status ValidateNewPassword(absl::string_view password, absl::string_view field) {
  if (password.empty()) return Invalid(field, "is required");
  if (password.size() < limits::kPasswordMinLength ||
      password.size() > limits::kPasswordMaxLength) {
    return Invalid(field, absl::StrCat("must be ", limits::kPasswordMinLength, " to ",
                                       limits::kPasswordMaxLength, " characters"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> NormaliseQuery(absl::string_view query, absl::string_view field) {
  const std::string trimmed(absl::StripAsciiWhitespace(query));
  if (trimmed.size() > limits::kSearchQueryMaxLength) {
    return Invalid(field,
                   absl::StrCat("must be at most ", limits::kSearchQueryMaxLength, " characters"));
  }
  if (HasControlCharacter(trimmed)) return Invalid(field, "must not contain control characters");
  return trimmed;
}

}  // namespace tandem::domain
