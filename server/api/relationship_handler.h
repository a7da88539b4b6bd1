#pragma once

#include "server/api/call_guard.h"
#include "server/domain/relationship.h"
#include "server/domain/session.h"
#include "tandem/v1/relationships.grpc.pb.h"

namespace tandem::api {

/// tandem.v1.RelationshipService: contracting and the relationship's life.
class RelationshipHandler final : public v1::RelationshipService::Service {
 public:
  RelationshipHandler(CallGuard& guard, domain::Relationships& relationships,
                      domain::Sessions& sessions)
      : guard_(guard), relationships_(relationships), sessions_(sessions) {}

  grpc::Status ListMyRelationships(grpc::ServerContext* context,
                                   const v1::ListMyRelationshipsRequest* request,
                                   v1::ListMyRelationshipsResponse* response) override;
  grpc::Status GetRelationship(grpc::ServerContext* context,
                               const v1::GetRelationshipRequest* request,
                               v1::GetRelationshipResponse* response) override;
  grpc::Status SetContractTerms(grpc::ServerContext* context,
                                const v1::SetContractTermsRequest* request,
                                v1::SetContractTermsResponse* response) override;
  grpc::Status AgreeContract(grpc::ServerContext* context, const v1::AgreeContractRequest* request,
                             v1::AgreeContractResponse* response) override;
  grpc::Status ReviewContract(grpc::ServerContext* context,
                              const v1::ReviewContractRequest* request,
                              v1::ReviewContractResponse* response) override;
  grpc::Status CompleteRelationship(grpc::ServerContext* context,
                                    const v1::CompleteRelationshipRequest* request,
                                    v1::CompleteRelationshipResponse* response) override;
  grpc::Status EndRelationship(grpc::ServerContext* context,
                               const v1::EndRelationshipRequest* request,
                               v1::EndRelationshipResponse* response) override;
  grpc::Status ProposeSession(grpc::ServerContext* context,
                              const v1::ProposeSessionRequest* request,
                              v1::ProposeSessionResponse* response) override;
  grpc::Status AcceptSession(grpc::ServerContext* context, const v1::AcceptSessionRequest* request,
                             v1::AcceptSessionResponse* response) override;
  grpc::Status CancelSession(grpc::ServerContext* context, const v1::CancelSessionRequest* request,
                             v1::CancelSessionResponse* response) override;
  grpc::Status RescheduleSession(grpc::ServerContext* context,
                                 const v1::RescheduleSessionRequest* request,
                                 v1::RescheduleSessionResponse* response) override;
  grpc::Status ExportSessionCalendar(grpc::ServerContext* context,
                                     const v1::ExportSessionCalendarRequest* request,
                                     v1::ExportSessionCalendarResponse* response) override;
  grpc::Status RecordSession(grpc::ServerContext* context, const v1::RecordSessionRequest* request,
                             v1::RecordSessionResponse* response) override;
  grpc::Status ListSessions(grpc::ServerContext* context, const v1::ListSessionsRequest* request,
                            v1::ListSessionsResponse* response) override;

 private:
  CallGuard& guard_;
  domain::Relationships& relationships_;
  domain::Sessions& sessions_;
};

}  // namespace tandem::api
