#include "server/storage/sqlite/sqlite_account_repository.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

// Columns 0..7 of every account read; roles and scopes come as
// comma-separated lists so that one query reads a whole page.
constexpr char kAccountColumns[] =
    "a.id, a.email, a.display_name, a.organisation_id, a.password_change_required, "
    "a.created_at, "
    "(SELECT group_concat(r.role) FROM account_roles r WHERE r.account_id = a.id), "
    "(SELECT group_concat(s.organisation_id) FROM coordinator_scopes s "
    " WHERE s.account_id = a.id)";

std::vector<int64_t> ParseIdList(const std::string& text) {
  std::vector<int64_t> ids;
  for (absl::string_view part : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    int64_t id = 0;
    if (absl::SimpleAtoi(part, &id)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

absl::Status WriteRolesAndScopes(Connection& c, int64_t id, const std::vector<domain::Role>& roles,
                                 const std::vector<int64_t>& coordinated) {
  for (const char* sql : {"DELETE FROM account_roles WHERE account_id = ?",
                          "DELETE FROM coordinator_scopes WHERE account_id = ?"}) {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    s.Bind(1, id);
    RETURN_IF_ERROR(s.Run());
  }
  for (domain::Role role : roles) {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("INSERT INTO account_roles (account_id, role) VALUES (?, ?)"));
    s.Bind(1, id).Bind(2, int64_t{static_cast<int>(role)});
    RETURN_IF_ERROR(s.Run());
  }
  for (int64_t organisation_id : coordinated) {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("INSERT INTO coordinator_scopes (account_id, "
                                            "organisation_id) VALUES (?, ?)"));
    s.Bind(1, id).Bind(2, organisation_id);
    RETURN_IF_ERROR(s.Run());
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::Account> ReadOne(Connection& c, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat("SELECT ", kAccountColumns,
                                                       " FROM accounts a WHERE a.id = ?")));
  s.Bind(1, id);
  ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return absl::NotFoundError("No such account.");
  return ReadAccount(s);
}

// Escapes LIKE wildcards so a search for "50%" matches literally.
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  out.push_back('%');
  return out;
}

}  // namespace

std::string AccountColumns() { return kAccountColumns; }

domain::Account ReadAccount(const Statement& s, int first) {
  domain::Account account;
  account.id = s.Int(first);
  account.email = s.Text(first + 1);
  account.display_name = s.Text(first + 2);
  account.organisation_id = s.Int(first + 3);
  account.password_change_required = s.Int(first + 4) != 0;
  account.created_at = absl::FromUnixSeconds(s.Int(first + 5));
  for (int64_t role : ParseIdList(s.Text(first + 6))) {
    account.roles.push_back(static_cast<domain::Role>(role));
  }
  account.coordinated_organisation_ids = ParseIdList(s.Text(first + 7));
  return account;
}

absl::StatusOr<domain::Account> SqliteAccountRepository::Create(const domain::NewAccount& account,
                                                                absl::Time now) {
  domain::Account created;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("INSERT INTO accounts (email, display_name, organisation_id, "
                               "password_hash, password_change_required, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)"));
    s.Bind(1, account.email)
        .Bind(2, account.display_name)
        .Bind(3, account.organisation_id)
        .Bind(4, account.password_hash)
        .Bind(5, int64_t{account.password_change_required ? 1 : 0})
        .Bind(6, absl::ToUnixSeconds(now));
    RETURN_IF_ERROR(s.Run());
    const int64_t id = c.LastInsertId();
    RETURN_IF_ERROR(
        WriteRolesAndScopes(c, id, account.roles, account.coordinated_organisation_ids));
    ASSIGN_OR_RETURN(created, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<domain::Account> SqliteAccountRepository::Get(int64_t id) {
  domain::Account found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(found, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<std::pair<domain::Account, std::string>> SqliteAccountRepository::GetWithHashByEmail(
    const std::string& email) {
  std::pair<domain::Account, std::string> found;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare(absl::StrCat("SELECT ", kAccountColumns,
                                                         ", a.password_hash FROM accounts a "
                                                         "WHERE a.email = ?")));
    s.Bind(1, email);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::NotFoundError("No such account.");
    found = {ReadAccount(s), s.Text(8)};
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<std::string> SqliteAccountRepository::GetPasswordHash(int64_t id) {
  std::string hash;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT password_hash FROM accounts WHERE id = ?"));
    s.Bind(1, id);
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return absl::NotFoundError("No such account.");
    hash = s.Text(0);
    return absl::OkStatus();
  }));
  return hash;
}

absl::StatusOr<domain::AccountPage> SqliteAccountRepository::List(
    const domain::AccountQuery& query) {
  if (query.organisation_ids.empty()) return domain::AccountPage{};
  std::string where = absl::StrCat(
      " FROM accounts a WHERE a.organisation_id IN (",
      absl::StrJoin(std::vector<std::string>(query.organisation_ids.size(), "?"), ","), ")");
  if (query.role.has_value()) {
    absl::StrAppend(&where,
                    " AND EXISTS (SELECT 1 FROM account_roles r WHERE "
                    "r.account_id = a.id AND r.role = ?)");
  }
  if (!query.text.empty()) {
    absl::StrAppend(&where,
                    " AND (lower(a.display_name) LIKE ? ESCAPE '\\' OR a.email LIKE ? "
                    "ESCAPE '\\')");
  }
  // Binds the filter parameters shared by the count and the page query.
  auto bind_filters = [&](Statement& s) {
    int index = 1;
    for (int64_t id : query.organisation_ids) s.Bind(index++, id);
    if (query.role.has_value()) s.Bind(index++, int64_t{static_cast<int>(*query.role)});
    if (!query.text.empty()) {
      const std::string pattern = LikePattern(query.text);
      s.Bind(index++, pattern);
      s.Bind(index++, pattern);
    }
    return index;
  };

  domain::AccountPage page;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement count, c.Prepare(absl::StrCat("SELECT COUNT(*)", where)));
    bind_filters(count);
    ASSIGN_OR_RETURN(const bool counted, count.Step());
    page.total_count = counted ? static_cast<int>(count.Int(0)) : 0;

    std::string sql = absl::StrCat("SELECT ", kAccountColumns, where);
    if (query.after.has_value()) {
      absl::StrAppend(&sql, " AND (a.display_name > ? OR (a.display_name = ? AND a.id > ?))");
    }
    absl::StrAppend(&sql, " ORDER BY a.display_name, a.id LIMIT ?");
    ASSIGN_OR_RETURN(Statement s, c.Prepare(sql));
    int index = bind_filters(s);
    if (query.after.has_value()) {
      s.Bind(index++, query.after->first);
      s.Bind(index++, query.after->first);
      s.Bind(index++, query.after->second);
    }
    s.Bind(index, int64_t{query.limit});
    while (true) {
      ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return absl::OkStatus();
      page.accounts.push_back(ReadAccount(s));
    }
  }));
  return page;
}

absl::StatusOr<domain::Account> SqliteAccountRepository::SetRoles(
    int64_t id, const std::vector<domain::Role>& roles, const std::vector<int64_t>& coordinated) {
  domain::Account updated;
  RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    RETURN_IF_ERROR(ReadOne(c, id).status());
    RETURN_IF_ERROR(WriteRolesAndScopes(c, id, roles, coordinated));
    ASSIGN_OR_RETURN(updated, ReadOne(c, id));
    return absl::OkStatus();
  }));
  return updated;
}

absl::Status SqliteAccountRepository::SetPassword(int64_t id, const std::string& password_hash,
                                                  bool change_required) {
  return db_.Write([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("UPDATE accounts SET password_hash = ?, "
                                            "password_change_required = ? WHERE id = ?"));
    s.Bind(1, password_hash).Bind(2, int64_t{change_required ? 1 : 0}).Bind(3, id);
    return s.Run();
  });
}

absl::StatusOr<int64_t> SqliteAccountRepository::Count() {
  int64_t count = 0;
  RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT COUNT(*) FROM accounts"));
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) count = s.Int(0);
    return absl::OkStatus();
  }));
  return count;
}

}  // namespace tandem::storage
