#include "server/storage/sqlite/sqlite_profile_repository.h"

#include <algorithm>
#include <map>
#include <variant>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

using domain::Profile;
using domain::Qualification;

constexpr char kProfileColumns[] =
    "p.account_id, a.display_name, a.email, p.organisation_id, o.name, p.kind, p.headline, "
    "p.bio, p.tags, p.site, p.delivery_modes, p.availability, p.capacity, p.current_load, "
    "p.status, p.decline_reason, p.last_supervision_on, p.training_level, p.pay_band, "
    "p.years_experience, p.coaching_listed_until, p.created_at, p.updated_at, "
    "(SELECT MAX(x.created_at) FROM auth_sessions x WHERE x.account_id = p.account_id), "
    "(SELECT group_concat(s.code, char(10)) FROM profile_specialisms s "
    " WHERE s.account_id = p.account_id), "
    "(SELECT group_concat(f.profession, char(10)) FROM profile_professions f "
    " WHERE f.account_id = p.account_id), "
    "(SELECT group_concat(l.language, char(10)) FROM profile_languages l "
    " WHERE l.account_id = p.account_id)";
constexpr char kProfileFrom[] =
    " FROM profiles p JOIN accounts a ON a.id = p.account_id "
    "JOIN organisations o ON o.id = p.organisation_id";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out = absl::StrSplit(text, '\n', absl::SkipEmpty());
  std::sort(out.begin(), out.end());
  return out;
}

int64_t TimeToColumn(absl::Time time) {
  if (time == absl::InfinitePast()) return INT64_MIN;
  if (time == absl::InfiniteFuture()) return INT64_MAX;
  return absl::ToUnixSeconds(time);
}

absl::Time ColumnToTime(int64_t seconds) {
  if (seconds == INT64_MIN) return absl::InfinitePast();
  if (seconds == INT64_MAX) return absl::InfiniteFuture();
  return absl::FromUnixSeconds(seconds);
}

std::optional<absl::CivilDay> ColumnToDay(const Statement& s, int column) {
  if (s.IsNull(column)) return std::nullopt;
  return domain::ToDay(absl::FromUnixSeconds(s.Int(column)));
}

void BindDay(Statement& s, int index, const std::optional<absl::CivilDay>& day) {
  if (day) {
    s.Bind(index, absl::ToUnixSeconds(domain::StartOfDay(*day)));
  } else {
    s.BindNull(index);
  }
}

Profile ReadProfile(const Statement& s) {
  Profile p;
  p.account_id = s.Int(0);
  p.display_name = s.Text(1);
  p.email = s.Text(2);
  p.organisation_id = s.Int(3);
  p.organisation_name = s.Text(4);
  auto& d = p.details;
  d.kind = static_cast<domain::ProfileKind>(s.Int(5));
  d.headline = s.Text(6);
  d.bio = s.Text(7);
  d.tags = Lines(s.Text(8));
  d.site = s.Text(9);
  const int64_t modes = s.Int(10);
  for (int mode = 1; mode <= 3; ++mode) {
    if ((modes & (int64_t{1} << mode)) != 0) {
      d.delivery_modes.push_back(static_cast<domain::DeliveryMode>(mode));
    }
  }
  d.availability = static_cast<domain::Availability>(s.Int(11));
  d.capacity = static_cast<int>(s.Int(12));
  p.current_load = static_cast<int>(s.Int(13));
  p.status = static_cast<domain::PoolStatus>(s.Int(14));
  p.decline_reason = s.Text(15);
  d.last_supervision_on = ColumnToDay(s, 16);
  d.training_level = static_cast<int>(s.Int(17));
  d.pay_band = static_cast<int>(s.Int(18));
  d.years_experience = static_cast<int>(s.Int(19));
  p.coaching_listed_until = ColumnToTime(s.Int(20));
  p.created_at = absl::FromUnixSeconds(s.Int(21));
  p.updated_at = absl::FromUnixSeconds(s.Int(22));
  p.last_active_at = s.IsNull(23) ? absl::UnixEpoch() : absl::FromUnixSeconds(s.Int(23));
  d.specialisms = Lines(s.Text(24));
  d.professions = Lines(s.Text(25));
  d.languages = Lines(s.Text(26));
  return p;
}

std::string Placeholders(size_t count) {
  return absl::StrJoin(std::vector<std::string>(count, "?"), ",");
}

// Reads full profiles (with qualifications) for `ids`, in that order.
absl::StatusOr<std::vector<Profile>> ReadProfiles(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<Profile> out;
  if (ids.empty()) return out;
  std::map<int64_t, Profile> by_id;
  {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat("SELECT ", kProfileColumns, kProfileFrom,
                                                         " WHERE p.account_id IN (",
                                                         Placeholders(ids.size()), ")")));
    for (size_t i = 0; i < ids.size(); ++i) s.Bind(static_cast<int>(i + 1), ids[i]);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      Profile p = ReadProfile(s);
      by_id.emplace(p.account_id, std::move(p));
    }
  }
  ASSIGN_OR_RETURN(Statement q,
                   c.Prepare(absl::StrCat("SELECT id, account_id, type, title, awarded_on, "
                                          "expires_on, evidence, verified_on, verified_by FROM "
                                          "qualifications WHERE account_id IN (",
                                          Placeholders(ids.size()), ") ORDER BY awarded_on, id")));
  for (size_t i = 0; i < ids.size(); ++i) q.Bind(static_cast<int>(i + 1), ids[i]);
  while (true) {
    ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) break;
    Qualification qual;
    qual.id = q.Int(0);
    qual.account_id = q.Int(1);
    qual.type = static_cast<domain::QualificationType>(q.Int(2));
    qual.title = q.Text(3);
    qual.awarded_on = *ColumnToDay(q, 4);
    qual.expires_on = ColumnToDay(q, 5);
    qual.evidence = q.Text(6);
    qual.verified_on = ColumnToDay(q, 7);
    qual.verified_by = q.IsNull(8) ? 0 : q.Int(8);
    auto it = by_id.find(qual.account_id);
    if (it != by_id.end()) it->second.qualifications.push_back(std::move(qual));
  }
  for (int64_t id : ids) {
    auto it = by_id.find(id);
    if (it != by_id.end()) out.push_back(std::move(it->second));
  }
  return out;
}

absl::StatusOr<std::optional<Profile>> ReadOne(Connection& c, int64_t account_id) {
  ASSIGN_OR_RETURN(std::vector<Profile> found, ReadProfiles(c, {account_id}));
  if (found.empty()) return std::optional<Profile>();
  return std::optional<Profile>(std::move(found.front()));
}

// A blank profile for an account that has none yet.
absl::StatusOr<Profile> BlankProfile(Connection& c, int64_t account_id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT a.display_name, a.email, a.organisation_id, "
                                          "o.name FROM accounts a JOIN organisations o ON "
                                          "o.id = a.organisation_id WHERE a.id = ?"));
  s.Bind(1, account_id);
  ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return absl::NotFoundError("No such account.");
  Profile p;
  p.account_id = account_id;
  p.display_name = s.Text(0);
  p.email = s.Text(1);
  p.organisation_id = s.Int(2);
  p.organisation_name = s.Text(3);
  return p;
}

absl::Status Exec(Connection& c, const char* sql, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
  s.Bind(1, id);
  return s.Run();
}

absl::Status WriteProfile(Connection& c, const Profile& p, bool existed, absl::Time now) {
  const auto& d = p.details;
  int64_t modes = 0;
  for (auto mode : d.delivery_modes) modes |= int64_t{1} << static_cast<int>(mode);
  ASSIGN_OR_RETURN(
      Statement s,
      c.Prepare(
          existed ? "UPDATE profiles SET kind = ?2, headline = ?3, bio = ?4, tags = ?5, "
                    "site = ?6, site_key = ?7, delivery_modes = ?8, availability = ?9, "
                    "capacity = ?10, status = ?11, decline_reason = ?12, "
                    "last_supervision_on = ?13, training_level = ?14, pay_band = ?15, "
                    "years_experience = ?16, coaching_listed_until = ?17, updated_at = ?18, "
                    "spare = ?10 - current_load, change_seq = (SELECT COALESCE(MAX(change_seq), "
                    "0) + 1 FROM profiles) WHERE account_id = ?1"
                  : "INSERT INTO profiles (account_id, kind, headline, bio, tags, site, "
                    "site_key, delivery_modes, availability, capacity, status, decline_reason, "
                    "last_supervision_on, training_level, pay_band, years_experience, "
                    "coaching_listed_until, updated_at, created_at, organisation_id, spare, "
                    "change_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                    "?14, ?15, ?16, ?17, ?18, ?18, ?19, ?10, (SELECT COALESCE(MAX(change_seq), 0) "
                    "+ 1 FROM profiles))"));
  s.Bind(1, p.account_id)
      .Bind(2, int64_t{static_cast<int>(d.kind)})
      .Bind(3, d.headline)
      .Bind(4, d.bio)
      .Bind(5, absl::StrJoin(d.tags, "\n"))
      .Bind(6, d.site)
      .Bind(7, absl::AsciiStrToLower(d.site))
      .Bind(8, modes)
      .Bind(9, int64_t{static_cast<int>(d.availability)})
      .Bind(10, int64_t{d.capacity})
      .Bind(11, int64_t{static_cast<int>(p.status)})
      .Bind(12, p.decline_reason);
  BindDay(s, 13, d.last_supervision_on);
  s.Bind(14, int64_t{d.training_level})
      .Bind(15, int64_t{d.pay_band})
      .Bind(16, int64_t{d.years_experience})
      .Bind(17, TimeToColumn(p.coaching_listed_until))
      .Bind(18, absl::ToUnixSeconds(now));
  if (!existed) s.Bind(19, p.organisation_id);
  RETURN_IF_ERROR(s.Run());

  for (const char* sql : {"DELETE FROM profile_specialisms WHERE account_id = ?",
                          "DELETE FROM profile_professions WHERE account_id = ?",
                          "DELETE FROM profile_languages WHERE account_id = ?",
                          "DELETE FROM profiles_fts WHERE rowid = ?"}) {
    RETURN_IF_ERROR(Exec(c, sql, p.account_id));
  }
  for (const auto& code : d.specialisms) {
    ASSIGN_OR_RETURN(Statement i, c.Prepare("INSERT INTO profile_specialisms (account_id, code) "
                                            "VALUES (?, ?)"));
    i.Bind(1, p.account_id).Bind(2, code);
    RETURN_IF_ERROR(i.Run());
  }
  for (const auto& profession : d.professions) {
    ASSIGN_OR_RETURN(Statement i, c.Prepare("INSERT INTO profile_professions (account_id, "
                                            "profession, profession_key) VALUES (?, ?, ?)"));
    i.Bind(1, p.account_id).Bind(2, profession).Bind(3, absl::AsciiStrToLower(profession));
    RETURN_IF_ERROR(i.Run());
  }
  for (const auto& language : d.languages) {
    ASSIGN_OR_RETURN(Statement i, c.Prepare("INSERT INTO profile_languages (account_id, "
                                            "language, language_key) VALUES (?, ?, ?)"));
    i.Bind(1, p.account_id).Bind(2, language).Bind(3, absl::AsciiStrToLower(language));
    RETURN_IF_ERROR(i.Run());
  }
  ASSIGN_OR_RETURN(Statement fts,
                   c.Prepare("INSERT INTO profiles_fts (rowid, name, headline, bio, topics) "
                             "SELECT ?1, ?2, ?3, ?4, (SELECT COALESCE(group_concat(label, ' '), "
                             "'') FROM specialisms WHERE code IN (SELECT code FROM "
                             "profile_specialisms WHERE account_id = ?1)) || ' ' || ?5"));
  fts.Bind(1, p.account_id)
      .Bind(2, p.display_name)
      .Bind(3, d.headline)
      .Bind(4, d.bio)
      .Bind(5, absl::StrCat(absl::StrJoin(d.tags, " "), " ", absl::StrJoin(d.professions, " ")));
  RETURN_IF_ERROR(fts.Run());

  // Qualifications: delete the ones gone, update the rest, insert new ones.
  std::vector<int64_t> kept;
  for (const auto& q : p.qualifications) {
    if (q.id != 0) kept.push_back(q.id);
  }
  ASSIGN_OR_RETURN(
      Statement del,
      c.Prepare(absl::StrCat(
          "DELETE FROM qualifications WHERE account_id = ?", kept.empty() ? "" : " AND id NOT IN (",
          kept.empty() ? "" : Placeholders(kept.size()), kept.empty() ? "" : ")")));
  del.Bind(1, p.account_id);
  for (size_t i = 0; i < kept.size(); ++i) del.Bind(static_cast<int>(i + 2), kept[i]);
  RETURN_IF_ERROR(del.Run());
  for (const auto& q : p.qualifications) {
    ASSIGN_OR_RETURN(
        Statement w,
        c.Prepare(q.id == 0 ? "INSERT INTO qualifications (account_id, type, title, awarded_on, "
                              "expires_on, evidence, verified_on, verified_by) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            : "UPDATE qualifications SET type = ?2, title = ?3, awarded_on = ?4, "
                              "expires_on = ?5, evidence = ?6, verified_on = ?7, "
                              "verified_by = ?8 WHERE account_id = ?1 AND id = ?9"));
    w.Bind(1, p.account_id)
        .Bind(2, int64_t{static_cast<int>(q.type)})
        .Bind(3, q.title)
        .Bind(4, absl::ToUnixSeconds(domain::StartOfDay(q.awarded_on)));
    BindDay(w, 5, q.expires_on);
    w.Bind(6, q.evidence);
    BindDay(w, 7, q.verified_on);
    if (q.verified_by != 0) {
      w.Bind(8, q.verified_by);
    } else {
      w.BindNull(8);
    }
    if (q.id != 0) w.Bind(9, q.id);
    RETURN_IF_ERROR(w.Run());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<domain::Profile> SqliteProfileRepository::Get(int64_t account_id) {
  std::optional<Profile> found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(found, ReadOne(c, account_id));
    return absl::OkStatus();
  }));
  if (!found) return absl::NotFoundError("No such profile.");
  return *std::move(found);
}

absl::StatusOr<domain::Profile> SqliteProfileRepository::Update(
    int64_t account_id, bool create_if_missing,
    const std::function<absl::Status(domain::Profile&, bool)>& change, absl::Time now) {
  Profile result;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<Profile> current, ReadOne(c, account_id));
    const bool existed = current.has_value();
    if (!existed) {
      if (!create_if_missing) return absl::NotFoundError("No such profile.");
      ASSIGN_OR_RETURN(current, BlankProfile(c, account_id));
    }
    RETURN_IF_ERROR(change(*current, existed));
    RETURN_IF_ERROR(WriteProfile(c, *current, existed, now));
    ASSIGN_OR_RETURN(std::optional<Profile> written, ReadOne(c, account_id));
    result = *std::move(written);
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<int64_t> SqliteProfileRepository::QualificationOwner(int64_t qualification_id) {
  int64_t owner = 0;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT account_id FROM qualifications WHERE id = ?"));
    s.Bind(1, qualification_id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::NotFoundError("No such qualification.");
    owner = s.Int(0);
    return absl::OkStatus();
  }));
  return owner;
}

absl::StatusOr<domain::ProfilePage> SqliteProfileRepository::Search(
    const domain::ProfileSearch& q) {
  // Counting every match is the costly part of a search without text. When
  // a language, specialism or profession filter is given, its index yields
  // the candidates (the driver), so the count visits those instead of the
  // whole pool, and needs no per-row check of that filter.
  enum class Driver { kNone, kLanguage, kSpecialisms, kProfessions };
  const Driver driver_kind = !q.language.empty()      ? Driver::kLanguage
                             : !q.specialisms.empty() ? Driver::kSpecialisms
                             : !q.professions.empty() ? Driver::kProfessions
                                                      : Driver::kNone;

  // The filter, built once for the page query and once (without the
  // driver's own clause) for the count; parameters bind in clause order.
  using Value = std::variant<int64_t, std::string>;
  struct Filter {
    std::string where = " WHERE 1 = 1";
    std::vector<Value> values;
    int Bind(Statement& s, int index) const {
      for (const Value& v : values) {
        std::visit([&](const auto& x) { s.Bind(index++, x); }, v);
      }
      return index;
    }
  };
  Filter filter, count_filter;
  auto add = [&](const std::string& clause, std::vector<Value> values, bool in_count = true) {
    for (Filter* f : {&filter, &count_filter}) {
      if (f == &count_filter && !in_count) continue;
      absl::StrAppend(&f->where, clause);
      f->values.insert(f->values.end(), values.begin(), values.end());
    }
  };
  auto texts = [](const std::vector<std::string>& items) {
    return std::vector<Value>(items.begin(), items.end());
  };

  const bool text = !q.text_terms.empty();
  std::string match;
  if (text) {
    std::vector<std::string> phrases;
    for (const auto& term : q.text_terms) phrases.push_back(absl::StrCat("\"", term, "\"*"));
    match = absl::StrJoin(phrases, " ");
  }
  const int64_t now = absl::ToUnixSeconds(q.now);
  std::string kinds = "1, 2, 3";
  std::string listed = "(p.status = 2 AND (p.kind IN (2, 3) OR p.coaching_listed_until > ?))";
  if (q.kind == domain::SupportKind::kCoaching) {
    kinds = "1, 3";
    listed = "(p.status = 2 AND p.coaching_listed_until > ?)";
  } else if (q.kind == domain::SupportKind::kMentoring) {
    kinds = "2, 3";
    listed = "(p.status = 2 AND ? IS NOT NULL)";
  }
  {
    std::vector<Value> values = {now};
    std::string clause = absl::StrCat(" AND p.kind IN (", kinds, ") AND (", listed);
    if (!q.unlisted_from.empty()) {
      absl::StrAppend(&clause, " OR p.organisation_id IN (", Placeholders(q.unlisted_from.size()),
                      ")");
      values.insert(values.end(), q.unlisted_from.begin(), q.unlisted_from.end());
    }
    add(clause + ")", values);
  }
  if (q.accepting_only) {
    add(absl::StrCat(" AND ", listed, " AND p.availability = 1 AND p.current_load < p.capacity"),
        {now});
  }
  if (!q.specialisms.empty()) {
    add(absl::StrCat(" AND EXISTS (SELECT 1 FROM profile_specialisms s WHERE "
                     "s.account_id = p.account_id AND s.code IN (",
                     Placeholders(q.specialisms.size()), "))"),
        texts(q.specialisms), driver_kind != Driver::kSpecialisms);
  }
  if (!q.professions.empty()) {
    add(absl::StrCat(" AND EXISTS (SELECT 1 FROM profile_professions f WHERE "
                     "f.account_id = p.account_id AND f.profession_key IN (",
                     Placeholders(q.professions.size()), "))"),
        texts(q.professions), driver_kind != Driver::kProfessions);
  }
  if (!q.organisations_in.empty()) {
    add(absl::StrCat(" AND p.organisation_id IN (", Placeholders(q.organisations_in.size()), ")"),
        std::vector<Value>(q.organisations_in.begin(), q.organisations_in.end()));
  }
  if (!q.organisations_not_in.empty()) {
    add(absl::StrCat(" AND p.organisation_id NOT IN (", Placeholders(q.organisations_not_in.size()),
                     ")"),
        std::vector<Value>(q.organisations_not_in.begin(), q.organisations_not_in.end()));
  }
  if (!q.site.empty()) add(" AND p.site_key = ?", {q.site});
  if (!q.language.empty()) {
    add(" AND EXISTS (SELECT 1 FROM profile_languages l WHERE l.account_id = p.account_id AND "
        "l.language_key = ?)",
        {q.language}, driver_kind != Driver::kLanguage);
  }
  if (q.delivery_mode) {
    add(" AND (p.delivery_modes & ?) <> 0", {int64_t{1} << static_cast<int>(*q.delivery_mode)});
  }

  std::string driver;
  std::vector<std::string> driver_values;
  switch (driver_kind) {
    case Driver::kLanguage:
      driver = "SELECT account_id FROM profile_languages WHERE language_key = ?";
      driver_values = {q.language};
      break;
    case Driver::kSpecialisms:
      driver = absl::StrCat("SELECT DISTINCT account_id FROM profile_specialisms WHERE code IN (",
                            Placeholders(q.specialisms.size()), ")");
      driver_values = q.specialisms;
      break;
    case Driver::kProfessions:
      driver = absl::StrCat(
          "SELECT DISTINCT account_id FROM profile_professions WHERE profession_key IN (",
          Placeholders(q.professions.size()), ")");
      driver_values = q.professions;
      break;
    case Driver::kNone:
      break;
  }
  // Text: FTS5 finds and scores the matches first (it must drive the query;
  // probing it once per profile row is quadratic), then the filters apply.
  // The matches are ranked once and the page is cut by keyset, so later
  // pages neither repeat nor skip rows while profiles are added. Without
  // text, the (spare, account_id) index gives the order and LIMIT stops the
  // scan early.
  std::string sql;
  if (text) {
    sql = absl::StrCat(
        "WITH m AS MATERIALIZED (SELECT rowid AS id, tandem_rank(profiles_fts) AS score "
        "FROM profiles_fts WHERE profiles_fts MATCH ?), "
        "r AS MATERIALIZED (SELECT m.id AS id, m.score AS score, p.spare AS spare FROM m "
        "CROSS JOIN profiles p INDEXED BY profiles_search_by_account ON p.account_id = m.id",
        filter.where, ") SELECT id, score, spare, (SELECT COUNT(*) FROM r) FROM r");
    if (q.after) {
      absl::StrAppend(&sql,
                      " WHERE score < ? OR (score = ? AND spare < ?) OR "
                      "(score = ? AND spare = ? AND id > ?)");
    }
    absl::StrAppend(&sql, " ORDER BY score DESC, spare DESC, id LIMIT ?");
  } else {
    // INDEXED BY: the covering search index, not the status index the planner
    // would otherwise pick (and then sort every listed row).
    sql = absl::StrCat(
        "SELECT p.account_id, 0, p.spare, -1 FROM profiles p INDEXED BY "
        "profiles_by_spare",
        filter.where);
    if (q.after) absl::StrAppend(&sql, " AND (p.spare < ? OR (p.spare = ? AND p.account_id > ?))");
    absl::StrAppend(&sql, " ORDER BY p.spare DESC, p.account_id LIMIT ?");
  }

  domain::ProfilePage page;
  page.total_count = -1;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    int index = 1;
    if (text) s.Bind(index++, match);
    index = filter.Bind(s, index);
    if (q.after && text) {
      for (int64_t v : {q.after->score, q.after->score, q.after->spare, q.after->score,
                        q.after->spare, q.after->account_id}) {
        s.Bind(index++, v);
      }
    } else if (q.after) {
      for (int64_t v : {q.after->spare, q.after->spare, q.after->account_id}) s.Bind(index++, v);
    }
    s.Bind(index, int64_t{q.limit});
    std::vector<int64_t> ids;
    std::vector<domain::SearchCursor> positions;
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      positions.push_back({.score = s.Int(1), .spare = s.Int(2), .account_id = s.Int(0)});
      ids.push_back(s.Int(0));
      page.total_count = static_cast<int>(s.Int(3));
    }
    if (page.total_count < 0 && q.count_total) {
      std::string count_sql;
      if (text) {
        count_sql = absl::StrCat(
            "SELECT COUNT(*) FROM (SELECT rowid AS id FROM profiles_fts WHERE profiles_fts MATCH "
            "?) m CROSS JOIN profiles p INDEXED BY profiles_search_by_account ON p.account_id = "
            "m.id",
            filter.where);
      } else if (!driver.empty()) {
        count_sql = absl::StrCat(
            "SELECT COUNT(*) FROM (", driver,
            ") d CROSS JOIN profiles p INDEXED BY profiles_search_by_account ON p.account_id = "
            "d.account_id",
            count_filter.where);
      } else {
        count_sql = absl::StrCat("SELECT COUNT(*) FROM profiles p INDEXED BY profiles_by_spare",
                                 filter.where);
      }
      ASSIGN_OR_RETURN(Statement count, c.Prepare(count_sql));
      int i = 1;
      if (text) {
        count.Bind(i++, match);
        filter.Bind(count, i);
      } else if (!driver.empty()) {
        for (const auto& value : driver_values) count.Bind(i++, value);
        count_filter.Bind(count, i);
      } else {
        filter.Bind(count, i);
      }
      ASSIGN_OR_RETURN(const bool row, count.Step());
      page.total_count = row ? static_cast<int>(count.Int(0)) : 0;
    }
    ASSIGN_OR_RETURN(std::vector<Profile> profiles, ReadProfiles(c, ids));
    for (size_t i = 0; i < profiles.size() && i < positions.size(); ++i) {
      page.profiles.push_back({std::move(profiles[i]), positions[i]});
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::ProfilePage> SqliteProfileRepository::ListPool(const domain::PoolQuery& q) {
  if (q.organisation_ids.empty()) return domain::ProfilePage{};
  std::string where = absl::StrCat(
      " FROM profiles p JOIN accounts a ON a.id = p.account_id WHERE "
      "p.organisation_id IN (",
      Placeholders(q.organisation_ids.size()), ")");
  if (q.status) absl::StrAppend(&where, " AND p.status = ?");
  if (q.lapsed_only) {
    absl::StrAppend(&where,
                    " AND p.status = 2 AND p.kind IN (1, 3) AND "
                    "p.coaching_listed_until <= ?");
  }
  auto bind_filters = [&](Statement& s) {
    int index = 1;
    for (int64_t id : q.organisation_ids) s.Bind(index++, id);
    if (q.status) s.Bind(index++, int64_t{static_cast<int>(*q.status)});
    if (q.lapsed_only) s.Bind(index++, absl::ToUnixSeconds(q.now));
    return index;
  };
  domain::ProfilePage page;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement count, c.Prepare(absl::StrCat("SELECT COUNT(*)", where)));
    bind_filters(count);
    ASSIGN_OR_RETURN(const bool counted, count.Step());
    page.total_count = counted ? static_cast<int>(count.Int(0)) : 0;

    std::string sql = absl::StrCat("SELECT p.account_id", where);
    if (q.after) {
      absl::StrAppend(&sql,
                      " AND (a.display_name > ? OR (a.display_name = ? AND "
                      "p.account_id > ?))");
    }
    absl::StrAppend(&sql, " ORDER BY a.display_name, p.account_id LIMIT ?");
    ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    int index = bind_filters(s);
    if (q.after) {
      s.Bind(index++, q.after->first);
      s.Bind(index++, q.after->first);
      s.Bind(index++, q.after->second);
    }
    s.Bind(index, int64_t{q.limit});
    std::vector<int64_t> ids;
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      ids.push_back(s.Int(0));
    }
    ASSIGN_OR_RETURN(std::vector<Profile> profiles, ReadProfiles(c, ids));
    for (auto& profile : profiles) page.profiles.push_back({std::move(profile), {}});
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<std::vector<domain::Specialism>> SqliteProfileRepository::ListSpecialisms() {
  std::vector<domain::Specialism> all;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT code, label FROM specialisms "
                                            "ORDER BY builtin DESC, label"));
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      all.push_back({s.Text(0), s.Text(1)});
    }
  }));
  return all;
}

absl::Status SqliteProfileRepository::CreateSpecialism(const domain::Specialism& specialism) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO specialisms (code, label) VALUES (?, ?)"));
    s.Bind(1, specialism.code).Bind(2, specialism.label);
    return s.Run();
  });
}

}  // namespace tandem::storage

namespace tandem::storage {

absl::StatusOr<domain::CandidateChanges> SqliteProfileRepository::ChangedSince(int64_t version) {
  domain::CandidateChanges changes;
  changes.version = version;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(
        Statement s,
        c.Prepare("SELECT p.account_id, p.organisation_id, p.kind, p.status, p.availability, "
                  "p.capacity, p.current_load, p.pay_band, p.coaching_listed_until, p.site, "
                  "p.delivery_modes, p.change_seq, a.display_name, o.name, "
                  "(SELECT group_concat(s.code, char(10)) FROM profile_specialisms s "
                  " WHERE s.account_id = p.account_id), "
                  "(SELECT group_concat(f.profession, char(10)) FROM profile_professions f "
                  " WHERE f.account_id = p.account_id), "
                  "(SELECT group_concat(l.language, char(10)) FROM profile_languages l "
                  " WHERE l.account_id = p.account_id) "
                  "FROM profiles p JOIN accounts a ON a.id = p.account_id "
                  "JOIN organisations o ON o.id = p.organisation_id "
                  "WHERE p.change_seq > ? ORDER BY p.change_seq"));
    s.Bind(1, version);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      domain::CandidateRow r;
      r.account_id = s.Int(0);
      r.organisation_id = s.Int(1);
      r.kind = static_cast<domain::ProfileKind>(s.Int(2));
      r.status = static_cast<domain::PoolStatus>(s.Int(3));
      r.availability = static_cast<domain::Availability>(s.Int(4));
      r.capacity = static_cast<int>(s.Int(5));
      r.current_load = static_cast<int>(s.Int(6));
      r.pay_band = static_cast<int>(s.Int(7));
      r.coaching_listed_until = ColumnToTime(s.Int(8));
      r.site = s.Text(9);
      const int64_t modes = s.Int(10);
      for (int mode = 1; mode <= 3; ++mode) {
        if ((modes & (int64_t{1} << mode)) != 0) {
          r.delivery_modes.push_back(static_cast<domain::DeliveryMode>(mode));
        }
      }
      changes.version = std::max(changes.version, s.Int(11));
      r.display_name = s.Text(12);
      r.organisation_name = s.Text(13);
      r.specialisms = Lines(s.Text(14));
      r.professions = Lines(s.Text(15));
      r.languages = Lines(s.Text(16));
      changes.rows.push_back(std::move(r));
    }
    return absl::OkStatus();
  }));
  return changes;
}

}  // namespace tandem::storage
