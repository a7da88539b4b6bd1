#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace tandem::storage {

/// One prepared statement on one connection. Bind indexes start at 1. One
/// lent by its connection's cache is reset and given back when done.
class Statement {
 public:
  /// `lent`, if given, is the cache's "in use" mark for this statement.
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool* lent = nullptr)
      : db_(db), stmt_(stmt), lent_(lent) {}
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, absl::string_view value);
  Statement& BindNull(int index);
  /// Binds bytes as a BLOB (not text).
  Statement& BindBlob(int index, absl::string_view bytes);
  /// Advances; true while a row is available.
  absl::StatusOr<bool> Step();
  /// Steps to completion, expecting no rows.
  absl::Status Run();
  /// Makes the statement ready to run again, its bindings cleared.
  Statement& Reset();

  int64_t Int(int column) const;
  std::string Text(int column) const;
  /// The same without a copy: valid until the next Step or Reset.
  absl::string_view TextView(int column) const;
  std::string Blob(int column) const;
  bool IsNull(int column) const;
  /// A time stored as Unix seconds, or nullopt for NULL.
  std::optional<absl::Time> OptionalTime(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* lent_;
  absl::Status bind_status_;
};

/// The statements one connection has prepared, by their SQL, kept for the
/// next time the same SQL runs on it (compiling a statement costs more than
/// running most of ours). A statement is lent to one user at a time: the
/// same SQL run again inside its own loop gets a fresh one. Used by one
/// thread at a time, as its connection is.
class StatementCache {
 public:
  /// Enough for every statement the server writes out; statements built
  /// with a varying shape beyond that are prepared each time.
  static constexpr size_t kCapacity = 512;

  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache();

  /// A statement for `sql` on `db`, lent from the cache when it can be.
  absl::StatusOr<Statement> Prepare(sqlite3* db, absl::string_view sql);

 private:
  struct Entry {
    sqlite3_stmt* stmt = nullptr;
    bool lent = false;
  };
  // Node-based: a lent statement points at its entry's mark.
  absl::node_hash_map<std::string, Entry> entries_;
};

/// A connection lent out by Database for the duration of one unit of work.
class Connection {
 public:
  explicit Connection(sqlite3* db, StatementCache* cache = nullptr) : db_(db), cache_(cache) {}
  absl::StatusOr<Statement> Prepare(absl::string_view sql);
  /// Runs one or more statements without results.
  absl::Status Execute(const std::string& sql);
  int64_t LastInsertId() const;
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t Changes() const;

 private:
  sqlite3* db_;
  StatementCache* cache_;
};

/// A migration embedded from migrations/NNNN_name.sql.
struct Migration {
  int version;
  std::string name;
  std::string sql;
};

/// The embedded migrations, in version order (generated at build time).
const std::vector<Migration>& EmbeddedMigrations();

/// An SQLite database file in WAL mode with a small pool of connections.
/// Every write is a transaction committed with synchronous=FULL, so an
/// acknowledged write survives a crash of the process or the machine.
class Database {
 public:
  /// How writes reach the disk.
  enum class Durability {
    /// Every commit is fsynced (synchronous=FULL): the default, always.
    kFull,
    /// No fsync (synchronous=OFF): only for bulk-loading benchmark data.
    kBulkLoad,
  };
  /// Opens (creating if needed) and applies pending migrations.
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path, int pool_size = 4,
                                                        Durability durability = Durability::kFull);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs `work` on a pooled connection outside any explicit transaction
  /// (each statement is its own; fine for reads).
  absl::Status Read(const std::function<absl::Status(Connection&)>& work);
  /// Runs `work` in a write transaction; commits if it returns OK, else
  /// rolls back and returns its error.
  absl::Status Write(const std::function<absl::Status(Connection&)>& work);
  /// The schema version after migrations.
  absl::StatusOr<int> SchemaVersion();

  /// Work every write transaction does last, once its own work succeeded
  /// (an error rolls it back), and what follows its commit or its rollback.
  /// Set once, before the database is shared between threads.
  void SetCommitHooks(std::function<absl::Status(Connection&)> before_commit,
                      std::function<void()> after_commit, std::function<void()> after_rollback);

 private:
  Database() = default;
  /// One pooled connection and the statements prepared on it.
  struct Pooled {
    sqlite3* db = nullptr;
    std::unique_ptr<StatementCache> statements;
  };
  Pooled* Acquire();
  void Release(Pooled* pooled);
  absl::Status Migrate();

  std::function<absl::Status(Connection&)> before_commit_;
  std::function<void()> after_commit_;
  std::function<void()> after_rollback_;
  absl::Mutex mu_;
  std::vector<Pooled*> idle_ ABSL_GUARDED_BY(mu_);
  std::vector<std::unique_ptr<Pooled>> all_;
};

/// Maps an SQLite result code to a status: constraint clashes to
/// ALREADY_EXISTS, busy/locked to UNAVAILABLE, the rest to INTERNAL. The
/// detail goes to the server log, not the message.
absl::Status SqliteError(sqlite3* db, int code, absl::string_view what);

}  // namespace tandem::storage
