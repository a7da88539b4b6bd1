// Sessions over real gRPC against the real server: private notes reach
// their author only (a scan of every RPC's responses for every role), the
// database file holds no plaintext of them, a record replayed over a flaky
// link is stored once, a meeting still to come cannot be recorded, a
// record's key is for one request, two records at once cannot pass the
// contract's cap, and an acknowledged record survives SIGKILL.

#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/relationship_server_test.h"
#include "tests/support/rpc_scan.h"

namespace tandem::testing {
namespace {

constexpr char kMarker[] = "MARKER-7f3a9c-private-only";

// The UTC day of `unix_seconds` as the audit trail words it ("2 December 2026").
std::string UtcDayInWords(int64_t unix_seconds) {
  const absl::Time at = absl::FromUnixSeconds(unix_seconds);
  return absl::StrCat(absl::ToCivilDay(at, absl::UTCTimeZone()).day(),
                      absl::FormatTime(" %B %Y", at, absl::UTCTimeZone()));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// A demo server with one active coaching relationship between the demo
/// coach and a demo coachee.
class SessionIntegrationTest : public RelationshipServerTest {
 protected:
  void SetUp() override {
    RelationshipServerTest::SetUp();
    if (HasFatalFailure()) return;
    MakeActive(2);
  }

  v1::RecordSessionRequest Record(const std::string& key) const {
    v1::RecordSessionRequest r;
    r.set_relationship_id(relationship_id_);
    r.set_idempotency_key(key);
    r.set_held(true);
    r.set_started_at_unix(absl::ToUnixSeconds(absl::Now() - absl::Hours(1)));
    r.set_actual_minutes(55);
    r.set_mode(v1::DELIVERY_MODE_VIDEO);
    r.add_themes("leadership");
    r.set_agreed_actions("Book a meeting with the team about rotas.");
    r.set_private_notes(absl::StrCat("Seemed anxious about the new role. ", kMarker));
    return r;
  }

  grpc::Status RecordSession(const v1::RecordSessionRequest& request,
                             v1::RecordSessionResponse* response) {
    return relationships_->RecordSession(Client::Context(coach_).get(), request, response);
  }

  std::vector<v1::Session> Sessions(const std::string& token) {
    v1::ListSessionsRequest list;
    list.set_relationship_id(relationship_id_);
    v1::ListSessionsResponse response;
    EXPECT_TRUE(relationships_->ListSessions(Client::Context(token).get(), list, &response).ok());
    return {response.sessions().begin(), response.sessions().end()};
  }
};

TEST_F(SessionIntegrationTest, PrivateNotesReachTheirAuthorOnlyAndAreNotInTheDatabaseFile) {
  v1::RecordSessionResponse recorded;
  ASSERT_TRUE(RecordSession(Record("first-record-key-0001"), &recorded).ok());
  EXPECT_EQ(recorded.session().status(), v1::SESSION_STATUS_HELD);
  EXPECT_THAT(recorded.session().private_notes(), ::testing::HasSubstr(kMarker));
  const int64_t session_id = recorded.session().id();

  // The coachee sees the shared part; the coordinator only figures.
  const auto coachee_view = Sessions(coachee_);
  ASSERT_EQ(coachee_view.size(), 1u);
  EXPECT_EQ(coachee_view[0].agreed_actions(), "Book a meeting with the team about rotas.");
  EXPECT_FALSE(coachee_view[0].has_private_notes());
  const auto coordinator_view = Sessions(client_->TokenFor(kDemoCoordinator));
  ASSERT_EQ(coordinator_view.size(), 1u);
  EXPECT_EQ(coordinator_view[0].actual_minutes(), 55);
  EXPECT_TRUE(coordinator_view[0].agreed_actions().empty());
  EXPECT_TRUE(coordinator_view[0].themes().empty());

  // Every RPC of the API, called by every role with the ids of this
  // relationship and session filled in wherever a request has such a field:
  // the marker comes back in the author's ListSessions only.
  const std::map<std::string, int64_t> ids = {{"relationship_id", relationship_id_},
                                              {"session_id", session_id}};
  int calls = 0;
  EXPECT_THAT(MethodsRevealing(client_->channel(), coach_, ids, kMarker, &calls),
              ::testing::ElementsAre("/tandem.v1.RelationshipService/ListSessions"));
  for (const char* other : {kDemoCoordinator, kDemoSupervisor, kDemoMentor}) {
    EXPECT_THAT(
        MethodsRevealing(client_->channel(), client_->TokenFor(other), ids, kMarker, &calls),
        ::testing::IsEmpty())
        << other;
  }
  EXPECT_THAT(MethodsRevealing(client_->channel(), coachee_, ids, kMarker, &calls),
              ::testing::IsEmpty());
  EXPECT_GT(calls, 200);

  // Nor is the plaintext anywhere in the database files.
  for (const std::string& file : {Db(), Db() + "-wal"}) {
    const std::string bytes = ReadFile(file);
    EXPECT_FALSE(absl::StrContains(bytes, kMarker)) << file;
    EXPECT_FALSE(absl::StrContains(bytes, "Seemed anxious")) << file;
  }
  // The key is kept beside, not inside, the database, owner-only.
  EXPECT_EQ(ReadFile(Db() + ".notes-key").size(), 32u);

  // Each read of the notes is in the audit trail, without the notes: the
  // coach's ListSessions just now is one, counted before this one.
  const auto reads_now = [&] {
    v1::ListAuditTrailRequest trail;
    trail.set_limit(500);
    v1::ListAuditTrailResponse entries;
    EXPECT_TRUE(safeguarding_
                    ->ListAuditTrail(Client::Context(client_->TokenFor(kDemoCoordinator)).get(),
                                     trail, &entries)
                    .ok());
    int reads = 0;
    for (const auto& entry : entries.entries()) {
      EXPECT_FALSE(absl::StrContains(entry.what(), kMarker));
      if (entry.what() == absl::StrCat("read their private notes of a session on ",
                                       UtcDayInWords(recorded.session().starts_at_unix()))) {
        ++reads;
      }
    }
    return reads;
  };
  const int before = reads_now();
  EXPECT_GT(before, 0);
  ASSERT_EQ(Sessions(coach_).size(), 1u);
  EXPECT_EQ(reads_now(), before + 1);
  Sessions(coachee_);  // no notes for the coachee, so no read
  EXPECT_EQ(reads_now(), before + 1);
}

TEST_F(SessionIntegrationTest, ARecordReplayedOverAFlakyLinkIsStoredOnce) {
  const v1::RecordSessionRequest request = Record("offline-replay-key-0042");
  // Sent three times, as an app retrying after lost acknowledgements would,
  // twice of them at once.
  v1::RecordSessionResponse first;
  ASSERT_TRUE(RecordSession(request, &first).ok());
  EXPECT_FALSE(first.replayed());
  std::vector<std::thread> retries;
  std::atomic<int> replayed{0};
  for (int i = 0; i < 2; ++i) {
    retries.emplace_back([&] {
      Client client(server_->address());
      auto stub = v1::RelationshipService::NewStub(client.channel());
      v1::RecordSessionResponse again;
      const grpc::Status status =
          stub->RecordSession(Client::Context(coach_).get(), request, &again);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (again.replayed() && again.session().id() == first.session().id()) ++replayed;
    });
  }
  for (auto& t : retries) t.join();
  EXPECT_EQ(replayed.load(), 2);
  const auto sessions = Sessions(coach_);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].id(), first.session().id());

  // The contract is for 2 sessions: a second is fine, a third is refused.
  v1::RecordSessionResponse second;
  ASSERT_TRUE(RecordSession(Record("second-record-key-0002"), &second).ok());
  v1::RecordSessionResponse third;
  const grpc::Status status = RecordSession(Record("third-record-key-00003"), &third);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("Review the contract"));
  // Only the coach records.
  v1::RecordSessionResponse refused;
  EXPECT_EQ(relationships_
                ->RecordSession(Client::Context(coachee_).get(), Record("coachee-tries-key-0001"),
                                &refused)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SessionIntegrationTest, ARecordsKeyIsForOneRequest) {
  const v1::RecordSessionRequest request = Record("one-request-key-00001");
  v1::RecordSessionResponse first;
  ASSERT_TRUE(RecordSession(request, &first).ok());
  // The same key with a different record is refused, as for every write.
  v1::RecordSessionRequest other = request;
  other.set_actual_minutes(40);
  v1::RecordSessionResponse refused;
  const grpc::Status status = RecordSession(other, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              ::testing::HasSubstr("idempotency_key: was already used for a different request"));
  // The true retry is still answered with the record.
  v1::RecordSessionResponse again;
  ASSERT_TRUE(RecordSession(request, &again).ok());
  EXPECT_TRUE(again.replayed());
  EXPECT_EQ(again.session().id(), first.session().id());
  EXPECT_EQ(again.session().actual_minutes(), 55);
  EXPECT_EQ(Sessions(coach_).size(), 1u);
}

TEST_F(SessionIntegrationTest, AMeetingStillToComeCannotBeRecorded) {
  v1::RecordSessionRequest future = Record("future-meeting-key-001");
  future.set_started_at_unix(absl::ToUnixSeconds(absl::Now() + absl::Hours(2)));
  v1::RecordSessionResponse refused;
  grpc::Status status = RecordSession(future, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              ::testing::HasSubstr("started_at_unix: a session is recorded after it has happened"));
  // Nor a scheduled session that has not started yet.
  v1::ProposeSessionRequest propose;
  propose.set_relationship_id(relationship_id_);
  propose.set_starts_at_unix(absl::ToUnixSeconds(absl::Now() + absl::Hours(24)));
  propose.set_planned_minutes(60);
  propose.set_mode(v1::DELIVERY_MODE_VIDEO);
  v1::ProposeSessionResponse proposed;
  ASSERT_TRUE(
      relationships_->ProposeSession(Client::Context(coach_).get(), propose, &proposed).ok());
  v1::RecordSessionRequest scheduled = Record("scheduled-meeting-key1");
  scheduled.set_session_id(proposed.session().id());
  status = RecordSession(scheduled, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("session_id: a session is recorded"));
  for (const auto& s : Sessions(coach_)) EXPECT_NE(s.status(), v1::SESSION_STATUS_HELD);
}

TEST_F(SessionIntegrationTest, TwoRecordsAtOncePastTheCapOneWins) {
  // The contract is for 2 sessions and one is held: two coaches' devices
  // record the last one at the same moment, each with its own key.
  v1::RecordSessionResponse first;
  ASSERT_TRUE(RecordSession(Record("before-the-race-key-01"), &first).ok());
  std::vector<grpc::Status> results(2);
  std::vector<std::thread> devices;
  for (int i = 0; i < 2; ++i) {
    devices.emplace_back([&, i] {
      Client client(server_->address());
      auto stub = v1::RelationshipService::NewStub(client.channel());
      v1::RecordSessionResponse response;
      results[static_cast<size_t>(i)] = stub->RecordSession(
          Client::Context(coach_).get(), Record(absl::StrCat("racing-device-key-0", i)), &response);
    });
  }
  for (auto& t : devices) t.join();
  int wins = 0;
  for (const grpc::Status& status : results) {
    if (status.ok()) {
      ++wins;
    } else {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION)
          << status.error_message();
    }
  }
  EXPECT_EQ(wins, 1);
  int held = 0;
  for (const auto& s : Sessions(coach_)) held += s.status() == v1::SESSION_STATUS_HELD ? 1 : 0;
  EXPECT_EQ(held, 2);
}

TEST_F(SessionIntegrationTest, SessionsAreProposedAcceptedMovedAndExported) {
  v1::ProposeSessionRequest propose;
  propose.set_relationship_id(relationship_id_);
  propose.set_starts_at_unix(absl::ToUnixSeconds(absl::Now() + absl::Hours(72)));
  propose.set_planned_minutes(60);
  propose.set_mode(v1::DELIVERY_MODE_IN_PERSON);
  propose.set_place("Room 4, Block B");
  v1::ProposeSessionResponse proposed;
  ASSERT_TRUE(
      relationships_->ProposeSession(Client::Context(coachee_).get(), propose, &proposed).ok());
  const int64_t id = proposed.session().id();
  EXPECT_EQ(proposed.session().status(), v1::SESSION_STATUS_PROPOSED);

  v1::AcceptSessionRequest accept;
  accept.set_session_id(id);
  v1::AcceptSessionResponse accepted;
  EXPECT_EQ(relationships_->AcceptSession(Client::Context(coachee_).get(), accept, &accepted)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // the other party accepts
  ASSERT_TRUE(relationships_->AcceptSession(Client::Context(coach_).get(), accept, &accepted).ok());
  EXPECT_EQ(accepted.session().status(), v1::SESSION_STATUS_ACCEPTED);

  v1::RescheduleSessionRequest move;
  move.set_session_id(id);
  move.set_starts_at_unix(absl::ToUnixSeconds(absl::Now() + absl::Hours(96)));
  v1::RescheduleSessionResponse moved;
  grpc::Status status =
      relationships_->RescheduleSession(Client::Context(coach_).get(), move, &moved);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("reason:"));
  move.set_reason("Clinic overran; Thursday instead.");
  ASSERT_TRUE(relationships_->RescheduleSession(Client::Context(coach_).get(), move, &moved).ok());
  EXPECT_EQ(moved.session().status(), v1::SESSION_STATUS_PROPOSED);
  EXPECT_EQ(moved.session().reschedule_reason(), "Clinic overran; Thursday instead.");

  v1::ExportSessionCalendarRequest exp;
  exp.set_session_id(id);
  v1::ExportSessionCalendarResponse file;
  ASSERT_TRUE(
      relationships_->ExportSessionCalendar(Client::Context(coachee_).get(), exp, &file).ok());
  EXPECT_THAT(file.ics(), ::testing::HasSubstr("BEGIN:VEVENT"));
  EXPECT_THAT(file.ics(), ::testing::HasSubstr("STATUS:TENTATIVE"));
  EXPECT_EQ(file.file_name(), absl::StrCat("tandem-session-", id, ".ics"));
  EXPECT_EQ(relationships_
                ->ExportSessionCalendar(Client::Context(client_->TokenFor(kDemoCoordinator)).get(),
                                        exp, &file)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  v1::CancelSessionRequest cancel;
  cancel.set_session_id(id);
  cancel.set_reason("Off sick.");
  v1::CancelSessionResponse cancelled;
  ASSERT_TRUE(
      relationships_->CancelSession(Client::Context(coachee_).get(), cancel, &cancelled).ok());
  EXPECT_EQ(cancelled.session().status(), v1::SESSION_STATUS_CANCELLED);
  EXPECT_EQ(cancelled.session().cancelled_by(), v1::CANCELLED_BY_COACHEE);
}

TEST_F(SessionIntegrationTest, AnAcknowledgedRecordSurvivesSigkill) {
  v1::RecordSessionResponse recorded;
  ASSERT_TRUE(RecordSession(Record("before-the-crash-key-01"), &recorded).ok());
  KillAndRestart();
  const auto sessions = Sessions(coach_);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].id(), recorded.session().id());
  EXPECT_THAT(sessions[0].private_notes(), ::testing::HasSubstr(kMarker));  // same key file
}

}  // namespace
}  // namespace tandem::testing
