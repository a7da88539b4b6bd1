// The directory over real gRPC: search filters, text, pagination under
// concurrent inserts, listing rules, visibility per role, the pool's life
// cycle and validation.

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/client.h"
#include "tests/support/demo_server_test.h"
#include "tests/support/server_process.h"

namespace tandem::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string Today(int offset_days = 0) {
  return absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24) * offset_days,
                          absl::UTCTimeZone());
}

v1::SaveMyProfileRequest CoachProfile(const std::string& headline = "Coaching for new managers") {
  v1::SaveMyProfileRequest r;
  r.set_kind(v1::PROFILE_KIND_COACH);
  r.set_headline(headline);
  r.set_bio("I coach people into their first leadership role.");
  r.add_specialisms("new_to_management");
  r.add_specialisms("leadership");
  r.add_professions("Nursing");
  r.set_site("Zephyr Wing");
  r.add_delivery_modes(v1::DELIVERY_MODE_VIDEO);
  r.add_languages("English");
  r.set_availability(v1::AVAILABILITY_ACCEPTING);
  r.set_capacity(3);
  r.set_last_supervision_on(Today(-10));
  return r;
}

class DirectoryIntegrationTest : public DemoServerTest {
 protected:
  grpc::Status Search(const std::string& email, const v1::SearchProfilesRequest& request,
                      v1::SearchProfilesResponse* response) {
    return client_.directory().SearchProfiles(Client::Context(Token(email)).get(), request,
                                              response);
  }

  // Every profile a search finds, across all pages.
  std::vector<v1::Profile> SearchAll(const std::string& email, v1::SearchProfilesRequest request) {
    std::vector<v1::Profile> all;
    request.set_page_size(50);
    int total = -1;
    for (int page = 0; page < 100; ++page) {
      v1::SearchProfilesResponse response;
      const grpc::Status status = Search(email, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      if (total < 0) total = response.total_count();
      EXPECT_EQ(response.total_count(), total);  // carried across pages
      all.insert(all.end(), response.profiles().begin(), response.profiles().end());
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    EXPECT_EQ(static_cast<int>(all.size()), total);  // the count agrees with the pages
    return all;
  }

  v1::Profile Save(const std::string& token, const v1::SaveMyProfileRequest& request) {
    v1::SaveMyProfileResponse response;
    const grpc::Status status =
        client_.directory().SaveMyProfile(Client::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.profile();
  }

  grpc::Status Review(int64_t id, bool approve, const std::string& reason = "",
                      v1::Profile* out = nullptr) {
    v1::ReviewApplicationRequest request;
    request.set_account_id(id);
    request.set_approve(approve);
    request.set_decline_reason(reason);
    v1::ReviewApplicationResponse response;
    const grpc::Status status = client_.directory().ReviewApplication(
        Client::Context(Token(kDemoCoordinator)).get(), request, &response);
    if (out != nullptr) *out = response.profile();
    return status;
  }

  v1::Profile AddQualification(const std::string& token, v1::QualificationType type) {
    v1::AddMyQualificationRequest request;
    request.set_type(type);
    request.set_title("ILM Level 7 Certificate in Executive Coaching");
    request.set_awarded_on(Today(-400));
    request.set_evidence("Certificate 42");
    v1::AddMyQualificationResponse response;
    const grpc::Status status =
        client_.directory().AddMyQualification(Client::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.profile();
  }

  v1::Profile Verify(int64_t qualification_id, bool verified = true) {
    v1::VerifyQualificationRequest request;
    request.set_qualification_id(qualification_id);
    request.set_verified(verified);
    v1::VerifyQualificationResponse response;
    const grpc::Status status = client_.directory().VerifyQualification(
        Client::Context(Token(kDemoCoordinator)).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.profile();
  }

  // A listed coach: applied, qualification verified, approved.
  Person ListedCoach(const std::string& email, const v1::SaveMyProfileRequest& profile) {
    Person person = NewPerson(email, v1::ROLE_COACH);
    Save(person.token, profile);
    const v1::Profile with_qualification =
        AddQualification(person.token, v1::QUALIFICATION_TYPE_ILM_LEVEL_7);
    Verify(with_qualification.qualifications(0).id());
    EXPECT_TRUE(Review(person.id, true).ok());
    return person;
  }

  grpc::Status GetProfile(const std::string& token, int64_t id, v1::Profile* out = nullptr) {
    v1::GetProfileRequest request;
    request.set_account_id(id);
    v1::GetProfileResponse response;
    const grpc::Status status =
        client_.directory().GetProfile(Client::Context(token).get(), request, &response);
    if (out != nullptr) *out = response.profile();
    return status;
  }
};

TEST_F(DirectoryIntegrationTest, CoacheeSeesOnlyListedProfilesWithoutPrivateFields) {
  const auto all = SearchAll(kDemoCoachee, {});
  ASSERT_GT(all.size(), 40u);
  std::set<int64_t> ids;
  for (const auto& p : all) {
    EXPECT_TRUE(p.listed()) << p.account_id();
    EXPECT_TRUE(ids.insert(p.account_id()).second) << "duplicate " << p.account_id();
    EXPECT_TRUE(p.contact_email().empty());
    EXPECT_EQ(p.status(), v1::POOL_STATUS_UNSPECIFIED);
    EXPECT_EQ(p.pay_band(), v1::PAY_BAND_UNSPECIFIED);
    EXPECT_EQ(p.unlisted_reasons_size(), 0);
    for (const auto& q : p.qualifications()) {
      EXPECT_TRUE(q.verified());
      EXPECT_TRUE(q.evidence().empty());
    }
  }
  v1::SearchProfilesResponse first;
  ASSERT_TRUE(Search(kDemoCoachee, {}, &first).ok());
  EXPECT_EQ(first.total_count(), static_cast<int>(all.size()));
  EXPECT_EQ(first.profiles_size(), 20);  // the default page size
}

TEST_F(DirectoryIntegrationTest, EachFilterNarrowsToMatchingProfiles) {
  const auto everyone = SearchAll(kDemoCoachee, {});
  auto expect_subset = [&](const v1::SearchProfilesRequest& request, auto predicate,
                           const char* what) {
    const auto found = SearchAll(kDemoCoachee, request);
    EXPECT_FALSE(found.empty()) << what;
    EXPECT_LT(found.size(), everyone.size()) << what;
    size_t expected = 0;
    for (const auto& p : everyone) expected += predicate(p) ? 1 : 0;
    EXPECT_EQ(found.size(), expected) << what;
    for (const auto& p : found) EXPECT_TRUE(predicate(p)) << what << " " << p.account_id();
  };
  v1::SearchProfilesRequest r;
  r.set_kind(v1::SUPPORT_KIND_MENTORING);
  expect_subset(
      r,
      [](const v1::Profile& p) {
        return p.kind() == v1::PROFILE_KIND_MENTOR || p.kind() == v1::PROFILE_KIND_COACH_AND_MENTOR;
      },
      "kind");
  r = {};
  r.add_specialisms("clinical_leadership");
  r.add_specialisms("wellbeing");
  expect_subset(
      r,
      [](const v1::Profile& p) {
        for (const auto& s : p.specialisms()) {
          if (s == "clinical_leadership" || s == "wellbeing") return true;
        }
        return false;
      },
      "specialisms");
  r = {};
  r.add_professions("nursing");
  expect_subset(
      r,
      [](const v1::Profile& p) {
        for (const auto& f : p.professions()) {
          if (f == "Nursing") return true;
        }
        return false;
      },
      "professions");
  r = {};
  r.set_organisation_scope(v1::SearchProfilesRequest::ORGANISATION_SCOPE_MINE);
  v1::GetMeResponse me;
  ASSERT_TRUE(client_.auth().GetMe(Client::Context(Token(kDemoCoachee)).get(), {}, &me).ok());
  const int64_t mine = me.account().organisation_id();
  expect_subset(
      r, [&](const v1::Profile& p) { return p.organisation_id() == mine; }, "mine");
  r.set_organisation_scope(v1::SearchProfilesRequest::ORGANISATION_SCOPE_OTHERS);
  expect_subset(
      r, [&](const v1::Profile& p) { return p.organisation_id() != mine; }, "others");
  r = {};
  r.set_organisation_id(1);
  expect_subset(
      r, [](const v1::Profile& p) { return p.organisation_id() == 1; }, "named org");
  r = {};
  r.set_site("community HUB");
  expect_subset(
      r, [](const v1::Profile& p) { return p.site() == "Community hub"; }, "site");
  r = {};
  r.set_delivery_mode(v1::DELIVERY_MODE_PHONE);
  expect_subset(
      r,
      [](const v1::Profile& p) {
        for (int m : p.delivery_modes()) {
          if (m == v1::DELIVERY_MODE_PHONE) return true;
        }
        return false;
      },
      "delivery mode");
  r = {};
  r.set_language("welsh");
  expect_subset(
      r,
      [](const v1::Profile& p) {
        for (const auto& l : p.languages()) {
          if (l == "Welsh") return true;
        }
        return false;
      },
      "language");
  r = {};
  r.set_accepting_only(true);
  expect_subset(
      r, [](const v1::Profile& p) { return p.accepting(); }, "accepting");
}

TEST_F(DirectoryIntegrationTest, FiltersCombine) {
  v1::SearchProfilesRequest r;
  r.set_kind(v1::SUPPORT_KIND_COACHING);
  r.set_accepting_only(true);
  r.set_delivery_mode(v1::DELIVERY_MODE_VIDEO);
  r.add_specialisms("leadership");
  const auto found = SearchAll(kDemoCoachee, r);
  for (const auto& p : found) {
    EXPECT_NE(p.kind(), v1::PROFILE_KIND_MENTOR);
    EXPECT_TRUE(p.accepting());
    EXPECT_THAT(p.specialisms(), ::testing::Contains("leadership"));
  }
  r.set_site("nowhere at all");
  EXPECT_TRUE(SearchAll(kDemoCoachee, r).empty());
  v1::SearchProfilesResponse response;
  ASSERT_TRUE(Search(kDemoCoachee, r, &response).ok());
  EXPECT_EQ(response.total_count(), 0);
}

TEST_F(DirectoryIntegrationTest, TextMatchesPrefixesAndRanksNamesFirst) {
  v1::SearchProfilesRequest r;
  r.set_query("grace mw");
  v1::SearchProfilesResponse response;
  ASSERT_TRUE(Search(kDemoCoachee, r, &response).ok());
  ASSERT_GE(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).display_name(), "Grace Mwangi");

  r.set_query("lead");  // prefix of "leadership" and "leading"
  const auto found = SearchAll(kDemoCoachee, r);
  ASSERT_FALSE(found.empty());
  for (const auto& p : found) {
    const std::string text =
        absl::StrCat(p.display_name(), " ", p.headline(), " ", p.bio(), " ",
                     absl::StrJoin(p.specialisms(), " "), " ", absl::StrJoin(p.tags(), " "));
    EXPECT_TRUE(absl::StrContains(absl::AsciiStrToLower(text), "lead")) << p.account_id();
  }
  r.set_query("zzqxv");
  ASSERT_TRUE(Search(kDemoCoachee, r, &response).ok());
  EXPECT_EQ(response.total_count(), 0);
  // Operators and quotes are plain text, not query syntax.
  r.set_query("\"lead* OR NOT) (");
  EXPECT_TRUE(Search(kDemoCoachee, r, &response).ok());
}

TEST_F(DirectoryIntegrationTest, PagesNeitherRepeatNorSkipWhileProfilesAreAdded) {
  v1::SearchProfilesRequest r;
  r.set_query("coaching");
  const auto before = SearchAll(kDemoCoachee, r);
  ASSERT_GT(before.size(), 10u);

  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; i < 6 && !stop; ++i) {
      ListedCoach(absl::StrCat("paging", i, "@northvale.example"),
                  CoachProfile("Coaching coaching coaching for everyone"));
    }
  });
  std::set<int64_t> seen;
  r.set_page_size(5);
  for (int page = 0; page < 200; ++page) {
    v1::SearchProfilesResponse response;
    ASSERT_TRUE(Search(kDemoCoachee, r, &response).ok());
    for (const auto& p : response.profiles()) {
      EXPECT_TRUE(seen.insert(p.account_id()).second) << "duplicate " << p.account_id();
    }
    if (response.next_page_token().empty()) break;
    r.set_page_token(response.next_page_token());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop = true;
  writer.join();
  for (const auto& p : before)
    EXPECT_TRUE(seen.count(p.account_id())) << "skipped " << p.account_id();
}

TEST_F(DirectoryIntegrationTest, PageTokensAreCheckedAndPageSizeLimited) {
  v1::SearchProfilesRequest r;
  r.set_page_size(5);
  v1::SearchProfilesResponse response;
  ASSERT_TRUE(Search(kDemoCoachee, r, &response).ok());
  ASSERT_FALSE(response.next_page_token().empty());
  r.set_page_token(response.next_page_token());
  r.set_kind(v1::SUPPORT_KIND_MENTORING);  // the filters changed
  grpc::Status status = Search(kDemoCoachee, r, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("page_token:"));
  r.set_page_token("garbage");
  EXPECT_EQ(Search(kDemoCoachee, r, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  r.clear_page_token();
  r.set_page_size(51);
  EXPECT_THAT(Search(kDemoCoachee, r, &response).error_message(), StartsWith("page_size:"));
  r.set_page_size(0);
  r.set_query(std::string(101, 'q'));
  EXPECT_THAT(Search(kDemoCoachee, r, &response).error_message(), StartsWith("query:"));
  r.clear_query();
  r.set_kind(static_cast<v1::SupportKind>(7));
  EXPECT_THAT(Search(kDemoCoachee, r, &response).error_message(), StartsWith("kind:"));
  r.clear_kind();
  r.set_include_unlisted(true);
  EXPECT_EQ(Search(kDemoCoachee, r, &response).error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(DirectoryIntegrationTest, CoachIsListedOnlyWhenApprovedVerifiedAndSupervised) {
  Person coach = NewPerson("listing.rules@northvale.example", v1::ROLE_COACH);
  const std::string coachee = Token(kDemoCoachee);
  v1::Profile seen = Save(coach.token, CoachProfile());
  EXPECT_EQ(seen.status(), v1::POOL_STATUS_APPLIED);
  EXPECT_EQ(GetProfile(coachee, coach.id).error_code(), grpc::StatusCode::NOT_FOUND);

  // Approved, but no verified qualification: still unlisted, and says why.
  ASSERT_TRUE(Review(coach.id, true, "", &seen).ok());
  EXPECT_FALSE(seen.listed());
  EXPECT_THAT(absl::StrJoin(seen.unlisted_reasons(), "; "), HasSubstr("qualification"));
  EXPECT_EQ(GetProfile(coachee, coach.id).error_code(), grpc::StatusCode::NOT_FOUND);

  // Qualification added but unverified: unlisted; verified: listed.
  seen = AddQualification(coach.token, v1::QUALIFICATION_TYPE_ILM_LEVEL_5);
  EXPECT_FALSE(seen.listed());
  seen = Verify(seen.qualifications(0).id());
  EXPECT_TRUE(seen.listed());
  EXPECT_TRUE(seen.accepting());
  ASSERT_TRUE(GetProfile(coachee, coach.id).ok());

  // Supervision older than three months: unlisted, and on the lapse list.
  v1::SaveMyProfileRequest lapsed = CoachProfile();
  lapsed.set_last_supervision_on(Today(-120));
  seen = Save(coach.token, lapsed);
  EXPECT_FALSE(seen.listed());
  EXPECT_THAT(absl::StrJoin(seen.unlisted_reasons(), "; "), HasSubstr("supervision"));
  EXPECT_EQ(GetProfile(coachee, coach.id).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ListPoolRequest pool;
  pool.set_lapsed_only(true);
  pool.set_page_size(200);
  v1::ListPoolResponse lapses;
  ASSERT_TRUE(client_.directory()
                  .ListPool(Client::Context(Token(kDemoCoordinator)).get(), pool, &lapses)
                  .ok());
  bool on_list = false;
  for (const auto& p : lapses.profiles()) on_list |= p.account_id() == coach.id;
  EXPECT_TRUE(on_list);
  EXPECT_GT(lapses.total_count(), 1);  // the demo has lapsed coaches too

  // Supervision updated: listed again. Full: listed, not accepting.
  v1::SaveMyProfileRequest full = CoachProfile();
  full.set_availability(v1::AVAILABILITY_FULL);
  seen = Save(coach.token, full);
  EXPECT_TRUE(seen.listed());
  EXPECT_FALSE(seen.accepting());
  v1::SearchProfilesRequest accepting;
  accepting.set_accepting_only(true);
  for (const auto& p : SearchAll(kDemoCoachee, accepting)) EXPECT_NE(p.account_id(), coach.id);

  // Paused: unlisted.
  v1::SetPoolStatusRequest pause;
  pause.set_account_id(coach.id);
  pause.set_status(v1::POOL_STATUS_PAUSED);
  v1::SetPoolStatusResponse paused;
  ASSERT_TRUE(client_.directory()
                  .SetPoolStatus(Client::Context(Token(kDemoCoordinator)).get(), pause, &paused)
                  .ok());
  EXPECT_FALSE(paused.profile().listed());
  EXPECT_EQ(GetProfile(coachee, coach.id).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(DirectoryIntegrationTest, MentorNeedsNoQualificationButAPayBand) {
  Person mentor = NewPerson("mentor.rules@northvale.example", v1::ROLE_MENTOR);
  v1::SaveMyProfileRequest r = CoachProfile("Mentoring for aspiring ward managers");
  r.set_kind(v1::PROFILE_KIND_MENTOR);
  r.clear_last_supervision_on();
  v1::SaveMyProfileResponse response;
  const grpc::Status missing =
      client_.directory().SaveMyProfile(Client::Context(mentor.token).get(), r, &response);
  EXPECT_THAT(missing.error_message(), StartsWith("pay_band:"));
  r.set_pay_band(v1::PAY_BAND_8A);
  Save(mentor.token, r);
  v1::Profile approved;
  ASSERT_TRUE(Review(mentor.id, true, "", &approved).ok());
  EXPECT_TRUE(approved.listed());
  EXPECT_EQ(approved.pay_band(), v1::PAY_BAND_8A);  // the coordinator sees it
  v1::Profile seen;
  ASSERT_TRUE(GetProfile(Token(kDemoCoachee), mentor.id, &seen).ok());
  EXPECT_EQ(seen.pay_band(), v1::PAY_BAND_UNSPECIFIED);  // a coachee does not
}

TEST_F(DirectoryIntegrationTest, VisibilityPerRole) {
  Person coach = ListedCoach("visible@northvale.example", CoachProfile());
  v1::Profile as_owner, as_coordinator, as_coachee, as_other_coordinator;
  ASSERT_TRUE(GetProfile(coach.token, coach.id, &as_owner).ok());
  ASSERT_TRUE(GetProfile(Token(kDemoCoordinator), coach.id, &as_coordinator).ok());
  ASSERT_TRUE(GetProfile(Token(kDemoCoachee), coach.id, &as_coachee).ok());
  EXPECT_EQ(as_owner.contact_email(), "visible@northvale.example");
  EXPECT_EQ(as_owner.status(), v1::POOL_STATUS_APPROVED);
  EXPECT_EQ(as_coordinator.contact_email(), "visible@northvale.example");
  EXPECT_FALSE(as_coordinator.qualifications(0).evidence().empty());
  EXPECT_TRUE(as_coachee.contact_email().empty());
  EXPECT_TRUE(as_coachee.qualifications(0).evidence().empty());
  EXPECT_EQ(as_coachee.status(), v1::POOL_STATUS_UNSPECIFIED);

  // A coordinator of another organisation sees only the public view.
  v1::CreateAccountRequest create;
  create.set_email("other.coordinator@riverside.example");
  create.set_display_name("Other Coordinator");
  create.set_organisation_id(2);
  create.add_roles(v1::ROLE_COORDINATOR);
  v1::CreateAccountResponse created;
  ASSERT_TRUE(client_.accounts()
                  .CreateAccount(Client::Context(Token(kDemoCoordinator)).get(), create, &created)
                  .ok());
  const std::string other =
      client_.TokenFor("other.coordinator@riverside.example", created.temporary_password());
  ASSERT_TRUE(GetProfile(other, coach.id, &as_other_coordinator).ok());
  EXPECT_TRUE(as_other_coordinator.contact_email().empty());
  v1::ReviewApplicationRequest review;
  review.set_account_id(coach.id);
  review.set_approve(true);
  v1::ReviewApplicationResponse reviewed;
  EXPECT_EQ(client_.directory()
                .ReviewApplication(Client::Context(other).get(), review, &reviewed)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Coordinators only, for the pool table.
  v1::ListPoolResponse pool;
  EXPECT_EQ(client_.directory()
                .ListPool(Client::Context(Token(kDemoCoachee)).get(), {}, &pool)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(DirectoryIntegrationTest, ApprovingAStaffMemberGrantsTheRolesTheyOffer) {
  Person staff = NewPerson("new.mentor@northvale.example", v1::ROLE_COACHEE);
  v1::SaveMyProfileRequest r = CoachProfile("Coaching and mentoring for returners");
  r.set_kind(v1::PROFILE_KIND_COACH_AND_MENTOR);
  r.set_pay_band(v1::PAY_BAND_7);
  EXPECT_EQ(Save(staff.token, r).status(), v1::POOL_STATUS_APPLIED);
  ASSERT_TRUE(Review(staff.id, true).ok());
  v1::GetMeResponse me;
  ASSERT_TRUE(client_.auth().GetMe(Client::Context(staff.token).get(), {}, &me).ok());
  EXPECT_THAT(me.account().roles(),
              ::testing::ElementsAre(v1::ROLE_COACHEE, v1::ROLE_COACH, v1::ROLE_MENTOR));
}

TEST_F(DirectoryIntegrationTest, DeclinedApplicantSeesTheReasonAndCanReapply) {
  Person applicant = NewPerson("declined@northvale.example", v1::ROLE_COACH);
  Save(applicant.token, CoachProfile());
  EXPECT_THAT(Review(applicant.id, false, "no").error_message(), StartsWith("decline_reason:"));
  ASSERT_TRUE(Review(applicant.id, false, "Please add your ILM certificate first.").ok());
  EXPECT_EQ(Review(applicant.id, true).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  v1::GetMyProfileResponse mine;
  ASSERT_TRUE(
      client_.directory().GetMyProfile(Client::Context(applicant.token).get(), {}, &mine).ok());
  EXPECT_EQ(mine.profile().status(), v1::POOL_STATUS_DECLINED);
  EXPECT_EQ(mine.profile().decline_reason(), "Please add your ILM certificate first.");
  EXPECT_EQ(Save(applicant.token, CoachProfile()).status(), v1::POOL_STATUS_APPLIED);

  v1::ListPoolRequest applied;
  applied.set_status(v1::POOL_STATUS_APPLIED);
  applied.set_page_size(200);
  v1::ListPoolResponse pool;
  ASSERT_TRUE(client_.directory()
                  .ListPool(Client::Context(Token(kDemoCoordinator)).get(), applied, &pool)
                  .ok());
  bool waiting = false;
  for (const auto& p : pool.profiles()) {
    EXPECT_EQ(p.status(), v1::POOL_STATUS_APPLIED);
    waiting |= p.account_id() == applicant.id;
  }
  EXPECT_TRUE(waiting);
}

TEST_F(DirectoryIntegrationTest, SaveMyProfileValidatesEveryField) {
  Person person = NewPerson("validation@northvale.example", v1::ROLE_COACH);
  auto expect_invalid = [&](auto edit, const std::string& prefix) {
    v1::SaveMyProfileRequest r = CoachProfile();
    edit(r);
    v1::SaveMyProfileResponse response;
    const grpc::Status status =
        client_.directory().SaveMyProfile(Client::Context(person.token).get(), r, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << prefix;
    EXPECT_THAT(status.error_message(), StartsWith(prefix));
  };
  using R = v1::SaveMyProfileRequest;
  expect_invalid([](R& r) { r.set_kind(v1::PROFILE_KIND_UNSPECIFIED); }, "kind:");
  expect_invalid([](R& r) { r.set_headline(" "); }, "headline:");
  expect_invalid([](R& r) { r.set_headline(std::string(121, 'h')); }, "headline:");
  expect_invalid([](R& r) { r.set_bio(std::string(2001, 'b')); }, "bio:");
  expect_invalid([](R& r) { r.clear_specialisms(); }, "specialisms:");
  expect_invalid([](R& r) { r.add_specialisms("astrology"); }, "specialisms[2]:");
  expect_invalid([](R& r) { r.add_tags(std::string(31, 't')); }, "tags[0]:");
  expect_invalid([](R& r) { r.add_professions("x"); }, "professions[1]:");
  expect_invalid([](R& r) { r.set_site(std::string(121, 's')); }, "site:");
  expect_invalid([](R& r) { r.clear_delivery_modes(); }, "delivery_modes:");
  expect_invalid([](R& r) { r.add_delivery_modes(static_cast<v1::DeliveryMode>(9)); },
                 "delivery_modes[1]:");
  expect_invalid([](R& r) { r.clear_languages(); }, "languages:");
  expect_invalid([](R& r) { r.set_availability(v1::AVAILABILITY_UNSPECIFIED); }, "availability:");
  expect_invalid([](R& r) { r.set_capacity(0); }, "capacity:");
  expect_invalid([](R& r) { r.set_capacity(21); }, "capacity:");
  expect_invalid([](R& r) { r.set_last_supervision_on("31/12/2025"); }, "last_supervision_on:");
  expect_invalid([](R& r) { r.set_last_supervision_on(Today(5)); }, "last_supervision_on:");
  expect_invalid([](R& r) { r.set_training_level(static_cast<v1::TrainingLevel>(9)); },
                 "training_level:");
  expect_invalid([](R& r) { r.set_pay_band(static_cast<v1::PayBand>(40)); }, "pay_band:");
  expect_invalid([](R& r) { r.set_years_experience(61); }, "years_experience:");
}

TEST_F(DirectoryIntegrationTest, QualificationsAndLifeCycleValidate) {
  Person person = NewPerson("quals@northvale.example", v1::ROLE_COACH);
  v1::AddMyQualificationRequest q;
  q.set_type(v1::QUALIFICATION_TYPE_ILM_LEVEL_5);
  q.set_title("ILM 5");
  q.set_awarded_on(Today(-30));
  v1::AddMyQualificationResponse added;
  // No profile yet.
  EXPECT_EQ(client_.directory()
                .AddMyQualification(Client::Context(person.token).get(), q, &added)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  Save(person.token, CoachProfile());
  auto expect_invalid = [&](auto edit, const std::string& prefix) {
    v1::AddMyQualificationRequest r = q;
    edit(r);
    const grpc::Status status =
        client_.directory().AddMyQualification(Client::Context(person.token).get(), r, &added);
    EXPECT_THAT(status.error_message(), StartsWith(prefix));
  };
  using Q = v1::AddMyQualificationRequest;
  expect_invalid([](Q& r) { r.set_type(v1::QUALIFICATION_TYPE_UNSPECIFIED); }, "type:");
  expect_invalid([](Q& r) { r.set_title("x"); }, "title:");
  expect_invalid([](Q& r) { r.clear_awarded_on(); }, "awarded_on:");
  expect_invalid([](Q& r) { r.set_expires_on(Today(-40)); }, "expires_on:");
  expect_invalid([](Q& r) { r.set_evidence(std::string(501, 'e')); }, "evidence:");

  ASSERT_TRUE(
      client_.directory().AddMyQualification(Client::Context(person.token).get(), q, &added).ok());
  const int64_t qualification = added.profile().qualifications(0).id();
  // Someone else cannot delete it.
  v1::DeleteMyQualificationRequest del;
  del.set_qualification_id(qualification);
  v1::DeleteMyQualificationResponse deleted;
  EXPECT_EQ(client_.directory()
                .DeleteMyQualification(Client::Context(Token(kDemoCoachee)).get(), del, &deleted)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(client_.directory()
                  .DeleteMyQualification(Client::Context(person.token).get(), del, &deleted)
                  .ok());
  EXPECT_EQ(deleted.profile().qualifications_size(), 0);

  v1::SetPoolStatusRequest status;
  status.set_account_id(person.id);
  status.set_status(v1::POOL_STATUS_DECLINED);
  v1::SetPoolStatusResponse set;
  EXPECT_THAT(client_.directory()
                  .SetPoolStatus(Client::Context(Token(kDemoCoordinator)).get(), status, &set)
                  .error_message(),
              StartsWith("status:"));
  status.set_status(v1::POOL_STATUS_PAUSED);
  EXPECT_EQ(client_.directory()
                .SetPoolStatus(Client::Context(Token(kDemoCoordinator)).get(), status, &set)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // not yet approved
}

TEST_F(DirectoryIntegrationTest, IdsAndPagingOfCoordinatorCallsAreValidated) {
  const std::string coordinator = Token(kDemoCoordinator);
  EXPECT_THAT(GetProfile(coordinator, 0).error_message(), StartsWith("account_id:"));
  EXPECT_EQ(GetProfile(coordinator, 987654).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(Review(0, true).error_message(), StartsWith("account_id:"));
  EXPECT_EQ(Review(987654, true).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::VerifyQualificationRequest verify;
  v1::VerifyQualificationResponse verified;
  EXPECT_THAT(client_.directory()
                  .VerifyQualification(Client::Context(coordinator).get(), verify, &verified)
                  .error_message(),
              StartsWith("qualification_id:"));
  verify.set_qualification_id(987654);
  EXPECT_EQ(client_.directory()
                .VerifyQualification(Client::Context(coordinator).get(), verify, &verified)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListPoolRequest pool;
  v1::ListPoolResponse listed;
  pool.set_page_size(201);
  EXPECT_THAT(client_.directory()
                  .ListPool(Client::Context(coordinator).get(), pool, &listed)
                  .error_message(),
              StartsWith("page_size:"));
  pool.set_page_size(0);
  pool.set_page_token("nope");
  EXPECT_THAT(client_.directory()
                  .ListPool(Client::Context(coordinator).get(), pool, &listed)
                  .error_message(),
              StartsWith("page_token:"));
  pool.clear_page_token();
  pool.set_status(static_cast<v1::PoolStatus>(9));
  EXPECT_THAT(client_.directory()
                  .ListPool(Client::Context(coordinator).get(), pool, &listed)
                  .error_message(),
              StartsWith("status:"));
}

TEST_F(DirectoryIntegrationTest, CoordinatorsExtendTheTaxonomy) {
  v1::CreateSpecialismRequest r;
  r.set_label("Digital transformation");
  v1::CreateSpecialismResponse created;
  ASSERT_TRUE(client_.directory()
                  .CreateSpecialism(Client::Context(Token(kDemoCoordinator)).get(), r, &created)
                  .ok());
  EXPECT_EQ(created.specialism().code(), "digital_transformation");
  EXPECT_THAT(client_.directory()
                  .CreateSpecialism(Client::Context(Token(kDemoCoordinator)).get(), r, &created)
                  .error_message(),
              StartsWith("label:"));
  EXPECT_EQ(client_.directory()
                .CreateSpecialism(Client::Context(Token(kDemoCoachee)).get(), r, &created)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::ListSpecialismsResponse all;
  ASSERT_TRUE(client_.directory()
                  .ListSpecialisms(Client::Context(Token(kDemoCoachee)).get(), {}, &all)
                  .ok());
  EXPECT_GE(all.specialisms_size(), 13);
}

}  // namespace
}  // namespace tandem::testing
