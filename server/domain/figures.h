#pragma once

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

/// Where in time and whose: organisation ids and [from, to).
struct FactQuery {
  std::vector<int64_t> organisation_ids;
  absl::Time from;
  absl::Time to;
};

class FiguresRepository {
 public:
  virtual ~FiguresRepository() = default;
  /// Sessions starting in [from, to) of relationships whose coachee is of
  /// the organisations.
  virtual absl::StatusOr<std::vector<SessionRecordFact>> Sessions(const FactQuery& q) = 0;
  /// Requests by coachees of the organisations made in [from, to), and
  /// every request waiting now.
  virtual absl::StatusOr<std::vector<RequestFact>> Requests(const FactQuery& q) = 0;
  /// Answers in [from, to) that sent a request back to the waiting list
  /// (declined or let lapse).
  virtual absl::StatusOr<int64_t> ReturnedToWaiting(const FactQuery& q) = 0;
  /// Relationships begun before `to` and not ended before `from`.
  virtual absl::StatusOr<std::vector<RelationshipFact>> Relationships(const FactQuery& q) = 0;
  /// Goals set, closed or rated at the end in [from, to).
  virtual absl::StatusOr<std::vector<GoalFact>> Goals(const FactQuery& q) = 0;
  /// Answers to rating questions of evaluations given in [from, to).
  virtual absl::StatusOr<std::vector<RatingAnswerFact>> RatingAnswers(const FactQuery& q) = 0;
  /// The latest version of every return for a month in [first, last] by a
  /// member of the organisations.
  virtual absl::StatusOr<std::vector<ReturnFact>> Returns(
      const std::vector<int64_t>& organisation_ids, absl::CivilMonth first,
      absl::CivilMonth last) = 0;
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

/// Everything the figures are worked out from, for one period.
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

/// The pool now.
struct PoolFacts {
  std::vector<Profile> members;     // approved
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
  absl::StatusOr<PeriodFacts> Read(const std::vector<int64_t>& organisations, const Period& p);
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
