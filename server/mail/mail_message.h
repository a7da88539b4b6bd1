#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/domain/email_outbox.h"

/// The text of an email as it goes to the relay (RFC 5322 with MIME): the
/// headers, encoded where they are not plain ASCII, and the body. Pure
/// functions, no I/O.
namespace tandem::mail {

/// An address with an optional display name: `Tandem <tandem@trust.nhs.uk>`.
struct Mailbox {
  std::string display_name;
  std::string address;
};

/// Whether `address` is a plain `local@domain` this sender can name in the
/// SMTP envelope and a header: printable ASCII, no spaces, angle brackets,
/// commas or the like, one @ with text on both sides.
bool IsSendableAddress(absl::string_view address);

/// Reads `address`, `Name <address>` or `"Name, Team" <address>`.
/// INVALID_ARGUMENT saying what is wrong otherwise.
absl::StatusOr<Mailbox> ParseMailbox(absl::string_view text);

/// The domain of an address: after its last @.
std::string DomainOf(absl::string_view address);

/// `<tandem-outbox-{id}@{domain of from}>`: the same on every try of one
/// outbox row, so a relay or a reader can tell a second copy.
std::string MessageIdFor(int64_t outbox_id, const Mailbox& from);

/// `Tue, 14 May 2024 09:30:00 +0000` (English names whatever the locale).
std::string RfcDate(absl::Time at);

/// A header's text: as it is when it is printable ASCII, otherwise RFC 2047
/// encoded words (UTF-8, base64), each line short enough to fold after
/// `name_length` characters of "Name: ". CR and LF never survive.
std::string EncodeHeaderText(absl::string_view text, size_t name_length);

/// Quoted-printable (RFC 2045) of UTF-8 text whose lines end "\r\n" (or
/// "\n"): lines of at most 76 characters, ending "\r\n".
std::string QuotedPrintable(absl::string_view text);

/// The whole message: Date (when it was queued, the same on every try),
/// From, To, Subject, Message-ID, MIME-Version, Content-Type text/plain
/// UTF-8, Content-Transfer-Encoding (7bit for short ASCII lines, else
/// quoted-printable), Auto-Submitted; then the body. Lines end "\r\n".
/// Dot-stuffing is left to the SMTP client.
std::string FormatMessage(const domain::OutgoingEmail& email, const Mailbox& from);

}  // namespace tandem::mail
