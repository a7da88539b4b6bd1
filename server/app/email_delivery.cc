#include "server/app/email_delivery.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/app/server.h"
#include "server/mail/smtp_relay.h"
#include "shared/logger.h"
#include "shared/status_macros.h"

namespace tandem::app {
namespace {

// See the class comment: how often the outbox is looked at for new emails.
constexpr absl::Duration kPoll = absl::Seconds(2);
// After an error of the outbox itself (the database).
constexpr absl::Duration kAfterError = absl::Seconds(30);

// One line per try: the row's id, which try, what became of it — never the
// address, subject or body (the reason is the relay's step and reply code).
void Report(const domain::EmailOutcome& outcome) {
  const std::string what = absl::StrCat("email ", outcome.id, " (try ", outcome.attempt, "): ");
  switch (outcome.verdict) {
    case domain::EmailVerdict::kSent:
      LogInfo(absl::StrCat(what, "sent"));
      break;
    case domain::EmailVerdict::kRetry:
      LogWarning(absl::StrCat(
          what, "not sent, ", outcome.reason, "; trying again at ",
          absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", outcome.retry_at, absl::UTCTimeZone())));
      break;
    case domain::EmailVerdict::kGiveUp:
      LogError(absl::StrCat(what, "given up, ", outcome.reason));
      break;
    case domain::EmailVerdict::kStopped:
      LogInfo(absl::StrCat(what, "cut short by the shutdown; it stays due"));
      break;
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<EmailDelivery>> EmailDelivery::Create(const SmtpOptions& options,
                                                                     const Clock& clock) {
  if (options.host.empty()) {
    if (!options.from.empty() || !options.credentials_file.empty()) {
      return absl::InvalidArgumentError(
          "--smtp-from and --smtp-credentials-file need --smtp-host: give the mail relay's "
          "host, or leave them out to email nothing.");
    }
    return nullptr;
  }
  ASSIGN_OR_RETURN(const mail::SmtpSecurity security, mail::ParseSmtpSecurity(options.security));
  if (security == mail::SmtpSecurity::kNone && !mail::IsLoopbackHost(options.host)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--smtp-security none sends email and any password unencrypted, so it is allowed only "
        "to a relay on this machine (localhost, 127.0.0.1 or ::1), not to ",
        options.host, ". Use --smtp-security starttls (port 587) or tls (port 465)."));
  }
  if (options.from.empty()) {
    return absl::InvalidArgumentError(
        "--smtp-from is needed with --smtp-host: the address emails come from, like "
        "\"Tandem <tandem@trust.nhs.uk>\".");
  }
  absl::StatusOr<mail::Mailbox> from = mail::ParseMailbox(options.from);
  if (!from.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--smtp-from: ", from.status().message(), "."));
  }
  if (options.max_per_minute < 1 || options.max_per_minute > 10000) {
    return absl::InvalidArgumentError("--smtp-max-per-minute must be 1 to 10000.");
  }
  mail::SmtpSettings settings{
      .host = options.host, .port = options.port, .from = *from, .security = security};
  if (!options.credentials_file.empty()) {
    ASSIGN_OR_RETURN(auto credentials, mail::ReadCredentialsFile(options.credentials_file));
    settings.username = std::move(credentials.first);
    settings.password = std::move(credentials.second);
    std::fill(credentials.second.begin(), credentials.second.end(), '\0');
  }
  ASSIGN_OR_RETURN(std::unique_ptr<mail::CurlMailRelay> relay,
                   mail::CurlMailRelay::Create(std::move(settings)));
  return std::unique_ptr<EmailDelivery>(
      new EmailDelivery(std::move(relay), clock,
                        domain::EmailSenderSettings{.max_per_minute = options.max_per_minute}));
}

EmailDelivery::EmailDelivery(std::unique_ptr<mail::CurlMailRelay> relay, const Clock& clock,
                             domain::EmailSenderSettings settings)
    : relay_(std::move(relay)), clock_(clock), settings_(settings) {}

EmailDelivery::~EmailDelivery() { Stop(); }

void EmailDelivery::Start(domain::EmailOutbox& outbox) {
  const mail::SmtpSettings& smtp = relay_->settings();
  LogInfo(absl::StrCat("email: delivering through ", smtp.host, ":", smtp.port, " (",
                       mail::SmtpSecurityName(smtp.security),
                       smtp.username.empty() ? ", no AUTH" : ", with AUTH", "), at most ",
                       settings_.max_per_minute, " a minute"));
  sender_ = std::make_unique<domain::EmailSender>(outbox, *relay_, clock_, settings_, &Report);
  thread_ = std::thread([this] { Run(); });
}

void EmailDelivery::Nudge() {
  absl::MutexLock lock(&mu_);
  nudged_ = true;
}

void EmailDelivery::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  relay_->Stop();
  if (thread_.joinable()) thread_.join();
}

void EmailDelivery::Run() {
  const domain::KeepGoing keep_going = [this]() -> absl::Status {
    absl::MutexLock lock(&mu_);
    return stopping_ ? absl::CancelledError("stopping") : absl::OkStatus();
  };
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) return;
      nudged_ = false;
    }
    const absl::StatusOr<domain::SenderRun> run = sender_->RunOnce(keep_going);
    absl::Time wake = clock_.Now() + kPoll;
    if (!run.ok()) {
      LogError(absl::StrCat("email: ", run.status().ToString(), "; looking again in ",
                            absl::FormatDuration(kAfterError)));
      wake = clock_.Now() + kAfterError;
    } else if (run->wake_at) {
      wake = std::min(wake, *run->wake_at);
    }
    absl::MutexLock lock(&mu_);
    const auto woken = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_ || nudged_; };
    mu_.AwaitWithDeadline(absl::Condition(&woken), wake);
  }
}

}  // namespace tandem::app
