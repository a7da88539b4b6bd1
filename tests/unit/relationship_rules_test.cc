// The relationship state machine: every transition tried by every party in
// every state — allowed only to the right party in the right state, never
// changing anything when refused — and the history it leaves.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/relationship.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;

const absl::Time kNow = StartOfDay(absl::CivilDay(2026, 11, 23)) + absl::Hours(10);
constexpr Party kParties[] = {Party::kCoachee, Party::kMember, Party::kCoordinator,
                              Party::kStranger};

Actor As(Party party) {
  const int64_t id = party == Party::kCoachee ? 1 : party == Party::kMember ? 2 : 3;
  return {.party = party, .account_id = id, .now = kNow};
}

ContractTerms CoachingTerms() {
  return {.number_of_sessions = 6,
          .session_minutes = 60,
          .regularity = SessionRegularity::kMonthly,
          .planned_end_on = ToDay(kNow) + 180,
          .review_cadence = ReviewCadence::kNone};
}

Relationship Contracting(SupportKind kind = SupportKind::kCoaching) {
  Relationship r;
  r.id = 9;
  r.kind = kind;
  r.coachee_id = 1;
  r.member_id = 2;
  r.open_goals = 1;  // a coaching contract is agreed with a goal
  return r;
}

Relationship Active(SupportKind kind = SupportKind::kCoaching) {
  Relationship r = Contracting(kind);
  ContractTerms terms = CoachingTerms();
  if (kind == SupportKind::kMentoring) terms = {.review_cadence = ReviewCadence::kQuarterly};
  EXPECT_TRUE(SetContractTerms(r, As(Party::kMember), terms).ok());
  EXPECT_TRUE(AgreeContract(r, As(Party::kMember), true, true, LineManagerTold::kUnknown).ok());
  EXPECT_TRUE(AgreeContract(r, As(Party::kCoachee), true, true, LineManagerTold::kYes).ok());
  EXPECT_EQ(r.state, RelationshipState::kActive);
  return r;
}

Relationship Ended() {
  Relationship r = Active();
  EXPECT_TRUE(CompleteRelationship(r, As(Party::kMember)).ok());
  return r;
}

// One transition, as a function of the relationship and the actor.
struct Transition {
  const char* name;
  std::function<absl::Status(Relationship&, const Actor&)> apply;
};

std::vector<Transition> AllTransitions() {
  return {
      {"set terms",
       [](Relationship& r, const Actor& a) { return SetContractTerms(r, a, CoachingTerms()); }},
      {"agree",
       [](Relationship& r, const Actor& a) {
         return AgreeContract(r, a, true, true, LineManagerTold::kNotYet);
       }},
      {"review",
       [](Relationship& r, const Actor& a) {
         return ReviewContract(r, a, 8, ToDay(kNow) + 200, "More time for the last goal.");
       }},
      {"complete", [](Relationship& r, const Actor& a) { return CompleteRelationship(r, a); }},
      {"end", [](Relationship& r, const Actor& a) { return EndRelationship(r, a, "Moved away."); }},
  };
}

// What each transition should answer, by state and party.
absl::StatusCode Expected(const std::string& transition, const std::string& state, Party party) {
  using C = absl::StatusCode;
  const bool member = party == Party::kMember;
  const bool in_it = party == Party::kCoachee || member;
  if (transition == "set terms") {
    if (!member) return C::kPermissionDenied;
    return state == "contracting, terms set" || state == "contracting" ? C::kOk
                                                                       : C::kFailedPrecondition;
  }
  if (transition == "agree") {
    if (!in_it) return C::kPermissionDenied;
    return state == "contracting, terms set" ? C::kOk : C::kFailedPrecondition;
  }
  if (transition == "review" || transition == "complete") {
    if (!member) return C::kPermissionDenied;
    return state == "active" ? C::kOk : C::kFailedPrecondition;
  }
  // end
  if (party == Party::kStranger) return C::kPermissionDenied;
  return state == "ended" ? C::kFailedPrecondition : C::kOk;
}

TEST(RelationshipRulesTest, EveryTransitionByEveryPartyInEveryState) {
  const std::vector<std::pair<std::string, std::function<Relationship()>>> states = {
      {"contracting", [] { return Contracting(); }},
      {"contracting, terms set",
       [] {
         Relationship r = Contracting();
         EXPECT_TRUE(SetContractTerms(r, As(Party::kMember), CoachingTerms()).ok());
         return r;
       }},
      {"active", [] { return Active(); }},
      {"ended", [] { return Ended(); }},
  };
  for (const auto& [state, make] : states) {
    for (const Transition& t : AllTransitions()) {
      for (Party party : kParties) {
        Relationship r = make();
        const Relationship before = r;
        const absl::Status status = t.apply(r, As(party));
        SCOPED_TRACE(absl::StrCat(t.name, " in ", state, " by party ", static_cast<int>(party),
                                  ": ", status.ToString()));
        EXPECT_EQ(status.code(), Expected(t.name, state, party));
        if (status.ok()) {
          ASSERT_EQ(r.history.size(), before.history.size() + 1);
          EXPECT_EQ(r.history.back().by_account_id, As(party).account_id);
          EXPECT_EQ(r.history.back().from_state, before.state);
          EXPECT_EQ(r.history.back().to_state, r.state);
          EXPECT_EQ(r.history.back().at, kNow);
        } else {
          // A refusal changes nothing.
          EXPECT_EQ(r.state, before.state);
          EXPECT_EQ(r.history.size(), before.history.size());
          EXPECT_EQ(r.terms_set, before.terms_set);
          EXPECT_EQ(r.coachee_agreement.agreed_at, before.coachee_agreement.agreed_at);
        }
      }
    }
  }
}

TEST(RelationshipRulesTest, ActiveOnlyWhenBothHaveAgreed) {
  Relationship r = Contracting();
  ASSERT_TRUE(SetContractTerms(r, As(Party::kMember), CoachingTerms()).ok());
  ASSERT_TRUE(AgreeContract(r, As(Party::kCoachee), true, true, LineManagerTold::kChoseNotTo).ok());
  EXPECT_EQ(r.state, RelationshipState::kContracting);
  EXPECT_EQ(r.line_manager_told, LineManagerTold::kChoseNotTo);
  EXPECT_EQ(r.coachee_agreement.agreed_at, kNow);
  EXPECT_EQ(AgreeContract(r, As(Party::kCoachee), true, true, LineManagerTold::kYes).code(),
            absl::StatusCode::kFailedPrecondition);  // once is enough
  // New terms ask both to agree again.
  ASSERT_TRUE(SetContractTerms(r, As(Party::kMember), CoachingTerms()).ok());
  EXPECT_FALSE(r.coachee_agreement.agreed_at.has_value());
  ASSERT_TRUE(AgreeContract(r, As(Party::kMember), true, true, LineManagerTold::kUnknown).ok());
  EXPECT_EQ(r.state, RelationshipState::kContracting);
  ASSERT_TRUE(AgreeContract(r, As(Party::kCoachee), true, true, LineManagerTold::kYes).ok());
  EXPECT_EQ(r.state, RelationshipState::kActive);
  EXPECT_EQ(r.history.back().event, "agreed the contract");
  EXPECT_EQ(r.history.back().from_state, RelationshipState::kContracting);
}

TEST(RelationshipRulesTest, TheCoacheeAgreesACoachingContractOnlyWithAnOpenGoal) {
  for (const SupportKind kind : {SupportKind::kCoaching, SupportKind::kMentoring}) {
    Relationship r = Contracting(kind);
    r.open_goals = 0;
    ContractTerms terms = CoachingTerms();
    if (kind == SupportKind::kMentoring) terms = {.review_cadence = ReviewCadence::kMonthly};
    ASSERT_TRUE(SetContractTerms(r, As(Party::kMember), terms).ok());
    // The coach or mentor agrees either way.
    ASSERT_TRUE(AgreeContract(r, As(Party::kMember), true, true, LineManagerTold::kUnknown).ok());
    const absl::Status coachee =
        AgreeContract(r, As(Party::kCoachee), true, true, LineManagerTold::kYes);
    if (kind == SupportKind::kCoaching) {
      EXPECT_EQ(coachee.code(), absl::StatusCode::kFailedPrecondition);
      EXPECT_THAT(std::string(coachee.message()), HasSubstr("goal"));
      EXPECT_EQ(r.state, RelationshipState::kContracting);
      r.open_goals = 1;
      EXPECT_TRUE(AgreeContract(r, As(Party::kCoachee), true, true, LineManagerTold::kYes).ok());
    } else {
      EXPECT_TRUE(coachee.ok()) << coachee;
    }
    EXPECT_EQ(r.state, RelationshipState::kActive);
  }
}

TEST(RelationshipRulesTest, AgreeingNeedsBothAcknowledgementsAndTheLineManagerAnswer) {
  Relationship r = Contracting();
  ASSERT_TRUE(SetContractTerms(r, As(Party::kMember), CoachingTerms()).ok());
  EXPECT_THAT(
      std::string(
          AgreeContract(r, As(Party::kCoachee), false, true, LineManagerTold::kYes).message()),
      HasSubstr("confidentiality_acknowledged:"));
  EXPECT_THAT(
      std::string(
          AgreeContract(r, As(Party::kCoachee), true, false, LineManagerTold::kYes).message()),
      HasSubstr("ethics_acknowledged:"));
  EXPECT_THAT(
      std::string(
          AgreeContract(r, As(Party::kCoachee), true, true, LineManagerTold::kUnknown).message()),
      HasSubstr("line_manager_told:"));
}

TEST(RelationshipRulesTest, TermsAreValidatedByKind) {
  Relationship r = Contracting();
  ContractTerms terms = CoachingTerms();
  terms.number_of_sessions = 0;
  EXPECT_THAT(std::string(SetContractTerms(r, As(Party::kMember), terms).message()),
              HasSubstr("number_of_sessions:"));
  terms = CoachingTerms();
  terms.session_minutes = 10;
  EXPECT_THAT(std::string(SetContractTerms(r, As(Party::kMember), terms).message()),
              HasSubstr("session_minutes:"));
  terms = CoachingTerms();
  terms.planned_end_on = ToDay(kNow);
  EXPECT_THAT(std::string(SetContractTerms(r, As(Party::kMember), terms).message()),
              HasSubstr("planned_end_on: must be after today"));
  terms = CoachingTerms();
  terms.regularity = SessionRegularity::kNone;
  EXPECT_THAT(std::string(SetContractTerms(r, As(Party::kMember), terms).message()),
              HasSubstr("regularity:"));
  Relationship mentoring = Contracting(SupportKind::kMentoring);
  EXPECT_THAT(std::string(SetContractTerms(mentoring, As(Party::kMember), {}).message()),
              HasSubstr("review_cadence:"));
  ASSERT_TRUE(
      SetContractTerms(mentoring, As(Party::kMember), {.review_cadence = ReviewCadence::kMonthly})
          .ok());
  EXPECT_EQ(mentoring.terms.number_of_sessions, 0);  // mentoring has no fixed end
}

TEST(RelationshipRulesTest, OnlyCoachingContractsAreReviewedAndTheReasonIsKept) {
  Relationship mentoring = Active(SupportKind::kMentoring);
  EXPECT_EQ(ReviewContract(mentoring, As(Party::kMember), 8, ToDay(kNow) + 100, "x").code(),
            absl::StatusCode::kFailedPrecondition);
  Relationship coaching = Active();
  EXPECT_THAT(
      std::string(
          ReviewContract(coaching, As(Party::kMember), 8, ToDay(kNow) + 100, " ").message()),
      HasSubstr("reason:"));
  ASSERT_TRUE(
      ReviewContract(coaching, As(Party::kMember), 8, ToDay(kNow) + 100, "One more goal.").ok());
  EXPECT_EQ(coaching.terms.number_of_sessions, 8);
  EXPECT_EQ(coaching.reviews, 1);
  EXPECT_EQ(coaching.history.back().reason, "One more goal.");
  EXPECT_THAT(coaching.history.back().event, HasSubstr("8 sessions until"));
  EXPECT_EQ(coaching.state, RelationshipState::kActive);
}

TEST(RelationshipRulesTest, EndingNeedsAReasonAndIsFinal) {
  Relationship r = Active();
  EXPECT_THAT(std::string(EndRelationship(r, As(Party::kCoachee), "").message()),
              HasSubstr("reason:"));
  ASSERT_TRUE(EndRelationship(r, As(Party::kCoordinator), "The coach has left the trust.").ok());
  EXPECT_EQ(r.state, RelationshipState::kEndedEarly);
  EXPECT_EQ(r.history.back().reason, "The coach has left the trust.");
  EXPECT_EQ(CompleteRelationship(r, As(Party::kMember)).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(RelationshipRulesTest, PartiesAreFoundFromTheCaller) {
  Relationship r = Contracting();
  r.coachee_organisation_id = 10;
  r.member_organisation_id = 20;
  Principal p;
  p.account.id = 1;
  EXPECT_EQ(PartyOf(p, r), Party::kCoachee);
  p.account.id = 2;
  EXPECT_EQ(PartyOf(p, r), Party::kMember);
  p.account.id = 5;
  EXPECT_EQ(PartyOf(p, r), Party::kStranger);
  p.account.roles = {Role::kCoordinator};
  p.account.coordinated_organisation_ids = {20};
  EXPECT_EQ(PartyOf(p, r), Party::kCoordinator);
  p.account.coordinated_organisation_ids = {30};
  EXPECT_EQ(PartyOf(p, r), Party::kStranger);
}

}  // namespace
}  // namespace tandem::domain
