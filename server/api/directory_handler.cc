#include "server/api/directory_handler.h"

#include "absl/strings/str_cat.h"
#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

using domain::Principal;
using domain::ProfileView;

template <typename Response>
absl::Status Fill(const absl::StatusOr<ProfileView>& view, Response* response) {
  RETURN_IF_ERROR(view.status());
  ToProto(*view, response->mutable_profile());
  return absl::OkStatus();
}

template <typename Response>
absl::Status FillList(const absl::StatusOr<domain::ProfileList>& list, Response* response) {
  RETURN_IF_ERROR(list.status());
  for (const auto& view : list->profiles) ToProto(view, response->add_profiles());
  response->set_next_page_token(list->next_page_token);
  response->set_total_count(list->total_count);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<domain::DeliveryMode>> DeliveryModesFromProto(
    const google::protobuf::RepeatedField<int>& modes) {
  std::vector<domain::DeliveryMode> out;
  for (int i = 0; i < modes.size(); ++i) {
    if (modes[i] == v1::DELIVERY_MODE_UNSPECIFIED || !v1::DeliveryMode_IsValid(modes[i])) {
      return absl::InvalidArgumentError(
          absl::StrCat("delivery_modes[", i, "]: is not a known delivery mode"));
    }
    out.push_back(static_cast<domain::DeliveryMode>(modes[i]));
  }
  return out;
}

}  // namespace

grpc::Status DirectoryHandler::ListSpecialisms(grpc::ServerContext* context,
                                               const v1::ListSpecialismsRequest*,
                                               v1::ListSpecialismsResponse* response) {
  return guard_.Serve(context, "/tandem.v1.DirectoryService/ListSpecialisms",
                      [&](const Principal&) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto all, directory_.ListSpecialisms());
                        for (const auto& s : all) {
                          auto* out = response->add_specialisms();
                          out->set_code(s.code);
                          out->set_label(s.label);
                        }
                        return absl::OkStatus();
                      });
}

grpc::Status DirectoryHandler::CreateSpecialism(grpc::ServerContext* context,
                                                const v1::CreateSpecialismRequest* request,
                                                v1::CreateSpecialismResponse* response) {
  return guard_.Serve(context, "/tandem.v1.DirectoryService/CreateSpecialism",
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto created,
                                         directory_.CreateSpecialism(caller, request->label()));
                        response->mutable_specialism()->set_code(created.code);
                        response->mutable_specialism()->set_label(created.label);
                        return absl::OkStatus();
                      });
}

grpc::Status DirectoryHandler::SearchProfiles(grpc::ServerContext* context,
                                              const v1::SearchProfilesRequest* request,
                                              v1::SearchProfilesResponse* response) {
  return guard_.Serve(
      context, "/tandem.v1.DirectoryService/SearchProfiles",
      [&](const Principal& caller) -> absl::Status {
        domain::SearchInput in;
        in.query = request->query();
        ASSIGN_OR_RETURN(in.kind, OptionalEnumFromProto<domain::SupportKind>(
                                      request->kind(), v1::SupportKind_IsValid, "kind"));
        in.specialisms.assign(request->specialisms().begin(), request->specialisms().end());
        in.professions.assign(request->professions().begin(), request->professions().end());
        switch (request->organisation_scope()) {
          case v1::SearchProfilesRequest::ORGANISATION_SCOPE_ANY:
            break;
          case v1::SearchProfilesRequest::ORGANISATION_SCOPE_MINE:
            in.organisation_scope = domain::OrganisationScope::kMine;
            break;
          case v1::SearchProfilesRequest::ORGANISATION_SCOPE_OTHERS:
            in.organisation_scope = domain::OrganisationScope::kOthers;
            break;
          default:
            return absl::InvalidArgumentError("organisation_scope: is not a known value");
        }
        if (request->organisation_id() != 0) in.organisation_id = request->organisation_id();
        in.site = request->site();
        ASSIGN_OR_RETURN(in.delivery_mode,
                         OptionalEnumFromProto<domain::DeliveryMode>(
                             request->delivery_mode(), v1::DeliveryMode_IsValid, "delivery_mode"));
        in.language = request->language();
        in.accepting_only = request->accepting_only();
        in.include_unlisted = request->include_unlisted();
        in.page_size = request->page_size();
        in.page_token = request->page_token();
        return FillList(directory_.Search(caller, in), response);
      });
}

grpc::Status DirectoryHandler::GetProfile(grpc::ServerContext* context,
                                          const v1::GetProfileRequest* request,
                                          v1::GetProfileResponse* response) {
  return guard_.Serve(context, "/tandem.v1.DirectoryService/GetProfile",
                      [&](const Principal& caller) {
                        return Fill(directory_.GetProfile(caller, request->account_id()), response);
                      });
}

grpc::Status DirectoryHandler::GetMyProfile(grpc::ServerContext* context,
                                            const v1::GetMyProfileRequest*,
                                            v1::GetMyProfileResponse* response) {
  return guard_.Serve(
      context, "/tandem.v1.DirectoryService/GetMyProfile",
      [&](const Principal& caller) { return Fill(directory_.GetMine(caller), response); });
}

grpc::Status DirectoryHandler::SaveMyProfile(grpc::ServerContext* context,
                                             const v1::SaveMyProfileRequest* request,
                                             v1::SaveMyProfileResponse* response) {
  return guard_.Serve(
      context, "/tandem.v1.DirectoryService/SaveMyProfile",
      [&](const Principal& caller) -> absl::Status {
        domain::ProfileInput in;
        ASSIGN_OR_RETURN(in.kind, OptionalEnumFromProto<domain::ProfileKind>(
                                      request->kind(), v1::ProfileKind_IsValid, "kind"));
        in.headline = request->headline();
        in.bio = request->bio();
        in.specialisms.assign(request->specialisms().begin(), request->specialisms().end());
        in.tags.assign(request->tags().begin(), request->tags().end());
        in.professions.assign(request->professions().begin(), request->professions().end());
        in.site = request->site();
        ASSIGN_OR_RETURN(in.delivery_modes, DeliveryModesFromProto(request->delivery_modes()));
        in.languages.assign(request->languages().begin(), request->languages().end());
        ASSIGN_OR_RETURN(in.availability,
                         OptionalEnumFromProto<domain::Availability>(
                             request->availability(), v1::Availability_IsValid, "availability"));
        in.capacity = request->capacity();
        in.last_supervision_on = request->last_supervision_on();
        in.training_level = request->training_level();
        in.pay_band = request->pay_band();
        in.years_experience = request->years_experience();
        return Fill(directory_.SaveMine(caller, in), response);
      });
}

grpc::Status DirectoryHandler::AddMyQualification(grpc::ServerContext* context,
                                                  const v1::AddMyQualificationRequest* request,
                                                  v1::AddMyQualificationResponse* response) {
  return guard_.Serve(context, "/tandem.v1.DirectoryService/AddMyQualification",
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(
                            const auto type,
                            OptionalEnumFromProto<domain::QualificationType>(
                                request->type(), v1::QualificationType_IsValid, "type"));
                        domain::QualificationInput in{.type = type,
                                                      .title = request->title(),
                                                      .awarded_on = request->awarded_on(),
                                                      .expires_on = request->expires_on(),
                                                      .evidence = request->evidence()};
                        return Fill(directory_.AddQualification(caller, in), response);
                      });
}

grpc::Status DirectoryHandler::DeleteMyQualification(
    grpc::ServerContext* context, const v1::DeleteMyQualificationRequest* request,
    v1::DeleteMyQualificationResponse* response) {
  return guard_.Serve(
      context, "/tandem.v1.DirectoryService/DeleteMyQualification", [&](const Principal& caller) {
        return Fill(directory_.DeleteQualification(caller, request->qualification_id()), response);
      });
}

grpc::Status DirectoryHandler::ListPool(grpc::ServerContext* context,
                                        const v1::ListPoolRequest* request,
                                        v1::ListPoolResponse* response) {
  return guard_.Serve(context, "/tandem.v1.DirectoryService/ListPool",
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto status,
                                         OptionalEnumFromProto<domain::PoolStatus>(
                                             request->status(), v1::PoolStatus_IsValid, "status"));
                        return FillList(
                            directory_.ListPool(caller, status, request->lapsed_only(),
                                                request->page_size(), request->page_token()),
                            response);
                      });
}

grpc::Status DirectoryHandler::ReviewApplication(grpc::ServerContext* context,
                                                 const v1::ReviewApplicationRequest* request,
                                                 v1::ReviewApplicationResponse* response) {
  return guard_.Serve(
      context, "/tandem.v1.DirectoryService/ReviewApplication", [&](const Principal& caller) {
        return Fill(directory_.ReviewApplication(caller, request->account_id(), request->approve(),
                                                 request->decline_reason()),
                    response);
      });
}

grpc::Status DirectoryHandler::SetPoolStatus(grpc::ServerContext* context,
                                             const v1::SetPoolStatusRequest* request,
                                             v1::SetPoolStatusResponse* response) {
  return guard_.Serve(context, "/tandem.v1.DirectoryService/SetPoolStatus",
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto status,
                                         OptionalEnumFromProto<domain::PoolStatus>(
                                             request->status(), v1::PoolStatus_IsValid, "status"));
                        return Fill(directory_.SetPoolStatus(caller, request->account_id(), status),
                                    response);
                      });
}

grpc::Status DirectoryHandler::VerifyQualification(grpc::ServerContext* context,
                                                   const v1::VerifyQualificationRequest* request,
                                                   v1::VerifyQualificationResponse* response) {
  return guard_.Serve(context, "/tandem.v1.DirectoryService/VerifyQualification",
                      [&](const Principal& caller) {
                        return Fill(directory_.VerifyQualification(
                                        caller, request->qualification_id(), request->verified()),
                                    response);
                      });
}

}  // namespace tandem::api
