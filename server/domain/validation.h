#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

/// Checks of user input. Every error is INVALID_ARGUMENT with a message of
/// the form "<field>: <why>", safe to show to a person.
namespace tandem::domain {

/// INVALID_ARGUMENT "<field>: <why>".
absl::Status InvalidField(absl::string_view field, absl::string_view why);
/// Trims `text`; checks it is min_length..max_length characters (Unicode
/// code points; "is required" when min_length is 1) without control
/// characters (newlines and tabs allowed when `allow_newlines`).
absl::StatusOr<std::string> NormaliseText(absl::string_view text, absl::string_view field,
                                          size_t min_length, size_t max_length,
                                          bool allow_newlines = false);
/// Normalises each item as NormaliseText (named "<field>[i]"), drops
/// case-insensitive duplicates, lower-cases them if asked, and checks the
/// count.
absl::StatusOr<std::vector<std::string>> NormaliseList(const std::vector<std::string>& items,
                                                       absl::string_view field, size_t min_count,
                                                       size_t max_count, size_t min_length,
                                                       size_t max_length, bool lower_case);

/// Trims and lower-cases an email; checks length and shape.
absl::StatusOr<std::string> NormaliseEmail(absl::string_view email, absl::string_view field);
/// Trims a display name; checks it is 1..kDisplayNameMaxLength characters
/// without control characters.
absl::StatusOr<std::string> NormaliseDisplayName(absl::string_view name, absl::string_view field);
/// A password being checked against a hash: present and not over-long.
absl::Status ValidatePasswordPresent(absl::string_view password, absl::string_view field);
/// A password being set: kPasswordMinLength..kPasswordMaxLength characters.
absl::Status ValidateNewPassword(absl::string_view password, absl::string_view field);
/// Free-text search: at most kSearchQueryMaxLength characters, no control
/// characters. Returns it trimmed.
absl::StatusOr<std::string> NormaliseQuery(absl::string_view query, absl::string_view field);

}  // namespace tandem::domain
