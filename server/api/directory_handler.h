#pragma once

#include "server/api/call_guard.h"
#include "server/domain/directory.h"
#include "tandem/v1/directory.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.DirectoryService: profiles, the pool's life cycle, search.
class DirectoryHandler final : public v1::DirectoryService::Service {
 public:
  DirectoryHandler(CallGuard& guard, domain::Directory& directory)
      : guard_(guard), directory_(directory) {}

  grpc::Status ListSpecialisms(grpc::ServerContext* context,
                               const v1::ListSpecialismsRequest* request,
                               v1::ListSpecialismsResponse* response) override;
  grpc::Status CreateSpecialism(grpc::ServerContext* context,
                                const v1::CreateSpecialismRequest* request,
                                v1::CreateSpecialismResponse* response) override;
  grpc::Status SearchProfiles(grpc::ServerContext* context,
                              const v1::SearchProfilesRequest* request,
                              v1::SearchProfilesResponse* response) override;
  grpc::Status GetProfile(grpc::ServerContext* context, const v1::GetProfileRequest* request,
                          v1::GetProfileResponse* response) override;
  grpc::Status GetMyProfile(grpc::ServerContext* context, const v1::GetMyProfileRequest* request,
                            v1::GetMyProfileResponse* response) override;
  grpc::Status SaveMyProfile(grpc::ServerContext* context, const v1::SaveMyProfileRequest* request,
                             v1::SaveMyProfileResponse* response) override;
  grpc::Status AddMyQualification(grpc::ServerContext* context,
                                  const v1::AddMyQualificationRequest* request,
                                  v1::AddMyQualificationResponse* response) override;
  grpc::Status DeleteMyQualification(grpc::ServerContext* context,
                                     const v1::DeleteMyQualificationRequest* request,
                                     v1::DeleteMyQualificationResponse* response) override;
  grpc::Status ListPool(grpc::ServerContext* context, const v1::ListPoolRequest* request,
                        v1::ListPoolResponse* response) override;
  grpc::Status ReviewApplication(grpc::ServerContext* context,
                                 const v1::ReviewApplicationRequest* request,
                                 v1::ReviewApplicationResponse* response) override;
  grpc::Status SetPoolStatus(grpc::ServerContext* context, const v1::SetPoolStatusRequest* request,
                             v1::SetPoolStatusResponse* response) override;
  grpc::Status VerifyQualification(grpc::ServerContext* context,
                                   const v1::VerifyQualificationRequest* request,
                                   v1::VerifyQualificationResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Directory& directory_;
};

}  // namespace tandem::api
