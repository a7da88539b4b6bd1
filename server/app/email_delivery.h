#pragma once

#include <memory>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/domain/email_outbox.h"
#include "server/domain/email_sender.h"
#include "shared/clock.h"

namespace tandem::mail {
class CurlMailRelay;
}

namespace tandem::app {

struct SmtpOptions;

/// Delivers the email outbox to the SMTP relay on a thread of its own: runs
/// the domain's EmailSender, then sleeps until the next email falls due, the
/// rate limit frees a place, `poll` passes, or Nudge.
///
/// Why poll at all: a write that queues an email commits it in its own
/// transaction in storage; rather than hook the sender into every commit,
/// one indexed query (the outbox's earliest due time) every two seconds
/// finds new emails — whichever process wrote them — at no measurable cost,
/// and two seconds is no delay to a person reading email.
class EmailDelivery {
 public:
  /// Checks the options (errors name the flag and say what to do), reads
  /// the credentials file, and makes the relay client; starts nothing.
  /// nullptr, and OK, without --smtp-host: nothing is emailed.
  static absl::StatusOr<std::unique_ptr<EmailDelivery>> Create(const SmtpOptions& options,
                                                               const Clock& clock);
  ~EmailDelivery();
  EmailDelivery(const EmailDelivery&) = delete;
  EmailDelivery& operator=(const EmailDelivery&) = delete;

  /// Starts delivering `outbox` (which must outlive Stop) on the thread.
  void Start(domain::EmailOutbox& outbox);
  /// Looks at the outbox now rather than at the next turn.
  void Nudge();
  /// Cuts short a send under way (it stays due) and ends the thread.
  void Stop();

 private:
  EmailDelivery(std::unique_ptr<mail::CurlMailRelay> relay, const Clock& clock,
                domain::EmailSenderSettings settings);
  void Run();

  std::unique_ptr<mail::CurlMailRelay> relay_;
  std::unique_ptr<domain::EmailSender> sender_;
  const Clock& clock_;
  const domain::EmailSenderSettings settings_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool nudged_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace tandem::app
