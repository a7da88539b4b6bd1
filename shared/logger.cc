#include "shared/logger.h"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace tandem {
namespace {

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kInfo:
      return "INFO";
    case LogLevel::kWarning:
      return "WARN";
    case LogLevel::kError:
      return "ERROR";
  }
  return "?";
}

void WriteAll(const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (n <= 0) return;  // nowhere to say so
    done += static_cast<size_t>(n);
  }
}

/// Lines waiting to be written, and the thread that writes them, so that a
/// call that logs never waits for stderr (a full pipe, a slow journal).
/// Lines logged within a few milliseconds of the process being killed can
/// be lost; at a normal exit everything waiting is written. (A process that
/// forks without exec must not log in the child.)
class Writer {
 public:
  /// Past this many bytes waiting (stderr stuck), information lines are
  /// dropped and counted rather than kept; warnings and errors up to twice
  /// as many.
  static constexpr size_t kMaxPending = 4 << 20;

  Writer() : thread_([this] { Run(); }) {}

  void Add(const std::string& line, bool keep) {
    mu_.Lock();
    if (stopping_) {
      // At exit: in order, after what waits.
      WriteTakenUnlock(line);
      return;
    }
    if (pending_.size() + line.size() > (keep ? 2 : 1) * kMaxPending) {
      ++dropped_;
    } else {
      pending_ += line;
    }
    mu_.Unlock();
  }

  /// Writes what waits and ends the thread; later lines are written at
  /// once. At exit.
  void Stop() {
    {
      absl::MutexLock lock(&mu_);
      stopping_ = true;
    }
    if (thread_.joinable()) thread_.join();
  }

 private:
  bool Ready() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_ || !pending_.empty(); }

  std::string TakeLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    std::string out;
    out.swap(pending_);
    if (dropped_ > 0) {
      absl::StrAppend(&out, "logger: ", dropped_, " log lines dropped (stderr was slow)\n");
      dropped_ = 0;
    }
    return out;
  }

  /// Takes what waits (and `line` after it), lets go of mu_, and writes
  /// it; batches reach stderr in the order they were taken.
  void WriteTakenUnlock(const std::string& line) ABSL_UNLOCK_FUNCTION(mu_) {
    write_mu_.Lock();
    std::string out = TakeLocked();
    out += line;
    mu_.Unlock();
    WriteAll(out);
    write_mu_.Unlock();
  }

  void Run() {
    while (true) {
      mu_.LockWhen(absl::Condition(this, &Writer::Ready));
      const bool last = stopping_;
      WriteTakenUnlock("");
      if (last) return;
    }
  }

  absl::Mutex mu_;
  absl::Mutex write_mu_ ABSL_ACQUIRED_AFTER(mu_);
  std::string pending_ ABSL_GUARDED_BY(mu_);
  size_t dropped_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

Writer& TheWriter() {
  // Never destroyed, so a line logged from any static's destructor is still
  // written; what waits is written at exit.
  static Writer* const writer = [] {
    auto* made = new Writer();
    std::atexit([] { TheWriter().Stop(); });
    return made;
  }();
  return *writer;
}

}  // namespace

void Log(LogLevel level, absl::string_view message) {
  const std::string line =
      absl::StrCat(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()), " ",
                   LevelName(level), " ", message, "\n");
  TheWriter().Add(line, level != LogLevel::kInfo);
}

}  // namespace tandem
