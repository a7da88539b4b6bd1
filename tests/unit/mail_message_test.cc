// The text of an email as it goes to the relay: addresses, the stable
// Message-ID, the date, RFC 2047 subjects, quoted-printable bodies, and no
// way for a header value to start a header of its own.

#include "server/mail/mail_message.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem::mail {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Undoes RFC 2047 B words (and unfolds), for checking round trips.
std::string DecodeWords(absl::string_view text) {
  std::string out;
  const std::string flat = absl::StrReplaceAll(text, {{"\r\n ", " "}});
  for (absl::string_view word : absl::StrSplit(flat, ' ')) {
    if (!absl::ConsumePrefix(&word, "=?UTF-8?B?") || !absl::ConsumeSuffix(&word, "?=")) {
      return "not an encoded word: " + std::string(word);
    }
    std::string bytes;
    if (!absl::Base64Unescape(word, &bytes)) return "bad base64";
    out += bytes;
  }
  return out;
}

std::string DecodeQuotedPrintable(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=' && absl::StartsWith(text.substr(i + 1), "\r\n")) {
      i += 2;  // soft break
    } else if (text[i] == '=') {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

size_t LongestLine(absl::string_view text) {
  size_t longest = 0;
  for (absl::string_view line : absl::StrSplit(text, "\r\n"))
    longest = std::max(longest, line.size());
  return longest;
}

TEST(MailboxTest, ReadsAddressesWithAndWithoutNames) {
  absl::StatusOr<Mailbox> m = ParseMailbox("tandem@trust.nhs.uk");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->address, "tandem@trust.nhs.uk");
  EXPECT_EQ(m->display_name, "");
  m = ParseMailbox("  Tandem <tandem@trust.nhs.uk> ");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->display_name, "Tandem");
  EXPECT_EQ(m->address, "tandem@trust.nhs.uk");
  m = ParseMailbox(R"("Tandem, \"Coaching\" Hub" <hub@localhost>)");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->display_name, R"(Tandem, "Coaching" Hub)");
  EXPECT_EQ(m->address, "hub@localhost");
}

TEST(MailboxTest, RefusesWhatCannotBeSentFrom) {
  for (const char* bad : {"", "tandem", "@trust.nhs.uk", "tandem@", "a b@trust.nhs.uk", "Tandem <>",
                          "Tandem tandem@trust.nhs.uk>", "a@b@c", "Tan\ndem <t@trust.nhs.uk>",
                          "t@trust.nhs.uk\r\nBcc: x@y.z"}) {
    const absl::StatusOr<Mailbox> m = ParseMailbox(bad);
    EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(m.status().message()), HasSubstr("tandem@trust.nhs.uk")) << bad;
  }
}

TEST(MailboxTest, SendableAddresses) {
  EXPECT_TRUE(IsSendableAddress("coach@demo.tandem.example"));
  EXPECT_TRUE(IsSendableAddress("first.last+tag@nhs.net"));
  EXPECT_FALSE(IsSendableAddress("coach@demo.tandem.example>\r\nRCPT TO:<x@y.z"));
  EXPECT_FALSE(IsSendableAddress("coach@demo.tandem.example\r\nBcc: x@y.z"));
  EXPECT_FALSE(IsSendableAddress("<coach@demo.tandem.example>"));
  EXPECT_FALSE(IsSendableAddress("coach@.example"));
  EXPECT_FALSE(IsSendableAddress("coach@exa mple.org"));
  EXPECT_FALSE(IsSendableAddress("cöach@example.org"));
}

TEST(MessageIdTest, StableForARowAndNamedAfterTheSendersDomain) {
  const Mailbox from{.display_name = "Tandem", .address = "tandem@trust.nhs.uk"};
  EXPECT_EQ(MessageIdFor(12, from), "<tandem-outbox-12@trust.nhs.uk>");
  EXPECT_EQ(DomainOf("a@b.example"), "b.example");
}

TEST(RfcDateTest, EnglishNamesInUtc) {
  EXPECT_EQ(RfcDate(absl::FromUnixSeconds(0)), "Thu, 1 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(RfcDate(absl::FromCivil(absl::CivilSecond(2024, 5, 14, 9, 30, 5), absl::UTCTimeZone())),
            "Tue, 14 May 2024 09:30:05 +0000");
  EXPECT_EQ(
      RfcDate(absl::FromCivil(absl::CivilSecond(2026, 12, 27, 23, 0, 0), absl::UTCTimeZone())),
      "Sun, 27 Dec 2026 23:00:00 +0000");
}

TEST(HeaderTextTest, AsciiGoesAsItIs) {
  EXPECT_EQ(EncodeHeaderText("You have a new request for coaching", 9),
            "You have a new request for coaching");
}

TEST(HeaderTextTest, LongAsciiIsFoldedAtSpaces) {
  const std::string subject =
      "A session on Tuesday 14 May at 10:00 was moved to Wednesday 15 May at 11:30, please look "
      "at the new time in Tandem";
  const std::string folded = EncodeHeaderText(subject, 9);
  EXPECT_THAT(folded, HasSubstr("\r\n "));
  EXPECT_LE(LongestLine("Subject: " + folded), 78u);
  EXPECT_EQ(absl::StrReplaceAll(folded, {{"\r\n", ""}}), subject);
}

TEST(HeaderTextTest, NonAsciiBecomesEncodedWordsThatDecodeBack) {
  const std::string subject =
      "Your coach’s session — Tuesday 14 May — was moved; café, naïve, Zürich, 東京 ✓";
  const std::string encoded = EncodeHeaderText(subject, 9);
  EXPECT_TRUE(absl::StartsWith(encoded, "=?UTF-8?B?"));
  EXPECT_EQ(DecodeWords(encoded), subject);
  EXPECT_LE(LongestLine("Subject: " + encoded), 76u);
  // No word splits a character: each decodes to whole UTF-8 on its own.
  for (absl::string_view word : absl::StrSplit(encoded, "\r\n ")) {
    const std::string bytes = DecodeWords(word);
    ASSERT_FALSE(bytes.empty());
    EXPECT_NE(static_cast<unsigned char>(bytes.front()) & 0xC0, 0x80) << word;
  }
}

TEST(HeaderTextTest, LineBreaksCannotStartAHeader) {
  EXPECT_THAT(EncodeHeaderText("Hello\r\nBcc: someone@example.org", 9), Not(HasSubstr("\n")));
  EXPECT_THAT(EncodeHeaderText("Héllo\r\nBcc: someone@example.org", 9), Not(HasSubstr("\r\nBcc")));
  // Text that looks like an encoded word is itself encoded.
  EXPECT_TRUE(absl::StartsWith(EncodeHeaderText("=?UTF-8?B?QQ==?=", 9), "=?UTF-8?B?"));
}

TEST(QuotedPrintableTest, EncodesWhatIsNotPlainAndKeepsLinesShort) {
  EXPECT_EQ(QuotedPrintable("café = 100%\r\n"), "caf=C3=A9 =3D 100%\r\n");
  EXPECT_EQ(QuotedPrintable("trailing space \r\nand tab\t\n"),
            "trailing space=20\r\nand tab=09\r\n");
  const std::string long_line = std::string(200, 'a') + "é" + std::string(100, 'b') + "\r\n";
  const std::string encoded = QuotedPrintable(long_line);
  EXPECT_LE(LongestLine(encoded), 76u);
  EXPECT_EQ(DecodeQuotedPrintable(encoded), long_line);
}

domain::OutgoingEmail Email(std::string subject, std::string body) {
  return {
      .id = 41,
      .to_address = "coach@demo.tandem.example",
      .subject = std::move(subject),
      .body = std::move(body),
      .created_at = absl::FromCivil(absl::CivilSecond(2024, 5, 14, 9, 30, 0), absl::UTCTimeZone()),
      .attempts = 2};
}

TEST(FormatMessageTest, HeadersThenAPlainBody) {
  const Mailbox from{.display_name = "Tandem", .address = "tandem@trust.nhs.uk"};
  const std::string message = FormatMessage(
      Email("You have a new request for coaching", "Open Tandem.\r\nSee your inbox.\n"), from);
  EXPECT_EQ(message,
            "Date: Tue, 14 May 2024 09:30:00 +0000\r\n"
            "From: Tandem <tandem@trust.nhs.uk>\r\n"
            "To: coach@demo.tandem.example\r\n"
            "Subject: You have a new request for coaching\r\n"
            "Message-ID: <tandem-outbox-41@trust.nhs.uk>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            "Auto-Submitted: auto-generated\r\n"
            "\r\n"
            "Open Tandem.\r\n"
            "See your inbox.\r\n");
}

TEST(FormatMessageTest, NonAsciiIsEncodedAndTheMessageIsTheSameOnEveryTry) {
  const Mailbox from{.display_name = "Tandem – NHS", .address = "tandem@trust.nhs.uk"};
  domain::OutgoingEmail email = Email("Session moved – Tuesday", "It’s moved.\r\n");
  const std::string first = FormatMessage(email, from);
  EXPECT_THAT(first, HasSubstr("From: =?UTF-8?B?"));
  EXPECT_THAT(first, HasSubstr(" <tandem@trust.nhs.uk>\r\n"));
  EXPECT_THAT(first, HasSubstr("Subject: =?UTF-8?B?"));
  EXPECT_THAT(first, HasSubstr("Content-Transfer-Encoding: quoted-printable\r\n"));
  EXPECT_THAT(first, HasSubstr("\r\n\r\nIt=E2=80=99s moved.\r\n"));
  email.attempts = 7;
  EXPECT_EQ(FormatMessage(email, from), first);
  // No bare line feeds anywhere.
  EXPECT_EQ(absl::StrReplaceAll(first, {{"\r\n", ""}}).find('\n'), std::string::npos);
}

TEST(FormatMessageTest, ANameWithSpecialsIsQuoted) {
  const Mailbox from{.display_name = "Tandem, NHS", .address = "t@x.example"};
  EXPECT_THAT(FormatMessage(Email("Hi", "Hi\r\n"), from),
              HasSubstr("From: \"Tandem, NHS\" <t@x.example>\r\n"));
}

}  // namespace
}  // namespace tandem::mail
