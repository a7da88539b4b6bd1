#include "server/api/auth_handler.h"

#include "absl/time/time.h"
#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {

grpc::Status AuthHandler::SignIn(grpc::ServerContext* context, const v1::SignInRequest* request,
                                 v1::SignInResponse* response) {
  return guard_.ServePublic(context, "/tandem.v1.AuthService/SignIn", [&]() -> absl::Status {
    ASSIGN_OR_RETURN(
        const domain::SignInResult result,
        authenticator_.SignIn(request->email(), request->password(), CallGuard::Deadline(context)));
    response->set_token(result.token);
    response->set_expires_at_unix(absl::ToUnixSeconds(result.expires_at));
    ToProto(result.account, response->mutable_account());
    ToProto(result.organisation, response->mutable_organisation());
    return absl::OkStatus();
  });
}

grpc::Status AuthHandler::SignOut(grpc::ServerContext* context, const v1::SignOutRequest*,
                                  v1::SignOutResponse*) {
  return guard_.Serve(
      context, "/tandem.v1.AuthService/SignOut",
      [&](const domain::Principal& caller) { return authenticator_.SignOut(caller); });
}

grpc::Status AuthHandler::GetMe(grpc::ServerContext* context, const v1::GetMeRequest*,
                                v1::GetMeResponse* response) {
  return guard_.Serve(context, "/tandem.v1.AuthService/GetMe",
                      [&](const domain::Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const domain::Organisation organisation,
                                         organisations_.Get(caller.account.organisation_id));
                        ToProto(caller.account, response->mutable_account());
                        ToProto(organisation, response->mutable_organisation());
                        return absl::OkStatus();
                      });
}

grpc::Status AuthHandler::ChangePassword(grpc::ServerContext* context,
                                         const v1::ChangePasswordRequest* request,
                                         v1::ChangePasswordResponse*) {
  return guard_.Serve(
      context, "/tandem.v1.AuthService/ChangePassword", [&](const domain::Principal& caller) {
        return authenticator_.ChangePassword(caller, request->current_password(),
                                             request->new_password(), CallGuard::Deadline(context));
      });
}

}  // namespace tandem::api
