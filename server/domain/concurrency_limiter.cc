#include "server/domain/concurrency_limiter.h"

namespace tandem::domain {

ConcurrencyLimiter::Slot::~Slot() {
  if (owner_ != nullptr) owner_->Release();
}

absl::Status ConcurrencyLimiter::Acquire(absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  auto has_slot = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return available_ > 0; };
  if (!mu_.AwaitWithDeadline(absl::Condition(&has_slot), deadline)) {
    return absl::ResourceExhaustedError("The server is busy. Please try again in a moment.");
  }
  --available_;
  return absl::OkStatus();
}

void ConcurrencyLimiter::Release() {
  absl::MutexLock lock(&mu_);
  ++available_;
}

}  // namespace tandem::domain
