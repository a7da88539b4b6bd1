// The programme's figures at the size of a region (issue 13): five years of
// a large system — 100,000 staff in 20 organisations, 5,000 pool members,
// 60,000 relationships, about 700,000 sessions, their requests, goals,
// reviews, evaluations and monthly returns — generated deterministically
// into a fresh SQLite file, then every figure query asked of the real
// server over loopback gRPC: GetProgrammeFigures for a month, a quarter, a
// financial year and a custom run of 12 months, for the whole system and
// for one organisation; ListProgrammeRelationships with and without its
// "no session for weeks" filter; a year's export (the year's figures and
// every table written as CSV) and a busy member's hours log for a year;
// and the write that feeds the figures, RecordSession. As the floor, the
// same Figures::Get runs in the process without gRPC, and one call is
// taken apart step by step.
//
// Generation takes a minute or so, so the file is kept in the temporary
// directory and reused, keyed by kDataVersion and the day it was made (the
// data ends at the start of that day, so the same day makes the same data).
// Each run works on a copy, so the writes it measures never change the
// cached file.
//
//   bench/run-figures-bench.sh
//
// Environment: TANDEM_BENCH_REGENERATE=1 makes the file again;
// TANDEM_BENCH_DUMP=PATH writes every answer (without its computed_at) to
// PATH, to compare two builds' figures exactly; TANDEM_BENCH_LOAD_ONLY=1
// stops after making the file; TANDEM_BENCH_DATA=PATH uses that file
// instead (one made by an earlier version, say, to time its migration);
// TANDEM_BENCH_WRITES_ONLY=1 measures the write alone; and
// TANDEM_BENCH_PROFILE=SECONDS only repeats the in-process whole-system
// quarter for that long (to run under perf).

#include <grpcpp/grpcpp.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "server/app/key_file.h"
#include "server/app/server.h"
#include "server/domain/evaluation_questions.h"
#include "server/domain/figures.h"
#include "server/domain/goals.h"
#include "server/domain/monthly_return.h"
#include "server/domain/note_cipher.h"
#include "server/domain/password_hasher.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_activity_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "shared/clock.h"
#include "shared/csv.h"
#include "tandem/v1/activity.grpc.pb.h"
#include "tandem/v1/identity.grpc.pb.h"
#include "tandem/v1/relationships.grpc.pb.h"

namespace tandem::bench {
namespace {

using domain::SessionStatus;
using domain::SupportKind;
using SteadyClock = std::chrono::steady_clock;

// Change this whenever the generator changes: a cached file of another
// version is made again.
constexpr int kDataVersion = 3;

constexpr int kOrganisationCount = 20;
constexpr int kStaff = 100000;  // pool members included
constexpr int kPoolSize = 5000;
constexpr int kRelationships = 60000;
constexpr int kMonths = 60;
constexpr int kWaitingNow = 400;
constexpr int kPendingNow = 80;
// Staff kept for the waiting list now, so that nobody has two open requests
// of a kind (requests_one_open).
constexpr int kReservedStaff = 2000;
// The organisation measured alone: the largest.
constexpr size_t kOneOrganisation = 4;

constexpr char kPassword[] = "bench-password";
constexpr char kWholeEmail[] = "whole-system@bench.example";
constexpr char kOneEmail[] = "one-organisation@bench.example";
constexpr char kBusyEmail[] = "busy-member@bench.example";
constexpr char kZone[] = "Europe/London";

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "figures_bench: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T Must(absl::StatusOr<T> value, const char* what) {
  Check(value.status(), what);
  return *std::move(value);
}

// ---- Bulk SQL ---------------------------------------------------------------
//
// The big tables are written with prepared statements reused row after row
// in one transaction: through the repositories (a transaction, a read-back
// and a fresh statement per row) the 3 million rows would take most of an
// hour. The rows are the ones the server's own writes make — the same
// columns, states, times, sealed text under the same key and associated
// data — as listed in each table's comment below.

struct Null {};
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
struct Blob {
  std::string_view bytes;  // empty: NULL
};

int64_t Unix(absl::Time t) { return absl::ToUnixSeconds(t); }
std::optional<int64_t> Unix(const std::optional<absl::Time>& t) {
  if (!t) return std::nullopt;
  return absl::ToUnixSeconds(*t);
}

class Insert {
 public:
  Insert(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      Die(absl::StrCat(sql, ": ", sqlite3_errmsg(db)));
    }
  }
  ~Insert() { sqlite3_finalize(stmt_); }
  Insert(const Insert&) = delete;
  Insert& operator=(const Insert&) = delete;

  /// Binds `args` to ?1, ?2, … and runs the statement; the new rowid.
  template <typename... Args>
  int64_t operator()(const Args&... args) {
    int index = 0;
    (Bind(++index, args), ...);
    if (sqlite3_step(stmt_) != SQLITE_DONE) {
      Die(absl::StrCat(sqlite3_sql(stmt_), ": ", sqlite3_errmsg(db_)));
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return sqlite3_last_insert_rowid(db_);
  }

 private:
  template <typename T>
  void Bind(int index, const T& value) {
    if constexpr (std::is_same_v<T, Null>) {
      sqlite3_bind_null(stmt_, index);
    } else if constexpr (std::is_same_v<T, Blob>) {
      if (value.bytes.empty()) {
        sqlite3_bind_null(stmt_, index);
      } else {
        sqlite3_bind_blob64(stmt_, index, value.bytes.data(), value.bytes.size(), SQLITE_TRANSIENT);
      }
    } else if constexpr (IsOptional<T>::value) {
      if (value) {
        Bind(index, *value);
      } else {
        sqlite3_bind_null(stmt_, index);
      }
    } else if constexpr (std::is_integral_v<T>) {
      sqlite3_bind_int64(stmt_, index, static_cast<int64_t>(value));
    } else {
      const std::string_view text(value);
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

sqlite3* OpenRaw(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Die(absl::StrCat("open ", path));
  return db;
}

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    Die(absl::StrCat(sql, ": ", message));
  }
}

int64_t QueryInt(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Die(sql);
  const int64_t value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
  sqlite3_finalize(stmt);
  return value;
}

// ---- The data set ---------------------------------------------------------------

constexpr std::array<const char*, 5> kPlaces = {"North", "South", "East", "West", "Central"};
struct OrganisationShape {
  const char* suffix;
  domain::OrganisationKind kind;
};
constexpr std::array<OrganisationShape, 4> kShapes = {{
    {"Hospitals NHS Foundation Trust", domain::OrganisationKind::kNhsTrust},
    {"Community Health NHS Trust", domain::OrganisationKind::kNhsTrust},
    {"County Council Adult Social Care", domain::OrganisationKind::kLocalAuthority},
    {"Primary Care Network", domain::OrganisationKind::kPrimaryCare},
}};

constexpr std::array<const char*, 6> kGaps = {
    "I have just stepped up to lead a team and want to grow into the role with confidence.",
    "I would like to plan the next step in my career and understand what I need to get there.",
    "Returning after a long absence, I want support to settle back in and find my feet.",
    "I want to lead a service improvement project and bring the team with me.",
    "I struggle to balance a demanding rota with everything else and want to change that.",
    "I would like to develop as an inclusive leader and build a stronger team culture."};
constexpr std::array<const char*, 6> kGoalWhat = {
    "Lead handovers that are calm and on time",
    "Say no to extra shifts without feeling guilty",
    "Prepare for a band 7 interview",
    "Give feedback to my team more often",
    "Feel settled in my first management role",
    "Run the project to move the clinic to the new site"};
constexpr std::array<const char*, 6> kGoalMeasure = {
    "Handovers finish within 15 minutes and the team says they are clear.",
    "I turn down at least one extra shift a month and feel fine about it.",
    "I have applied and can talk through three examples.",
    "Each person hears something specific from me every fortnight.",
    "I rate my confidence at 7 or more and have a plan for the quarter.",
    "The move is planned with the team and staff know what changes."};
constexpr std::array<const char*, 6> kAnswers = {
    "I plan my week and speak up in meetings. I would not have before.",
    "I feel more confident leading the morning huddle.",
    "Having an hour that was just for me made a real difference.",
    "I applied for the post I had been putting off.",
    "Talking things through helped me see my options clearly.",
    "My team has noticed that I give feedback more often."};
constexpr std::array<const char*, 4> kNewThemes = {"Staff shortages", "Winter pressures",
                                                   "Moral injury", "Hybrid working"};

/// A coach or mentor while the data is made: their open relationships'
/// ends, soonest first, so that nobody takes more than their capacity.
struct Member {
  int64_t id = 0;
  int64_t organisation = 0;
  bool coach = false;
  bool mentor = false;
  int capacity = 1;
  absl::Time joined;
  std::priority_queue<absl::Time, std::vector<absl::Time>, std::greater<>> open_until;
  std::vector<domain::SessionFact> sessions;
  std::vector<domain::RelationshipSpan> relationships;
  int open_now = 0;
};

struct Person {
  int64_t id = 0;
  int64_t organisation = 0;
};

/// One session of a relationship's life.
struct PlannedSession {
  absl::Time at;
  SessionStatus status = SessionStatus::kHeld;
  int minutes = 0;
  domain::CancelledBy cancelled_by = domain::CancelledBy::kNone;
};

std::string Hex(DeterministicRandom& random, int bytes) {
  std::string raw;
  for (int i = 0; i < bytes; ++i) raw.push_back(static_cast<char>(random.Below(256)));
  return absl::BytesToHexString(raw);
}

absl::Time DaysLater(absl::Time t, int days, int hours = 0) {
  return t + absl::Hours(24 * static_cast<int64_t>(days) + hours);
}

/// `t` plus `min_days` and up to `spread_days` more, then `hour_offset` and
/// up to `spread_hours` more (drawn in that order, whatever the compiler).
absl::Time Later(Random& random, absl::Time t, int min_days, int spread_days, int spread_hours,
                 int hour_offset = 0) {
  const int days = min_days + random.Below(spread_days);
  const int hours = hour_offset + random.Below(spread_hours);
  return DaysLater(t, days, hours);
}

/// Makes the data set in `path` (and its notes key beside it); returns the
/// seconds it took.
double Generate(const std::string& path, absl::TimeZone zone) {
  const auto started = SteadyClock::now();
  for (const char* suffix : {"", "-wal", "-shm", ".notes-key"}) {
    std::filesystem::remove(path + suffix);
  }
  // The data ends at the start of today (UTC): made again on the same day,
  // it is the same data, row for row.
  const absl::Time now =
      absl::FromCivil(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()), absl::UTCTimeZone());
  const absl::CivilMonth this_month = domain::MonthOf(now, zone);
  const absl::Time first = domain::MonthStart(this_month - kMonths, zone);
  const absl::CivilDay today = domain::ToDay(now);
  Random random(20261213);
  const std::string key = Must(app::LoadOrCreateKeyFile(path + ".notes-key"), "notes key");
  const auto cipher = Must(domain::NoteCipher::Create(key), "cipher");
  const auto seal = [&](absl::string_view text, const std::string& associated) {
    return Must(cipher->Seal(text, associated), "seal");
  };
  const domain::PasswordHasher hasher;
  const std::string hash = Must(hasher.Hash(kPassword), "hash");

  // Organisations of different sizes: weights 1 to 5.
  std::vector<int> weights;
  int weight_total = 0;
  for (int i = 0; i < kOrganisationCount; ++i) {
    weights.push_back(1 + i % 5);
    weight_total += weights.back();
  }
  std::vector<int> org_of_staff(kStaff);
  std::vector<int> staff_per_org(kOrganisationCount, 0);
  for (int i = 0; i < kStaff; ++i) {
    int pick = random.Below(weight_total);
    int org = 0;
    while (pick >= weights[static_cast<size_t>(org)]) pick -= weights[static_cast<size_t>(org++)];
    org_of_staff[static_cast<size_t>(i)] = org;
    ++staff_per_org[static_cast<size_t>(org)];
  }

  // 1. Organisations, their settings and the two coordinators, through the
  // repositories.
  std::vector<int64_t> orgs;
  std::vector<bool> monitoring;
  {
    auto db =
        Must(storage::Database::Open(path, 1, storage::Database::Durability::kBulkLoad), "open");
    storage::SqliteOrganisationRepository organisations(*db);
    storage::SqliteReachRepository reach(*db);
    storage::SqliteAccountRepository accounts(*db);
    for (int i = 0; i < kOrganisationCount; ++i) {
      const OrganisationShape& shape = kShapes[static_cast<size_t>(i) / kPlaces.size()];
      const auto org =
          Must(organisations.Create(absl::StrCat(kPlaces[static_cast<size_t>(i) % kPlaces.size()],
                                                 " Region ", shape.suffix),
                                    shape.kind, first - absl::Hours(24 * 30)),
               "organisation");
      orgs.push_back(org.id);
      monitoring.push_back(i % 2 == 0);
      Check(reach.PutSettings({.organisation_id = org.id,
                               .headcount = staff_per_org[static_cast<size_t>(i)],
                               .equality_monitoring = monitoring.back()}),
            "settings");
    }
    for (const auto& [email, coordinated] :
         {std::pair<const char*, std::vector<int64_t>>{kWholeEmail, orgs},
          std::pair<const char*, std::vector<int64_t>>{kOneEmail, {orgs[kOneOrganisation]}}}) {
      Check(accounts
                .Create({.email = email,
                         .display_name = "Bench Coordinator",
                         .organisation_id = coordinated.front(),
                         .roles = {domain::Role::kCoordinator},
                         .coordinated_organisation_ids = coordinated,
                         .password_hash = hash,
                         .password_change_required = false},
                        first)
                .status(),
            "coordinator");
    }
  }

  // 2. Staff accounts, roles and declarations (accounts, account_roles,
  // account_declarations as AccountRepository::Create and
  // ReachRepository::PutDeclaration write them). The first kPoolSize are
  // the pool; member 0 is the busy one, who signs in.
  std::vector<Person> staff(kStaff);
  std::vector<Member> members(kPoolSize);
  {
    sqlite3* db = OpenRaw(path);
    Exec(db, "PRAGMA synchronous=OFF");
    Exec(db, "BEGIN");
    Insert account(db,
                   "INSERT INTO accounts (email, display_name, organisation_id, password_hash, "
                   "password_change_required, created_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)");
    Insert role(db, "INSERT INTO account_roles (account_id, role) VALUES (?1, ?2)");
    Insert declaration(db,
                       "INSERT INTO account_declarations (account_id, staff_group, profession, "
                       "pay_band, clinical, ethnic_group, disability, saved_at) VALUES (?1, ?2, "
                       "?3, ?4, ?5, ?6, ?7, ?8)");
    for (int i = 0; i < kStaff; ++i) {
      const size_t org = static_cast<size_t>(org_of_staff[static_cast<size_t>(i)]);
      const bool pool = i < kPoolSize;
      const std::string email = i == 0 ? std::string(kBusyEmail)
                                : pool ? absl::StrCat("member", i, "@region", org + 1, ".example")
                                       : absl::StrCat("staff", i, "@region", org + 1, ".example");
      const absl::Time created = first - absl::Hours(24 * (30 + random.Below(700)));
      const std::string first_name = random.Pick(kFirst);
      const std::string name = absl::StrCat(first_name, " ", random.Pick(kLast));
      const int64_t id =
          account(email, name, orgs[org], i == 0 ? std::string_view(hash) : std::string_view("x"),
                  Unix(created));
      staff[static_cast<size_t>(i)] = {.id = id, .organisation = orgs[org]};
      std::vector<domain::Role> roles = {domain::Role::kCoachee};
      if (pool) {
        Member& m = members[static_cast<size_t>(i)];
        const int kind = i == 0 ? 12 : random.Below(20);
        m.coach = kind < 15;
        m.mentor = kind >= 11;
        m.id = id;
        m.organisation = orgs[org];
        m.capacity = i == 0 ? 12 : 1 + random.Below(6);
        // Half were in the pool from the start; the rest joined over the
        // five years.
        m.joined = i == 0 || random.Below(2) == 0
                       ? first - absl::Hours(24 * 20)
                       : first + (now - first) * (random.Below(1000) / 1000.0);
        if (m.coach) roles.push_back(domain::Role::kCoach);
        if (m.mentor) roles.push_back(domain::Role::kMentor);
        if (!m.coach) roles.erase(roles.begin());  // mentors only mentor
      }
      for (const domain::Role r : roles) role(id, static_cast<int>(r));
      if (random.Below(100) < 45) {
        const bool asks = monitoring[org];
        const int staff_group = 1 + random.Below(10);
        const int profession = 1 + random.Below(12);
        const int band = random.Below(12) == 0 ? -1 : 1 + random.Below(10);
        const int clinical = 1 + random.Below(3);
        const int ethnic_group = asks ? 1 + random.Below(6) : 0;
        const int disability = asks ? 1 + random.Below(3) : 0;
        const absl::Time saved = created + absl::Hours(24 * random.Below(400));
        declaration(id, staff_group, profession, band, clinical, ethnic_group, disability,
                    Unix(saved));
      }
    }
    Exec(db, "COMMIT");
    sqlite3_close(db);
  }
  std::fprintf(stderr, "  %d staff accounts (%.0f s)\n", kStaff, MillisSince(started) / 1000);

  // 3. The pool's profiles, through the repository (each joined when they
  // did).
  {
    auto db =
        Must(storage::Database::Open(path, 1, storage::Database::Durability::kBulkLoad), "open");
    storage::SqliteProfileRepository profiles(*db);
    const domain::ListingSettings listing;
    for (size_t i = 0; i < members.size(); ++i) {
      const Member& m = members[i];
      domain::ProfileDetails d;
      d.kind = m.coach && m.mentor ? domain::ProfileKind::kCoachAndMentor
               : m.coach           ? domain::ProfileKind::kCoach
                                   : domain::ProfileKind::kMentor;
      for (int w = 0; w < 3; ++w) {
        absl::StrAppend(&d.headline, w == 0 ? "" : w == 1 ? " " : " and ", random.Pick(kWords));
      }
      for (int w = 0; w < 30; ++w) absl::StrAppend(&d.bio, random.Pick(kWords), " ");
      for (int s = 0; s < 3; ++s) d.specialisms.push_back(random.Pick(kSpecialisms));
      std::sort(d.specialisms.begin(), d.specialisms.end());
      d.specialisms.erase(std::unique(d.specialisms.begin(), d.specialisms.end()),
                          d.specialisms.end());
      d.professions = {random.Pick(kProfessions)};
      d.site = random.Pick(kSites);
      d.delivery_modes = {static_cast<domain::DeliveryMode>(1 + random.Below(3))};
      d.languages = {"English"};
      d.capacity = m.capacity;
      if (m.coach) {
        // About one in twelve has let supervision lapse.
        d.last_supervision_on =
            today - (random.Below(12) == 0 && i != 0 ? 100 + random.Below(60) : random.Below(80));
        d.training_level = 1 + random.Below(3);
      }
      if (m.mentor) {
        d.pay_band = 6 + random.Below(7);
        d.years_experience = 5 + random.Below(25);
      }
      domain::Qualification q;
      q.type =
          m.coach ? domain::QualificationType::kIlmLevel7 : domain::QualificationType::kMentoring;
      q.title = m.coach ? "ILM Level 7 Certificate in Executive Coaching"
                        : "Mentoring skills certificate";
      q.awarded_on = domain::ToDay(m.joined) - 200;
      q.verified_on = domain::ToDay(m.joined) + 5;
      q.verified_by = 1;
      // A few still applying: they never take a relationship.
      const bool applied = i != 0 && random.Below(40) == 0;
      Check(profiles
                .Update(
                    m.id, true,
                    [&](domain::Profile& p, bool) {
                      p.details = d;
                      p.status =
                          applied ? domain::PoolStatus::kApplied : domain::PoolStatus::kApproved;
                      p.qualifications = {q};
                      p.coaching_listed_until = domain::CoachingListedUntil(p, listing);
                      return absl::OkStatus();
                    },
                    m.joined)
                .status(),
            "profile");
      if (applied) members[i].capacity = 0;
    }
  }
  std::fprintf(stderr, "  %d profiles (%.0f s)\n", kPoolSize, MillisSince(started) / 1000);

  // 4. Five years of requests, relationships, sessions, goals, reviews,
  // evaluations and follow-ups, in one transaction.
  sqlite3* db = OpenRaw(path);
  Exec(db, "PRAGMA synchronous=OFF");
  Exec(db, "PRAGMA cache_size=-262144");
  Exec(db, "BEGIN");
  // requests: as RequestRepository::Create writes them, then Accept (status
  // accepted, answered, the relationship) or a decline that sent them back
  // to the waiting list first (request_answers, passed_ids).
  Insert request(db,
                 "INSERT INTO requests (coachee_id, coachee_organisation_id, kind, status, gap, "
                 "themes, delivery_mode, site, language, organisation_preference, avoid_ids, "
                 "profession, pay_band, member_id, origin, created_at, waiting_since, sent_at, "
                 "answer_due_at, answered_at, decline_reason, note, passed_ids, relationship_id) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', '', ?8, '', ?9, ?10, ?11, ?12, ?13, "
                 "?14, ?15, ?16, ?17, '', '', ?18, ?19)");
  Insert answer(db,
                "INSERT INTO request_answers (request_id, member_id, sent_at, answered_at, "
                "accepted) VALUES (?1, ?2, ?3, ?4, ?5)");
  // relationships and their history: as Accept, SetTerms, Agree, Complete
  // and End write them.
  // With what migrations/0013_figures.sql keeps on them: the two
  // organisations, the end, and the sessions held.
  Insert relationship(db,
                      "INSERT INTO relationships (id, request_id, kind, coachee_id, member_id, "
                      "state, created_at, updated_at, terms_set, number_of_sessions, "
                      "session_minutes, regularity, planned_end_on, review_cadence, "
                      "coachee_agreed_at, member_agreed_at, line_manager_told, reviews, "
                      "coachee_organisation_id, member_organisation_id, ended_at, sessions_held, "
                      "first_held_at, last_held_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                      "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 0, ?18, ?19, ?20, ?21, ?22, ?23)");
  Insert history(db,
                 "INSERT INTO relationship_history (relationship_id, at, by_account_id, event, "
                 "from_state, to_state, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  // sessions: proposed and accepted ahead, cancelled (CancelSession), or
  // recorded afterwards as held or not attended (RecordSession), each
  // write's key kept in write_receipts. Agreed actions and private notes are
  // optional and sealed; nothing counts them, and they are left out. Each
  // carries its relationship's kind, coachee and organisation.
  Insert session(db,
                 "INSERT INTO sessions (id, relationship_id, status, starts_at, planned_minutes, "
                 "mode, place, proposed_by, cancel_reason, cancelled_by, actual_minutes, themes, "
                 "agreed_actions, sealed_notes, author_id, idempotency_key, recorded_at, "
                 "reschedule_reason, sealed_actions, kind, coachee_id, coachee_organisation_id) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, '', NULL, ?13, ?14, "
                 "?15, '', NULL, ?16, ?17, ?18)");
  Insert receipt(db,
                 "INSERT INTO write_receipts (account_id, idempotency_key, request_digest, "
                 "result_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  // goals, ratings, reviews, evaluations and follow-ups: as Goals writes
  // them, every text sealed with the notes key bound to its row; goals and
  // evaluations with the coachee's organisation, goals with their first and
  // last ratings.
  Insert goal(db,
              "INSERT INTO goals (id, relationship_id, uid, state, sealed_what, sealed_measure, "
              "version, target_on, themes, sealed_reason, closed_at, created_at, outcome, "
              "coachee_organisation_id, start_rating, end_rating, end_at) VALUES (?1, ?2, ?3, "
              "?4, ?5, ?6, 1, NULL, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  Insert rating(db,
                "INSERT INTO goal_ratings (goal_id, rating, at, source, review_id) VALUES (?1, "
                "?2, ?3, ?4, ?5)");
  Insert review(db,
                "INSERT INTO goal_reviews (relationship_id, uid, occasion, by_account_id, "
                "submitted_at, sealed_helped, sealed_next, sealed_comment, commented_at) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  Insert evaluation(db,
                    "INSERT INTO evaluations (relationship_id, uid, audience, by_account_id, "
                    "version, submitted_at, coachee_organisation_id) VALUES (?1, ?2, ?3, ?4, 0, "
                    "?5, ?6)");
  Insert evaluation_answer(db,
                           "INSERT INTO evaluation_answers (evaluation_id, position, type, "
                           "wording, required, options, choice, sealed_text, shared) VALUES (?1, "
                           "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  Insert follow_up(db,
                   "INSERT INTO follow_ups (relationship_id, uid, by_account_id, submitted_at, "
                   "rating, sealed_answer, shared) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

  const auto themes_of = [&](int count) {
    std::vector<std::string> themes;
    while (static_cast<int>(themes.size()) < count) {
      const std::string theme = random.Pick(kSpecialisms);
      if (std::find(themes.begin(), themes.end(), theme) == themes.end()) themes.push_back(theme);
    }
    return themes;
  };
  const auto digest = [&] { return Hex(random, 32); };
  const auto coachee_at = [&](int index) -> const Person& {
    return staff[static_cast<size_t>(kPoolSize + index)];
  };
  const int coachees = kStaff - kPoolSize - kReservedStaff;
  // Members sorted by when they joined: those in the pool by a time are a
  // prefix.
  std::vector<size_t> by_joining(members.size());
  for (size_t i = 0; i < by_joining.size(); ++i) by_joining[i] = i;
  std::stable_sort(by_joining.begin(), by_joining.end(),
                   [&](size_t a, size_t b) { return members[a].joined < members[b].joined; });
  const auto pick_member = [&](SupportKind kind, absl::Time start,
                               int64_t avoid) -> std::optional<size_t> {
    const auto joined = static_cast<size_t>(
        std::partition_point(by_joining.begin(), by_joining.end(),
                             [&](size_t m) { return members[m].joined < start; }) -
        by_joining.begin());
    const auto fits = [&](size_t m) {
      Member& member = members[m];
      if (member.id == avoid || member.capacity == 0) return false;
      if (!(kind == SupportKind::kCoaching ? member.coach : member.mentor)) return false;
      while (!member.open_until.empty() && member.open_until.top() <= start) {
        member.open_until.pop();
      }
      return static_cast<int>(member.open_until.size()) < member.capacity;
    };
    // The busy member is asked first now and then.
    if (random.Below(50) == 0 && fits(0)) return 0;
    for (int attempt = 0; attempt < 60 && joined > 0; ++attempt) {
      const size_t m = by_joining[static_cast<size_t>(random.Below(static_cast<int>(joined)))];
      if (fits(m)) return m;
    }
    for (size_t i = 0; i < joined; ++i) {
      if (fits(by_joining[i])) return by_joining[i];
    }
    return std::nullopt;
  };

  int64_t next_relationship = 1, next_session = 1, next_goal = 1;
  int64_t session_rows = 0, goal_rows = 0, evaluation_rows = 0, unplaced = 0;
  const absl::Duration span = (now - absl::Hours(24)) - first;
  for (int i = 0; i < kRelationships; ++i) {
    const absl::Time start =
        first + span * ((i + random.Below(1000) / 1000.0) / kRelationships) + absl::Hours(8);
    const SupportKind kind =
        random.Below(3) == 0 ? SupportKind::kMentoring : SupportKind::kCoaching;
    const bool coaching = kind == SupportKind::kCoaching;

    // The life of the relationship, worked out first: the member is chosen
    // by when it ends.
    const absl::Time terms_at = start + absl::Hours(20 + random.Below(24));
    const absl::Time member_agreed = terms_at + absl::Hours(1 + random.Below(10));
    const absl::Time coachee_agreed = member_agreed + absl::Hours(2 + random.Below(96));
    const int planned = 7 + random.Below(14);
    const bool early = random.Below(100) < 12;
    const int count = early ? 1 + random.Below(std::max(1, planned - 1)) : planned;
    std::vector<PlannedSession> lived;
    bool running = false;  // sessions still to come at `now`
    if (coachee_agreed <= now) {
      absl::Time t = Later(random, coachee_agreed, 5, 8, 8);
      for (int j = 0; j < count; ++j) {
        if (t > now) {
          lived.push_back({.at = t,
                           .status = random.Below(2) == 0 ? SessionStatus::kProposed
                                                          : SessionStatus::kAccepted});
          running = true;
          break;
        }
        const int roll = random.Below(100);
        PlannedSession s{.at = t};
        if (roll < 8) {
          s.status = SessionStatus::kCancelled;
          s.cancelled_by =
              random.Below(2) == 0 ? domain::CancelledBy::kCoachee : domain::CancelledBy::kMember;
        } else if (roll < 14) {
          s.status = SessionStatus::kNotHeld;
          s.cancelled_by = domain::CancelledBy::kCoachee;
        } else {
          s.minutes = 45 + 15 * random.Below(4);
        }
        lived.push_back(s);
        t = coaching ? Later(random, t, 10, 9, 6, -3) : Later(random, t, 21, 15, 6, -3);
      }
    } else {
      running = true;
    }
    std::optional<absl::Time> ended;
    if (!running) {
      const absl::Time last = lived.empty() ? coachee_agreed : lived.back().at;
      const absl::Time end = Later(random, last, 2, 9, 8);
      if (end <= now) ended = end;
    }
    const domain::RelationshipState state = ended ? (early ? domain::RelationshipState::kEndedEarly
                                                           : domain::RelationshipState::kCompleted)
                                            : coachee_agreed <= now
                                                ? domain::RelationshipState::kActive
                                                : domain::RelationshipState::kContracting;

    // The request: made, perhaps declined by one member first, accepted by
    // the one chosen.
    const int wait_days = random.Below(1 + random.Below(60));
    const int wait_hours = 1 + random.Below(20);
    const absl::Time created =
        start - absl::Hours(24 * static_cast<int64_t>(wait_days) + wait_hours);
    const Person& coachee = coachee_at(random.Below(coachees));
    const std::optional<size_t> chosen = pick_member(kind, start, 0);
    if (!chosen) {
      ++unplaced;
      continue;
    }
    Member& member = members[*chosen];
    member.open_until.push(ended.value_or(absl::InfiniteFuture()));
    std::optional<size_t> decliner;
    absl::Time waiting_since = created;
    if (random.Below(10) == 0 && start - created > absl::Hours(72)) {
      // Asked first, and declined: back to the waiting list.
      decliner = pick_member(kind, created, member.id);
      if (decliner) waiting_since = created + (start - created) / 2;
    }
    const absl::Time sent = std::max(waiting_since, start - absl::Hours(1 + random.Below(60)));
    const std::vector<std::string> request_themes = themes_of(1 + random.Below(3));
    const std::string gap = random.Pick(kGaps);
    const int delivery_mode = random.Below(4);
    const int preference = random.Below(3);
    const std::string profession =
        random.Below(2) == 0 ? std::string(random.Pick(kProfessions)) : std::string();
    const int pay_band = coaching ? 0 : 3 + random.Below(5);
    const int origin = 1 + random.Below(3);
    const int64_t relationship_id = next_relationship++;
    const int64_t request_id = request(
        coachee.id, coachee.organisation, static_cast<int>(kind),
        static_cast<int>(domain::RequestStatus::kAccepted), gap,
        absl::StrJoin(request_themes, "\n"), delivery_mode, preference, profession, pay_band,
        member.id, origin, Unix(created), Unix(waiting_since), Unix(sent), Null{}, Unix(start),
        decliner ? absl::StrCat(members[*decliner].id) : std::string(), relationship_id);
    if (decliner) {
      answer(request_id, members[*decliner].id, Unix(created + absl::Hours(20)),
             Unix(waiting_since), 0);
    }
    answer(request_id, member.id, Unix(sent), Unix(start), 1);

    const bool has_terms = terms_at <= now;
    const int line_manager_told = random.Below(4);
    int held_count = 0;
    std::optional<int64_t> first_held, last_held;
    for (const PlannedSession& s : lived) {
      if (s.status != SessionStatus::kHeld) continue;
      ++held_count;
      if (!first_held) first_held = Unix(s.at);
      last_held = Unix(s.at);
    }
    const absl::Time updated =
        ended ? *ended : (coachee_agreed <= now ? coachee_agreed : (has_terms ? terms_at : start));
    relationship(
        relationship_id, request_id, static_cast<int>(kind), coachee.id, member.id,
        static_cast<int>(state), Unix(start), Unix(updated), has_terms ? 1 : 0,
        has_terms && coaching ? planned : 0, has_terms ? 60 : 0, has_terms ? (coaching ? 2 : 3) : 0,
        has_terms && coaching
            ? std::optional<int64_t>(Unix(domain::StartOfDay(domain::ToDay(coachee_agreed) +
                                                             14 * static_cast<int64_t>(planned))))
            : std::nullopt,
        has_terms && !coaching ? 2 : 0,
        coachee_agreed <= now ? std::optional<int64_t>(Unix(coachee_agreed)) : std::nullopt,
        member_agreed <= now ? std::optional<int64_t>(Unix(member_agreed)) : std::nullopt,
        line_manager_told, coachee.organisation, member.organisation, Unix(ended), held_count,
        first_held, last_held);
    const int contracting = static_cast<int>(domain::RelationshipState::kContracting);
    if (has_terms) {
      history(relationship_id, Unix(terms_at), member.id, "set the contract", contracting,
              contracting, "");
    }
    if (member_agreed <= now) {
      history(relationship_id, Unix(member_agreed), member.id, "agreed the contract", contracting,
              contracting, "");
    }
    if (coachee_agreed <= now) {
      history(relationship_id, Unix(coachee_agreed), coachee.id, "agreed the contract", contracting,
              static_cast<int>(domain::RelationshipState::kActive), "");
    }
    if (ended) {
      if (early) {
        history(relationship_id, Unix(*ended), coachee.id, "ended the relationship early",
                static_cast<int>(domain::RelationshipState::kActive),
                static_cast<int>(domain::RelationshipState::kEndedEarly),
                "I have moved to a new post and cannot keep it up.");
      } else {
        history(relationship_id, Unix(*ended), member.id, "completed the relationship",
                static_cast<int>(domain::RelationshipState::kActive),
                static_cast<int>(domain::RelationshipState::kCompleted), "");
      }
    }
    member.relationships.push_back(
        {.id = relationship_id, .kind = kind, .started = start, .ended = ended});
    if (!ended) ++member.open_now;

    // Sessions.
    std::vector<absl::Time> held_at;
    for (const PlannedSession& s : lived) {
      const int64_t session_id = next_session++;
      ++session_rows;
      const bool recorded = s.status == SessionStatus::kHeld || s.status == SessionStatus::kNotHeld;
      const std::string record_key = absl::StrCat("bench-", session_id, "-", Hex(random, 8));
      const absl::Time recorded_at = std::min(now, s.at + absl::Hours(1 + random.Below(40)));
      std::vector<std::string> themes;
      if (s.status == SessionStatus::kHeld) {
        themes = {random.Below(10) < 7 ? request_themes.front() : random.Pick(kSpecialisms)};
        if (random.Below(3) == 0) {
          const std::string second = random.Pick(kSpecialisms);
          if (second != themes.front()) themes.push_back(second);
        }
        held_at.push_back(s.at);
      }
      const int64_t proposer = random.Below(5) == 0 ? coachee.id : member.id;
      const int planned_minutes = 60 + 30 * random.Below(2);
      const int mode = 1 + random.Below(3);
      const char* place = random.Below(2) == 0 ? "Video call" : "Meeting room 2";
      const char* reason =
          s.status == SessionStatus::kCancelled ? "A shift came up that I cannot swap."
          : s.status == SessionStatus::kNotHeld ? "Did not arrive; the ward was short-staffed."
                                                : "";
      session(session_id, relationship_id, static_cast<int>(s.status), Unix(s.at), planned_minutes,
              mode, place, proposer, reason, static_cast<int>(s.cancelled_by), s.minutes,
              absl::StrJoin(themes, "\n"),
              recorded ? std::optional<int64_t>(member.id) : std::nullopt,
              recorded ? std::optional<std::string_view>(record_key) : std::nullopt,
              recorded ? std::optional<int64_t>(Unix(recorded_at)) : std::nullopt,
              static_cast<int>(kind), coachee.id, coachee.organisation);
      if (recorded) {
        receipt(member.id, record_key, digest(), session_id, Unix(recorded_at));
      } else if (s.status == SessionStatus::kCancelled) {
        const std::string cancel_key =
            absl::StrCat("bench-cancel-", session_id, "-", Hex(random, 6));
        const absl::Time cancelled_at = s.at - absl::Hours(24 + random.Below(48));
        receipt(s.cancelled_by == domain::CancelledBy::kCoachee ? coachee.id : member.id,
                cancel_key, digest(), session_id, Unix(cancelled_at));
      }
      member.sessions.push_back({.relationship_id = relationship_id,
                                 .kind = kind,
                                 .status = s.status,
                                 .starts_at = s.at,
                                 .actual_minutes = s.minutes});
    }

    // Goals: set before the contract is agreed, rated at the start, at the
    // review half way and at the end.
    const absl::Time goals_at = terms_at + absl::Hours(2 + random.Below(6));
    if (goals_at > now) continue;
    const int goal_count = coaching ? 1 + random.Below(3) : 1 + random.Below(2);
    struct GoalLife {
      int64_t id = 0;
      std::string uid;
      domain::GoalState state = domain::GoalState::kOpen;
      std::optional<absl::Time> closed_at;
      int rating = 0;
      domain::GoalOutcome outcome = domain::GoalOutcome::kNone;
      int start = 0;
      std::optional<int64_t> end_rating;
      std::optional<int64_t> end_at;
    };
    std::vector<GoalLife> goals;
    for (int g = 0; g < goal_count; ++g) {
      GoalLife life{.id = next_goal++, .uid = Hex(random, 16), .rating = 1 + random.Below(6)};
      life.start = life.rating;
      const int roll = random.Below(100);
      if (roll < 7 && !held_at.empty()) {
        life.state = domain::GoalState::kDropped;
        life.closed_at =
            held_at[static_cast<size_t>(random.Below(static_cast<int>(held_at.size())))] +
            absl::Hours(20);
      } else if (roll < 25 && held_at.size() >= 3) {
        life.state = domain::GoalState::kAchieved;
        life.closed_at =
            held_at[held_at.size() - 1 - static_cast<size_t>(random.Below(2))] + absl::Hours(26);
      }
      if (life.closed_at && *life.closed_at > now) {
        life.state = domain::GoalState::kOpen;
        life.closed_at.reset();
      }
      goals.push_back(std::move(life));
    }
    std::vector<std::tuple<int64_t, int, absl::Time, int, std::optional<int64_t>>> ratings;
    for (const GoalLife& g : goals) {
      ratings.emplace_back(g.id, g.rating, goals_at, 1, std::nullopt);
    }
    if (held_at.size() >= 3 && random.Below(100) < 65) {
      const absl::Time at = held_at[held_at.size() / 2] + absl::Hours(22);
      if (at <= now) {
        const std::string uid = Hex(random, 16);
        const domain::ReviewRecord bound{.relationship_id = relationship_id, .uid = uid};
        const bool commented = random.Below(3) == 0;
        const absl::Time commented_at = at + absl::Hours(20);
        const int64_t review_id =
            review(relationship_id, uid, coaching ? 1 : 3, coachee.id, Unix(at),
                   Blob{seal("Talking it through before my shifts, and trying one thing at a time.",
                             domain::ReviewTextData(bound, "helped"))},
                   Blob{seal("Keep going, and ask my manager for feedback.",
                             domain::ReviewTextData(bound, "next"))},
                   Blob{commented ? seal("Real progress. Let's look at shifts next.",
                                         domain::ReviewTextData(bound, "comment"))
                                  : std::string()},
                   commented ? std::optional<int64_t>(Unix(commented_at)) : std::nullopt);
        for (GoalLife& g : goals) {
          if (g.closed_at && *g.closed_at <= at) continue;
          g.rating = std::min(10, g.rating + 1 + random.Below(3));
          ratings.emplace_back(g.id, g.rating, at, 2, review_id);
        }
      }
    }
    // The evaluation after the end: the coachee's with a final rating and
    // outcome of every goal not dropped, and the member's.
    const auto evaluate = [&](domain::Audience audience, int64_t by, absl::Time at) {
      const std::string uid = Hex(random, 16);
      const int64_t evaluation_id = evaluation(relationship_id, uid, static_cast<int>(audience), by,
                                               Unix(at), coachee.organisation);
      ++evaluation_rows;
      const domain::EvaluationRecord bound{.relationship_id = relationship_id, .uid = uid};
      const domain::QuestionSet questions = domain::DefaultQuestions(kind, audience);
      bool first_text = true;
      for (size_t q = 0; q < questions.questions.size(); ++q) {
        const domain::Question& question = questions.questions[q];
        int choice = 0;
        std::string sealed;
        bool shared = false;
        switch (question.type) {
          case domain::QuestionType::kRating: {
            const int roll = random.Below(20);
            choice = roll == 0 ? 1 + random.Below(2) : roll < 4 ? 3 : roll < 12 ? 4 : 5;
            break;
          }
          case domain::QuestionType::kYesNo:
            choice = random.Below(8) == 0 ? 2 : 1;
            break;
          case domain::QuestionType::kChoice:
            choice = random.Below(6) == 0
                         ? 0
                         : 1 + random.Below(static_cast<int>(question.options.size()));
            break;
          case domain::QuestionType::kText:
            if (random.Below(100) < (first_text ? 60 : 25)) {
              sealed =
                  seal(random.Pick(kAnswers), domain::AnswerTextData(bound, static_cast<int>(q)));
              shared = audience == domain::Audience::kCoachee && random.Below(2) == 0;
            }
            first_text = false;
            break;
        }
        evaluation_answer(evaluation_id, static_cast<int>(q), static_cast<int>(question.type),
                          question.wording, question.required ? 1 : 0,
                          absl::StrJoin(question.options, "\n"), choice, Blob{sealed},
                          shared ? 1 : 0);
      }
      if (audience != domain::Audience::kCoachee) return;
      for (GoalLife& g : goals) {
        if (g.state == domain::GoalState::kDropped) continue;
        g.rating = std::min(10, g.rating + random.Below(4));
        const int roll = random.Below(100);
        g.outcome = g.state == domain::GoalState::kAchieved ? domain::GoalOutcome::kAchieved
                    : roll < 30                             ? domain::GoalOutcome::kAchieved
                    : roll < 75                             ? domain::GoalOutcome::kPartly
                    : roll < 90                             ? domain::GoalOutcome::kNotAchieved
                                : domain::GoalOutcome::kNoLongerRelevant;
        ratings.emplace_back(g.id, g.rating, at, 3, std::nullopt);
        g.end_rating = g.rating;
        g.end_at = Unix(at);
      }
    };
    if (ended) {
      const absl::Time coachee_at_end = Later(random, *ended, 1, 20, 8);
      const bool coachee_answers = coachee_at_end <= now && random.Below(100) < (early ? 25 : 75);
      if (coachee_answers) evaluate(domain::Audience::kCoachee, coachee.id, coachee_at_end);
      const absl::Time member_at_end = Later(random, *ended, 1, 20, 8);
      if (member_at_end <= now && random.Below(100) < (early ? 20 : 60)) {
        evaluate(domain::Audience::kMember, member.id, member_at_end);
      }
      const absl::Time follow_at = DaysLater(*ended, 182 + random.Below(40));
      if (coachee_answers && follow_at <= now && random.Below(100) < 45) {
        const std::string uid = Hex(random, 16);
        const int value = 3 + random.Below(8);
        const bool answered = random.Below(2) == 0;
        const bool shared = answered && random.Below(2) == 0;
        const std::string sealed =
            answered
                ? seal("Most of it has lasted; I still use the planning.",
                       domain::FollowUpTextData({.relationship_id = relationship_id, .uid = uid}))
                : std::string();
        follow_up(relationship_id, uid, coachee.id, Unix(follow_at), value, Blob{sealed},
                  shared ? 1 : 0);
      }
    }
    for (const GoalLife& g : goals) {
      const size_t what = static_cast<size_t>(random.Below(static_cast<int>(kGoalWhat.size())));
      const domain::GoalRecord bound{.id = g.id, .relationship_id = relationship_id, .uid = g.uid};
      const std::string theme = random.Pick(kSpecialisms);
      goal(g.id, relationship_id, g.uid, static_cast<int>(g.state),
           Blob{seal(kGoalWhat[what], domain::GoalTextData(bound, 1, "what"))},
           Blob{seal(kGoalMeasure[what], domain::GoalTextData(bound, 1, "measure"))}, theme,
           Blob{g.state == domain::GoalState::kDropped
                    ? seal("It no longer fits my new role.",
                           domain::GoalTextData(bound, 0, "reason"))
                    : std::string()},
           Unix(g.closed_at), Unix(goals_at), static_cast<int>(g.outcome), coachee.organisation,
           g.start, g.end_rating, g.end_at);
      ++goal_rows;
    }
    for (const auto& [goal_id, value, at, source, review_id] : ratings) {
      rating(goal_id, value, Unix(at), source, review_id);
    }
    if ((i + 1) % 10000 == 0) {
      std::fprintf(stderr, "  %d relationships, %lld sessions (%.0f s)\n", i + 1,
                   static_cast<long long>(session_rows), MillisSince(started) / 1000);
    }
  }

  // Withdrawn requests, and the waiting list and inboxes now, from staff
  // kept for them.
  for (int i = 0; i < kRelationships / 30; ++i) {
    const Person& coachee = coachee_at(random.Below(coachees));
    const absl::Time created = first + span * (random.Below(100000) / 100000.0);
    const int kind = 1 + random.Below(2);
    const std::string gap = random.Pick(kGaps);
    const std::string theme = random.Pick(kSpecialisms);
    const int delivery_mode = random.Below(4);
    const int preference = random.Below(3);
    request(coachee.id, coachee.organisation, kind,
            static_cast<int>(domain::RequestStatus::kWithdrawn), gap, theme, delivery_mode,
            preference, "", 0, Null{}, 0, Unix(created), Unix(created), Null{}, Null{}, Null{}, "",
            Null{});
  }
  for (int i = 0; i < kWaitingNow + kPendingNow; ++i) {
    const Person& coachee = staff[static_cast<size_t>(kStaff - kReservedStaff + i)];
    const bool pending = i >= kWaitingNow;
    const SupportKind kind =
        random.Below(3) == 0 ? SupportKind::kMentoring : SupportKind::kCoaching;
    const absl::Time created = now - absl::Hours(1 + random.Below(24 * 120));
    std::optional<size_t> member;
    if (pending) member = pick_member(kind, now, 0);
    const absl::Time sent = now - absl::Hours(1 + random.Below(96));
    const std::string gap = random.Pick(kGaps);
    const std::string theme = random.Pick(kSpecialisms);
    const int delivery_mode = random.Below(4);
    const int preference = random.Below(3);
    const int pay_band = kind == SupportKind::kCoaching ? 0 : 3 + random.Below(5);
    request(
        coachee.id, coachee.organisation, static_cast<int>(kind),
        static_cast<int>(pending ? domain::RequestStatus::kPending
                                 : domain::RequestStatus::kWaiting),
        gap, theme, delivery_mode, preference, "", pay_band,
        member ? std::optional<int64_t>(members[*member].id) : std::nullopt, member ? 1 : 0,
        Unix(created), Unix(created),
        member ? std::optional<int64_t>(Unix(std::max(created, sent))) : std::nullopt,
        member ? std::optional<int64_t>(Unix(DaysLater(std::max(created, sent), 7))) : std::nullopt,
        Null{}, "", Null{});
  }

  // The pool's places in use now.
  {
    Insert load(db,
                "UPDATE profiles SET current_load = ?2, spare = capacity - ?2 WHERE account_id = "
                "?1");
    for (const Member& m : members) load(m.id, m.open_now);
  }

  // 5. Every member's monthly returns from the month they joined: counted
  // from their sessions as Returns::Confirm counts them, most confirmed a
  // few days into the next month, last month's by a third so far, a few
  // amended; about one in twelve types a new theme (sealed).
  Insert monthly(db,
                 "INSERT INTO monthly_returns (member_id, month, version, at, reason, "
                 "coaching_minutes, mentoring_minutes, sessions_held, sessions_cancelled, "
                 "sessions_not_attended, active_relationships, new_relationships, themes, "
                 "sealed_new_theme, organisation_id, latest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                 "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  Insert hours(db,
               "INSERT INTO return_hours (member_id, month, version, position, kind, category, "
               "paid, minutes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  int64_t return_rows = 0;
  for (Member& m : members) {
    if (m.capacity == 0) continue;
    std::sort(m.sessions.begin(), m.sessions.end(),
              [](const domain::SessionFact& a, const domain::SessionFact& b) {
                return a.starts_at < b.starts_at;
              });
    for (absl::CivilMonth month = std::max(domain::MonthOf(m.joined, zone), this_month - kMonths);
         month < this_month; ++month) {
      const bool last = month == this_month - 1;
      if (random.Below(100) >= (last ? 35 : 88)) continue;
      const absl::Time at = Later(random, domain::MonthStart(month + 1, zone), 0, 9, 8, 9);
      if (at > now) continue;
      const absl::Time from = domain::MonthStart(month, zone);
      const absl::Time to = domain::MonthStart(month + 1, zone);
      const auto lo = std::lower_bound(
          m.sessions.begin(), m.sessions.end(), from,
          [](const domain::SessionFact& s, absl::Time t) { return s.starts_at < t; });
      const auto hi = std::lower_bound(
          lo, m.sessions.end(), to,
          [](const domain::SessionFact& s, absl::Time t) { return s.starts_at < t; });
      const domain::DerivedActivity d =
          domain::Derive(month, zone, std::vector<domain::SessionFact>(lo, hi), m.relationships);
      std::vector<std::string> themes = [&] {
        std::vector<std::string> out;
        const int n = 1 + random.Below(2);
        while (static_cast<int>(out.size()) < n) {
          const std::string theme = random.Pick(kSpecialisms);
          if (std::find(out.begin(), out.end(), theme) == out.end()) out.push_back(theme);
        }
        std::sort(out.begin(), out.end());
        return out;
      }();
      const std::string new_theme =
          random.Below(12) == 0 ? std::string(random.Pick(kNewThemes)) : std::string();
      std::vector<domain::AddedHours> added;
      if (random.Below(4) == 0) {
        added.push_back({.kind = m.coach ? SupportKind::kCoaching : SupportKind::kMentoring,
                         .category = random.Below(3) == 0 ? domain::HoursCategory::kGroup
                                                          : domain::HoursCategory::kIndividual,
                         .paid = random.Below(5) == 0,
                         .minutes = 60 * (1 + random.Below(4))});
      }
      const int drawn = random.Below(15) == 0 ? 2 : 1;
      const absl::Time amended_at = drawn == 2 ? DaysLater(at, 2 + random.Below(14)) : at;
      const int versions = drawn == 2 && amended_at <= now ? 2 : 1;
      for (int v = 1; v <= versions; ++v) {
        const absl::Time version_at = v == 1 ? at : amended_at;
        if (v == 2) {
          added.push_back(
              {.kind = m.coach ? SupportKind::kCoaching : SupportKind::kMentoring, .minutes = 60});
        }
        const std::string month_text = domain::FormatMonth(month);
        monthly(m.id, month_text, v, Unix(version_at),
                v == 1 ? "" : "I forgot a session I gave outside Tandem.", d.coaching_minutes,
                d.mentoring_minutes, d.sessions_held, d.sessions_cancelled, d.sessions_not_attended,
                d.active_relationships, d.new_relationships, absl::StrJoin(themes, "\n"),
                Blob{new_theme.empty() ? std::string()
                                       : seal(new_theme, domain::ReturnThemeData(m.id, month, v))},
                m.organisation, v == versions ? 1 : 0);
        ++return_rows;
        for (size_t h = 0; h < added.size(); ++h) {
          const domain::AddedHours& a = added[h];
          hours(m.id, month_text, v, static_cast<int>(h), static_cast<int>(a.kind),
                static_cast<int>(a.category), a.paid ? 1 : 0, a.minutes);
        }
      }
    }
  }
  Exec(db, "COMMIT");
  Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(db);
  std::fprintf(stderr,
               "  %lld relationships (%lld found no place), %lld sessions, %lld goals, %lld "
               "evaluations, %lld returns\n",
               static_cast<long long>(next_relationship - 1), static_cast<long long>(unplaced),
               static_cast<long long>(session_rows), static_cast<long long>(goal_rows),
               static_cast<long long>(evaluation_rows), static_cast<long long>(return_rows));
  return MillisSince(started) / 1000;
}

// ---- Measuring ---------------------------------------------------------------

void PrintHeader() {
  std::printf("%-52s %6s %9s %9s %9s %9s %8s\n", "", "calls", "p50", "p90", "p99", "max",
              "calls/s");
}

void PrintRow(const std::string& name, const Latencies& l, const char* note = "") {
  std::printf("%-52s %6d %7.1fms %7.1fms %7.1fms %7.1fms %8.1f %s\n", name.c_str(), l.calls, l.p50,
              l.p90, l.p99, l.max, l.mean > 0 ? 1000.0 / l.mean : 0.0, note);
  std::fflush(stdout);
}

/// Runs `call` until `max_calls` or `budget_s` seconds (at least
/// `min_calls`), after one call to warm up.
Latencies Measure(const std::function<void()>& call, int max_calls = 200, double budget_s = 12,
                  int min_calls = 10) {
  call();
  std::vector<double> ms;
  const auto start = SteadyClock::now();
  while (static_cast<int>(ms.size()) < max_calls &&
         (static_cast<int>(ms.size()) < min_calls || MillisSince(start) < budget_s * 1000)) {
    const auto t = SteadyClock::now();
    call();
    ms.push_back(MillisSince(t));
  }
  return Summarise(std::move(ms));
}

void Require(const grpc::Status& status, const std::string& what) {
  if (!status.ok()) Die(absl::StrCat(what, ": ", status.error_message()));
}

uint64_t Fnv(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

/// What a coordinator's export holds: the headlines and every table, as CSV.
std::string FiguresCsv(const v1::ProgrammeFigures& f) {
  std::string out(csv::kByteOrderMark);
  out += csv::Row({f.scope_label(), f.period_label()});
  out += csv::Row({"Figure", f.period_label(), f.previous_period_label()});
  const auto cell = [](const v1::Figure& figure) {
    return figure.suppressed() ? std::string("fewer than 8") : absl::StrCat(figure.value());
  };
  for (const v1::Headline& h : f.headlines()) {
    out += csv::Row({h.label(), cell(h.current()), h.has_previous() ? cell(h.previous()) : ""});
  }
  for (const v1::FigureTable& t : f.tables()) {
    out += "\r\n" + csv::Row({t.title()});
    out += csv::Row({t.columns().begin(), t.columns().end()});
    for (const v1::FigureRow& row : t.rows()) {
      std::vector<std::string> fields = {row.label()};
      for (const v1::Figure& c : row.cells()) fields.push_back(cell(c));
      out += csv::Row(fields);
    }
  }
  return out;
}

struct Scope {
  std::string name;
  std::string bearer;
  int64_t organisation_id = 0;  // 0: all the caller coordinates
  domain::Principal principal;
};

struct PeriodAsked {
  std::string name;
  domain::PeriodKind kind;
  std::string from;
  std::string to;
};

int Run() {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(kZone, &zone)) Die("time zone");
  const absl::CivilMonth this_month = domain::MonthOf(absl::Now(), zone);
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "tandem-figures-bench";
  std::filesystem::create_directories(dir);
  std::string cached =
      (dir / absl::StrCat("figures-v", kDataVersion, "-",
                          absl::FormatCivilTime(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone())),
                          ".db"))
          .string();
  double generation_s = 0;
  const char* given = std::getenv("TANDEM_BENCH_DATA");
  if (given != nullptr) {
    cached = given;
    std::printf("using the data set %s\n", cached.c_str());
  } else if (!std::filesystem::exists(cached) ||
             std::getenv("TANDEM_BENCH_REGENERATE") != nullptr) {
    std::fprintf(stderr, "generating the data set into %s ...\n", cached.c_str());
    const std::string building = (dir / "building.db").string();
    generation_s = Generate(building, zone);
    std::filesystem::rename(building + ".notes-key", cached + ".notes-key");
    std::filesystem::rename(building, cached);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(building + suffix);
    std::ofstream(cached + ".seconds") << generation_s;
    std::printf("generated the data set in %.0f s\n", generation_s);
  } else {
    std::ifstream(cached + ".seconds") >> generation_s;
    std::printf("using the cached data set %s (generated in %.0f s)\n", cached.c_str(),
                generation_s);
  }
  if (std::getenv("TANDEM_BENCH_LOAD_ONLY") != nullptr) return 0;

  const std::string path = (dir / "run.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  std::filesystem::copy_file(cached, path);

  // The data set as it is, and what the calls need from it.
  int64_t busy_id = 0;
  int64_t one_org = 0;
  std::vector<std::pair<int64_t, int>> busy_open;  // relationship, sessions it may still hold
  {
    sqlite3* db = OpenRaw(path);
    const auto count = [&](const char* table) {
      return static_cast<long long>(QueryInt(db, absl::StrCat("SELECT COUNT(*) FROM ", table)));
    };
    std::printf(
        "data set: %lld organisations, %lld staff, %lld pool members, %lld requests, %lld "
        "relationships, %lld sessions (%lld held, %lld cancelled, %lld not attended), %lld goals, "
        "%lld goal ratings, %lld reviews, %lld evaluations (%lld answers), %lld follow-ups, %lld "
        "monthly returns, %lld write receipts; %.0f MiB\n",
        count("organisations"), count("accounts"), count("profiles"), count("requests"),
        count("relationships"), count("sessions"),
        static_cast<long long>(QueryInt(db, "SELECT COUNT(*) FROM sessions WHERE status = 4")),
        static_cast<long long>(QueryInt(db, "SELECT COUNT(*) FROM sessions WHERE status = 3")),
        static_cast<long long>(QueryInt(db, "SELECT COUNT(*) FROM sessions WHERE status = 5")),
        count("goals"), count("goal_ratings"), count("goal_reviews"), count("evaluations"),
        count("evaluation_answers"), count("follow_ups"), count("monthly_returns"),
        count("write_receipts"),
        static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0));
    busy_id =
        QueryInt(db, absl::StrCat("SELECT id FROM accounts WHERE email = '", kBusyEmail, "'"));
    one_org = QueryInt(db, absl::StrCat("SELECT s.organisation_id FROM coordinator_scopes s JOIN "
                                        "accounts a ON a.id = s.account_id WHERE a.email = '",
                                        kOneEmail, "'"));
    sqlite3_stmt* stmt = nullptr;
    const std::string open = absl::StrCat(
        "SELECT r.id, CASE r.kind WHEN 2 THEN 1000000 ELSE r.number_of_sessions - (SELECT "
        "COUNT(*) FROM sessions s WHERE s.relationship_id = r.id AND s.status = 4) END FROM "
        "relationships r WHERE r.member_id = ",
        busy_id, " AND r.state = 2 ORDER BY r.id");
    if (sqlite3_prepare_v2(db, open.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Die(open);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      busy_open.emplace_back(sqlite3_column_int64(stmt, 0),
                             static_cast<int>(sqlite3_column_int64(stmt, 1)));
    }
    sqlite3_finalize(stmt);
    std::printf("busy member: %lld sessions held in the last 12 months, %zu relationships active\n",
                static_cast<long long>(QueryInt(
                    db, absl::StrCat("SELECT COUNT(*) FROM sessions s JOIN relationships r ON "
                                     "r.id = s.relationship_id WHERE r.member_id = ",
                                     busy_id, " AND s.status = 4 AND s.starts_at >= ",
                                     Unix(domain::MonthStart(this_month - 12, zone))))),
                busy_open.size());
    sqlite3_close(db);
  }
  if (busy_open.empty()) Die("the busy member has no active relationship");

  app::ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.db_path = path;
  options.notes_key_path = cached + ".notes-key";
  options.time_zone = kZone;
  const auto start_server = SteadyClock::now();
  auto server = Must(app::Server::Start(options), "server");
  std::printf("server started in %.1f s (opening the file and any new migration)\n",
              MillisSince(start_server) / 1000);
  auto channel = grpc::CreateChannel(server->address(), grpc::InsecureChannelCredentials());
  auto auth = v1::AuthService::NewStub(channel);
  auto figures = v1::FiguresService::NewStub(channel);
  auto activity = v1::ActivityService::NewStub(channel);
  auto relationships = v1::RelationshipService::NewStub(channel);
  const auto sign_in = [&](const char* email) {
    v1::SignInRequest request;
    request.set_email(email);
    request.set_password(kPassword);
    v1::SignInResponse response;
    grpc::ClientContext context;
    Require(auth->SignIn(&context, request, &response), absl::StrCat("sign in ", email));
    return "Bearer " + response.token();
  };

  // The same calls in the process, on a connection of their own: the floor.
  auto direct_db = Must(storage::Database::Open(path, 2), "open direct");
  storage::SqliteFiguresRepository direct_facts(*direct_db);
  storage::SqliteReachRepository direct_reach(*direct_db);
  storage::SqliteProfileRepository direct_profiles(*direct_db);
  storage::SqliteOrganisationRepository direct_organisations(*direct_db);
  storage::SqliteAccountRepository direct_accounts(*direct_db);
  std::string key = Must(app::LoadOrCreateKeyFile(options.notes_key_path), "key");
  const auto direct_cipher = Must(domain::NoteCipher::Create(key), "cipher");
  SystemClock clock;
  const domain::ReturnSettings return_settings{.zone = zone};
  domain::Figures direct(direct_facts, direct_facts, direct_reach, direct_profiles,
                         direct_organisations, *direct_cipher, clock, domain::ListingSettings{},
                         return_settings);
  const auto principal_of = [&](const char* email) {
    auto found = Must(direct_accounts.GetWithHashByEmail(email), "account");
    return domain::Principal{.account = found.first, .token_hash = ""};
  };

  std::vector<Scope> scopes = {
      {.name = "whole system",
       .bearer = sign_in(kWholeEmail),
       .principal = principal_of(kWholeEmail)},
      {.name = "one organisation",
       .bearer = sign_in(kOneEmail),
       .organisation_id = one_org,
       .principal = principal_of(kOneEmail)},
  };
  const std::string busy_bearer = sign_in(kBusyEmail);
  const absl::CivilMonth quarter(this_month.year(), (this_month.month() - 1) / 3 * 3 + 1);
  const absl::CivilMonth year(this_month.month() >= 4 ? this_month.year() : this_month.year() - 1,
                              4);
  const std::vector<PeriodAsked> periods = {
      {"month", domain::PeriodKind::kMonth, domain::FormatMonth(this_month - 1), ""},
      {"quarter", domain::PeriodKind::kQuarter, domain::FormatMonth(quarter - 3), ""},
      {"year", domain::PeriodKind::kYear, domain::FormatMonth(year - 12), ""},
      {"12 months (custom)", domain::PeriodKind::kCustom, domain::FormatMonth(this_month - 12),
       domain::FormatMonth(this_month - 1)},
  };
  const auto context_for = [](grpc::ClientContext& context, const std::string& bearer) {
    context.AddMetadata("authorization", bearer);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
  };
  const auto get_figures = [&](const Scope& scope, const PeriodAsked& p,
                               v1::GetProgrammeFiguresResponse* response) {
    v1::GetProgrammeFiguresRequest request;
    request.set_organisation_id(scope.organisation_id);
    request.mutable_period()->set_kind(static_cast<v1::PeriodKind>(p.kind));
    request.mutable_period()->set_from_month(p.from);
    request.mutable_period()->set_to_month(p.to);
    grpc::ClientContext context;
    context_for(context, scope.bearer);
    Require(figures->GetProgrammeFigures(&context, request, response), "GetProgrammeFigures");
  };

  if (const char* profile = std::getenv("TANDEM_BENCH_PROFILE")) {
    const auto cpu_ms = [] {
      rusage usage{};
      getrusage(RUSAGE_SELF, &usage);
      return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
             (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
    };
    const auto start = SteadyClock::now();
    const double cpu_start = cpu_ms();
    int calls = 0;
    while (MillisSince(start) < 1000 * std::atof(profile)) {
      Check(direct.Get(scopes[0].principal, 0, periods[1].kind, periods[1].from, periods[1].to)
                .status(),
            "direct figures");
      ++calls;
    }
    std::printf("%d calls, %.1f ms each, %.1f ms of CPU each\n", calls, MillisSince(start) / calls,
                (cpu_ms() - cpu_start) / calls);
    return 0;
  }

  std::string dump;
  std::vector<std::pair<std::string, uint64_t>> digests;
  std::map<std::string, Latencies> results;
  // TANDEM_BENCH_WRITES_ONLY=1: the write path alone, to compare two builds.
  const bool writes_only = std::getenv("TANDEM_BENCH_WRITES_ONLY") != nullptr;
  if (!writes_only) {
    std::printf("\nGetProgrammeFigures through gRPC (the period asked and the one before it)\n");
    PrintHeader();
    for (const Scope& scope : scopes) {
      for (const PeriodAsked& p : periods) {
        const std::string name = absl::StrCat(scope.name, ", ", p.name);
        v1::GetProgrammeFiguresResponse first;
        get_figures(scope, p, &first);
        first.mutable_figures()->set_computed_at_unix(0);
        const std::string answer = first.figures().DebugString();
        digests.emplace_back(name, Fnv(answer));
        absl::StrAppend(&dump, "== ", name, "\n", answer);
        const Latencies l = Measure([&] {
          v1::GetProgrammeFiguresResponse response;
          get_figures(scope, p, &response);
        });
        results[absl::StrCat("grpc ", name)] = l;
        PrintRow(name, l);
      }
    }

    std::printf("\nFigures::Get in the process, without gRPC (the floor)\n");
    PrintHeader();
    for (const Scope& scope : scopes) {
      for (const PeriodAsked& p : periods) {
        const Latencies l = Measure(
            [&] {
              Check(
                  direct.Get(scope.principal, scope.organisation_id, p.kind, p.from, p.to).status(),
                  "direct figures");
            },
            200, 8);
        PrintRow(absl::StrCat(scope.name, ", ", p.name), l);
      }
    }

    // Where a whole-system quarter goes: each read on its own.
    {
      const Scope& scope = scopes.front();
      const PeriodAsked& p = periods[1];
      const domain::Period period =
          Must(domain::MakePeriod(p.kind, p.from, p.to, this_month), "period");
      const std::vector<int64_t>& orgs = scope.principal.account.coordinated_organisation_ids;
      const auto query_for = [&](const domain::Period& p_, bool tables) {
        domain::FactQuery out{.organisation_ids = orgs,
                              .from = domain::MonthStart(p_.first, zone),
                              .to = domain::MonthStart(p_.last + 1, zone),
                              .tables = tables};
        for (absl::CivilMonth m = p_.first; m <= p_.last; ++m) {
          out.months.push_back({.month = m,
                                .from = domain::MonthStart(m, zone),
                                .to = domain::MonthStart(m + 1, zone)});
        }
        return out;
      };
      const domain::FactQuery q = query_for(period, true);
      std::printf("\nwhere a whole-system quarter goes (in the process, each read alone)\n");
      PrintHeader();
      size_t rows = 0;
      const auto step = [&](const char* name, const std::function<size_t()>& read) {
        const Latencies l = Measure([&] { rows = read(); }, 50, 4, 5);
        PrintRow(absl::StrCat("  ", name, " (", rows, ")"), l);
      };
      step("Sessions", [&] { return Must(direct_facts.Sessions(q), "sessions").by_month.size(); });
      step("Requests", [&] { return Must(direct_facts.Requests(q), "requests").matched.size(); });
      step("ReturnedToWaiting", [&] {
        return static_cast<size_t>(Must(direct_facts.ReturnedToWaiting(q), "returned"));
      });
      step("Relationships",
           [&] { return Must(direct_facts.Relationships(q), "relationships").rows.size(); });
      step("Goals", [&] { return static_cast<size_t>(Must(direct_facts.Goals(q), "goals").set); });
      step("RatingAnswers", [&] { return Must(direct_facts.RatingAnswers(q), "ratings").size(); });
      step("Returns",
           [&] { return static_cast<size_t>(Must(direct_facts.Returns(q), "returns").confirmed); });
      const domain::FactQuery before = query_for(domain::PreviousPeriod(period), false);
      step("the quarter before, headlines only", [&] {
        Check(direct_facts.Sessions(before).status(), "sessions");
        Check(direct_facts.Requests(before).status(), "requests");
        Check(direct_facts.ReturnedToWaiting(before).status(), "returned");
        Check(direct_facts.Relationships(before).status(), "relationships");
        Check(direct_facts.Goals(before).status(), "goals");
        return static_cast<size_t>(Must(direct_facts.Returns(before), "returns").confirmed);
      });
      step("the pool now",
           [&] { return Must(direct_facts.Pool(orgs, this_month - 1), "pool").members.size(); });
    }
    std::printf("\nListProgrammeRelationships through gRPC (contracting and active, page of 50)\n");
    PrintHeader();
    for (const Scope& scope : scopes) {
      for (const int weeks : {0, 8}) {
        v1::ListProgrammeRelationshipsResponse first;
        const auto list = [&](v1::ListProgrammeRelationshipsResponse* response) {
          v1::ListProgrammeRelationshipsRequest request;
          request.set_organisation_id(scope.organisation_id);
          request.set_no_session_for_weeks(weeks);
          grpc::ClientContext context;
          context_for(context, scope.bearer);
          Require(figures->ListProgrammeRelationships(&context, request, response),
                  "ListProgrammeRelationships");
        };
        list(&first);
        const std::string name =
            absl::StrCat(scope.name, weeks > 0 ? ", no session for 8 weeks" : ", all");
        std::string answer = first.DebugString();
        digests.emplace_back(absl::StrCat("list ", name), Fnv(answer));
        absl::StrAppend(&dump, "== list ", name, "\n", answer);
        const Latencies l = Measure([&] {
          v1::ListProgrammeRelationshipsResponse response;
          list(&response);
        });
        PrintRow(absl::StrCat(name, " (", first.total_count(), " in all)"), l);
        results[absl::StrCat("list ", name)] = l;
      }
    }

    std::printf("\nExports through gRPC\n");
    PrintHeader();
    for (const Scope& scope : scopes) {
      size_t bytes = 0;
      const Latencies l = Measure(
          [&] {
            v1::GetProgrammeFiguresResponse response;
            get_figures(scope, periods[2], &response);
            bytes = FiguresCsv(response.figures()).size();
          },
          50, 12, 5);
      PrintRow(absl::StrCat("a year's figures as CSV, ", scope.name, " (", bytes / 1024, " KiB)"),
               l);
      results[absl::StrCat("export ", scope.name)] = l;
    }
    {
      size_t bytes = 0;
      const Latencies l = Measure([&] {
        v1::ExportHoursLogRequest request;
        request.set_from_month(domain::FormatMonth(this_month - 12));
        request.set_to_month(domain::FormatMonth(this_month - 1));
        v1::ExportHoursLogResponse response;
        grpc::ClientContext context;
        context_for(context, busy_bearer);
        Require(activity->ExportHoursLog(&context, request, &response), "ExportHoursLog");
        bytes = response.csv().size();
      });
      PrintRow(absl::StrCat("ExportHoursLog, busy member, 12 months (", bytes / 1024, " KiB)"), l);
      results["hours log"] = l;
    }

  }  // !writes_only

  // The write that feeds the figures: the busy member records sessions in
  // their active relationships (held while a coaching contract has room,
  // else not attended), each with a new key; agreed actions and notes
  // sealed as the app sends them.
  std::printf("\nRecordSession through gRPC (the write the figures are counted from)\n");
  PrintHeader();
  {
    constexpr int kWrites = 300;
    Random random(99);
    std::vector<double> ms;
    const absl::Time base = absl::Now() - absl::Hours(24 * 80);
    for (int i = 0; i < kWrites; ++i) {
      auto& [relationship_id, room] = busy_open[static_cast<size_t>(i) % busy_open.size()];
      v1::RecordSessionRequest request;
      request.set_relationship_id(relationship_id);
      request.set_idempotency_key(absl::StrCat("bench-write-", i, "-", absl::ToUnixNanos(base)));
      request.set_started_at_unix(Unix(base + absl::Minutes(i * 331)));
      if (room > 0 && random.Below(7) != 0) {
        --room;
        request.set_held(true);
        request.set_actual_minutes(60);
        request.set_mode(v1::DELIVERY_MODE_VIDEO);
        request.add_themes(random.Pick(kSpecialisms));
        request.set_agreed_actions("Try one change before the next session and note how it went.");
        request.set_private_notes("Spoke about the rota and how to raise it with the manager.");
      } else {
        request.set_held(false);
        request.set_cancelled_by(v1::CANCELLED_BY_COACHEE);
        request.set_cancel_reason("Did not arrive; the ward was short-staffed.");
      }
      v1::RecordSessionResponse response;
      grpc::ClientContext context;
      context_for(context, busy_bearer);
      const auto t = SteadyClock::now();
      Require(relationships->RecordSession(&context, request, &response), "RecordSession");
      ms.push_back(MillisSince(t));
    }
    const Latencies l = Summarise(std::move(ms));
    PrintRow("RecordSession, busy member, one at a time", l);
    results["write"] = l;
  }

  if (writes_only) {
    server->Shutdown(absl::Seconds(1));
    return 0;
  }
  std::printf("\nanswers (FNV-1a of each first answer, computed_at left out)\n");
  for (const auto& [name, digest] : digests) {
    std::printf("  %016llx  %s\n", static_cast<unsigned long long>(digest), name.c_str());
  }
  if (const char* out = std::getenv("TANDEM_BENCH_DUMP")) std::ofstream(out) << dump;

  std::printf("\ntargets\n");
  const auto verdict = [](double value, double target) {
    return value <= target ? "met" : "NOT MET";
  };
  for (const std::string& p : {std::string("month"), std::string("quarter"), std::string("year"),
                               std::string("12 months (custom)")}) {
    const Latencies& whole = results[absl::StrCat("grpc whole system, ", p)];
    const Latencies& one = results[absl::StrCat("grpc one organisation, ", p)];
    std::printf(
        "  %-20s whole system p99 %7.1f ms (<= 50: %s), one organisation p99 %6.1f ms "
        "(<= 20: %s)\n",
        p.c_str(), whole.p99, verdict(whole.p99, 50), one.p99, verdict(one.p99, 20));
  }
  for (const char* s : {"whole system", "one organisation"}) {
    const Latencies& e = results[absl::StrCat("export ", s)];
    std::printf("  a year's CSV export, %-16s p99 %7.1f ms (<= 1000: %s)\n", s, e.p99,
                verdict(e.p99, 1000));
  }
  std::printf(
      "  RecordSession p50 %.1f ms, p99 %.1f ms, %.0f calls/s (compare with the run "
      "before a change: no more than 10%% slower)\n",
      results["write"].p50, results["write"].p99, 1000.0 / results["write"].mean);

  server->Shutdown(absl::Seconds(1));
  return 0;
}

}  // namespace
}  // namespace tandem::bench

int main() { return tandem::bench::Run(); }
