#include "server/api/access_policy.h"

#include <set>

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "tandem/v1/activity.pb.h"
#include "tandem/v1/directory.pb.h"
#include "tandem/v1/goals.pb.h"
#include "tandem/v1/identity.pb.h"
#include "tandem/v1/matching.pb.h"
#include "tandem/v1/notifications.pb.h"
#include "tandem/v1/relationships.pb.h"
#include "tandem/v1/safeguarding.pb.h"

namespace tandem::api {
namespace {

using domain::Role;

// Every RPC the API declares, read from the compiled descriptors.
std::set<std::string> ApiMethods() {
  std::set<std::string> methods;
  // One message of each API file; add the next file's here.
  for (const auto* file :
       {v1::Account::descriptor()->file(), v1::Profile::descriptor()->file(),
        v1::SupportRequest::descriptor()->file(), v1::Relationship::descriptor()->file(),
        v1::Concern::descriptor()->file(), v1::Goal::descriptor()->file(),
        v1::MonthlyReturn::descriptor()->file(), v1::Notification::descriptor()->file()}) {
    for (int s = 0; s < file->service_count(); ++s) {
      const auto* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        methods.insert("/" + service->full_name() + "/" + service->method(m)->name());
      }
    }
  }
  return methods;
}

domain::Principal WithRoles(std::vector<Role> roles) {
  domain::Principal principal;
  principal.account.roles = roles;
  return principal;
}

TEST(AccessPolicyTest, EveryRpcHasExactlyOneRule) {
  const std::set<std::string> api = ApiMethods();
  ASSERT_FALSE(api.empty());
  const auto policy = PolicyMethods();
  EXPECT_EQ(std::set<std::string>(policy.begin(), policy.end()), api);
  for (const auto& method : api) EXPECT_NE(FindAccessRule(method), nullptr) << method;
}

TEST(AccessPolicyTest, OnlySignInIsPublic) {
  for (const auto& method : ApiMethods()) {
    EXPECT_EQ(FindAccessRule(method)->is_public, method == "/tandem.v1.AuthService/SignIn")
        << method;
  }
}

TEST(AccessPolicyTest, UnknownMethodHasNoRule) {
  EXPECT_EQ(FindAccessRule("/tandem.v1.AuthService/Nope"), nullptr);
  EXPECT_EQ(FindAccessRule(""), nullptr);
}

TEST(AccessPolicyTest, AccountAdministrationIsForCoordinatorsOnly) {
  for (const char* method :
       {"/tandem.v1.AccountService/CreateAccount", "/tandem.v1.AccountService/ListAccounts",
        "/tandem.v1.AccountService/GetAccount", "/tandem.v1.AccountService/SetAccountRoles"}) {
    const AccessRule& rule = *FindAccessRule(method);
    EXPECT_TRUE(CheckRoles(rule, WithRoles({Role::kCoordinator})).ok()) << method;
    EXPECT_TRUE(CheckRoles(rule, WithRoles({Role::kCoachee, Role::kCoordinator})).ok());
    for (Role role : {Role::kCoachee, Role::kCoach, Role::kMentor, Role::kSupervisor}) {
      const absl::Status status = CheckRoles(rule, WithRoles({role}));
      EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << method;
      EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("coordinator"));
    }
  }
}

TEST(AccessPolicyTest, SelfServiceIsForEveryoneSignedIn) {
  for (const char* method :
       {"/tandem.v1.AuthService/GetMe", "/tandem.v1.AuthService/SignOut",
        "/tandem.v1.AuthService/ChangePassword", "/tandem.v1.AccountService/ListOrganisations"}) {
    for (Role role :
         {Role::kCoachee, Role::kCoach, Role::kMentor, Role::kSupervisor, Role::kCoordinator}) {
      EXPECT_TRUE(CheckRoles(*FindAccessRule(method), WithRoles({role})).ok()) << method;
    }
  }
}

}  // namespace
}  // namespace tandem::api
