#pragma once

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace tandem::domain {

/// Bounds how many costly operations (argon2id hashing: 64 MiB each) run at
/// once, so a flood of sign-ins queues briefly and then fails with
/// RESOURCE_EXHAUSTED instead of exhausting memory.
class ConcurrencyLimiter {
 public:
  explicit ConcurrencyLimiter(int max_in_flight) : available_(max_in_flight) {}

  /// Holds one slot for its lifetime.
  class Slot {
   public:
    explicit Slot(ConcurrencyLimiter* owner) : owner_(owner) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    ~Slot();

   private:
    ConcurrencyLimiter* owner_;
  };

  /// Waits until `deadline` for a slot.
  absl::Status Acquire(absl::Time deadline);
  /// Runs `fn` holding a slot, or returns RESOURCE_EXHAUSTED after `deadline`.
  template <typename Fn>
  auto Run(absl::Time deadline, Fn fn) -> decltype(fn()) {
    if (absl::Status acquired = Acquire(deadline); !acquired.ok()) return acquired;
    Slot slot(this);
    return fn();
  }

 private:
  void Release();

  absl::Mutex mu_;
  int available_ ABSL_GUARDED_BY(mu_);
};

}  // namespace tandem::domain
