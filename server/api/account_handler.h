#pragma once

#include "server/api/call_guard.h"
#include "server/domain/account_admin.h"
#include "tandem/v1/identity.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.AccountService: organisations and coordinators' account admin.
class AccountHandler final : public v1::AccountService::Service {
 public:
  AccountHandler(CallGuard& guard, domain::AccountAdmin& admin) : guard_(guard), admin_(admin) {}

  grpc::Status ListOrganisations(grpc::ServerContext* context,
                                 const v1::ListOrganisationsRequest* request,
                                 v1::ListOrganisationsResponse* response) override;
  grpc::Status CreateAccount(grpc::ServerContext* context, const v1::CreateAccountRequest* request,
                             v1::CreateAccountResponse* response) override;
  grpc::Status ListAccounts(grpc::ServerContext* context, const v1::ListAccountsRequest* request,
                            v1::ListAccountsResponse* response) override;
  grpc::Status GetAccount(grpc::ServerContext* context, const v1::GetAccountRequest* request,
                          v1::GetAccountResponse* response) override;
  grpc::Status SetAccountRoles(grpc::ServerContext* context,
                               const v1::SetAccountRolesRequest* request,
                               v1::SetAccountRolesResponse* response) override;

 private:
  CallGuard& guard_;
  domain::AccountAdmin& admin_;
};

}  // namespace tandem::api
