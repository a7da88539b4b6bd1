// The statement cache of the SQLite connections: a statement prepared
// again is the same one, reset with its bindings cleared; the same SQL
// nested in its own loop gets its own statement; a cached statement ends
// its read, so a writer on another connection is seen at once.

#include "gtest/gtest.h"
#include "server/storage/sqlite/database.h"
#include "tests/support/server_process.h"

namespace tandem::storage {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_->Write([](Connection& c) {
                     return c.Execute(
                         "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);"
                         "INSERT INTO t (id, v) VALUES (1, 'one'), (2, 'two'), (3, 'three');");
                   })
                    .ok());
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_ = *Database::Open(dir_.File("cache.db"), 1);
};

TEST_F(StatementCacheTest, ReusedStatementStartsAgainWithNoBindings) {
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(db_->Read([&](Connection& c) {
                     auto s = c.Prepare("SELECT v FROM t WHERE id = ?");
                     if (!s.ok()) return s.status();
                     if (round < 2) s->Bind(1, int64_t{round + 1});
                     auto row = s->Step();
                     if (!row.ok()) return row.status();
                     // Unbound on the third round: NULL matches nothing,
                     // so nothing was left bound from before.
                     EXPECT_EQ(*row, round < 2);
                     if (*row) {
                       EXPECT_EQ(s->Text(0), round == 0 ? "one" : "two");
                     }
                     return absl::OkStatus();
                   })
                    .ok());
  }
}

TEST_F(StatementCacheTest, SameSqlNestedGetsItsOwnStatement) {
  constexpr char kAll[] = "SELECT id FROM t ORDER BY id";
  ASSERT_TRUE(db_->Read([&](Connection& c) {
                   auto outer = c.Prepare(kAll);
                   if (!outer.ok()) return outer.status();
                   int outer_rows = 0;
                   while (*outer->Step()) {
                     ++outer_rows;
                     auto inner = c.Prepare(kAll);
                     if (!inner.ok()) return inner.status();
                     int inner_rows = 0;
                     while (*inner->Step()) ++inner_rows;
                     EXPECT_EQ(inner_rows, 3);
                   }
                   EXPECT_EQ(outer_rows, 3);
                   return absl::OkStatus();
                 })
                  .ok());
  // Both went back; the next use is whole again.
  ASSERT_TRUE(db_->Read([&](Connection& c) {
                   auto s = c.Prepare(kAll);
                   if (!s.ok()) return s.status();
                   int rows = 0;
                   while (*s->Step()) ++rows;
                   EXPECT_EQ(rows, 3);
                   return absl::OkStatus();
                 })
                  .ok());
}

TEST_F(StatementCacheTest, ACachedStatementHoldsNoReadOpen) {
  // Read part of a result only, then give the statement back.
  ASSERT_TRUE(db_->Read([](Connection& c) {
                   auto s = c.Prepare("SELECT v FROM t ORDER BY id");
                   if (!s.ok()) return s.status();
                   return s->Step().status();
                 })
                  .ok());
  // Another connection writes and checkpoints the whole log: a reader
  // still open on the first connection would block the truncation.
  auto other = *Database::Open(dir_.File("cache.db"), 1);
  ASSERT_TRUE(other
                  ->Write([](Connection& c) {
                    return c.Execute("INSERT INTO t (id, v) VALUES (4, 'four')");
                  })
                  .ok());
  ASSERT_TRUE(other
                  ->Read([](Connection& c) {
                    auto s = c.Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
                    if (!s.ok()) return s.status();
                    EXPECT_TRUE(*s->Step());
                    EXPECT_EQ(s->Int(0), 0) << "the checkpoint was kept waiting by a reader";
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(db_->Read([](Connection& c) {
                   auto s = c.Prepare("SELECT COUNT(*) FROM t");
                   if (!s.ok()) return s.status();
                   EXPECT_TRUE(*s->Step());
                   EXPECT_EQ(s->Int(0), 4);
                   return absl::OkStatus();
                 })
                  .ok());
}

TEST_F(StatementCacheTest, ManyShapesBeyondTheCapacityStillRun) {
  ASSERT_TRUE(db_->Read([](Connection& c) {
                   for (size_t i = 0; i < StatementCache::kCapacity + 20; ++i) {
                     auto s = c.Prepare("SELECT " + std::to_string(i));
                     if (!s.ok()) return s.status();
                     EXPECT_TRUE(*s->Step());
                     EXPECT_EQ(s->Int(0), static_cast<int64_t>(i));
                   }
                   return absl::OkStatus();
                 })
                  .ok());
}

TEST_F(StatementCacheTest, AStatementThatFailsToCompileIsAnError) {
  const absl::Status status =
      db_->Read([](Connection& c) { return c.Prepare("SELECT nope FROM nowhere").status(); });
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace tandem::storage
