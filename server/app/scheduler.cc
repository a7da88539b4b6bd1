#include "server/app/scheduler.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "shared/logger.h"

namespace tandem::app {

Periodic::Periodic(std::string name, absl::Duration every, std::function<absl::Status()> work)
    : name_(std::move(name)), every_(every), work_(std::move(work)), thread_([this] { Run(); }) {}

Periodic::~Periodic() { Stop(); }

void Periodic::Nudge() {
  absl::MutexLock lock(&mu_);
  nudged_ = true;
}

void Periodic::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void Periodic::Run() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) return;
      nudged_ = false;
    }
    if (const absl::Status status = work_(); !status.ok()) {
      LogError(absl::StrCat(name_, ": ", status.ToString(), "; trying again in ",
                            absl::FormatDuration(every_)));
    }
    absl::MutexLock lock(&mu_);
    const auto wake = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_ || nudged_; };
    mu_.AwaitWithTimeout(absl::Condition(&wake), every_);
  }
}

}  // namespace tandem::app
