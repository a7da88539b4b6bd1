// The programme's figures as storage counts them (SqliteFiguresRepository)
// against the facts one by one as they were read before counting moved
// into SQL (issue 13): the queries below are those reads, kept here as the
// specification, and domain::Tally adds them up. Both run on a database the
// real server wrote — its demo programme, a year of relationships, sessions,
// goals, evaluations and returns written through the repositories — so the
// columns migrations/0013_figures.sql keeps on each row are the ones the
// writes keep. The migration's own backfill is checked against them too.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/key_file.h"
#include "server/app/server.h"
#include "server/domain/figures.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_activity_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "shared/status_macros.h"
#include "tests/support/server_process.h"

namespace tandem::storage {
namespace {

using domain::FactQuery;
using domain::PeriodFacts;
using domain::PeriodTotals;

template <typename T>
T Ok(absl::StatusOr<T> value) {
  EXPECT_TRUE(value.ok()) << value.status();
  return *std::move(value);
}

std::vector<std::string> Lines(const std::string& text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, '\n');
}

std::string Numbered(int first, size_t count) {
  std::vector<std::string> marks;
  for (size_t i = 0; i < count; ++i) marks.push_back(absl::StrCat("?", first + i));
  return absl::StrJoin(marks, ",");
}

void BindIds(Statement& s, int first, const std::vector<int64_t>& ids) {
  for (size_t i = 0; i < ids.size(); ++i) s.Bind(first + static_cast<int>(i), ids[i]);
}

constexpr char kEndedAt[] =
    "(SELECT MIN(h.at) FROM relationship_history h WHERE h.relationship_id = r.id AND "
    "h.to_state IN (3, 4))";

// ---- The facts one by one, read as before issue 13 ---------------------------

class Reference {
 public:
  Reference(Database& db, const domain::NoteCipher& cipher) : db_(db), cipher_(cipher) {}

  PeriodFacts Read(const std::vector<int64_t>& orgs, absl::CivilMonth first, absl::CivilMonth last,
                   absl::Time from, absl::Time to) {
    PeriodFacts f;
    const std::string in = Numbered(3, orgs.size());
    const auto rows = [&](const std::string& sql, auto read) {
      EXPECT_TRUE(db_.Read([&](Connection& c) -> absl::Status {
                       ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
                       s.Bind(1, absl::ToUnixSeconds(from)).Bind(2, absl::ToUnixSeconds(to));
                       BindIds(s, 3, orgs);
                       while (true) {
                         ASSIGN_OR_RETURN(const bool row, s.Step());
                         if (!row) return absl::OkStatus();
                         read(s);
                       }
                     })
                      .ok());
    };
    rows(absl::StrCat(
             "SELECT s.starts_at, r.kind, s.status, s.actual_minutes, r.coachee_id, s.themes FROM "
             "sessions s JOIN relationships r ON r.id = s.relationship_id JOIN requests q ON q.id "
             "= r.request_id WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND "
             "q.coachee_organisation_id IN (",
             in, ")"),
         [&](const Statement& r) {
           f.sessions.push_back({.starts_at = absl::FromUnixSeconds(r.Int(0)),
                                 .kind = static_cast<domain::SupportKind>(r.Int(1)),
                                 .status = static_cast<domain::SessionStatus>(r.Int(2)),
                                 .actual_minutes = static_cast<int>(r.Int(3)),
                                 .coachee_id = r.Int(4),
                                 .themes = Lines(r.Text(5))});
         });
    rows(absl::StrCat(
             "SELECT * FROM (SELECT q.kind, q.status, q.created_at, q.waiting_since, "
             "q.coachee_id, r.created_at AS matched_at, (SELECT MIN(s.starts_at) FROM sessions s "
             "WHERE s.relationship_id = r.id AND s.status = 4) AS first_at FROM requests q LEFT "
             "JOIN relationships r ON r.request_id = q.id WHERE q.coachee_organisation_id IN (",
             in,
             ")) WHERE (created_at >= ?1 AND created_at < ?2) OR status IN (1, 2) OR (matched_at "
             ">= ?1 AND matched_at < ?2) OR (first_at >= ?1 AND first_at < ?2)"),
         [&](const Statement& r) {
           f.requests.push_back({.kind = static_cast<domain::SupportKind>(r.Int(0)),
                                 .status = static_cast<domain::RequestStatus>(r.Int(1)),
                                 .created_at = absl::FromUnixSeconds(r.Int(2)),
                                 .waiting_since = absl::FromUnixSeconds(r.Int(3)),
                                 .coachee_id = r.Int(4),
                                 .matched_at = r.OptionalTime(5),
                                 .first_session_at = r.OptionalTime(6)});
         });
    rows(absl::StrCat("SELECT COUNT(*) FROM request_answers a JOIN requests q ON q.id = "
                      "a.request_id WHERE a.accepted = 0 AND a.answered_at >= ?1 AND "
                      "a.answered_at < ?2 AND q.coachee_organisation_id IN (",
                      in, ")"),
         [&](const Statement& r) { f.returned_to_waiting = r.Int(0); });
    rows(absl::StrCat(
             "SELECT * FROM (SELECT r.kind, r.coachee_id, q.coachee_organisation_id, "
             "r.created_at, ",
             kEndedAt,
             " AS ended_at, COALESCE(d.staff_group, 0), COALESCE(d.profession, 0), "
             "COALESCE(d.pay_band, 0), COALESCE(d.clinical, 0), COALESCE(d.ethnic_group, 0), "
             "COALESCE(d.disability, 0) FROM relationships r JOIN requests q ON q.id = "
             "r.request_id LEFT JOIN account_declarations d ON d.account_id = r.coachee_id WHERE "
             "r.created_at < ?2 AND q.coachee_organisation_id IN (",
             in, ")) WHERE ended_at IS NULL OR ended_at >= ?1"),
         [&](const Statement& r) {
           f.relationships.push_back({.kind = static_cast<domain::SupportKind>(r.Int(0)),
                                      .coachee_id = r.Int(1),
                                      .organisation_id = r.Int(2),
                                      .started = absl::FromUnixSeconds(r.Int(3)),
                                      .ended = r.OptionalTime(4),
                                      .declaration = {.staff_group = static_cast<int>(r.Int(5)),
                                                      .profession = static_cast<int>(r.Int(6)),
                                                      .pay_band = static_cast<int>(r.Int(7)),
                                                      .clinical = static_cast<int>(r.Int(8)),
                                                      .ethnic_group = static_cast<int>(r.Int(9)),
                                                      .disability = static_cast<int>(r.Int(10))}});
         });
    rows(absl::StrCat(
             "SELECT * FROM (SELECT g.created_at, g.state, g.closed_at, g.outcome, (SELECT "
             "t.rating FROM goal_ratings t WHERE t.goal_id = g.id AND t.source = 1 ORDER BY t.id "
             "LIMIT 1), (SELECT t.rating FROM goal_ratings t WHERE t.goal_id = g.id AND t.source "
             "= 3 ORDER BY t.id DESC LIMIT 1), (SELECT t.at FROM goal_ratings t WHERE t.goal_id = "
             "g.id AND t.source = 3 ORDER BY t.id DESC LIMIT 1) AS end_at FROM goals g JOIN "
             "relationships r ON r.id = g.relationship_id JOIN requests q ON q.id = r.request_id "
             "WHERE q.coachee_organisation_id IN (",
             in,
             ")) WHERE (created_at >= ?1 AND created_at < ?2) OR (closed_at >= ?1 AND closed_at "
             "< ?2) OR (end_at >= ?1 AND end_at < ?2)"),
         [&](const Statement& r) {
           domain::GoalFact g{.created_at = absl::FromUnixSeconds(r.Int(0)),
                              .state = static_cast<domain::GoalState>(r.Int(1)),
                              .closed_at = r.OptionalTime(2),
                              .outcome = static_cast<domain::GoalOutcome>(r.Int(3)),
                              .end_at = r.OptionalTime(6)};
           if (!r.IsNull(4)) g.start_rating = static_cast<int>(r.Int(4));
           if (!r.IsNull(5)) g.end_rating = static_cast<int>(r.Int(5));
           f.goals.push_back(g);
         });
    rows(absl::StrCat("SELECT e.audience, a.wording, a.choice, e.submitted_at FROM "
                      "evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id JOIN "
                      "relationships r ON r.id = e.relationship_id JOIN requests q ON q.id = "
                      "r.request_id WHERE a.type = 1 AND a.choice > 0 AND e.submitted_at >= ?1 "
                      "AND e.submitted_at < ?2 AND q.coachee_organisation_id IN (",
                      in, ")"),
         [&](const Statement& r) {
           f.ratings.push_back({.audience = static_cast<domain::Audience>(r.Int(0)),
                                .question = r.Text(1),
                                .choice = static_cast<int>(r.Int(2)),
                                .at = absl::FromUnixSeconds(r.Int(3))});
         });
    EXPECT_TRUE(
        db_.Read([&](Connection& c) -> absl::Status {
             ASSIGN_OR_RETURN(
                 Statement s,
                 c.Prepare(absl::StrCat(
                     "SELECT m.member_id, m.month, m.version, m.themes, "
                     "m.sealed_new_theme FROM monthly_returns m JOIN accounts a ON a.id = "
                     "m.member_id WHERE m.month >= ?1 AND m.month <= ?2 AND "
                     "a.organisation_id IN (",
                     in,
                     ") AND m.version = (SELECT MAX(x.version) FROM monthly_returns x "
                     "WHERE x.member_id = m.member_id AND x.month = m.month) ORDER BY "
                     "m.month, m.member_id")));
             s.Bind(1, domain::FormatMonth(first)).Bind(2, domain::FormatMonth(last));
             BindIds(s, 3, orgs);
             while (true) {
               ASSIGN_OR_RETURN(const bool row, s.Step());
               if (!row) return absl::OkStatus();
               domain::ReturnFact r{.member_id = s.Int(0), .month = *domain::ParseMonth(s.Text(1))};
               r.version.version = static_cast<int>(s.Int(2));
               r.version.themes = Lines(s.Text(3));
               std::string theme;
               if (!s.IsNull(4)) {
                 ASSIGN_OR_RETURN(
                     theme, cipher_.Open(s.Blob(4), domain::ReturnThemeData(r.member_id, r.month,
                                                                            r.version.version)));
               }
               f.returns.push_back(std::move(r));
               f.new_themes.push_back(std::move(theme));
             }
           })
            .ok());
    return f;
  }

 private:
  Database& db_;
  const domain::NoteCipher& cipher_;
};

// ---- Comparing ----------------------------------------------------------------

using SessionKey = std::tuple<absl::CivilMonth, int, int, int64_t, int64_t, int64_t>;
std::vector<SessionKey> Keys(const domain::SessionTotals& t) {
  std::vector<SessionKey> out;
  for (const auto& [month, c] : t.by_month) {
    out.emplace_back(month, static_cast<int>(c.kind), static_cast<int>(c.status), c.sessions,
                     c.minutes, c.people);
  }
  // The period as a whole, under a month no period has.
  for (const domain::SessionCount& c : t.period) {
    out.emplace_back(absl::CivilMonth(1970, 1), static_cast<int>(c.kind),
                     static_cast<int>(c.status), c.sessions, c.minutes, c.people);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<SessionKey> PeriodKeys(const domain::SessionTotals& t) {
  domain::SessionTotals period{.period = t.period};
  return Keys(period);
}

std::vector<std::tuple<absl::CivilMonth, std::string, int64_t>> Keys(
    const std::vector<domain::ThemeCount>& themes) {
  std::vector<std::tuple<absl::CivilMonth, std::string, int64_t>> out;
  for (const domain::ThemeCount& t : themes) out.emplace_back(t.month, t.code, t.mentions);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<absl::Time, absl::Time>> Sorted(
    std::vector<std::pair<absl::Time, absl::Time>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<absl::Time> Sorted(std::vector<absl::Time> times) {
  std::sort(times.begin(), times.end());
  return times;
}

std::vector<std::vector<int64_t>> Keys(const std::vector<domain::RelationshipFact>& rows) {
  std::vector<std::vector<int64_t>> out;
  for (const domain::RelationshipFact& r : rows) {
    const domain::Declaration& d = r.declaration;
    out.push_back({static_cast<int>(r.kind), r.coachee_id, r.organisation_id,
                   absl::ToUnixSeconds(r.started), r.ended ? absl::ToUnixSeconds(*r.ended) : -1,
                   d.staff_group, d.profession, d.pay_band, d.clinical, d.ethnic_group,
                   d.disability});
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::tuple<int, std::string, int64_t, int64_t>> Keys(
    const std::vector<domain::RatingCount>& ratings) {
  std::vector<std::tuple<int, std::string, int64_t, int64_t>> out;
  for (const domain::RatingCount& r : ratings) {
    out.emplace_back(static_cast<int>(r.audience), r.question, r.answers, r.choice_sum);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class FiguresStorageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    app::ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.db_path = dir_->File("tandem.db");
    options.demo_data = true;
    auto server = app::Server::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    (*server)->Shutdown(absl::ZeroDuration());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    db_ = Ok(Database::Open(dir_->File("tandem.db"), 1));
    std::string key = Ok(app::LoadOrCreateKeyFile(dir_->File("tandem.db.notes-key")));
    cipher_ = Ok(domain::NoteCipher::Create(key));
    ASSERT_TRUE(absl::LoadTimeZone("Europe/London", &zone_));
    db_->Read([&](Connection& c) -> absl::Status {
         ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT id FROM organisations ORDER BY id"));
         while (true) {
           ASSIGN_OR_RETURN(const bool row, s.Step());
           if (!row) return absl::OkStatus();
           organisations_.push_back(s.Int(0));
         }
       })
        .IgnoreError();
    ASSERT_EQ(organisations_.size(), 5u);
  }

  // Every scope: each organisation alone, two together and all of them.
  std::vector<std::vector<int64_t>> Scopes() const {
    std::vector<std::vector<int64_t>> out;
    for (const int64_t id : organisations_) out.push_back({id});
    out.push_back({organisations_[0], organisations_[2]});
    out.push_back(organisations_);
    return out;
  }

  FactQuery QueryFor(const std::vector<int64_t>& orgs, absl::CivilMonth first,
                     absl::CivilMonth last, bool tables) const {
    FactQuery q{.organisation_ids = orgs,
                .from = domain::MonthStart(first, zone_),
                .to = domain::MonthStart(last + 1, zone_),
                .tables = tables};
    for (absl::CivilMonth m = first; m <= last; ++m) {
      q.months.push_back({.month = m,
                          .from = domain::MonthStart(m, zone_),
                          .to = domain::MonthStart(m + 1, zone_)});
    }
    return q;
  }

  PeriodTotals Counted(const FactQuery& q) {
    SqliteFiguresRepository repo(*db_);
    PeriodTotals t;
    t.sessions = Ok(repo.Sessions(q));
    t.requests = Ok(repo.Requests(q));
    t.returned_to_waiting = Ok(repo.ReturnedToWaiting(q));
    t.relationships = Ok(repo.Relationships(q));
    t.goals = Ok(repo.Goals(q));
    if (q.tables) t.ratings = Ok(repo.RatingAnswers(q));
    const domain::ReturnTotals returns = Ok(repo.Returns(q));
    t.returns = returns.confirmed;
    t.return_themes = returns.themes;
    for (const domain::SealedTheme& theme : returns.new_themes) {
      t.new_themes.emplace_back(
          theme.month,
          Ok(cipher_->Open(theme.sealed,
                           domain::ReturnThemeData(theme.member_id, theme.month, theme.version))));
    }
    return t;
  }

  static inline testing::TempDir* dir_ = nullptr;
  std::unique_ptr<Database> db_;
  std::unique_ptr<domain::NoteCipher> cipher_;
  absl::TimeZone zone_;
  std::vector<int64_t> organisations_;
};

TEST_F(FiguresStorageTest, CountsAreWhatTheFactsOneByOneAddUpTo) {
  Reference reference(*db_, *cipher_);
  const absl::CivilMonth this_month = domain::MonthOf(absl::Now(), zone_);
  int periods = 0, sessions = 0;
  for (const auto& orgs : Scopes()) {
    // Every month of the demo's year and a bit, every quarter, a year, and
    // a run of months.
    std::vector<std::pair<absl::CivilMonth, absl::CivilMonth>> spans;
    for (absl::CivilMonth m = this_month - 15; m <= this_month; ++m) spans.emplace_back(m, m);
    for (absl::CivilMonth m = this_month - 15; m <= this_month - 2; m += 3) {
      spans.emplace_back(m, m + 2);
    }
    spans.emplace_back(this_month - 12, this_month - 1);
    spans.emplace_back(this_month - 20, this_month);
    for (const auto& [first, last] : spans) {
      SCOPED_TRACE(absl::StrCat(domain::FormatMonth(first), " to ", domain::FormatMonth(last),
                                ", organisations ", absl::StrJoin(orgs, ",")));
      const FactQuery q = QueryFor(orgs, first, last, true);
      const PeriodFacts facts = reference.Read(orgs, first, last, q.from, q.to);
      const PeriodTotals expected = domain::Tally(facts, q.from, q.to, zone_);
      const PeriodTotals counted = Counted(q);
      EXPECT_EQ(Keys(counted.sessions), Keys(expected.sessions));
      EXPECT_EQ(counted.sessions.held_people, expected.sessions.held_people);
      EXPECT_EQ(Keys(counted.sessions.themes), Keys(expected.sessions.themes));
      EXPECT_EQ(counted.requests.made, expected.requests.made);
      EXPECT_EQ(Sorted(counted.requests.matched), Sorted(expected.requests.matched));
      EXPECT_EQ(Sorted(counted.requests.first_sessions), Sorted(expected.requests.first_sessions));
      EXPECT_EQ(Sorted(counted.requests.waiting_since), Sorted(expected.requests.waiting_since));
      EXPECT_EQ(counted.returned_to_waiting, expected.returned_to_waiting);
      EXPECT_EQ(counted.relationships.under_way, expected.relationships.under_way);
      EXPECT_EQ(counted.relationships.begun, expected.relationships.begun);
      EXPECT_EQ(Keys(counted.relationships.rows), Keys(expected.relationships.rows));
      EXPECT_EQ(counted.goals.set, expected.goals.set);
      EXPECT_EQ(counted.goals.dropped, expected.goals.dropped);
      EXPECT_EQ(counted.goals.ended, expected.goals.ended);
      EXPECT_EQ(counted.goals.rating_changes, expected.goals.rating_changes);
      EXPECT_EQ(counted.goals.rating_change_sum, expected.goals.rating_change_sum);
      EXPECT_EQ(Keys(counted.ratings), Keys(expected.ratings));
      EXPECT_EQ(counted.returns, expected.returns);
      EXPECT_EQ(Keys(counted.return_themes), Keys(expected.return_themes));
      auto typed = counted.new_themes, typed_expected = expected.new_themes;
      std::sort(typed.begin(), typed.end());
      std::sort(typed_expected.begin(), typed_expected.end());
      EXPECT_EQ(typed, typed_expected);

      // Headlines only: the same headline counts, without the tables'.
      const PeriodTotals headlines = Counted(QueryFor(orgs, first, last, false));
      EXPECT_EQ(PeriodKeys(headlines.sessions), PeriodKeys(expected.sessions));
      EXPECT_TRUE(headlines.sessions.by_month.empty());
      EXPECT_EQ(headlines.sessions.held_people, expected.sessions.held_people);
      EXPECT_TRUE(headlines.sessions.themes.empty());
      // Of requests, what the headlines count: those made and matched.
      EXPECT_EQ(headlines.requests.made, expected.requests.made);
      EXPECT_EQ(Sorted(headlines.requests.matched), Sorted(expected.requests.matched));
      EXPECT_TRUE(headlines.requests.first_sessions.empty());
      EXPECT_TRUE(headlines.requests.waiting_since.empty());
      EXPECT_EQ(headlines.relationships.under_way, expected.relationships.under_way);
      EXPECT_EQ(headlines.relationships.begun, expected.relationships.begun);
      EXPECT_TRUE(headlines.relationships.rows.empty());
      EXPECT_EQ(headlines.returns, expected.returns);

      // And the figures worked out from each are the same.
      const domain::Period period{
          .kind = domain::PeriodKind::kCustom, .first = first, .last = last};
      const auto work_out = [&](const PeriodTotals& now) {
        return domain::WorkOut(period, now, domain::PreviousPeriod(period), now, {}, {}, {}, {},
                               absl::FromUnixSeconds(1800000000));
      };
      const domain::ProgrammeFigures a = work_out(counted), b = work_out(expected);
      ASSERT_EQ(a.headlines.size(), b.headlines.size());
      for (size_t i = 0; i < a.headlines.size(); ++i) {
        EXPECT_EQ(a.headlines[i].current, b.headlines[i].current) << a.headlines[i].id;
      }
      ASSERT_EQ(a.tables.size(), b.tables.size());
      for (size_t i = 0; i < a.tables.size(); ++i) {
        ASSERT_EQ(a.tables[i].rows.size(), b.tables[i].rows.size()) << a.tables[i].id;
        for (size_t r = 0; r < a.tables[i].rows.size(); ++r) {
          EXPECT_EQ(a.tables[i].rows[r].label, b.tables[i].rows[r].label);
          EXPECT_EQ(a.tables[i].rows[r].cells, b.tables[i].rows[r].cells) << a.tables[i].id;
        }
      }
      ++periods;
      sessions += static_cast<int>(facts.sessions.size());
    }
  }
  // The demo data gives every kind of fact something to count.
  EXPECT_GT(periods, 100);
  EXPECT_GT(sessions, 1000);
}

TEST_F(FiguresStorageTest, ThePoolIsReadAsTheProfilesHaveIt) {
  SqliteFiguresRepository repo(*db_);
  SqliteProfileRepository profiles(*db_);
  const absl::CivilMonth last_month = domain::MonthOf(absl::Now(), zone_) - 1;
  for (const auto& orgs : Scopes()) {
    const domain::PoolRows rows = Ok(repo.Pool(orgs, last_month));
    // As read before: the approved pool by name, page by page.
    std::vector<domain::Profile> expected;
    domain::PoolQuery query{.organisation_ids = orgs,
                            .status = domain::PoolStatus::kApproved,
                            .now = absl::Now(),
                            .limit = 7};
    while (true) {
      domain::ProfilePage page = Ok(profiles.ListPool(query));
      for (auto& s : page.profiles) expected.push_back(std::move(s.profile));
      if (page.profiles.size() < static_cast<size_t>(query.limit)) break;
      query.after = {expected.back().display_name, expected.back().account_id};
    }
    ASSERT_EQ(rows.members.size(), expected.size());
    ASSERT_FALSE(expected.empty());
    std::set<int64_t> returned;
    int64_t returned_count = 0;
    db_->Read([&](Connection& c) -> absl::Status {
         ASSIGN_OR_RETURN(Statement s,
                          c.Prepare(absl::StrCat("SELECT DISTINCT m.member_id FROM "
                                                 "monthly_returns m JOIN accounts a ON a.id = "
                                                 "m.member_id WHERE m.month = ?1 AND "
                                                 "a.organisation_id IN (",
                                                 Numbered(2, orgs.size()), ")")));
         s.Bind(1, domain::FormatMonth(last_month));
         BindIds(s, 2, orgs);
         while (true) {
           ASSIGN_OR_RETURN(const bool row, s.Step());
           if (!row) return absl::OkStatus();
           returned.insert(s.Int(0));
           ++returned_count;
         }
       })
        .IgnoreError();
    EXPECT_EQ(rows.returned, returned_count);
    const domain::ListingSettings listing;
    for (size_t i = 0; i < expected.size(); ++i) {
      const domain::PoolMemberFact& m = rows.members[i];
      const domain::Profile& b = expected[i];
      EXPECT_EQ(m.account_id, b.account_id);
      EXPECT_EQ(m.display_name, b.display_name);
      EXPECT_EQ(m.capacity, b.details.capacity);
      EXPECT_EQ(m.current_load, b.current_load);
      EXPECT_EQ(m.joined, b.created_at);
      EXPECT_EQ(m.returned, returned.contains(b.account_id));
      domain::Profile a;
      a.details.kind = m.kind;
      a.details.last_supervision_on = m.last_supervision_on;
      a.status = m.status;
      a.coaching_listed_until = m.coaching_listed_until;
      a.qualifications = Ok(repo.Qualifications({m.account_id}));
      EXPECT_EQ(a.qualifications.size(), b.qualifications.size());
      // What the listing rule says of each, now and in three months.
      for (const absl::Time at : {absl::Now(), absl::Now() + absl::Hours(24 * 90)}) {
        const domain::Listing x = domain::ComputeListing(a, at, listing);
        const domain::Listing y = domain::ComputeListing(b, at, listing);
        EXPECT_EQ(x.listed(), y.listed());
        EXPECT_EQ(x.reasons, y.reasons);
      }
    }
  }
}

TEST_F(FiguresStorageTest, TheRelationshipsListIsTheOneReadBefore) {
  SqliteFiguresRepository repo(*db_);
  for (const auto& orgs : Scopes()) {
    for (const auto& states : std::vector<std::vector<domain::RelationshipState>>{
             {domain::RelationshipState::kContracting, domain::RelationshipState::kActive},
             {domain::RelationshipState::kCompleted},
             {domain::RelationshipState::kActive, domain::RelationshipState::kCompleted,
              domain::RelationshipState::kEndedEarly}}) {
      for (const int weeks : {0, 2, 8}) {
        for (const int offset : {0, 5}) {
          domain::ProgrammeRelationshipQuery q{
              .organisation_ids = orgs, .states = states, .limit = 7, .offset = offset};
          if (weeks > 0) q.quiet_since = absl::Now() - absl::Hours(24 * 7 * weeks);
          const domain::ProgrammeRelationshipPage page = Ok(repo.List(q));
          // As read before: counted and ordered by the sessions themselves.
          std::vector<std::tuple<int64_t, std::string, std::string, int, std::optional<int64_t>>>
              expected;
          int total = 0;
          db_->Read([&](Connection& c) -> absl::Status {
               const size_t n = orgs.size();
               const int states_from = 5 + static_cast<int>(n);
               ASSIGN_OR_RETURN(
                   Statement s,
                   c.Prepare(absl::StrCat(
                       "WITH x AS (SELECT r.id, c.display_name AS coachee, m.display_name AS "
                       "member, r.created_at, (SELECT COUNT(*) FROM sessions s WHERE "
                       "s.relationship_id = r.id AND s.status = 4) AS held, (SELECT "
                       "MAX(s.starts_at) FROM sessions s WHERE s.relationship_id = r.id AND "
                       "s.status = 4) AS last_at FROM relationships r JOIN accounts c ON c.id = "
                       "r.coachee_id JOIN accounts m ON m.id = r.member_id WHERE "
                       "(c.organisation_id IN (",
                       Numbered(5, n), ") OR m.organisation_id IN (", Numbered(5, n),
                       ")) AND r.state IN (", Numbered(states_from, q.states.size()),
                       ")), y AS (SELECT * FROM x WHERE ?4 = 0 OR COALESCE(last_at, created_at) "
                       "< ?3) SELECT id, coachee, member, held, last_at, (SELECT COUNT(*) FROM "
                       "y) FROM y ORDER BY COALESCE(last_at, created_at), id LIMIT ?1 OFFSET "
                       "?2")));
               s.Bind(1, q.limit).Bind(2, q.offset);
               s.Bind(3, q.quiet_since ? absl::ToUnixSeconds(*q.quiet_since) : 0)
                   .Bind(4, q.quiet_since ? 1 : 0);
               BindIds(s, 5, orgs);
               for (size_t i = 0; i < q.states.size(); ++i) {
                 s.Bind(states_from + static_cast<int>(i), static_cast<int64_t>(q.states[i]));
               }
               while (true) {
                 ASSIGN_OR_RETURN(const bool row, s.Step());
                 if (!row) return absl::OkStatus();
                 expected.emplace_back(
                     s.Int(0), s.Text(1), s.Text(2), static_cast<int>(s.Int(3)),
                     s.IsNull(4) ? std::nullopt : std::optional<int64_t>(s.Int(4)));
                 total = static_cast<int>(s.Int(5));
               }
             })
              .IgnoreError();
          std::vector<std::tuple<int64_t, std::string, std::string, int, std::optional<int64_t>>>
              listed;
          for (const auto& r : page.relationships) {
            listed.emplace_back(
                r.id, r.coachee_name, r.member_name, r.sessions_held,
                r.last_session_at ? std::optional<int64_t>(absl::ToUnixSeconds(*r.last_session_at))
                                  : std::nullopt);
          }
          EXPECT_EQ(listed, expected);
          if (!expected.empty()) {
            EXPECT_EQ(page.total_count, total);
          }
        }
      }
    }
  }
}

// Rows written before the migration get from its backfill exactly what the
// writes keep: clear what the writes kept and run the migration's UPDATEs.
TEST_F(FiguresStorageTest, TheMigrationFillsWhatTheWritesKeep) {
  const std::vector<std::pair<std::string, std::string>> kept = {
      {"sessions", "kind, coachee_id, coachee_organisation_id"},
      {"relationships",
       "coachee_organisation_id, member_organisation_id, ended_at, sessions_held, first_held_at, "
       "last_held_at"},
      {"goals", "coachee_organisation_id, start_rating, end_rating, end_at"},
      {"evaluations", "coachee_organisation_id"},
      {"monthly_returns", "organisation_id, latest"},
  };
  std::map<std::string, std::vector<std::string>> before, after;
  const auto read = [&](std::map<std::string, std::vector<std::string>>& into) {
    ASSERT_TRUE(db_->Read([&](Connection& c) -> absl::Status {
                     for (const auto& [table, columns] : kept) {
                       std::vector<std::string> quoted;
                       for (absl::string_view column : absl::StrSplit(columns, ", ")) {
                         quoted.push_back(absl::StrCat("quote(", column, ")"));
                       }
                       ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat(
                                                         "SELECT rowid || ':' || ",
                                                         absl::StrJoin(quoted, " || ',' || "),
                                                         " FROM ", table, " ORDER BY rowid")));
                       while (true) {
                         ASSIGN_OR_RETURN(const bool row, s.Step());
                         if (!row) break;
                         into[table].push_back(s.Text(0));
                       }
                     }
                     return absl::OkStatus();
                   })
                    .ok());
  };
  read(before);
  for (const auto& [table, columns] : kept) {
    ASSERT_FALSE(before[table].empty()) << table;
  }
  const auto migration = std::find_if(EmbeddedMigrations().begin(), EmbeddedMigrations().end(),
                                      [](const Migration& m) { return m.name == "figures"; });
  ASSERT_NE(migration, EmbeddedMigrations().end());
  std::vector<std::string> updates;
  for (absl::string_view statement : absl::StrSplit(migration->sql, ';')) {
    // Each statement without its leading comments.
    std::string sql;
    for (absl::string_view line : absl::StrSplit(statement, '\n')) {
      if (!absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), "--")) {
        absl::StrAppend(&sql, line, "\n");
      }
    }
    if (absl::StartsWith(absl::StripLeadingAsciiWhitespace(sql), "UPDATE")) updates.push_back(sql);
  }
  ASSERT_EQ(updates.size(), 5u);
  ASSERT_TRUE(db_->Write([&](Connection& c) -> absl::Status {
                   RETURN_IF_ERROR(c.Execute(
                       "UPDATE sessions SET kind = 0, coachee_id = 0, coachee_organisation_id = 0; "
                       "UPDATE relationships SET coachee_organisation_id = 0, "
                       "member_organisation_id = 0, ended_at = NULL, sessions_held = 0, "
                       "first_held_at = NULL, last_held_at = NULL; UPDATE goals SET "
                       "coachee_organisation_id = 0, start_rating = NULL, end_rating = NULL, "
                       "end_at = NULL; UPDATE evaluations SET coachee_organisation_id = 0; UPDATE "
                       "monthly_returns SET organisation_id = 0, latest = 0"));
                   for (const std::string& update : updates) RETURN_IF_ERROR(c.Execute(update));
                   return absl::OkStatus();
                 })
                  .ok());
  read(after);
  for (const auto& [table, columns] : kept) {
    EXPECT_EQ(after[table], before[table]) << table;
  }
}

}  // namespace
}  // namespace tandem::storage
