#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/domain/email_sender.h"
#include "server/mail/mail_message.h"

/// Sending email to an SMTP relay with libcurl.
namespace tandem::mail {

enum class SmtpSecurity {
  kStartTls,  // smtp://, STARTTLS required before anything else is sent
  kNone,      // smtp:// in the clear (a relay on this machine only)
  kTls,       // smtps://, TLS from the first byte (port 465)
};

/// "starttls", "none" or "tls"; INVALID_ARGUMENT otherwise.
absl::StatusOr<SmtpSecurity> ParseSmtpSecurity(absl::string_view text);
absl::string_view SmtpSecurityName(SmtpSecurity security);

/// True for localhost, 127.0.0.0/8 and ::1.
bool IsLoopbackHost(absl::string_view host);

struct SmtpSettings {
  /// A host name or address, without a port.
  std::string host;
  int port = 587;
  Mailbox from;
  SmtpSecurity security = SmtpSecurity::kStartTls;
  /// AUTH with these when the user is not empty.
  std::string username;
  std::string password;
  /// Until the relay has greeted, and TLS and AUTH are done.
  absl::Duration connect_timeout = absl::Seconds(10);
  /// The whole of one email, connecting included.
  absl::Duration send_timeout = absl::Seconds(30);
};

/// Reads "user:password" (one line) from `path`, which must be a regular
/// file that only its owner can read, like the notes key. Errors name the
/// path and what to do, never the file's content.
absl::StatusOr<std::pair<std::string, std::string>> ReadCredentialsFile(const std::string& path);

/// One SMTP conversation per email, over a fresh connection: EHLO,
/// STARTTLS (required for kStartTls, certificate checked), AUTH if there
/// are credentials, MAIL FROM, RCPT TO, DATA. Its answers follow
/// domain::MailRelay: a 5xx answer to RCPT TO or to the message is
/// FAILED_PRECONDITION (given up); no connection, a timeout, a 4xx answer,
/// or a refusal earlier in the conversation (the relay's set-up or our
/// credentials, not this email's fault) is UNAVAILABLE or
/// DEADLINE_EXCEEDED (tried again). Statuses name the step and the reply
/// code only.
class CurlMailRelay final : public domain::MailRelay {
 public:
  static absl::StatusOr<std::unique_ptr<CurlMailRelay>> Create(SmtpSettings settings);
  ~CurlMailRelay() override;
  CurlMailRelay(const CurlMailRelay&) = delete;
  CurlMailRelay& operator=(const CurlMailRelay&) = delete;

  absl::Status Send(const domain::OutgoingEmail& email) override;

  /// Cuts short a send under way (within about a second; it answers
  /// CANCELLED) and refuses every later one. Thread-safe.
  void Stop() { stopping_.store(true); }

  const SmtpSettings& settings() const { return settings_; }

 private:
  explicit CurlMailRelay(SmtpSettings settings);

  SmtpSettings settings_;
  std::string url_;
  std::atomic<bool> stopping_{false};
};

}  // namespace tandem::mail
