#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "server/domain/disclosure.h"
#include "server/domain/figures.h"
#include "server/domain/monthly_return.h"

namespace tandem::domain {
namespace {

using disclosure::Protected;

absl::TimeZone London() {
  absl::TimeZone zone;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &zone));
  return zone;
}

absl::Time At(int y, int mo, int d, int h, int mi, absl::TimeZone zone) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, 0), zone);
}

TEST(Months, AreWrittenYearDashMonthAndNothingElseParses) {
  EXPECT_EQ(ParseMonth("2026-11"), absl::CivilMonth(2026, 11));
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "", "2026-11-01"}) {
    EXPECT_FALSE(ParseMonth(bad).has_value()) << bad;
  }
  EXPECT_EQ(FormatMonth(absl::CivilMonth(2026, 3)), "2026-03");
  EXPECT_EQ(MonthWords(absl::CivilMonth(2026, 3)), "March 2026");
}

TEST(Returns, AreDueByTheEndOfTheNthWorkingDayOfTheNextMonth) {
  const absl::TimeZone zone = London();
  // November 2026's: December 2026 starts on a Tuesday; the 5th working day
  // is Monday 7 December.
  EXPECT_EQ(ReturnDueAt(absl::CivilMonth(2026, 11), {.zone = zone, .due_working_day = 5}),
            At(2026, 12, 7, 23, 59, zone) + absl::Seconds(59));
  // August 2026's: September starts on a Tuesday; 1st working day is the 1st.
  EXPECT_EQ(ReturnDueAt(absl::CivilMonth(2026, 8), {.zone = zone, .due_working_day = 1}),
            At(2026, 9, 1, 23, 59, zone) + absl::Seconds(59));
  // January 2027's: February starts on a Monday.
  EXPECT_EQ(ReturnDueAt(absl::CivilMonth(2027, 1), {.zone = zone, .due_working_day = 3}),
            At(2027, 2, 3, 23, 59, zone) + absl::Seconds(59));
  // October 2026's: November starts on a Sunday, so the 1st working day is the 2nd.
  EXPECT_EQ(ReturnDueAt(absl::CivilMonth(2026, 10), {.zone = zone, .due_working_day = 1}),
            At(2026, 11, 2, 23, 59, zone) + absl::Seconds(59));
}

TEST(Returns, CountSessionsByTheMonthTheyStartedInTheProgrammesTimeZone) {
  const absl::TimeZone zone = London();
  const absl::CivilMonth april(2026, 4);
  std::vector<SessionFact> sessions = {
      // 31 March 23:30 UTC is 1 April 00:30 in London (summer time): April.
      {.relationship_id = 1,
       .kind = SupportKind::kCoaching,
       .status = SessionStatus::kHeld,
       .starts_at = absl::FromCivil(absl::CivilSecond(2026, 3, 31, 23, 30, 0), absl::UTCTimeZone()),
       .actual_minutes = 50},
      // 30 April 23:30 London is 22:30 UTC: still April.
      {.relationship_id = 2,
       .kind = SupportKind::kMentoring,
       .status = SessionStatus::kHeld,
       .starts_at = At(2026, 4, 30, 23, 30, zone),
       .actual_minutes = 45},
      // 1 May 00:10 London is 30 April 23:10 UTC: May.
      {.relationship_id = 1,
       .kind = SupportKind::kCoaching,
       .status = SessionStatus::kHeld,
       .starts_at = At(2026, 5, 1, 0, 10, zone),
       .actual_minutes = 60},
      {.relationship_id = 1,
       .kind = SupportKind::kCoaching,
       .status = SessionStatus::kCancelled,
       .starts_at = At(2026, 4, 10, 9, 0, zone)},
      {.relationship_id = 2,
       .kind = SupportKind::kMentoring,
       .status = SessionStatus::kNotHeld,
       .starts_at = At(2026, 4, 11, 9, 0, zone)},
      // Still only proposed: not counted.
      {.relationship_id = 2,
       .kind = SupportKind::kMentoring,
       .status = SessionStatus::kProposed,
       .starts_at = At(2026, 4, 12, 9, 0, zone)},
  };
  const std::vector<RelationshipSpan> relationships = {
      {.id = 1, .kind = SupportKind::kCoaching, .started = At(2026, 2, 1, 9, 0, zone)},
      // Begun in April: new.
      {.id = 2, .kind = SupportKind::kMentoring, .started = At(2026, 4, 2, 9, 0, zone)},
      // Ended in March: not active in April.
      {.id = 3,
       .kind = SupportKind::kCoaching,
       .started = At(2025, 12, 1, 9, 0, zone),
       .ended = At(2026, 3, 20, 9, 0, zone)},
      // Ended on 1 April: active in April.
      {.id = 4,
       .kind = SupportKind::kCoaching,
       .started = At(2025, 12, 1, 9, 0, zone),
       .ended = At(2026, 4, 1, 9, 0, zone)},
      // Begins in May.
      {.id = 5, .kind = SupportKind::kCoaching, .started = At(2026, 5, 1, 0, 5, zone)},
  };
  EXPECT_EQ(Derive(april, zone, sessions, relationships),
            (DerivedActivity{.coaching_minutes = 50,
                             .mentoring_minutes = 45,
                             .sessions_held = 2,
                             .sessions_cancelled = 1,
                             .sessions_not_attended = 1,
                             .active_relationships = 3,
                             .new_relationships = 1}));
  // In UTC the first session is March's and the second April's.
  const DerivedActivity utc = Derive(april, absl::UTCTimeZone(), sessions, relationships);
  EXPECT_EQ(utc.coaching_minutes, 60);  // the 1 May 00:10 London one is 30 April in UTC
  EXPECT_EQ(utc.mentoring_minutes, 45);
}

TEST(HoursLog, IsCsvWithAByteOrderMarkAndPseudonymousClients) {
  const std::string csv = HoursLogCsv({{.day = absl::CivilDay(2026, 11, 3),
                                        .minutes = 90,
                                        .kind = SupportKind::kCoaching,
                                        .client = "Client 1",
                                        .source = "Session in Tandem"},
                                       {.day = absl::CivilDay(2026, 11, 30),
                                        .minutes = 60,
                                        .kind = SupportKind::kMentoring,
                                        .category = HoursCategory::kGroup,
                                        .paid = true,
                                        .client = "Outside Tandem",
                                        .source = "Added to the November 2026 return, late"}});
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "Date,Hours,Kind,Individual or group,Paid or unpaid,Client reference,Source\r\n"
            "2026-11-03,1.50,Coaching,Individual,Unpaid,Client 1,Session in Tandem\r\n"
            "2026-11-30,1.00,Mentoring,Group,Paid,Outside Tandem,"
            "\"Added to the November 2026 return, late\"\r\n");
}

TEST(Periods, AreWholeMonthsWithQuartersAndFinancialYears) {
  const absl::CivilMonth now(2026, 12);
  const auto quarter = MakePeriod(PeriodKind::kQuarter, "2026-07", "", now);
  ASSERT_TRUE(quarter.ok()) << quarter.status();
  EXPECT_EQ(quarter->last, absl::CivilMonth(2026, 9));
  EXPECT_EQ(PeriodWords(*quarter), "July to September 2026");
  EXPECT_EQ(PreviousPeriod(*quarter).first, absl::CivilMonth(2026, 4));
  const auto year = MakePeriod(PeriodKind::kYear, "2025-04", "", now);
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(PeriodWords(*year), "April 2025 to March 2026");
  const auto custom = MakePeriod(PeriodKind::kCustom, "2025-11", "2026-02", now);
  ASSERT_TRUE(custom.ok());
  EXPECT_EQ(custom->Months(), 4);
  EXPECT_EQ(PreviousPeriod(*custom).first, absl::CivilMonth(2025, 7));
  for (const auto& [kind, from, to, field] :
       std::vector<std::tuple<PeriodKind, const char*, const char*, const char*>>{
           {PeriodKind::kQuarter, "2026-08", "", "period.from_month"},
           {PeriodKind::kYear, "2026-01", "", "period.from_month"},
           {PeriodKind::kMonth, "2027-01", "", "period.from_month"},
           {PeriodKind::kMonth, "2026-1", "", "period.from_month"},
           {PeriodKind::kMonth, "2026-01", "2026-02", "period.to_month"},
           {PeriodKind::kCustom, "2026-05", "2026-04", "period.to_month"},
           {PeriodKind::kCustom, "2022-01", "2025-01", "period.to_month"},
           {static_cast<PeriodKind>(9), "2026-01", "", "period.kind"},
       }) {
    const auto made = MakePeriod(kind, from, to, now);
    EXPECT_TRUE(absl::IsInvalidArgument(made.status())) << from << " " << to;
    EXPECT_THAT(std::string(made.status().message()), ::testing::StartsWith(field));
  }
}

// A fixed data set, worked out by hand: 30 coachees in organisation 1
// coached in October 2026 (one 60-minute session each), 3 cancelled, 12
// new requests of which 9 matched after 10 days each.
PeriodFacts FixedOctober(absl::TimeZone zone) {
  PeriodFacts f;
  for (int i = 0; i < 30; ++i) {
    f.sessions.push_back({.starts_at = At(2026, 10, 1 + i % 28, 10, 0, zone),
                          .kind = SupportKind::kCoaching,
                          .status = SessionStatus::kHeld,
                          .actual_minutes = 60,
                          .coachee_id = 100 + i,
                          .themes = {i % 3 == 0 ? "wellbeing" : "leadership"}});
    f.relationships.push_back({.kind = SupportKind::kCoaching,
                               .coachee_id = 100 + i,
                               .organisation_id = 1,
                               .started = At(2026, 6, 1, 9, 0, zone)});
  }
  for (int i = 0; i < 3; ++i) {
    f.sessions.push_back({.starts_at = At(2026, 10, 20, 10, 0, zone),
                          .kind = SupportKind::kCoaching,
                          .status = SessionStatus::kCancelled,
                          .coachee_id = 100 + i});
  }
  for (int i = 0; i < 12; ++i) {
    RequestFact r{.kind = SupportKind::kCoaching,
                  .status = i < 9 ? RequestStatus::kAccepted : RequestStatus::kWaiting,
                  .created_at = At(2026, 10, 2, 9, 0, zone),
                  .waiting_since = At(2026, 10, 2, 9, 0, zone),
                  .coachee_id = 200 + i};
    if (i < 9) {
      r.matched_at = At(2026, 10, 12, 9, 0, zone);
      f.relationships.push_back({.kind = SupportKind::kCoaching,
                                 .coachee_id = 200 + i,
                                 .organisation_id = 1,
                                 .started = *r.matched_at});
    }
    f.requests.push_back(r);
  }
  return f;
}

std::map<std::string, Protected> HeadlineMap(const ProgrammeFigures& f) {
  std::map<std::string, Protected> out;
  for (const Headline& h : f.headlines) out[h.id] = h.current;
  return out;
}

TEST(Figures, OnAFixedDataSetMatchTheHandWorkedAnswer) {
  const absl::TimeZone zone = London();
  const auto period = MakePeriod(PeriodKind::kMonth, "2026-10", "", absl::CivilMonth(2026, 12));
  ASSERT_TRUE(period.ok());
  const ProgrammeFigures f = WorkOut(*period, FixedOctober(zone), PreviousPeriod(*period), {}, {},
                                     {{1, "Trust A"}}, {{.organisation_id = 1, .headcount = 400}},
                                     {{"leadership", "Leadership"}, {"wellbeing", "Wellbeing"}},
                                     zone, At(2026, 12, 1, 9, 0, zone));
  const auto h = HeadlineMap(f);
  EXPECT_EQ(h.at("hours"), (Protected{.value = 30}));  // 30 hours, 30 people
  EXPECT_EQ(h.at("sessions_held"), (Protected{.value = 30}));
  EXPECT_TRUE(h.at("sessions_cancelled").suppressed);                 // 3
  EXPECT_EQ(h.at("active_relationships"), (Protected{.value = 40}));  // 39
  EXPECT_EQ(h.at("new_requests"), (Protected{.value = 10}));          // 12
  EXPECT_EQ(h.at("matches"), (Protected{.value = 10}));               // 9
  EXPECT_EQ(h.at("match_rate"), (Protected{.value = 100}));           // 10 of 10, rounded figures
  EXPECT_EQ(h.at("median_days_to_match"), (Protected{.value = 10}));
  EXPECT_TRUE(h.at("waiting_now").suppressed);  // 3 waiting
  EXPECT_EQ(h.at("goals_set"), (Protected{.value = 0}));
  EXPECT_TRUE(h.at("average_rating_change").suppressed);  // nobody
  // Themes: leadership 20, wellbeing 10, in 2026 Q4.
  const auto themes = std::find_if(f.tables.begin(), f.tables.end(), [](const FigureTable& t) {
    return t.id == "themes_by_quarter";
  });
  ASSERT_NE(themes, f.tables.end());
  EXPECT_THAT(themes->columns, ::testing::ElementsAre("Theme", "2026 Q4"));
  ASSERT_EQ(themes->rows.size(), 2u);
  EXPECT_EQ(themes->rows[0].label, "Leadership");
  EXPECT_EQ(themes->rows[0].cells[0], (Protected{.value = 20}));
  EXPECT_EQ(themes->rows[1].cells[0], (Protected{.value = 10}));
  // Reach: 39 people of a head-count of 400 is 40 of 400 from the rounded
  // figures, 10%; nobody declared a staff group.
  const auto table = [&](const char* id) {
    return *std::find_if(f.tables.begin(), f.tables.end(),
                         [&](const FigureTable& t) { return t.id == id; });
  };
  const FigureTable reach = table("reach_by_organisation");
  ASSERT_EQ(reach.rows.size(), 1u);
  EXPECT_THAT(reach.rows[0].cells,
              ::testing::ElementsAre(Protected{.value = 40}, Protected{.value = 0},
                                     Protected{.value = 10}));
  const FigureTable groups = table("reach_by_staff_group");
  EXPECT_EQ(groups.rows.back().label, "Not answered");
  EXPECT_EQ(groups.rows.back().cells[0], (Protected{.value = 40}));
  EXPECT_EQ(groups.rows[groups.rows.size() - 2].label, "Prefer not to say");
  // No equality tables unless the organisation monitors equality.
  EXPECT_TRUE(std::none_of(f.tables.begin(), f.tables.end(),
                           [](const FigureTable& t) { return t.id == "reach_by_ethnic_group"; }));
  // Hours by month: October only, coaching 30, mentoring none.
  const auto hours = std::find_if(f.tables.begin(), f.tables.end(),
                                  [](const FigureTable& t) { return t.id == "hours_by_month"; });
  ASSERT_NE(hours, f.tables.end());
  ASSERT_EQ(hours->rows.size(), 1u);
  EXPECT_EQ(hours->rows[0].label, "Oct 2026");
  EXPECT_THAT(hours->rows[0].cells,
              ::testing::ElementsAre(Protected{.value = 30}, Protected{.value = 0}));
}

// One unusual person: the only one mentored in organisation 2, one session
// in March 2026. Every pair of figures the API can give — any scope (1, 2
// or both), any period of whole months in the year, the same figure in
// both — never pins down how many they are: wherever the pair differs only
// by them, the counts consistent with both answers are at least two.
TEST(Figures, NoPairOfAnswersRecoversTheOneUnusualPerson) {
  const absl::TimeZone zone = London();
  PeriodFacts all;
  for (int m = 1; m <= 12; ++m) {
    for (int i = 0; i < 9 + m; ++i) {
      all.sessions.push_back({.starts_at = At(2026, m, 3 + i % 20, 10, 0, zone),
                              .kind = SupportKind::kMentoring,
                              .status = SessionStatus::kHeld,
                              .actual_minutes = 60,
                              .coachee_id = 1000 + i});
    }
  }
  PeriodFacts unusual;
  unusual.sessions.push_back({.starts_at = At(2026, 3, 9, 10, 0, zone),
                              .kind = SupportKind::kMentoring,
                              .status = SessionStatus::kHeld,
                              .actual_minutes = 60,
                              .coachee_id = 1});
  const auto facts_for = [&](const std::set<int>& scope, const Period& p) {
    PeriodFacts f;
    const absl::Time from = MonthStart(p.first, zone), to = MonthStart(p.last + 1, zone);
    const auto add = [&](const PeriodFacts& src) {
      for (const auto& s : src.sessions) {
        if (s.starts_at >= from && s.starts_at < to) f.sessions.push_back(s);
      }
    };
    if (scope.contains(1)) add(all);
    if (scope.contains(2)) add(unusual);
    return f;
  };
  struct Answer {
    std::map<std::string, Protected> figures;
    int unusual = 0;     // how many of the unusual person's sessions it counts
    std::string others;  // the sessions of everyone else it counts, as a key
  };
  std::vector<Answer> answers;
  for (const std::set<int>& scope : std::vector<std::set<int>>{{1}, {2}, {1, 2}}) {
    for (int first = 1; first <= 12; ++first) {
      for (int last = first; last <= 12; ++last) {
        const Period p{.kind = PeriodKind::kCustom,
                       .first = absl::CivilMonth(2026, first),
                       .last = absl::CivilMonth(2026, last)};
        const PeriodFacts f = facts_for(scope, p);
        const ProgrammeFigures out =
            WorkOut(p, f, PreviousPeriod(p), {}, {}, {}, {}, {}, zone, At(2027, 1, 5, 9, 0, zone));
        Answer a{.figures = HeadlineMap(out)};
        a.unusual = scope.contains(2) && first <= 3 && last >= 3 ? 1 : 0;
        a.others = scope.contains(1) ? absl::StrCat(first, "-", last) : "none";
        answers.push_back(std::move(a));
      }
    }
  }
  int pairs = 0;
  for (const Answer& with : answers) {
    if (with.unusual == 0) continue;
    for (const Answer& without : answers) {
      // The pair differs by the unusual person alone when both count the
      // same other sessions.
      if (without.unusual != 0 || without.others != with.others) continue;
      ++pairs;
      for (const char* id : {"sessions_held", "hours"}) {
        const Protected a = with.figures.at(id), b = without.figures.at(id);
        if (a.suppressed || b.suppressed) continue;
        // The attacker's view: some rest r (≥ 0) and a cell c (1–7) with
        // round(r + c) = a and round(r) = b. At least two c fit.
        std::set<int> fits;
        for (int r = std::max(0, static_cast<int>(b.value) - 3); r <= b.value + 3; ++r) {
          for (int c = 1; c <= 7; ++c) {
            if (disclosure::Count(r + c) == a && disclosure::Count(r) == b) fits.insert(c);
          }
        }
        EXPECT_GE(fits.size(), 2u) << id << " " << with.others;
      }
    }
  }
  EXPECT_GT(pairs, 20);
  // Alone, they are never shown as a number.
  for (const Answer& a : answers) {
    if (a.others == "none") {
      for (const auto& [id, figure] : a.figures) {
        EXPECT_TRUE(figure.suppressed || figure.value == 0) << id;
      }
    }
  }
}

}  // namespace
}  // namespace tandem::domain
