#include "server/storage/sqlite/sqlite_notification_repository.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "server/domain/notice_templates.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::Notice;
using domain::NoticeKind;
using domain::StoredNotice;

/// Recipients written by this thread's transaction, published after it
/// commits.
thread_local std::vector<int64_t> written_by_transaction;

constexpr char kSelect[] =
    "SELECT sequence, kind, screen, relationship_id, support, at_unix, was_at_unix, month, "
    "created_at, read_at IS NOT NULL, account_id FROM notifications ";

std::optional<absl::CivilMonth> ParseMonth(absl::string_view text) {
  absl::CivilMonth month;
  if (text.empty() || !absl::ParseCivilTime(text, &month)) return std::nullopt;
  return month;
}

StoredNotice ReadNotice(const Statement& s) {
  StoredNotice stored;
  stored.sequence = s.Int(0);
  Notice& n = stored.notice;
  n.kind = static_cast<NoticeKind>(s.Int(1));
  n.screen = static_cast<domain::NoticeScreen>(s.Int(2));
  n.relationship_id = s.Int(3);
  if (s.Int(4) != 0) n.facts.support = static_cast<domain::SupportKind>(s.Int(4));
  n.facts.at = s.OptionalTime(5);
  n.facts.was_at = s.OptionalTime(6);
  n.facts.month = ParseMonth(s.TextView(7));
  stored.created_at = absl::FromUnixSeconds(s.Int(8));
  stored.read = s.Int(9) != 0;
  n.recipient_id = s.Int(10);
  return stored;
}

absl::StatusOr<std::vector<StoredNotice>> ReadAll(Statement& s) {
  std::vector<StoredNotice> out;
  while (true) {
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    out.push_back(ReadNotice(s));
  }
}

absl::StatusOr<int> CountUnread(Connection& c, int64_t account_id) {
  ASSIGN_OR_RETURN(Statement s,
                   c.Prepare("SELECT COUNT(*) FROM notifications WHERE account_id = ? AND "
                             "read_at IS NULL"));
  s.Bind(1, account_id);
  ASSIGN_OR_RETURN(const bool row, s.Step());
  return row ? static_cast<int>(s.Int(0)) : 0;
}

absl::StatusOr<domain::NoticePreferences> ReadPreferences(Connection& c, int64_t account_id) {
  domain::NoticePreferences preferences;
  ASSIGN_OR_RETURN(Statement quiet, c.Prepare("SELECT quiet_from_minute, quiet_to_minute FROM "
                                              "notification_preferences WHERE account_id = ?"));
  quiet.Bind(1, account_id);
  ASSIGN_OR_RETURN(const bool found, quiet.Step());
  if (found) {
    preferences.quiet_from_minute = static_cast<int>(quiet.Int(0));
    preferences.quiet_to_minute = static_cast<int>(quiet.Int(1));
  }
  ASSIGN_OR_RETURN(Statement kinds, c.Prepare("SELECT kind, email FROM notification_choices "
                                              "WHERE account_id = ? ORDER BY kind"));
  kinds.Bind(1, account_id);
  while (true) {
    ASSIGN_OR_RETURN(const bool row, kinds.Step());
    if (!row) break;
    preferences.kinds.push_back(
        {.kind = static_cast<NoticeKind>(kinds.Int(0)), .email = kinds.Int(1) != 0});
  }
  return preferences;
}

void BindOptionalTime(Statement& s, int index, const std::optional<absl::Time>& at) {
  if (at) {
    s.Bind(index, absl::ToUnixSeconds(*at));
  } else {
    s.BindNull(index);
  }
}

}  // namespace

SqliteNotificationRepository::SqliteNotificationRepository(Database& db, const Clock& clock,
                                                           domain::NoticeHub& hub,
                                                           NotificationStoreSettings settings)
    : db_(db), clock_(clock), hub_(hub), settings_(settings) {
  db_.SetCommitHooks(
      [this](Connection& c) -> absl::Status {
        domain::NoticeBatch* batch = domain::NoticeBatch::Current();
        if (batch == nullptr || batch->empty()) return absl::OkStatus();
        return WriteOn(c, batch->TakeForCommit(), written_by_transaction);
      },
      [this] {
        hub_.Publish(written_by_transaction);
        written_by_transaction.clear();
      },
      [] { written_by_transaction.clear(); });
}

absl::Status SqliteNotificationRepository::WriteOn(Connection& c,
                                                   const std::vector<Notice>& notices,
                                                   std::vector<int64_t>& written) {
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(Statement once, c.Prepare("SELECT 1 FROM notifications WHERE once_key = ?"));
  ASSIGN_OR_RETURN(Statement next,
                   c.Prepare("SELECT COALESCE(MAX(sequence), 0) + 1 FROM notifications "
                             "WHERE account_id = ?"));
  ASSIGN_OR_RETURN(
      Statement insert,
      c.Prepare("INSERT INTO notifications (account_id, sequence, kind, screen, relationship_id, "
                "support, at_unix, was_at_unix, month, once_key, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ASSIGN_OR_RETURN(Statement address, c.Prepare("SELECT email FROM accounts WHERE id = ?"));
  ASSIGN_OR_RETURN(
      Statement email,
      c.Prepare("INSERT INTO email_outbox (account_id, sequence, to_address, subject, body, "
                "created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  for (const Notice& notice : notices) {
    if (!notice.once_key.empty()) {
      once.Reset().Bind(1, notice.once_key);
      ASSIGN_OR_RETURN(const bool made, once.Step());
      if (made) continue;
    }
    next.Reset().Bind(1, notice.recipient_id);
    ASSIGN_OR_RETURN(const bool row, next.Step());
    const int64_t sequence = row ? next.Int(0) : 1;
    insert.Reset()
        .Bind(1, notice.recipient_id)
        .Bind(2, sequence)
        .Bind(3, int64_t{static_cast<int>(notice.kind)})
        .Bind(4, int64_t{static_cast<int>(notice.screen)})
        .Bind(5, notice.relationship_id)
        .Bind(6, int64_t{notice.facts.support ? static_cast<int>(*notice.facts.support) : 0});
    BindOptionalTime(insert, 7, notice.facts.at);
    BindOptionalTime(insert, 8, notice.facts.was_at);
    if (notice.facts.month) {
      insert.Bind(9, absl::FormatCivilTime(*notice.facts.month));
    } else {
      insert.BindNull(9);
    }
    if (notice.once_key.empty()) {
      insert.BindNull(10);
    } else {
      insert.Bind(10, notice.once_key);
    }
    insert.Bind(11, absl::ToUnixSeconds(now));
    RETURN_IF_ERROR(insert.Run());
    written.push_back(notice.recipient_id);

    if (!settings_.email) continue;
    ASSIGN_OR_RETURN(const domain::NoticePreferences preferences,
                     ReadPreferences(c, notice.recipient_id));
    if (!domain::WantsEmail(preferences, notice.kind)) continue;
    address.Reset().Bind(1, notice.recipient_id);
    ASSIGN_OR_RETURN(const bool has_account, address.Step());
    if (!has_account) continue;
    const domain::EmailText text = domain::RenderEmail(notice, settings_.zone);
    const absl::Time not_before =
        domain::EmailNotBefore(preferences, notice.kind, now, settings_.zone);
    email.Reset()
        .Bind(1, notice.recipient_id)
        .Bind(2, sequence)
        .Bind(3, address.TextView(0))
        .Bind(4, text.subject)
        .Bind(5, text.body)
        .Bind(6, absl::ToUnixSeconds(now))
        .Bind(7, absl::ToUnixSeconds(not_before));
    RETURN_IF_ERROR(email.Run());
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::NoticePage> SqliteNotificationRepository::List(int64_t account_id,
                                                                      int64_t before_sequence,
                                                                      int limit, bool unread_only) {
  domain::NoticePage page;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(
                                      kSelect, "WHERE account_id = ? AND (? = 0 OR sequence < ?)",
                                      unread_only ? " AND read_at IS NULL" : "",
                                      " ORDER BY sequence DESC LIMIT ?")));
    s.Bind(1, account_id).Bind(2, before_sequence).Bind(3, before_sequence).Bind(4, limit + 1);
    ASSIGN_OR_RETURN(page.notices, ReadAll(s));
    page.more = page.notices.size() > static_cast<size_t>(limit);
    if (page.more) page.notices.resize(static_cast<size_t>(limit));
    ASSIGN_OR_RETURN(page.unread, CountUnread(c, account_id));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<std::vector<StoredNotice>> SqliteNotificationRepository::After(
    int64_t account_id, int64_t after_sequence, int limit) {
  std::vector<StoredNotice> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(kSelect,
                                                         "WHERE account_id = ? AND sequence > ? "
                                                         "ORDER BY sequence LIMIT ?")));
    s.Bind(1, account_id).Bind(2, after_sequence).Bind(3, int64_t{limit});
    ASSIGN_OR_RETURN(out, ReadAll(s));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int> SqliteNotificationRepository::UnreadCount(int64_t account_id) {
  int unread = 0;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(unread, CountUnread(c, account_id));
    return absl::OkStatus();
  }));
  return unread;
}

absl::StatusOr<int> SqliteNotificationRepository::MarkRead(int64_t account_id,
                                                           const std::vector<int64_t>& sequences,
                                                           int64_t up_to) {
  int unread = 0;
  const int64_t now = absl::ToUnixSeconds(clock_.Now());
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement one,
                     c.Prepare("UPDATE notifications SET read_at = ? WHERE account_id = ? AND "
                               "sequence = ? AND read_at IS NULL"));
    for (const int64_t sequence : sequences) {
      RETURN_IF_ERROR(one.Reset().Bind(1, now).Bind(2, account_id).Bind(3, sequence).Run());
    }
    if (up_to > 0) {
      ASSIGN_OR_RETURN(Statement all,
                       c.Prepare("UPDATE notifications SET read_at = ? WHERE account_id = ? AND "
                                 "sequence <= ? AND read_at IS NULL"));
      RETURN_IF_ERROR(all.Bind(1, now).Bind(2, account_id).Bind(3, up_to).Run());
    }
    ASSIGN_OR_RETURN(unread, CountUnread(c, account_id));
    return absl::OkStatus();
  }));
  return unread;
}

absl::StatusOr<domain::NoticePreferences> SqliteNotificationRepository::GetPreferences(
    int64_t account_id) {
  domain::NoticePreferences preferences;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(preferences, ReadPreferences(c, account_id));
    return absl::OkStatus();
  }));
  return preferences;
}

absl::Status SqliteNotificationRepository::SavePreferences(
    int64_t account_id, const domain::NoticePreferences& preferences) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement quiet,
                     c.Prepare("INSERT INTO notification_preferences (account_id, "
                               "quiet_from_minute, quiet_to_minute) VALUES (?, ?, ?) "
                               "ON CONFLICT (account_id) DO UPDATE SET quiet_from_minute = "
                               "excluded.quiet_from_minute, quiet_to_minute = "
                               "excluded.quiet_to_minute"));
    RETURN_IF_ERROR(quiet.Bind(1, account_id)
                        .Bind(2, int64_t{preferences.quiet_from_minute})
                        .Bind(3, int64_t{preferences.quiet_to_minute})
                        .Run());
    ASSIGN_OR_RETURN(Statement clear,
                     c.Prepare("DELETE FROM notification_choices WHERE account_id = ?"));
    RETURN_IF_ERROR(clear.Bind(1, account_id).Run());
    ASSIGN_OR_RETURN(Statement choose,
                     c.Prepare("INSERT INTO notification_choices (account_id, kind, email) "
                               "VALUES (?, ?, ?)"));
    for (const domain::KindChoice& choice : preferences.kinds) {
      RETURN_IF_ERROR(choose.Reset()
                          .Bind(1, account_id)
                          .Bind(2, int64_t{static_cast<int>(choice.kind)})
                          .Bind(3, int64_t{choice.email ? 1 : 0})
                          .Run());
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<int> SqliteNotificationRepository::Write(const std::vector<Notice>& notices) {
  int made = 0;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    const size_t before = written_by_transaction.size();
    RETURN_IF_ERROR(WriteOn(c, notices, written_by_transaction));
    made = static_cast<int>(written_by_transaction.size() - before);
    return absl::OkStatus();
  }));
  return made;
}

absl::StatusOr<std::vector<domain::OutgoingEmail>> SqliteNotificationRepository::Due(absl::Time now,
                                                                                     int limit) {
  std::vector<domain::OutgoingEmail> out;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT id, to_address, subject, body, created_at, attempts FROM "
                               "email_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND "
                               "next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"));
    s.Bind(1, absl::ToUnixSeconds(now)).Bind(2, int64_t{limit});
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      out.push_back({.id = s.Int(0),
                     .to_address = s.Text(1),
                     .subject = s.Text(2),
                     .body = s.Text(3),
                     .created_at = absl::FromUnixSeconds(s.Int(4)),
                     .attempts = static_cast<int>(s.Int(5))});
    }
  }));
  return out;
}

absl::StatusOr<std::optional<absl::Time>> SqliteNotificationRepository::NextDueAt() {
  std::optional<absl::Time> next;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT MIN(next_attempt_at) FROM email_outbox WHERE sent_at IS "
                               "NULL AND failed_at IS NULL"));
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) next = s.OptionalTime(0);
    return absl::OkStatus();
  }));
  return next;
}

absl::Status SqliteNotificationRepository::MarkSent(int64_t id, absl::Time at) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("UPDATE email_outbox SET sent_at = ?, attempts = "
                                            "attempts + 1 WHERE id = ? AND sent_at IS NULL"));
    return s.Bind(1, absl::ToUnixSeconds(at)).Bind(2, id).Run();
  });
}

absl::Status SqliteNotificationRepository::MarkRetry(int64_t id, absl::Time next_attempt,
                                                     const std::string& error) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("UPDATE email_outbox SET next_attempt_at = ?, attempts = "
                               "attempts + 1, last_error = ? WHERE id = ? AND sent_at IS NULL"));
    return s.Bind(1, absl::ToUnixSeconds(next_attempt)).Bind(2, error).Bind(3, id).Run();
  });
}

absl::Status SqliteNotificationRepository::MarkFailed(int64_t id, absl::Time at,
                                                      const std::string& error) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("UPDATE email_outbox SET failed_at = ?, attempts = attempts + 1, "
                               "last_error = ? WHERE id = ? AND sent_at IS NULL"));
    return s.Bind(1, absl::ToUnixSeconds(at)).Bind(2, error).Bind(3, id).Run();
  });
}

}  // namespace tandem::storage
