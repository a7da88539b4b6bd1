#include "server/domain/authenticator.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/tokens.h"
#include "tests/support/fake_repositories.h"

namespace tandem::domain {
namespace {

using testing::FakeAccountRepository;
using testing::FakeAuthSessionRepository;
using testing::FakeClock;
using testing::FakeOrganisationRepository;
using testing::FakeSignInAttemptRepository;
using ::testing::HasSubstr;

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Organisation org = *organisations_.Create("Trust", OrganisationKind::kNhsTrust, {});
    account_ = *accounts_.Create(NewAccount{.email = "ada@example.org",
                                            .display_name = "Ada",
                                            .organisation_id = org.id,
                                            .roles = {Role::kCoachee},
                                            .coordinated_organisation_ids = {},
                                            .password_hash = *hasher_.Hash("right password"),
                                            .password_change_required = false},
                                 clock_.Now());
  }

  absl::StatusOr<SignInResult> SignIn(const std::string& password,
                                      const std::string& email = "ada@example.org") {
    return auth_.SignIn(email, password, absl::InfiniteFuture());
  }

  FakeClock clock_;
  FakeOrganisationRepository organisations_;
  FakeAccountRepository accounts_;
  FakeAuthSessionRepository sessions_{accounts_};
  FakeSignInAttemptRepository attempts_;
  PasswordHasher hasher_{{1, 8192}};
  ConcurrencyLimiter limiter_{1};
  Authenticator auth_{accounts_, organisations_, sessions_, attempts_,
                      hasher_,   limiter_,       clock_,    AuthSettings{}};
  Account account_;
};

TEST_F(AuthenticatorTest, SignInIssuesATokenStoredOnlyAsItsHash) {
  const auto result = SignIn("right password");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->account.id, account_.id);
  EXPECT_EQ(result->expires_at, clock_.Now() + absl::Hours(12));
  EXPECT_TRUE(sessions_.Get(HashToken(result->token)).ok());
  EXPECT_FALSE(sessions_.Get(result->token).ok());
  const auto caller = auth_.Authenticate(result->token);
  ASSERT_TRUE(caller.ok());
  EXPECT_EQ(caller->id(), account_.id);
}

TEST_F(AuthenticatorTest, WrongPasswordAndUnknownEmailAreIndistinguishable) {
  const auto wrong = SignIn("wrong password");
  const auto unknown = SignIn("right password", "nobody@example.org");
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status(), unknown.status());
  EXPECT_EQ(sessions_.size(), 0u);
}

TEST_F(AuthenticatorTest, LocksOutAfterRepeatedFailuresWithGrowingWaits) {
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(SignIn("wrong").ok());
  EXPECT_TRUE(SignIn("right password").ok());  // success resets the count
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(SignIn("wrong").status().code(), absl::StatusCode::kUnauthenticated);
  }
  auto locked = SignIn("right password");
  EXPECT_EQ(locked.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(locked.status().message()), HasSubstr("Try again in 1 minute"));

  clock_.Advance(absl::Seconds(31));
  EXPECT_EQ(SignIn("wrong").status().code(), absl::StatusCode::kUnauthenticated);
  // Sixth failure: locked for 60 s now.
  clock_.Advance(absl::Seconds(45));
  EXPECT_EQ(SignIn("right password").status().code(), absl::StatusCode::kResourceExhausted);
  clock_.Advance(absl::Seconds(16));
  EXPECT_TRUE(SignIn("right password").ok());
}

TEST_F(AuthenticatorTest, LockoutIsCappedAtFifteenMinutes) {
  for (int i = 0; i < 30; ++i) {
    (void)SignIn("wrong");
    clock_.Advance(absl::Hours(1));
  }
  (void)SignIn("wrong");
  clock_.Advance(absl::Minutes(15));
  EXPECT_TRUE(SignIn("right password").ok());
}

TEST_F(AuthenticatorTest, UnknownEmailsAreThrottledToo) {
  for (int i = 0; i < 5; ++i) (void)SignIn("x", "ghost@example.org");
  EXPECT_EQ(SignIn("x", "ghost@example.org").status().code(), absl::StatusCode::kResourceExhausted);
}

TEST_F(AuthenticatorTest, ExpiredRevokedAndForgedTokensAreRefused) {
  const auto result = SignIn("right password");
  ASSERT_TRUE(result.ok());
  clock_.Advance(absl::Hours(12));
  const auto expired = auth_.Authenticate(result->token);
  EXPECT_EQ(expired.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(expired.status().message()), HasSubstr("expired"));

  const auto fresh = SignIn("right password");
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(auth_.SignOut(*auth_.Authenticate(fresh->token)).ok());
  EXPECT_EQ(auth_.Authenticate(fresh->token).status().code(), absl::StatusCode::kUnauthenticated);

  EXPECT_EQ(auth_.Authenticate(GenerateToken()).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(auth_.Authenticate("short").status().code(), absl::StatusCode::kUnauthenticated);
}

TEST_F(AuthenticatorTest, ChangingPasswordRevokesOtherSessionsOnly) {
  const auto first = SignIn("right password");
  const auto second = SignIn("right password");
  const Principal caller = *auth_.Authenticate(second->token);
  ASSERT_TRUE(
      auth_.ChangePassword(caller, "right password", "brand new password", absl::InfiniteFuture())
          .ok());
  EXPECT_FALSE(auth_.Authenticate(first->token).ok());
  EXPECT_TRUE(auth_.Authenticate(second->token).ok());
  EXPECT_FALSE(SignIn("right password").ok());
  EXPECT_TRUE(SignIn("brand new password").ok());
}

TEST_F(AuthenticatorTest, ChangePasswordValidates) {
  const Principal caller = *auth_.Authenticate(SignIn("right password")->token);
  auto change = [&](const std::string& current, const std::string& next) {
    return auth_.ChangePassword(caller, current, next, absl::InfiniteFuture());
  };
  EXPECT_THAT(std::string(change("", "brand new password").message()),
              HasSubstr("current_password:"));
  EXPECT_THAT(std::string(change("right password", "short").message()), HasSubstr("new_password:"));
  EXPECT_THAT(std::string(change("right password", "right password").message()),
              HasSubstr("must be different"));
  EXPECT_THAT(std::string(change("wrong password", "brand new password").message()),
              HasSubstr("does not match"));
}

TEST_F(AuthenticatorTest, BusyHasherFailsWithResourceExhaustedAtTheDeadline) {
  ASSERT_TRUE(limiter_.Acquire(absl::InfiniteFuture()).ok());  // hold the only slot
  const auto result =
      auth_.SignIn("ada@example.org", "right password", absl::Now() + absl::Milliseconds(50));
  EXPECT_EQ(result.status().code(), absl::StatusCode::kResourceExhausted);
  ConcurrencyLimiter::Slot release(&limiter_);
}

}  // namespace
}  // namespace tandem::domain
