// Notices on the real SQLite store with a fake clock: a write's notice is
// made in its own transaction (and not when the write is refused), numbered
// per person, emailed by their choices and held back by their quiet hours;
// reminders fall due with time, each made once however often the scheduler
// runs — and however often it is started again.

#include "server/domain/notifications.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/directory.h"
#include "server/domain/goals.h"
#include "server/domain/matching.h"
#include "server/domain/relationship.h"
#include "server/domain/reminders.h"
#include "server/domain/session.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_audit_repository.h"
#include "server/storage/sqlite/sqlite_goal_repository.h"
#include "server/storage/sqlite/sqlite_notification_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "server/storage/sqlite/sqlite_relationship_repository.h"
#include "server/storage/sqlite/sqlite_reminder_source.h"
#include "server/storage/sqlite/sqlite_request_repository.h"
#include "server/storage/sqlite/sqlite_session_repository.h"
#include "tests/support/fake_repositories.h"
#include "tests/support/server_process.h"

namespace tandem::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

absl::TimeZone London() {
  absl::TimeZone zone;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &zone));
  return zone;
}

class NotificationsTest : public ::testing::Test {
 protected:
  NotificationsTest()
      : db_(*storage::Database::Open(dir_.File("notices.db"))),
        notices_(*db_, clock_, hub_, {.zone = London(), .email = true}),
        notifications_(notices_, hub_, true),
        organisations_(*db_),
        accounts_(*db_),
        profiles_(*db_),
        requests_(*db_),
        relationship_store_(*db_),
        session_store_(*db_),
        receipts_(*db_),
        audit_(*db_),
        goal_store_(*db_),
        source_(*db_),
        cipher_(*NoteCipher::Create(NoteCipher::GenerateKey())),
        relationships_(relationship_store_, receipts_, clock_),
        sessions_(session_store_, relationship_store_, receipts_, audit_, profiles_, *cipher_,
                  clock_),
        goals_(goal_store_, relationship_store_, session_store_, receipts_, profiles_, *cipher_,
               clock_),
        pool_(profiles_),
        matching_(requests_, profiles_, pool_, clock_, MatchingSettings{}) {
    org_ = organisations_.Create("Trust", OrganisationKind::kNhsTrust, clock_.Now())->id;
    coach_ = Person("coach", {Role::kCoach});
    coachee_ = Person("coachee", {Role::kCoachee});
    EXPECT_TRUE(profiles_
                    .Update(
                        coach_.id(), true,
                        [](Profile& p, bool) {
                          p.details.kind = ProfileKind::kCoach;
                          p.details.capacity = 3;
                          p.status = PoolStatus::kApproved;
                          return absl::OkStatus();
                        },
                        clock_.Now())
                    .ok());
    SupportRequest request;
    request.status = RequestStatus::kPending;
    request.details.gap = "I want to grow as a new manager.";
    request.coachee_id = coachee_.id();
    request.coachee_organisation_id = org_;
    request.member_id = coach_.id();
    request.origin = RequestOrigin::kNamed;
    request.created_at = request.waiting_since = clock_.Now();
    const auto created = requests_.Create(request);
    EXPECT_TRUE(created.ok()) << created.status();
    const auto accepted = requests_.Accept(created->id, coach_.id(), clock_.Now());
    EXPECT_TRUE(accepted.ok()) << accepted.status();
    relationship_id_ = accepted->relationship_id;
  }

  Principal Person(const std::string& name, std::vector<Role> roles,
                   std::vector<int64_t> coordinates = {}) {
    NewAccount account{.email = name + "@example.org",
                       .display_name = name,
                       .organisation_id = org_,
                       .roles = std::move(roles),
                       .coordinated_organisation_ids = std::move(coordinates),
                       .password_hash = "x",
                       .password_change_required = false};
    return Principal{.account = *accounts_.Create(account, clock_.Now()), .token_hash = ""};
  }

  void MakeActive() {
    const ContractTerms terms{.number_of_sessions = 6,
                              .session_minutes = 60,
                              .regularity = SessionRegularity::kMonthly,
                              .planned_end_on = ToDay(clock_.Now()) + 120};
    ASSERT_TRUE(relationships_.SetTerms(coach_, relationship_id_, terms, {}).ok());
    ASSERT_TRUE(goals_
                    .AddGoal(coachee_, relationship_id_,
                             {.what = "Lead with confidence", .measure = "My team says so"}, {})
                    .ok());
    ASSERT_TRUE(
        relationships_.Agree(coachee_, relationship_id_, true, true, LineManagerTold::kYes, {})
            .ok());
    ASSERT_TRUE(
        relationships_.Agree(coach_, relationship_id_, true, true, LineManagerTold::kUnknown, {})
            .ok());
  }

  /// The kinds of `who`'s notices, oldest first.
  std::vector<NoticeKind> KindsOf(const Principal& who) {
    const auto page = notifications_.List(who, 0, 100, false);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<NoticeKind> kinds;
    for (auto it = page->notices.rbegin(); it != page->notices.rend(); ++it) {
      kinds.push_back(it->notice.kind);
    }
    return kinds;
  }

  /// A session the coach proposes at `at` and the coachee accepts.
  int64_t AcceptedSession(absl::Time at) {
    const auto proposed = sessions_.Propose(coach_,
                                            ProposeInput{.relationship_id = relationship_id_,
                                                         .starts_at = at,
                                                         .planned_minutes = 60,
                                                         .mode = DeliveryMode::kVideo},
                                            {});
    EXPECT_TRUE(proposed.ok()) << proposed.status();
    const auto accepted = sessions_.Accept(coachee_, proposed->session.id, {});
    EXPECT_TRUE(accepted.ok()) << accepted.status();
    return proposed->session.id;
  }

  Reminders MakeReminders() {
    return Reminders(source_, notices_, profiles_, goals_, matching_, clock_, ListingSettings{},
                     ReturnSettings{.zone = London(), .due_working_day = 5});
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<storage::Database> db_;
  NoticeHub hub_;
  storage::SqliteNotificationRepository notices_;
  Notifications notifications_;
  storage::SqliteOrganisationRepository organisations_;
  storage::SqliteAccountRepository accounts_;
  storage::SqliteProfileRepository profiles_;
  storage::SqliteRequestRepository requests_;
  storage::SqliteRelationshipRepository relationship_store_;
  storage::SqliteSessionRepository session_store_;
  storage::SqliteReceiptRepository receipts_;
  storage::SqliteAuditRepository audit_;
  storage::SqliteGoalRepository goal_store_;
  storage::SqliteReminderSource source_;
  std::unique_ptr<NoteCipher> cipher_;
  Relationships relationships_;
  Sessions sessions_;
  Goals goals_;
  CandidatePool pool_;
  Matching matching_;
  int64_t org_ = 0;
  Principal coach_;
  Principal coachee_;
  int64_t relationship_id_ = 0;
};

TEST_F(NotificationsTest, AWriteMakesItsNoticeAndARefusedOneNone) {
  const ContractTerms terms{.number_of_sessions = 6,
                            .session_minutes = 60,
                            .regularity = SessionRegularity::kMonthly,
                            .planned_end_on = ToDay(clock_.Now()) + 120};
  // The coachee may not set the terms: refused, and nobody is told.
  EXPECT_FALSE(relationships_.SetTerms(coachee_, relationship_id_, terms, {}).ok());
  EXPECT_TRUE(KindsOf(coachee_).empty());
  ASSERT_TRUE(relationships_.SetTerms(coach_, relationship_id_, terms, {}).ok());
  EXPECT_THAT(KindsOf(coachee_), ElementsAre(NoticeKind::kTermsToAgree));
  EXPECT_TRUE(KindsOf(coach_).empty()) << "the one who acted is not told";

  const auto page = notifications_.List(coachee_, 0, 10, false);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->notices.size(), 1u);
  EXPECT_EQ(page->notices[0].sequence, 1);
  EXPECT_EQ(page->notices[0].notice.relationship_id, relationship_id_);
  EXPECT_EQ(page->notices[0].notice.screen, NoticeScreen::kRelationship);
  EXPECT_EQ(page->unread, 1);
  // The hub heard whom to wake.
  EXPECT_TRUE(hub_.Wait(absl::Now()).contains(coachee_.id()));
}

TEST_F(NotificationsTest, SequencesArePerPersonAndReadingCountsDown) {
  MakeActive();
  for (int i = 0; i < 3; ++i) AcceptedSession(clock_.Now() + absl::Hours(48 + 24 * i));
  // The coachee: terms, then three proposals; the coach: three acceptances.
  EXPECT_THAT(KindsOf(coachee_),
              ElementsAre(NoticeKind::kTermsToAgree, NoticeKind::kSessionProposed,
                          NoticeKind::kSessionProposed, NoticeKind::kSessionProposed));
  const auto next = notifications_.Next(coachee_.id(), 2);
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->notices.size(), 2u);
  EXPECT_EQ(next->notices[0].sequence, 3);
  EXPECT_EQ(next->notices[1].sequence, 4);
  EXPECT_EQ(next->unread, 4);
  ASSERT_EQ(*notifications_.MarkRead(coachee_, {2}, 0), 3);
  ASSERT_EQ(*notifications_.MarkRead(coachee_, {}, 4), 0);
  EXPECT_EQ(*notifications_.MarkRead(coachee_, {}, 4), 0) << "marking again is no error";
  EXPECT_EQ(notifications_.List(coach_, 0, 10, false)->unread, 3);
  EXPECT_FALSE(notifications_.MarkRead(coachee_, {0}, 0).ok());
  EXPECT_FALSE(notifications_.List(coachee_, 0, 101, false).ok());
}

TEST_F(NotificationsTest, EmailFollowsTheChoiceAndWaitsOutQuietHours) {
  MakeActive();
  // Proposals are not emailed unless asked for.
  AcceptedSession(clock_.Now() + absl::Hours(48));
  EXPECT_TRUE(notices_.Due(clock_.Now() + absl::Hours(48), 10)->empty());

  ASSERT_TRUE(notifications_
                  .SavePreferences(
                      coachee_, {.kinds = {{.kind = NoticeKind::kSessionProposed, .email = true}}})
                  .ok());
  AcceptedSession(clock_.Now() + absl::Hours(72));
  auto due = notices_.Due(clock_.Now(), 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().to_address, "coachee@example.org");
  EXPECT_THAT(due->front().subject, HasSubstr("was proposed"));
  ASSERT_TRUE(notices_.MarkSent(due->front().id, clock_.Now()).ok());
  EXPECT_TRUE(notices_.Due(clock_.Now(), 10)->empty());

  // Quiet all day but one minute: held until the quiet hours end.
  const absl::CivilMinute local = absl::ToCivilMinute(clock_.Now(), London());
  const int now_minute = local.hour() * 60 + local.minute();
  ASSERT_TRUE(notifications_
                  .SavePreferences(
                      coachee_, {.kinds = {{.kind = NoticeKind::kSessionProposed, .email = true}},
                                 .quiet_from_minute = now_minute,
                                 .quiet_to_minute = (now_minute + 1439) % 1440})
                  .ok());
  AcceptedSession(clock_.Now() + absl::Hours(96));
  EXPECT_TRUE(notices_.Due(clock_.Now(), 10)->empty());
  EXPECT_EQ(notices_.Due(clock_.Now() + absl::Hours(24), 10)->size(), 1u);
}

TEST_F(NotificationsTest, SessionRemindersComeOnceAndAgainOnlyWhenMoved) {
  MakeActive();
  const int64_t session = AcceptedSession(clock_.Now() + absl::Hours(20));
  Reminders reminders = MakeReminders();
  auto run = reminders.Run();
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->made, 2) << "tomorrow, to each of the two";
  EXPECT_EQ(reminders.Run()->made, 0);
  // The server starts again: nothing is repeated.
  EXPECT_EQ(MakeReminders().Run()->made, 0);
  EXPECT_THAT(KindsOf(coach_),
              ElementsAre(NoticeKind::kSessionAccepted, NoticeKind::kSessionTomorrow));

  clock_.Advance(absl::Hours(19) + absl::Minutes(30));
  EXPECT_EQ(MakeReminders().Run()->made, 2) << "within the hour, to each";
  EXPECT_EQ(MakeReminders().Run()->made, 0);

  // A day after it ended, still not recorded: the coach is asked, once.
  clock_.Advance(absl::Hours(26));
  EXPECT_EQ(MakeReminders().Run()->made, 1);
  EXPECT_EQ(KindsOf(coach_).back(), NoticeKind::kRecordSession);
  EXPECT_EQ(MakeReminders().Run()->made, 0);

  // A session moved to a new day is reminded of again.
  const int64_t later = AcceptedSession(clock_.Now() + absl::Hours(30));
  ASSERT_TRUE(
      sessions_.Reschedule(coach_, later, clock_.Now() + absl::Hours(10), "Clash", {}).ok());
  ASSERT_TRUE(sessions_.Accept(coachee_, later, {}).ok());
  EXPECT_EQ(MakeReminders().Run()->made, 2);
  EXPECT_EQ(KindsOf(coachee_).back(), NoticeKind::kSessionTomorrow);
  (void)session;
}

TEST_F(NotificationsTest, AStoppedRunLeavesTheRestForTheNextOnce) {
  MakeActive();
  // Twelve reminders: more than one of the run's transactions.
  for (int hours = 4; hours <= 19; hours += 3) AcceptedSession(clock_.Now() + absl::Hours(hours));
  Reminders stopped = MakeReminders();
  stopped.Stop();  // as the server shuts down
  auto cut_short = stopped.Run();
  ASSERT_TRUE(cut_short.ok()) << cut_short.status();
  EXPECT_EQ(cut_short->made, 0);
  EXPECT_EQ(cut_short->considered, 12);
  // Started again: every one made, in several transactions, and once.
  EXPECT_EQ(MakeReminders().Run()->made, 12);
  EXPECT_EQ(MakeReminders().Run()->made, 0);
  const std::vector<NoticeKind> kinds = KindsOf(coachee_);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), NoticeKind::kSessionTomorrow), 6);
}

TEST_F(NotificationsTest, ReturnsFallDueThenOverdueOnce) {
  // The coach joined in January 2027 (the fake clock's month); in February
  // January's return is due by its fifth working day (Friday 5 February).
  Reminders reminders = MakeReminders();
  const absl::Time feb4 = absl::FromCivil(absl::CivilMinute(2027, 2, 4, 9, 0), London());
  auto due = reminders.ReturnReminders(feb4);
  ASSERT_TRUE(due.ok()) << due.status();
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().recipient_id, coach_.id());
  EXPECT_EQ(due->front().kind, NoticeKind::kReturnDue);
  EXPECT_EQ(due->front().facts.month, absl::CivilMonth(2027, 1));
  ASSERT_EQ(*notices_.Write(*due), 1);
  EXPECT_EQ(*notices_.Write(*due), 0) << "once";

  const absl::Time feb8 = absl::FromCivil(absl::CivilMinute(2027, 2, 8, 9, 0), London());
  auto overdue = reminders.ReturnReminders(feb8);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ(overdue->front().kind, NoticeKind::kReturnOverdue);
  // In December nobody owed November's: the coach joined later.
  const absl::Time dec = absl::FromCivil(absl::CivilMinute(2026, 12, 3, 9, 0), London());
  EXPECT_TRUE(reminders.ReturnReminders(dec)->empty());
}

TEST_F(NotificationsTest, AReviewFallsDueAtTheMidpointForTheCoacheeOnce) {
  MakeActive();  // Planned to end in 120 days: the review falls due halfway.
  const auto reviews = [&](Reminders reminders) {
    auto due = reminders.GoalReminders(clock_.Now());
    EXPECT_TRUE(due.ok()) << due.status();
    std::vector<Notice> out;
    for (const Notice& n : *due) {
      if (n.kind == NoticeKind::kGoalReviewDue) out.push_back(n);
    }
    return out;
  };
  EXPECT_TRUE(reviews(MakeReminders()).empty()) << "not yet";
  clock_.Advance(absl::Hours(24 * 61));
  const std::vector<Notice> due = reviews(MakeReminders());
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due.front().recipient_id, coachee_.id()) << "the coachee completes it";
  EXPECT_EQ(due.front().relationship_id, relationship_id_);
  ASSERT_EQ(*notices_.Write(due), 1);
  // The server starts again, a day later: still due, not told again.
  clock_.Advance(absl::Hours(24));
  EXPECT_EQ(*notices_.Write(reviews(MakeReminders())), 0);
  EXPECT_EQ(KindsOf(coachee_).back(), NoticeKind::kGoalReviewDue);
}

TEST_F(NotificationsTest, LapsingSupervisionTellsTheMemberAndTheirCoordinatorOnce) {
  const Principal coordinator = Person("coordinator", {Role::kCoordinator}, {org_});
  const ListingSettings listing;
  // Supervised 80 days ago: listed for 12 days more.
  ASSERT_TRUE(profiles_
                  .Update(
                      coach_.id(), true,
                      [&](Profile& p, bool) {
                        p.details.last_supervision_on = ToDay(clock_.Now()) - 80;
                        p.coaching_listed_until =
                            StartOfDay(*p.details.last_supervision_on) + listing.supervision_limit;
                        return absl::OkStatus();
                      },
                      clock_.Now())
                  .ok());
  auto lapsing = MakeReminders().LapsingReminders(clock_.Now());
  ASSERT_TRUE(lapsing.ok()) << lapsing.status();
  ASSERT_EQ(lapsing->size(), 2u);
  for (const Notice& n : *lapsing) EXPECT_EQ(n.kind, NoticeKind::kSupervisionLapsing);
  EXPECT_EQ((*lapsing)[0].recipient_id, coach_.id());
  EXPECT_EQ((*lapsing)[0].screen, NoticeScreen::kMyProfile);
  EXPECT_EQ((*lapsing)[1].recipient_id, coordinator.id());
  EXPECT_EQ((*lapsing)[1].screen, NoticeScreen::kPool);
  ASSERT_EQ(*notices_.Write(*lapsing), 2);
  // The server starts again, a day later: nobody is told twice.
  clock_.Advance(absl::Hours(24));
  EXPECT_EQ(*notices_.Write(*MakeReminders().LapsingReminders(clock_.Now())), 0);
  EXPECT_EQ(KindsOf(coordinator).back(), NoticeKind::kSupervisionLapsing);
}

TEST_F(NotificationsTest, ADeclinedRequestAndAnUnansweredOneTellTheCoacheeOnce) {
  // The coach is listed (supervised and qualified) for the months ahead.
  ASSERT_TRUE(profiles_
                  .Update(
                      coach_.id(), true,
                      [&](Profile& p, bool) {
                        p.details.last_supervision_on = ToDay(clock_.Now());
                        p.coaching_listed_until = clock_.Now() + absl::Hours(24 * 90);
                        return absl::OkStatus();
                      },
                      clock_.Now())
                  .ok());
  const auto ask = [&](absl::Duration answer_within) {
    SupportRequest request;
    request.status = RequestStatus::kPending;
    request.details.gap = "I want to lead a new team.";
    request.coachee_id = coachee_.id();
    request.coachee_organisation_id = org_;
    request.member_id = coach_.id();
    request.origin = RequestOrigin::kNamed;
    request.created_at = request.waiting_since = clock_.Now();
    request.answer_due_at = clock_.Now() + answer_within;
    const auto created = requests_.Create(request);
    EXPECT_TRUE(created.ok()) << created.status();
    return created->id;
  };
  const auto told = [&](NoticeKind kind) {
    const std::vector<NoticeKind> kinds = KindsOf(coachee_);
    return std::count(kinds.begin(), kinds.end(), kind);
  };
  const auto declined = matching_.Answer(coach_, ask(absl::Hours(24 * 5)), false, "I am full.");
  ASSERT_TRUE(declined.ok()) << declined.status();
  EXPECT_EQ(told(NoticeKind::kRequestDeclined), 1);

  // Not answered in time: back to the waiting list, and the coachee is told.
  ask(absl::Hours(24));
  clock_.Advance(absl::Hours(48));
  ASSERT_TRUE(matching_.ReturnStale().ok());
  EXPECT_EQ(told(NoticeKind::kRequestReturned), 1);
  ASSERT_TRUE(matching_.ReturnStale().ok());
  EXPECT_EQ(told(NoticeKind::kRequestReturned), 1) << "once";
}

TEST_F(NotificationsTest, AnApplicationsAnswerTellsTheApplicant) {
  const Principal coordinator = Person("coordinator", {Role::kCoordinator}, {org_});
  Directory directory(profiles_, accounts_, requests_, clock_, ListingSettings{});
  const auto apply = [&](const std::string& name) {
    const Principal applicant = Person(name, {Role::kCoachee});
    EXPECT_TRUE(profiles_
                    .Update(
                        applicant.id(), true,
                        [](Profile& p, bool) {
                          p.details.kind = ProfileKind::kMentor;
                          p.details.capacity = 2;
                          p.status = PoolStatus::kApplied;
                          return absl::OkStatus();
                        },
                        clock_.Now())
                    .ok());
    return applicant;
  };
  const Principal approved = apply("approved");
  const Principal declined = apply("declined");
  ASSERT_TRUE(directory.ReviewApplication(coordinator, approved.id(), true, "").ok());
  const auto no = directory.ReviewApplication(coordinator, declined.id(), false,
                                              "We need mentors with more experience of leading.");
  ASSERT_TRUE(no.ok()) << no.status();
  EXPECT_THAT(KindsOf(approved), ElementsAre(NoticeKind::kApplicationApproved));
  EXPECT_THAT(KindsOf(declined), ElementsAre(NoticeKind::kApplicationDeclined));
  // Answered already: refused, and nobody is told again.
  EXPECT_FALSE(directory.ReviewApplication(coordinator, approved.id(), true, "").ok());
  EXPECT_THAT(KindsOf(approved), ElementsAre(NoticeKind::kApplicationApproved));
}

TEST_F(NotificationsTest, AnEndAsksBothForTheEvaluationAndTheCoacheeLaterForTheFollowUp) {
  MakeActive();
  const auto ended = relationships_.End(coach_, relationship_id_, "The coachee moved away.", {});
  ASSERT_TRUE(ended.ok()) << ended.status();
  const auto goal_reminders = [&] {
    auto due = MakeReminders().GoalReminders(clock_.Now());
    EXPECT_TRUE(due.ok()) << due.status();
    return *due;
  };
  std::vector<Notice> due = goal_reminders();
  ASSERT_EQ(due.size(), 2u);
  for (const Notice& n : due) EXPECT_EQ(n.kind, NoticeKind::kEvaluationDue);
  EXPECT_NE(due[0].recipient_id, due[1].recipient_id) << "each of the two";
  ASSERT_EQ(*notices_.Write(due), 2);
  EXPECT_EQ(*notices_.Write(goal_reminders()), 0) << "once, after a restart too";

  // Half a year on, the coachee is asked how things are now.
  clock_.Advance(absl::Hours(24 * (limits::kFollowUpDays + 1)));
  due = goal_reminders();
  std::vector<Notice> follow_ups;
  for (const Notice& n : due) {
    if (n.kind == NoticeKind::kFollowUpDue) follow_ups.push_back(n);
  }
  ASSERT_EQ(follow_ups.size(), 1u);
  EXPECT_EQ(follow_ups.front().recipient_id, coachee_.id());
  ASSERT_EQ(*notices_.Write(follow_ups), 1);
  EXPECT_EQ(KindsOf(coachee_).back(), NoticeKind::kFollowUpDue);
}

}  // namespace
}  // namespace tandem::domain
