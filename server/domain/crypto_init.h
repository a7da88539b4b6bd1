#pragma once

namespace tandem::domain {

/// Initialises libsodium once per process; safe to call from any thread.
/// Aborts if libsodium cannot start (no usable randomness source).
void EnsureSodiumInitialised();

}  // namespace tandem::domain
