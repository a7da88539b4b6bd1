// Requests and matching over real gRPC against the real server with demo
// data: the whole journey (ask to be matched, suggestions with reasons, pick
// one, the member accepts), validation and roles, the coordinator's waiting
// list, batch proposal and confirmation, and capacity under racing accepts.

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/client.h"
#include "tests/support/demo_server_test.h"

namespace tandem::testing {
namespace {

using ::testing::Contains;
using ::testing::Each;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

v1::RequestDetails Coaching(const std::string& theme = "leadership") {
  v1::RequestDetails d;
  d.set_kind(v1::SUPPORT_KIND_COACHING);
  d.set_gap("I have just become a ward manager and want to lead my team well.");
  d.add_themes(theme);
  d.set_delivery_mode(v1::DELIVERY_MODE_VIDEO);
  return d;
}

class MatchingIntegrationTest : public DemoServerTest {
 protected:
  grpc::Status Create(const std::string& token, const v1::RequestDetails& details,
                      int64_t member_id, v1::SupportRequest* out = nullptr) {
    v1::CreateRequestRequest request;
    *request.mutable_details() = details;
    request.set_member_id(member_id);
    v1::CreateRequestResponse response;
    const grpc::Status status =
        client_.matching().CreateRequest(Client::Context(token).get(), request, &response);
    if (out != nullptr) *out = response.request();
    return status;
  }

  grpc::Status Answer(const std::string& token, int64_t id, bool accept,
                      const std::string& reason = "", v1::SupportRequest* out = nullptr) {
    v1::AnswerRequestRequest request;
    request.set_request_id(id);
    request.set_accept(accept);
    request.set_decline_reason(reason);
    v1::AnswerRequestResponse response;
    const grpc::Status status =
        client_.matching().AnswerRequest(Client::Context(token).get(), request, &response);
    if (out != nullptr) *out = response.request();
    return status;
  }

  v1::Profile Profile(const std::string& token, int64_t id) {
    v1::GetProfileRequest request;
    request.set_account_id(id);
    v1::GetProfileResponse response;
    const grpc::Status status =
        client_.directory().GetProfile(Client::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.profile();
  }

  std::vector<v1::SupportRequest> Inbox(const std::string& token) {
    v1::ListInboxResponse response;
    const grpc::Status status =
        client_.matching().ListInbox(Client::Context(token).get(), {}, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.requests().begin(), response.requests().end()};
  }

  /// A listed mentor (pay band 9) with `capacity` places, signed in.
  Person ListedMentor(const std::string& email, int capacity) {
    Person mentor = NewPerson(email, v1::ROLE_MENTOR);
    v1::SaveMyProfileRequest profile;
    profile.set_kind(v1::PROFILE_KIND_MENTOR);
    profile.set_headline("Mentoring for future leaders");
    profile.add_specialisms("career_planning");
    profile.add_delivery_modes(v1::DELIVERY_MODE_PHONE);
    profile.add_languages("English");
    profile.set_availability(v1::AVAILABILITY_ACCEPTING);
    profile.set_capacity(capacity);
    profile.set_pay_band(v1::PAY_BAND_9);
    v1::SaveMyProfileResponse saved;
    EXPECT_TRUE(client_.directory()
                    .SaveMyProfile(Client::Context(mentor.token).get(), profile, &saved)
                    .ok());
    v1::ReviewApplicationRequest review;
    review.set_account_id(mentor.id);
    review.set_approve(true);
    v1::ReviewApplicationResponse reviewed;
    EXPECT_TRUE(
        client_.directory()
            .ReviewApplication(Client::Context(Token(kDemoCoordinator)).get(), review, &reviewed)
            .ok());
    return mentor;
  }
};

TEST_F(MatchingIntegrationTest, CoacheeIsMatchedPicksASuggestionAndTheCoachAccepts) {
  const std::string coachee = Token(kDemoCoachee);
  v1::SupportRequest request;
  ASSERT_TRUE(Create(coachee, Coaching(), 0, &request).ok());
  EXPECT_EQ(request.status(), v1::REQUEST_STATUS_WAITING);
  EXPECT_EQ(request.coachee_name(), "Emily Carter");

  v1::SuggestMatchesRequest suggest;
  suggest.set_request_id(request.id());
  v1::SuggestMatchesResponse suggestions;
  ASSERT_TRUE(client_.matching()
                  .SuggestMatches(Client::Context(coachee).get(), suggest, &suggestions)
                  .ok());
  ASSERT_EQ(suggestions.suggestions_size(), 5);
  EXPECT_GE(suggestions.eligible_count(), 5);
  int previous = 1 << 30;
  for (const auto& s : suggestions.suggestions()) {
    EXPECT_LE(s.score(), previous);
    previous = s.score();
    EXPECT_GT(s.max_score(), 0);
    EXPECT_LE(s.score(), s.max_score());
    EXPECT_THAT(s.reasons(), Not(IsEmpty()));
    EXPECT_TRUE(s.profile().accepting());
    EXPECT_TRUE(s.profile().contact_email().empty());  // private to the member
  }
  // The coachee reads the reasons about themselves ("your theme"); a
  // coordinator of their organisation gets the same suggestions and scores,
  // the reasons about the coachee ("their theme").
  const auto reasons_of = [](const v1::SuggestMatchesResponse& response) {
    std::vector<std::string> all;
    for (const auto& s : response.suggestions())
      all.insert(all.end(), s.reasons().begin(), s.reasons().end());
    return all;
  };
  EXPECT_THAT(reasons_of(suggestions), Contains("your theme"));
  v1::SuggestMatchesResponse for_coordinator;
  ASSERT_TRUE(
      client_.matching()
          .SuggestMatches(Client::Context(Token(kDemoCoordinator)).get(), suggest, &for_coordinator)
          .ok());
  ASSERT_EQ(for_coordinator.suggestions_size(), suggestions.suggestions_size());
  for (int i = 0; i < suggestions.suggestions_size(); ++i) {
    EXPECT_EQ(for_coordinator.suggestions(i).profile().account_id(),
              suggestions.suggestions(i).profile().account_id());
    EXPECT_EQ(for_coordinator.suggestions(i).score(), suggestions.suggestions(i).score());
  }
  EXPECT_THAT(reasons_of(for_coordinator), Contains("their theme"));
  EXPECT_THAT(reasons_of(for_coordinator), Each(Not(HasSubstr("your"))));
  const int64_t member_id = suggestions.suggestions(0).profile().account_id();

  v1::ChooseMemberRequest choose;
  choose.set_request_id(request.id());
  choose.set_member_id(member_id);
  v1::ChooseMemberResponse chosen;
  ASSERT_TRUE(
      client_.matching().ChooseMember(Client::Context(coachee).get(), choose, &chosen).ok());
  EXPECT_EQ(chosen.request().status(), v1::REQUEST_STATUS_PENDING);
  EXPECT_EQ(chosen.request().origin(), v1::REQUEST_ORIGIN_CHOSEN);
  EXPECT_GT(chosen.request().answer_due_at_unix(), chosen.request().created_at_unix());

  // The coach signs in (their email is visible to the coordinator) and accepts.
  const v1::Profile before = Profile(Token(kDemoCoordinator), member_id);
  const std::string coach = client_.TokenFor(before.contact_email());
  ASSERT_FALSE(coach.empty());
  const auto inbox = Inbox(coach);
  ASSERT_TRUE(std::any_of(inbox.begin(), inbox.end(), [&](const v1::SupportRequest& r) {
    return r.id() == request.id() && r.details().gap() == Coaching().gap();
  }));
  v1::SupportRequest accepted;
  ASSERT_TRUE(Answer(coach, request.id(), true, "", &accepted).ok());
  EXPECT_EQ(accepted.status(), v1::REQUEST_STATUS_ACCEPTED);
  EXPECT_GT(accepted.relationship_id(), 0);
  const v1::Profile after = Profile(Token(kDemoCoordinator), member_id);
  EXPECT_EQ(after.current_load(), before.current_load() + 1);
  EXPECT_GE(after.usual_answer_hours(), 1);

  v1::ListMyRequestsResponse mine;
  ASSERT_TRUE(client_.matching().ListMyRequests(Client::Context(coachee).get(), {}, &mine).ok());
  ASSERT_GE(mine.requests_size(), 1);
  EXPECT_EQ(mine.requests(0).status(), v1::REQUEST_STATUS_ACCEPTED);
  EXPECT_EQ(mine.requests(0).member_id(), member_id);
  EXPECT_EQ(mine.requests(0).member_name(), before.display_name());
}

TEST_F(MatchingIntegrationTest, BadInputAndWrongRolesAreRefusedClearly) {
  const Person coachee = NewPerson("validation.coachee@northvale.example", v1::ROLE_COACHEE);
  v1::RequestDetails details = Coaching();
  details.set_kind(v1::SUPPORT_KIND_UNSPECIFIED);
  grpc::Status status = Create(coachee.token, details, 0);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("kind:"));
  details = Coaching();
  details.set_gap("help");
  status = Create(coachee.token, details, 0);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("gap:"));
  details = Coaching();
  details.set_kind(v1::SUPPORT_KIND_MENTORING);
  status = Create(coachee.token, details, 0);
  EXPECT_THAT(status.error_message(), HasSubstr("pay_band:"));

  v1::ListWaitingResponse waiting;
  EXPECT_EQ(client_.matching()
                .ListWaiting(Client::Context(coachee.token).get(), {}, &waiting)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::ListInboxResponse inbox;
  EXPECT_EQ(
      client_.matching().ListInbox(Client::Context(coachee.token).get(), {}, &inbox).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(client_.matching().ListInbox(Client::Context().get(), {}, &inbox).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::UpdateMatchWeightsRequest weights;
  weights.set_organisation_id(1);
  v1::UpdateMatchWeightsResponse updated;
  status = client_.matching().UpdateMatchWeights(Client::Context(Token(kDemoCoordinator)).get(),
                                                 weights, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("weights"));

  // Two open coaching requests: the second is refused with what to do.
  ASSERT_TRUE(Create(coachee.token, Coaching(), 0).ok());
  status = Create(coachee.token, Coaching(), 0);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("Withdraw it first"));
}

TEST_F(MatchingIntegrationTest, CoordinatorPagesTheWaitingListProposesAndConfirms) {
  const std::string coordinator = Token(kDemoCoordinator);
  std::set<int64_t> seen;
  int total = -1;
  std::string token;
  int64_t previous_since = 0;
  do {
    v1::ListWaitingRequest request;
    request.set_page_size(5);
    request.set_page_token(token);
    v1::ListWaitingResponse page;
    ASSERT_TRUE(
        client_.matching().ListWaiting(Client::Context(coordinator).get(), request, &page).ok());
    if (total < 0) total = page.total_count();
    EXPECT_EQ(page.total_count(), total);
    for (const auto& r : page.requests()) {
      EXPECT_TRUE(seen.insert(r.id()).second) << "duplicate " << r.id();
      EXPECT_EQ(r.status(), v1::REQUEST_STATUS_WAITING);
      EXPECT_GE(r.waiting_since_unix(), previous_since);  // longest waiting first
      previous_since = r.waiting_since_unix();
    }
    token = page.next_page_token();
  } while (!token.empty());
  EXPECT_GE(total, 10);
  EXPECT_EQ(static_cast<int>(seen.size()), total);

  v1::ProposeMatchesResponse proposal;
  ASSERT_TRUE(
      client_.matching().ProposeMatches(Client::Context(coordinator).get(), {}, &proposal).ok());
  ASSERT_GE(proposal.pairs_size(), 3);
  EXPECT_EQ(proposal.pairs_size() + proposal.unmatched_size(), total);
  int64_t sum = 0;
  for (const auto& pair : proposal.pairs()) {
    sum += pair.score();
    EXPECT_FALSE(pair.member_name().empty());
    EXPECT_THAT(pair.reasons(), Not(IsEmpty()));
    EXPECT_THAT(pair.reasons(), Each(Not(HasSubstr("your"))));  // a coordinator reads them
    EXPECT_GT(pair.max_score(), 0);
    EXPECT_LE(pair.score(), pair.max_score());
  }
  EXPECT_EQ(sum, proposal.total_score());
  EXPECT_GT(proposal.members_considered(), 10);

  v1::ConfirmMatchesRequest confirm;
  for (int i = 0; i < 3; ++i) {
    auto* pair = confirm.add_pairs();
    pair->set_request_id(proposal.pairs(i).request().id());
    pair->set_member_id(proposal.pairs(i).member_id());
  }
  v1::ConfirmMatchesResponse confirmed;
  ASSERT_TRUE(client_.matching()
                  .ConfirmMatches(Client::Context(coordinator).get(), confirm, &confirmed)
                  .ok());
  EXPECT_EQ(confirmed.confirmed_count(), 3);
  // Confirming the same pair again is refused for that pair, in words.
  v1::ConfirmMatchesResponse again;
  ASSERT_TRUE(
      client_.matching().ConfirmMatches(Client::Context(coordinator).get(), confirm, &again).ok());
  EXPECT_EQ(again.confirmed_count(), 0);
  EXPECT_THAT(again.outcomes(0).problem(), HasSubstr("no longer waiting"));

  v1::ListWaitingResponse after;
  ASSERT_TRUE(client_.matching().ListWaiting(Client::Context(coordinator).get(), {}, &after).ok());
  EXPECT_EQ(after.total_count(), total - 3);
}

TEST_F(MatchingIntegrationTest, RacingAcceptsNeverOverfillAMentor) {
  const Person mentor = ListedMentor("race.mentor@northvale.example", 2);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    const Person mentee =
        NewPerson(absl::StrCat("race.mentee", i, "@northvale.example"), v1::ROLE_COACHEE);
    v1::RequestDetails details = Coaching("career_planning");
    details.set_kind(v1::SUPPORT_KIND_MENTORING);
    details.set_pay_band(v1::PAY_BAND_5);
    v1::SupportRequest request;
    const grpc::Status status = Create(mentee.token, details, mentor.id, &request);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ids.push_back(request.id());
  }
  ASSERT_EQ(Inbox(mentor.token).size(), 5u);
  std::atomic<int> accepted{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int64_t id : ids) {
    threads.emplace_back([&, id] {
      Client client(server().address());
      v1::AnswerRequestRequest request;
      request.set_request_id(id);
      request.set_accept(true);
      v1::AnswerRequestResponse response;
      const grpc::Status status =
          client.matching().AnswerRequest(Client::Context(mentor.token).get(), request, &response);
      if (status.ok()) {
        ++accepted;
      } else if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
        ++refused;
      } else {
        ADD_FAILURE() << status.error_message();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted.load(), 2);
  EXPECT_EQ(refused.load(), 3);
  EXPECT_EQ(Profile(Token(kDemoCoordinator), mentor.id).current_load(), 2);
  EXPECT_TRUE(Inbox(mentor.token).empty());  // the rest went back to the waiting list

  // Nor can the mentor lower their capacity below the people they work with.
  v1::GetMyProfileResponse mine;
  ASSERT_TRUE(
      client_.directory().GetMyProfile(Client::Context(mentor.token).get(), {}, &mine).ok());
  v1::SaveMyProfileRequest save;
  save.set_kind(mine.profile().kind());
  save.set_headline(mine.profile().headline());
  save.mutable_specialisms()->CopyFrom(mine.profile().specialisms());
  save.mutable_delivery_modes()->CopyFrom(mine.profile().delivery_modes());
  save.mutable_languages()->CopyFrom(mine.profile().languages());
  save.set_availability(v1::AVAILABILITY_FULL);
  save.set_pay_band(mine.profile().pay_band());
  save.set_capacity(1);
  v1::SaveMyProfileResponse saved;
  grpc::Status status =
      client_.directory().SaveMyProfile(Client::Context(mentor.token).get(), save, &saved);
  EXPECT_THAT(status.error_message(), HasSubstr("capacity: cannot be below the 2 people"));
  save.set_capacity(2);
  status = client_.directory().SaveMyProfile(Client::Context(mentor.token).get(), save, &saved);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(MatchingIntegrationTest, DeclinedRequestShowsTheReasonAndSeniorityIsShown) {
  const Person mentor = ListedMentor("decline.mentor@northvale.example", 2);
  const Person mentee = NewPerson("decline.mentee@northvale.example", v1::ROLE_COACHEE);
  v1::RequestDetails details = Coaching("career_planning");
  details.set_kind(v1::SUPPORT_KIND_MENTORING);
  details.set_pay_band(v1::PAY_BAND_6);
  v1::SupportRequest request;
  ASSERT_TRUE(Create(mentee.token, details, mentor.id, &request).ok());
  // The mentee's band (6) is now known: band 9 is more senior.
  EXPECT_TRUE(Profile(mentee.token, mentor.id).more_senior_than_you());
  EXPECT_EQ(Profile(mentee.token, mentor.id).pay_band(), v1::PAY_BAND_UNSPECIFIED);

  grpc::Status status = Answer(mentor.token, request.id(), false, "");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("decline_reason:"));
  v1::SupportRequest declined;
  ASSERT_TRUE(
      Answer(mentor.token, request.id(), false, "I am on leave for two months.", &declined).ok());
  EXPECT_EQ(declined.status(), v1::REQUEST_STATUS_DECLINED);
  v1::ListMyRequestsResponse mine;
  ASSERT_TRUE(
      client_.matching().ListMyRequests(Client::Context(mentee.token).get(), {}, &mine).ok());
  ASSERT_EQ(mine.requests_size(), 1);
  EXPECT_EQ(mine.requests(0).decline_reason(), "I am on leave for two months.");
  // Answering twice is refused.
  EXPECT_EQ(Answer(mentor.token, request.id(), true).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Withdrawing a closed request is refused; a new one can be made.
  v1::WithdrawRequestRequest withdraw;
  withdraw.set_request_id(request.id());
  v1::WithdrawRequestResponse withdrawn;
  EXPECT_EQ(client_.matching()
                .WithdrawRequest(Client::Context(mentee.token).get(), withdraw, &withdrawn)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(Create(mentee.token, details, 0).ok());
}

}  // namespace
}  // namespace tandem::testing
