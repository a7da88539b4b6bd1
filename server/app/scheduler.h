#pragma once

#include <functional>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace tandem::app {

/// Background work done every so often on a thread of its own, at a lower
/// priority than calls: `work` is run at once, then `every` after each run
/// ends, until Stop. An error is logged (under `name`) and the work is
/// tried again at the next turn.
class Periodic {
 public:
  /// The nice value of the thread (calls run at 0).
  static constexpr int kBackgroundNice = 10;

  Periodic(std::string name, absl::Duration every, std::function<absl::Status()> work);
  ~Periodic();
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

  /// Runs the work now rather than at its next turn.
  void Nudge();
  /// Waits for a run under way to end, and stops.
  void Stop();

 private:
  void Run();

  const std::string name_;
  const absl::Duration every_;
  const std::function<absl::Status()> work_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool nudged_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace tandem::app
