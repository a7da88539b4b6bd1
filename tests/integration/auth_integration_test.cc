// Identity and access over real gRPC against the real tandem-server on a
// temporary SQLite file.

#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/client.h"
#include "tests/support/demo_server_test.h"
#include "tests/support/server_process.h"

namespace tandem::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class AuthIntegrationTest : public DemoServerTest {
 protected:
  grpc::Status GetMe(const std::string& token, v1::GetMeResponse* response) {
    return client_.auth().GetMe(Client::Context(token).get(), v1::GetMeRequest(), response);
  }

  // Creates an account as the demo coordinator; returns its temporary password.
  std::string Invite(const std::string& email, std::vector<v1::Role> roles,
                     int64_t organisation_id = 0, v1::Account* account = nullptr) {
    const std::string token = client_.TokenFor(kDemoCoordinator);
    v1::CreateAccountRequest request;
    request.set_email(email);
    request.set_display_name("Invited Person");
    if (organisation_id == 0) {
      v1::GetMeResponse me;
      EXPECT_TRUE(GetMe(token, &me).ok());
      organisation_id = me.account().organisation_id();
    }
    request.set_organisation_id(organisation_id);
    for (v1::Role role : roles) request.add_roles(role);
    v1::CreateAccountResponse response;
    const grpc::Status status =
        client_.accounts().CreateAccount(Client::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (account != nullptr) *account = response.account();
    return response.temporary_password();
  }
};

TEST_F(AuthIntegrationTest, HealthServiceAnswersServing) {
  EXPECT_TRUE(IsServing(client_.channel()));
}

TEST_F(AuthIntegrationTest, SignInWithRightPasswordReturnsTokenAndAccount) {
  v1::SignInResponse response;
  const grpc::Status status = client_.SignIn(kDemoCoachee, kDemoPassword, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.token().size(), 43u);  // 256 bits, base64url
  EXPECT_EQ(response.account().email(), kDemoCoachee);
  EXPECT_THAT(response.account().roles(), ::testing::ElementsAre(v1::ROLE_COACHEE));
  EXPECT_FALSE(response.organisation().name().empty());
  EXPECT_GT(response.expires_at_unix(), std::time(nullptr));

  v1::GetMeResponse me;
  ASSERT_TRUE(GetMe(response.token(), &me).ok());
  EXPECT_EQ(me.account().id(), response.account().id());
}

TEST_F(AuthIntegrationTest, SignInIsCaseInsensitiveOnEmail) {
  v1::SignInResponse response;
  EXPECT_TRUE(client_.SignIn("  CoachEE@Demo.Tandem.Example ", kDemoPassword, &response).ok());
}

TEST_F(AuthIntegrationTest, WrongPasswordAndUnknownEmailGiveTheSameAnswer) {
  v1::SignInResponse response;
  const grpc::Status wrong = client_.SignIn(kDemoCoach, "not-the-password", &response);
  const grpc::Status unknown =
      client_.SignIn("nobody@demo.tandem.example", kDemoPassword, &response);
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(wrong.error_message(), unknown.error_message());
  EXPECT_TRUE(response.token().empty());
}

TEST_F(AuthIntegrationTest, SignInValidatesItsFields) {
  v1::SignInResponse response;
  struct Case {
    std::string email, password, prefix;
  };
  for (const Case& c :
       std::vector<Case>{{"", "x", "email: is required"},
                         {"no-at-sign", "x", "email: must be an email"},
                         {"a@b@c", "x", "email: must be an email"},
                         {std::string(300, 'a') + "@x", "x", "email: must be"},
                         {"a@example.org", "", "password: is required"},
                         {"a@example.org", std::string(300, 'p'), "password: must be at most"}}) {
    const grpc::Status status = client_.SignIn(c.email, c.password, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.email;
    EXPECT_THAT(status.error_message(), StartsWith(c.prefix)) << c.email;
  }
}

TEST_F(AuthIntegrationTest, NoTokenIsUnauthenticated) {
  v1::GetMeResponse me;
  const grpc::Status status = GetMe("", &me);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("sign in"));
}

TEST_F(AuthIntegrationTest, MalformedAuthorizationHeaderIsUnauthenticated) {
  auto context = Client::Context();
  context->AddMetadata("authorization", "Basic dXNlcjpwYXNz");
  v1::GetMeResponse me;
  EXPECT_EQ(client_.auth().GetMe(context.get(), v1::GetMeRequest(), &me).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthIntegrationTest, ForgedTokenIsUnauthenticated) {
  v1::GetMeResponse me;
  // Right shape, never issued.
  EXPECT_EQ(GetMe(std::string(43, 'A'), &me).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // A real token with one character changed.
  std::string token = client_.TokenFor(kDemoCoachee);
  ASSERT_FALSE(token.empty());
  token[10] = token[10] == 'x' ? 'y' : 'x';
  EXPECT_EQ(GetMe(token, &me).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // Junk of another shape.
  EXPECT_EQ(GetMe("' OR 1=1 --", &me).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthIntegrationTest, SignedOutTokenIsRevoked) {
  const std::string token = client_.TokenFor(kDemoCoachee);
  v1::GetMeResponse me;
  ASSERT_TRUE(GetMe(token, &me).ok());
  v1::SignOutResponse out;
  ASSERT_TRUE(client_.auth().SignOut(Client::Context(token).get(), {}, &out).ok());
  EXPECT_EQ(GetMe(token, &me).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // Other sessions of the same person are untouched.
  EXPECT_TRUE(GetMe(client_.TokenFor(kDemoCoachee), &me).ok());
}

// Whatever the server keeps between calls (prepared statements on each
// connection; a session read with its account in one statement), a token
// used many times stops working on the very next call after sign-out or a
// password change, and a role change shows on the next call.
TEST_F(AuthIntegrationTest, RevocationAndRoleChangesTakeEffectOnTheNextCall) {
  v1::Account invited;
  const std::string temporary =
      Invite("warm.cache@northvale.example", {v1::ROLE_COACHEE}, 0, &invited);
  v1::SignInResponse first, second, third;
  ASSERT_TRUE(client_.SignIn("warm.cache@northvale.example", temporary, &first).ok());
  ASSERT_TRUE(client_.SignIn("warm.cache@northvale.example", temporary, &second).ok());
  ASSERT_TRUE(client_.SignIn("warm.cache@northvale.example", temporary, &third).ok());
  const auto use = [&](const std::string& token) {
    v1::GetMeResponse me;
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(GetMe(token, &me).ok());
  };
  use(first.token());
  use(second.token());
  use(third.token());

  // A role granted shows at once on a token in use.
  v1::SetAccountRolesRequest roles;
  roles.set_account_id(invited.id());
  roles.add_roles(v1::ROLE_COACHEE);
  roles.add_roles(v1::ROLE_MENTOR);
  v1::SetAccountRolesResponse set;
  ASSERT_TRUE(
      client_.accounts()
          .SetAccountRoles(Client::Context(client_.TokenFor(kDemoCoordinator)).get(), roles, &set)
          .ok());
  v1::GetMeResponse me;
  ASSERT_TRUE(GetMe(first.token(), &me).ok());
  EXPECT_THAT(me.account().roles(), ::testing::ElementsAre(v1::ROLE_COACHEE, v1::ROLE_MENTOR));

  // Signed out: that token, at once; the others still work.
  v1::SignOutResponse out;
  ASSERT_TRUE(client_.auth().SignOut(Client::Context(first.token()).get(), {}, &out).ok());
  EXPECT_EQ(GetMe(first.token(), &me).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  ASSERT_TRUE(GetMe(second.token(), &me).ok());

  // A password changed on one: every other, at once.
  v1::ChangePasswordRequest change;
  change.set_current_password(temporary);
  change.set_new_password("a much longer passphrase");
  v1::ChangePasswordResponse changed;
  ASSERT_TRUE(
      client_.auth().ChangePassword(Client::Context(second.token()).get(), change, &changed).ok());
  EXPECT_EQ(GetMe(third.token(), &me).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(GetMe(second.token(), &me).ok());
}

TEST_F(AuthIntegrationTest, RolesAreEnforced) {
  const std::string coachee = client_.TokenFor(kDemoCoachee);
  const std::string supervisor = client_.TokenFor(kDemoSupervisor);
  v1::ListAccountsResponse list;
  const grpc::Status refused =
      client_.accounts().ListAccounts(Client::Context(coachee).get(), {}, &list);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(refused.error_message(), HasSubstr("coordinator"));

  v1::CreateAccountRequest create;
  create.set_email("someone@example.org");
  create.set_display_name("Someone");
  create.set_organisation_id(1);
  create.add_roles(v1::ROLE_COACHEE);
  v1::CreateAccountResponse created;
  EXPECT_EQ(client_.accounts()
                .CreateAccount(Client::Context(supervisor).get(), create, &created)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // Anyone signed in may list organisations.
  v1::ListOrganisationsResponse organisations;
  ASSERT_TRUE(client_.accounts()
                  .ListOrganisations(Client::Context(coachee).get(), {}, &organisations)
                  .ok());
  EXPECT_EQ(organisations.organisations_size(), 5);
}

TEST_F(AuthIntegrationTest, InvitedPersonSignsInWithTemporaryPasswordThenChangesIt) {
  const std::string temporary = Invite("new.starter@northvale.example", {v1::ROLE_COACHEE});
  ASSERT_GE(temporary.size(), 10u);
  v1::SignInResponse signed_in;
  ASSERT_TRUE(client_.SignIn("new.starter@northvale.example", temporary, &signed_in).ok());
  EXPECT_TRUE(signed_in.account().password_change_required());

  v1::ChangePasswordRequest change;
  change.set_current_password(temporary);
  change.set_new_password("short");
  v1::ChangePasswordResponse changed;
  grpc::Status status =
      client_.auth().ChangePassword(Client::Context(signed_in.token()).get(), change, &changed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("new_password:"));

  change.set_new_password("a much longer passphrase");
  change.set_current_password("wrong-current-password");
  status =
      client_.auth().ChangePassword(Client::Context(signed_in.token()).get(), change, &changed);
  EXPECT_THAT(status.error_message(), StartsWith("current_password:"));

  change.set_current_password(temporary);
  status =
      client_.auth().ChangePassword(Client::Context(signed_in.token()).get(), change, &changed);
  ASSERT_TRUE(status.ok()) << status.error_message();

  v1::SignInResponse again;
  EXPECT_EQ(client_.SignIn("new.starter@northvale.example", temporary, &again).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  ASSERT_TRUE(
      client_.SignIn("new.starter@northvale.example", "a much longer passphrase", &again).ok());
  EXPECT_FALSE(again.account().password_change_required());
}

TEST_F(AuthIntegrationTest, DuplicateEmailIsAlreadyExists) {
  Invite("twice@northvale.example", {v1::ROLE_COACHEE});
  const std::string token = client_.TokenFor(kDemoCoordinator);
  v1::CreateAccountRequest request;
  request.set_email("TWICE@northvale.example");
  request.set_display_name("Twice");
  request.set_organisation_id(1);
  request.add_roles(v1::ROLE_COACHEE);
  v1::CreateAccountResponse response;
  const grpc::Status status =
      client_.accounts().CreateAccount(Client::Context(token).get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), StartsWith("email:"));
}

TEST_F(AuthIntegrationTest, CreateAccountValidatesEveryField) {
  const std::string token = client_.TokenFor(kDemoCoordinator);
  auto attempt = [&](auto edit) {
    v1::CreateAccountRequest request;
    request.set_email("valid@northvale.example");
    request.set_display_name("Valid Name");
    request.set_organisation_id(1);
    request.add_roles(v1::ROLE_COACHEE);
    edit(request);
    v1::CreateAccountResponse response;
    return client_.accounts().CreateAccount(Client::Context(token).get(), request, &response);
  };
  auto expect_invalid = [](const grpc::Status& status, const std::string& prefix) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << prefix;
    EXPECT_THAT(status.error_message(), StartsWith(prefix));
  };
  expect_invalid(attempt([](auto& r) { r.set_email("nope"); }), "email:");
  expect_invalid(attempt([](auto& r) { r.set_display_name("   "); }), "display_name:");
  expect_invalid(attempt([](auto& r) { r.set_display_name(std::string(121, 'n')); }),
                 "display_name:");
  expect_invalid(attempt([](auto& r) { r.set_display_name("bell\a"); }), "display_name:");
  expect_invalid(attempt([](auto& r) { r.set_organisation_id(0); }), "organisation_id:");
  expect_invalid(attempt([](auto& r) { r.clear_roles(); }), "roles:");
  expect_invalid(attempt([](auto& r) { r.add_roles(v1::ROLE_UNSPECIFIED); }), "roles[1]:");
  expect_invalid(attempt([](auto& r) { r.add_roles(static_cast<v1::Role>(99)); }), "roles[1]:");
}

TEST_F(AuthIntegrationTest, CoordinatorActsOnlyWithinTheirOrganisations) {
  v1::ListOrganisationsResponse organisations;
  ASSERT_TRUE(client_.accounts()
                  .ListOrganisations(Client::Context(client_.TokenFor(kDemoCoachee)).get(), {},
                                     &organisations)
                  .ok());
  const int64_t home = organisations.organisations(0).id();
  const int64_t other = organisations.organisations(1).id();
  const std::string temporary =
      Invite("local.coordinator@example.org", {v1::ROLE_COORDINATOR}, home);
  const std::string token = client_.TokenFor("local.coordinator@example.org", temporary);
  ASSERT_FALSE(token.empty());

  v1::CreateAccountRequest request;
  request.set_email("elsewhere@example.org");
  request.set_display_name("Elsewhere");
  request.set_organisation_id(other);
  request.add_roles(v1::ROLE_COACHEE);
  v1::CreateAccountResponse created;
  EXPECT_EQ(client_.accounts()
                .CreateAccount(Client::Context(token).get(), request, &created)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  v1::ListAccountsRequest list_request;
  list_request.set_page_size(200);
  v1::ListAccountsResponse list;
  ASSERT_TRUE(
      client_.accounts().ListAccounts(Client::Context(token).get(), list_request, &list).ok());
  ASSERT_GT(list.accounts_size(), 0);
  for (const auto& account : list.accounts()) EXPECT_EQ(account.organisation_id(), home);

  list_request.set_organisation_id(other);
  EXPECT_EQ(client_.accounts()
                .ListAccounts(Client::Context(token).get(), list_request, &list)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(AuthIntegrationTest, ListAccountsPagesWithoutGapsOrDuplicates) {
  const std::string token = client_.TokenFor(kDemoCoordinator);
  v1::ListAccountsRequest request;
  request.set_page_size(37);
  std::set<int64_t> seen;
  int pages = 0;
  int total = -1;
  std::string previous_name;
  do {
    v1::ListAccountsResponse response;
    ASSERT_TRUE(
        client_.accounts().ListAccounts(Client::Context(token).get(), request, &response).ok());
    total = response.total_count();
    for (const auto& account : response.accounts()) {
      EXPECT_TRUE(seen.insert(account.id()).second) << "duplicate " << account.id();
      EXPECT_LE(previous_name, account.display_name());
      previous_name = account.display_name();
    }
    request.set_page_token(response.next_page_token());
    ++pages;
  } while (!request.page_token().empty() && pages < 100);
  EXPECT_EQ(static_cast<int>(seen.size()), total);
  EXPECT_GE(total, 305);
  EXPECT_GT(pages, 5);

  request.set_page_token("not-a-real-token");
  v1::ListAccountsResponse response;
  const grpc::Status status =
      client_.accounts().ListAccounts(Client::Context(token).get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("page_token:"));

  request.clear_page_token();
  request.set_page_size(201);
  EXPECT_THAT(client_.accounts()
                  .ListAccounts(Client::Context(token).get(), request, &response)
                  .error_message(),
              StartsWith("page_size:"));
}

TEST_F(AuthIntegrationTest, ListAccountsFiltersByRoleAndText) {
  const std::string token = client_.TokenFor(kDemoCoordinator);
  v1::ListAccountsRequest request;
  request.set_role(v1::ROLE_SUPERVISOR);
  v1::ListAccountsResponse response;
  ASSERT_TRUE(
      client_.accounts().ListAccounts(Client::Context(token).get(), request, &response).ok());
  ASSERT_EQ(response.total_count(), 1);
  EXPECT_EQ(response.accounts(0).email(), kDemoSupervisor);

  request.set_role(v1::ROLE_UNSPECIFIED);
  request.set_query("grace mw");
  ASSERT_TRUE(
      client_.accounts().ListAccounts(Client::Context(token).get(), request, &response).ok());
  ASSERT_EQ(response.total_count(), 1);
  EXPECT_EQ(response.accounts(0).email(), kDemoCoach);

  request.set_query("100%_");  // wildcards are literal
  ASSERT_TRUE(
      client_.accounts().ListAccounts(Client::Context(token).get(), request, &response).ok());
  EXPECT_EQ(response.total_count(), 0);
}

TEST_F(AuthIntegrationTest, CoordinatorGrantsRolesButCannotDropTheirOwn) {
  v1::Account invited;
  Invite("future.coach@northvale.example", {v1::ROLE_COACHEE}, 0, &invited);
  const std::string token = client_.TokenFor(kDemoCoordinator);
  v1::SetAccountRolesRequest request;
  request.set_account_id(invited.id());
  request.add_roles(v1::ROLE_COACH);
  request.add_roles(v1::ROLE_COACHEE);
  v1::SetAccountRolesResponse response;
  ASSERT_TRUE(
      client_.accounts().SetAccountRoles(Client::Context(token).get(), request, &response).ok());
  EXPECT_THAT(response.account().roles(), ::testing::ElementsAre(v1::ROLE_COACHEE, v1::ROLE_COACH));

  v1::GetMeResponse me;
  ASSERT_TRUE(GetMe(token, &me).ok());
  request.set_account_id(me.account().id());
  request.clear_roles();
  request.add_roles(v1::ROLE_COACHEE);
  EXPECT_EQ(client_.accounts()
                .SetAccountRoles(Client::Context(token).get(), request, &response)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  request.set_account_id(999999);
  EXPECT_EQ(client_.accounts()
                .SetAccountRoles(Client::Context(token).get(), request, &response)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(AuthIntegrationTest, RepeatedFailedSignInsAreThrottled) {
  const std::string temporary = Invite("throttled@northvale.example", {v1::ROLE_COACHEE});
  v1::SignInResponse response;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(client_.SignIn("throttled@northvale.example", "wrong-guess", &response).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
  }
  // Locked now, even with the right password.
  const grpc::Status locked = client_.SignIn("throttled@northvale.example", temporary, &response);
  EXPECT_EQ(locked.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(locked.error_message(), HasSubstr("Try again in"));
  // Other accounts are unaffected.
  EXPECT_FALSE(client_.TokenFor(kDemoCoachee).empty());
}

TEST_F(AuthIntegrationTest, JunkRequestBytesGetAnErrorAndTheServerKeepsServing) {
  for (const std::string method :
       {"/tandem.v1.AuthService/SignIn", "/tandem.v1.AccountService/CreateAccount"}) {
    const grpc::Status status =
        RawUnaryCall(client_.channel(), method, std::string("\xff\xff\xff\xff\x0f\x01", 6),
                     client_.TokenFor(kDemoCoordinator));
    EXPECT_FALSE(status.ok()) << method;
  }
  EXPECT_EQ(RawUnaryCall(client_.channel(), "/tandem.v1.Nope/Nothing", "").error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_TRUE(IsServing(client_.channel()));
}

TEST_F(AuthIntegrationTest, OversizedRequestIsRefused) {
  v1::SignInResponse response;
  const grpc::Status status =
      client_.SignIn("a@example.org", std::string(200 * 1024, 'p'), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(IsServing(client_.channel()));
}

TEST_F(AuthIntegrationTest, LogsOneLinePerCallWithoutContent) {
  const std::string token = client_.TokenFor(kDemoCoachee);
  v1::GetMeResponse me;
  ASSERT_TRUE(GetMe(token, &me).ok());
  v1::SignInResponse response;
  client_.SignIn(kDemoCoachee, "secret-wrong-password-xyz", &response);
  const std::string log = server().Log();
  EXPECT_THAT(log, HasSubstr("rpc method=/tandem.v1.AuthService/GetMe code=OK latency_ms="));
  EXPECT_THAT(log, HasSubstr("user=" + std::to_string(me.account().id())));
  EXPECT_THAT(log, HasSubstr("rpc method=/tandem.v1.AuthService/SignIn code=UNAUTHENTICATED"));
  EXPECT_THAT(log, ::testing::Not(HasSubstr("secret-wrong-password-xyz")));
  EXPECT_THAT(log, ::testing::Not(HasSubstr(token)));
  EXPECT_THAT(log, ::testing::Not(HasSubstr(kDemoCoachee + std::string(" "))));
}

// A server with a short session lifetime, for expiry.
TEST(AuthExpiryTest, ExpiredTokenIsUnauthenticated) {
  TempDir dir;
  ServerProcess server(dir.File("tandem.db"), {"--demo-data", "--session-ttl=2s"});
  Client client(server.address());
  const std::string token = client.TokenFor(kDemoCoachee);
  v1::GetMeResponse me;
  ASSERT_TRUE(client.auth().GetMe(Client::Context(token).get(), {}, &me).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  const grpc::Status status = client.auth().GetMe(Client::Context(token).get(), {}, &me);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("expired"));
}

// A flood of calls against a server allowed few threads: every call ends
// with OK or a load-shedding code, and the server keeps serving.
TEST(AuthFloodTest, FloodDegradesToResourceExhaustedNeverACrash) {
  TempDir dir;
  ServerProcess server(dir.File("tandem.db"), {"--demo-data", "--max-threads=4"});
  Client client(server.address());
  const std::string token = client.TokenFor(kDemoCoachee);
  ASSERT_FALSE(token.empty());
  std::atomic<int> ok{0}, shed{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      Client own(server.address());
      for (int i = 0; i < 20; ++i) {
        grpc::Status status;
        if ((i + t) % 4 == 0) {
          v1::SignInResponse response;
          status = own.SignIn(kDemoCoachee, kDemoPassword, &response);
        } else {
          v1::GetMeResponse me;
          status = own.auth().GetMe(Client::Context(token).get(), {}, &me);
        }
        if (status.ok()) {
          ++ok;
        } else if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED ||
                   status.error_code() == grpc::StatusCode::UNAVAILABLE) {
          ++shed;
        } else {
          ++other;
          ADD_FAILURE() << status.error_code() << " " << status.error_message();
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::printf("flood: %d ok, %d shed\n", ok.load(), shed.load());
  EXPECT_GT(ok.load(), 0);
  EXPECT_EQ(other.load(), 0);
  EXPECT_TRUE(IsServing(client.channel()));
  v1::GetMeResponse me;
  EXPECT_TRUE(client.auth().GetMe(Client::Context(token).get(), {}, &me).ok());
}

TEST(AuthShutdownTest, SigtermFinishesCleanly) {
  TempDir dir;
  ServerProcess server(dir.File("tandem.db"), {"--demo-data"});
  Client client(server.address());
  // Start a slow call (argon2id sign-in) and stop the server while it runs:
  // the call still completes.
  std::thread slow([&] {
    v1::SignInResponse response;
    EXPECT_TRUE(client.SignIn(kDemoCoachee, kDemoPassword, &response).ok());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const int status = server.Stop(SIGTERM);
  slow.join();
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_THAT(server.Log(), HasSubstr("stopped"));
}

TEST(ServerTlsTest, ServesTlsWithGivenCertificate) {
  TempDir dir;
  const std::string cert = dir.File("cert.pem");
  const std::string key = dir.File("key.pem");
  const std::string make_cert =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext "
      "subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " +
      key + " -out " + cert + " 2>/dev/null";
  ASSERT_EQ(std::system(make_cert.c_str()), 0);
  ServerProcess server(dir.File("tandem.db"),
                       {"--demo-data", "--tls-cert", cert, "--tls-key", key});
  std::ifstream in(cert);
  std::stringstream pem;
  pem << in.rdbuf();
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = pem.str();
  auto channel = grpc::CreateChannel(server.address(), grpc::SslCredentials(options));
  auto stub = v1::AuthService::NewStub(channel);
  v1::SignInRequest request;
  request.set_email(kDemoCoachee);
  request.set_password(kDemoPassword);
  v1::SignInResponse response;
  const grpc::Status status = stub->SignIn(Client::Context().get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(response.token().empty());
  // A plaintext client cannot talk to the TLS port.
  Client plaintext(server.address());
  EXPECT_FALSE(plaintext.SignIn(kDemoCoachee, kDemoPassword, &response).ok());
}

TEST(ServerFlagsTest, BootstrapsTheFirstCoordinatorOnAnEmptyStoreOnly) {
  TempDir dir;
  std::string password;
  {
    ServerProcess server(dir.File("tandem.db"),
                         {"--bootstrap-organisation", "Westfield Trust", "--bootstrap-coordinator",
                          "First.Coordinator@Westfield.example"});
    const std::string log = server.Log();
    const std::string marker = "with temporary password ";
    const auto at = log.find(marker);
    ASSERT_NE(at, std::string::npos) << log;
    password = log.substr(at + marker.size(), 14);
    Client client(server.address());
    v1::SignInResponse signed_in;
    ASSERT_TRUE(client.SignIn("first.coordinator@westfield.example", password, &signed_in).ok());
    EXPECT_TRUE(signed_in.account().password_change_required());
    EXPECT_THAT(signed_in.account().roles(), ::testing::ElementsAre(v1::ROLE_COORDINATOR));
    EXPECT_EQ(signed_in.organisation().name(), "Westfield Trust");
  }
  // A second start on the same file creates nothing.
  ServerProcess again(
      dir.File("tandem.db"),
      {"--bootstrap-organisation", "Other", "--bootstrap-coordinator", "second@westfield.example"});
  EXPECT_THAT(again.Log(), HasSubstr("nothing created"));
}

TEST(ServerFlagsTest, RefusesPlaintextOnNonLoopbackAddress) {
  const std::string command =
      ServerBinary() + " --listen 0.0.0.0:0 --db /nonexistent/never.db 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[512];
  while (fgets(buffer, sizeof(buffer), pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  EXPECT_NE(WEXITSTATUS(status), 0);
  EXPECT_THAT(output, HasSubstr("without TLS"));
}

}  // namespace
}  // namespace tandem::testing
