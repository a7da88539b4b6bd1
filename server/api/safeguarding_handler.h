#pragma once

#include "server/api/call_guard.h"
#include "server/domain/safeguarding.h"
#include "tandem/v1/safeguarding.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.SafeguardingService: concerns and the audit trail.
class SafeguardingHandler final : public v1::SafeguardingService::Service {
 public:
  SafeguardingHandler(CallGuard& guard, domain::Safeguarding& safeguarding)
      : guard_(guard), safeguarding_(safeguarding) {}

  grpc::Status SetSupervisor(grpc::ServerContext* context, const v1::SetSupervisorRequest* request,
                             v1::SetSupervisorResponse* response) override;
  grpc::Status SetSafeguardingLead(grpc::ServerContext* context,
                                   const v1::SetSafeguardingLeadRequest* request,
                                   v1::SetSafeguardingLeadResponse* response) override;
  grpc::Status RaiseConcern(grpc::ServerContext* context, const v1::RaiseConcernRequest* request,
                            v1::RaiseConcernResponse* response) override;
  grpc::Status ListConcerns(grpc::ServerContext* context, const v1::ListConcernsRequest* request,
                            v1::ListConcernsResponse* response) override;
  grpc::Status AcknowledgeConcern(grpc::ServerContext* context,
                                  const v1::AcknowledgeConcernRequest* request,
                                  v1::AcknowledgeConcernResponse* response) override;
  grpc::Status ListAuditTrail(grpc::ServerContext* context,
                              const v1::ListAuditTrailRequest* request,
                              v1::ListAuditTrailResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Safeguarding& safeguarding_;
};

}  // namespace tandem::api
