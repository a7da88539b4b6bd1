#include "server/domain/figures.h"

#include <algorithm>
#include <map>
#include <set>
#include <thread>
#include <tuple>

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

bool Held(const SessionCount& c) { return c.status == SessionStatus::kHeld; }

Headlines HeadlinesOf(const PeriodTotals& f) {
  int64_t minutes = 0, held = 0, cancelled = 0;
  for (const SessionCount& c : f.sessions.period) {
    if (Held(c)) {
      minutes += c.minutes;
      held += c.sessions;
    } else if (c.status == SessionStatus::kCancelled || c.status == SessionStatus::kNotHeld) {
      cancelled += c.sessions;
    }
  }
  const int64_t new_requests = f.requests.made;
  std::vector<double> to_match;
  for (const auto& [made, matched] : f.requests.matched) to_match.push_back(Days(matched - made));
  const int64_t matches = f.relationships.begun;
  const GoalTotals& g = f.goals;
  Headlines h;
  h.hours = disclosure::Hours(minutes, f.sessions.held_people);
  h.sessions_held = Count(held);
  h.sessions_cancelled = Count(cancelled);
  h.active = Count(f.relationships.under_way);
  h.new_requests = Count(new_requests);
  h.matches = Count(matches);
  h.median_to_match = disclosure::Quantile(to_match, 0.5);
  h.match_rate = disclosure::Percent(matches, new_requests);
  h.returned = Count(f.returned_to_waiting);
  h.goals_set = Count(g.set);
  h.goals_achieved = Count(g.ended[static_cast<size_t>(GoalOutcome::kAchieved)]);
  h.rating_change =
      disclosure::AverageOf(static_cast<double>(g.rating_change_sum), g.rating_changes);
  h.returns_confirmed = Count(f.returns);
  return h;
}

FigureTable HoursByMonth(const Period& p, const PeriodTotals& f) {
  FigureTable t{.id = "hours_by_month",
                .title = "Hours of coaching and mentoring held, by month",
                .columns = {"Month", "Coaching", "Mentoring"},
                .unit = "hours",
                .chart = Chart::kStackedBars};
  // minutes and people
  std::map<std::pair<absl::CivilMonth, int>, std::pair<int64_t, int64_t>> cells;
  for (const auto& [month, c] : f.sessions.by_month) {
    if (!Held(c)) continue;
    auto& cell = cells[{month, static_cast<int>(c.kind)}];
    cell.first += c.minutes;
    cell.second += c.people;
  }
  for (absl::CivilMonth m = p.first; m <= p.last; ++m) {
    FigureRow row{.label = ShortMonth(m)};
    for (SupportKind kind : {SupportKind::kCoaching, SupportKind::kMentoring}) {
      const auto& cell = cells[{m, static_cast<int>(kind)}];
      row.cells.push_back(disclosure::Hours(cell.first, cell.second));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

FigureTable SessionsByMonth(const Period& p, const PeriodTotals& f) {
  FigureTable t{.id = "sessions_by_month",
                .title = "Sessions held, cancelled and not attended, by month",
                .columns = {"Month", "Held", "Cancelled", "Not attended"},
                .unit = "sessions",
                .chart = Chart::kBars};
  std::map<absl::CivilMonth, std::array<int64_t, 3>> counts;
  for (const auto& [month, s] : f.sessions.by_month) {
    auto& c = counts[month];
    if (s.status == SessionStatus::kHeld) c[0] += s.sessions;
    if (s.status == SessionStatus::kCancelled) c[1] += s.sessions;
    if (s.status == SessionStatus::kNotHeld) c[2] += s.sessions;
  }
  for (absl::CivilMonth m = p.first; m <= p.last; ++m) {
    const auto& c = counts[m];
    t.rows.push_back({.label = ShortMonth(m), .cells = {Count(c[0]), Count(c[1]), Count(c[2])}});
  }
  return t;
}

FigureTable WaitingNow(const PeriodTotals& f, absl::Time now) {
  FigureTable t{.id = "waiting_now",
                .title = "Waiting for a coach or mentor now, by how long",
                .columns = {"Waiting", "People"},
                .unit = "people",
                .chart = Chart::kBars};
  const std::vector<std::pair<std::string, int>> buckets = {
      {"Under 2 weeks", 14}, {"2 to 4 weeks", 28}, {"4 to 8 weeks", 56}, {"8 weeks or more", -1}};
  std::vector<int64_t> counts(buckets.size(), 0);
  for (const absl::Time since : f.requests.waiting_since) {
    const double days = Days(now - since);
    size_t i = 0;
    while (buckets[i].second >= 0 && days >= buckets[i].second) ++i;
    ++counts[i];
  }
  for (size_t i = 0; i < buckets.size(); ++i) {
    t.rows.push_back({.label = buckets[i].first, .cells = {Count(counts[i])}});
  }
  return t;
}

FigureTable TimeToMatch(const PeriodTotals& f) {
  FigureTable t{.id = "time_to_match",
                .title = "Days from request to match, and from match to first session",
                .columns = {"From", "Median", "90th percentile"},
                .unit = "days",
                .chart = Chart::kBars};
  std::vector<double> to_match, to_first;
  for (const auto& [made, matched] : f.requests.matched) to_match.push_back(Days(matched - made));
  for (const auto& [matched, first] : f.requests.first_sessions) {
    to_first.push_back(Days(first - matched));
  }
  t.rows.push_back(
      {.label = "Request to match",
       .cells = {disclosure::Quantile(to_match, 0.5), disclosure::Quantile(to_match, 0.9)}});
  t.rows.push_back(
      {.label = "Match to first session",
       .cells = {disclosure::Quantile(to_first, 0.5), disclosure::Quantile(to_first, 0.9)}});
  return t;
}

// How many distinct coachees each key has, from (key, coachee) pairs.
template <typename Key>
std::map<Key, int64_t> DistinctPeople(std::vector<std::pair<Key, int64_t>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::map<Key, int64_t> out;
  for (const auto& [key, coachee] : pairs) ++out[key];
  return out;
}

FigureTable ReachByOrganisation(const PeriodTotals& f, const std::vector<Organisation>& orgs,
                                const std::vector<OrganisationSettings>& scope) {
  FigureTable t{.id = "reach_by_organisation",
                .title = "People coached or mentored, by their organisation",
                .columns = {"Organisation", "Coached", "Mentored", "Share of staff (%)"},
                .unit = "people",
                .chart = Chart::kStackedBars};
  std::vector<std::pair<std::pair<int64_t, int>, int64_t>> by_kind;
  std::vector<std::pair<int64_t, int64_t>> by_organisation;
  for (const RelationshipFact& r : f.relationships.rows) {
    by_kind.push_back({{r.organisation_id, static_cast<int>(r.kind)}, r.coachee_id});
    by_organisation.emplace_back(r.organisation_id, r.coachee_id);
  }
  std::map<std::pair<int64_t, int>, int64_t> people = DistinctPeople(std::move(by_kind));
  std::map<int64_t, int64_t> anyone = DistinctPeople(std::move(by_organisation));
  for (const OrganisationSettings& settings : scope) {
    const auto org = std::find_if(orgs.begin(), orgs.end(), [&](const Organisation& o) {
      return o.id == settings.organisation_id;
    });
    if (org == orgs.end()) continue;
    FigureRow row{.label = org->name};
    for (SupportKind kind : {SupportKind::kCoaching, SupportKind::kMentoring}) {
      row.cells.push_back(Count(people[{org->id, static_cast<int>(kind)}]));
    }
    // A share only where the organisation entered its head-count.
    row.cells.push_back(settings.headcount > 0
                            ? disclosure::Percent(anyone[org->id], settings.headcount)
                            : Protected{.value = 0, .suppressed = true});
    t.rows.push_back(std::move(row));
  }
  return t;
}

// People reached (distinct coachees under way in the period) by one of
// their declared answers, from `least` to `most`.
FigureTable ReachBy(const PeriodTotals& f, std::string id, std::string title, std::string heading,
                    int Declaration::*answer, int least, int most, std::string (*words)(int)) {
  FigureTable t{.id = std::move(id),
                .title = std::move(title),
                .columns = {std::move(heading), "People"},
                .unit = "people",
                .chart = Chart::kBars};
  std::vector<std::pair<int, int64_t>> pairs;
  pairs.reserve(f.relationships.rows.size());
  for (const RelationshipFact& r : f.relationships.rows) {
    pairs.emplace_back(r.declaration.*answer, r.coachee_id);
  }
  std::map<int, int64_t> people = DistinctPeople(std::move(pairs));
  // The choices first, then "prefer not to say" and "not answered".
  std::vector<int> order;
  for (int v = least; v <= most; ++v) {
    if (v != 0 && words(v) != "Prefer not to say") order.push_back(v);
  }
  for (int v = least; v <= most; ++v) {
    if (v != 0 && words(v) == "Prefer not to say") order.push_back(v);
  }
  order.push_back(0);
  for (int v : order) t.rows.push_back({.label = words(v), .cells = {Count(people[v])}});
  return t;
}

std::string NormaliseTheme(const std::string& text) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
}

FigureTable ThemesByQuarter(const Period& p, const PeriodTotals& f,
                            const std::vector<Specialism>& taxonomy) {
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
  for (const ThemeCount& c : f.sessions.themes) {
    counts[label(c.code)][QuarterOf(c.month)] += c.mentions;
  }
  for (const ThemeCount& c : f.return_themes) {
    counts[label(c.code)][QuarterOf(c.month)] += c.mentions;
  }
  // A theme typed in by members is shown only when enough returns name it
  // that its words cannot point to one of them.
  std::map<std::string, std::map<std::string, int64_t>> typed;
  for (const auto& [month, text] : f.new_themes) {
    if (!text.empty()) ++typed[NormaliseTheme(text)][QuarterOf(month)];
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

FigureTable GoalOutcomes(const PeriodTotals& f) {
  FigureTable t{.id = "goal_outcomes",
                .title = "Goals set, and how goals ended",
                .columns = {"Goals", "Number"},
                .unit = "goals",
                .chart = Chart::kBars};
  const GoalTotals& g = f.goals;
  const auto ended = [&](GoalOutcome outcome) {
    return Count(g.ended[static_cast<size_t>(outcome)]);
  };
  t.rows = {{.label = "Set", .cells = {Count(g.set)}},
            {.label = "Achieved", .cells = {ended(GoalOutcome::kAchieved)}},
            {.label = "Partly achieved", .cells = {ended(GoalOutcome::kPartly)}},
            {.label = "Not achieved", .cells = {ended(GoalOutcome::kNotAchieved)}},
            {.label = "No longer relevant", .cells = {ended(GoalOutcome::kNoLongerRelevant)}},
            {.label = "Dropped", .cells = {Count(g.dropped)}}};
  return t;
}

FigureTable EvaluationRatings(const PeriodTotals& f) {
  FigureTable t{.id = "evaluation_ratings",
                .title = "Answers to the evaluation's rating questions (1 to 5)",
                .columns = {"Question", "Average", "Answers"},
                .unit = "rating"};
  // answers and the sum of their choices
  std::map<std::pair<int, std::string>, std::pair<int64_t, int64_t>> answers;
  for (const RatingCount& a : f.ratings) {
    auto& cell = answers[{static_cast<int>(a.audience), a.question}];
    cell.first += a.answers;
    cell.second += a.choice_sum;
  }
  for (const auto& [key, cell] : answers) {
    const std::string who = key.first == static_cast<int>(Audience::kCoachee)
                                ? "Coachees and mentees: "
                                : "Coaches and mentors: ";
    t.rows.push_back({.label = absl::StrCat(who, key.second),
                      .cells = {disclosure::AverageOf(static_cast<double>(cell.second), cell.first),
                                Count(cell.first)}});
  }
  return t;
}

FigureTable PoolTable(const PoolFacts& pool) {
  FigureTable t{.id = "pool",
                .title = "The pool of coaches and mentors now",
                .columns = {"", "Number"},
                .unit = "people"};
  t.rows = {
      {.label = "Members", .cells = {Count(pool.members)}},
      {.label = "Places offered", .cells = {Count(pool.places_offered)}},
      {.label = "Places in use", .cells = {Count(pool.places_in_use)}},
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

PeriodTotals Tally(const PeriodFacts& facts, absl::Time from, absl::Time to, absl::TimeZone zone) {
  const Window w{from, to};
  PeriodTotals t;
  // Sessions, by kind and status, over the period and by month, with their
  // coachees.
  using Cell = std::pair<SessionCount, std::set<int64_t>>;
  std::map<std::pair<int, int>, Cell> period;
  std::map<std::tuple<absl::CivilMonth, int, int>, Cell> by_month;
  std::set<int64_t> held_people;
  std::map<std::pair<absl::CivilMonth, std::string>, int64_t> session_themes;
  for (const SessionRecordFact& s : facts.sessions) {
    const absl::CivilMonth month = MonthOf(s.starts_at, zone);
    const int kind = static_cast<int>(s.kind), status = static_cast<int>(s.status);
    for (Cell* cell : {&period[{kind, status}], &by_month[{month, kind, status}]}) {
      cell->first.kind = s.kind;
      cell->first.status = s.status;
      ++cell->first.sessions;
      cell->first.minutes += s.actual_minutes;
      if (s.status == SessionStatus::kHeld) cell->second.insert(s.coachee_id);
    }
    if (s.status != SessionStatus::kHeld) continue;
    held_people.insert(s.coachee_id);
    for (const std::string& code : s.themes) ++session_themes[{month, code}];
  }
  const auto counted = [](Cell& cell) {
    if (cell.first.status == SessionStatus::kHeld) {
      cell.first.people = std::min(static_cast<int64_t>(cell.second.size()), kPeopleCountedTo);
    }
    return cell.first;
  };
  for (auto& [key, cell] : period) t.sessions.period.push_back(counted(cell));
  for (auto& [key, cell] : by_month) {
    t.sessions.by_month.emplace_back(std::get<0>(key), counted(cell));
  }
  t.sessions.held_people = std::min(static_cast<int64_t>(held_people.size()), kPeopleCountedTo);
  for (const auto& [key, mentions] : session_themes) {
    t.sessions.themes.push_back({.month = key.first, .code = key.second, .mentions = mentions});
  }
  for (const RequestFact& r : facts.requests) {
    if (w.Holds(r.created_at)) ++t.requests.made;
    if (w.Holds(r.matched_at)) t.requests.matched.emplace_back(r.created_at, *r.matched_at);
    if (w.Holds(r.first_session_at) && r.matched_at) {
      t.requests.first_sessions.emplace_back(*r.matched_at, *r.first_session_at);
    }
    if (r.status == RequestStatus::kWaiting || r.status == RequestStatus::kPending) {
      t.requests.waiting_since.push_back(r.waiting_since);
    }
  }
  t.returned_to_waiting = facts.returned_to_waiting;
  t.relationships.under_way = static_cast<int64_t>(facts.relationships.size());
  for (const RelationshipFact& r : facts.relationships) {
    t.relationships.begun += w.Holds(r.started) ? 1 : 0;
  }
  t.relationships.rows = facts.relationships;
  for (const GoalFact& g : facts.goals) {
    t.goals.set += w.Holds(g.created_at) ? 1 : 0;
    if (g.state == GoalState::kDropped && w.Holds(g.closed_at)) ++t.goals.dropped;
    if (!w.Holds(g.end_at)) continue;
    ++t.goals.ended[static_cast<size_t>(g.outcome)];
    if (g.start_rating && g.end_rating) {
      ++t.goals.rating_changes;
      t.goals.rating_change_sum += *g.end_rating - *g.start_rating;
    }
  }
  std::map<std::pair<int, std::string>, RatingCount> ratings;
  for (const RatingAnswerFact& a : facts.ratings) {
    RatingCount& c = ratings[{static_cast<int>(a.audience), a.question}];
    c.audience = a.audience;
    c.question = a.question;
    ++c.answers;
    c.choice_sum += a.choice;
  }
  for (const auto& [key, count] : ratings) t.ratings.push_back(count);
  t.returns = static_cast<int64_t>(facts.returns.size());
  std::map<std::pair<absl::CivilMonth, std::string>, int64_t> return_themes;
  for (const ReturnFact& r : facts.returns) {
    for (const std::string& code : r.version.themes) ++return_themes[{r.month, code}];
  }
  for (const auto& [key, mentions] : return_themes) {
    t.return_themes.push_back({.month = key.first, .code = key.second, .mentions = mentions});
  }
  for (size_t i = 0; i < facts.new_themes.size() && i < facts.returns.size(); ++i) {
    if (!facts.new_themes[i].empty()) {
      t.new_themes.emplace_back(facts.returns[i].month, facts.new_themes[i]);
    }
  }
  return t;
}

ProgrammeFigures WorkOut(const Period& period, const PeriodFacts& now, const Period& previous,
                         const PeriodFacts& before, const PoolFacts& pool,
                         const std::vector<Organisation>& organisations,
                         const std::vector<OrganisationSettings>& scope,
                         const std::vector<Specialism>& taxonomy, absl::TimeZone zone,
                         absl::Time at) {
  const Window w = WindowOf(period, zone);
  const Window b = WindowOf(previous, zone);
  return WorkOut(period, Tally(now, w.from, w.to, zone), previous,
                 Tally(before, b.from, b.to, zone), pool, organisations, scope, taxonomy, at);
}

ProgrammeFigures WorkOut(const Period& period, const PeriodTotals& now, const Period& previous,
                         const PeriodTotals& before, const PoolFacts& pool,
                         const std::vector<Organisation>& organisations,
                         const std::vector<OrganisationSettings>& scope,
                         const std::vector<Specialism>& taxonomy, absl::Time at) {
  ProgrammeFigures out{.period = period, .previous_period = previous, .computed_at = at};
  const Headlines h = HeadlinesOf(now);
  const Headlines b = HeadlinesOf(before);
  const auto waiting = static_cast<int64_t>(now.requests.waiting_since.size());
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
  out.tables.push_back(HoursByMonth(period, now));
  out.tables.push_back(SessionsByMonth(period, now));
  out.tables.push_back(WaitingNow(now, at));
  out.tables.push_back(TimeToMatch(now));
  out.tables.push_back(ThemesByQuarter(period, now, taxonomy));
  out.tables.push_back(GoalOutcomes(now));
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

absl::StatusOr<PeriodTotals> Figures::Read(const std::vector<int64_t>& organisations,
                                           const Period& p, bool tables) {
  FactQuery q{.organisation_ids = organisations,
              .from = MonthStart(p.first, returns_.zone),
              .to = MonthStart(p.last + 1, returns_.zone),
              .tables = tables};
  for (absl::CivilMonth m = p.first; m <= p.last; ++m) {
    q.months.push_back(
        {.month = m, .from = MonthStart(m, returns_.zone), .to = MonthStart(m + 1, returns_.zone)});
  }
  PeriodTotals t;
  ASSIGN_OR_RETURN(t.sessions, facts_.Sessions(q));
  ASSIGN_OR_RETURN(t.requests, facts_.Requests(q));
  ASSIGN_OR_RETURN(t.returned_to_waiting, facts_.ReturnedToWaiting(q));
  ASSIGN_OR_RETURN(t.relationships, facts_.Relationships(q));
  ASSIGN_OR_RETURN(t.goals, facts_.Goals(q));
  if (tables) {
    ASSIGN_OR_RETURN(t.ratings, facts_.RatingAnswers(q));
  }
  ASSIGN_OR_RETURN(ReturnTotals returns, facts_.Returns(q));
  t.returns = returns.confirmed;
  t.return_themes = std::move(returns.themes);
  for (const SealedTheme& theme : returns.new_themes) {
    ASSIGN_OR_RETURN(
        std::string text,
        cipher_.Open(theme.sealed, ReturnThemeData(theme.member_id, theme.month, theme.version)));
    t.new_themes.emplace_back(theme.month, std::move(text));
  }
  return t;
}

absl::StatusOr<PoolFacts> Figures::Pool(const std::vector<int64_t>& organisations) {
  const absl::Time now = clock_.Now();
  PoolFacts pool;
  pool.last_month = MonthOf(now, returns_.zone) - 1;
  ASSIGN_OR_RETURN(PoolRows rows, facts_.Pool(organisations, pool.last_month));
  pool.returned_last_month = rows.returned;
  const absl::Time month_end = MonthStart(pool.last_month + 1, returns_.zone);
  // What the listing rule reads of a member, given their qualifications.
  const auto listing_of = [&](const PoolMemberFact& member,
                              std::vector<Qualification> qualifications) {
    Profile p;
    p.details.kind = member.kind;
    p.details.last_supervision_on = member.last_supervision_on;
    p.status = member.status;
    p.coaching_listed_until = member.coaching_listed_until;
    p.qualifications = std::move(qualifications);
    return ComputeListing(p, now, listing_);
  };
  // ComputeListing reads qualifications only to say why a coach is not
  // listed, and without any always gives a reason: those few are read
  // again with theirs, everyone else's answer stands.
  std::vector<std::pair<size_t, Listing>> unlisted;
  std::vector<int64_t> unlisted_ids;
  for (size_t i = 0; i < rows.members.size(); ++i) {
    const PoolMemberFact& member = rows.members[i];
    ++pool.members;
    pool.places_offered += member.capacity;
    pool.places_in_use += std::min(member.current_load, member.capacity);
    Listing listing = listing_of(member, {});
    if (!listing.listed() && !listing.reasons.empty()) {
      unlisted.emplace_back(i, std::move(listing));
      unlisted_ids.push_back(member.account_id);
    }
  }
  if (!unlisted.empty()) {
    ASSIGN_OR_RETURN(const std::vector<Qualification> qualifications,
                     facts_.Qualifications(unlisted_ids));
    for (auto& [i, listing] : unlisted) {
      std::vector<Qualification> theirs;
      for (const Qualification& q : qualifications) {
        if (q.account_id == rows.members[i].account_id) theirs.push_back(q);
      }
      listing = listing_of(rows.members[i], std::move(theirs));
    }
  }
  size_t next_unlisted = 0;
  for (size_t i = 0; i < rows.members.size(); ++i) {
    PoolMemberFact& member = rows.members[i];
    if (next_unlisted < unlisted.size() && unlisted[next_unlisted].first == i) {
      const Listing& listing = unlisted[next_unlisted++].second;
      if (!listing.listed() && !listing.reasons.empty()) {
        pool.lapsed.push_back(member.display_name);
        pool.lapsed_why.push_back(listing.reasons.front());
      }
    }
    if (!member.returned && member.joined < month_end) {
      pool.not_returned.push_back(std::move(member.display_name));
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
  // The period before (shown as headlines only) and the pool are read on a
  // second thread while this one reads the period asked for: they share
  // nothing but the store, and the store lends each read a connection of
  // its own. A call's answer waits for the longer of the two, not both.
  absl::StatusOr<PeriodTotals> earlier = absl::UnknownError("not read");
  absl::StatusOr<PoolFacts> pool = absl::UnknownError("not read");
  std::thread other([&] {
    earlier = Read(scope, previous, /*tables=*/false);
    if (earlier.ok()) pool = Pool(scope);
  });
  const absl::StatusOr<PeriodTotals> current = Read(scope, period, /*tables=*/true);
  other.join();
  RETURN_IF_ERROR(current.status());
  RETURN_IF_ERROR(earlier.status());
  RETURN_IF_ERROR(pool.status());
  ASSIGN_OR_RETURN(const std::vector<Organisation> organisations, organisations_.List());
  ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
  std::vector<OrganisationSettings> settings;
  for (const int64_t id : scope) {
    ASSIGN_OR_RETURN(settings.emplace_back(), reach_.GetSettings(id));
  }
  ProgrammeFigures out =
      WorkOut(period, *current, previous, *earlier, *pool, organisations, settings, taxonomy, now);
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
