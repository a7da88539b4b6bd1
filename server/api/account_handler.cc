#include "server/api/account_handler.h"

#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {

using domain::Principal;

grpc::Status AccountHandler::ListOrganisations(grpc::ServerContext* context,
                                               const v1::ListOrganisationsRequest*,
                                               v1::ListOrganisationsResponse* response) {
  return guard_.Serve(context, "/tandem.v1.AccountService/ListOrganisations",
                      [&](const Principal&) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto organisations, admin_.ListOrganisations());
                        for (const auto& organisation : organisations) {
                          ToProto(organisation, response->add_organisations());
                        }
                        return absl::OkStatus();
                      });
}

grpc::Status AccountHandler::CreateAccount(grpc::ServerContext* context,
                                           const v1::CreateAccountRequest* request,
                                           v1::CreateAccountResponse* response) {
  return guard_.Serve(
      context, "/tandem.v1.AccountService/CreateAccount",
      [&](const Principal& caller) -> absl::Status {
        domain::CreateAccountInput input{.email = request->email(),
                                         .display_name = request->display_name(),
                                         .organisation_id = request->organisation_id(),
                                         .roles = {}};
        ASSIGN_OR_RETURN(input.roles, RolesFromProto(request->roles(), "roles"));
        ASSIGN_OR_RETURN(const domain::CreatedAccount created,
                         admin_.CreateAccount(caller, input, CallGuard::Deadline(context)));
        ToProto(created.account, response->mutable_account());
        response->set_temporary_password(created.temporary_password);
        return absl::OkStatus();
      });
}

grpc::Status AccountHandler::ListAccounts(grpc::ServerContext* context,
                                          const v1::ListAccountsRequest* request,
                                          v1::ListAccountsResponse* response) {
  return guard_.Serve(
      context, "/tandem.v1.AccountService/ListAccounts",
      [&](const Principal& caller) -> absl::Status {
        domain::ListAccountsInput input;
        if (request->organisation_id() < 0) {
          return absl::InvalidArgumentError("organisation_id: must not be negative");
        }
        if (request->organisation_id() > 0) input.organisation_id = request->organisation_id();
        if (request->role() != v1::ROLE_UNSPECIFIED) {
          ASSIGN_OR_RETURN(input.role, RoleFromProto(request->role(), "role"));
        }
        input.query = request->query();
        input.page_size = request->page_size();
        input.page_token = request->page_token();
        ASSIGN_OR_RETURN(const domain::ListAccountsResult result,
                         admin_.ListAccounts(caller, input));
        for (const auto& account : result.accounts) ToProto(account, response->add_accounts());
        response->set_next_page_token(result.next_page_token);
        response->set_total_count(result.total_count);
        return absl::OkStatus();
      });
}

grpc::Status AccountHandler::GetAccount(grpc::ServerContext* context,
                                        const v1::GetAccountRequest* request,
                                        v1::GetAccountResponse* response) {
  return guard_.Serve(context, "/tandem.v1.AccountService/GetAccount",
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const domain::Account account,
                                         admin_.GetAccount(caller, request->account_id()));
                        ToProto(account, response->mutable_account());
                        return absl::OkStatus();
                      });
}

grpc::Status AccountHandler::SetAccountRoles(grpc::ServerContext* context,
                                             const v1::SetAccountRolesRequest* request,
                                             v1::SetAccountRolesResponse* response) {
  return guard_.Serve(context, "/tandem.v1.AccountService/SetAccountRoles",
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(auto roles, RolesFromProto(request->roles(), "roles"));
                        ASSIGN_OR_RETURN(const domain::Account account,
                                         admin_.SetRoles(caller, request->account_id(), roles));
                        ToProto(account, response->mutable_account());
                        return absl::OkStatus();
                      });
}

}  // namespace tandem::api
