// Relationships over real gRPC against the real server with demo data: an
// accepted request starts contracting; the coach sets the terms, both agree,
// the contract is reviewed and completed, which frees the coach's place;
// who may see and do what.

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tandem/v1/relationships.grpc.pb.h"
#include "tests/support/client.h"
#include "tests/support/demo_server_test.h"

namespace tandem::testing {
namespace {

using ::testing::HasSubstr;

std::string InDays(int days) {
  return absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24) * days, absl::UTCTimeZone());
}

class RelationshipIntegrationTest : public DemoServerTest {
 protected:
  RelationshipIntegrationTest()
      : relationships_(v1::RelationshipService::NewStub(client_.channel())) {}

  /// Accepts the first request in the demo coach's inbox; returns the
  /// relationship and the coachee's token.
  std::pair<int64_t, std::string> AcceptOne() {
    const Client::Accepted accepted = client_.AcceptFirstInboxRequest(Token(kDemoCoach));
    return {accepted.relationship_id, accepted.coachee_token};
  }

  grpc::Status Get(const std::string& token, int64_t id, v1::Relationship* out = nullptr) {
    v1::GetRelationshipRequest request;
    request.set_relationship_id(id);
    v1::GetRelationshipResponse response;
    const grpc::Status status =
        relationships_->GetRelationship(Client::Context(token).get(), request, &response);
    if (out != nullptr) *out = response.relationship();
    return status;
  }

  grpc::Status Agree(const std::string& token, int64_t id, v1::LineManagerTold told,
                     v1::Relationship* out = nullptr) {
    v1::AgreeContractRequest request;
    request.set_relationship_id(id);
    request.set_confidentiality_acknowledged(true);
    request.set_ethics_acknowledged(true);
    request.set_line_manager_told(told);
    v1::AgreeContractResponse response;
    const grpc::Status status =
        relationships_->AgreeContract(Client::Context(token).get(), request, &response);
    if (out != nullptr) *out = response.relationship();
    return status;
  }

  int CoachLoad() {
    v1::GetMyProfileResponse mine;
    EXPECT_TRUE(
        client_.directory().GetMyProfile(Client::Context(Token(kDemoCoach)).get(), {}, &mine).ok());
    return mine.profile().current_load();
  }

  std::unique_ptr<v1::RelationshipService::Stub> relationships_;
};

TEST_F(RelationshipIntegrationTest, ContractingToCompletionWithTheRightPartyAtEachStep) {
  const int load_before = CoachLoad();
  const auto [id, coachee] = AcceptOne();
  ASSERT_GT(id, 0);
  ASSERT_FALSE(coachee.empty());
  const std::string coach = Token(kDemoCoach);
  EXPECT_EQ(CoachLoad(), load_before + 1);

  v1::Relationship r;
  ASSERT_TRUE(Get(coachee, id, &r).ok());
  EXPECT_EQ(r.state(), v1::RELATIONSHIP_STATE_CONTRACTING);
  EXPECT_EQ(r.your_part(), "coachee");
  EXPECT_EQ(r.member_name(), "Grace Mwangi");

  // Strangers see nothing; the coordinator sees it, not as a party.
  EXPECT_EQ(Get(Token(kDemoMentor), id).error_code(), grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(Get(Token(kDemoCoordinator), id, &r).ok());
  EXPECT_EQ(r.your_part(), "");

  // Agreeing before there are terms, or setting terms as the coachee, is refused.
  EXPECT_EQ(Agree(coachee, id, v1::LINE_MANAGER_TOLD_YES).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  v1::SetContractTermsRequest terms;
  terms.set_relationship_id(id);
  terms.mutable_terms()->set_number_of_sessions(6);
  terms.mutable_terms()->set_session_minutes(60);
  terms.mutable_terms()->set_regularity(v1::SESSION_REGULARITY_MONTHLY);
  terms.mutable_terms()->set_planned_end_on(InDays(180));
  v1::SetContractTermsResponse set;
  EXPECT_EQ(
      relationships_->SetContractTerms(Client::Context(coachee).get(), terms, &set).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  terms.mutable_terms()->set_planned_end_on("31/12/2027");
  grpc::Status status = relationships_->SetContractTerms(Client::Context(coach).get(), terms, &set);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("planned_end_on:"));
  terms.mutable_terms()->set_planned_end_on(InDays(180));
  ASSERT_TRUE(relationships_->SetContractTerms(Client::Context(coach).get(), terms, &set).ok());
  EXPECT_TRUE(set.relationship().contract().terms_set());

  status = Agree(coachee, id, v1::LINE_MANAGER_TOLD_UNSPECIFIED);
  EXPECT_THAT(status.error_message(), HasSubstr("line_manager_told:"));
  ASSERT_TRUE(Agree(coachee, id, v1::LINE_MANAGER_TOLD_NOT_YET, &r).ok());
  EXPECT_EQ(r.state(), v1::RELATIONSHIP_STATE_CONTRACTING);
  ASSERT_TRUE(Agree(coach, id, v1::LINE_MANAGER_TOLD_UNSPECIFIED, &r).ok());
  EXPECT_EQ(r.state(), v1::RELATIONSHIP_STATE_ACTIVE);
  EXPECT_GT(r.contract().coachee().agreed_at_unix(), 0);
  EXPECT_EQ(r.contract().line_manager_told(), v1::LINE_MANAGER_TOLD_NOT_YET);

  v1::ReviewContractRequest review;
  review.set_relationship_id(id);
  review.set_number_of_sessions(8);
  review.set_planned_end_on(InDays(240));
  review.set_reason("Two more sessions for the last goal.");
  v1::ReviewContractResponse reviewed;
  EXPECT_EQ(relationships_->ReviewContract(Client::Context(coachee).get(), review, &reviewed)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(relationships_->ReviewContract(Client::Context(coach).get(), review, &reviewed).ok());
  EXPECT_EQ(reviewed.relationship().contract().terms().number_of_sessions(), 8);

  v1::CompleteRelationshipRequest complete;
  complete.set_relationship_id(id);
  v1::CompleteRelationshipResponse completed;
  EXPECT_EQ(
      relationships_->CompleteRelationship(Client::Context(coachee).get(), complete, &completed)
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(
      relationships_->CompleteRelationship(Client::Context(coach).get(), complete, &completed)
          .ok());
  EXPECT_EQ(completed.relationship().state(), v1::RELATIONSHIP_STATE_COMPLETED);
  EXPECT_EQ(CoachLoad(), load_before);  // the place is free again

  // The history says who did what, in order.
  ASSERT_TRUE(Get(coachee, id, &r).ok());
  ASSERT_EQ(r.history_size(), 5);
  EXPECT_EQ(r.history(0).event(), "set the contract");
  EXPECT_EQ(r.history(0).by_name(), "Grace Mwangi");
  EXPECT_EQ(r.history(3).reason(), "Two more sessions for the last goal.");
  EXPECT_EQ(r.history(4).to_state(), v1::RELATIONSHIP_STATE_COMPLETED);

  v1::ListMyRelationshipsResponse mine;
  ASSERT_TRUE(relationships_->ListMyRelationships(Client::Context(coachee).get(), {}, &mine).ok());
  ASSERT_GE(mine.relationships_size(), 1);
  EXPECT_EQ(mine.relationships(0).id(), id);
}

TEST_F(RelationshipIntegrationTest, ACoordinatorCanEndOneEarlyWithAReason) {
  const auto [id, coachee] = AcceptOne();
  ASSERT_GT(id, 0);
  v1::EndRelationshipRequest end;
  end.set_relationship_id(id);
  v1::EndRelationshipResponse ended;
  grpc::Status status =
      relationships_->EndRelationship(Client::Context(Token(kDemoCoordinator)).get(), end, &ended);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("reason:"));
  end.set_reason("The coachee has moved to another trust.");
  EXPECT_EQ(relationships_->EndRelationship(Client::Context(Token(kDemoMentor)).get(), end, &ended)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(
      relationships_->EndRelationship(Client::Context(Token(kDemoCoordinator)).get(), end, &ended)
          .ok());
  EXPECT_EQ(ended.relationship().state(), v1::RELATIONSHIP_STATE_ENDED_EARLY);
  status = relationships_->EndRelationship(Client::Context(coachee).get(), end, &ended);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

}  // namespace
}  // namespace tandem::testing
