#include "server/domain/account_admin.h"

#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/page_token.h"
#include "tests/support/fake_repositories.h"

namespace tandem::domain {
namespace {

using ::testing::HasSubstr;

class AccountAdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    home_ = organisations_.Create("Home", OrganisationKind::kNhsTrust, {})->id;
    other_ = organisations_.Create("Other", OrganisationKind::kCareProvider, {})->id;
    coordinator_.account = *accounts_.Create(NewAccount{.email = "coord@example.org",
                                                        .display_name = "Coordinator",
                                                        .organisation_id = home_,
                                                        .roles = {Role::kCoordinator},
                                                        .coordinated_organisation_ids = {home_},
                                                        .password_hash = "x",
                                                        .password_change_required = false},
                                             clock_.Now());
  }

  absl::StatusOr<CreatedAccount> Create(const std::string& email, int64_t org,
                                        std::vector<Role> roles = {Role::kCoachee},
                                        const std::string& name = "Person") {
    return admin_.CreateAccount(
        coordinator_,
        {.email = email, .display_name = name, .organisation_id = org, .roles = roles},
        absl::InfiniteFuture());
  }

  testing::FakeClock clock_;
  testing::FakeOrganisationRepository organisations_;
  testing::FakeAccountRepository accounts_;
  PasswordHasher hasher_{{1, 8192}};
  ConcurrencyLimiter limiter_{2};
  AccountAdmin admin_{accounts_, organisations_, hasher_, limiter_, clock_};
  Principal coordinator_;
  int64_t home_ = 0, other_ = 0;
};

TEST_F(AccountAdminTest, CreatesAccountWithTemporaryPasswordThatMustBeChanged) {
  const auto created = Create("New@Example.org", home_, {Role::kMentor, Role::kCoachee});
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->account.email, "new@example.org");
  EXPECT_TRUE(created->account.password_change_required);
  EXPECT_EQ(created->account.roles, (std::vector<Role>{Role::kCoachee, Role::kMentor}));
  const std::string hash = *accounts_.GetPasswordHash(created->account.id);
  EXPECT_NE(hash, created->temporary_password);
  EXPECT_TRUE(hasher_.Verify(hash, created->temporary_password));
}

TEST_F(AccountAdminTest, NewCoordinatorCoordinatesOnlyTheirOrganisation) {
  const auto created = Create("c2@example.org", home_, {Role::kCoordinator});
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->account.coordinated_organisation_ids, std::vector<int64_t>{home_});
}

TEST_F(AccountAdminTest, RefusesOrganisationsOutsideScope) {
  EXPECT_EQ(Create("x@example.org", other_).status().code(), absl::StatusCode::kPermissionDenied);
  const auto elsewhere = accounts_.Create(NewAccount{.email = "far@example.org",
                                                     .display_name = "Far",
                                                     .organisation_id = other_,
                                                     .roles = {Role::kCoachee},
                                                     .coordinated_organisation_ids = {},
                                                     .password_hash = "x",
                                                     .password_change_required = false},
                                          clock_.Now());
  EXPECT_EQ(admin_.GetAccount(coordinator_, elsewhere->id).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(admin_.SetRoles(coordinator_, elsewhere->id, {Role::kCoach}).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(admin_.ListAccounts(coordinator_, {.organisation_id = other_}).status().code(),
            absl::StatusCode::kPermissionDenied);
  const auto mine = admin_.ListAccounts(coordinator_, {});
  ASSERT_TRUE(mine.ok());
  for (const auto& account : mine->accounts) EXPECT_EQ(account.organisation_id, home_);
}

TEST_F(AccountAdminTest, ValidatesInput) {
  EXPECT_THAT(std::string(Create("bad", home_).status().message()), HasSubstr("email:"));
  EXPECT_THAT(std::string(Create("a@b.c", home_, {}).status().message()), HasSubstr("roles:"));
  EXPECT_THAT(std::string(Create("a@b.c", 0).status().message()), HasSubstr("organisation_id:"));
  EXPECT_THAT(std::string(Create("a@b.c", home_, {Role::kCoachee}, "").status().message()),
              HasSubstr("display_name:"));
  ASSERT_TRUE(Create("a@b.c", home_).ok());
  EXPECT_EQ(Create("A@B.C", home_).status().code(), absl::StatusCode::kAlreadyExists);
}

TEST_F(AccountAdminTest, RolesAreReplacedButACoordinatorKeepsTheirOwn) {
  const auto created = Create("p@example.org", home_);
  const auto updated =
      admin_.SetRoles(coordinator_, created->account.id, {Role::kCoach, Role::kCoach});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->roles, std::vector<Role>{Role::kCoach});
  EXPECT_EQ(admin_.SetRoles(coordinator_, coordinator_.id(), {Role::kCoachee}).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(admin_.SetRoles(coordinator_, created->account.id, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(AccountAdminTest, PagesCoverEveryAccountOnceInNameOrder) {
  for (int i = 0; i < 23; ++i) {
    ASSERT_TRUE(Create("p" + std::to_string(i) + "@example.org", home_, {Role::kCoachee},
                       i % 2 == 0 ? "Same Name" : "Name " + std::to_string(i))
                    .ok());
  }
  std::set<int64_t> seen;
  ListAccountsInput input{.page_size = 5};
  int total = 0;
  do {
    const auto page = admin_.ListAccounts(coordinator_, input);
    ASSERT_TRUE(page.ok()) << page.status();
    total = page->total_count;
    EXPECT_LE(page->accounts.size(), 5u);
    for (const auto& account : page->accounts) EXPECT_TRUE(seen.insert(account.id).second);
    input.page_token = page->next_page_token;
  } while (!input.page_token.empty());
  EXPECT_EQ(total, 24);
  EXPECT_EQ(seen.size(), 24u);
}

TEST_F(AccountAdminTest, PageTokensRoundTripAndRejectJunk) {
  const auto decoded = DecodeNamePageToken(EncodeNamePageToken("Name: with colon", 42));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->first, "Name: with colon");
  EXPECT_EQ(decoded->second, 42);
  for (const char* junk : {"", "abc", "!!!!", "YWNjMTp4Onk"}) {
    EXPECT_EQ(DecodeNamePageToken(junk).status().code(), absl::StatusCode::kInvalidArgument)
        << junk;
  }
  EXPECT_EQ(admin_.ListAccounts(coordinator_, {.page_size = 201}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(admin_.ListAccounts(coordinator_, {.page_size = -1}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tandem::domain
