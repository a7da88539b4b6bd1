#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/domain/identity.h"
#include "server/domain/notices.h"

/// A person's notifications: their list, what they have read, the live
/// feed, and what also comes by email. Who may read a notification is one
/// rule: its recipient, and nobody else — not a coordinator, not the other
/// person of the relationship.
namespace tandem::domain {

struct NoticePage {
  std::vector<StoredNotice> notices;
  bool more = false;
  int unread = 0;
};

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  /// The account's notices before `before_sequence` (0: the newest), newest
  /// first, at most `limit`, with the unread count.
  virtual absl::StatusOr<NoticePage> List(int64_t account_id, int64_t before_sequence, int limit,
                                          bool unread_only) = 0;
  /// The account's notices after `after_sequence`, oldest first, at most
  /// `limit`.
  virtual absl::StatusOr<std::vector<StoredNotice>> After(int64_t account_id,
                                                          int64_t after_sequence, int limit) = 0;
  virtual absl::StatusOr<int> UnreadCount(int64_t account_id) = 0;
  /// Marks read the sequences named and every one up to `up_to` (0: none);
  /// the unread count after.
  virtual absl::StatusOr<int> MarkRead(int64_t account_id, const std::vector<int64_t>& sequences,
                                       int64_t up_to) = 0;
  virtual absl::StatusOr<NoticePreferences> GetPreferences(int64_t account_id) = 0;
  virtual absl::Status SavePreferences(int64_t account_id,
                                       const NoticePreferences& preferences) = 0;
  /// Writes notices that belong to no other write (reminders) in one
  /// transaction, each with a once-key at most once ever; how many were new.
  virtual absl::StatusOr<int> Write(const std::vector<Notice>& notices) = 0;
};

/// Wakes whoever waits for an account's new notices. Storage publishes the
/// recipients of each commit that wrote notices; the live feed waits.
/// Thread-safe.
class NoticeHub {
 public:
  void Publish(const std::vector<int64_t>& recipients);
  /// Waits until something is published or `deadline` passes, then hands
  /// over the accounts published since the last call (possibly none).
  absl::flat_hash_set<int64_t> Wait(absl::Time deadline);
  /// Wakes Wait at once (for shutting down).
  void Interrupt();

 private:
  absl::Mutex mu_;
  absl::flat_hash_set<int64_t> pending_ ABSL_GUARDED_BY(mu_);
  bool interrupted_ ABSL_GUARDED_BY(mu_) = false;
};

/// Where email goes, as the API shows it.
struct PreferencesView {
  NoticePreferences preferences;  // every kind, chosen or default
  std::string email_address;
  bool email_available = false;
};

/// The rules of NotificationService for the caller's own notices.
class Notifications {
 public:
  Notifications(NotificationRepository& notices, NoticeHub& hub, bool email_available)
      : notices_(notices), hub_(hub), email_available_(email_available) {}

  /// `page_size` 0 means 30; at most 100 (INVALID_ARGUMENT beyond).
  absl::StatusOr<NoticePage> List(const Principal& caller, int64_t before_sequence, int page_size,
                                  bool unread_only);
  /// At most 500 sequences; each and `up_to` must not be negative. The
  /// caller's other open feeds get the new unread count.
  absl::StatusOr<int> MarkRead(const Principal& caller, const std::vector<int64_t>& sequences,
                               int64_t up_to);
  /// What the feed sends next: notices after `after_sequence` (the latest
  /// 100 when it is 0, or when more than 100 are waiting the oldest 100
  /// first; the feed asks again), with the unread count.
  absl::StatusOr<NoticePage> Next(int64_t account_id, int64_t after_sequence);
  absl::StatusOr<PreferencesView> Preferences(const Principal& caller);
  absl::StatusOr<PreferencesView> SavePreferences(const Principal& caller,
                                                  const NoticePreferences& preferences);

 private:
  PreferencesView ViewOf(const Principal& caller, const NoticePreferences& preferences) const;

  NotificationRepository& notices_;
  NoticeHub& hub_;
  bool email_available_;
};

}  // namespace tandem::domain
