// Safeguarding over real gRPC against the real server with demo data: a
// concern reaches the coach's supervisor and nobody else (a scan of every
// RPC for every role), is encrypted at rest, is acknowledged with what was
// done, goes to the organisation's safeguarding lead when not acknowledged
// in time, and every read of it is in the audit trail without its content.

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tandem/v1/relationships.grpc.pb.h"
#include "tandem/v1/safeguarding.grpc.pb.h"
#include "tests/support/client.h"
#include "tests/support/rpc_scan.h"
#include "tests/support/server_process.h"

namespace tandem::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kMarker[] = "MARKER-c0ncern-5afe";

// The UTC day of `unix_seconds` as the audit trail words it ("2 December 2026").
std::string UtcDayInWords(int64_t unix_seconds) {
  const absl::Time at = absl::FromUnixSeconds(unix_seconds);
  return absl::StrCat(absl::ToCivilDay(at, absl::UTCTimeZone()).day(),
                      absl::FormatTime(" %B %Y", at, absl::UTCTimeZone()));
}

class SafeguardingIntegrationTest : public ::testing::Test {
 protected:
  void Start(std::vector<std::string> flags) {
    flags.push_back("--demo-data");
    server_ = std::make_unique<ServerProcess>(dir_.File("tandem.db"), flags);
    client_ = std::make_unique<Client>(server_->address());
    safeguarding_ = v1::SafeguardingService::NewStub(client_->channel());
    coach_ = client_->TokenFor(kDemoCoach);
    coordinator_ = client_->TokenFor(kDemoCoordinator);
    // The demo coach accepts a request: a relationship to raise a concern about.
    const Client::Accepted accepted = client_->AcceptFirstInboxRequest(coach_);
    ASSERT_GT(accepted.relationship_id, 0);
    relationship_id_ = accepted.relationship_id;
    coachee_id_ = accepted.coachee_id;
  }

  int64_t AccountId(const std::string& token) {
    v1::GetMeResponse me;
    EXPECT_TRUE(client_->auth().GetMe(Client::Context(token).get(), {}, &me).ok());
    return me.account().id();
  }

  grpc::Status Raise(v1::Concern* out = nullptr) {
    v1::RaiseConcernRequest raise;
    raise.set_relationship_id(relationship_id_);
    raise.set_description(absl::StrCat("Said they had thought of ending their life. ", kMarker));
    v1::RaiseConcernResponse raised;
    const grpc::Status status =
        safeguarding_->RaiseConcern(Client::Context(coach_).get(), raise, &raised);
    if (out != nullptr) *out = raised.concern();
    return status;
  }

  std::vector<v1::Concern> Concerns(const std::string& token) {
    v1::ListConcernsResponse response;
    EXPECT_TRUE(safeguarding_->ListConcerns(Client::Context(token).get(), {}, &response).ok());
    return {response.concerns().begin(), response.concerns().end()};
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<Client> client_;
  std::unique_ptr<v1::SafeguardingService::Stub> safeguarding_;
  std::string coach_;
  std::string coordinator_;
  int64_t relationship_id_ = 0;
  int64_t coachee_id_ = 0;
};

TEST_F(SafeguardingIntegrationTest, AConcernReachesTheSupervisorAndNobodyElse) {
  Start({});
  // The demo records a supervisor for every coach; a coordinator can change
  // it, to someone who holds the supervisor role.
  const std::string supervisor = client_->TokenFor(kDemoSupervisor);
  v1::SetSupervisorRequest set;
  set.set_coach_id(AccountId(coach_));
  set.set_supervisor_id(AccountId(coordinator_));  // not a supervisor
  v1::SetSupervisorResponse done;
  grpc::Status status =
      safeguarding_->SetSupervisor(Client::Context(coordinator_).get(), set, &done);
  EXPECT_THAT(status.error_message(), HasSubstr("supervisor_id:"));
  set.set_supervisor_id(AccountId(supervisor));
  EXPECT_EQ(safeguarding_->SetSupervisor(Client::Context(coach_).get(), set, &done).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(safeguarding_->SetSupervisor(Client::Context(coordinator_).get(), set, &done).ok());

  v1::Concern raised;
  ASSERT_TRUE(Raise(&raised).ok());
  EXPECT_TRUE(raised.description().empty());  // not even echoed to the coach
  EXPECT_EQ(raised.your_part(), "raised by you");
  EXPECT_TRUE(raised.about_name().empty());  // the coach knows; it is for readers

  const auto supervised = Concerns(supervisor);
  ASSERT_EQ(supervised.size(), 1u);
  EXPECT_THAT(supervised[0].description(), HasSubstr(kMarker));
  EXPECT_EQ(supervised[0].your_part(), "supervisor");
  // Who it is about, so that the supervisor can act.
  v1::GetAccountRequest get;
  get.set_account_id(coachee_id_);
  v1::GetAccountResponse coachee;
  ASSERT_TRUE(
      client_->accounts().GetAccount(Client::Context(coordinator_).get(), get, &coachee).ok());
  EXPECT_EQ(supervised[0].about_name(), coachee.account().display_name());
  EXPECT_FALSE(supervised[0].escalated());

  // Not escalated yet, so the organisation's safeguarding lead (the demo
  // coordinator) does not see it.
  EXPECT_THAT(Concerns(coordinator_), IsEmpty());

  // Every RPC, every role: the marker reaches the supervisor's ListConcerns only.
  const std::map<std::string, int64_t> ids = {{"relationship_id", relationship_id_},
                                              {"concern_id", raised.id()},
                                              {"account_id", coachee_id_}};
  int calls = 0;
  EXPECT_THAT(MethodsRevealing(client_->channel(), supervisor, ids, kMarker, &calls),
              ::testing::ElementsAre("/tandem.v1.SafeguardingService/ListConcerns"));
  for (const char* other : {kDemoCoach, kDemoCoordinator, kDemoMentor, kDemoCoachee}) {
    EXPECT_THAT(
        MethodsRevealing(client_->channel(), client_->TokenFor(other), ids, kMarker, &calls),
        IsEmpty())
        << other;
  }
  EXPECT_GT(calls, 150);
  // Not in the database file either.
  std::ifstream in(dir_.File("tandem.db-wal"), std::ios::binary);
  std::ostringstream wal;
  wal << in.rdbuf();
  EXPECT_FALSE(absl::StrContains(wal.str(), kMarker));

  // The supervisor acknowledges it with what was done; the coach sees that.
  v1::AcknowledgeConcernRequest ack;
  ack.set_concern_id(raised.id());
  ack.set_action_taken("Spoke with them the same day and referred them to their GP.");
  v1::AcknowledgeConcernResponse acked;
  EXPECT_EQ(
      safeguarding_->AcknowledgeConcern(Client::Context(coach_).get(), ack, &acked).error_code(),
      grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(
      safeguarding_->AcknowledgeConcern(Client::Context(supervisor).get(), ack, &acked).ok());
  EXPECT_GT(acked.concern().acknowledged_at_unix(), 0);
  const auto mine = Concerns(coach_);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_GT(mine[0].acknowledged_at_unix(), 0);
  EXPECT_TRUE(mine[0].action_taken().empty());

  // The coordinator sees who read it and when, not what it says.
  v1::ListAuditTrailResponse audit;
  ASSERT_TRUE(safeguarding_->ListAuditTrail(Client::Context(coordinator_).get(), {}, &audit).ok());
  int reads = 0;
  for (const auto& entry : audit.entries()) {
    EXPECT_FALSE(absl::StrContains(entry.what(), kMarker));
    EXPECT_FALSE(absl::StrContains(entry.what(), coachee.account().display_name()));
    if (entry.what() == absl::StrCat("read a safeguarding concern raised on ",
                                     UtcDayInWords(raised.raised_at_unix()))) {
      ++reads;
      EXPECT_EQ(entry.account_name(), "Simon Fairweather");
    }
  }
  EXPECT_GE(reads, 2);
}

TEST_F(SafeguardingIntegrationTest, AnUnacknowledgedConcernGoesToTheSafeguardingLead) {
  // No working days to wait: escalated as soon as it is raised.
  Start({"--concern-escalation-working-days=0"});
  v1::SetSupervisorRequest set;
  set.set_coach_id(AccountId(coach_));
  set.set_supervisor_id(AccountId(client_->TokenFor(kDemoSupervisor)));
  v1::SetSupervisorResponse done;
  ASSERT_TRUE(safeguarding_->SetSupervisor(Client::Context(coordinator_).get(), set, &done).ok());
  v1::Concern raised;
  ASSERT_TRUE(Raise(&raised).ok());

  // The demo names the coordinator as the lead; naming them again is fine.
  v1::SetSafeguardingLeadRequest lead;
  lead.set_organisation_id(1);
  lead.set_account_id(AccountId(coordinator_));
  v1::SetSafeguardingLeadResponse named;
  ASSERT_TRUE(
      safeguarding_->SetSafeguardingLead(Client::Context(coordinator_).get(), lead, &named).ok());
  const auto escalated = Concerns(coordinator_);
  ASSERT_EQ(escalated.size(), 1u);
  EXPECT_TRUE(escalated[0].escalated());
  EXPECT_EQ(escalated[0].your_part(), "safeguarding lead");
  EXPECT_THAT(escalated[0].description(), HasSubstr(kMarker));
}

}  // namespace
}  // namespace tandem::testing
