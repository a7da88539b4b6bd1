#include "server/api/safeguarding_handler.h"

#include "absl/strings/str_cat.h"
#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

using domain::Principal;

std::string Method(absl::string_view name) {
  return absl::StrCat("/tandem.v1.SafeguardingService/", name);
}

void ToProto(const domain::ConcernView& view, v1::Concern* out) {
  const domain::Concern& c = view.concern;
  out->set_id(c.id);
  out->set_relationship_id(c.relationship_id);
  out->set_raised_by_account_id(c.raised_by);
  out->set_raised_by_name(c.raised_by_name);
  out->set_raised_at_unix(absl::ToUnixSeconds(c.raised_at));
  if (view.description) out->set_description(*view.description);
  out->set_escalate_at_unix(absl::ToUnixSeconds(c.escalate_at));
  out->set_escalated(view.escalated);
  if (c.acknowledged_at) out->set_acknowledged_at_unix(absl::ToUnixSeconds(*c.acknowledged_at));
  out->set_acknowledged_by_name(c.acknowledged_by_name);
  if (view.action_taken) out->set_action_taken(*view.action_taken);
  out->set_your_part(view.your_part);
  out->set_about_name(c.about_name);
}

}  // namespace

grpc::Status SafeguardingHandler::SetSupervisor(grpc::ServerContext* context,
                                                const v1::SetSupervisorRequest* request,
                                                v1::SetSupervisorResponse*) {
  return guard_.Serve(context, Method("SetSupervisor"), [&](const Principal& caller) {
    return safeguarding_.SetSupervisor(caller, request->coach_id(), request->supervisor_id());
  });
}

grpc::Status SafeguardingHandler::SetSafeguardingLead(grpc::ServerContext* context,
                                                      const v1::SetSafeguardingLeadRequest* request,
                                                      v1::SetSafeguardingLeadResponse*) {
  return guard_.Serve(context, Method("SetSafeguardingLead"), [&](const Principal& caller) {
    return safeguarding_.SetSafeguardingLead(caller, request->organisation_id(),
                                             request->account_id());
  });
}

grpc::Status SafeguardingHandler::RaiseConcern(grpc::ServerContext* context,
                                               const v1::RaiseConcernRequest* request,
                                               v1::RaiseConcernResponse* response) {
  return guard_.Serve(
      context, Method("RaiseConcern"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto view,
                         safeguarding_.Raise(caller, request->relationship_id(),
                                             request->description(), WriteKeyOf(*request)));
        ToProto(view, response->mutable_concern());
        return absl::OkStatus();
      });
}

grpc::Status SafeguardingHandler::ListConcerns(grpc::ServerContext* context,
                                               const v1::ListConcernsRequest*,
                                               v1::ListConcernsResponse* response) {
  return guard_.Serve(context, Method("ListConcerns"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto views, safeguarding_.List(caller));
                        for (const auto& view : views) ToProto(view, response->add_concerns());
                        return absl::OkStatus();
                      });
}

grpc::Status SafeguardingHandler::AcknowledgeConcern(grpc::ServerContext* context,
                                                     const v1::AcknowledgeConcernRequest* request,
                                                     v1::AcknowledgeConcernResponse* response) {
  return guard_.Serve(
      context, Method("AcknowledgeConcern"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto view,
                         safeguarding_.Acknowledge(caller, request->concern_id(),
                                                   request->action_taken(), WriteKeyOf(*request)));
        ToProto(view, response->mutable_concern());
        return absl::OkStatus();
      });
}

grpc::Status SafeguardingHandler::ListAuditTrail(grpc::ServerContext* context,
                                                 const v1::ListAuditTrailRequest* request,
                                                 v1::ListAuditTrailResponse* response) {
  return guard_.Serve(
      context, Method("ListAuditTrail"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto entries, safeguarding_.AuditTrail(caller, request->limit()));
        for (const auto& e : entries) {
          auto* out = response->add_entries();
          out->set_at_unix(absl::ToUnixSeconds(e.at));
          out->set_account_id(e.account_id);
          out->set_account_name(e.account_name);
          out->set_what(e.what);
        }
        return absl::OkStatus();
      });
}

}  // namespace tandem::api
