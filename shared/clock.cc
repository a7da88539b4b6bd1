#include "shared/clock.h"

#include "absl/time/clock.h"

namespace tandem {

absl::Time SystemClock::Now() const { return absl::Now(); }

}  // namespace tandem
