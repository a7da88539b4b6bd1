#pragma once

#include <map>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "tests/support/client.h"
#include "tests/support/server_process.h"

namespace tandem::testing {

/// A fixture whose suite shares one real tandem-server with demo data on a
/// temporary database, and gives each test a fresh client.
class DemoServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    server_ = std::make_unique<ServerProcess>(dir_->File("tandem.db"),
                                              std::vector<std::string>{"--demo-data"});
  }
  static void TearDownTestSuite() {
    server_.reset();
    dir_.reset();
  }
  static ServerProcess& server() { return *server_; }

  /// A signed-in token for a demo account, cached across the suite.
  std::string Token(const std::string& email) {
    static auto* tokens = new std::map<std::string, std::string>();
    auto& token = (*tokens)[email];
    if (token.empty()) token = client_.TokenFor(email);
    return token;
  }

  struct Person {
    int64_t id;
    std::string token;
  };
  /// A new account (created by the demo coordinator) with one role, signed
  /// in with its temporary password.
  Person NewPerson(const std::string& email, v1::Role role, int64_t organisation_id = 1) {
    v1::CreateAccountRequest request;
    request.set_email(email);
    request.set_display_name("Person " + email.substr(0, email.find('@')));
    request.set_organisation_id(organisation_id);
    request.add_roles(role);
    v1::CreateAccountResponse created;
    const grpc::Status status = client_.accounts().CreateAccount(
        Client::Context(Token(kDemoCoordinator)).get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {created.account().id(), client_.TokenFor(email, created.temporary_password())};
  }

  Client client_{server_->address()};

 private:
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<ServerProcess> server_;
};

}  // namespace tandem::testing
