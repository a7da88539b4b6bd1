#include "server/app/scheduler.h"

#include <sys/resource.h>
#include <unistd.h>

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
  // Background work gives way to calls: at nice 10 this thread gets about a
  // tenth of the share of a thread serving a call when both want the same
  // core (enough that a write lock it holds is never held long), and all
  // it wants when a core is free. On Linux the nice value is per thread.
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kBackgroundNice) != 0) {
    LogWarning(absl::StrCat(name_, ": could not lower the priority of its thread"));
  }
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
