#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/email_outbox.h"
#include "server/domain/keep_going.h"
#include "shared/clock.h"

/// Delivering the email outbox: the rules of when to send, when to try
/// again and when to give up, apart from how an email travels (MailRelay,
/// implemented over SMTP in server/mail/).
///
/// Each email is sent at least once and, but for one narrow window, at most
/// once: it is marked sent in the outbox as soon as the relay has accepted
/// it, so an email whose send was cut off (a crash, a kill, a lost
/// connection before the relay's final answer) is still due and is sent
/// again. Only a stop between the relay's acceptance and that mark can make
/// a second copy, and each copy carries the same Message-ID.
namespace tandem::domain {

/// Hands one email to a mail relay. Thread-compatible: the sender calls it
/// from one thread.
class MailRelay {
 public:
  virtual ~MailRelay() = default;
  /// OK once the relay has accepted the email (its final answer to the
  /// message). FAILED_PRECONDITION when the relay refused this email for
  /// good (a 5xx answer to its recipient or to the message). CANCELLED when
  /// the send was stopped before the relay answered (the server is
  /// stopping). Anything else — no connection, a timeout, a 4xx answer, a
  /// refusal of the sender or of the credentials — is worth trying again.
  /// The message of a status is safe to log and store: it never holds an
  /// address, a subject or any of the body.
  virtual absl::Status Send(const OutgoingEmail& email) = 0;
};

struct EmailSenderSettings {
  /// Emails handed to the relay at most in any minute.
  int max_per_minute = 60;
  /// The wait after a first failed try; each further failure doubles it.
  absl::Duration first_retry = absl::Seconds(30);
  /// The longest wait between tries.
  absl::Duration longest_retry = absl::Hours(1);
  /// Each wait is lengthened by up to this share, at random, so that many
  /// emails that failed together are not all tried again at one moment.
  double jitter = 0.1;
  /// An email still not accepted this long after it was queued is given up
  /// on (as a mail server bounces after days).
  absl::Duration give_up_after = absl::Hours(24 * 5);
  /// Emails read from the outbox at a time.
  int batch = 20;
};

/// How long to wait after `failures` failed tries (1 after the first):
/// first_retry, doubling each time, at most longest_retry; then lengthened
/// by `spread` (0 to 1) times the jitter.
absl::Duration RetryDelay(const EmailSenderSettings& settings, int failures, double spread);

/// What became of one try.
enum class EmailVerdict {
  kSent,     // accepted by the relay: marked sent
  kRetry,    // failed for now: tried again later
  kGiveUp,   // refused for good, or failing for too long: marked failed
  kStopped,  // the send was stopped (the server is stopping): left as it was
};

/// The verdict on the relay's answer `relay_status` to `email`, which
/// failed `email.attempts` times before, if a retry would fall at
/// `retry_at`.
EmailVerdict Judge(const absl::Status& relay_status, const OutgoingEmail& email,
                   absl::Time retry_at, const EmailSenderSettings& settings);

/// At most `limit` sends in any `window`: it remembers when each of the
/// last `limit` sends ended, and a send may start only once the oldest of
/// them ended `window` ago. Counting ends (not starts) keeps the relay's
/// acceptances, too, at most `limit` in any window, however long each send
/// takes.
class RateWindow {
 public:
  RateWindow(int limit, absl::Duration window) : limit_(limit), window_(window) {}
  /// The earliest time a send may start: `now` or later.
  absl::Time NextFreeAt(absl::Time now) const;
  /// How many sends may start now, one after another, before the window is
  /// full (counting nothing of how long they take).
  int FreeNow(absl::Time now) const;
  /// A send ended at `at`.
  void Record(absl::Time at);

 private:
  int limit_;
  absl::Duration window_;
  std::deque<absl::Time> ends_;
};

/// One email's try, for the server's log: its id, which try it was, and
/// the verdict — never its address, subject or body.
struct EmailOutcome {
  int64_t id = 0;
  /// 1 for the first try.
  int attempt = 0;
  EmailVerdict verdict = EmailVerdict::kSent;
  /// Why it failed (the relay's status message); empty when sent.
  std::string reason;
  /// kRetry: when it is tried again.
  absl::Time retry_at;
};

struct SenderRun {
  int sent = 0;
  int retried = 0;
  int failed = 0;
  /// When there is more to do: the next email falls due, or the rate limit
  /// lets the next one go. Empty when nothing waits in the outbox.
  std::optional<absl::Time> wake_at;
};

/// Sends the outbox's due emails through the relay, oldest first, within
/// the rate limit. Not thread-safe: one thread runs it.
class EmailSender {
 public:
  /// `report` hears of each try as it ends (the server logs it); `random`
  /// gives numbers in [0, 1) for the jitter (default: a random generator).
  EmailSender(EmailOutbox& outbox, MailRelay& relay, const Clock& clock,
              EmailSenderSettings settings, std::function<void(const EmailOutcome&)> report = {},
              std::function<double()> random = {});

  /// Sends what is due now, one email after another, until nothing more is
  /// due, the rate limit is reached, or `keep_going` says stop. An error
  /// of the outbox (the database) ends the run; what was done stays done.
  absl::StatusOr<SenderRun> RunOnce(const KeepGoing& keep_going = {});

  const EmailSenderSettings& settings() const { return settings_; }

 private:
  /// Tries one email and records the verdict in the outbox.
  absl::StatusOr<EmailVerdict> SendOne(const OutgoingEmail& email);

  EmailOutbox& outbox_;
  MailRelay& relay_;
  const Clock& clock_;
  EmailSenderSettings settings_;
  std::function<void(const EmailOutcome&)> report_;
  std::function<double()> random_;
  RateWindow window_;
};

}  // namespace tandem::domain
