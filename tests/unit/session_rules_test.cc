// The rules of sessions (domain::Sessions) on the real SQLite repositories
// with a fake clock: the contract's session cap holds when two writes race
// (checked in the write's own transaction, with the interleaving forced),
// the shared field limits, the domain's own enums, records made only after
// the meeting, and a record's key being for one request.

#include <atomic>
#include <thread>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/goals.h"
#include "server/domain/relationship.h"
#include "server/domain/session.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_audit_repository.h"
#include "server/storage/sqlite/sqlite_goal_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "server/storage/sqlite/sqlite_receipt_repository.h"
#include "server/storage/sqlite/sqlite_relationship_repository.h"
#include "server/storage/sqlite/sqlite_request_repository.h"
#include "server/storage/sqlite/sqlite_session_repository.h"
#include "shared/limits.h"
#include "tests/support/fake_repositories.h"
#include "tests/support/server_process.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

class SessionRulesTest : public ::testing::Test {
 protected:
  SessionRulesTest()
      : db_(*storage::Database::Open(dir_.File("sessions.db"))),
        organisations_(*db_),
        accounts_(*db_),
        profiles_(*db_),
        requests_(*db_),
        relationship_store_(*db_),
        session_store_(*db_),
        receipts_(*db_),
        audit_(*db_),
        cipher_(*NoteCipher::Create(NoteCipher::GenerateKey())),
        relationships_(relationship_store_, receipts_, clock_),
        sessions_(session_store_, relationship_store_, receipts_, audit_, profiles_, *cipher_,
                  clock_),
        goal_store_(*db_),
        goals_(goal_store_, relationship_store_, session_store_, receipts_, profiles_, *cipher_,
               clock_) {
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

  Principal Person(const std::string& name, std::vector<Role> roles) {
    NewAccount account{.email = name + "@example.org",
                       .display_name = name,
                       .organisation_id = org_,
                       .roles = std::move(roles),
                       .coordinated_organisation_ids = {},
                       .password_hash = "x",
                       .password_change_required = false};
    return Principal{.account = *accounts_.Create(account, clock_.Now()), .token_hash = ""};
  }

  /// A coaching contract of `sessions` sessions, agreed by both: ACTIVE.
  void MakeActive(int sessions) {
    const ContractTerms terms{.number_of_sessions = sessions,
                              .session_minutes = 60,
                              .regularity = SessionRegularity::kMonthly,
                              .planned_end_on = ToDay(clock_.Now()) + 120};
    ASSERT_TRUE(relationships_.SetTerms(coach_, relationship_id_, terms, {}).ok());
    // A coaching contract is agreed with a goal.
    ASSERT_TRUE(goals_
                    .AddGoal(coachee_, relationship_id_,
                             {.what = "Lead with confidence", .measure = "My team says so"}, {})
                    .ok());
    ASSERT_TRUE(
        relationships_.Agree(coachee_, relationship_id_, true, true, LineManagerTold::kYes, {})
            .ok());
    const auto agreed =
        relationships_.Agree(coach_, relationship_id_, true, true, LineManagerTold::kUnknown, {});
    ASSERT_TRUE(agreed.ok()) << agreed.status();
    ASSERT_EQ(agreed->state, RelationshipState::kActive);
  }

  /// A held session an hour ago, as the coach records it.
  RecordInput Held() const {
    RecordInput in;
    in.relationship_id = relationship_id_;
    in.held = true;
    in.started_at = clock_.Now() - absl::Hours(1);
    in.actual_minutes = 55;
    in.mode = DeliveryMode::kVideo;
    in.themes = {"leadership"};
    in.agreed_actions = "Book a meeting with the team about rotas.";
    in.private_notes = "Seemed anxious about the new role.";
    return in;
  }

  /// The coach records `in` with idempotency key `key` (and a digest of
  /// the request it stands for).
  absl::StatusOr<std::pair<SessionView, bool>> Record(const RecordInput& in, const std::string& key,
                                                      const std::string& digest = "digest-1") {
    return sessions_.Record(coach_, in, WriteKey{.key = key, .digest = digest});
  }

  ProposeInput Proposal() const {
    return ProposeInput{.relationship_id = relationship_id_,
                        .starts_at = clock_.Now() + absl::Hours(48),
                        .planned_minutes = 60,
                        .mode = DeliveryMode::kInPerson,
                        .place = "Room 4"};
  }

  /// A held record of the relationship as storage keeps it.
  Session StoredRecord(const std::string& key) const {
    Session s;
    s.relationship_id = relationship_id_;
    s.status = SessionStatus::kHeld;
    s.starts_at = clock_.Now() - absl::Hours(2);
    s.proposed_by = coach_.id();
    s.author_id = coach_.id();
    s.actual_minutes = 50;
    s.idempotency_key = key;
    s.recorded_at = clock_.Now();
    return s;
  }

  int CountHeld() {
    const auto all = session_store_.ListFor(relationship_id_);
    EXPECT_TRUE(all.ok());
    return static_cast<int>(std::count_if(all->begin(), all->end(), [](const Session& s) {
      return s.status == SessionStatus::kHeld;
    }));
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<storage::Database> db_;
  storage::SqliteOrganisationRepository organisations_;
  storage::SqliteAccountRepository accounts_;
  storage::SqliteProfileRepository profiles_;
  storage::SqliteRequestRepository requests_;
  storage::SqliteRelationshipRepository relationship_store_;
  storage::SqliteSessionRepository session_store_;
  storage::SqliteReceiptRepository receipts_;
  storage::SqliteAuditRepository audit_;
  std::unique_ptr<NoteCipher> cipher_;
  Relationships relationships_;
  Sessions sessions_;
  storage::SqliteGoalRepository goal_store_;
  Goals goals_;
  int64_t org_ = 0;
  Principal coach_;
  Principal coachee_;
  int64_t relationship_id_ = 0;
};

// ---- the cap, in the write's own transaction ----

// Two writers each reach the repository with the cap one short. The rule
// given to the repository waits until both have called it: run outside the
// write transaction, both would see one place left and both write; run
// inside it (BEGIN IMMEDIATE), the second waits for the first to commit and
// then sees the place taken. Exactly one wins.
template <typename Write>
std::vector<absl::Status> RaceTwo(const Write& write, int cap) {
  std::atomic<int> arrived{0};
  const SessionRoom room = [&](const std::vector<Session>& existing) -> absl::Status {
    const absl::Time give_up = absl::Now() + absl::Seconds(2);
    while (arrived.load() < 2 && absl::Now() < give_up) absl::SleepFor(absl::Milliseconds(1));
    const auto used = std::count_if(existing.begin(), existing.end(), [](const Session& s) {
      return s.status != SessionStatus::kCancelled && s.status != SessionStatus::kNotHeld;
    });
    if (used >= cap) return absl::FailedPreconditionError("The contract is full.");
    return absl::OkStatus();
  };
  std::vector<absl::Status> results(2);
  std::vector<std::thread> writers;
  for (int i = 0; i < 2; ++i) {
    writers.emplace_back([&, i] {
      ++arrived;
      results[static_cast<size_t>(i)] = write(i, room);
    });
  }
  for (auto& t : writers) t.join();
  return results;
}

int Wins(const std::vector<absl::Status>& results) {
  int wins = 0;
  for (const absl::Status& status : results) {
    if (status.ok()) {
      ++wins;
    } else {
      EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
    }
  }
  return wins;
}

TEST_F(SessionRulesTest, TwoRecordsRacingPastTheCapInStorageOneWins) {
  MakeActive(2);
  ASSERT_TRUE(session_store_
                  .Record(StoredRecord("earlier-record-key-01"), WriteReceipt{},
                          [](const std::vector<Session>&) { return absl::OkStatus(); })
                  .ok());
  const auto results = RaceTwo(
      [&](int i, const SessionRoom& room) {
        return session_store_
            .Record(StoredRecord(absl::StrCat("racing-record-key-0", i)), WriteReceipt{}, room)
            .status();
      },
      /*cap=*/2);
  EXPECT_EQ(Wins(results), 1);
  EXPECT_EQ(CountHeld(), 2);
}

TEST_F(SessionRulesTest, TwoProposalsRacingPastTheCapInStorageOneWins) {
  MakeActive(1);
  const auto results = RaceTwo(
      [&](int i, const SessionRoom& room) {
        Session s;
        s.relationship_id = relationship_id_;
        s.status = SessionStatus::kProposed;
        s.starts_at = clock_.Now() + absl::Hours(24 + i);
        s.planned_minutes = 60;
        s.mode = DeliveryMode::kVideo;
        s.proposed_by = coach_.id();
        return session_store_.Create(s, WriteReceipt{}, room).status();
      },
      /*cap=*/1);
  EXPECT_EQ(Wins(results), 1);
  EXPECT_EQ(session_store_.ListFor(relationship_id_)->size(), 1u);
}

TEST_F(SessionRulesTest, RecordsAtOnceThroughTheRulesNeverPassTheCap) {
  MakeActive(3);
  ASSERT_TRUE(Record(Held(), "first-record-key-0001").ok());
  std::vector<absl::Status> results(4);
  std::vector<std::thread> coaches;
  for (int i = 0; i < 4; ++i) {
    coaches.emplace_back([&, i] {
      results[static_cast<size_t>(i)] =
          Record(Held(), absl::StrCat("at-once-record-key-0", i)).status();
    });
  }
  for (auto& t : coaches) t.join();
  EXPECT_EQ(Wins(results), 2);
  EXPECT_EQ(CountHeld(), 3);
  const absl::Status over = Record(Held(), "one-too-many-key-0001").status();
  EXPECT_TRUE(absl::IsFailedPrecondition(over)) << over;
  EXPECT_THAT(Message(over), HasSubstr("Review the contract first"));
}

// ---- a record's key is for one request, as for every other write ----

TEST_F(SessionRulesTest, ARetryOfTheSameRecordIsReplayed) {
  MakeActive(4);
  const auto first = Record(Held(), "offline-record-key-01");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->second);
  const auto again = Record(Held(), "offline-record-key-01");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->second);
  EXPECT_EQ(again->first.session.id, first->first.session.id);
  EXPECT_EQ(again->first.private_notes, "Seemed anxious about the new role.");
  EXPECT_EQ(CountHeld(), 1);
}

TEST_F(SessionRulesTest, AgreedActionsAreSealedAndThoseStoredInPlainEarlierAreSealedAtStart) {
  MakeActive(3);
  const auto recorded = Record(Held(), "sealed-actions-key-01");
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_EQ(recorded->first.session.agreed_actions, "Book a meeting with the team about rotas.");
  // As stored: sealed, no plain text.
  Session stored = *session_store_.Get(recorded->first.session.id);
  EXPECT_TRUE(stored.agreed_actions.empty());
  EXPECT_FALSE(stored.sealed_actions.empty());

  // A record made before actions were sealed keeps them in plain text.
  stored.id = 0;
  stored.sealed_actions.clear();
  stored.agreed_actions = "Plain from an earlier version";
  stored.idempotency_key = "legacy-record-key-0001";
  ASSERT_TRUE(session_store_.Record(stored, {}, [](const auto&) { return absl::OkStatus(); }).ok());
  EXPECT_EQ(session_store_.WithPlainActions()->size(), 1u);
  ASSERT_EQ(*sessions_.SealPlainActions(), 1);
  EXPECT_TRUE(session_store_.WithPlainActions()->empty());
  EXPECT_EQ(*sessions_.SealPlainActions(), 0) << "once";
  const auto listed = sessions_.List(coachee_, relationship_id_);
  ASSERT_TRUE(listed.ok()) << listed.status();
  std::vector<std::string> actions;
  for (const SessionView& view : *listed) actions.push_back(view.session.agreed_actions);
  EXPECT_THAT(actions, ::testing::UnorderedElementsAre("Book a meeting with the team about rotas.",
                                                       "Plain from an earlier version"));
}

TEST_F(SessionRulesTest, TheSameKeyWithAnotherRecordIsRefusedNamingTheField) {
  MakeActive(4);
  ASSERT_TRUE(Record(Held(), "offline-record-key-02", "digest-1").ok());
  RecordInput other = Held();
  other.actual_minutes = 40;
  const absl::Status refused = Record(other, "offline-record-key-02", "digest-2").status();
  EXPECT_TRUE(absl::IsInvalidArgument(refused)) << refused;
  EXPECT_THAT(Message(refused),
              HasSubstr("idempotency_key: was already used for a different request"));
  EXPECT_EQ(CountHeld(), 1);
  // A record is always sent with its key.
  EXPECT_THAT(Message(Record(Held(), "").status()), HasSubstr("idempotency_key: must be 16 to 64"));
}

// The first look-up misses, as a racing write's check does when it looks
// before the winner commits.
class MissFirstFind final : public ReceiptRepository {
 public:
  explicit MissFirstFind(ReceiptRepository& receipts) : receipts_(receipts) {}
  absl::StatusOr<std::optional<std::pair<int64_t, std::string>>> Find(
      int64_t account_id, const std::string& key) override {
    if (missed_) return receipts_.Find(account_id, key);
    missed_ = true;
    return std::nullopt;
  }

 private:
  ReceiptRepository& receipts_;
  bool missed_ = false;
};

TEST_F(SessionRulesTest, AnotherRecordThatLostTheRaceForItsKeyIsStillRefused) {
  MakeActive(4);
  ASSERT_TRUE(Record(Held(), "raced-record-key-0001", "digest-1").ok());
  MissFirstFind late(receipts_);
  Sessions racing(session_store_, relationship_store_, late, audit_, profiles_, *cipher_, clock_);
  RecordInput other = Held();
  other.actual_minutes = 30;
  const absl::Status refused =
      racing.Record(coach_, other, WriteKey{.key = "raced-record-key-0001", .digest = "digest-2"})
          .status();
  EXPECT_TRUE(absl::IsInvalidArgument(refused)) << refused;
  EXPECT_EQ(CountHeld(), 1);
}

TEST_F(SessionRulesTest, ARefusedRecordLeavesItsKeyUnused) {
  MakeActive(4);
  RecordInput wrong = Held();
  wrong.actual_minutes = 0;
  EXPECT_TRUE(absl::IsInvalidArgument(Record(wrong, "corrected-record-key1", "d-wrong").status()));
  const auto corrected = Record(Held(), "corrected-record-key1", "d-right");
  ASSERT_TRUE(corrected.ok()) << corrected.status();
  EXPECT_FALSE(corrected->second);
}

TEST_F(SessionRulesTest, ARecordMadeBeforeDigestsWereKeptIsStillReplayed) {
  MakeActive(4);
  // As recorded before receipts: the key on the session only.
  const auto old =
      session_store_.Record(StoredRecord("recorded-long-ago-key"), WriteReceipt{},
                            [](const std::vector<Session>&) { return absl::OkStatus(); });
  ASSERT_TRUE(old.ok()) << old.status();
  const auto retry = Record(Held(), "recorded-long-ago-key");
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_TRUE(retry->second);
  EXPECT_EQ(retry->first.session.id, old->id);
  EXPECT_EQ(CountHeld(), 1);
}

// ---- a record is made after the meeting ----

TEST_F(SessionRulesTest, AMeetingInTheFutureCannotBeRecorded) {
  MakeActive(6);
  RecordInput later = Held();
  later.started_at =
      clock_.Now() + absl::Minutes(limits::kRecordClockSkewMinutes) + absl::Seconds(1);
  absl::Status refused = Record(later, "future-record-key-001").status();
  EXPECT_TRUE(absl::IsInvalidArgument(refused)) << refused;
  EXPECT_THAT(Message(refused),
              HasSubstr("started_at_unix: a session is recorded after it has happened"));
  later.held = false;  // not held either: that is a cancellation
  later.cancelled_by = CancelledBy::kCoachee;
  EXPECT_TRUE(absl::IsInvalidArgument(Record(later, "future-record-key-002").status()));
  // Within the clock skew allowed, it is recorded.
  RecordInput skewed = Held();
  skewed.started_at = clock_.Now() + absl::Minutes(limits::kRecordClockSkewMinutes);
  EXPECT_TRUE(Record(skewed, "skewed-record-key-001").ok());
  EXPECT_EQ(CountHeld(), 1);
}

TEST_F(SessionRulesTest, AScheduledSessionIsRecordedOnlyOnceItHasStarted) {
  MakeActive(6);
  const auto proposed = sessions_.Propose(coach_, Proposal(), {});
  ASSERT_TRUE(proposed.ok()) << proposed.status();
  RecordInput in = Held();
  in.session_id = proposed->session.id;
  const absl::Status refused = Record(in, "scheduled-record-key1").status();
  EXPECT_TRUE(absl::IsInvalidArgument(refused)) << refused;
  EXPECT_THAT(Message(refused),
              HasSubstr("session_id: a session is recorded after it has happened"));
  EXPECT_EQ(session_store_.Get(proposed->session.id)->status, SessionStatus::kProposed);
  // Its start, less the clock skew allowed: now it can be recorded.
  clock_.Advance(absl::Hours(48) - absl::Minutes(limits::kRecordClockSkewMinutes));
  const auto recorded = Record(in, "scheduled-record-key1");
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_EQ(recorded->first.session.id, proposed->session.id);
  EXPECT_EQ(recorded->first.session.status, SessionStatus::kHeld);
}

// ---- the domain's own enums and the shared limits ----

TEST_F(SessionRulesTest, EnumsAreTheDomainsOwnAndRequiredOnesAreAskedFor) {
  MakeActive(6);
  ProposeInput no_mode = Proposal();
  no_mode.mode.reset();
  EXPECT_THAT(Message(sessions_.Propose(coach_, no_mode, {}).status()),
              HasSubstr("mode: choose in person, video or phone"));
  RecordInput not_held = Held();
  not_held.held = false;
  not_held.cancelled_by = CancelledBy::kNone;
  EXPECT_THAT(Message(Record(not_held, "not-held-record-key1").status()),
              HasSubstr("cancelled_by: say who called it off"));
  not_held.cancelled_by = CancelledBy::kMember;
  const auto recorded = Record(not_held, "not-held-record-key1", "digest-2");
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_EQ(recorded->first.session.status, SessionStatus::kNotHeld);
  EXPECT_EQ(recorded->first.session.cancelled_by, CancelledBy::kMember);
  // A held record's mode is optional.
  RecordInput modeless = Held();
  modeless.mode.reset();
  EXPECT_TRUE(Record(modeless, "modeless-record-key1").ok());
}

TEST_F(SessionRulesTest, SessionFieldsStopAtTheSharedLimits) {
  MakeActive(limits::kMaxContractSessions);
  int n = 0;
  const auto propose = [&](const std::function<void(ProposeInput&)>& change) {
    ProposeInput in = Proposal();
    change(in);
    return sessions_.Propose(coach_, in, {}).status().code();
  };
  const auto record = [&](const std::function<void(RecordInput&)>& change) {
    RecordInput in = Held();
    change(in);
    return Record(in, absl::StrCat("limits-record-key-", 100 + n++)).status().code();
  };
  constexpr auto kOk = absl::StatusCode::kOk;
  constexpr auto kBad = absl::StatusCode::kInvalidArgument;
  EXPECT_EQ(propose([](auto& in) { in.planned_minutes = limits::kMinPlannedMinutes; }), kOk);
  EXPECT_EQ(propose([](auto& in) { in.planned_minutes = limits::kMinPlannedMinutes - 1; }), kBad);
  EXPECT_EQ(propose([](auto& in) { in.planned_minutes = limits::kMaxPlannedMinutes; }), kOk);
  EXPECT_EQ(propose([](auto& in) { in.planned_minutes = limits::kMaxPlannedMinutes + 1; }), kBad);
  EXPECT_EQ(propose([](auto& in) { in.place = std::string(limits::kPlaceMaxLength, 'p'); }), kOk);
  EXPECT_EQ(propose([](auto& in) { in.place = std::string(limits::kPlaceMaxLength + 1, 'p'); }),
            kBad);
  const absl::Time now = clock_.Now();
  EXPECT_EQ(propose([&](auto& in) {
              in.starts_at = now + absl::Hours(24 * limits::kScheduleWithinDays);
            }),
            kOk);
  EXPECT_EQ(propose([&](auto& in) {
              in.starts_at = now + absl::Hours(24 * limits::kScheduleWithinDays) + absl::Seconds(1);
            }),
            kBad);
  EXPECT_EQ(record([](auto& in) { in.actual_minutes = limits::kMinActualMinutes; }), kOk);
  EXPECT_EQ(record([](auto& in) { in.actual_minutes = limits::kMinActualMinutes - 1; }), kBad);
  EXPECT_EQ(record([](auto& in) { in.actual_minutes = limits::kMaxActualMinutes; }), kOk);
  EXPECT_EQ(record([](auto& in) { in.actual_minutes = limits::kMaxActualMinutes + 1; }), kBad);
  EXPECT_EQ(record([](auto& in) {
              in.agreed_actions = std::string(limits::kAgreedActionsMaxLength, 'a');
            }),
            kOk);
  EXPECT_EQ(record([](auto& in) {
              in.agreed_actions = std::string(limits::kAgreedActionsMaxLength + 1, 'a');
            }),
            kBad);
  EXPECT_EQ(
      record([](auto& in) { in.private_notes = std::string(limits::kPrivateNotesMaxLength, 'n'); }),
      kOk);
  EXPECT_EQ(record([](auto& in) {
              in.private_notes = std::string(limits::kPrivateNotesMaxLength + 1, 'n');
            }),
            kBad);
  EXPECT_EQ(
      record([&](auto& in) { in.started_at = now - absl::Hours(24 * limits::kRecordWithinDays); }),
      kOk);
  EXPECT_EQ(record([&](auto& in) {
              in.started_at = now - absl::Hours(24 * limits::kRecordWithinDays) - absl::Seconds(1);
            }),
            kBad);
}

}  // namespace
}  // namespace tandem::domain
