#pragma once

#include <string>
#include <string_view>
#include <vector>

/// CSV as RFC 4180 says and Excel opens cleanly: CRLF line ends, a field
/// quoted when it holds a comma, a quote, a line break or leading or
/// trailing spaces (quotes inside doubled), and a UTF-8 byte-order mark at
/// the start of the file so Excel reads it as UTF-8. A field that starts
/// with =, +, - or @ is prefixed with an apostrophe so that a spreadsheet
/// never runs it as a formula. Standard library only: server and app both
/// write with it.
namespace tandem::csv {

inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

inline std::string Field(std::string_view value) {
  std::string text;
  if (!value.empty() && (value.front() == '=' || value.front() == '+' || value.front() == '-' ||
                         value.front() == '@')) {
    // A negative number stays a number.
    const bool number = value.size() > 1 && value.front() == '-' &&
                        value.find_first_not_of("0123456789.", 1) == std::string_view::npos;
    if (!number) text = "'";
  }
  text.append(value);
  const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

/// One record, ending in CRLF.
inline std::string Row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += Field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace tandem::csv
