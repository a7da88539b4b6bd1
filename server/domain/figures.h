#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/disclosure.h"
#include "server/domain/evaluation_questions.h"
#include "server/domain/goals.h"
#include "server/domain/identity.h"
#include "server/domain/monthly_return.h"
#include "server/domain/note_cipher.h"
#include "server/domain/profile.h"
#include "server/domain/profile_repository.h"
#include "server/domain/reach.h"
#include "server/domain/relationship.h"
#include "server/domain/repositories.h"
#include "server/domain/request.h"
#include "server/domain/session.h"
#include "shared/clock.h"

/// The programme's figures: activity, access, reach, themes, outcomes and
/// the pool, for a coordinator's organisations over whole months — worked
/// out exactly from the records and protected by disclosure.h before they
/// leave. Activity, access, reach and outcomes count the coachee's
/// organisation (who is reached); the pool and returns count the member's.
namespace tandem::domain {

enum class PeriodKind : int { kMonth = 1, kQuarter, kYear, kCustom };

/// Whole months [first, last].
struct Period {
  PeriodKind kind = PeriodKind::kQuarter;
  absl::CivilMonth first;
  absl::CivilMonth last;

  int Months() const { return static_cast<int>(last - first) + 1; }
};

/// Checks a period as asked for (quarters start in January, April, July or
/// October; years in April, as the NHS financial year does; a custom
/// period is 1–36 months) and that it has begun by `this_month`.
absl::StatusOr<Period> MakePeriod(PeriodKind kind, absl::string_view from, absl::string_view to,
                                  absl::CivilMonth this_month);
/// The period of the same length just before.
Period PreviousPeriod(const Period& period);
/// "October to December 2026", "November 2026", "April 2026 to March 2027".
std::string PeriodWords(const Period& period);

// ---- Exact facts, as storage gives them --------------------------------------

struct SessionRecordFact {
  absl::Time starts_at;
  SupportKind kind = SupportKind::kCoaching;
  SessionStatus status = SessionStatus::kProposed;
  int actual_minutes = 0;
  int64_t coachee_id = 0;
  std::vector<std::string> themes;
};

struct RequestFact {
  SupportKind kind = SupportKind::kCoaching;
  RequestStatus status = RequestStatus::kWaiting;
  absl::Time created_at;
  absl::Time waiting_since;
  int64_t coachee_id = 0;
  /// When a relationship came of it, and its first session held.
  std::optional<absl::Time> matched_at;
  std::optional<absl::Time> first_session_at;
};

struct RelationshipFact {
  SupportKind kind = SupportKind::kCoaching;
  int64_t coachee_id = 0;
  int64_t organisation_id = 0;  // the coachee's
  absl::Time started;
  std::optional<absl::Time> ended;
  Declaration declaration;  // the coachee's
};

struct GoalFact {
  absl::Time created_at;
  GoalState state = GoalState::kOpen;
  std::optional<absl::Time> closed_at;
  GoalOutcome outcome = GoalOutcome::kNone;
  std::optional<int> start_rating;
  std::optional<int> end_rating;
  std::optional<absl::Time> end_at;
};

struct RatingAnswerFact {
  Audience audience = Audience::kCoachee;
  std::string question;
  int choice = 0;  // 1–5: the five labels
  absl::Time at;
};

struct ReturnFact {
  int64_t member_id = 0;
  absl::CivilMonth month;
  ReturnVersion version;  // the latest; new theme sealed
};

/// One month of a period: [from, to) in the programme's time zone.
struct MonthSpan {
  absl::CivilMonth month;
  absl::Time from;
  absl::Time to;
};

/// Where in time and whose: organisation ids and [from, to), whole months.
struct FactQuery {
  std::vector<int64_t> organisation_ids;
  absl::Time from;
  absl::Time to;
  /// The months of [from, to), in order.
  std::vector<MonthSpan> months;
  /// Whether what only the tables need is wanted too; the period before is
  /// shown as headlines alone.
  bool tables = true;
};

// ---- The facts counted, as storage gives them for a period ----------------------
//
// Counting is done where the records are; each count below is what the
// exact facts above add up to (Tally says how), so the figures worked out
// from either are the same.

/// Distinct people are counted only up to this many where the figure needs
/// no more (disclosure::Hours: none, 1–7, or enough to show the hours).
inline constexpr int64_t kPeopleCountedTo = disclosure::kMinGroup;

/// Sessions of one kind and status.
struct SessionCount {
  SupportKind kind = SupportKind::kCoaching;
  SessionStatus status = SessionStatus::kHeld;
  int64_t sessions = 0;
  int64_t minutes = 0;  // actual
  /// Held only: distinct coachees, up to kPeopleCountedTo.
  int64_t people = 0;
};

/// How often a theme was named in one month.
struct ThemeCount {
  absl::CivilMonth month;
  std::string code;
  int64_t mentions = 0;
};

/// Sessions (held, cancelled, not attended) starting in [from, to) of
/// relationships whose coachee is of the organisations.
struct SessionTotals {
  /// Over the whole period; only the non-zero ones.
  std::vector<SessionCount> period;
  /// The same month by month. Tables only.
  std::vector<std::pair<absl::CivilMonth, SessionCount>> by_month;
  /// Distinct coachees with a session held in the period, up to
  /// kPeopleCountedTo.
  int64_t held_people = 0;
  /// Themes of the sessions held, by month. Tables only.
  std::vector<ThemeCount> themes;
};

/// Requests by coachees of the organisations.
struct RequestTotals {
  /// Made in the period.
  int64_t made = 0;
  /// When each request matched in the period was made, and matched.
  std::vector<std::pair<absl::Time, absl::Time>> matched;
  /// When each relationship whose first session was held in the period
  /// was matched, and that session. Tables only.
  std::vector<std::pair<absl::Time, absl::Time>> first_sessions;
  /// Since when each request waiting now (for a match, or for an answer)
  /// has waited. Tables only.
  std::vector<absl::Time> waiting_since;
};

/// Relationships of coachees of the organisations under way in the period:
/// begun before `to` and not ended before `from`.
struct RelationshipTotals {
  int64_t under_way = 0;
  /// Of those, begun in the period (matches made).
  int64_t begun = 0;
  /// Each of them. Tables only.
  std::vector<RelationshipFact> rows;
};

/// Goals of coachees of the organisations.
struct GoalTotals {
  /// Set in the period.
  int64_t set = 0;
  /// Dropped in the period.
  int64_t dropped = 0;
  /// Rated at the end in the period, by outcome (GoalOutcome's number).
  std::array<int64_t, 5> ended{};
  /// Of those, the ones rated at the start too: how many, and the sum of
  /// (end rating − start rating).
  int64_t rating_changes = 0;
  int64_t rating_change_sum = 0;
};

/// Answers to one rating question, from evaluations given in the period.
struct RatingCount {
  Audience audience = Audience::kCoachee;
  std::string question;
  int64_t answers = 0;
  int64_t choice_sum = 0;  // of the choices, 1–5
};

/// A new theme typed into a return, as stored.
struct SealedTheme {
  int64_t member_id = 0;
  absl::CivilMonth month;
  int version = 0;
  std::string sealed;
};

/// Returns for the months of the period by members of the organisations:
/// the latest version of each.
struct ReturnTotals {
  int64_t confirmed = 0;
  /// Their themes, by month. Tables only.
  std::vector<ThemeCount> themes;
  /// Their typed new themes. Tables only.
  std::vector<SealedTheme> new_themes;
};

/// An approved pool member of the organisations, as the figures read them:
/// what the listing rule (ComputeListing) and the pool's table need.
struct PoolMemberFact {
  int64_t account_id = 0;
  std::string display_name;
  ProfileKind kind = ProfileKind::kCoach;
  PoolStatus status = PoolStatus::kApproved;
  int capacity = 0;
  int current_load = 0;
  std::optional<absl::CivilDay> last_supervision_on;
  absl::Time coaching_listed_until = absl::InfinitePast();
  /// When they joined the pool (the profile was made).
  absl::Time joined;
  /// Confirmed a return for the month asked about.
  bool returned = false;
};

struct PoolRows {
  /// By name, then account id.
  std::vector<PoolMemberFact> members;
  /// Members of the organisations (approved or not) who confirmed a return
  /// for the month asked about.
  int64_t returned = 0;
};

class FiguresRepository {
 public:
  virtual ~FiguresRepository() = default;
  virtual absl::StatusOr<SessionTotals> Sessions(const FactQuery& q) = 0;
  virtual absl::StatusOr<RequestTotals> Requests(const FactQuery& q) = 0;
  /// Answers in [from, to) that sent a request back to the waiting list
  /// (declined or let lapse).
  virtual absl::StatusOr<int64_t> ReturnedToWaiting(const FactQuery& q) = 0;
  virtual absl::StatusOr<RelationshipTotals> Relationships(const FactQuery& q) = 0;
  virtual absl::StatusOr<GoalTotals> Goals(const FactQuery& q) = 0;
  virtual absl::StatusOr<std::vector<RatingCount>> RatingAnswers(const FactQuery& q) = 0;
  virtual absl::StatusOr<ReturnTotals> Returns(const FactQuery& q) = 0;
  /// The approved pool of the organisations now, with who has confirmed a
  /// return for `month`.
  virtual absl::StatusOr<PoolRows> Pool(const std::vector<int64_t>& organisation_ids,
                                        absl::CivilMonth month) = 0;
  /// The qualifications of these pool members.
  virtual absl::StatusOr<std::vector<Qualification>> Qualifications(
      const std::vector<int64_t>& account_ids) = 0;
};

// ---- Protected figures, as they leave ----------------------------------------

struct FigureRow {
  std::string label;
  std::vector<disclosure::Protected> cells;
};

enum class Chart : int { kNone = 0, kStackedBars = 1, kBars = 2 };

struct FigureTable {
  std::string id;
  std::string title;
  std::vector<std::string> columns;  // the label column's heading first
  std::vector<FigureRow> rows;
  std::string unit;
  Chart chart = Chart::kNone;
};

struct Headline {
  std::string id;
  std::string label;
  disclosure::Protected current;
  std::optional<disclosure::Protected> previous;
  std::string unit;
};

struct PoolMemberNote {
  std::string name;
  std::string note;
};

struct ProgrammeFigures {
  std::string scope_label;
  Period period;
  Period previous_period;
  std::vector<Headline> headlines;
  std::vector<FigureTable> tables;
  std::vector<PoolMemberNote> pool_notes;
  absl::Time computed_at;
};

/// Everything the figures are worked out from, for one period, fact by
/// fact.
struct PeriodFacts {
  std::vector<SessionRecordFact> sessions;
  std::vector<RequestFact> requests;
  int64_t returned_to_waiting = 0;
  std::vector<RelationshipFact> relationships;
  std::vector<GoalFact> goals;
  std::vector<RatingAnswerFact> ratings;
  std::vector<ReturnFact> returns;
  /// New themes typed into those returns, opened.
  std::vector<std::string> new_themes;
};

/// The same, counted: what storage gives (FiguresRepository), or what
/// Tally makes of PeriodFacts.
struct PeriodTotals {
  SessionTotals sessions;
  RequestTotals requests;
  int64_t returned_to_waiting = 0;
  RelationshipTotals relationships;
  GoalTotals goals;
  std::vector<RatingCount> ratings;
  int64_t returns = 0;
  std::vector<ThemeCount> return_themes;
  /// New themes typed into those returns, opened, with their month.
  std::vector<std::pair<absl::CivilMonth, std::string>> new_themes;
};

/// Counts `facts` for the period [from, to) as storage counts a period
/// (`zone` says which month a session is in).
PeriodTotals Tally(const PeriodFacts& facts, absl::Time from, absl::Time to, absl::TimeZone zone);

/// The pool now.
struct PoolFacts {
  // Approved members, the places they offer and the places in use (each
  // member's counted up to their capacity).
  int64_t members = 0;
  int64_t places_offered = 0;
  int64_t places_in_use = 0;
  std::vector<std::string> lapsed;  // names, with why in `lapsed_why`
  std::vector<std::string> lapsed_why;
  std::vector<std::string> not_returned;  // names: no return for last month
  absl::CivilMonth last_month;
  int64_t returned_last_month = 0;
};

/// The figures from exact facts, protected. Pure: every number that comes
/// out has passed disclosure.h. `scope` is the organisations covered, with
/// their head-counts (for reach as a share of staff) and whether they
/// monitor equality (reach by ethnic group and disability only when all
/// of them do).
ProgrammeFigures WorkOut(const Period& period, const PeriodTotals& now, const Period& previous,
                         const PeriodTotals& before, const PoolFacts& pool,
                         const std::vector<Organisation>& organisations,
                         const std::vector<OrganisationSettings>& scope,
                         const std::vector<Specialism>& taxonomy, absl::Time at);
/// The same from the facts one by one (each period's Tally).
ProgrammeFigures WorkOut(const Period& period, const PeriodFacts& now, const Period& previous,
                         const PeriodFacts& before, const PoolFacts& pool,
                         const std::vector<Organisation>& organisations,
                         const std::vector<OrganisationSettings>& scope,
                         const std::vector<Specialism>& taxonomy, absl::TimeZone zone,
                         absl::Time at);

/// A relationship on the coordinator's list.
struct ProgrammeRelationship {
  int64_t id = 0;
  SupportKind kind = SupportKind::kCoaching;
  RelationshipState state = RelationshipState::kActive;
  std::string coachee_name;
  std::string member_name;
  absl::Time started;
  int sessions_held = 0;
  std::optional<absl::Time> last_session_at;
};

struct ProgrammeRelationshipQuery {
  std::vector<int64_t> organisation_ids;
  std::vector<RelationshipState> states;
  /// Only those whose last held session (or start) is before this.
  std::optional<absl::Time> quiet_since;
  int limit = 50;
  int offset = 0;
};

struct ProgrammeRelationshipPage {
  std::vector<ProgrammeRelationship> relationships;
  int total_count = 0;
};

class ProgrammeRelationshipRepository {
 public:
  virtual ~ProgrammeRelationshipRepository() = default;
  /// Quietest first: by last held session (or start), then id.
  virtual absl::StatusOr<ProgrammeRelationshipPage> List(const ProgrammeRelationshipQuery& q) = 0;
};

struct ProgrammeRelationshipsInput {
  int64_t organisation_id = 0;
  std::vector<RelationshipState> states;
  int no_session_for_weeks = 0;
  int page_size = 0;
  std::string page_token;
};

/// Reads the facts a coordinator's figures need and works them out.
class Figures {
 public:
  Figures(FiguresRepository& facts, ProgrammeRelationshipRepository& relationships,
          ReachRepository& reach, ProfileRepository& profiles,
          OrganisationRepository& organisations, const NoteCipher& cipher, const Clock& clock,
          ListingSettings listing, ReturnSettings returns)
      : facts_(facts),
        relationships_(relationships),
        reach_(reach),
        profiles_(profiles),
        organisations_(organisations),
        cipher_(cipher),
        clock_(clock),
        listing_(listing),
        returns_(returns) {}

  absl::StatusOr<ProgrammeFigures> Get(const Principal& caller, int64_t organisation_id,
                                       PeriodKind kind, absl::string_view from,
                                       absl::string_view to);
  absl::StatusOr<std::pair<ProgrammeRelationshipPage, std::string>> Relationships(
      const Principal& caller, const ProgrammeRelationshipsInput& input);

 private:
  /// The period's facts, counted; with what only the tables need when
  /// `tables`.
  absl::StatusOr<PeriodTotals> Read(const std::vector<int64_t>& organisations, const Period& p,
                                    bool tables);
  absl::StatusOr<PoolFacts> Pool(const std::vector<int64_t>& organisations);

  FiguresRepository& facts_;
  ProgrammeRelationshipRepository& relationships_;
  ReachRepository& reach_;
  ProfileRepository& profiles_;
  OrganisationRepository& organisations_;
  const NoteCipher& cipher_;
  const Clock& clock_;
  ListingSettings listing_;
  ReturnSettings returns_;
};

}  // namespace tandem::domain
