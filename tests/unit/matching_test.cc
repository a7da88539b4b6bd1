// The rules of requests and matching (domain::Matching) on the real SQLite
// repositories, with a fake clock: one open request per kind, the inbox,
// capacity under racing accepts, requests returning to the waiting list
// (overdue after 5 working days, member no longer available), declines,
// suggestions, and random instances where the batch proposal must keep every
// hard rule and capacity.

#include "server/domain/matching.h"

#include <map>
#include <set>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "server/storage/sqlite/sqlite_request_repository.h"
#include "shared/deterministic_random.h"
#include "tests/support/fake_repositories.h"
#include "tests/support/server_process.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

class MatchingTest : public ::testing::Test {
 protected:
  MatchingTest()
      : db_(*storage::Database::Open(dir_.File("store.db"))),
        organisations_(*db_),
        accounts_(*db_),
        profiles_(*db_),
        requests_(*db_),
        pool_(profiles_),
        matching_(requests_, profiles_, pool_, clock_, MatchingSettings{}) {
    org_ = organisations_.Create("Trust", OrganisationKind::kNhsTrust, clock_.Now())->id;
    other_org_ =
        organisations_.Create("Council", OrganisationKind::kLocalAuthority, clock_.Now())->id;
  }

  Principal Person(const std::string& name, std::vector<Role> roles, int64_t org = 0,
                   std::vector<int64_t> coordinated = {}) {
    NewAccount account{.email = name + "@example.org",
                       .display_name = name,
                       .organisation_id = org == 0 ? org_ : org,
                       .roles = std::move(roles),
                       .coordinated_organisation_ids = std::move(coordinated),
                       .password_hash = "x",
                       .password_change_required = false};
    return Principal{.account = *accounts_.Create(account, clock_.Now()), .token_hash = ""};
  }

  /// An approved, listed pool member.
  Principal Member(const std::string& name, ProfileKind kind, int capacity, int pay_band = 8,
                   std::vector<std::string> specialisms = {"leadership"}, int64_t org = 0) {
    Principal member = Person(name, {Role::kCoach, Role::kMentor}, org);
    SetProfile(member.id(), [&](Profile& p) {
      p.details.kind = kind;
      p.details.headline = "Coach";
      p.details.specialisms = specialisms;
      p.details.delivery_modes = {DeliveryMode::kVideo};
      p.details.languages = {"English"};
      p.details.capacity = capacity;
      p.details.pay_band = pay_band;
      p.details.last_supervision_on = ToDay(clock_.Now()) - 10;
      p.status = PoolStatus::kApproved;
      Qualification q;
      q.type = QualificationType::kIlmLevel5;
      q.title = "ILM 5";
      q.awarded_on = ToDay(clock_.Now()) - 400;
      q.verified_on = ToDay(clock_.Now()) - 100;
      q.verified_by = 1;
      p.qualifications = {q};
    });
    return member;
  }

  void SetProfile(int64_t id, const std::function<void(Profile&)>& change) {
    ASSERT_TRUE(profiles_
                    .Update(
                        id, true,
                        [&](Profile& p, bool) {
                          change(p);
                          p.coaching_listed_until = CoachingListedUntil(p, ListingSettings{});
                          return absl::OkStatus();
                        },
                        clock_.Now())
                    .ok());
  }

  /// Gives `member` `count` accepted coaching relationships.
  void Fill(const Principal& member, int count) {
    for (int i = 0; i < count; ++i) {
      const Principal coachee =
          Person(absl::StrCat("for-", member.account.display_name, "-", i), {Role::kCoachee});
      const auto request = matching_.Create(coachee, Input(), member.id());
      ASSERT_TRUE(request.ok()) << request.status();
      ASSERT_TRUE(matching_.Answer(member, request->id, true, "").ok());
    }
  }

  static RequestInput Input(SupportKind kind = SupportKind::kCoaching) {
    RequestInput in;
    in.kind = kind;
    in.gap = "I want to grow as a new manager.";
    in.themes = {"leadership"};
    in.pay_band = kind == SupportKind::kMentoring ? 5 : 0;
    return in;
  }

  Profile Load(int64_t id) { return *profiles_.Get(id); }

  testing::TempDir dir_;
  testing::FakeClock clock_;  // a Friday, 08:00 UTC
  std::unique_ptr<storage::Database> db_;
  storage::SqliteOrganisationRepository organisations_;
  storage::SqliteAccountRepository accounts_;
  storage::SqliteProfileRepository profiles_;
  storage::SqliteRequestRepository requests_;
  CandidatePool pool_;
  Matching matching_;
  int64_t org_ = 0;
  int64_t other_org_ = 0;
};

// The one view of a request the matcher reads (the benchmark uses it too):
// whom not to propose includes the members who already passed on it.
TEST(SeekerOfTest, AvoidsTheAvoidListAndMembersWhoPassed) {
  SupportRequest r;
  r.coachee_id = 4;
  r.coachee_organisation_id = 9;
  r.details.kind = SupportKind::kMentoring;
  r.details.themes = {"leadership"};
  r.details.delivery_mode = DeliveryMode::kPhone;
  r.details.site = "North";
  r.details.language = "Welsh";
  r.details.organisation_preference = OrganisationPreference::kOther;
  r.details.profession = "Nursing";
  r.details.pay_band = 5;
  r.details.avoid_account_ids = {11, 12};
  r.passed_member_ids = {21};
  r.waiting_since = absl::FromUnixSeconds(1'700'000'000);
  const Seeker s = SeekerOf(r);
  EXPECT_EQ(s.account_id, 4);
  EXPECT_EQ(s.organisation_id, 9);
  EXPECT_EQ(s.kind, SupportKind::kMentoring);
  EXPECT_THAT(s.themes, ::testing::ElementsAre("leadership"));
  EXPECT_EQ(s.delivery_mode, DeliveryMode::kPhone);
  EXPECT_EQ(s.site, "North");
  EXPECT_EQ(s.language, "Welsh");
  EXPECT_EQ(s.organisation_preference, OrganisationPreference::kOther);
  EXPECT_EQ(s.profession, "Nursing");
  EXPECT_EQ(s.pay_band, 5);
  EXPECT_THAT(s.avoid_account_ids, ::testing::UnorderedElementsAre(11, 12, 21));
  EXPECT_EQ(s.waiting_since, r.waiting_since);
}

TEST(WorkingDaysTest, SkipsWeekends) {
  const absl::Time friday =
      absl::FromCivil(absl::CivilSecond(2026, 11, 20, 9, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(AddWorkingDays(friday, 5), friday + absl::Hours(24 * 7));
  EXPECT_EQ(AddWorkingDays(friday, 1), friday + absl::Hours(24 * 3));  // Monday
  const absl::Time wednesday = friday - absl::Hours(48);
  EXPECT_EQ(AddWorkingDays(wednesday, 1), wednesday + absl::Hours(24));
  // A request sent on Saturday counts from Monday: 5 working days = next Monday.
  const absl::Time saturday = friday + absl::Hours(24);
  EXPECT_EQ(AddWorkingDays(saturday, 5), saturday + absl::Hours(24 * 9));
}

// Keeping each seeker's best n options (n = seekers) never changes the
// optimum: the same total score and the same people matched (rank sum).
TEST(KeepBestOptionsTest, PruningKeepsTheOptimum) {
  DeterministicRandom random(11);
  for (int round = 0; round < 400; ++round) {
    AssignmentProblem full;
    full.seekers = 1 + random.Below(4);
    const int members = 5 + random.Below(30);
    for (int m = 0; m < members; ++m) full.member_capacity.push_back(random.Below(3));
    for (int s = 0; s < full.seekers; ++s) {
      full.seeker_priority.push_back(s + 1);
      for (int m = 0; m < members; ++m) {
        if (random.Below(3) > 0) full.options.push_back({s, m, random.Below(6)});
      }
    }
    AssignmentProblem pruned = full;
    pruned.options.clear();
    for (int s = 0; s < full.seekers; ++s) {
      std::vector<PairOption> mine;
      for (const PairOption& o : full.options) {
        // Members with no place left are never offered (as in Propose).
        if (o.seeker == s && full.member_capacity[static_cast<size_t>(o.member)] > 0) {
          mine.push_back(o);
        }
      }
      KeepBestOptions(mine, static_cast<size_t>(full.seekers));
      EXPECT_LE(mine.size(), static_cast<size_t>(full.seekers));
      pruned.options.insert(pruned.options.end(), mine.begin(), mine.end());
    }
    const Assignment a = SolveAssignment(full);
    const Assignment b = SolveAssignment(pruned);
    ASSERT_EQ(a.total_score, b.total_score) << "round " << round;
    int64_t ranks_a = 0;
    int64_t ranks_b = 0;
    for (int s = 0; s < full.seekers; ++s) {
      if (a.member_of_seeker[static_cast<size_t>(s)] >= 0) ranks_a += s + 1;
      if (b.member_of_seeker[static_cast<size_t>(s)] >= 0) ranks_b += s + 1;
    }
    ASSERT_EQ(ranks_a, ranks_b) << "round " << round;
  }
}

TEST_F(MatchingTest, RequestsAreValidatedFieldByField) {
  const Principal coachee = Person("coachee", {Role::kCoachee});
  RequestInput in = Input();
  in.gap = "short";
  EXPECT_THAT(Message(matching_.Create(coachee, in, 0).status()), HasSubstr("gap:"));
  in = Input(SupportKind::kMentoring);
  in.pay_band = 0;
  EXPECT_THAT(Message(matching_.Create(coachee, in, 0).status()), HasSubstr("pay_band:"));
  in = Input();
  in.themes = {"astrology"};
  EXPECT_THAT(Message(matching_.Create(coachee, in, 0).status()),
              HasSubstr("themes[0]: \"astrology\" is not in the taxonomy"));
  in = Input();
  in.themes = {"leadership",   "wellbeing",       "confidence",
               "team_working", "career_planning", "new_to_management"};
  EXPECT_THAT(Message(matching_.Create(coachee, in, 0).status()), HasSubstr("themes:"));
  in = Input();
  in.kind.reset();  // an unknown number is refused in server/api (mapping_test)
  EXPECT_TRUE(absl::IsInvalidArgument(matching_.Create(coachee, in, 0).status()));
  EXPECT_THAT(Message(matching_.Create(coachee, Input(), coachee.id()).status()),
              HasSubstr("member_id:"));
}

TEST_F(MatchingTest, OneOpenRequestPerPersonAndKind) {
  const Principal coachee = Person("coachee", {Role::kCoachee});
  const auto first = matching_.Create(coachee, Input(), 0);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->status, RequestStatus::kWaiting);
  const auto second = matching_.Create(coachee, Input(), 0);
  EXPECT_TRUE(absl::IsFailedPrecondition(second.status())) << second.status();
  EXPECT_TRUE(matching_.Create(coachee, Input(SupportKind::kMentoring), 0).ok());
  ASSERT_TRUE(matching_.Withdraw(coachee, first->id).ok());
  EXPECT_TRUE(matching_.Create(coachee, Input(), 0).ok());
  // Someone else cannot withdraw it.
  const Principal other = Person("other", {Role::kCoachee});
  EXPECT_TRUE(absl::IsNotFound(matching_.Withdraw(other, first->id).status()));
}

TEST_F(MatchingTest, OpenRequestRuleHoldsUnderRacingCreates) {
  const Principal coachee = Person("coachee", {Role::kCoachee});
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      if (matching_.Create(coachee, Input(), 0).ok()) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
}

TEST_F(MatchingTest, NamedRequestGoesToTheInboxAndAcceptingStartsARelationship) {
  const Principal coach = Member("coach", ProfileKind::kCoach, 2);
  const Principal coachee = Person("coachee", {Role::kCoachee});
  const auto request = matching_.Create(coachee, Input(), coach.id());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->status, RequestStatus::kPending);
  EXPECT_EQ(request->origin, RequestOrigin::kNamed);
  EXPECT_EQ(request->member_name, "coach");
  ASSERT_TRUE(request->answer_due_at.has_value());
  EXPECT_EQ(*request->answer_due_at, AddWorkingDays(clock_.Now(), 5));

  const auto inbox = matching_.Inbox(coach);
  ASSERT_TRUE(inbox.ok());
  ASSERT_THAT(*inbox, SizeIs(1));
  EXPECT_EQ(inbox->front().coachee_name, "coachee");
  EXPECT_EQ(inbox->front().details.gap, Input().gap);
  // Only the member it was sent to can answer.
  const Principal stranger = Member("stranger", ProfileKind::kCoach, 2);
  EXPECT_TRUE(absl::IsNotFound(matching_.Answer(stranger, request->id, true, "").status()));

  clock_.Advance(absl::Hours(3));
  const auto accepted = matching_.Answer(coach, request->id, true, "");
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  EXPECT_EQ(accepted->status, RequestStatus::kAccepted);
  EXPECT_GT(accepted->relationship_id, 0);
  EXPECT_EQ(Load(coach.id()).current_load, 1);
  EXPECT_THAT(*matching_.Inbox(coach), SizeIs(0));
  EXPECT_EQ(requests_.AnswerStatsFor(coach.id())->median, absl::Hours(3));
  // Accepted is not open: a new coaching request is allowed.
  EXPECT_TRUE(matching_.Create(coachee, Input(), 0).ok());
}

TEST_F(MatchingTest, MembersDoNotSeeWhomTheCoacheeAvoidsOrTheirPayBand) {
  const Principal mentor = Member("mentor", ProfileKind::kMentor, 2, /*pay_band=*/9);
  const Principal avoided = Member("avoided", ProfileKind::kMentor, 2, /*pay_band=*/9);
  const Principal mentee = Person("mentee", {Role::kCoachee});
  RequestInput in = Input(SupportKind::kMentoring);
  in.avoid_account_ids = {avoided.id()};
  const auto request = matching_.Create(mentee, in, mentor.id());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->details.pay_band, 5);  // the mentee sees their own
  const SupportRequest seen = matching_.Inbox(mentor)->front();
  EXPECT_TRUE(seen.details.avoid_account_ids.empty());
  EXPECT_EQ(seen.details.pay_band, 0);
  const auto declined = matching_.Answer(mentor, request->id, false, "Not this term, sorry.");
  ASSERT_TRUE(declined.ok());
  EXPECT_TRUE(declined->details.avoid_account_ids.empty());
  EXPECT_EQ(declined->details.pay_band, 0);
}

TEST_F(MatchingTest, NamedMemberMustKeepTheHardRules) {
  const Principal mentor = Member("mentor", ProfileKind::kMentor, 2, /*pay_band=*/5);
  const Principal coachee = Person("coachee", {Role::kCoachee});
  // Coaching from a mentor-only member.
  EXPECT_THAT(Message(matching_.Create(coachee, Input(), mentor.id()).status()),
              HasSubstr("does not offer coaching"));
  // Mentoring from someone not more senior (band 5 vs 5).
  EXPECT_THAT(
      Message(matching_.Create(coachee, Input(SupportKind::kMentoring), mentor.id()).status()),
      HasSubstr("not more senior"));
  RequestInput avoid = Input(SupportKind::kMentoring);
  avoid.pay_band = 3;
  avoid.avoid_account_ids = {mentor.id()};
  EXPECT_THAT(Message(matching_.Create(coachee, avoid, mentor.id()).status()), HasSubstr("avoid"));
  const Principal staff = Person("staff", {Role::kCoachee});
  EXPECT_THAT(Message(matching_.Create(coachee, Input(), staff.id()).status()),
              HasSubstr("not in the pool"));
}

TEST_F(MatchingTest, CapacityIsNeverExceededWhenAcceptsRace) {
  const Principal coach = Member("coach", ProfileKind::kCoach, 2);
  std::vector<int64_t> ids;
  for (int i = 0; i < 8; ++i) {
    const Principal coachee = Person(absl::StrCat("coachee", i), {Role::kCoachee});
    const auto request = matching_.Create(coachee, Input(), coach.id());
    ASSERT_TRUE(request.ok()) << request.status();
    ids.push_back(request->id);
  }
  std::atomic<int> accepted{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int64_t id : ids) {
    threads.emplace_back([&, id] {
      const auto answer = matching_.Answer(coach, id, true, "");
      if (answer.ok()) {
        ++accepted;
      } else if (absl::IsFailedPrecondition(answer.status())) {
        ++refused;
      } else {
        ADD_FAILURE() << answer.status();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted.load(), 2);
  EXPECT_EQ(refused.load(), 6);
  EXPECT_EQ(Load(coach.id()).current_load, 2);
  // The six who did not get a place are back on the waiting list, told why.
  int waiting = 0;
  for (int64_t id : ids) {
    const SupportRequest r = *requests_.Get(id);
    if (r.status == RequestStatus::kWaiting) {
      ++waiting;
      EXPECT_THAT(r.note, HasSubstr("coach cannot take on new requests"));
    }
  }
  EXPECT_EQ(waiting, 6);
}

TEST_F(MatchingTest, UnansweredRequestReturnsAfterFiveWorkingDays) {
  const Principal coach = Member("coach", ProfileKind::kCoach, 2);
  const Principal coachee = Person("coachee", {Role::kCoachee});
  const auto request = matching_.Create(coachee, Input(), coach.id());
  ASSERT_TRUE(request.ok());
  clock_.Advance(absl::Hours(24 * 6));  // Thursday: 4 working days
  EXPECT_EQ(matching_.ListMine(coachee)->front().status, RequestStatus::kPending);
  clock_.Advance(absl::Hours(24) + absl::Seconds(1));  // past Friday 08:00
  const SupportRequest returned = matching_.ListMine(coachee)->front();
  EXPECT_EQ(returned.status, RequestStatus::kWaiting);
  EXPECT_EQ(returned.member_id, 0);
  EXPECT_THAT(returned.note, HasSubstr("coach did not answer within 5 working days"));
  EXPECT_EQ(returned.waiting_since, request->waiting_since);
  // It left the coach's inbox, and they are not suggested for it again.
  EXPECT_THAT(*matching_.Inbox(coach), SizeIs(0));
  EXPECT_THAT(matching_.Suggest(coachee, returned.id, 5)->suggestions, SizeIs(0));
  // An answer now is refused.
  EXPECT_TRUE(absl::IsFailedPrecondition(matching_.Answer(coach, returned.id, true, "").status()));
}

TEST_F(MatchingTest, MemberGoingOnLeaveSendsTheirRequestsBack) {
  const Principal coach = Member("coach", ProfileKind::kCoach, 2);
  const Principal coachee = Person("coachee", {Role::kCoachee});
  ASSERT_TRUE(matching_.Create(coachee, Input(), coach.id()).ok());
  SetProfile(coach.id(), [](Profile& p) { p.details.availability = Availability::kOnLeave; });
  const SupportRequest r = matching_.ListMine(coachee)->front();
  EXPECT_EQ(r.status, RequestStatus::kWaiting);
  EXPECT_THAT(r.note, HasSubstr("cannot take on new requests"));
}

// The one rule of when a pending request goes back (the domain decides;
// storage only lists the pending requests): each reason on its own.
TEST(WhyStaleTest, OverdueOrAMemberWhoCannotTakeItOnAndNothingElse) {
  const absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  MemberFacts coach;
  coach.account_id = 7;
  coach.kind = ProfileKind::kCoach;
  coach.status = PoolStatus::kApproved;
  coach.availability = Availability::kAccepting;
  coach.capacity = 2;
  coach.current_load = 1;
  coach.coaching_listed_until = now + absl::Hours(1);
  const PendingRequest waiting{.request_id = 1,
                               .kind = SupportKind::kCoaching,
                               .member_id = 7,
                               .member_name = "Coach",
                               .answer_due_at = now + absl::Seconds(1)};
  EXPECT_EQ(WhyStale(waiting, &coach, now), std::nullopt);
  PendingRequest due = waiting;
  due.answer_due_at = now;
  EXPECT_EQ(WhyStale(due, &coach, now), StaleReason::kOverdue);
  due.answer_due_at.reset();  // no answer time: never overdue
  EXPECT_EQ(WhyStale(due, &coach, now + absl::Minutes(30)), std::nullopt);
  // Overdue wins over every other reason.
  MemberFacts gone = coach;
  gone.status = PoolStatus::kRemoved;
  due.answer_due_at = now;
  EXPECT_EQ(WhyStale(due, &gone, now), StaleReason::kOverdue);

  EXPECT_EQ(WhyStale(waiting, nullptr, now), StaleReason::kCannotTakeOn);  // no profile
  const std::vector<std::pair<const char*, std::function<void(MemberFacts&)>>> cannot = {
      {"paused", [](MemberFacts& m) { m.status = PoolStatus::kPaused; }},
      {"on leave", [](MemberFacts& m) { m.availability = Availability::kOnLeave; }},
      {"full", [](MemberFacts& m) { m.current_load = m.capacity; }},
      {"mentor only", [](MemberFacts& m) { m.kind = ProfileKind::kMentor; }},
      {"coaching listing lapsed", [&](MemberFacts& m) { m.coaching_listed_until = now; }},
  };
  for (const auto& [why, change] : cannot) {
    MemberFacts member = coach;
    change(member);
    EXPECT_EQ(WhyStale(waiting, &member, now), StaleReason::kCannotTakeOn) << why;
  }
  // Mentoring asks for a mentor, listed or not as a coach.
  PendingRequest mentoring = waiting;
  mentoring.kind = SupportKind::kMentoring;
  EXPECT_EQ(WhyStale(mentoring, &coach, now), StaleReason::kCannotTakeOn);
  MemberFacts mentor = coach;
  mentor.kind = ProfileKind::kMentor;
  mentor.coaching_listed_until = absl::InfinitePast();
  EXPECT_EQ(WhyStale(mentoring, &mentor, now), std::nullopt);
}

// Storage hands over every pending request, stale or not, with what the
// rule needs; it does not decide.
TEST_F(MatchingTest, StorageListsEveryPendingRequestForTheDomainToWeigh) {
  const Principal coach = Member("coach", ProfileKind::kCoach, 3);
  const Principal first = Person("first", {Role::kCoachee});
  const Principal second = Person("second", {Role::kCoachee});
  const auto a = matching_.Create(first, Input(), coach.id());
  const auto b = matching_.Create(second, Input(), 0);  // waiting, not pending
  ASSERT_TRUE(a.ok() && b.ok());
  const auto pending = requests_.ListPending();
  ASSERT_TRUE(pending.ok()) << pending.status();
  ASSERT_THAT(*pending, SizeIs(1));
  EXPECT_EQ((*pending)[0].request_id, a->id);
  EXPECT_EQ((*pending)[0].kind, SupportKind::kCoaching);
  EXPECT_EQ((*pending)[0].member_id, coach.id());
  EXPECT_EQ((*pending)[0].member_name, "coach");
  EXPECT_EQ((*pending)[0].answer_due_at, a->answer_due_at);
  // Paused: storage still lists it unchanged; the domain sends it back.
  SetProfile(coach.id(), [](Profile& p) { p.status = PoolStatus::kPaused; });
  ASSERT_THAT(*requests_.ListPending(), SizeIs(1));
  ASSERT_TRUE(matching_.ReturnStale().ok());
  EXPECT_THAT(*requests_.ListPending(), SizeIs(0));
  EXPECT_EQ(requests_.Get(a->id)->status, RequestStatus::kWaiting);
}

TEST_F(MatchingTest, DeclineEndsANamedRequestButKeepsAMatchedOneInTheQueue) {
  const Principal coach = Member("coach", ProfileKind::kCoach, 2);
  const Principal coachee = Person("coachee", {Role::kCoachee});
  const auto named = matching_.Create(coachee, Input(), coach.id());
  ASSERT_TRUE(named.ok());
  EXPECT_THAT(Message(matching_.Answer(coach, named->id, false, "  ").status()),
              HasSubstr("decline_reason:"));
  const auto declined = matching_.Answer(coach, named->id, false, "My diary is full until May.");
  ASSERT_TRUE(declined.ok()) << declined.status();
  EXPECT_EQ(declined->status, RequestStatus::kDeclined);
  EXPECT_EQ(declined->decline_reason, "My diary is full until May.");

  const auto matched = matching_.Create(coachee, Input(), 0);
  ASSERT_TRUE(matched.ok());
  ASSERT_TRUE(matching_.Choose(coachee, matched->id, coach.id()).ok());
  clock_.Advance(absl::Hours(1));
  const auto back = matching_.Answer(coach, matched->id, false, "Not the right fit for me.");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->status, RequestStatus::kWaiting);
  EXPECT_EQ(back->waiting_since, matched->waiting_since);
  EXPECT_THAT(requests_.Get(matched->id)->passed_member_ids, ::testing::ElementsAre(coach.id()));
  EXPECT_THAT(back->note, HasSubstr("Not the right fit for me."));
}

TEST_F(MatchingTest, SuggestionsRankByScoreWithReasonsAndRespectTheAvoidList) {
  const Principal best = Member("best", ProfileKind::kCoach, 3, 8, {"leadership", "wellbeing"});
  const Principal good = Member("good", ProfileKind::kCoach, 3, 8, {"leadership"});
  const Principal other = Member("other", ProfileKind::kCoach, 3, 8, {"confidence"});
  Member("mentor", ProfileKind::kMentor, 3);  // offers no coaching
  const Principal coachee = Person("coachee", {Role::kCoachee});
  RequestInput in = Input();
  in.themes = {"leadership", "wellbeing"};
  const auto request = matching_.Create(coachee, in, 0);
  ASSERT_TRUE(request.ok());
  const auto found = matching_.Suggest(coachee, request->id, 5);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->eligible_count, 3);
  ASSERT_THAT(found->suggestions, SizeIs(3));
  EXPECT_EQ(found->suggestions[0].member_id, best.id());
  EXPECT_EQ(found->suggestions[1].member_id, good.id());
  EXPECT_EQ(found->suggestions[2].member_id, other.id());
  EXPECT_EQ(found->suggestions[0].score.reasons.front(), "all your themes");
  EXPECT_GT(found->suggestions[0].score.score, found->suggestions[1].score.score);
  EXPECT_THAT(matching_.Suggest(coachee, request->id, 1)->suggestions, SizeIs(1));

  // Another person cannot see them; a coordinator of the organisation can.
  const Principal stranger = Person("stranger", {Role::kCoachee});
  EXPECT_TRUE(absl::IsNotFound(matching_.Suggest(stranger, request->id, 5).status()));
  const Principal coordinator = Person("coord", {Role::kCoordinator}, org_, {org_});
  const auto seen_by_coordinator = matching_.Suggest(coordinator, request->id, 5);
  ASSERT_TRUE(seen_by_coordinator.ok()) << seen_by_coordinator.status();
  // The same pairs and points, the reasons about the coachee rather than to them.
  ASSERT_THAT(seen_by_coordinator->suggestions, SizeIs(3));
  EXPECT_EQ(seen_by_coordinator->suggestions[0].member_id, best.id());
  EXPECT_EQ(seen_by_coordinator->suggestions[0].score.score, found->suggestions[0].score.score);
  EXPECT_EQ(seen_by_coordinator->suggestions[0].score.reasons.front(), "all their themes");

  RequestInput avoiding = Input(SupportKind::kMentoring);
  avoiding.pay_band = 3;
  avoiding.avoid_account_ids = {best.id()};
  const Principal second = Person("second", {Role::kCoachee});
  const auto mentoring = matching_.Create(second, avoiding, 0);
  ASSERT_TRUE(mentoring.ok());
  const auto avoided = matching_.Suggest(second, mentoring->id, 5);
  ASSERT_TRUE(avoided.ok());
  for (const auto& s : avoided->suggestions) EXPECT_NE(s.member_id, best.id());
}

TEST_F(MatchingTest, WeightsAreTunedPerOrganisationByItsCoordinators) {
  const Principal coordinator = Person("coord", {Role::kCoordinator}, org_, {org_});
  const auto defaults = matching_.GetWeights(coordinator, 0);
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->first, org_);
  EXPECT_EQ(defaults->second.themes, MatchWeights{}.themes);
  MatchWeights w;
  w.themes = 101;
  EXPECT_THAT(Message(matching_.UpdateWeights(coordinator, org_, w).status()),
              HasSubstr("weights.themes:"));
  w = MatchWeights{0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_THAT(Message(matching_.UpdateWeights(coordinator, org_, w).status()),
              HasSubstr("weights:"));
  w.spare_capacity = 100;
  ASSERT_TRUE(matching_.UpdateWeights(coordinator, org_, w).ok());
  EXPECT_EQ(matching_.GetWeights(coordinator, org_)->second.spare_capacity, 100);
  EXPECT_TRUE(absl::IsPermissionDenied(
      matching_.UpdateWeights(coordinator, other_org_, MatchWeights{}).status()));

  // Only spare capacity counts now: the emptier coach comes first.
  const Principal busy = Member("busy", ProfileKind::kCoach, 4);
  const Principal free = Member("free", ProfileKind::kCoach, 4);
  Fill(busy, 3);
  const Principal coachee = Person("coachee", {Role::kCoachee});
  const auto request = matching_.Create(coachee, Input(), 0);
  const auto found = matching_.Suggest(coachee, request->id, 5);
  ASSERT_THAT(found->suggestions, SizeIs(2));
  EXPECT_EQ(found->suggestions[0].member_id, free.id());
  EXPECT_EQ(found->suggestions[0].score.score, 100);
  EXPECT_EQ(found->suggestions[1].score.score, 25);
}

TEST_F(MatchingTest, ConfirmedPairsBecomePendingAndStaleOnesAreRefused) {
  const Principal coordinator = Person("coord", {Role::kCoordinator}, org_, {org_});
  const Principal coach = Member("coach", ProfileKind::kCoach, 1);
  const Principal a = Person("a", {Role::kCoachee});
  const Principal b = Person("b", {Role::kCoachee});
  const Principal elsewhere = Person("c", {Role::kCoachee}, other_org_);
  const auto ra = matching_.Create(a, Input(), 0);
  clock_.Advance(absl::Hours(1));
  const auto rb = matching_.Create(b, Input(), 0);
  const auto rc = matching_.Create(elsewhere, Input(), 0);
  ASSERT_TRUE(ra.ok() && rb.ok() && rc.ok());

  const auto proposal = matching_.Propose(coordinator);
  ASSERT_TRUE(proposal.ok()) << proposal.status();
  // One place: it goes to the longer waiter; the other org is not theirs.
  ASSERT_THAT(proposal->pairs, SizeIs(1));
  EXPECT_EQ(proposal->pairs[0].request.id, ra->id);
  EXPECT_EQ(proposal->pairs[0].member_name, "coach");
  ASSERT_THAT(proposal->unmatched, SizeIs(1));
  EXPECT_EQ(proposal->unmatched[0].first.id, rb->id);

  const auto outcomes = matching_.Confirm(
      coordinator, {{ra->id, coach.id()}, {rb->id, coach.id()}, {rc->id, coach.id()}});
  ASSERT_TRUE(outcomes.ok()) << outcomes.status();
  EXPECT_TRUE((*outcomes)[0].confirmed);
  EXPECT_FALSE((*outcomes)[1].confirmed);  // the one place is promised to a
  EXPECT_THAT((*outcomes)[1].problem, HasSubstr("no place left"));
  EXPECT_FALSE((*outcomes)[2].confirmed);
  EXPECT_THAT((*outcomes)[2].problem, HasSubstr("not on your waiting list"));
  const SupportRequest sent = *requests_.Get(ra->id);
  EXPECT_EQ(sent.status, RequestStatus::kPending);
  EXPECT_EQ(sent.origin, RequestOrigin::kCoordinator);
  EXPECT_THAT(Message(matching_.Confirm(coordinator, {{ra->id, 1}, {ra->id, 2}}).status()),
              HasSubstr("pairs[1].request_id: appears twice"));
}

// Random programmes: whatever the proposal, every pair keeps every hard
// rule — checked here from the stored profiles, independently of the
// matcher — and no member gets more pairs than their free places.
// A stop that lets the first `allowed` asks through, then says the call's
// time is up; counts the asks.
struct StopAfter {
  int allowed;
  int asked = 0;
  KeepGoing Get() {
    return [this]() -> absl::Status {
      if (++asked > allowed) return absl::DeadlineExceededError("out of time");
      return absl::OkStatus();
    };
  }
};

TEST_F(MatchingTest, ProposingStopsWhenTheCallsTimeIsUp) {
  const Principal coordinator = Person("coord", {Role::kCoordinator}, org_, {org_});
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(matching_.Create(Person(absl::StrCat("c", i), {Role::kCoachee}), Input(), 0).ok());
  }
  // With nobody to match them with, nothing is left to solve: it is asked
  // once before it starts and once for each request weighed.
  StopAfter counted{.allowed = 1'000'000};
  ASSERT_TRUE(matching_.Propose(coordinator, counted.Get()).ok());
  EXPECT_EQ(counted.asked, 1 + 6);
  Member("coach", ProfileKind::kCoach, 3);
  // Already out of time, or cancelled: nothing is done.
  StopAfter none{.allowed = 0};
  EXPECT_TRUE(absl::IsDeadlineExceeded(matching_.Propose(coordinator, none.Get()).status()));
  EXPECT_TRUE(absl::IsCancelled(
      matching_
          .Propose(coordinator, [] { return absl::CancelledError("the coordinator went away"); })
          .status()));
  // Out of time part-way through weighing the waiting list.
  StopAfter some{.allowed = 3};
  EXPECT_TRUE(absl::IsDeadlineExceeded(matching_.Propose(coordinator, some.Get()).status()));
  EXPECT_EQ(some.asked, 4);
  // With time, it is asked all along and answers.
  StopAfter all{.allowed = 1'000'000};
  const auto proposal = matching_.Propose(coordinator, all.Get());
  ASSERT_TRUE(proposal.ok()) << proposal.status();
  EXPECT_THAT(proposal->pairs, SizeIs(3));
  EXPECT_GT(all.asked, 6);  // before, for each of the six, and in the solve
}

TEST_F(MatchingTest, ConfirmingOutOfTimeWritesNothing) {
  const Principal coordinator = Person("coord", {Role::kCoordinator}, org_, {org_});
  const Principal coach = Member("coach", ProfileKind::kCoach, 3);
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (int i = 0; i < 3; ++i) {
    const auto r = matching_.Create(Person(absl::StrCat("c", i), {Role::kCoachee}), Input(), 0);
    ASSERT_TRUE(r.ok());
    pairs.emplace_back(r->id, coach.id());
  }
  const auto all_waiting = [&] {
    for (const auto& [id, member] : pairs) {
      if (requests_.Get(id)->status != RequestStatus::kWaiting) return false;
    }
    return true;
  };
  // Asked once before, once per pair, once before the commit: stopping at
  // any of them leaves every request waiting.
  for (int allowed = 0; allowed <= 4; ++allowed) {
    StopAfter stop{.allowed = allowed};
    EXPECT_TRUE(
        absl::IsDeadlineExceeded(matching_.Confirm(coordinator, pairs, stop.Get()).status()))
        << allowed;
    EXPECT_TRUE(all_waiting()) << allowed;
  }
  StopAfter enough{.allowed = 5};
  const auto outcomes = matching_.Confirm(coordinator, pairs, enough.Get());
  ASSERT_TRUE(outcomes.ok()) << outcomes.status();
  for (const PairOutcome& outcome : *outcomes) EXPECT_TRUE(outcome.confirmed) << outcome.problem;
  EXPECT_EQ(enough.asked, 5);
  EXPECT_THAT(*matching_.Inbox(coach), SizeIs(3));
}

TEST_F(MatchingTest, ProposalsNeverBreakAHardRuleOrACapacity) {
  DeterministicRandom random(2026);
  const Principal coordinator = Person("coord", {Role::kCoordinator}, org_, {org_, other_org_});
  const char* themes[] = {"leadership", "wellbeing", "confidence", "team_working"};
  std::vector<Principal> members;
  for (int i = 0; i < 25; ++i) {
    const ProfileKind kind = static_cast<ProfileKind>(1 + random.Below(3));
    members.push_back(Member(absl::StrCat("m", i), kind, 1 + random.Below(3), 3 + random.Below(8),
                             {themes[random.Below(4)]}, random.Below(2) == 0 ? org_ : other_org_));
    const int twist = random.Below(10);
    if (twist == 3 && OffersCoaching(kind)) Fill(members.back(), 1);
    SetProfile(members.back().id(), [&](Profile& p) {
      if (twist == 0) p.status = PoolStatus::kPaused;
      if (twist == 1) p.details.availability = Availability::kFull;
      if (twist == 2) p.details.last_supervision_on = ToDay(clock_.Now()) - 200;
    });
  }
  std::map<int64_t, SupportRequest> requests;
  for (int i = 0; i < 60; ++i) {
    const Principal coachee =
        Person(absl::StrCat("c", i), {Role::kCoachee}, random.Below(2) == 0 ? org_ : other_org_);
    RequestInput in =
        Input(random.Below(2) == 0 ? SupportKind::kCoaching : SupportKind::kMentoring);
    in.themes = {themes[random.Below(4)]};
    if (in.kind == SupportKind::kMentoring) in.pay_band = 2 + random.Below(8);
    in.organisation_preference = static_cast<OrganisationPreference>(random.Below(3));
    if (random.Below(4) == 0) in.avoid_account_ids = {members[random.Below(25)].id()};
    const auto r = matching_.Create(coachee, in, 0);
    ASSERT_TRUE(r.ok()) << r.status();
    requests[r->id] = *r;
    clock_.Advance(absl::Minutes(1 + random.Below(600)));
  }
  const auto proposal = matching_.Propose(coordinator);
  ASSERT_TRUE(proposal.ok()) << proposal.status();
  EXPECT_EQ(proposal->pairs.size() + proposal->unmatched.size(), requests.size());
  EXPECT_FALSE(proposal->pairs.empty());
  std::map<int64_t, int> given;
  for (const auto& pair : proposal->pairs) {
    const SupportRequest& r = requests.at(pair.request.id);
    const Profile p = Load(pair.member_id);
    const Listing listing = ComputeListing(p, clock_.Now(), ListingSettings{});
    SCOPED_TRACE(absl::StrCat("request ", r.id, " member ", p.account_id));
    EXPECT_NE(p.account_id, r.coachee_id);
    EXPECT_EQ(std::count(r.details.avoid_account_ids.begin(), r.details.avoid_account_ids.end(),
                         p.account_id),
              0);
    EXPECT_TRUE(IsAccepting(p, listing));
    if (r.details.kind == SupportKind::kCoaching) {
      EXPECT_TRUE(listing.coaching);
    } else {
      EXPECT_TRUE(listing.mentoring);
      EXPECT_GT(p.details.pay_band, r.details.pay_band);
    }
    EXPECT_LE(++given[p.account_id], p.details.capacity - p.current_load);
  }
  // Confirming the proposal as it stands is accepted in full.
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (const auto& pair : proposal->pairs) pairs.emplace_back(pair.request.id, pair.member_id);
  const auto outcomes = matching_.Confirm(coordinator, pairs);
  ASSERT_TRUE(outcomes.ok());
  for (const auto& outcome : *outcomes) EXPECT_TRUE(outcome.confirmed) << outcome.problem;
}

}  // namespace
}  // namespace tandem::domain
