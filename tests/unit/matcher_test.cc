// The matcher's pair rules: every hard rule refuses, and the score's parts
// add up with their reasons.

#include "server/domain/matcher.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace tandem::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::Optional;

const absl::Time kNow = StartOfDay(absl::CivilDay(2026, 11, 22));

Profile ListedCoach(int64_t id) {
  Profile p;
  p.account_id = id;
  p.organisation_id = 1;
  p.status = PoolStatus::kApproved;
  p.details.kind = ProfileKind::kCoachAndMentor;
  p.details.specialisms = {"leadership", "team_working", "wellbeing"};
  p.details.delivery_modes = {DeliveryMode::kVideo};
  p.details.site = "Main site";
  p.details.languages = {"English", "Welsh"};
  p.details.professions = {"Nursing"};
  p.details.availability = Availability::kAccepting;
  p.details.capacity = 4;
  p.details.pay_band = 8;
  p.coaching_listed_until = kNow + absl::Hours(24 * 30);
  return p;
}

Seeker Coachee() {
  Seeker s;
  s.account_id = 100;
  s.organisation_id = 2;
  s.pay_band = 5;
  s.waiting_since = kNow;
  return s;
}

TEST(MatcherHardRulesTest, AListedCoachWithRoomIsAllowed) {
  EXPECT_EQ(HardRuleBroken(Coachee(), ListedCoach(1), kNow, {}), std::nullopt);
}

TEST(MatcherHardRulesTest, EveryRuleRefuses) {
  Seeker seeker = Coachee();
  Profile p = ListedCoach(100);
  EXPECT_THAT(HardRuleBroken(seeker, p, kNow, {}), Optional(std::string("is you")));
  seeker.avoid_account_ids = {1};
  EXPECT_THAT(HardRuleBroken(seeker, ListedCoach(1), kNow, {}),
              Optional(std::string("is someone you asked to avoid")));
  seeker = Coachee();
  p = ListedCoach(1);
  p.details.kind = ProfileKind::kMentor;
  EXPECT_THAT(HardRuleBroken(seeker, p, kNow, {}),
              Optional(std::string("does not offer coaching")));
  p = ListedCoach(1);
  p.coaching_listed_until = kNow;  // supervision or qualification lapsed
  EXPECT_TRUE(HardRuleBroken(seeker, p, kNow, {}).has_value());
  p = ListedCoach(1);
  p.status = PoolStatus::kPaused;
  EXPECT_TRUE(HardRuleBroken(seeker, p, kNow, {}).has_value());
  p = ListedCoach(1);
  p.details.availability = Availability::kOnLeave;
  EXPECT_THAT(HardRuleBroken(seeker, p, kNow, {}), Optional(std::string("is not accepting")));
  p = ListedCoach(1);
  p.current_load = 4;
  EXPECT_THAT(HardRuleBroken(seeker, p, kNow, {}), Optional(std::string("is full")));
}

TEST(MatcherHardRulesTest, MentorMustBeMoreSenior) {
  Seeker seeker = Coachee();
  seeker.kind = SupportKind::kMentoring;
  Profile p = ListedCoach(1);
  EXPECT_EQ(HardRuleBroken(seeker, p, kNow, {}), std::nullopt);
  seeker.pay_band = 8;
  EXPECT_THAT(HardRuleBroken(seeker, p, kNow, {}),
              Optional(std::string("is not more senior than you")));
  seeker.pay_band = 0;
  EXPECT_TRUE(HardRuleBroken(seeker, p, kNow, {}).has_value());
  // Mentoring needs no coaching qualification or supervision.
  seeker.pay_band = 5;
  p.coaching_listed_until = absl::InfinitePast();
  EXPECT_EQ(HardRuleBroken(seeker, p, kNow, {}), std::nullopt);
}

TEST(MatcherScoreTest, PartsAddUpWithReasonsHeaviestFirst) {
  Seeker seeker = Coachee();
  seeker.themes = {"leadership", "team_working", "career_planning"};
  seeker.delivery_mode = DeliveryMode::kVideo;
  seeker.site = "main SITE";
  seeker.language = "welsh";
  seeker.organisation_preference = Seeker::OrganisationPreference::kOther;
  seeker.profession = "nursing";
  const PairScore score = ScorePair(seeker, ListedCoach(1), MatchWeights{}, kNow);
  // themes 40*2/3=26, video 15, site 10, Welsh 10, other org 10, room 10, nursing 5.
  EXPECT_EQ(score.score, 26 + 15 + 10 + 10 + 10 + 10 + 5);
  EXPECT_THAT(score.reasons, ElementsAre("2 of your 3 themes", "offers video", "same site",
                                         "speaks Welsh", "another organisation, as you asked",
                                         "has room for 4 more", "has worked in Nursing"));
}

TEST(MatcherScoreTest, UnmetPreferencesAddNothing) {
  Seeker seeker = Coachee();
  seeker.themes = {"career_planning"};
  seeker.delivery_mode = DeliveryMode::kInPerson;
  seeker.organisation_preference = Seeker::OrganisationPreference::kOwn;
  Profile p = ListedCoach(1);
  p.current_load = 4;  // no spare room either
  const PairScore score = ScorePair(seeker, p, MatchWeights{}, kNow);
  EXPECT_EQ(score.score, 0);
  EXPECT_TRUE(score.reasons.empty());
}

TEST(MatcherScoreTest, WaitingCountsUpToSixtyDaysAndWeightsScale) {
  Seeker seeker = Coachee();
  seeker.waiting_since = kNow - absl::Hours(24 * 30);
  Profile p = ListedCoach(1);
  p.current_load = 4;
  EXPECT_EQ(ScorePair(seeker, p, MatchWeights{}, kNow).score, 5);
  seeker.waiting_since = kNow - absl::Hours(24 * 400);
  EXPECT_EQ(ScorePair(seeker, p, MatchWeights{}, kNow).score, 10);
  MatchWeights heavier;
  heavier.waiting = 30;
  EXPECT_EQ(ScorePair(seeker, p, heavier, kNow).score, 30);
  EXPECT_THAT(ScorePair(seeker, p, heavier, kNow).reasons, ElementsAre("waiting 60 days"));
}

}  // namespace
}  // namespace tandem::domain
