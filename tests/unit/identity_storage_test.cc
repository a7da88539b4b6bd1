// One typed suite for the identity repositories, meant to run on every
// storage backend (SQLite today; PostgreSQL joins by adding a backend type).

#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/storage/sqlite/database.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_auth_repositories.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "tests/support/server_process.h"

namespace tandem::storage {
namespace {

using domain::Role;

struct SqliteBackend {
  testing::TempDir dir;
  std::unique_ptr<Database> db = *Database::Open(dir.File("store.db"));
  SqliteOrganisationRepository organisations{*db};
  SqliteAccountRepository accounts{*db};
  SqliteAuthSessionRepository sessions{*db};
  SqliteSignInAttemptRepository attempts{*db};

  void Reopen() {
    organisations.~SqliteOrganisationRepository();
    db.reset();
    db = *Database::Open(dir.File("store.db"));
    new (&organisations) SqliteOrganisationRepository(*db);
    accounts.~SqliteAccountRepository();
    new (&accounts) SqliteAccountRepository(*db);
  }
};

template <typename Backend>
class IdentityStorageTest : public ::testing::Test {
 protected:
  domain::NewAccount NewAccount(const std::string& email, int64_t org,
                                std::vector<Role> roles = {Role::kCoachee},
                                const std::string& name = "Person") {
    return domain::NewAccount{.email = email,
                              .display_name = name,
                              .organisation_id = org,
                              .roles = roles,
                              .coordinated_organisation_ids = {},
                              .password_hash = "$argon2id$fake",
                              .password_change_required = true};
  }
  int64_t Org(const std::string& name) {
    return backend_.organisations.Create(name, domain::OrganisationKind::kNhsTrust, now_)->id;
  }

  Backend backend_;
  absl::Time now_ = absl::FromUnixSeconds(1'800'000'000);
};

using Backends = ::testing::Types<SqliteBackend>;
TYPED_TEST_SUITE(IdentityStorageTest, Backends);

TYPED_TEST(IdentityStorageTest, OrganisationsAreListedByNameAndUnique) {
  this->Org("Zeta Trust");
  this->Org("Alpha Council");
  const auto all = this->backend_.organisations.List();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "Alpha Council");
  EXPECT_EQ(this->backend_.organisations
                .Create("Zeta Trust", domain::OrganisationKind::kOther, this->now_)
                .status()
                .code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(this->backend_.organisations.Get(999).status().code(), absl::StatusCode::kNotFound);
}

TYPED_TEST(IdentityStorageTest, AccountsRoundTripWithRolesAndScopes) {
  const int64_t org = this->Org("Trust");
  auto input = this->NewAccount("a@example.org", org, {Role::kCoachee, Role::kCoordinator});
  input.coordinated_organisation_ids = {org};
  const auto created = this->backend_.accounts.Create(input, this->now_);
  ASSERT_TRUE(created.ok()) << created.status();
  const auto found = this->backend_.accounts.Get(created->id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->email, "a@example.org");
  EXPECT_EQ(found->roles, (std::vector<Role>{Role::kCoachee, Role::kCoordinator}));
  EXPECT_EQ(found->coordinated_organisation_ids, std::vector<int64_t>{org});
  EXPECT_TRUE(found->password_change_required);
  EXPECT_EQ(found->created_at, this->now_);
  const auto with_hash = this->backend_.accounts.GetWithHashByEmail("a@example.org");
  ASSERT_TRUE(with_hash.ok());
  EXPECT_EQ(with_hash->second, "$argon2id$fake");
  EXPECT_EQ(this->backend_.accounts.Create(input, this->now_).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(this->backend_.accounts.Get(12345).status().code(), absl::StatusCode::kNotFound);

  const auto updated =
      this->backend_.accounts.SetRoles(created->id, {Role::kCoach}, /*coordinated=*/{});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->roles, std::vector<Role>{Role::kCoach});
  EXPECT_TRUE(updated->coordinated_organisation_ids.empty());
  ASSERT_TRUE(this->backend_.accounts.SetPassword(created->id, "$new", false).ok());
  EXPECT_EQ(*this->backend_.accounts.GetPasswordHash(created->id), "$new");
}

TYPED_TEST(IdentityStorageTest, ListingFiltersAndPagesByKeyset) {
  const int64_t a = this->Org("A");
  const int64_t b = this->Org("B");
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(this->backend_.accounts
                    .Create(this->NewAccount("p" + std::to_string(i) + "@a.org", i < 7 ? a : b,
                                             {i % 3 == 0 ? Role::kCoach : Role::kCoachee},
                                             "Name " + std::to_string(i % 5)),
                            this->now_)
                    .ok());
  }
  domain::AccountQuery query{.organisation_ids = {a}, .limit = 3};
  auto page = this->backend_.accounts.List(query);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total_count, 7);
  ASSERT_EQ(page->accounts.size(), 3u);
  query.after = {page->accounts.back().display_name, page->accounts.back().id};
  const auto next = this->backend_.accounts.List(query);
  ASSERT_EQ(next->accounts.size(), 3u);
  EXPECT_GE(next->accounts[0].display_name, page->accounts.back().display_name);

  EXPECT_EQ(
      this->backend_.accounts.List({.organisation_ids = {a, b}, .role = Role::kCoach, .limit = 50})
          ->total_count,
      4);
  EXPECT_EQ(
      this->backend_.accounts.List({.organisation_ids = {a, b}, .text = "NAME 3", .limit = 50})
          ->total_count,
      2);
  EXPECT_EQ(this->backend_.accounts.List({.organisation_ids = {a}, .text = "p9@", .limit = 50})
                ->total_count,
            0);
  EXPECT_EQ(this->backend_.accounts.List({.organisation_ids = {b}, .text = "p9@", .limit = 50})
                ->total_count,
            1);
}

TYPED_TEST(IdentityStorageTest, SessionsAreRevokedSinglyOrAllButOne) {
  const int64_t org = this->Org("Trust");
  const int64_t id =
      this->backend_.accounts.Create(this->NewAccount("s@x.org", org), this->now_)->id;
  for (const char* hash : {"h1", "h2", "h3"}) {
    ASSERT_TRUE(this->backend_.sessions
                    .Create({.token_hash = hash,
                             .account_id = id,
                             .created_at = this->now_,
                             .expires_at = this->now_ + absl::Hours(1),
                             .revoked_at = {}})
                    .ok());
  }
  ASSERT_TRUE(this->backend_.sessions.Revoke("h1", this->now_).ok());
  EXPECT_TRUE(this->backend_.sessions.Get("h1")->revoked_at.has_value());
  ASSERT_TRUE(this->backend_.sessions.RevokeOthers(id, "h2", this->now_).ok());
  EXPECT_FALSE(this->backend_.sessions.Get("h2")->revoked_at.has_value());
  EXPECT_TRUE(this->backend_.sessions.Get("h3")->revoked_at.has_value());
  EXPECT_EQ(this->backend_.sessions.Get("h4").status().code(), absl::StatusCode::kNotFound);
}

TYPED_TEST(IdentityStorageTest, SignInAttemptsUpsertAndClear) {
  auto& attempts = this->backend_.attempts;
  EXPECT_EQ(attempts.Get("e@x.org")->consecutive_failures, 0);
  ASSERT_TRUE(
      attempts.Put("e@x.org", {.consecutive_failures = 2, .locked_until = this->now_}).ok());
  ASSERT_TRUE(
      attempts.Put("e@x.org", {.consecutive_failures = 3, .locked_until = this->now_}).ok());
  EXPECT_EQ(attempts.Get("e@x.org")->consecutive_failures, 3);
  EXPECT_EQ(attempts.Get("e@x.org")->locked_until, this->now_);
  ASSERT_TRUE(attempts.Clear("e@x.org").ok());
  EXPECT_EQ(attempts.Get("e@x.org")->consecutive_failures, 0);
}

TYPED_TEST(IdentityStorageTest, ConcurrentWritersAllCommit) {
  const int64_t org = this->Org("Trust");
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const std::string email = "t" + std::to_string(t) + "_" + std::to_string(i) + "@x.org";
        if (!this->backend_.accounts.Create(this->NewAccount(email, org), this->now_).ok()) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*this->backend_.accounts.Count(), 120);
}

TEST(SqliteDatabaseTest, MigrationsApplyOnceAndDataPersistsAcrossReopen) {
  SqliteBackend backend;
  EXPECT_EQ(*backend.db->SchemaVersion(), static_cast<int>(EmbeddedMigrations().size()));
  ASSERT_TRUE(backend.organisations.Create("Kept", domain::OrganisationKind::kOther, {}).ok());
  backend.Reopen();
  EXPECT_EQ(*backend.db->SchemaVersion(), static_cast<int>(EmbeddedMigrations().size()));
  EXPECT_EQ(backend.organisations.List()->size(), 1u);
}

TEST(SqliteDatabaseTest, UsesWriteAheadLogWithFullSync) {
  SqliteBackend backend;
  std::string mode;
  int64_t synchronous = -1;
  ASSERT_TRUE(backend.db
                  ->Read([&](Connection& c) -> absl::Status {
                    auto journal = c.Prepare("PRAGMA journal_mode");
                    if (!journal.ok() || !*journal->Step()) return absl::InternalError("journal");
                    mode = journal->Text(0);
                    auto sync = c.Prepare("PRAGMA synchronous");
                    if (!sync.ok() || !*sync->Step()) return absl::InternalError("sync");
                    synchronous = sync->Int(0);
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(mode, "wal");
  EXPECT_EQ(synchronous, 2);  // FULL
}

TEST(SqliteDatabaseTest, UnopenablePathIsUnavailable) {
  EXPECT_EQ(Database::Open("/nonexistent-dir/x/store.db").status().code(),
            absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace tandem::storage
