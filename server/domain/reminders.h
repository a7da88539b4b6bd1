#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/goals.h"
#include "server/domain/matching.h"
#include "server/domain/monthly_return.h"
#include "server/domain/notifications.h"
#include "server/domain/profile.h"
#include "server/domain/profile_repository.h"
#include "shared/clock.h"

/// Reminders: notices that fall due with time rather than with a write —
/// a session tomorrow and within the hour, a session still unrecorded a day
/// after it, a goal review, evaluation or follow-up due, last month's
/// return due and then overdue, supervision or a qualification lapsing
/// within 30 days, a concern escalated to the safeguarding lead — and
/// requests sent back to the waiting list when nobody answered them.
///
/// One scheduler asks Run() every so often. Each reminder has a once-key
/// naming what it is about (and, for a session, its start, so a session
/// moved gets its reminders again); storage makes a notice once per key, so
/// a restart never repeats one. Each reminder is looked for over the whole
/// time it still makes sense (a session tomorrow until it starts), so one
/// that fell due while the server was down is made when it is back.
namespace tandem::domain {

/// An accepted (and so not yet recorded) session of an open relationship.
struct UpcomingSession {
  int64_t session_id = 0;
  int64_t relationship_id = 0;
  SupportKind kind = SupportKind::kCoaching;
  absl::Time starts_at;
  int planned_minutes = 0;
  int64_t coachee_id = 0;
  int64_t member_id = 0;
};

/// An unacknowledged concern past its escalation time, and a lead of its
/// organisation.
struct DueEscalation {
  int64_t concern_id = 0;
  int64_t lead_id = 0;
};

/// What the reminders are worked out from; each a plain query.
class ReminderSource {
 public:
  virtual ~ReminderSource() = default;
  /// Accepted sessions of open relationships starting in [from, to).
  virtual absl::StatusOr<std::vector<UpcomingSession>> AcceptedSessions(absl::Time from,
                                                                        absl::Time to) = 0;
  /// Relationships contracting or active, or ended at or after `ended_since`.
  virtual absl::StatusOr<std::vector<int64_t>> RelationshipsForGoals(absl::Time ended_since) = 0;
  /// Approved pool members who joined before `joined_before` and have not
  /// confirmed their return for `month`.
  virtual absl::StatusOr<std::vector<int64_t>> MembersWithoutReturn(absl::CivilMonth month,
                                                                    absl::Time joined_before) = 0;
  /// Approved members whose coaching listing ends in (from, to].
  virtual absl::StatusOr<std::vector<int64_t>> CoachingListingEnding(absl::Time from,
                                                                     absl::Time to) = 0;
  /// Accounts that coordinate `organisation_id`.
  virtual absl::StatusOr<std::vector<int64_t>> CoordinatorsOf(int64_t organisation_id) = 0;
  virtual absl::StatusOr<std::vector<DueEscalation>> DueEscalations(absl::Time now) = 0;
};

/// What a Run found due, and how many of those were new.
struct ReminderRun {
  int made = 0;
  int considered = 0;
};

class Reminders {
 public:
  Reminders(ReminderSource& source, NotificationRepository& notices, ProfileRepository& profiles,
            Goals& goals, Matching& matching, const Clock& clock, ListingSettings listing,
            ReturnSettings returns)
      : source_(source),
        notices_(notices),
        profiles_(profiles),
        goals_(goals),
        matching_(matching),
        clock_(clock),
        listing_(listing),
        returns_(returns) {}

  /// Makes every reminder due now that has not been made yet (those that
  /// fall due by the day at most every ten minutes). One caller at a time.
  absl::StatusOr<ReminderRun> Run();
  /// Cuts a Run under way short at its next transaction (those left are
  /// made by the next Run, after a restart); from any thread.
  void Stop() { stopping_ = true; }

  /// The parts of Run, each given the time (for tests and the benchmark).
  absl::StatusOr<std::vector<Notice>> SessionReminders(absl::Time now);
  absl::StatusOr<std::vector<Notice>> GoalReminders(absl::Time now);
  absl::StatusOr<std::vector<Notice>> ReturnReminders(absl::Time now);
  absl::StatusOr<std::vector<Notice>> LapsingReminders(absl::Time now);
  absl::StatusOr<std::vector<Notice>> EscalationReminders(absl::Time now);

 private:
  ReminderSource& source_;
  NotificationRepository& notices_;
  ProfileRepository& profiles_;
  Goals& goals_;
  Matching& matching_;
  const Clock& clock_;
  ListingSettings listing_;
  ReturnSettings returns_;
  absl::Time next_daily_ = absl::InfinitePast();
  std::atomic<bool> stopping_{false};
};

}  // namespace tandem::domain
