// The directory's pure rules: listing, validation of a member's profile,
// and how search text is split.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/directory.h"
#include "server/domain/profile.h"

namespace tandem::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const absl::CivilDay kToday(2026, 11, 22);
const absl::Time kNow = StartOfDay(kToday) + absl::Hours(12);

Profile Coach(std::optional<absl::CivilDay> supervised, bool verified,
              std::optional<absl::CivilDay> expires = std::nullopt) {
  Profile p;
  p.details.kind = ProfileKind::kCoach;
  p.details.last_supervision_on = supervised;
  p.status = PoolStatus::kApproved;
  Qualification q;
  q.type = QualificationType::kIlmLevel7;
  q.awarded_on = kToday - 400;
  q.expires_on = expires;
  if (verified) q.verified_on = kToday - 10;
  p.qualifications = {q};
  p.coaching_listed_until = CoachingListedUntil(p, ListingSettings{});
  return p;
}

TEST(ListingTest, ApprovedSupervisedVerifiedCoachIsListed) {
  const Profile p = Coach(kToday - 30, true);
  const Listing listing = ComputeListing(p, kNow, {});
  EXPECT_TRUE(listing.coaching);
  EXPECT_FALSE(listing.mentoring);
  EXPECT_TRUE(listing.reasons.empty());
}

TEST(ListingTest, SupervisionLapsesAfterTheLimit) {
  const Profile p = Coach(kToday - 30, true);
  EXPECT_EQ(p.coaching_listed_until, StartOfDay(kToday - 30) + absl::Hours(24 * 92));
  EXPECT_TRUE(ComputeListing(p, StartOfDay(kToday + 61), {}).coaching);
  const Listing later = ComputeListing(p, StartOfDay(kToday + 62), {});
  EXPECT_FALSE(later.coaching);
  EXPECT_THAT(later.reasons, ElementsAre(HasSubstr("supervision is more than 92 days old")));
}

TEST(ListingTest, UnverifiedExpiredOrMissingQualificationUnlists) {
  EXPECT_FALSE(ComputeListing(Coach(kToday - 5, false), kNow, {}).coaching);
  EXPECT_THAT(ComputeListing(Coach(kToday - 5, false), kNow, {}).reasons,
              ElementsAre(HasSubstr("qualification")));
  EXPECT_FALSE(ComputeListing(Coach(kToday - 5, true, kToday - 1), kNow, {}).coaching);
  EXPECT_TRUE(ComputeListing(Coach(kToday - 5, true, kToday + 1), kNow, {}).coaching);
  const Profile unsupervised = Coach(std::nullopt, true);
  EXPECT_THAT(ComputeListing(unsupervised, kNow, {}).reasons,
              ElementsAre(HasSubstr("no supervision date")));
}

TEST(ListingTest, MentoringQualificationDoesNotCountForCoaching) {
  Profile p = Coach(kToday - 5, true);
  p.qualifications[0].type = QualificationType::kMentoring;
  p.coaching_listed_until = CoachingListedUntil(p, {});
  EXPECT_FALSE(ComputeListing(p, kNow, {}).coaching);
}

TEST(ListingTest, MentorsNeedOnlyApproval) {
  Profile p;
  p.details.kind = ProfileKind::kMentor;
  for (PoolStatus status :
       {PoolStatus::kApplied, PoolStatus::kDeclined, PoolStatus::kPaused, PoolStatus::kRemoved}) {
    p.status = status;
    EXPECT_FALSE(ComputeListing(p, kNow, {}).listed());
  }
  p.status = PoolStatus::kApproved;
  EXPECT_TRUE(ComputeListing(p, kNow, {}).mentoring);
}

TEST(ListingTest, CoachAndMentorStaysListedAsMentorWhenCoachingLapses) {
  Profile p = Coach(kToday - 200, true);
  p.details.kind = ProfileKind::kCoachAndMentor;
  p.coaching_listed_until = CoachingListedUntil(p, {});
  const Listing listing = ComputeListing(p, kNow, {});
  EXPECT_FALSE(listing.coaching);
  EXPECT_TRUE(listing.mentoring);
  EXPECT_TRUE(listing.listed());
}

TEST(ListingTest, AcceptingNeedsAvailabilityAndSpareCapacity) {
  Profile p = Coach(kToday - 5, true);
  p.details.capacity = 2;
  const Listing listing = ComputeListing(p, kNow, {});
  EXPECT_TRUE(IsAccepting(p, listing));
  p.current_load = 2;
  EXPECT_FALSE(IsAccepting(p, listing));
  p.current_load = 0;
  p.details.availability = Availability::kOnLeave;
  EXPECT_FALSE(IsAccepting(p, listing));
}

TEST(DaysTest, ParseOnlyRealIsoDates) {
  EXPECT_EQ(ParseDay("2026-02-28"), absl::CivilDay(2026, 2, 28));
  EXPECT_FALSE(ParseDay("2026-02-30").has_value());
  EXPECT_FALSE(ParseDay("2026-2-3").has_value());
  EXPECT_FALSE(ParseDay("28/02/2026").has_value());
  EXPECT_FALSE(ParseDay("").has_value());
  EXPECT_EQ(FormatDay(absl::CivilDay(2026, 3, 1)), "2026-03-01");
}

TEST(SearchTermsTest, SplitsLowerCasesAndDropsSyntax) {
  EXPECT_THAT(SearchTerms("  Career-Planning, NHS  "), ElementsAre("career", "planning", "nhs"));
  EXPECT_THAT(SearchTerms("\"lead*\" OR (x)"), ElementsAre("lead", "or", "x"));
  EXPECT_THAT(SearchTerms("Zoë"), ElementsAre("zoë"));
  EXPECT_TRUE(SearchTerms("*** --").empty());
  EXPECT_EQ(SearchTerms("a b c d e f g h i j k").size(), 8u);
}

ProfileInput ValidInput() {
  ProfileInput in;
  in.kind = ProfileKind::kCoach;
  in.headline = "  Coaching for new managers ";
  in.specialisms = {"Leadership", "leadership", "team_working"};
  in.tags = {"Nights", "nights"};
  in.professions = {"Nursing"};
  in.delivery_modes = {DeliveryMode::kVideo, DeliveryMode::kInPerson, DeliveryMode::kVideo};
  in.languages = {"English"};
  in.availability = Availability::kAccepting;
  in.capacity = 3;
  in.last_supervision_on = "2026-11-01";
  return in;
}

const std::vector<Specialism> kTaxonomy = {{"leadership", "Leadership"},
                                           {"team_working", "Team working"}};

TEST(ProfileInputTest, NormalisesAValidProfile) {
  const auto details = ValidateProfileInput(ValidInput(), kTaxonomy, kToday);
  ASSERT_TRUE(details.ok()) << details.status();
  EXPECT_EQ(details->headline, "Coaching for new managers");
  EXPECT_THAT(details->specialisms, ElementsAre("leadership", "team_working"));
  EXPECT_THAT(details->tags, ElementsAre("nights"));
  EXPECT_THAT(details->delivery_modes, ElementsAre(DeliveryMode::kInPerson, DeliveryMode::kVideo));
  EXPECT_EQ(details->last_supervision_on, absl::CivilDay(2026, 11, 1));
}

TEST(ProfileInputTest, MentorsMustGiveAPayBand) {
  ProfileInput in = ValidInput();
  in.kind = ProfileKind::kMentor;
  EXPECT_THAT(std::string(ValidateProfileInput(in, kTaxonomy, kToday).status().message()),
              HasSubstr("pay_band: is required for mentors"));
  in.pay_band = 8;
  EXPECT_TRUE(ValidateProfileInput(in, kTaxonomy, kToday).ok());
}

TEST(ProfileInputTest, RejectsUnknownSpecialismsAndFutureSupervision) {
  ProfileInput in = ValidInput();
  in.specialisms = {"astrology"};
  EXPECT_THAT(std::string(ValidateProfileInput(in, kTaxonomy, kToday).status().message()),
              HasSubstr("specialisms[0]"));
  in = ValidInput();
  in.last_supervision_on = "2026-11-23";
  EXPECT_THAT(std::string(ValidateProfileInput(in, kTaxonomy, kToday).status().message()),
              HasSubstr("must not be in the future"));
}

}  // namespace
}  // namespace tandem::domain
