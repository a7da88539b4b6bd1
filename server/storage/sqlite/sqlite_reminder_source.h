#pragma once

#include "server/domain/reminders.h"
#include "server/storage/sqlite/database.h"

namespace tandem::storage {

/// The reminders' queries over sessions, relationships, the pool, returns
/// and concerns (read only).
class SqliteReminderSource final : public domain::ReminderSource {
 public:
  explicit SqliteReminderSource(Database& db) : db_(db) {}

  absl::StatusOr<std::vector<domain::UpcomingSession>> AcceptedSessions(absl::Time from,
                                                                        absl::Time to) override;
  absl::StatusOr<std::vector<int64_t>> RelationshipsForGoals(absl::Time ended_since) override;
  absl::StatusOr<std::vector<int64_t>> MembersWithoutReturn(absl::CivilMonth month,
                                                            absl::Time joined_before) override;
  absl::StatusOr<std::vector<int64_t>> CoachingListingEnding(absl::Time from,
                                                             absl::Time to) override;
  absl::StatusOr<std::vector<int64_t>> CoordinatorsOf(int64_t organisation_id) override;
  absl::StatusOr<std::vector<domain::DueEscalation>> DueEscalations(absl::Time now) override;

 private:
  Database& db_;
};

}  // namespace tandem::storage
