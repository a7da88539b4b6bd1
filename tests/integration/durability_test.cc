// An acknowledged write survives SIGKILL of the server.

#include <signal.h>

#include "gtest/gtest.h"
#include "tests/support/client.h"
#include "tests/support/server_process.h"

namespace tandem::testing {
namespace {

TEST(DurabilityTest, AccountSurvivesSigkillAndRestart) {
  TempDir dir;
  const std::string db = dir.File("tandem.db");
  std::string temporary;
  int64_t account_id = 0;
  {
    ServerProcess server(db, {"--demo-data"});
    Client client(server.address());
    const std::string token = client.TokenFor(kDemoCoordinator);
    v1::CreateAccountRequest request;
    request.set_email("survivor@northvale.example");
    request.set_display_name("Sam Survivor");
    request.set_organisation_id(1);
    request.add_roles(v1::ROLE_COACHEE);
    v1::CreateAccountResponse response;
    const grpc::Status status =
        client.accounts().CreateAccount(Client::Context(token).get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    temporary = response.temporary_password();
    account_id = response.account().id();
    // Killed right after the acknowledgement: no chance to flush or close.
    server.Stop(SIGKILL);
  }
  ServerProcess restarted(db, {"--demo-data"});
  Client client(restarted.address());
  v1::SignInResponse signed_in;
  const grpc::Status status = client.SignIn("survivor@northvale.example", temporary, &signed_in);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(signed_in.account().id(), account_id);
  EXPECT_EQ(signed_in.account().display_name(), "Sam Survivor");
  // The demo data was not seeded twice.
  v1::ListAccountsRequest list;
  list.set_role(v1::ROLE_SUPERVISOR);
  v1::ListAccountsResponse accounts;
  ASSERT_TRUE(
      client.accounts()
          .ListAccounts(Client::Context(client.TokenFor(kDemoCoordinator)).get(), list, &accounts)
          .ok());
  EXPECT_EQ(accounts.total_count(), 1);
}

TEST(DurabilityTest, AcceptedRequestSurvivesSigkillAndRestart) {
  TempDir dir;
  const std::string db = dir.File("tandem.db");
  int64_t request_id = 0;
  {
    ServerProcess server(db, {"--demo-data"});
    Client client(server.address());
    // The demo coach has requests waiting in their inbox.
    const std::string coach = client.TokenFor(kDemoCoach);
    v1::ListInboxResponse inbox;
    ASSERT_TRUE(client.matching().ListInbox(Client::Context(coach).get(), {}, &inbox).ok());
    ASSERT_GT(inbox.requests_size(), 0);
    request_id = inbox.requests(0).id();
    v1::AnswerRequestRequest accept;
    accept.set_request_id(request_id);
    accept.set_accept(true);
    v1::AnswerRequestResponse answered;
    const grpc::Status status =
        client.matching().AnswerRequest(Client::Context(coach).get(), accept, &answered);
    ASSERT_TRUE(status.ok()) << status.error_message();
    server.Stop(SIGKILL);
  }
  ServerProcess restarted(db, {"--demo-data"});
  Client client(restarted.address());
  v1::ListInboxResponse inbox;
  ASSERT_TRUE(client.matching()
                  .ListInbox(Client::Context(client.TokenFor(kDemoCoach)).get(), {}, &inbox)
                  .ok());
  for (const auto& r : inbox.requests()) EXPECT_NE(r.id(), request_id);
  v1::GetMyProfileResponse mine;
  ASSERT_TRUE(client.directory()
                  .GetMyProfile(Client::Context(client.TokenFor(kDemoCoach)).get(), {}, &mine)
                  .ok());
  EXPECT_EQ(mine.profile().current_load(), 1);
}

}  // namespace
}  // namespace tandem::testing
