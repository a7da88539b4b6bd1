#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

/// The audit trail: every read of confidential content (private notes, a
/// safeguarding concern) — who, what, when, never the content.
namespace tandem::domain {

struct AuditEntry {
  absl::Time at;
  int64_t account_id = 0;
  std::string account_name;
  std::string what;
};

/// The UTC calendar day of `at` in words, as an audit entry names a concern
/// or a session instead of by its id: "2 December 2026" (no leading zero).
/// The server does not know the reader's time zone, so this is the UTC date.
std::string DayInWords(absl::Time at);

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  /// Appends the reads `account_id` made at `at` (each a `what`), in one
  /// transaction; nothing for none.
  virtual absl::Status Record(int64_t account_id, const std::vector<std::string>& reads,
                              absl::Time at) = 0;
  /// Reads by accounts of `organisation_ids`, newest first, at most `limit`.
  virtual absl::StatusOr<std::vector<AuditEntry>> List(const std::vector<int64_t>& organisation_ids,
                                                       int limit) = 0;
};

}  // namespace tandem::domain
