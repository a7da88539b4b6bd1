#pragma once

#include <signal.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tandem/v1/relationships.grpc.pb.h"
#include "tandem/v1/safeguarding.grpc.pb.h"
#include "tests/support/client.h"
#include "tests/support/server_process.h"

namespace tandem::testing {

/// A fixture with its own demo server per test (so a test may SIGKILL it)
/// and one new relationship: the demo coach has accepted the first request
/// in their inbox, so it is CONTRACTING.
class RelationshipServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Start();
    const Client::Accepted accepted = client_->AcceptFirstInboxRequest(coach_);
    ASSERT_GT(accepted.relationship_id, 0);
    relationship_id_ = accepted.relationship_id;
    coachee_ = accepted.coachee_token;
  }

  std::string Db() const { return dir_.File("tandem.db"); }

  /// The coach sets coaching terms of `sessions` sessions and both agree:
  /// the relationship is ACTIVE.
  void MakeActive(int sessions) {
    v1::SetContractTermsRequest terms;
    terms.set_relationship_id(relationship_id_);
    terms.mutable_terms()->set_number_of_sessions(sessions);
    terms.mutable_terms()->set_session_minutes(60);
    terms.mutable_terms()->set_regularity(v1::SESSION_REGULARITY_MONTHLY);
    terms.mutable_terms()->set_planned_end_on(
        absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24 * 120), absl::UTCTimeZone()));
    v1::SetContractTermsResponse set;
    ASSERT_TRUE(relationships_->SetContractTerms(Client::Context(coach_).get(), terms, &set).ok());
    v1::AgreeContractResponse agreed;
    for (const auto& [token, told] : {std::pair{coachee_, v1::LINE_MANAGER_TOLD_YES},
                                      std::pair{coach_, v1::LINE_MANAGER_TOLD_UNSPECIFIED}}) {
      v1::AgreeContractRequest agree;
      agree.set_relationship_id(relationship_id_);
      agree.set_confidentiality_acknowledged(true);
      agree.set_ethics_acknowledged(true);
      agree.set_line_manager_told(told);
      ASSERT_TRUE(relationships_->AgreeContract(Client::Context(token).get(), agree, &agreed).ok());
    }
    ASSERT_EQ(agreed.relationship().state(), v1::RELATIONSHIP_STATE_ACTIVE);
  }

  /// Kills the server with SIGKILL and starts it again on the same files.
  void KillAndRestart() {
    server_->Stop(SIGKILL);
    Start();
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<Client> client_;
  std::unique_ptr<v1::RelationshipService::Stub> relationships_;
  std::unique_ptr<v1::SafeguardingService::Stub> safeguarding_;
  std::string coach_;
  std::string coachee_;
  int64_t relationship_id_ = 0;

 private:
  void Start() {
    server_ = std::make_unique<ServerProcess>(Db(), std::vector<std::string>{"--demo-data"});
    client_ = std::make_unique<Client>(server_->address());
    relationships_ = v1::RelationshipService::NewStub(client_->channel());
    safeguarding_ = v1::SafeguardingService::NewStub(client_->channel());
    coach_ = client_->TokenFor(kDemoCoach);
  }
};

}  // namespace tandem::testing
