#include "server/domain/demo_goals.h"

#include "absl/strings/str_cat.h"
#include "shared/deterministic_random.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

/// A clock the seeding moves through each relationship's history.
class SteppedClock final : public Clock {
 public:
  absl::Time Now() const override { return at_; }
  void Set(absl::Time at) { at_ = at; }

 private:
  absl::Time at_ = absl::UnixEpoch();
};

struct Goal {
  const char* what;
  const char* measure;
  const char* theme;
  int start;
};

constexpr Goal kGoals[] = {
    {"Lead handovers that are calm and on time",
     "Handovers finish within 15 minutes and the team says they are clear.", "leadership", 3},
    {"Say no to extra shifts without feeling guilty",
     "I turn down at least one extra shift a month and feel fine about it.", "wellbeing", 2},
    {"Prepare for a band 7 interview", "I have applied and can talk through three examples.",
     "career_planning", 4},
    {"Give feedback to my team more often",
     "Each person hears something specific from me every fortnight.", "team_working", 3},
    {"Feel settled in my first management role",
     "I rate my confidence at 7 or more and have a plan for the quarter.", "new_to_management", 2},
    {"Run the project to move the clinic to the new site",
     "The move is planned with the team and staff know what changes.", "project_development", 3},
};

constexpr const char* kThemes[] = {
    "leadership",        "wellbeing",          "career_planning",       "confidence",
    "team_working",      "new_to_management",  "change_and_transition", "performance_improvement",
    "returning_to_work", "clinical_leadership"};

constexpr const char* kSharedTexts[] = {
    "I plan my week and speak up in meetings. I would not have before.",
    "I feel more confident leading the morning huddle.",
    "Having an hour that was just for me made a real difference.",
    "I applied for the post I had been putting off.",
    "I say no to extra shifts without feeling guilty now.",
    "Talking things through helped me see my options clearly.",
    "My team has noticed that I give feedback more often.",
    "I understand my own reactions under pressure better.",
};

/// Writes one relationship's history through the domain's rules.
class Stager {
 public:
  Stager(const DemoGoalStores& s, absl::Time now)
      : s_(s),
        now_(now),
        relationships_(s.relationships, s.receipts, clock_),
        sessions_(s.sessions, s.relationships, s.receipts, s.audit, s.profiles, s.cipher, clock_),
        goals_(s.goals, s.relationships, s.sessions, s.receipts, s.profiles, s.cipher, clock_) {}

  struct Started {
    int64_t id = 0;
    Principal coachee;
    Principal member;
  };

  /// A request from `coachee` accepted by the first of `members` (from
  /// `next`) with a free place, `days_ago`.
  absl::StatusOr<Started> Start(SupportKind kind, const Account& coachee,
                                const std::vector<Account>& members, size_t& next, int days_ago,
                                int waited_days = 2) {
    At(days_ago);
    for (; next < members.size(); ++next) {
      const Account& member = members[next];
      if (!member.HasRole(kind == SupportKind::kCoaching ? Role::kCoach : Role::kMentor)) continue;
      SupportRequest r;
      r.coachee_id = coachee.id;
      r.coachee_organisation_id = coachee.organisation_id;
      r.created_at = r.waiting_since = clock_.Now() - absl::Hours(24 * waited_days);
      r.details.kind = kind;
      r.details.gap = "I would like support to grow in my role and look after myself.";
      r.details.themes = {"leadership"};
      r.status = RequestStatus::kPending;
      r.member_id = member.id;
      r.origin = RequestOrigin::kNamed;
      r.sent_at = clock_.Now() - absl::Hours(24);
      r.answer_due_at = clock_.Now() + absl::Hours(24 * 5);
      ASSIGN_OR_RETURN(const SupportRequest created, s_.requests.Create(r));
      const absl::StatusOr<SupportRequest> accepted =
          s_.requests.Accept(created.id, member.id, clock_.Now());
      if (absl::IsFailedPrecondition(accepted.status())) {
        // Full: withdraw it and try the next member.
        RETURN_IF_ERROR(s_.requests
                            .Update(created.id,
                                    [](SupportRequest& q) {
                                      q.status = RequestStatus::kWithdrawn;
                                      return absl::OkStatus();
                                    })
                            .status());
        continue;
      }
      RETURN_IF_ERROR(accepted.status());
      ++next;
      return Started{accepted->relationship_id, Principal{.account = coachee, .token_hash = ""},
                     Principal{.account = member, .token_hash = ""}};
    }
    return absl::FailedPreconditionError("No demo member has a free place.");
  }

  absl::Status Terms(const Started& r, SupportKind kind, int days_ago, int sessions = 6,
                     int lasts_days = 120) {
    At(days_ago);
    ContractTerms terms;
    if (kind == SupportKind::kCoaching) {
      terms = {.number_of_sessions = sessions,
               .session_minutes = 60,
               .regularity = SessionRegularity::kFortnightly,
               .planned_end_on = ToDay(clock_.Now()) + lasts_days,
               .review_cadence = ReviewCadence::kNone};
    } else {
      terms.review_cadence = ReviewCadence::kQuarterly;
    }
    return relationships_.SetTerms(r.member, r.id, terms, {}).status();
  }

  absl::Status Goals(const Started& r, int days_ago, int first, int count) {
    At(days_ago);
    for (int i = 0; i < count; ++i) {
      const Goal& g = kGoals[static_cast<size_t>(first + i) % std::size(kGoals)];
      RETURN_IF_ERROR(goals_
                          .AddGoal(r.coachee, r.id,
                                   {.what = g.what,
                                    .measure = g.measure,
                                    .target_on = "",
                                    .themes = {g.theme},
                                    .starting_rating = g.start},
                                   {})
                          .status());
    }
    return absl::OkStatus();
  }

  absl::Status Agree(const Started& r, int days_ago) {
    At(days_ago);
    RETURN_IF_ERROR(
        relationships_.Agree(r.member, r.id, true, true, LineManagerTold::kUnknown, {}).status());
    return relationships_.Agree(r.coachee, r.id, true, true, LineManagerTold::kYes, {}).status();
  }

  /// A session proposed by the member for `days_ago` and called off two
  /// days before.
  absl::Status Cancelled(const Started& r, int days_ago) {
    At(days_ago + 4);
    ASSIGN_OR_RETURN(const SessionView proposed,
                     sessions_.Propose(r.member,
                                       {.relationship_id = r.id,
                                        .starts_at = clock_.Now() + absl::Hours(24 * 4),
                                        .planned_minutes = 60,
                                        .mode = DeliveryMode::kVideo,
                                        .place = "Video call"},
                                       {}));
    At(days_ago + 2);
    return sessions_
        .Cancel(r.coachee, proposed.session.id, "A shift came up that I cannot swap.", {})
        .status();
  }

  /// Recorded afterwards as not held: the coachee did not come.
  absl::Status NotAttended(const Started& r, int days_ago) {
    At(days_ago);
    RecordInput in;
    in.relationship_id = r.id;
    in.held = false;
    in.cancelled_by = CancelledBy::kCoachee;
    in.cancel_reason = "Did not arrive; the ward was short-staffed.";
    in.started_at = clock_.Now() - absl::Hours(1);
    const std::string key = absl::StrCat("demo-missed-", r.id, "-", days_ago, "-0000000");
    return sessions_.Record(r.member, in, {.key = key, .digest = key}).status();
  }

  absl::Status Held(const Started& r, int days_ago, const char* theme) {
    At(days_ago);
    RecordInput in;
    in.relationship_id = r.id;
    in.held = true;
    in.started_at = clock_.Now() - absl::Hours(1);
    in.actual_minutes = 60;
    in.mode = DeliveryMode::kVideo;
    in.themes = {theme};
    in.agreed_actions = "Try one change before the next session and note how it went.";
    const std::string key = absl::StrCat("demo-record-", r.id, "-", days_ago, "-0000000");
    return sessions_.Record(r.member, in, {.key = key, .digest = key}).status();
  }

  /// The coachee reviews every open goal at `rating` above its start.
  absl::StatusOr<int64_t> Review(const Started& r, int days_ago, int gain, const char* comment) {
    At(days_ago);
    ASSIGN_OR_RETURN(const GoalPlan plan, goals_.Plan(r.coachee, r.id));
    ReviewInput in{.ratings = {},
                   .helped = "Talking it through before my shifts, and trying one thing at a time.",
                   .next = "Keep going, and ask my manager for feedback."};
    for (const GoalView& g : plan.goals) {
      if (g.state != GoalState::kOpen) continue;
      in.ratings.emplace_back(g.id, std::min(10, g.ratings.front().rating + gain));
    }
    ASSIGN_OR_RETURN(const auto reviewed, goals_.SubmitReview(r.coachee, r.id, in, {}));
    if (comment != nullptr) {
      At(days_ago - 1);
      RETURN_IF_ERROR(goals_.CommentOnReview(r.member, reviewed.second, comment, {}).status());
    }
    return reviewed.second;
  }

  absl::Status Achieve(const Started& r, int days_ago) {
    At(days_ago);
    ASSIGN_OR_RETURN(const GoalPlan plan, goals_.Plan(r.coachee, r.id));
    return goals_.CloseGoal(r.coachee, plan.goals.front().id, GoalState::kAchieved, "", {})
        .status();
  }

  absl::Status Complete(const Started& r, int days_ago) {
    At(days_ago);
    return relationships_.Complete(r.member, r.id, {}).status();
  }

  absl::Status EndEarly(const Started& r, int days_ago) {
    At(days_ago);
    return relationships_
        .End(r.coachee, r.id, "I have moved to a new post and cannot keep it up.", {})
        .status();
  }

  /// `who` answers the evaluation: ratings at `score` of 5, text shared.
  absl::Status Evaluate(const Started& r, const Principal& who, int days_ago, int score,
                        const char* text = nullptr) {
    At(days_ago);
    ASSIGN_OR_RETURN(const GoalPlan plan, goals_.Plan(who, r.id));
    if (!plan.my_questions) return absl::OkStatus();
    EvaluationInput in{.goals = {}, .version = plan.my_questions->version, .answers = {}};
    if (who.id() == r.coachee.id()) {
      for (const GoalView& g : plan.goals) {
        if (g.state == GoalState::kDropped) continue;
        in.goals.push_back({.goal_id = g.id,
                            .rating = std::min(10, g.ratings.back().rating + 1),
                            .outcome = g.state == GoalState::kAchieved ? GoalOutcome::kAchieved
                                                                       : GoalOutcome::kPartly});
      }
    }
    bool first_text = true;
    for (size_t q = 0; q < plan.my_questions->questions.size(); ++q) {
      const Question& question = plan.my_questions->questions[q];
      EvaluationInput::AnswerIn a{.question = static_cast<int>(q)};
      switch (question.type) {
        case QuestionType::kRating:
          a.choice = score;
          break;
        case QuestionType::kYesNo:
          a.choice = 1;
          break;
        case QuestionType::kChoice:
          a.choice = 2;
          break;
        case QuestionType::kText:
          if (first_text) {
            a.text = text != nullptr
                         ? text
                         : "I plan my week and speak up in meetings. I would not have before.";
            a.share = who.id() == r.coachee.id();
            first_text = false;
          }
          break;
      }
      in.answers.push_back(std::move(a));
    }
    return goals_.SubmitEvaluation(who, r.id, in, {}).status();
  }

  /// Every member's returns for the last twelve months, confirmed a few
  /// days into the next month; last month's left to a third of them, and
  /// a few amended. About one in eight names "Staff shortages" as a new
  /// theme, so that it is common enough to be shown.
  absl::Status Returns(const DemoGoalStores& s, const std::vector<Account>& members,
                       DeterministicRandom& random) {
    domain::Returns returns(s.returns, s.receipts, s.profiles, s.cipher, clock_, s.return_settings);
    const absl::CivilMonth this_month = MonthOf(now_, s.return_settings.zone);
    for (const Account& member : members) {
      const Principal who{.account = member, .token_hash = ""};
      for (absl::CivilMonth month = this_month - 12; month < this_month; ++month) {
        if (month == this_month - 1 && random.Below(3) != 0) continue;
        clock_.Set(MonthStart(month + 1, s.return_settings.zone) +
                   absl::Hours(24 * (1 + random.Below(4)) + 10));
        if (clock_.Now() > now_) continue;
        ReturnInput in{.month = FormatMonth(month),
                       .themes = {kThemes[random.Below(std::size(kThemes))]}};
        if (random.Below(4) == 0) {
          in.added.push_back({.kind = member.HasRole(Role::kCoach) ? SupportKind::kCoaching
                                                                   : SupportKind::kMentoring,
                              .category = random.Below(3) == 0 ? HoursCategory::kGroup
                                                               : HoursCategory::kIndividual,
                              .paid = false,
                              .minutes = 60 * (1 + random.Below(3))});
        }
        if (random.Below(8) == 0) in.new_theme = "Staff shortages";
        const absl::StatusOr<MonthlyReturn> confirmed = returns.Confirm(who, in, {});
        if (absl::IsPermissionDenied(confirmed.status())) break;  // not a coach or mentor
        RETURN_IF_ERROR(confirmed.status());
        if (random.Below(15) == 0) {
          clock_.Set(clock_.Now() + absl::Hours(24 * 3));
          if (clock_.Now() > now_) continue;
          in.added.push_back({.kind = SupportKind::kCoaching,
                              .category = HoursCategory::kIndividual,
                              .minutes = 60});
          in.reason = "I forgot a session I gave outside Tandem.";
          RETURN_IF_ERROR(returns.Amend(who, in, {}).status());
        }
      }
    }
    return absl::OkStatus();
  }

  absl::Status FollowUp(const Started& r, int days_ago) {
    At(days_ago);
    return goals_
        .SubmitFollowUp(r.coachee, r.id, 7, "Most of it has lasted; I still use the planning.",
                        true, {})
        .status();
  }

 private:
  void At(int days_ago) { clock_.Set(now_ - absl::Hours(24 * days_ago)); }

  const DemoGoalStores& s_;
  absl::Time now_;
  SteppedClock clock_;
  Relationships relationships_;
  Sessions sessions_;
  domain::Goals goals_;
};

/// About a hundred relationships begun across the last thirteen months,
/// each through the domain's rules on the stepped clock, then the pool's
/// monthly returns.
absl::Status SeedHistory(const DemoGoalStores& stores, Stager& stage,
                         const std::vector<Account>& coachees,
                         const std::vector<Account>& members) {
  if (members.empty()) return absl::OkStatus();
  DeterministicRandom random(20261204);
  constexpr int kRelationships = 110;
  size_t cursor = 0;
  size_t next_coachee = 0;
  for (int i = 0; i < kRelationships && next_coachee < coachees.size(); ++i) {
    const int start_day = 395 - i * 375 / kRelationships;
    const SupportKind kind =
        random.Below(3) == 0 ? SupportKind::kMentoring : SupportKind::kCoaching;
    const int waited = 2 + random.Below(40);
    size_t n = cursor % members.size();
    absl::StatusOr<Stager::Started> started =
        stage.Start(kind, coachees[next_coachee], members, n, start_day, waited);
    if (absl::IsFailedPrecondition(started.status())) {
      n = 0;
      started = stage.Start(kind, coachees[next_coachee], members, n, start_day, waited);
    }
    if (absl::IsFailedPrecondition(started.status())) continue;  // the pool is full today
    RETURN_IF_ERROR(started.status());
    ++next_coachee;
    cursor = n;
    const Stager::Started& r = *started;
    RETURN_IF_ERROR(stage.Terms(r, kind, start_day - 1, 6, 120));
    RETURN_IF_ERROR(stage.Goals(r, start_day - 1, i % 6, 1 + i % 2));
    RETURN_IF_ERROR(stage.Agree(r, start_day - 2));
    int last = start_day;
    for (int j = 0; j < 4; ++j) {
      const int day = start_day - 7 - 14 * j - random.Below(4);
      if (day <= 1) break;
      const int roll = random.Below(12);
      if (roll == 0) {
        RETURN_IF_ERROR(stage.Cancelled(r, day));
      } else if (roll == 1) {
        RETURN_IF_ERROR(stage.NotAttended(r, day));
      } else {
        RETURN_IF_ERROR(stage.Held(r, day, kThemes[random.Below(std::size(kThemes))]));
      }
      last = day;
      if (j == 1) RETURN_IF_ERROR(stage.Review(r, day - 1, 1 + random.Below(3), nullptr).status());
    }
    if (last > 8 && last < start_day - 40) {
      if (random.Below(8) == 0) {
        RETURN_IF_ERROR(stage.EndEarly(r, last - 5));
      } else {
        RETURN_IF_ERROR(stage.Complete(r, last - 5));
        RETURN_IF_ERROR(
            stage.Evaluate(r, r.coachee, last - 6, 3 + random.Below(3),
                           kSharedTexts[static_cast<size_t>(i) % std::size(kSharedTexts)]));
        RETURN_IF_ERROR(stage.Evaluate(r, r.member, last - 7, 3 + random.Below(3)));
      }
    }
  }
  return stage.Returns(stores, members, random);
}

}  // namespace

absl::Status SeedDemoGoals(const DemoGoalStores& stores, const std::vector<Account>& coachees,
                           const std::vector<Account>& members, absl::Time now) {
  Stager stage(stores, now);
  size_t next_member = 0;
  size_t next_coachee = 0;
  const auto start = [&](SupportKind kind, int days_ago) -> absl::StatusOr<Stager::Started> {
    if (next_coachee >= coachees.size()) {
      return absl::FailedPreconditionError("Not enough demo staff.");
    }
    return stage.Start(kind, coachees[next_coachee++], members, next_member, days_ago);
  };
  constexpr SupportKind kCoaching = SupportKind::kCoaching;
  constexpr SupportKind kMentoring = SupportKind::kMentoring;

  // Contracting: the goals set, the coachee still to agree.
  ASSIGN_OR_RETURN(const auto contracting, start(kCoaching, 4));
  RETURN_IF_ERROR(stage.Terms(contracting, kCoaching, 3));
  RETURN_IF_ERROR(stage.Goals(contracting, 2, 0, 2));

  // Active, two of six sessions held: no review due yet.
  ASSIGN_OR_RETURN(const auto early, start(kCoaching, 30));
  RETURN_IF_ERROR(stage.Terms(early, kCoaching, 29, 6, 150));
  RETURN_IF_ERROR(stage.Goals(early, 28, 2, 2));
  RETURN_IF_ERROR(stage.Agree(early, 28));
  RETURN_IF_ERROR(stage.Held(early, 21, "career_planning"));
  RETURN_IF_ERROR(stage.Held(early, 7, "confidence"));

  // Active, three of six held: the review at the middle is due.
  ASSIGN_OR_RETURN(const auto middle, start(kCoaching, 50));
  RETURN_IF_ERROR(stage.Terms(middle, kCoaching, 49, 6, 120));
  RETURN_IF_ERROR(stage.Goals(middle, 48, 4, 2));
  RETURN_IF_ERROR(stage.Agree(middle, 48));
  for (const int day : {42, 28, 14}) RETURN_IF_ERROR(stage.Held(middle, day, "new_to_management"));

  // Active, reviewed at the middle with the coach's comment, a goal achieved.
  ASSIGN_OR_RETURN(const auto reviewed, start(kCoaching, 85));
  RETURN_IF_ERROR(stage.Terms(reviewed, kCoaching, 84, 4, 120));
  RETURN_IF_ERROR(stage.Goals(reviewed, 83, 0, 3));
  RETURN_IF_ERROR(stage.Agree(reviewed, 83));
  for (const int day : {75, 60}) RETURN_IF_ERROR(stage.Held(reviewed, day, "leadership"));
  RETURN_IF_ERROR(
      stage.Review(reviewed, 58, 3, "Real progress on handovers. Let's look at shifts next.")
          .status());
  RETURN_IF_ERROR(stage.Held(reviewed, 45, "wellbeing"));
  RETURN_IF_ERROR(stage.Achieve(reviewed, 40));

  // Completed ten days ago; the coachee has answered the evaluation.
  ASSIGN_OR_RETURN(const auto completed, start(kCoaching, 80));
  RETURN_IF_ERROR(stage.Terms(completed, kCoaching, 79, 3, 100));
  RETURN_IF_ERROR(stage.Goals(completed, 78, 1, 2));
  RETURN_IF_ERROR(stage.Agree(completed, 78));
  for (const int day : {70, 50}) RETURN_IF_ERROR(stage.Held(completed, day, "wellbeing"));
  RETURN_IF_ERROR(stage.Review(completed, 48, 2, "Good to see the change.").status());
  RETURN_IF_ERROR(stage.Held(completed, 20, "confidence"));
  RETURN_IF_ERROR(stage.Complete(completed, 10));
  RETURN_IF_ERROR(stage.Evaluate(completed, completed.coachee, 8, 4));

  // Ended early; no evaluation yet.
  ASSIGN_OR_RETURN(const auto ended, start(kCoaching, 60));
  RETURN_IF_ERROR(stage.Terms(ended, kCoaching, 59));
  RETURN_IF_ERROR(stage.Goals(ended, 58, 3, 1));
  RETURN_IF_ERROR(stage.Agree(ended, 58));
  RETURN_IF_ERROR(stage.Held(ended, 50, "team_working"));
  RETURN_IF_ERROR(stage.EndEarly(ended, 30));

  // Mentoring, active since 100 days ago, reviewed quarterly: one is due.
  ASSIGN_OR_RETURN(const auto mentoring, start(kMentoring, 101));
  RETURN_IF_ERROR(stage.Terms(mentoring, kMentoring, 100));
  RETURN_IF_ERROR(stage.Goals(mentoring, 100, 5, 1));
  RETURN_IF_ERROR(stage.Agree(mentoring, 100));
  RETURN_IF_ERROR(stage.Held(mentoring, 70, "project_development"));

  // Mentoring that ended 200 days ago, both evaluated: the follow-up is due.
  ASSIGN_OR_RETURN(const auto lasted, start(kMentoring, 290));
  RETURN_IF_ERROR(stage.Terms(lasted, kMentoring, 289));
  RETURN_IF_ERROR(stage.Goals(lasted, 288, 2, 1));
  RETURN_IF_ERROR(stage.Agree(lasted, 288));
  RETURN_IF_ERROR(stage.Held(lasted, 250, "career_planning"));
  RETURN_IF_ERROR(stage.Review(lasted, 230, 3, nullptr).status());
  RETURN_IF_ERROR(stage.Complete(lasted, 200));
  RETURN_IF_ERROR(stage.Evaluate(lasted, lasted.coachee, 199, 5));
  RETURN_IF_ERROR(stage.Evaluate(lasted, lasted.member, 198, 4));

  // Coaching that ended 220 days ago, followed up.
  ASSIGN_OR_RETURN(const auto followed, start(kCoaching, 330));
  RETURN_IF_ERROR(stage.Terms(followed, kCoaching, 329, 4, 120));
  RETURN_IF_ERROR(stage.Goals(followed, 328, 4, 2));
  RETURN_IF_ERROR(stage.Agree(followed, 328));
  for (const int day : {320, 300}) RETURN_IF_ERROR(stage.Held(followed, day, "confidence"));
  RETURN_IF_ERROR(stage.Review(followed, 290, 2, "Steady progress.").status());
  for (const int day : {280, 250}) RETURN_IF_ERROR(stage.Held(followed, day, "confidence"));
  RETURN_IF_ERROR(stage.Complete(followed, 220));
  RETURN_IF_ERROR(stage.Evaluate(followed, followed.coachee, 218, 5));
  RETURN_IF_ERROR(stage.Evaluate(followed, followed.member, 217, 5));
  RETURN_IF_ERROR(stage.FollowUp(followed, 30));
  return SeedHistory(
      stores, stage,
      std::vector<Account>(coachees.begin() + static_cast<std::ptrdiff_t>(next_coachee),
                           coachees.end()),
      members);
}

}  // namespace tandem::domain
