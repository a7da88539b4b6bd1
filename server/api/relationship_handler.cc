#include "server/api/relationship_handler.h"

#include "absl/strings/str_cat.h"
#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

using domain::Principal;

std::string Method(absl::string_view name) {
  return absl::StrCat("/tandem.v1.RelationshipService/", name);
}

template <typename Response>
absl::Status Fill(const Principal& caller, const absl::StatusOr<domain::Relationship>& found,
                  Response* response) {
  RETURN_IF_ERROR(found.status());
  ToProto(*found, caller, response->mutable_relationship());
  return absl::OkStatus();
}

absl::StatusOr<domain::ContractTerms> TermsFromProto(const v1::ContractTerms& in) {
  domain::ContractTerms terms;
  terms.number_of_sessions = in.number_of_sessions();
  terms.session_minutes = in.session_minutes();
  ASSIGN_OR_RETURN(terms.regularity,
                   EnumFromProto<domain::SessionRegularity>(
                       in.regularity(), v1::SessionRegularity_IsValid, "regularity"));
  ASSIGN_OR_RETURN(terms.review_cadence,
                   EnumFromProto<domain::ReviewCadence>(
                       in.review_cadence(), v1::ReviewCadence_IsValid, "review_cadence"));
  if (!in.planned_end_on().empty()) {
    terms.planned_end_on = domain::ParseDay(in.planned_end_on());
    if (!terms.planned_end_on) {
      return absl::InvalidArgumentError("planned_end_on: must be a date like 2027-03-31");
    }
  }
  return terms;
}

}  // namespace

grpc::Status RelationshipHandler::ListMyRelationships(grpc::ServerContext* context,
                                                      const v1::ListMyRelationshipsRequest*,
                                                      v1::ListMyRelationshipsResponse* response) {
  return guard_.Serve(context, Method("ListMyRelationships"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto mine, relationships_.ListMine(caller));
                        for (const auto& r : mine)
                          ToProto(r, caller, response->add_relationships());
                        return absl::OkStatus();
                      });
}

grpc::Status RelationshipHandler::GetRelationship(grpc::ServerContext* context,
                                                  const v1::GetRelationshipRequest* request,
                                                  v1::GetRelationshipResponse* response) {
  return guard_.Serve(context, Method("GetRelationship"), [&](const Principal& caller) {
    return Fill(caller, relationships_.Get(caller, request->relationship_id()), response);
  });
}

grpc::Status RelationshipHandler::SetContractTerms(grpc::ServerContext* context,
                                                   const v1::SetContractTermsRequest* request,
                                                   v1::SetContractTermsResponse* response) {
  return guard_.Serve(
      context, Method("SetContractTerms"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const domain::ContractTerms terms, TermsFromProto(request->terms()));
        return Fill(caller,
                    relationships_.SetTerms(caller, request->relationship_id(), terms,
                                            WriteKeyOf(*request)),
                    response);
      });
}

grpc::Status RelationshipHandler::AgreeContract(grpc::ServerContext* context,
                                                const v1::AgreeContractRequest* request,
                                                v1::AgreeContractResponse* response) {
  return guard_.Serve(
      context, Method("AgreeContract"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto told, EnumFromProto<domain::LineManagerTold>(
                                              request->line_manager_told(),
                                              v1::LineManagerTold_IsValid, "line_manager_told"));
        return Fill(caller,
                    relationships_.Agree(
                        caller, request->relationship_id(), request->confidentiality_acknowledged(),
                        request->ethics_acknowledged(), told, WriteKeyOf(*request)),
                    response);
      });
}

grpc::Status RelationshipHandler::ReviewContract(grpc::ServerContext* context,
                                                 const v1::ReviewContractRequest* request,
                                                 v1::ReviewContractResponse* response) {
  return guard_.Serve(context, Method("ReviewContract"), [&](const Principal& caller) {
    return Fill(
        caller,
        relationships_.Review(caller, request->relationship_id(), request->number_of_sessions(),
                              request->planned_end_on(), request->reason(), WriteKeyOf(*request)),
        response);
  });
}

grpc::Status RelationshipHandler::CompleteRelationship(
    grpc::ServerContext* context, const v1::CompleteRelationshipRequest* request,
    v1::CompleteRelationshipResponse* response) {
  return guard_.Serve(context, Method("CompleteRelationship"), [&](const Principal& caller) {
    return Fill(caller,
                relationships_.Complete(caller, request->relationship_id(), WriteKeyOf(*request)),
                response);
  });
}

grpc::Status RelationshipHandler::EndRelationship(grpc::ServerContext* context,
                                                  const v1::EndRelationshipRequest* request,
                                                  v1::EndRelationshipResponse* response) {
  return guard_.Serve(context, Method("EndRelationship"), [&](const Principal& caller) {
    return Fill(caller,
                relationships_.End(caller, request->relationship_id(), request->reason(),
                                   WriteKeyOf(*request)),
                response);
  });
}

namespace {

template <typename Response>
absl::Status FillSession(const absl::StatusOr<domain::SessionView>& view, Response* response) {
  RETURN_IF_ERROR(view.status());
  ToProto(*view, response->mutable_session());
  return absl::OkStatus();
}

}  // namespace

grpc::Status RelationshipHandler::ProposeSession(grpc::ServerContext* context,
                                                 const v1::ProposeSessionRequest* request,
                                                 v1::ProposeSessionResponse* response) {
  return guard_.Serve(
      context, Method("ProposeSession"), [&](const Principal& caller) -> absl::Status {
        domain::ProposeInput in;
        in.relationship_id = request->relationship_id();
        in.starts_at = absl::FromUnixSeconds(request->starts_at_unix());
        in.planned_minutes = request->planned_minutes();
        ASSIGN_OR_RETURN(in.mode, OptionalEnumFromProto<domain::DeliveryMode>(
                                      request->mode(), v1::DeliveryMode_IsValid, "mode"));
        in.place = request->place();
        return FillSession(sessions_.Propose(caller, in, WriteKeyOf(*request)), response);
      });
}

grpc::Status RelationshipHandler::AcceptSession(grpc::ServerContext* context,
                                                const v1::AcceptSessionRequest* request,
                                                v1::AcceptSessionResponse* response) {
  return guard_.Serve(context, Method("AcceptSession"), [&](const Principal& caller) {
    return FillSession(sessions_.Accept(caller, request->session_id(), WriteKeyOf(*request)),
                       response);
  });
}

grpc::Status RelationshipHandler::CancelSession(grpc::ServerContext* context,
                                                const v1::CancelSessionRequest* request,
                                                v1::CancelSessionResponse* response) {
  return guard_.Serve(context, Method("CancelSession"), [&](const Principal& caller) {
    return FillSession(
        sessions_.Cancel(caller, request->session_id(), request->reason(), WriteKeyOf(*request)),
        response);
  });
}

grpc::Status RelationshipHandler::RecordSession(grpc::ServerContext* context,
                                                const v1::RecordSessionRequest* request,
                                                v1::RecordSessionResponse* response) {
  return guard_.Serve(
      context, Method("RecordSession"), [&](const Principal& caller) -> absl::Status {
        domain::RecordInput in;
        in.relationship_id = request->relationship_id();
        in.session_id = request->session_id();
        in.held = request->held();
        ASSIGN_OR_RETURN(in.cancelled_by,
                         EnumFromProto<domain::CancelledBy>(
                             request->cancelled_by(), v1::CancelledBy_IsValid, "cancelled_by"));
        in.cancel_reason = request->cancel_reason();
        in.started_at = absl::FromUnixSeconds(request->started_at_unix());
        in.actual_minutes = request->actual_minutes();
        ASSIGN_OR_RETURN(in.mode, OptionalEnumFromProto<domain::DeliveryMode>(
                                      request->mode(), v1::DeliveryMode_IsValid, "mode"));
        in.themes.assign(request->themes().begin(), request->themes().end());
        in.agreed_actions = request->agreed_actions();
        in.private_notes = request->private_notes();
        ASSIGN_OR_RETURN(const auto recorded, sessions_.Record(caller, in, WriteKeyOf(*request)));
        ToProto(recorded.first, response->mutable_session());
        response->set_replayed(recorded.second);
        return absl::OkStatus();
      });
}

grpc::Status RelationshipHandler::ListSessions(grpc::ServerContext* context,
                                               const v1::ListSessionsRequest* request,
                                               v1::ListSessionsResponse* response) {
  return guard_.Serve(
      context, Method("ListSessions"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto views, sessions_.List(caller, request->relationship_id()));
        for (const auto& view : views) ToProto(view, response->add_sessions());
        return absl::OkStatus();
      });
}

grpc::Status RelationshipHandler::RescheduleSession(grpc::ServerContext* context,
                                                    const v1::RescheduleSessionRequest* request,
                                                    v1::RescheduleSessionResponse* response) {
  return guard_.Serve(context, Method("RescheduleSession"), [&](const Principal& caller) {
    return FillSession(sessions_.Reschedule(caller, request->session_id(),
                                            absl::FromUnixSeconds(request->starts_at_unix()),
                                            request->reason(), WriteKeyOf(*request)),
                       response);
  });
}

grpc::Status RelationshipHandler::ExportSessionCalendar(
    grpc::ServerContext* context, const v1::ExportSessionCalendarRequest* request,
    v1::ExportSessionCalendarResponse* response) {
  return guard_.Serve(
      context, Method("ExportSessionCalendar"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto file, sessions_.ExportCalendar(caller, request->session_id()));
        response->set_ics(file.first);
        response->set_file_name(file.second);
        return absl::OkStatus();
      });
}

}  // namespace tandem::api
