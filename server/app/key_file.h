#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace tandem::app {

/// Returns the 32-byte secret key (domain::NoteCipher::kKeySize) kept in the
/// file at `path`, creating the file on first start.
///
/// If `path` does not exist, 32 random bytes are written to a new file in the
/// same directory, opened with O_CREAT|O_EXCL and mode 0600, flushed with
/// fsync, then linked into place under `path` and the directory is fsynced;
/// so `path` either does not exist or holds a whole, durable key, and two
/// servers starting at once end up with the same key (the loser of the race
/// reads the winner's file). The directory itself is not created.
///
/// If `path` exists it must be a regular file that grants no access to group
/// or others (e.g. mode 0600 or 0400) and holds exactly 32 bytes.
///
/// An empty `path` is INVALID_ARGUMENT. Every other failure is
/// FAILED_PRECONDITION with a message, naming the path, that tells a system
/// administrator what to do: a missing directory, a file that others may
/// reach, a file of the wrong size, or an I/O error.
///
/// The caller owns the returned key and should wipe its copy once the cipher
/// has been created from it.
absl::StatusOr<std::string> LoadOrCreateKeyFile(const std::string& path);

}  // namespace tandem::app
