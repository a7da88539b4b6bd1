#include "server/domain/figures.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/domain/activity_access.h"
#include "server/domain/page_token.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

using disclosure::Count;
using disclosure::Protected;

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
constexpr const char* kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string ShortMonth(absl::CivilMonth m) {
  return absl::StrCat(kShortMonths[m.month() - 1], " ", m.year());
}

std::string QuarterOf(absl::CivilMonth m) {
  return absl::StrCat(m.year(), " Q", (m.month() - 1) / 3 + 1);
}

double Days(absl::Duration d) { return absl::ToDoubleHours(d) / 24.0; }

struct Window {
  absl::Time from;
  absl::Time to;
  bool Holds(absl::Time t) const { return t >= from && t < to; }
  bool Holds(const std::optional<absl::Time>& t) const { return t && Holds(*t); }
};

Window WindowOf(const Period& p, absl::TimeZone zone) {
  return {MonthStart(p.first, zone), MonthStart(p.last + 1, zone)};
}

// The headline numbers of one period, protected.
struct Headlines {
  Protected hours, sessions_held, sessions_cancelled, active, new_requests, matches,
      median_to_match, match_rate, returned, goals_set, goals_achieved, rating_change,
      returns_confirmed;
};

Headlines HeadlinesOf(const PeriodFacts& f, const Window& w) {
  int64_t minutes = 0, held = 0, cancelled = 0;
  std::set<int64_t> people;
  for (const SessionRecordFact& s : f.sessions) {
    if (s.status == SessionStatus::kHeld) {
      minutes += s.actual_minutes;
      ++held;
      people.insert(s.coachee_id);
    } else if (s.status == SessionStatus::kCancelled || s.status == SessionStatus::kNotHeld) {
      ++cancelled;
    }
  }
  int64_t new_requests = 0;
  std::vector<double> to_match;
  for (const RequestFact& r : f.requests) {
    if (w.Holds(r.created_at)) ++new_requests;
    if (w.Holds(r.matched_at)) to_match.push_back(Days(*r.matched_at - r.created_at));
  }
  int64_t matches = 0;
  for (const RelationshipFact& r : f.relationships) matches += w.Holds(r.started) ? 1 : 0;
  int64_t set = 0, achieved = 0;
  std::vector<double> changes;
  for (const GoalFact& g : f.goals) {
    set += w.Holds(g.created_at) ? 1 : 0;
    if (w.Holds(g.end_at)) {
      achieved += g.outcome == GoalOutcome::kAchieved ? 1 : 0;
      if (g.start_rating && g.end_rating) changes.push_back(*g.end_rating - *g.start_rating);
    }
  }
  Headlines h;
  h.hours = disclosure::Hours(minutes, static_cast<int64_t>(people.size()));
  h.sessions_held = Count(held);
  h.sessions_cancelled = Count(cancelled);
  h.active = Count(static_cast<int64_t>(f.relationships.size()));
  h.new_requests = Count(new_requests);
  h.matches = Count(matches);
  h.median_to_match = disclosure::Quantile(to_match, 0.5);
  h.match_rate = disclosure::Percent(matches, new_requests);
  h.returned = Count(f.returned_to_waiting);
  h.goals_set = Count(set);
  h.goals_achieved = Count(achieved);
  h.rating_change = disclosure::Average(changes);
  h.returns_confirmed = Count(static_cast<int64_t>(f.returns.size()));
  return h;
}

FigureTable HoursByMonth(const Period& p, const PeriodFacts& f, absl::TimeZone zone) {
  FigureTable t{.id = "hours_by_month",
                .title = "Hours of coaching and mentoring held, by month",
                .columns = {"Month", "Coaching", "Mentoring"},
                .unit = "hours",
                .chart = Chart::kStackedBars};
  std::map<std::pair<absl::CivilMonth, int>, std::pair<int64_t, std::set<int64_t>>> cells;
  for (const SessionRecordFact& s : f.sessions) {
    if (s.status != SessionStatus::kHeld) continue;
    auto& cell = cells[{MonthOf(s.starts_at, zone), static_cast<int>(s.kind)}];
    cell.first += s.actual_minutes;
    cell.second.insert(s.coachee_id);
  }
  for (absl::CivilMonth m = p.first; m <= p.last; ++m) {
    FigureRow row{.label = ShortMonth(m)};
    for (SupportKind kind : {SupportKind::kCoaching, SupportKind::kMentoring}) {
      const auto& cell = cells[{m, static_cast<int>(kind)}];
      row.cells.push_back(disclosure::Hours(cell.first, static_cast<int64_t>(cell.second.size())));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

FigureTable SessionsByMonth(const Period& p, const PeriodFacts& f, absl::TimeZone zone) {
  FigureTable t{.id = "sessions_by_month",
                .title = "Sessions held, cancelled and not attended, by month",
                .columns = {"Month", "Held", "Cancelled", "Not attended"},
                .unit = "sessions",
                .chart = Chart::kBars};
  std::map<absl::CivilMonth, std::array<int64_t, 3>> counts;
  for (const SessionRecordFact& s : f.sessions) {
    auto& c = counts[MonthOf(s.starts_at, zone)];
    if (s.status == SessionStatus::kHeld) ++c[0];
    if (s.status == SessionStatus::kCancelled) ++c[1];
    if (s.status == SessionStatus::kNotHeld) ++c[2];
  }
  for (absl::CivilMonth m = p.first; m <= p.last; ++m) {
    const auto& c = counts[m];
    t.rows.push_back({.label = ShortMonth(m), .cells = {Count(c[0]), Count(c[1]), Count(c[2])}});
  }
  return t;
}

FigureTable WaitingNow(const PeriodFacts& f, absl::Time now) {
  FigureTable t{.id = "waiting_now",
                .title = "Waiting for a coach or mentor now, by how long",
                .columns = {"Waiting", "People"},
                .unit = "people",
                .chart = Chart::kBars};
  const std::vector<std::pair<std::string, int>> buckets = {
      {"Under 2 weeks", 14}, {"2 to 4 weeks", 28}, {"4 to 8 weeks", 56}, {"8 weeks or more", -1}};
  std::vector<int64_t> counts(buckets.size(), 0);
  for (const RequestFact& r : f.requests) {
    if (r.status != RequestStatus::kWaiting && r.status != RequestStatus::kPending) continue;
    const double days = Days(now - r.waiting_since);
    size_t i = 0;
    while (buckets[i].second >= 0 && days >= buckets[i].second) ++i;
    ++counts[i];
  }
  for (size_t i = 0; i < buckets.size(); ++i) {
    t.rows.push_back({.label = buckets[i].first, .cells = {Count(counts[i])}});
  }
  return t;
}

FigureTable TimeToMatch(const PeriodFacts& f, const Window& w) {
  FigureTable t{.id = "time_to_match",
                .title = "Days from request to match, and from match to first session",
                .columns = {"From", "Median", "90th percentile"},
                .unit = "days",
                .chart = Chart::kBars};
  std::vector<double> to_match, to_first;
  for (const RequestFact& r : f.requests) {
    if (w.Holds(r.matched_at)) to_match.push_back(Days(*r.matched_at - r.created_at));
    if (w.Holds(r.first_session_at) && r.matched_at) {
      to_first.push_back(Days(*r.first_session_at - *r.matched_at));
    }
  }
  t.rows.push_back(
      {.label = "Request to match",
       .cells = {disclosure::Quantile(to_match, 0.5), disclosure::Quantile(to_match, 0.9)}});
  t.rows.push_back(
      {.label = "Match to first session",
       .cells = {disclosure::Quantile(to_first, 0.5), disclosure::Quantile(to_first, 0.9)}});
  return t;
}

FigureTable ReachByOrganisation(const PeriodFacts& f, const std::vector<Organisation>& orgs,
                                const std::vector<OrganisationSettings>& scope) {
  FigureTable t{.id = "reach_by_organisation",
                .title = "People coached or mentored, by their organisation",
                .columns = {"Organisation", "Coached", "Mentored", "Share of staff (%)"},
                .unit = "people",
                .chart = Chart::kStackedBars};
  std::map<std::pair<int64_t, int>, std::set<int64_t>> people;
  std::map<int64_t, std::set<int64_t>> anyone;
  for (const RelationshipFact& r : f.relationships) {
    people[{r.organisation_id, static_cast<int>(r.kind)}].insert(r.coachee_id);
    anyone[r.organisation_id].insert(r.coachee_id);
  }
  for (const OrganisationSettings& settings : scope) {
    const auto org = std::find_if(orgs.begin(), orgs.end(), [&](const Organisation& o) {
      return o.id == settings.organisation_id;
    });
    if (org == orgs.end()) continue;
    FigureRow row{.label = org->name};
    for (SupportKind kind : {SupportKind::kCoaching, SupportKind::kMentoring}) {
      row.cells.push_back(
          Count(static_cast<int64_t>(people[{org->id, static_cast<int>(kind)}].size())));
    }
    // A share only where the organisation entered its head-count.
    row.cells.push_back(
        settings.headcount > 0
            ? disclosure::Percent(static_cast<int64_t>(anyone[org->id].size()), settings.headcount)
            : Protected{.value = 0, .suppressed = true});
    t.rows.push_back(std::move(row));
  }
  return t;
}

// People reached (distinct coachees under way in the period) by one of
// their declared answers, from `least` to `most`.
FigureTable ReachBy(const PeriodFacts& f, std::string id, std::string title, std::string heading,
                    int Declaration::*answer, int least, int most, std::string (*words)(int)) {
  FigureTable t{.id = std::move(id),
                .title = std::move(title),
                .columns = {std::move(heading), "People"},
                .unit = "people",
                .chart = Chart::kBars};
  std::map<int, std::set<int64_t>> people;
  for (const RelationshipFact& r : f.relationships) {
    people[r.declaration.*answer].insert(r.coachee_id);
  }
  // The choices first, then "prefer not to say" and "not answered".
  std::vector<int> order;
  for (int v = least; v <= most; ++v) {
    if (v != 0 && words(v) != "Prefer not to say") order.push_back(v);
  }
  for (int v = least; v <= most; ++v) {
    if (v != 0 && words(v) == "Prefer not to say") order.push_back(v);
  }
  order.push_back(0);
  for (int v : order) {
    t.rows.push_back({.label = words(v), .cells = {Count(static_cast<int64_t>(people[v].size()))}});
  }
  return t;
}

std::string NormaliseTheme(const std::string& text) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
}

FigureTable ThemesByQuarter(const Period& p, const PeriodFacts& f,
                            const std::vector<Specialism>& taxonomy, absl::TimeZone zone) {
  std::vector<std::string> quarters;
  for (absl::CivilMonth m = p.first; m <= p.last; ++m) {
    if (quarters.empty() || quarters.back() != QuarterOf(m)) quarters.push_back(QuarterOf(m));
  }
  FigureTable t{.id = "themes_by_quarter",
                .title = "Most frequent themes, from sessions and monthly returns",
                .unit = "mentions"};
  t.columns.push_back("Theme");
  for (const std::string& q : quarters) t.columns.push_back(q);
  // label -> quarter -> count
  std::map<std::string, std::map<std::string, int64_t>> counts;
  const auto label = [&](const std::string& code) {
    for (const Specialism& s : taxonomy) {
      if (s.code == code) return s.label;
    }
    return code;
  };
  for (const SessionRecordFact& s : f.sessions) {
    if (s.status != SessionStatus::kHeld) continue;
    for (const std::string& code : s.themes)
      ++counts[label(code)][QuarterOf(MonthOf(s.starts_at, zone))];
  }
  for (const ReturnFact& r : f.returns) {
    for (const std::string& code : r.version.themes) ++counts[label(code)][QuarterOf(r.month)];
  }
  // A theme typed in by members is shown only when enough returns name it
  // that its words cannot point to one of them.
  std::map<std::string, std::map<std::string, int64_t>> typed;
  for (size_t i = 0; i < f.new_themes.size() && i < f.returns.size(); ++i) {
    if (!f.new_themes[i].empty())
      ++typed[NormaliseTheme(f.new_themes[i])][QuarterOf(f.returns[i].month)];
  }
  for (const auto& [text, by_quarter] : typed) {
    int64_t total = 0;
    for (const auto& [q, n] : by_quarter) total += n;
    if (!disclosure::MayReleaseText(total)) continue;
    std::string shown = text;
    shown[0] = absl::ascii_toupper(static_cast<unsigned char>(shown[0]));
    for (const auto& [q, n] : by_quarter) counts[absl::StrCat(shown, " (new)")][q] += n;
  }
  std::vector<std::pair<double, std::string>> order;
  for (const auto& [name, by_quarter] : counts) {
    int64_t total = 0;
    for (const auto& [q, n] : by_quarter) total += n;
    // By the rounded total, so that the order reveals no more than it.
    order.push_back({Count(total).suppressed ? 0 : Count(total).value, name});
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t i = 0; i < order.size() && i < 10; ++i) {
    FigureRow row{.label = order[i].second};
    for (const std::string& q : quarters) row.cells.push_back(Count(counts[order[i].second][q]));
    t.rows.push_back(std::move(row));
  }
  return t;
}

FigureTable GoalOutcomes(const PeriodFacts& f, const Window& w) {
  FigureTable t{.id = "goal_outcomes",
                .title = "Goals set, and how goals ended",
                .columns = {"Goals", "Number"},
                .unit = "goals",
                .chart = Chart::kBars};
  int64_t set = 0, dropped = 0;
  std::map<GoalOutcome, int64_t> outcomes;
  for (const GoalFact& g : f.goals) {
    set += w.Holds(g.created_at) ? 1 : 0;
    if (g.state == GoalState::kDropped && w.Holds(g.closed_at)) ++dropped;
    if (w.Holds(g.end_at)) ++outcomes[g.outcome];
  }
  t.rows = {
      {.label = "Set", .cells = {Count(set)}},
      {.label = "Achieved", .cells = {Count(outcomes[GoalOutcome::kAchieved])}},
      {.label = "Partly achieved", .cells = {Count(outcomes[GoalOutcome::kPartly])}},
      {.label = "Not achieved", .cells = {Count(outcomes[GoalOutcome::kNotAchieved])}},
      {.label = "No longer relevant", .cells = {Count(outcomes[GoalOutcome::kNoLongerRelevant])}},
      {.label = "Dropped", .cells = {Count(dropped)}}};
  return t;
}

FigureTable EvaluationRatings(const PeriodFacts& f) {
  FigureTable t{.id = "evaluation_ratings",
                .title = "Answers to the evaluation's rating questions (1 to 5)",
                .columns = {"Question", "Average", "Answers"},
                .unit = "rating"};
  std::map<std::pair<int, std::string>, std::vector<double>> answers;
  for (const RatingAnswerFact& a : f.ratings) {
    answers[{static_cast<int>(a.audience), a.question}].push_back(a.choice);
  }
  for (const auto& [key, values] : answers) {
    const std::string who = key.first == static_cast<int>(Audience::kCoachee)
                                ? "Coachees and mentees: "
                                : "Coaches and mentors: ";
    t.rows.push_back(
        {.label = absl::StrCat(who, key.second),
         .cells = {disclosure::Average(values), Count(static_cast<int64_t>(values.size()))}});
  }
  return t;
}

FigureTable PoolTable(const PoolFacts& pool) {
  FigureTable t{.id = "pool",
                .title = "The pool of coaches and mentors now",
                .columns = {"", "Number"},
                .unit = "people"};
  int64_t capacity = 0, load = 0;
  for (const Profile& p : pool.members) {
    capacity += p.details.capacity;
    load += std::min(p.current_load, p.details.capacity);
  }
  t.rows = {
      {.label = "Members", .cells = {Count(static_cast<int64_t>(pool.members.size()))}},
      {.label = "Places offered", .cells = {Count(capacity)}},
      {.label = "Places in use", .cells = {Count(load)}},
      {.label = "Supervision or a qualification lapsed",
       .cells = {Count(static_cast<int64_t>(pool.lapsed.size()))}},
      {.label = absl::StrCat("Returns confirmed for ", MonthWords(pool.last_month)),
       .cells = {Count(pool.returned_last_month)}},
  };
  return t;
}

}  // namespace

absl::StatusOr<Period> MakePeriod(PeriodKind kind, absl::string_view from, absl::string_view to,
                                  absl::CivilMonth this_month) {
  const std::optional<absl::CivilMonth> first = ParseMonth(from);
  if (!first) return InvalidField("period.from_month", "must be a month such as 2026-10");
  if (first->year() < limits::kFirstReturnYear) {
    return InvalidField("period.from_month",
                        absl::StrCat("must be ", limits::kFirstReturnYear, " or later"));
  }
  if (*first > this_month) return InvalidField("period.from_month", "must not be in the future");
  Period p{.kind = kind, .first = *first, .last = *first};
  switch (kind) {
    case PeriodKind::kMonth:
      break;
    case PeriodKind::kQuarter:
      if ((first->month() - 1) % 3 != 0) {
        return InvalidField("period.from_month",
                            "a quarter starts in January, April, July or October");
      }
      p.last = *first + 2;
      break;
    case PeriodKind::kYear:
      if (first->month() != 4) {
        return InvalidField("period.from_month", "a year starts in April (the financial year)");
      }
      p.last = *first + 11;
      break;
    case PeriodKind::kCustom: {
      const std::optional<absl::CivilMonth> last = ParseMonth(to);
      if (!last) return InvalidField("period.to_month", "must be a month such as 2026-12");
      if (*last < *first) return InvalidField("period.to_month", "must not be before from_month");
      if (*last - *first >= 36) return InvalidField("period.to_month", "at most 36 months");
      p.last = *last;
      break;
    }
    default:
      return InvalidField("period.kind", "must be month, quarter, year or custom");
  }
  if (kind != PeriodKind::kCustom && !to.empty()) {
    return InvalidField("period.to_month", "is only given for a custom period");
  }
  return p;
}

Period PreviousPeriod(const Period& period) {
  const int months = period.Months();
  return {.kind = period.kind, .first = period.first - months, .last = period.first - 1};
}

std::string PeriodWords(const Period& p) {
  if (p.first == p.last) return MonthWords(p.first);
  if (p.first.year() == p.last.year()) {
    return absl::StrCat(kMonthNames[p.first.month() - 1], " to ", MonthWords(p.last));
  }
  return absl::StrCat(MonthWords(p.first), " to ", MonthWords(p.last));
}

ProgrammeFigures WorkOut(const Period& period, const PeriodFacts& now, const Period& previous,
                         const PeriodFacts& before, const PoolFacts& pool,
                         const std::vector<Organisation>& organisations,
                         const std::vector<OrganisationSettings>& scope,
                         const std::vector<Specialism>& taxonomy, absl::TimeZone zone,
                         absl::Time at) {
  ProgrammeFigures out{.period = period, .previous_period = previous, .computed_at = at};
  const Window w = WindowOf(period, zone);
  const Headlines h = HeadlinesOf(now, w);
  const Headlines b = HeadlinesOf(before, WindowOf(previous, zone));
  int64_t waiting = 0;
  for (const RequestFact& r : now.requests) {
    waiting += r.status == RequestStatus::kWaiting || r.status == RequestStatus::kPending ? 1 : 0;
  }
  const auto add = [&](const char* id, const char* label, Protected current,
                       std::optional<Protected> earlier, const char* unit) {
    out.headlines.push_back(
        {.id = id, .label = label, .current = current, .previous = earlier, .unit = unit});
  };
  add("hours", "Hours held", h.hours, b.hours, "hours");
  add("sessions_held", "Sessions held", h.sessions_held, b.sessions_held, "sessions");
  add("sessions_cancelled", "Sessions cancelled or not attended", h.sessions_cancelled,
      b.sessions_cancelled, "sessions");
  add("active_relationships", "Relationships under way", h.active, b.active, "relationships");
  add("new_requests", "New requests", h.new_requests, b.new_requests, "requests");
  add("matches", "Matches made", h.matches, b.matches, "relationships");
  add("waiting_now", "Waiting now", Count(waiting), std::nullopt, "people");
  add("median_days_to_match", "Median days from request to match", h.median_to_match,
      b.median_to_match, "days");
  add("match_rate", "Requests matched", h.match_rate, b.match_rate, "%");
  add("returned_to_waiting", "Requests back on the waiting list", h.returned, b.returned,
      "requests");
  add("goals_set", "Goals set", h.goals_set, b.goals_set, "goals");
  add("goals_achieved", "Goals achieved", h.goals_achieved, b.goals_achieved, "goals");
  add("average_rating_change", "Average change in goal rating, start to end", h.rating_change,
      b.rating_change, "points");
  add("returns_confirmed", "Monthly returns confirmed", h.returns_confirmed, b.returns_confirmed,
      "returns");
  out.tables.push_back(HoursByMonth(period, now, zone));
  out.tables.push_back(SessionsByMonth(period, now, zone));
  out.tables.push_back(WaitingNow(now, at));
  out.tables.push_back(TimeToMatch(now, w));
  out.tables.push_back(ThemesByQuarter(period, now, taxonomy, zone));
  out.tables.push_back(GoalOutcomes(now, w));
  out.tables.push_back(EvaluationRatings(now));
  out.tables.push_back(ReachByOrganisation(now, organisations, scope));
  out.tables.push_back(ReachBy(now, "reach_by_staff_group", "People reached, by staff group",
                               "Staff group", &Declaration::staff_group, 0, kMaxStaffGroup,
                               StaffGroupWords));
  out.tables.push_back(ReachBy(now, "reach_by_profession", "People reached, by profession",
                               "Profession", &Declaration::profession, 0, kMaxProfession,
                               ProfessionWords));
  out.tables.push_back(ReachBy(now, "reach_by_pay_band", "People reached, by pay band", "Pay band",
                               &Declaration::pay_band, -1, kMaxDeclaredPayBand, PayBandWords));
  out.tables.push_back(ReachBy(now, "reach_by_clinical", "People reached, clinical or not", "Role",
                               &Declaration::clinical, 0, kMaxClinical, ClinicalWords));
  const bool monitoring =
      !scope.empty() && std::all_of(scope.begin(), scope.end(), [](const OrganisationSettings& o) {
        return o.equality_monitoring;
      });
  if (monitoring) {
    out.tables.push_back(ReachBy(now, "reach_by_ethnic_group", "People reached, by ethnic group",
                                 "Ethnic group", &Declaration::ethnic_group, 0, kMaxEthnicGroup,
                                 EthnicGroupWords));
    out.tables.push_back(ReachBy(now, "reach_by_disability", "People reached, by disability",
                                 "Disability", &Declaration::disability, 0, kMaxDisability,
                                 DisabilityWords));
  }
  out.tables.push_back(PoolTable(pool));
  for (size_t i = 0; i < pool.lapsed.size(); ++i) {
    out.pool_notes.push_back({.name = pool.lapsed[i], .note = pool.lapsed_why[i]});
  }
  for (const std::string& name : pool.not_returned) {
    out.pool_notes.push_back(
        {.name = name, .note = absl::StrCat("No return for ", MonthWords(pool.last_month))});
  }
  return out;
}

absl::StatusOr<PeriodFacts> Figures::Read(const std::vector<int64_t>& organisations,
                                          const Period& p) {
  const FactQuery q{.organisation_ids = organisations,
                    .from = MonthStart(p.first, returns_.zone),
                    .to = MonthStart(p.last + 1, returns_.zone)};
  PeriodFacts f;
  ASSIGN_OR_RETURN(f.sessions, facts_.Sessions(q));
  ASSIGN_OR_RETURN(f.requests, facts_.Requests(q));
  ASSIGN_OR_RETURN(f.returned_to_waiting, facts_.ReturnedToWaiting(q));
  ASSIGN_OR_RETURN(f.relationships, facts_.Relationships(q));
  ASSIGN_OR_RETURN(f.goals, facts_.Goals(q));
  ASSIGN_OR_RETURN(f.ratings, facts_.RatingAnswers(q));
  ASSIGN_OR_RETURN(f.returns, facts_.Returns(organisations, p.first, p.last));
  for (const ReturnFact& r : f.returns) {
    std::string theme;
    if (!r.version.sealed_new_theme.empty()) {
      ASSIGN_OR_RETURN(theme,
                       cipher_.Open(r.version.sealed_new_theme,
                                    ReturnThemeData(r.member_id, r.month, r.version.version)));
    }
    f.new_themes.push_back(std::move(theme));
  }
  return f;
}

absl::StatusOr<PoolFacts> Figures::Pool(const std::vector<int64_t>& organisations) {
  const absl::Time now = clock_.Now();
  PoolFacts pool;
  pool.last_month = MonthOf(now, returns_.zone) - 1;
  PoolQuery query{
      .organisation_ids = organisations, .status = PoolStatus::kApproved, .now = now, .limit = 500};
  while (true) {
    ASSIGN_OR_RETURN(ProfilePage page, profiles_.ListPool(query));
    for (ScoredProfile& s : page.profiles) pool.members.push_back(std::move(s.profile));
    if (page.profiles.size() < static_cast<size_t>(query.limit)) break;
    query.after = {pool.members.back().display_name, pool.members.back().account_id};
  }
  ASSIGN_OR_RETURN(const std::vector<ReturnFact> returns,
                   facts_.Returns(organisations, pool.last_month, pool.last_month));
  std::set<int64_t> returned;
  for (const ReturnFact& r : returns) returned.insert(r.member_id);
  pool.returned_last_month = static_cast<int64_t>(returned.size());
  for (const Profile& p : pool.members) {
    const Listing listing = ComputeListing(p, now, listing_);
    if (!listing.listed() && !listing.reasons.empty()) {
      pool.lapsed.push_back(p.display_name);
      pool.lapsed_why.push_back(listing.reasons.front());
    }
    if (!returned.contains(p.account_id) &&
        p.created_at < MonthStart(pool.last_month + 1, returns_.zone)) {
      pool.not_returned.push_back(p.display_name);
    }
  }
  return pool;
}

absl::StatusOr<ProgrammeFigures> Figures::Get(const Principal& caller, int64_t organisation_id,
                                              PeriodKind kind, absl::string_view from,
                                              absl::string_view to) {
  ASSIGN_OR_RETURN(const std::vector<int64_t> scope, FigureScope(caller, organisation_id));
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(const Period period, MakePeriod(kind, from, to, MonthOf(now, returns_.zone)));
  const Period previous = PreviousPeriod(period);
  ASSIGN_OR_RETURN(const PeriodFacts current, Read(scope, period));
  ASSIGN_OR_RETURN(const PeriodFacts earlier, Read(scope, previous));
  ASSIGN_OR_RETURN(const PoolFacts pool, Pool(scope));
  ASSIGN_OR_RETURN(const std::vector<Organisation> organisations, organisations_.List());
  ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
  std::vector<OrganisationSettings> settings;
  for (const int64_t id : scope) {
    ASSIGN_OR_RETURN(settings.emplace_back(), reach_.GetSettings(id));
  }
  ProgrammeFigures out = WorkOut(period, current, previous, earlier, pool, organisations, settings,
                                 taxonomy, returns_.zone, now);
  if (scope.size() == organisations.size()) {
    out.scope_label = "The whole system";
  } else if (scope.size() == 1) {
    for (const Organisation& o : organisations) {
      if (o.id == scope.front()) out.scope_label = o.name;
    }
  } else {
    out.scope_label = absl::StrCat("Your ", scope.size(), " organisations");
  }
  return out;
}

absl::StatusOr<std::pair<ProgrammeRelationshipPage, std::string>> Figures::Relationships(
    const Principal& caller, const ProgrammeRelationshipsInput& input) {
  ASSIGN_OR_RETURN(const std::vector<int64_t> scope, FigureScope(caller, input.organisation_id));
  ProgrammeRelationshipQuery q{.organisation_ids = scope, .states = input.states};
  for (size_t i = 0; i < q.states.size(); ++i) {
    const int state = static_cast<int>(q.states[i]);
    if (state < static_cast<int>(RelationshipState::kContracting) ||
        state > static_cast<int>(RelationshipState::kEndedEarly)) {
      return InvalidField(absl::StrCat("states[", i, "]"), "is not a relationship state");
    }
  }
  if (q.states.empty()) q.states = {RelationshipState::kContracting, RelationshipState::kActive};
  if (input.no_session_for_weeks < 0 || input.no_session_for_weeks > 104) {
    return InvalidField("no_session_for_weeks", "must be 1 to 104, or 0 for any");
  }
  if (input.no_session_for_weeks > 0) {
    q.quiet_since = clock_.Now() - absl::Hours(24 * 7 * input.no_session_for_weeks);
  }
  if (input.page_size < 0 || input.page_size > 200) {
    return InvalidField("page_size", "must be 1 to 200, or 0 for 50");
  }
  q.limit = input.page_size == 0 ? 50 : input.page_size;
  if (!input.page_token.empty()) {
    const auto fields = DecodePageToken("programme-relationships", input.page_token, 1);
    int offset = 0;
    if (!fields || !absl::SimpleAtoi((*fields)[0], &offset) || offset < 0) {
      return InvalidField("page_token", "is not a token this list gave");
    }
    q.offset = offset;
  }
  ASSIGN_OR_RETURN(ProgrammeRelationshipPage page, relationships_.List(q));
  std::string next;
  if (q.offset + static_cast<int>(page.relationships.size()) < page.total_count) {
    next = EncodePageToken("programme-relationships",
                           {absl::StrCat(q.offset + static_cast<int>(page.relationships.size()))});
  }
  return std::make_pair(std::move(page), std::move(next));
}

}  // namespace tandem::domain
