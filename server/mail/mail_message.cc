#include "server/mail/mail_message.h"

#include <array>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"

namespace tandem::mail {
namespace {

constexpr size_t kFoldAt = 78;
// Raw bytes per encoded word: 36 bytes are 48 base64 characters, and with
// "=?UTF-8?B?" and "?=" a word of 60 — a folded line stays under 76.
constexpr size_t kWordBytes = 36;

bool IsPrintableAscii(absl::string_view text) {
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 32 || b > 126) return false;
  }
  return true;
}

// RFC 5322 "specials" (and the double quote): a display name holding one is
// written as a quoted string.
bool HasSpecials(absl::string_view text) {
  return text.find_first_of("()<>[]:;@\\,.\"") != absl::string_view::npos;
}

std::string WithoutLineBreaks(absl::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

// The lines of `text`, split at "\n" with any "\r" before it dropped; a
// final line break makes no empty last line.
std::vector<absl::string_view> Lines(absl::string_view text) {
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (absl::string_view& line : lines) {
    if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
  }
  return lines;
}

std::string EncodedWords(absl::string_view text) {
  std::vector<std::string> words;
  while (!text.empty()) {
    size_t take = std::min(kWordBytes, text.size());
    // Never split a character: back off over continuation bytes.
    while (take < text.size() && take > 1 &&
           (static_cast<unsigned char>(text[take]) & 0xC0) == 0x80) {
      --take;
    }
    words.push_back(absl::StrCat("=?UTF-8?B?", absl::Base64Escape(text.substr(0, take)), "?="));
    text.remove_prefix(take);
  }
  return absl::StrJoin(words, "\r\n ");
}

// Folds printable ASCII at spaces so that lines stay within 78 characters
// where a space allows it.
std::string FoldAscii(absl::string_view text, size_t name_length) {
  std::string out;
  size_t line = name_length;
  bool first = true;
  for (const absl::string_view word : absl::StrSplit(text, ' ')) {
    if (!first) {
      // A folded line starts with the space; never one of spaces alone.
      if (!word.empty() && line + 1 + word.size() > kFoldAt) {
        out.append("\r\n");
        line = 0;
      }
      out.push_back(' ');
      ++line;
    }
    first = false;
    out.append(word.data(), word.size());
    line += word.size();
  }
  return out;
}

std::string FromHeader(const Mailbox& from) {
  if (from.display_name.empty()) return from.address;
  std::string name;
  if (!IsPrintableAscii(from.display_name)) {
    name = EncodedWords(from.display_name);
  } else if (HasSpecials(from.display_name)) {
    // push_back rather than = "\"": GCC 12 at -O3 warns of an overlapping
    // memcpy in the latter (-Wrestrict, a false positive).
    name.push_back('"');
    for (const char c : from.display_name) {
      if (c == '"' || c == '\\') name.push_back('\\');
      name.push_back(c);
    }
    name.push_back('"');
  } else {
    name = from.display_name;
  }
  return absl::StrCat(name, " <", from.address, ">");
}

}  // namespace

bool IsSendableAddress(absl::string_view address) {
  if (address.size() < 3 || address.size() > 254) return false;
  const size_t at = address.find('@');
  if (at == absl::string_view::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != absl::string_view::npos || at > 64) {
    return false;
  }
  for (const char c : address.substr(0, at)) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 32 || b >= 127 ||
        absl::string_view("<>()[],;:\\\"").find(c) != absl::string_view::npos) {
      return false;
    }
  }
  const absl::string_view domain = address.substr(at + 1);
  if (domain.front() == '.' || domain.back() == '.' || domain.front() == '-') return false;
  for (const char c : domain) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  return true;
}

absl::StatusOr<Mailbox> ParseMailbox(absl::string_view text) {
  const auto refuse = [](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(
        why, "; give an address like tandem@trust.nhs.uk or \"Tandem <tandem@trust.nhs.uk>\""));
  };
  text = absl::StripAsciiWhitespace(text);
  Mailbox mailbox;
  if (absl::EndsWith(text, ">")) {
    const size_t open = text.rfind('<');
    if (open == absl::string_view::npos) return refuse("a '>' with no '<' before it");
    mailbox.address = std::string(text.substr(open + 1, text.size() - open - 2));
    absl::string_view name = absl::StripAsciiWhitespace(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
      for (size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '\\' && i + 1 < name.size()) ++i;
        mailbox.display_name.push_back(name[i]);
      }
    } else {
      mailbox.display_name = std::string(name);
    }
    for (const char c : mailbox.display_name) {
      if (static_cast<unsigned char>(c) < 32 || c == 127) {
        return refuse("the name holds a control character");
      }
    }
  } else {
    mailbox.address = std::string(text);
  }
  if (mailbox.address.empty()) return refuse("no address");
  if (!IsSendableAddress(mailbox.address)) {
    return refuse(
        absl::StrCat("'", mailbox.address, "' is not an address this server can send from"));
  }
  return mailbox;
}

std::string DomainOf(absl::string_view address) {
  const size_t at = address.rfind('@');
  return at == absl::string_view::npos ? std::string(address) : std::string(address.substr(at + 1));
}

std::string MessageIdFor(int64_t outbox_id, const Mailbox& from) {
  return absl::StrCat("<tandem-outbox-", outbox_id, "@", DomainOf(from.address), ">");
}

std::string RfcDate(absl::Time at) {
  static constexpr std::array<const char*, 7> kDays = {"Mon", "Tue", "Wed", "Thu",
                                                       "Fri", "Sat", "Sun"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const absl::CivilSecond s = absl::ToCivilSecond(at, absl::UTCTimeZone());
  const int weekday = static_cast<int>(absl::GetWeekday(absl::CivilDay(s)));  // Monday = 0
  return absl::StrFormat("%s, %d %s %04d %02d:%02d:%02d +0000", kDays[weekday], s.day(),
                         kMonths[s.month() - 1], s.year(), s.hour(), s.minute(), s.second());
}

std::string EncodeHeaderText(absl::string_view text, size_t name_length) {
  const std::string flat = WithoutLineBreaks(text);
  // Printable ASCII goes as it is, unless it could be read as an encoded
  // word itself.
  if (IsPrintableAscii(flat) && !absl::StrContains(flat, "=?")) {
    return FoldAscii(flat, name_length);
  }
  return EncodedWords(flat);
}

std::string QuotedPrintable(absl::string_view text) {
  std::string out;
  for (const absl::string_view line : Lines(text)) {
    size_t length = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      const auto b = static_cast<unsigned char>(line[i]);
      const bool last = i + 1 == line.size();
      std::string token;
      if ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)) {
        token.push_back(static_cast<char>(b));
      } else {
        token = absl::StrFormat("=%02X", b);
      }
      // A soft break ("=" at the end) keeps each line within 76.
      if (length + token.size() > 75) {
        out.append("=\r\n");
        length = 0;
      }
      out.append(token);
      length += token.size();
    }
    out.append("\r\n");
  }
  return out;
}

std::string FormatMessage(const domain::OutgoingEmail& email, const Mailbox& from) {
  const std::vector<absl::string_view> lines = Lines(email.body);
  bool plain = IsPrintableAscii(absl::StrJoin(lines, ""));
  for (const absl::string_view line : lines) plain = plain && line.size() <= 998;
  std::string message;
  absl::StrAppend(&message, "Date: ", RfcDate(email.created_at), "\r\n");
  absl::StrAppend(&message, "From: ", FromHeader(from), "\r\n");
  absl::StrAppend(&message, "To: ", email.to_address, "\r\n");
  absl::StrAppend(&message, "Subject: ", EncodeHeaderText(email.subject, 9), "\r\n");
  absl::StrAppend(&message, "Message-ID: ", MessageIdFor(email.id, from), "\r\n");
  absl::StrAppend(&message, "MIME-Version: 1.0\r\n");
  absl::StrAppend(&message, "Content-Type: text/plain; charset=UTF-8\r\n");
  absl::StrAppend(&message, "Content-Transfer-Encoding: ", plain ? "7bit" : "quoted-printable",
                  "\r\n");
  // RFC 3834: no out-of-office replies to a notification.
  absl::StrAppend(&message, "Auto-Submitted: auto-generated\r\n");
  absl::StrAppend(&message, "\r\n");
  if (plain) {
    for (const absl::string_view line : lines) absl::StrAppend(&message, line, "\r\n");
  } else {
    absl::StrAppend(&message, QuotedPrintable(email.body));
  }
  return message;
}

}  // namespace tandem::mail
