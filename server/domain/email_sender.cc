#include "server/domain/email_sender.h"

#include <algorithm>
#include <memory>
#include <random>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

std::function<double()> DefaultRandom() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

}  // namespace

absl::Duration RetryDelay(const EmailSenderSettings& settings, int failures, double spread) {
  absl::Duration delay = settings.first_retry;
  for (int i = 1; i < failures && delay < settings.longest_retry; ++i) delay *= 2;
  delay = std::min(delay, settings.longest_retry);
  return delay + delay * (settings.jitter * std::clamp(spread, 0.0, 1.0));
}

EmailVerdict Judge(const absl::Status& relay_status, const OutgoingEmail& email,
                   absl::Time retry_at, const EmailSenderSettings& settings) {
  if (relay_status.ok()) return EmailVerdict::kSent;
  if (absl::IsCancelled(relay_status)) return EmailVerdict::kStopped;
  if (absl::IsFailedPrecondition(relay_status)) return EmailVerdict::kGiveUp;
  // A reminder of tomorrow's session is no use next week: past the give-up
  // time an email that still cannot go is dropped, as a mail server bounces.
  if (retry_at - email.created_at > settings.give_up_after) return EmailVerdict::kGiveUp;
  return EmailVerdict::kRetry;
}

absl::Time RateWindow::NextFreeAt(absl::Time now) const {
  if (static_cast<int>(ends_.size()) < limit_) return now;
  return std::max(now, ends_.front() + window_);
}

int RateWindow::FreeNow(absl::Time now) const {
  const auto busy = std::count_if(ends_.begin(), ends_.end(),
                                  [&](absl::Time end) { return end + window_ > now; });
  return std::max(0, limit_ - static_cast<int>(busy));
}

void RateWindow::Record(absl::Time at) {
  ends_.push_back(at);
  while (static_cast<int>(ends_.size()) > limit_) ends_.pop_front();
}

EmailSender::EmailSender(EmailOutbox& outbox, MailRelay& relay, const Clock& clock,
                         EmailSenderSettings settings,
                         std::function<void(const EmailOutcome&)> report,
                         std::function<double()> random)
    : outbox_(outbox),
      relay_(relay),
      clock_(clock),
      settings_(settings),
      report_(std::move(report)),
      random_(random ? std::move(random) : DefaultRandom()),
      window_(std::max(1, settings.max_per_minute), absl::Minutes(1)) {}

absl::StatusOr<SenderRun> EmailSender::RunOnce(const KeepGoing& keep_going) {
  SenderRun run;
  while (true) {
    if (!CheckKeepGoing(keep_going).ok()) return run;
    const absl::Time now = clock_.Now();
    const int free = window_.FreeNow(now);
    if (free == 0) {
      ASSIGN_OR_RETURN(const std::optional<absl::Time> next_due, outbox_.NextDueAt());
      if (next_due) run.wake_at = std::max(*next_due, window_.NextFreeAt(now));
      return run;
    }
    ASSIGN_OR_RETURN(const std::vector<OutgoingEmail> due,
                     outbox_.Due(now, std::min(std::max(1, settings_.batch), free)));
    if (due.empty()) {
      ASSIGN_OR_RETURN(run.wake_at, outbox_.NextDueAt());
      return run;
    }
    for (const OutgoingEmail& email : due) {
      if (!CheckKeepGoing(keep_going).ok()) return run;
      // The sends before this one took time; the window is asked again.
      const absl::Time at = clock_.Now();
      if (window_.NextFreeAt(at) > at) break;
      ASSIGN_OR_RETURN(const EmailVerdict verdict, SendOne(email));
      switch (verdict) {
        case EmailVerdict::kSent:
          ++run.sent;
          break;
        case EmailVerdict::kRetry:
          ++run.retried;
          break;
        case EmailVerdict::kGiveUp:
          ++run.failed;
          break;
        case EmailVerdict::kStopped:
          return run;
      }
    }
  }
}

absl::StatusOr<EmailVerdict> EmailSender::SendOne(const OutgoingEmail& email) {
  const absl::Status status = relay_.Send(email);
  const absl::Time end = clock_.Now();
  EmailOutcome outcome{.id = email.id, .attempt = email.attempts + 1};
  const absl::Time retry_at = end + RetryDelay(settings_, outcome.attempt, random_());
  outcome.verdict = Judge(status, email, retry_at, settings_);
  outcome.reason = std::string(status.message());
  switch (outcome.verdict) {
    case EmailVerdict::kSent:
      window_.Record(end);
      // At once: until this commits, a stop means the email goes again.
      if (absl::Status marked = outbox_.MarkSent(email.id, end); !marked.ok()) {
        return absl::Status(marked.code(),
                            absl::StrCat("email ", email.id,
                                         " was accepted by the relay but could not be marked "
                                         "sent, so it may go twice: ",
                                         marked.message()));
      }
      break;
    case EmailVerdict::kRetry:
      window_.Record(end);
      outcome.retry_at = retry_at;
      RETURN_IF_ERROR(outbox_.MarkRetry(email.id, retry_at, outcome.reason));
      break;
    case EmailVerdict::kGiveUp:
      window_.Record(end);
      if (!absl::IsFailedPrecondition(status)) {
        outcome.reason =
            absl::StrCat("still not accepted ", absl::FormatDuration(end - email.created_at),
                         " after it was queued: ", outcome.reason);
      }
      RETURN_IF_ERROR(outbox_.MarkFailed(email.id, end, outcome.reason));
      break;
    case EmailVerdict::kStopped:
      // Left due, untouched, as if the server had stopped a moment earlier.
      break;
  }
  if (report_) report_(outcome);
  return outcome.verdict;
}

}  // namespace tandem::domain
