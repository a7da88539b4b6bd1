#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

/// Emails waiting to be sent. Storage writes one into the outbox in the same
/// transaction as the notice it tells of (when the person wants that kind by
/// email; held back until their quiet hours end), and the sender delivers
/// them to the mail relay.
namespace tandem::domain {

struct OutgoingEmail {
  int64_t id = 0;
  std::string to_address;
  std::string subject;
  /// Plain text, lines ending "\r\n".
  std::string body;
  absl::Time created_at;
  /// Tries so far.
  int attempts = 0;
};

class EmailOutbox {
 public:
  virtual ~EmailOutbox() = default;
  /// Emails neither sent nor given up on whose time has come, oldest first.
  virtual absl::StatusOr<std::vector<OutgoingEmail>> Due(absl::Time now, int limit) = 0;
  /// When the next one falls due, if any is waiting.
  virtual absl::StatusOr<std::optional<absl::Time>> NextDueAt() = 0;
  virtual absl::Status MarkSent(int64_t id, absl::Time at) = 0;
  /// Counts a failed try and sets when to try again.
  virtual absl::Status MarkRetry(int64_t id, absl::Time next_attempt, const std::string& error) = 0;
  /// Gives up (the relay refused it for good).
  virtual absl::Status MarkFailed(int64_t id, absl::Time at, const std::string& error) = 0;
};

}  // namespace tandem::domain
