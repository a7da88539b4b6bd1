#pragma once

#include "server/api/call_guard.h"
#include "server/domain/authenticator.h"
#include "server/domain/repositories.h"
#include "tandem/v1/identity.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.AuthService: sign-in, sign-out, the caller's own account.
class AuthHandler final : public v1::AuthService::Service {
 public:
  AuthHandler(CallGuard& guard, domain::Authenticator& authenticator,
              domain::OrganisationRepository& organisations)
      : guard_(guard), authenticator_(authenticator), organisations_(organisations) {}

  grpc::Status SignIn(grpc::ServerContext* context, const v1::SignInRequest* request,
                      v1::SignInResponse* response) override;
  grpc::Status SignOut(grpc::ServerContext* context, const v1::SignOutRequest* request,
                       v1::SignOutResponse* response) override;
  grpc::Status GetMe(grpc::ServerContext* context, const v1::GetMeRequest* request,
                     v1::GetMeResponse* response) override;
  grpc::Status ChangePassword(grpc::ServerContext* context,
                              const v1::ChangePasswordRequest* request,
                              v1::ChangePasswordResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Authenticator& authenticator_;
  domain::OrganisationRepository& organisations_;
};

}  // namespace tandem::api
