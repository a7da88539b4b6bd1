#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/profile.h"

/// Notices: telling a person that something waits for them. A notice names
/// the kind of event, when, and where it leads in the app — never any
/// confidential word (templates in notice_templates.h are the only wording,
/// and they see only the fields below, none of which can hold content).
///
/// A notice caused by a write is made in that write's own transaction: the
/// domain adds it to the thread's NoticeBatch around the repository call,
/// and storage writes the batch just before it commits (and the email it
/// causes, by the person's preferences). A reminder is made by the
/// scheduler (reminders.h) with a key that makes it once only.
namespace tandem::domain {

/// Stored by these numbers; server/api maps them to the API's enum.
enum class NoticeKind : int {
  kRequestReceived = 1,
  kRequestAccepted = 2,
  kRequestDeclined = 3,
  kRequestReturned = 4,
  kMatchConfirmed = 5,
  kTermsToAgree = 6,
  kSessionProposed = 7,
  kSessionAccepted = 8,
  kSessionMoved = 9,
  kSessionCancelled = 10,
  kSessionTomorrow = 11,
  kSessionSoon = 12,
  kRecordSession = 13,
  kGoalReviewDue = 14,
  kEvaluationDue = 15,
  kFollowUpDue = 16,
  kReturnDue = 17,
  kReturnOverdue = 18,
  kSupervisionLapsing = 19,
  kQualificationLapsing = 20,
  kApplicationApproved = 21,
  kApplicationDeclined = 22,
  kConcernRaised = 23,
  kConcernEscalated = 24,
};
inline constexpr int kMinNoticeKind = 1;
inline constexpr int kMaxNoticeKind = 24;

/// Every kind, in order.
std::vector<NoticeKind> AllNoticeKinds();
/// Whether a kind is about a safeguarding concern (emailed in quiet hours).
bool IsConcernKind(NoticeKind kind);

/// Where a notice leads in the app (stored by these numbers).
enum class NoticeScreen : int {
  kNone = 0,
  kInbox = 1,
  kMyRequests = 2,
  kRelationship = 3,
  kRecordSession = 4,
  kMonthlyReturn = 5,
  kMyProfile = 6,
  kPool = 7,
  kConcerns = 8,
};

/// What a notice says, as plain facts. Nothing here can hold content: the
/// only text is a month, and names are left out altogether (an email may be
/// read by someone else; that someone is being coached is private too).
struct NoticeFacts {
  /// Coaching or mentoring, where the event is about one.
  std::optional<SupportKind> support;
  /// A session's start (for a moved session, its new start), a lapse date.
  std::optional<absl::Time> at;
  /// A moved session's earlier start.
  std::optional<absl::Time> was_at;
  /// A return's month.
  std::optional<absl::CivilMonth> month;
};

struct Notice {
  int64_t recipient_id = 0;
  NoticeKind kind = NoticeKind::kRequestReceived;
  NoticeFacts facts;
  NoticeScreen screen = NoticeScreen::kNone;
  /// The relationship the screen shows (kRelationship, kRecordSession).
  int64_t relationship_id = 0;
  /// Reminders: makes the notice once only (storage ignores a second with
  /// the same key). Empty for notices of events.
  std::string once_key;
};

/// A notice as stored for its recipient.
struct StoredNotice {
  Notice notice;
  /// The recipient's own numbering, 1, 2, 3… in commit order.
  int64_t sequence = 0;
  absl::Time created_at;
  bool read = false;
};

/// The notices of one write. While a batch lives, it is the thread's
/// current batch, and the next write transaction to commit on this thread
/// writes what it holds (storage calls TakeForCommit) — so make the batch
/// right around the one repository call it belongs to, and add to it before
/// or inside that call (in its change callback). Batches nest: an inner one
/// hides the outer until it ends. Not copyable or movable.
class NoticeBatch {
 public:
  NoticeBatch();
  ~NoticeBatch();
  NoticeBatch(const NoticeBatch&) = delete;
  NoticeBatch& operator=(const NoticeBatch&) = delete;

  void Add(Notice notice);
  /// Forgets what was added (a change callback that is deciding again).
  void Clear() { notices_.clear(); }
  bool empty() const { return notices_.empty(); }

  /// The thread's current batch, or nullptr.
  static NoticeBatch* Current();
  /// For storage, inside the transaction about to commit: what to write.
  /// The batch is then empty, so a later transaction does not write it
  /// again.
  std::vector<Notice> TakeForCommit();

 private:
  std::vector<Notice> notices_;
  NoticeBatch* outer_;
};

// ---- Preferences -----------------------------------------------------------

struct KindChoice {
  NoticeKind kind = NoticeKind::kRequestReceived;
  bool email = false;
};

/// A person's choices. `kinds` holds only what they chose; the rest take
/// EmailByDefault.
struct NoticePreferences {
  std::vector<KindChoice> kinds;
  /// Quiet hours for email, minutes after midnight in the programme's time
  /// zone; equal for none.
  int quiet_from_minute = 0;
  int quiet_to_minute = 0;
};

/// Whether a kind comes by email unless the person says otherwise: requests,
/// matches, sessions moved or cancelled, concerns, and the pool's answer to
/// an application — what someone must act on or would want to know at once.
bool EmailByDefault(NoticeKind kind);
/// Whether the person gets `kind` by email.
bool WantsEmail(const NoticePreferences& preferences, NoticeKind kind);
/// Every kind with its choice or default, in kind order.
std::vector<KindChoice> EveryChoice(const NoticePreferences& preferences);
/// INVALID_ARGUMENT (naming the field) for an unknown or repeated kind or a
/// minute outside 0–1439.
absl::Status ValidatePreferences(const NoticePreferences& preferences);

/// When an email of `kind` made at `now` may be sent: `now`, or the end of
/// the person's quiet hours when `now` falls in them (never held back for a
/// concern).
absl::Time EmailNotBefore(const NoticePreferences& preferences, NoticeKind kind, absl::Time now,
                          absl::TimeZone zone);

}  // namespace tandem::domain
