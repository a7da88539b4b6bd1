#pragma once

#include <functional>

#include "absl/status/status.h"

namespace tandem::domain {

/// Asked now and then during long work: OK to go on, or why to stop —
/// DEADLINE_EXCEEDED when the call's time is up, CANCELLED when its caller
/// went away. Work that stops answers with that status and writes nothing
/// partial. The API layer makes one from the call; empty: always go on.
using KeepGoing = std::function<absl::Status()>;

/// OK when `keep_going` is empty, else what it says.
inline absl::Status CheckKeepGoing(const KeepGoing& keep_going) {
  return keep_going ? keep_going() : absl::OkStatus();
}

}  // namespace tandem::domain
