#include "server/domain/reminders.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

constexpr absl::Duration kDayBefore = absl::Hours(24);
constexpr absl::Duration kHourBefore = absl::Hours(1);
/// A held session is to be recorded within a day; after two weeks of
/// reminders nobody is asked any more.
constexpr absl::Duration kRecordAfter = absl::Hours(24);
constexpr absl::Duration kRecordAskFor = absl::Hours(24 * 14);
/// Lapsing supervision or qualifications are told this far ahead.
constexpr absl::Duration kLapsingAhead = absl::Hours(24 * 30);
/// Reminders written per transaction, and how long to rest after each for
/// every second it took (its commit included): a burst of thousands takes
/// a sixth of one core at most, in slices of about a millisecond, so that
/// other calls are not kept waiting for a processor or the write lock
/// (20,000 are written in about 15 s; see docs/benchmarks.md).
constexpr size_t kWriteBatch = 10;
constexpr double kRestPerBusy = 5.0;
/// How often reminders that fall due by the day are looked for.
constexpr absl::Duration kDailyEvery = absl::Minutes(10);

Notice SessionReminder(const UpcomingSession& s, int64_t recipient, NoticeKind kind,
                       absl::string_view what) {
  return Notice{.recipient_id = recipient,
                .kind = kind,
                .facts = {.support = s.kind, .at = s.starts_at},
                .screen = kind == NoticeKind::kRecordSession ? NoticeScreen::kRecordSession
                                                             : NoticeScreen::kRelationship,
                .relationship_id = s.relationship_id,
                // The start is in the key: a session moved is reminded again.
                .once_key = absl::StrCat(what, "/", s.session_id, "/",
                                         absl::ToUnixSeconds(s.starts_at), "/", recipient)};
}

}  // namespace

absl::StatusOr<std::vector<Notice>> Reminders::SessionReminders(absl::Time now) {
  std::vector<Notice> out;
  ASSIGN_OR_RETURN(const std::vector<UpcomingSession> soon,
                   source_.AcceptedSessions(now, now + kDayBefore));
  for (const UpcomingSession& s : soon) {
    const bool within_hour = s.starts_at <= now + kHourBefore;
    for (const int64_t person : {s.coachee_id, s.member_id}) {
      out.push_back(within_hour
                        ? SessionReminder(s, person, NoticeKind::kSessionSoon, "soon")
                        : SessionReminder(s, person, NoticeKind::kSessionTomorrow, "tomorrow"));
    }
  }
  // Held a day ago or more (by its planned end) and still not recorded:
  // the coach or mentor records it.
  ASSIGN_OR_RETURN(
      const std::vector<UpcomingSession> past,
      source_.AcceptedSessions(now - kRecordAskFor - kRecordAfter, now - kRecordAfter));
  for (const UpcomingSession& s : past) {
    if (s.starts_at + absl::Minutes(s.planned_minutes) + kRecordAfter > now) continue;
    out.push_back(SessionReminder(s, s.member_id, NoticeKind::kRecordSession, "record"));
  }
  return out;
}

absl::StatusOr<std::vector<Notice>> Reminders::GoalReminders(absl::Time now) {
  std::vector<Notice> out;
  // A follow-up falls due this long after the end; a little more covers the
  // days it stays due.
  const absl::Time ended_since = now - absl::Hours(24 * (limits::kFollowUpDays + 60));
  ASSIGN_OR_RETURN(const std::vector<int64_t> relationships,
                   source_.RelationshipsForGoals(ended_since));
  for (const int64_t id : relationships) {
    ASSIGN_OR_RETURN(const auto due, goals_.DueOn(id));
    for (const auto& [account, item] : due) {
      NoticeKind kind;
      std::string what;
      switch (item.what) {
        case DueWhat::kReview:
          // The coachee completes it; the coach or mentor sees it waiting.
          if (!item.yours) continue;
          kind = NoticeKind::kGoalReviewDue;
          what = absl::StrCat("review/", absl::ToUnixSeconds(item.since));
          break;
        case DueWhat::kEvaluation:
          kind = NoticeKind::kEvaluationDue;
          what = "evaluation";
          break;
        case DueWhat::kFollowUp:
          kind = NoticeKind::kFollowUpDue;
          what = "follow_up";
          break;
        default:
          continue;
      }
      out.push_back(Notice{.recipient_id = account,
                           .kind = kind,
                           .facts = {.support = item.kind},
                           .screen = NoticeScreen::kRelationship,
                           .relationship_id = id,
                           .once_key = absl::StrCat(what, "/", id, "/", account)});
    }
  }
  return out;
}

absl::StatusOr<std::vector<Notice>> Reminders::ReturnReminders(absl::Time now) {
  // Only last month's: a new pool member is not told of months gone by.
  const absl::CivilMonth last_month = absl::CivilMonth(absl::ToCivilSecond(now, returns_.zone)) - 1;
  const absl::Time month_end = absl::FromCivil(last_month + 1, returns_.zone);
  const bool overdue = now > ReturnDueAt(last_month, returns_);
  ASSIGN_OR_RETURN(const std::vector<int64_t> members,
                   source_.MembersWithoutReturn(last_month, month_end));
  std::vector<Notice> out;
  const std::string month = absl::FormatCivilTime(last_month);
  for (const int64_t member : members) {
    const NoticeKind kind = overdue ? NoticeKind::kReturnOverdue : NoticeKind::kReturnDue;
    out.push_back(Notice{
        .recipient_id = member,
        .kind = kind,
        .facts = {.month = last_month},
        .screen = NoticeScreen::kMonthlyReturn,
        .once_key = absl::StrCat(overdue ? "return_overdue/" : "return_due/", month, "/", member)});
  }
  return out;
}

absl::StatusOr<std::vector<Notice>> Reminders::LapsingReminders(absl::Time now) {
  ASSIGN_OR_RETURN(const std::vector<int64_t> members,
                   source_.CoachingListingEnding(now, now + kLapsingAhead));
  std::vector<Notice> out;
  for (const int64_t member : members) {
    ASSIGN_OR_RETURN(const Profile profile, profiles_.Get(member));
    // Which of the two ends the listing: supervision, or the last
    // coaching qualification (CoachingListedUntil takes the earlier).
    const absl::Time lapses = profile.coaching_listed_until;
    const bool supervision =
        profile.details.last_supervision_on &&
        StartOfDay(*profile.details.last_supervision_on) + listing_.supervision_limit <= lapses;
    const NoticeKind kind =
        supervision ? NoticeKind::kSupervisionLapsing : NoticeKind::kQualificationLapsing;
    const std::string key = absl::StrCat(supervision ? "supervision/" : "qualification/", member,
                                         "/", absl::ToUnixSeconds(lapses), "/");
    out.push_back(Notice{.recipient_id = member,
                         .kind = kind,
                         .facts = {.at = lapses},
                         .screen = NoticeScreen::kMyProfile,
                         .once_key = absl::StrCat(key, member)});
    ASSIGN_OR_RETURN(const std::vector<int64_t> coordinators,
                     source_.CoordinatorsOf(profile.organisation_id));
    for (const int64_t coordinator : coordinators) {
      if (coordinator == member) continue;
      out.push_back(Notice{.recipient_id = coordinator,
                           .kind = kind,
                           .facts = {.at = lapses},
                           .screen = NoticeScreen::kPool,
                           .once_key = absl::StrCat(key, coordinator)});
    }
  }
  return out;
}

absl::StatusOr<std::vector<Notice>> Reminders::EscalationReminders(absl::Time now) {
  ASSIGN_OR_RETURN(const std::vector<DueEscalation> due, source_.DueEscalations(now));
  std::vector<Notice> out;
  for (const DueEscalation& e : due) {
    out.push_back(
        Notice{.recipient_id = e.lead_id,
               .kind = NoticeKind::kConcernEscalated,
               .screen = NoticeScreen::kConcerns,
               .once_key = absl::StrCat("concern_escalated/", e.concern_id, "/", e.lead_id)});
  }
  return out;
}

absl::StatusOr<ReminderRun> Reminders::Run() {
  const absl::Time now = clock_.Now();
  // Requests nobody answered go back to the waiting list, and their
  // coachees are told (in the same transactions).
  RETURN_IF_ERROR(matching_.ReturnStale());
  using Part = absl::StatusOr<std::vector<Notice>> (Reminders::*)(absl::Time);
  std::vector<Part> parts = {&Reminders::SessionReminders, &Reminders::EscalationReminders};
  // What falls due by the day is looked for less often: it reads every
  // relationship's goals.
  if (now >= next_daily_) {
    parts.insert(parts.end(), {&Reminders::GoalReminders, &Reminders::ReturnReminders,
                               &Reminders::LapsingReminders});
    next_daily_ = now + kDailyEvery;
  }
  std::vector<Notice> all;
  for (const Part part : parts) {
    ASSIGN_OR_RETURN(std::vector<Notice> notices, (this->*part)(now));
    std::move(notices.begin(), notices.end(), std::back_inserter(all));
  }
  ReminderRun run{.considered = static_cast<int>(all.size())};
  absl::Time batch_start;
  // In small transactions with rests between them, so that a burst of
  // reminders never keeps other calls waiting long; each is made once
  // whichever of them commits. (The rests are real time, whatever the
  // programme's clock says.)
  for (size_t from = 0; from < all.size() && !stopping_; from += kWriteBatch) {
    if (from > 0) absl::SleepFor(kRestPerBusy * (absl::Now() - batch_start));
    batch_start = absl::Now();
    const size_t to = std::min(all.size(), from + kWriteBatch);
    ASSIGN_OR_RETURN(const int made,
                     notices_.Write(std::vector<Notice>(all.begin() + static_cast<ptrdiff_t>(from),
                                                        all.begin() + static_cast<ptrdiff_t>(to))));
    run.made += made;
  }
  return run;
}

}  // namespace tandem::domain
