#include "server/storage/sqlite/database.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "server/storage/sqlite/fts_rank.h"
#include "shared/logger.h"
#include "shared/status_macros.h"

namespace tandem::storage {
namespace {

// The SQLite spelling of the portable auto-assigned key (see migrations/).
constexpr char kAutoIdSqlite[] = "INTEGER PRIMARY KEY";

absl::Status ConfigureConnection(sqlite3* db, Database::Durability durability) {
  // busy_timeout first, so the others wait rather than fail while another
  // process or connection holds the lock.
  sqlite3_busy_timeout(db, 5000);
  const char* sync = durability == Database::Durability::kFull ? "PRAGMA synchronous=FULL"
                                                               : "PRAGMA synchronous=OFF";
  // 64 MiB of page cache per connection keeps a directory of 100,000
  // profiles in memory; the file is read through a memory map of up to 2 GiB
  // (SQLite's own limit) shared by every connection, so that five years of a
  // region's records are read in place, not copied into each cache.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", sync, "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-65536",
        "PRAGMA mmap_size=2147418112", "PRAGMA temp_store=MEMORY"}) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db, pragma, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      const std::string detail = error != nullptr ? error : "";
      sqlite3_free(error);
      LogError(absl::StrCat("sqlite: ", pragma, " failed: ", detail));
      return absl::InternalError("Could not configure the database.");
    }
  }
  return RegisterRankFunction(db);
}

}  // namespace

absl::Status SqliteError(sqlite3* db, int code, absl::string_view what) {
  const int primary = code & 0xff;
  LogWarning(absl::StrCat("sqlite: ", what, ": ", sqlite3_errstr(code), " (",
                          db != nullptr ? sqlite3_errmsg(db) : "", ")"));
  if (primary == SQLITE_CONSTRAINT) return absl::AlreadyExistsError("The record already exists.");
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return absl::UnavailableError("The database is busy. Please try again.");
  }
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR) {
    return absl::UnavailableError("The database cannot be written right now.");
  }
  return absl::InternalError("A storage error occurred.");
}

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(other.stmt_),
      lent_(other.lent_),
      bind_status_(std::move(other.bind_status_)) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (lent_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  // Reset ends the statement's read of the database before it waits in
  // the cache.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *lent_ = false;
}

Statement& Statement::Bind(int index, int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = SqliteError(db_, rc, "bind");
  return *this;
}

Statement& Statement::Bind(int index, absl::string_view value) {
  const int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = SqliteError(db_, rc, "bind");
  return *this;
}

Statement& Statement::BindBlob(int index, absl::string_view bytes) {
  const int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = SqliteError(db_, rc, "bind");
  return *this;
}

Statement& Statement::BindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = SqliteError(db_, rc, "bind");
  return *this;
}

absl::StatusOr<bool> Statement::Step() {
  RETURN_IF_ERROR(bind_status_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, sqlite3_sql(stmt_));
}

absl::Status Statement::Run() {
  ASSIGN_OR_RETURN(const bool row, Step());
  if (row) return absl::InternalError("A storage error occurred.");
  return absl::OkStatus();
}

Statement& Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_status_ = absl::OkStatus();
  return *this;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

absl::string_view Statement::TextView(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return absl::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::Blob(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (bytes == nullptr) return {};
  return std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::optional<absl::Time> Statement::OptionalTime(int column) const {
  if (IsNull(column)) return std::nullopt;
  return absl::FromUnixSeconds(Int(column));
}

// ---- StatementCache ----

namespace {

absl::StatusOr<sqlite3_stmt*> Compile(sqlite3* db, absl::string_view sql, unsigned int flags) {
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return SqliteError(db, rc, sql);
  }
  return stmt;
}

}  // namespace

StatementCache::~StatementCache() {
  for (const auto& [sql, entry] : entries_) sqlite3_finalize(entry.stmt);
}

absl::StatusOr<Statement> StatementCache::Prepare(sqlite3* db, absl::string_view sql) {
  auto it = entries_.find(sql);
  if (it == entries_.end() && entries_.size() < kCapacity) {
    // Kept for long: PERSISTENT tells SQLite not to use the connection's
    // small lookaside memory for it.
    ASSIGN_OR_RETURN(sqlite3_stmt* const stmt, Compile(db, sql, SQLITE_PREPARE_PERSISTENT));
    it = entries_.try_emplace(std::string(sql), Entry{.stmt = stmt}).first;
  }
  if (it == entries_.end() || it->second.lent) {
    ASSIGN_OR_RETURN(sqlite3_stmt* const stmt, Compile(db, sql, 0));
    return Statement(db, stmt);
  }
  it->second.lent = true;
  return Statement(db, it->second.stmt, &it->second.lent);
}

// ---- Connection ----

absl::StatusOr<Statement> Connection::Prepare(absl::string_view sql) {
  if (cache_ != nullptr) return cache_->Prepare(db_, sql);
  ASSIGN_OR_RETURN(sqlite3_stmt* const stmt, Compile(db_, sql, 0));
  return Statement(db_, stmt);
}

absl::Status Connection::Execute(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "execute");
  return absl::OkStatus();
}

int64_t Connection::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

// ---- Database ----

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path, int pool_size,
                                                         Durability durability) {
  std::unique_ptr<Database> database(new Database());
  for (int i = 0; i < std::max(1, pool_size); ++i) {
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      LogError(absl::StrCat("sqlite: cannot open ", path, ": ", sqlite3_errstr(rc)));
      sqlite3_close(db);
      return absl::UnavailableError(absl::StrCat("Cannot open the database file ", path, "."));
    }
    database->all_.push_back(std::make_unique<Pooled>(
        Pooled{.db = db, .statements = std::make_unique<StatementCache>()}));
    RETURN_IF_ERROR(ConfigureConnection(db, durability));
    absl::MutexLock lock(&database->mu_);
    database->idle_.push_back(database->all_.back().get());
  }
  RETURN_IF_ERROR(database->Migrate());
  return database;
}

Database::~Database() {
  for (const std::unique_ptr<Pooled>& pooled : all_) {
    // Its cached statements first: a connection closes once none is left.
    pooled->statements.reset();
    const int rc = sqlite3_close(pooled->db);
    if (rc != SQLITE_OK) LogError(absl::StrCat("sqlite: close failed: ", sqlite3_errstr(rc)));
  }
}

Database::Pooled* Database::Acquire() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](std::vector<Pooled*>* idle) { return !idle->empty(); }, &idle_));
  Pooled* pooled = idle_.back();
  idle_.pop_back();
  return pooled;
}

void Database::Release(Pooled* pooled) {
  absl::MutexLock lock(&mu_);
  idle_.push_back(pooled);
}

absl::Status Database::Read(const std::function<absl::Status(Connection&)>& work) {
  Pooled* pooled = Acquire();
  Connection connection(pooled->db, pooled->statements.get());
  absl::Status status = work(connection);
  Release(pooled);
  return status;
}

absl::Status Database::Write(const std::function<absl::Status(Connection&)>& work) {
  Pooled* pooled = Acquire();
  sqlite3* db = pooled->db;
  Connection connection(db, pooled->statements.get());
  // IMMEDIATE takes the write lock up front, so two writers never deadlock
  // upgrading read locks; busy_timeout makes the second one wait.
  absl::Status status = connection.Execute("BEGIN IMMEDIATE");
  if (status.ok()) {
    status = work(connection);
    if (status.ok() && before_commit_) {
      status = before_commit_(connection);
    }
    if (status.ok()) {
      status = connection.Execute("COMMIT");
    }
    if (!status.ok() && !sqlite3_get_autocommit(db)) {
      (void)connection.Execute("ROLLBACK");
    }
  }
  Release(pooled);
  if (status.ok() && after_commit_) {
    after_commit_();
  } else if (!status.ok() && after_rollback_) {
    after_rollback_();
  }
  return status;
}

void Database::SetCommitHooks(std::function<absl::Status(Connection&)> before_commit,
                              std::function<void()> after_commit,
                              std::function<void()> after_rollback) {
  before_commit_ = std::move(before_commit);
  after_commit_ = std::move(after_commit);
  after_rollback_ = std::move(after_rollback);
}

absl::Status Database::Migrate() {
  RETURN_IF_ERROR(Write([](Connection& c) {
    return c.Execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  }));
  for (const Migration& migration : EmbeddedMigrations()) {
    bool applied = false;
    RETURN_IF_ERROR(Write([&](Connection& c) -> absl::Status {
      ASSIGN_OR_RETURN(Statement check,
                       c.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?"));
      check.Bind(1, int64_t{migration.version});
      ASSIGN_OR_RETURN(const bool exists, check.Step());
      if (exists) return absl::OkStatus();
      RETURN_IF_ERROR(
          c.Execute(absl::StrReplaceAll(migration.sql, {{"@AUTO_ID@", kAutoIdSqlite}})));
      ASSIGN_OR_RETURN(Statement record,
                       c.Prepare("INSERT INTO schema_migrations (version, name, applied_at) "
                                 "VALUES (?, ?, ?)"));
      record.Bind(1, int64_t{migration.version})
          .Bind(2, migration.name)
          .Bind(3, absl::ToUnixSeconds(absl::Now()));
      applied = true;
      return record.Run();
    }));
    if (applied) {
      LogInfo(absl::StrCat("database: applied migration ", migration.version, " ", migration.name));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<int> Database::SchemaVersion() {
  int version = 0;
  RETURN_IF_ERROR(Read([&](Connection& c) -> absl::Status {
    ASSIGN_OR_RETURN(Statement s,
                     c.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) version = static_cast<int>(s.Int(0));
    return absl::OkStatus();
  }));
  return version;
}

}  // namespace tandem::storage
