#pragma once

#include "server/api/call_guard.h"
#include "server/domain/figures.h"
#include "server/domain/monthly_return.h"
#include "server/domain/reach.h"
#include "tandem/v1/activity.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.ActivityService: a pool member's monthly returns.
class ActivityHandler final : public v1::ActivityService::Service {
 public:
  ActivityHandler(CallGuard& guard, domain::Returns& returns) : guard_(guard), returns_(returns) {}

  grpc::Status GetMonthlyReturn(grpc::ServerContext* context,
                                const v1::GetMonthlyReturnRequest* request,
                                v1::GetMonthlyReturnResponse* response) override;
  grpc::Status ListMonthlyReturns(grpc::ServerContext* context,
                                  const v1::ListMonthlyReturnsRequest* request,
                                  v1::ListMonthlyReturnsResponse* response) override;
  grpc::Status ConfirmMonthlyReturn(grpc::ServerContext* context,
                                    const v1::ConfirmMonthlyReturnRequest* request,
                                    v1::ConfirmMonthlyReturnResponse* response) override;
  grpc::Status AmendMonthlyReturn(grpc::ServerContext* context,
                                  const v1::AmendMonthlyReturnRequest* request,
                                  v1::AmendMonthlyReturnResponse* response) override;
  grpc::Status ExportHoursLog(grpc::ServerContext* context,
                              const v1::ExportHoursLogRequest* request,
                              v1::ExportHoursLogResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Returns& returns_;
};

/// tandem.v1.FiguresService: the programme's figures for coordinators.
class FiguresHandler final : public v1::FiguresService::Service {
 public:
  FiguresHandler(CallGuard& guard, domain::Figures& figures) : guard_(guard), figures_(figures) {}

  grpc::Status GetProgrammeFigures(grpc::ServerContext* context,
                                   const v1::GetProgrammeFiguresRequest* request,
                                   v1::GetProgrammeFiguresResponse* response) override;
  grpc::Status ListProgrammeRelationships(
      grpc::ServerContext* context, const v1::ListProgrammeRelationshipsRequest* request,
      v1::ListProgrammeRelationshipsResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Figures& figures_;
};

/// tandem.v1.ReachService: each person's declaration and each
/// organisation's head-count.
class ReachHandler final : public v1::ReachService::Service {
 public:
  ReachHandler(CallGuard& guard, domain::Reach& reach) : guard_(guard), reach_(reach) {}

  grpc::Status GetMyDeclaration(grpc::ServerContext* context,
                                const v1::GetMyDeclarationRequest* request,
                                v1::GetMyDeclarationResponse* response) override;
  grpc::Status SaveMyDeclaration(grpc::ServerContext* context,
                                 const v1::SaveMyDeclarationRequest* request,
                                 v1::SaveMyDeclarationResponse* response) override;
  grpc::Status GetOrganisationSettings(grpc::ServerContext* context,
                                       const v1::GetOrganisationSettingsRequest* request,
                                       v1::GetOrganisationSettingsResponse* response) override;
  grpc::Status SaveOrganisationSettings(grpc::ServerContext* context,
                                        const v1::SaveOrganisationSettingsRequest* request,
                                        v1::SaveOrganisationSettingsResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Reach& reach_;
};

}  // namespace tandem::api
