// The matcher's pair rules: every hard rule refuses, and the score's parts
// add up with their reasons, in either reader's voice; the fast score equals
// the explained one, and none is above the most a pair can score.

#include "server/domain/matcher.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/deterministic_random.h"

namespace tandem::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::IsNull;
using ::testing::StrEq;

const absl::Time kNow = StartOfDay(absl::CivilDay(2026, 11, 22));

CandidateRow ListedCoach(int64_t id) {
  CandidateRow p;
  p.account_id = id;
  p.organisation_id = 1;
  p.status = PoolStatus::kApproved;
  p.kind = ProfileKind::kCoachAndMentor;
  p.specialisms = {"leadership", "team_working", "wellbeing"};
  p.delivery_modes = {DeliveryMode::kVideo};
  p.site = "Main site";
  p.languages = {"English", "Welsh"};
  p.professions = {"Nursing"};
  p.availability = Availability::kAccepting;
  p.capacity = 4;
  p.pay_band = 8;
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

/// A coachee who asks for everything that is scored, each met by ListedCoach.
Seeker CoacheeWithEveryPreference() {
  Seeker s = Coachee();
  s.themes = {"leadership", "team_working", "career_planning"};
  s.delivery_mode = DeliveryMode::kVideo;
  s.site = "main SITE";
  s.language = "welsh";
  s.organisation_preference = OrganisationPreference::kOther;
  s.profession = "nursing";
  return s;
}

class MatcherTest : public ::testing::Test {
 protected:
  // The candidate is interned first, as the pool is before any seeker.
  const char* Broken(const Seeker& seeker, const CandidateRow& row) {
    const MatchProfile candidate = ToMatchProfile(row, vocabulary_);
    return HardRuleBroken(Prepare(seeker, vocabulary_), candidate, kNow);
  }
  // Checks that the fast score and both voices' scores agree.
  PairScore Score(const Seeker& seeker, const CandidateRow& row, const MatchWeights& weights = {},
                  ReasonsFor audience = ReasonsFor::kSeeker) {
    const MatchProfile candidate = ToMatchProfile(row, vocabulary_);
    const PreparedSeeker prepared = Prepare(seeker, vocabulary_);
    PairScore score = ScorePair(prepared, candidate, weights, kNow, vocabulary_, audience);
    EXPECT_EQ(score.score, ScorePoints(prepared, candidate, weights, kNow));
    const ReasonsFor other =
        audience == ReasonsFor::kSeeker ? ReasonsFor::kCoordinator : ReasonsFor::kSeeker;
    const PairScore in_other_words =
        ScorePair(prepared, candidate, weights, kNow, vocabulary_, other);
    EXPECT_EQ(in_other_words.score, score.score);
    EXPECT_EQ(in_other_words.reasons.size(), score.reasons.size());
    return score;
  }

  Vocabulary vocabulary_;
};

TEST_F(MatcherTest, AListedCoachWithRoomIsAllowed) {
  EXPECT_THAT(Broken(Coachee(), ListedCoach(1)), IsNull());
}

TEST_F(MatcherTest, EveryHardRuleRefuses) {
  Seeker seeker = Coachee();
  EXPECT_THAT(Broken(seeker, ListedCoach(100)), StrEq("is you"));
  seeker.avoid_account_ids = {7, 1};
  EXPECT_THAT(Broken(seeker, ListedCoach(1)),
              StrEq("is on the list of people to avoid for this request"));
  seeker = Coachee();
  CandidateRow p = ListedCoach(1);
  p.kind = ProfileKind::kMentor;
  EXPECT_THAT(Broken(seeker, p), StrEq("does not offer coaching"));
  p = ListedCoach(1);
  p.coaching_listed_until = kNow;  // supervision or qualification lapsed
  EXPECT_THAT(Broken(seeker, p), testing::NotNull());
  p = ListedCoach(1);
  p.status = PoolStatus::kPaused;
  EXPECT_THAT(Broken(seeker, p), testing::NotNull());
  p = ListedCoach(1);
  p.availability = Availability::kOnLeave;
  EXPECT_THAT(Broken(seeker, p), StrEq("is not accepting requests"));
  p = ListedCoach(1);
  p.current_load = 4;
  EXPECT_THAT(Broken(seeker, p), StrEq("is full"));
}

TEST_F(MatcherTest, MentorMustBeMoreSenior) {
  Seeker seeker = Coachee();
  seeker.kind = SupportKind::kMentoring;
  CandidateRow p = ListedCoach(1);
  EXPECT_THAT(Broken(seeker, p), IsNull());
  seeker.pay_band = 8;
  EXPECT_THAT(Broken(seeker, p), StrEq("is not more senior than the mentee"));
  seeker.pay_band = 0;
  EXPECT_THAT(Broken(seeker, p), testing::NotNull());
  // Mentoring needs no coaching qualification or supervision.
  seeker.pay_band = 5;
  p.coaching_listed_until = absl::InfinitePast();
  EXPECT_THAT(Broken(seeker, p), IsNull());
  p.kind = ProfileKind::kCoach;
  EXPECT_THAT(Broken(seeker, p), StrEq("does not offer mentoring"));
}

TEST_F(MatcherTest, PartsAddUpWithReasonsHeaviestFirst) {
  Seeker seeker = CoacheeWithEveryPreference();
  const PairScore score = Score(seeker, ListedCoach(1));
  // themes 40*2/3=26, video 15, site 10, Welsh 10, other org 10, room 10, nursing 5.
  EXPECT_EQ(score.score, 26 + 15 + 10 + 10 + 10 + 10 + 5);
  EXPECT_THAT(score.reasons, ElementsAre("2 of your 3 themes", "offers video", "same site",
                                         "speaks Welsh", "another organisation, as you asked",
                                         "has room for 4 more", "has worked in Nursing"));
}

TEST_F(MatcherTest, ACoordinatorReadsTheSameReasonsAboutTheSeeker) {
  Seeker seeker = CoacheeWithEveryPreference();
  seeker.waiting_since = kNow - absl::Hours(24 * 12);
  const PairScore score = Score(seeker, ListedCoach(1), {}, ReasonsFor::kCoordinator);
  EXPECT_EQ(score.score, 26 + 15 + 10 + 10 + 10 + 10 + 5 + 2);  // waiting 10*12/60
  EXPECT_THAT(score.reasons,
              ElementsAre("2 of their 3 themes", "offers video", "same site", "speaks Welsh",
                          "another organisation, as they asked", "has room for 4 more",
                          "has worked in Nursing", "waiting 12 days"));
}

TEST_F(MatcherTest, EachVoiceWordsThemesAndOrganisationItsOwnWay) {
  Seeker seeker = Coachee();
  seeker.organisation_id = 1;  // the coach's
  seeker.organisation_preference = OrganisationPreference::kOwn;
  seeker.themes = {"leadership"};
  CandidateRow p = ListedCoach(1);
  p.current_load = 4;  // no room, so only the two parts below
  EXPECT_THAT(Score(seeker, p, {}, ReasonsFor::kSeeker).reasons,
              ElementsAre("your theme", "your organisation, as you asked"));
  EXPECT_THAT(Score(seeker, p, {}, ReasonsFor::kCoordinator).reasons,
              ElementsAre("their theme", "their own organisation, as they asked"));
  seeker.themes = {"leadership", "wellbeing"};
  EXPECT_THAT(Score(seeker, p, {}, ReasonsFor::kSeeker).reasons,
              ElementsAre("all your themes", "your organisation, as you asked"));
  EXPECT_THAT(Score(seeker, p, {}, ReasonsFor::kCoordinator).reasons,
              ElementsAre("all their themes", "their own organisation, as they asked"));
}

TEST_F(MatcherTest, APairThatMeetsEveryPreferenceScoresTheMost) {
  Seeker seeker = Coachee();
  seeker.themes = {"leadership", "wellbeing"};
  seeker.delivery_mode = DeliveryMode::kVideo;
  seeker.site = "Main site";
  seeker.language = "Welsh";
  seeker.organisation_preference = OrganisationPreference::kOther;
  seeker.profession = "Nursing";
  seeker.waiting_since = kNow - absl::Hours(24 * 90);
  const PairScore score = Score(seeker, ListedCoach(1));  // an empty coach: all room spare
  EXPECT_EQ(score.max_score, MaxScore(MatchWeights{}));
  EXPECT_EQ(score.score, score.max_score);
  CandidateRow busier = ListedCoach(1);
  busier.current_load = 1;
  EXPECT_LT(Score(seeker, busier).score, score.max_score);
}

TEST(MaxScoreTest, IsTheSumOfTheWeights) {
  EXPECT_EQ(MaxScore(MatchWeights{}), 40 + 15 + 10 + 10 + 10 + 5 + 10 + 10);
  const MatchWeights w{.themes = 100,
                       .delivery_mode = 1,
                       .site = 2,
                       .language = 3,
                       .organisation = 4,
                       .profession = 5,
                       .spare_capacity = 6,
                       .waiting = 7};
  EXPECT_EQ(MaxScore(w), 128);
  EXPECT_EQ(MaxScore({.themes = 0,
                      .delivery_mode = 0,
                      .site = 0,
                      .language = 0,
                      .organisation = 0,
                      .profession = 0,
                      .spare_capacity = 0,
                      .waiting = 1}),
            1);
}

TEST_F(MatcherTest, UnmetPreferencesAddNothing) {
  Seeker seeker = Coachee();
  seeker.themes = {"career_planning"};
  seeker.delivery_mode = DeliveryMode::kInPerson;
  seeker.organisation_preference = OrganisationPreference::kOwn;
  seeker.language = "Klingon";  // nobody's
  CandidateRow p = ListedCoach(1);
  p.current_load = 4;  // no spare room either
  const PairScore score = Score(seeker, p);
  EXPECT_EQ(score.score, 0);
  EXPECT_TRUE(score.reasons.empty());
}

TEST_F(MatcherTest, WaitingCountsUpToSixtyDaysAndWeightsScale) {
  Seeker seeker = Coachee();
  seeker.waiting_since = kNow - absl::Hours(24 * 30);
  CandidateRow p = ListedCoach(1);
  p.current_load = 4;
  EXPECT_EQ(Score(seeker, p).score, 5);
  seeker.waiting_since = kNow - absl::Hours(24 * 400);
  EXPECT_EQ(Score(seeker, p).score, 10);
  MatchWeights heavier;
  heavier.waiting = 30;
  EXPECT_EQ(Score(seeker, p, heavier).score, 30);
  EXPECT_THAT(Score(seeker, p, heavier).reasons, ElementsAre("waiting 60 days"));
}

TEST_F(MatcherTest, FastScoreEqualsExplainedScoreOnRandomPairs) {
  DeterministicRandom random(7);
  const char* words[] = {"leadership", "wellbeing", "confidence", "team_working"};
  for (int i = 0; i < 2000; ++i) {
    CandidateRow p = ListedCoach(1 + static_cast<int64_t>(random.Next() % 50));
    p.specialisms = {words[random.Next() % 4], words[random.Next() % 4]};
    p.capacity = 1 + static_cast<int>(random.Next() % 6);
    p.current_load = static_cast<int>(random.Next() % 7);
    p.organisation_id = 1 + static_cast<int64_t>(random.Next() % 3);
    Seeker s = Coachee();
    s.themes = {words[random.Next() % 4]};
    if (random.Next() % 2 == 0) s.delivery_mode = DeliveryMode::kVideo;
    s.organisation_preference = static_cast<OrganisationPreference>(random.Next() % 3);
    s.waiting_since = kNow - absl::Hours(static_cast<int64_t>(random.Next() % 2000));
    MatchWeights w;
    w.themes = static_cast<int>(random.Next() % 101);
    w.spare_capacity = static_cast<int>(random.Next() % 101);
    w.organisation = static_cast<int>(random.Next() % 101);
    w.waiting = static_cast<int>(random.Next() % 101);
    const PairScore score = Score(s, p, w);  // checks both agree
    EXPECT_GE(score.score, 0);
    EXPECT_LE(score.score, MaxScore(w));
    EXPECT_EQ(score.max_score, MaxScore(w));
  }
}

TEST_F(MatcherTest, WordMasksStayExactPastSixtyFourWords) {
  for (int i = 0; i < 70; ++i) vocabulary_.Intern(absl::StrCat("word", i));
  // "word65" shares its mask bit with "word1": only the list can tell them apart.
  CandidateRow p = ListedCoach(1);
  p.languages = {"word65"};
  Seeker seeker = Coachee();
  seeker.language = "word1";
  EXPECT_EQ(Score(seeker, p).score, 10);  // room only, no language
  seeker.language = "WORD65";
  EXPECT_THAT(Score(seeker, p).reasons, ::testing::Contains("speaks word65"));
}

TEST(VocabularyTest, InternsCaseInsensitivelyAndKeepsFirstSpelling) {
  Vocabulary v;
  EXPECT_EQ(v.Intern(""), Vocabulary::kNone);
  const int32_t welsh = v.Intern("Welsh");
  EXPECT_EQ(v.Intern("WELSH"), welsh);
  EXPECT_EQ(v.Find("welsh"), welsh);
  EXPECT_EQ(v.Spelling(welsh), "Welsh");
  EXPECT_EQ(v.Find("Polish"), Vocabulary::kUnknown);
  EXPECT_EQ(v.Find(""), Vocabulary::kNone);
}

}  // namespace
}  // namespace tandem::domain
