#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "server/domain/email_outbox.h"
#include "server/domain/notifications.h"
#include "server/storage/sqlite/database.h"
#include "shared/clock.h"

namespace tandem::storage {

struct NotificationStoreSettings {
  /// The programme's time zone: quiet hours and the times emails name.
  absl::TimeZone zone;
  /// Whether a mail relay is configured; without one no email is queued.
  bool email = false;
};

/// Notices, preferences and the email outbox (migrations/0014). Once made,
/// it writes the notices of the thread's domain::NoticeBatch in every write
/// transaction of `db`, just before it commits, and publishes their
/// recipients to `hub` once it has: a notice exists exactly when the write
/// that caused it does.
class SqliteNotificationRepository final : public domain::NotificationRepository,
                                           public domain::EmailOutbox {
 public:
  SqliteNotificationRepository(Database& db, const Clock& clock, domain::NoticeHub& hub,
                               NotificationStoreSettings settings);

  absl::StatusOr<domain::NoticePage> List(int64_t account_id, int64_t before_sequence, int limit,
                                          bool unread_only) override;
  absl::StatusOr<std::vector<domain::StoredNotice>> After(int64_t account_id,
                                                          int64_t after_sequence,
                                                          int limit) override;
  absl::StatusOr<int> UnreadCount(int64_t account_id) override;
  absl::StatusOr<int> MarkRead(int64_t account_id, const std::vector<int64_t>& sequences,
                               int64_t up_to) override;
  absl::StatusOr<domain::NoticePreferences> GetPreferences(int64_t account_id) override;
  absl::Status SavePreferences(int64_t account_id,
                               const domain::NoticePreferences& preferences) override;
  absl::StatusOr<int> Write(const std::vector<domain::Notice>& notices) override;

  absl::StatusOr<std::vector<domain::OutgoingEmail>> Due(absl::Time now, int limit) override;
  absl::StatusOr<std::optional<absl::Time>> NextDueAt() override;
  absl::Status MarkSent(int64_t id, absl::Time at) override;
  absl::Status MarkRetry(int64_t id, absl::Time next_attempt, const std::string& error) override;
  absl::Status MarkFailed(int64_t id, absl::Time at, const std::string& error) override;

 private:
  /// Writes `notices` on `c` (inside a transaction), and the emails they
  /// cause; adds the recipients of those written to `written`.
  absl::Status WriteOn(Connection& c, const std::vector<domain::Notice>& notices,
                       std::vector<int64_t>& written);

  Database& db_;
  const Clock& clock_;
  domain::NoticeHub& hub_;
  NotificationStoreSettings settings_;
};

}  // namespace tandem::storage
