#pragma once

#include "absl/time/time.h"

namespace tandem {

/// Source of the current time, so rules that depend on time can be tested.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
};

/// The wall clock.
class SystemClock final : public Clock {
 public:
  absl::Time Now() const override;
};

}  // namespace tandem
