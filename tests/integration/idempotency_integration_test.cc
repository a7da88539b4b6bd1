// Every write of relationships, sessions and concerns, sent three times with
// one idempotency key — once, then twice at the same moment, as an app
// retrying after lost answers would — acts once, over real gRPC against the
// real server. Also: keys belong to their caller, a key cannot be reused
// for a different request, a refused write does not use up its key, and a
// key kept before SIGKILL still deduplicates after the restart.

#include <functional>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/relationship_server_test.h"

namespace tandem::testing {
namespace {

using ::testing::HasSubstr;

class IdempotencyIntegrationTest : public RelationshipServerTest {
 protected:
  /// Sends a request once, then twice at once; every answer must be OK.
  /// Returns the last answer.
  template <typename Response>
  Response Thrice(const std::function<grpc::Status(Response*)>& send) {
    Response response;
    const grpc::Status first = send(&response);
    EXPECT_TRUE(first.ok()) << first.error_message();
    std::vector<std::thread> retries;
    for (int i = 0; i < 2; ++i) {
      retries.emplace_back([&] {
        Response again;
        const grpc::Status status = send(&again);
        EXPECT_TRUE(status.ok()) << status.error_message();
      });
    }
    for (auto& t : retries) t.join();
    return response;
  }

  v1::Relationship Get(const std::string& token) {
    v1::GetRelationshipRequest get;
    get.set_relationship_id(relationship_id_);
    v1::GetRelationshipResponse response;
    EXPECT_TRUE(relationships_->GetRelationship(Client::Context(token).get(), get, &response).ok());
    return response.relationship();
  }

  int CoachLoad() {
    v1::GetMyProfileResponse mine;
    EXPECT_TRUE(client_->directory().GetMyProfile(Client::Context(coach_).get(), {}, &mine).ok());
    return mine.profile().current_load();
  }

  v1::SetContractTermsRequest Terms(int sessions, const std::string& key) const {
    v1::SetContractTermsRequest terms;
    terms.set_relationship_id(relationship_id_);
    terms.set_idempotency_key(key);
    terms.mutable_terms()->set_number_of_sessions(sessions);
    terms.mutable_terms()->set_session_minutes(60);
    terms.mutable_terms()->set_regularity(v1::SESSION_REGULARITY_MONTHLY);
    terms.mutable_terms()->set_planned_end_on(
        absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24 * 120), absl::UTCTimeZone()));
    return terms;
  }

  v1::AgreeContractRequest Agree(v1::LineManagerTold told, const std::string& key) const {
    v1::AgreeContractRequest agree;
    agree.set_relationship_id(relationship_id_);
    agree.set_confidentiality_acknowledged(true);
    agree.set_ethics_acknowledged(true);
    agree.set_line_manager_told(told);
    agree.set_idempotency_key(key);
    return agree;
  }

  v1::ReviewContractRequest Review(int sessions, const std::string& key) const {
    v1::ReviewContractRequest review;
    review.set_relationship_id(relationship_id_);
    review.set_number_of_sessions(sessions);
    review.set_planned_end_on(
        absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24 * 200), absl::UTCTimeZone()));
    review.set_reason("Two more sessions to finish the plan.");
    review.set_idempotency_key(key);
    return review;
  }
};

TEST_F(IdempotencyIntegrationTest, EveryWriteSentThreeTimesActsOnce) {
  const int history = Get(coach_).history_size();
  // Contracting. Without keys, agreeing again would be refused ("already
  // agreed") and terms set again would clear both agreements.
  Thrice<v1::SetContractTermsResponse>([&](auto* r) {
    return relationships_->SetContractTerms(Client::Context(coach_).get(),
                                            Terms(4, "terms-key-000000001"), r);
  });
  // Keys belong to their caller: both use the same one.
  const std::string agree_key = "agree-key-0000000001";
  Thrice<v1::AgreeContractResponse>([&](auto* r) {
    return relationships_->AgreeContract(Client::Context(coachee_).get(),
                                         Agree(v1::LINE_MANAGER_TOLD_YES, agree_key), r);
  });
  Thrice<v1::AgreeContractResponse>([&](auto* r) {
    return relationships_->AgreeContract(Client::Context(coach_).get(),
                                         Agree(v1::LINE_MANAGER_TOLD_UNSPECIFIED, agree_key), r);
  });
  v1::Relationship r = Get(coach_);
  EXPECT_EQ(r.state(), v1::RELATIONSHIP_STATE_ACTIVE);
  EXPECT_EQ(r.history_size(), history + 3);  // terms, one agreement, the other

  Thrice<v1::ReviewContractResponse>([&](auto* response) {
    return relationships_->ReviewContract(Client::Context(coach_).get(),
                                          Review(6, "review-key-00000001"), response);
  });
  r = Get(coach_);
  EXPECT_EQ(r.contract().reviews(), 1);
  EXPECT_EQ(r.contract().terms().number_of_sessions(), 6);
  EXPECT_EQ(r.history_size(), history + 4);

  // Sessions.
  v1::ProposeSessionRequest propose;
  propose.set_relationship_id(relationship_id_);
  propose.set_starts_at_unix(absl::ToUnixSeconds(absl::Now() + absl::Hours(72)));
  propose.set_planned_minutes(60);
  propose.set_mode(v1::DELIVERY_MODE_VIDEO);
  propose.set_idempotency_key("propose-key-0000001");
  const auto proposed = Thrice<v1::ProposeSessionResponse>([&](auto* response) {
    return relationships_->ProposeSession(Client::Context(coachee_).get(), propose, response);
  });
  v1::ListSessionsRequest list;
  list.set_relationship_id(relationship_id_);
  v1::ListSessionsResponse sessions;
  ASSERT_TRUE(relationships_->ListSessions(Client::Context(coach_).get(), list, &sessions).ok());
  ASSERT_EQ(sessions.sessions_size(), 1);
  const int64_t session_id = sessions.sessions(0).id();
  EXPECT_EQ(proposed.session().id(), session_id);

  v1::AcceptSessionRequest accept;
  accept.set_session_id(session_id);
  accept.set_idempotency_key("accept-key-00000001");
  EXPECT_EQ(Thrice<v1::AcceptSessionResponse>([&](auto* response) {
              return relationships_->AcceptSession(Client::Context(coach_).get(), accept, response);
            })
                .session()
                .status(),
            v1::SESSION_STATUS_ACCEPTED);
  v1::RescheduleSessionRequest move;
  move.set_session_id(session_id);
  move.set_starts_at_unix(absl::ToUnixSeconds(absl::Now() + absl::Hours(96)));
  move.set_reason("Clinic overran.");
  move.set_idempotency_key("move-key-0000000001");
  EXPECT_EQ(Thrice<v1::RescheduleSessionResponse>([&](auto* response) {
              return relationships_->RescheduleSession(Client::Context(coach_).get(), move,
                                                       response);
            })
                .session()
                .starts_at_unix(),
            move.starts_at_unix());
  v1::CancelSessionRequest cancel;
  cancel.set_session_id(session_id);
  cancel.set_reason("Off sick.");
  cancel.set_idempotency_key("cancel-key-00000001");
  EXPECT_EQ(Thrice<v1::CancelSessionResponse>([&](auto* response) {
              return relationships_->CancelSession(Client::Context(coachee_).get(), cancel,
                                                   response);
            })
                .session()
                .status(),
            v1::SESSION_STATUS_CANCELLED);

  // A concern, raised and acknowledged.
  v1::RaiseConcernRequest raise;
  raise.set_relationship_id(relationship_id_);
  raise.set_description("Said they had been hurt at home and were scared to go back.");
  raise.set_idempotency_key("raise-key-000000001");
  Thrice<v1::RaiseConcernResponse>([&](auto* response) {
    return safeguarding_->RaiseConcern(Client::Context(coach_).get(), raise, response);
  });
  const std::string supervisor = client_->TokenFor(kDemoSupervisor);
  v1::ListConcernsResponse concerns;
  ASSERT_TRUE(safeguarding_->ListConcerns(Client::Context(supervisor).get(), {}, &concerns).ok());
  ASSERT_EQ(concerns.concerns_size(), 1);
  v1::AcknowledgeConcernRequest acknowledge;
  acknowledge.set_concern_id(concerns.concerns(0).id());
  acknowledge.set_action_taken("Called them the same day; referred to the local team.");
  acknowledge.set_idempotency_key("ack-key-00000000001");
  EXPECT_EQ(Thrice<v1::AcknowledgeConcernResponse>([&](auto* response) {
              return safeguarding_->AcknowledgeConcern(Client::Context(supervisor).get(),
                                                       acknowledge, response);
            })
                .concern()
                .action_taken(),
            acknowledge.action_taken());

  // Ending gives the coach's place back once, not three times.
  const int load = CoachLoad();
  v1::EndRelationshipRequest end;
  end.set_relationship_id(relationship_id_);
  end.set_reason("Moving to another trust.");
  end.set_idempotency_key("end-key-00000000001");
  EXPECT_EQ(Thrice<v1::EndRelationshipResponse>([&](auto* response) {
              return relationships_->EndRelationship(Client::Context(coachee_).get(), end,
                                                     response);
            })
                .relationship()
                .state(),
            v1::RELATIONSHIP_STATE_ENDED_EARLY);
  EXPECT_EQ(CoachLoad(), load - 1);
  EXPECT_EQ(Get(coach_).history_size(), history + 5);
}

TEST_F(IdempotencyIntegrationTest, AKeyIsForOneRequestAndARefusalLeavesItUnused) {
  // Refused (no acknowledgements): the key is not used up, so the corrected
  // request may go with it.
  v1::SetContractTermsResponse set;
  ASSERT_TRUE(
      relationships_->SetContractTerms(Client::Context(coach_).get(), Terms(4, ""), &set).ok());
  v1::AgreeContractRequest agree = Agree(v1::LINE_MANAGER_TOLD_YES, "agree-after-fixing-01");
  agree.set_ethics_acknowledged(false);
  v1::AgreeContractResponse agreed;
  EXPECT_EQ(
      relationships_->AgreeContract(Client::Context(coachee_).get(), agree, &agreed).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
  agree.set_ethics_acknowledged(true);
  ASSERT_TRUE(relationships_->AgreeContract(Client::Context(coachee_).get(), agree, &agreed).ok());
  EXPECT_GT(agreed.relationship().contract().coachee().agreed_at_unix(), 0);

  // The same key with a different request is refused, naming the field.
  v1::AgreeContractRequest other = Agree(v1::LINE_MANAGER_TOLD_NOT_YET, "agree-after-fixing-01");
  grpc::Status status =
      relationships_->AgreeContract(Client::Context(coachee_).get(), other, &agreed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("idempotency_key: was already used"));
  // So is a key of the wrong length.
  v1::CompleteRelationshipRequest complete;
  complete.set_relationship_id(relationship_id_);
  complete.set_idempotency_key("short");
  v1::CompleteRelationshipResponse completed;
  status =
      relationships_->CompleteRelationship(Client::Context(coach_).get(), complete, &completed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("idempotency_key: must be 16 to 64"));
  // Another person's key is not a replay of theirs: the coach's step with
  // the coachee's key is the coach's own write.
  v1::SetContractTermsResponse again;
  ASSERT_TRUE(relationships_
                  ->SetContractTerms(Client::Context(coach_).get(),
                                     Terms(5, "agree-after-fixing-01"), &again)
                  .ok());
  EXPECT_EQ(again.relationship().contract().terms().number_of_sessions(), 5);
}

TEST_F(IdempotencyIntegrationTest, AKeyKeptBeforeSigkillStillDeduplicatesAfterRestart) {
  MakeActive(4);
  v1::ReviewContractResponse reviewed;
  ASSERT_TRUE(relationships_
                  ->ReviewContract(Client::Context(coach_).get(),
                                   Review(6, "review-before-crash-1"), &reviewed)
                  .ok());
  KillAndRestart();
  // The app never saw the answer and sends the review again.
  ASSERT_TRUE(relationships_
                  ->ReviewContract(Client::Context(coach_).get(),
                                   Review(6, "review-before-crash-1"), &reviewed)
                  .ok());
  EXPECT_EQ(reviewed.relationship().contract().reviews(), 1);
  // A new key is a new review.
  ASSERT_TRUE(relationships_
                  ->ReviewContract(Client::Context(coach_).get(),
                                   Review(8, "review-after-restart-1"), &reviewed)
                  .ok());
  EXPECT_EQ(reviewed.relationship().contract().reviews(), 2);
}

}  // namespace
}  // namespace tandem::testing
