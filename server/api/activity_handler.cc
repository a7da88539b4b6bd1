#include "server/api/activity_handler.h"

#include "absl/strings/str_cat.h"
#include "server/api/mapping.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

using domain::Principal;

static_assert(Same(domain::HoursCategory::kIndividual, v1::HOURS_CATEGORY_INDIVIDUAL) &&
              Same(domain::HoursCategory::kGroup, v1::HOURS_CATEGORY_GROUP) &&
              v1::HoursCategory_MAX == 2);
static_assert(Same(domain::ReturnState::kOpen, v1::RETURN_STATE_OPEN) &&
              Same(domain::ReturnState::kDue, v1::RETURN_STATE_DUE) &&
              Same(domain::ReturnState::kOverdue, v1::RETURN_STATE_OVERDUE) &&
              Same(domain::ReturnState::kConfirmed, v1::RETURN_STATE_CONFIRMED) &&
              v1::ReturnState_MAX == 4);
static_assert(Same(domain::PeriodKind::kMonth, v1::PERIOD_KIND_MONTH) &&
              Same(domain::PeriodKind::kQuarter, v1::PERIOD_KIND_QUARTER) &&
              Same(domain::PeriodKind::kYear, v1::PERIOD_KIND_YEAR) &&
              Same(domain::PeriodKind::kCustom, v1::PERIOD_KIND_CUSTOM) && v1::PeriodKind_MAX == 4);
static_assert(Same(domain::Chart::kNone, v1::FigureTable::CHART_NONE) &&
              Same(domain::Chart::kStackedBars, v1::FigureTable::CHART_STACKED_BARS) &&
              Same(domain::Chart::kBars, v1::FigureTable::CHART_BARS) &&
              v1::FigureTable::Chart_MAX == 2);

std::string ActivityMethod(absl::string_view name) {
  return absl::StrCat("/tandem.v1.ActivityService/", name);
}
std::string FiguresMethod(absl::string_view name) {
  return absl::StrCat("/tandem.v1.FiguresService/", name);
}

void ToProto(const domain::DerivedActivity& d, v1::DerivedActivity* out) {
  out->set_coaching_minutes(d.coaching_minutes);
  out->set_mentoring_minutes(d.mentoring_minutes);
  out->set_sessions_held(d.sessions_held);
  out->set_sessions_cancelled(d.sessions_cancelled);
  out->set_sessions_not_attended(d.sessions_not_attended);
  out->set_active_relationships(d.active_relationships);
  out->set_new_relationships(d.new_relationships);
}

void ToProto(const domain::ReturnVersion& v, v1::ReturnVersion* out) {
  out->set_version(v.version);
  out->set_at_unix(absl::ToUnixSeconds(v.at));
  out->set_reason(v.reason);
  ToProto(v.derived, out->mutable_derived());
  for (const domain::AddedHours& a : v.added) {
    v1::AddedHours* added = out->add_added();
    added->set_kind(static_cast<v1::SupportKind>(a.kind));
    added->set_category(static_cast<v1::HoursCategory>(a.category));
    added->set_paid(a.paid);
    added->set_minutes(a.minutes);
  }
  for (const std::string& theme : v.themes) out->add_themes(theme);
  out->set_new_theme(v.new_theme);
}

void ToProto(const domain::MonthlyReturn& r, v1::MonthlyReturn* out) {
  out->set_month(domain::FormatMonth(r.month));
  out->set_state(static_cast<v1::ReturnState>(r.state));
  out->set_due_at_unix(absl::ToUnixSeconds(r.due_at));
  ToProto(r.derived, out->mutable_derived());
  if (r.current) ToProto(*r.current, out->mutable_current());
  for (const domain::ReturnVersion& v : r.history) ToProto(v, out->add_history());
}

template <typename Request>
absl::StatusOr<domain::ReturnInput> ReturnInputOf(const Request& request) {
  domain::ReturnInput in{.month = request.month(),
                         .themes = {request.themes().begin(), request.themes().end()},
                         .new_theme = request.new_theme()};
  for (int i = 0; i < request.added_size(); ++i) {
    const v1::AddedHours& a = request.added(i);
    const std::string field = absl::StrCat("added[", i, "]");
    ASSIGN_OR_RETURN(const auto kind,
                     EnumFromProto<domain::SupportKind>(a.kind(), v1::SupportKind_IsValid,
                                                        absl::StrCat(field, ".kind")));
    ASSIGN_OR_RETURN(const auto category,
                     EnumFromProto<domain::HoursCategory>(a.category(), v1::HoursCategory_IsValid,
                                                          absl::StrCat(field, ".category")));
    in.added.push_back(
        {.kind = kind, .category = category, .paid = a.paid(), .minutes = a.minutes()});
  }
  return in;
}

void ToProto(const domain::disclosure::Protected& p, v1::Figure* out) {
  out->set_suppressed(p.suppressed);
  if (!p.suppressed) out->set_value(p.value);
}

void ToProto(const domain::Period& p, v1::Period* out) {
  out->set_kind(static_cast<v1::PeriodKind>(p.kind));
  out->set_from_month(domain::FormatMonth(p.first));
  if (p.kind == domain::PeriodKind::kCustom) out->set_to_month(domain::FormatMonth(p.last));
}

void ToProto(const domain::ProgrammeFigures& f, v1::ProgrammeFigures* out) {
  out->set_scope_label(f.scope_label);
  out->set_period_label(domain::PeriodWords(f.period));
  out->set_previous_period_label(domain::PeriodWords(f.previous_period));
  ToProto(f.period, out->mutable_period());
  ToProto(f.previous_period, out->mutable_previous_period());
  for (const domain::Headline& h : f.headlines) {
    v1::Headline* headline = out->add_headlines();
    headline->set_id(h.id);
    headline->set_label(h.label);
    ToProto(h.current, headline->mutable_current());
    if (h.previous) ToProto(*h.previous, headline->mutable_previous());
    headline->set_unit(h.unit);
  }
  for (const domain::FigureTable& t : f.tables) {
    v1::FigureTable* table = out->add_tables();
    table->set_id(t.id);
    table->set_title(t.title);
    for (const std::string& column : t.columns) table->add_columns(column);
    for (const domain::FigureRow& r : t.rows) {
      v1::FigureRow* row = table->add_rows();
      row->set_label(r.label);
      for (const auto& cell : r.cells) ToProto(cell, row->add_cells());
    }
    table->set_unit(t.unit);
    table->set_chart(static_cast<v1::FigureTable::Chart>(t.chart));
  }
  for (const domain::PoolMemberNote& n : f.pool_notes) {
    v1::PoolMemberNote* note = out->add_pool_notes();
    note->set_name(n.name);
    note->set_note(n.note);
  }
  out->set_computed_at_unix(absl::ToUnixSeconds(f.computed_at));
}

static_assert(v1::StaffGroup_MAX == domain::kMaxStaffGroup &&
              v1::Profession_MAX == domain::kMaxProfession &&
              v1::ClinicalRole_MAX == domain::kMaxClinical &&
              v1::EthnicGroup_MAX == domain::kMaxEthnicGroup &&
              v1::Disability_MAX == domain::kMaxDisability);

std::string ReachMethod(absl::string_view name) {
  return absl::StrCat("/tandem.v1.ReachService/", name);
}

void ToProto(const domain::Declaration& d, v1::Declaration* out) {
  out->set_staff_group(static_cast<v1::StaffGroup>(d.staff_group));
  out->set_profession(static_cast<v1::Profession>(d.profession));
  out->set_pay_band(d.pay_band);
  out->set_clinical(static_cast<v1::ClinicalRole>(d.clinical));
  out->set_ethnic_group(static_cast<v1::EthnicGroup>(d.ethnic_group));
  out->set_disability(static_cast<v1::Disability>(d.disability));
  if (d.saved_at) out->set_saved_at_unix(absl::ToUnixSeconds(*d.saved_at));
}

void ToProto(const domain::OrganisationSettings& s, v1::OrganisationSettings* out) {
  out->set_organisation_id(s.organisation_id);
  out->set_headcount(s.headcount);
  out->set_equality_monitoring(s.equality_monitoring);
}

}  // namespace

grpc::Status ReachHandler::GetMyDeclaration(grpc::ServerContext* context,
                                            const v1::GetMyDeclarationRequest* /*request*/,
                                            v1::GetMyDeclarationResponse* response) {
  return guard_.Serve(context, ReachMethod("GetMyDeclaration"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto mine, reach_.Mine(caller));
                        ToProto(mine.first, response->mutable_declaration());
                        response->set_equality_monitoring(mine.second);
                        return absl::OkStatus();
                      });
}

grpc::Status ReachHandler::SaveMyDeclaration(grpc::ServerContext* context,
                                             const v1::SaveMyDeclarationRequest* request,
                                             v1::SaveMyDeclarationResponse* response) {
  return guard_.Serve(context, ReachMethod("SaveMyDeclaration"),
                      [&](const Principal& caller) -> absl::Status {
                        const v1::Declaration& d = request->declaration();
                        ASSIGN_OR_RETURN(const auto saved,
                                         reach_.SaveMine(caller, {.staff_group = d.staff_group(),
                                                                  .profession = d.profession(),
                                                                  .pay_band = d.pay_band(),
                                                                  .clinical = d.clinical(),
                                                                  .ethnic_group = d.ethnic_group(),
                                                                  .disability = d.disability()}));
                        ToProto(saved, response->mutable_declaration());
                        return absl::OkStatus();
                      });
}

grpc::Status ReachHandler::GetOrganisationSettings(
    grpc::ServerContext* context, const v1::GetOrganisationSettingsRequest* request,
    v1::GetOrganisationSettingsResponse* response) {
  return guard_.Serve(context, ReachMethod("GetOrganisationSettings"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto settings,
                                         reach_.Settings(caller, request->organisation_id()));
                        ToProto(settings, response->mutable_settings());
                        return absl::OkStatus();
                      });
}

grpc::Status ReachHandler::SaveOrganisationSettings(
    grpc::ServerContext* context, const v1::SaveOrganisationSettingsRequest* request,
    v1::SaveOrganisationSettingsResponse* response) {
  return guard_.Serve(
      context, ReachMethod("SaveOrganisationSettings"),
      [&](const Principal& caller) -> absl::Status {
        const v1::OrganisationSettings& s = request->settings();
        ASSIGN_OR_RETURN(
            const auto saved,
            reach_.SaveSettings(caller, {.organisation_id = s.organisation_id(),
                                         .headcount = s.headcount(),
                                         .equality_monitoring = s.equality_monitoring()}));
        ToProto(saved, response->mutable_settings());
        return absl::OkStatus();
      });
}

grpc::Status ActivityHandler::GetMonthlyReturn(grpc::ServerContext* context,
                                               const v1::GetMonthlyReturnRequest* request,
                                               v1::GetMonthlyReturnResponse* response) {
  return guard_.Serve(context, ActivityMethod("GetMonthlyReturn"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto r, returns_.Get(caller, request->month()));
                        ToProto(r, response->mutable_monthly_return());
                        return absl::OkStatus();
                      });
}

grpc::Status ActivityHandler::ListMonthlyReturns(grpc::ServerContext* context,
                                                 const v1::ListMonthlyReturnsRequest* /*request*/,
                                                 v1::ListMonthlyReturnsResponse* response) {
  return guard_.Serve(context, ActivityMethod("ListMonthlyReturns"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const auto returns, returns_.List(caller));
                        for (const auto& r : returns) ToProto(r, response->add_returns());
                        return absl::OkStatus();
                      });
}

grpc::Status ActivityHandler::ConfirmMonthlyReturn(grpc::ServerContext* context,
                                                   const v1::ConfirmMonthlyReturnRequest* request,
                                                   v1::ConfirmMonthlyReturnResponse* response) {
  return guard_.Serve(context, ActivityMethod("ConfirmMonthlyReturn"),
                      [&](const Principal& caller) -> absl::Status {
                        ASSIGN_OR_RETURN(const domain::ReturnInput in, ReturnInputOf(*request));
                        ASSIGN_OR_RETURN(const auto r,
                                         returns_.Confirm(caller, in, WriteKeyOf(*request)));
                        ToProto(r, response->mutable_monthly_return());
                        return absl::OkStatus();
                      });
}

grpc::Status ActivityHandler::AmendMonthlyReturn(grpc::ServerContext* context,
                                                 const v1::AmendMonthlyReturnRequest* request,
                                                 v1::AmendMonthlyReturnResponse* response) {
  return guard_.Serve(
      context, ActivityMethod("AmendMonthlyReturn"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(domain::ReturnInput in, ReturnInputOf(*request));
        in.reason = request->reason();
        ASSIGN_OR_RETURN(const auto r, returns_.Amend(caller, in, WriteKeyOf(*request)));
        ToProto(r, response->mutable_monthly_return());
        return absl::OkStatus();
      });
}

grpc::Status ActivityHandler::ExportHoursLog(grpc::ServerContext* context,
                                             const v1::ExportHoursLogRequest* request,
                                             v1::ExportHoursLogResponse* response) {
  return guard_.Serve(
      context, ActivityMethod("ExportHoursLog"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(*response->mutable_csv(),
                         returns_.HoursLog(caller, request->from_month(), request->to_month()));
        response->set_file_name("tandem-hours-log.csv");
        return absl::OkStatus();
      });
}

grpc::Status FiguresHandler::GetProgrammeFigures(grpc::ServerContext* context,
                                                 const v1::GetProgrammeFiguresRequest* request,
                                                 v1::GetProgrammeFiguresResponse* response) {
  return guard_.Serve(
      context, FiguresMethod("GetProgrammeFigures"), [&](const Principal& caller) -> absl::Status {
        ASSIGN_OR_RETURN(const auto kind,
                         EnumFromProto<domain::PeriodKind>(request->period().kind(),
                                                           v1::PeriodKind_IsValid, "period.kind"));
        ASSIGN_OR_RETURN(const auto figures, figures_.Get(caller, request->organisation_id(), kind,
                                                          request->period().from_month(),
                                                          request->period().to_month()));
        ToProto(figures, response->mutable_figures());
        return absl::OkStatus();
      });
}

grpc::Status FiguresHandler::ListProgrammeRelationships(
    grpc::ServerContext* context, const v1::ListProgrammeRelationshipsRequest* request,
    v1::ListProgrammeRelationshipsResponse* response) {
  return guard_.Serve(context, FiguresMethod("ListProgrammeRelationships"),
                      [&](const Principal& caller) -> absl::Status {
                        domain::ProgrammeRelationshipsInput in{
                            .organisation_id = request->organisation_id(),
                            .no_session_for_weeks = request->no_session_for_weeks(),
                            .page_size = request->page_size(),
                            .page_token = request->page_token()};
                        for (int i = 0; i < request->states_size(); ++i) {
                          ASSIGN_OR_RETURN(const auto state,
                                           EnumFromProto<domain::RelationshipState>(
                                               request->states(i), v1::RelationshipState_IsValid,
                                               absl::StrCat("states[", i, "]")));
                          in.states.push_back(state);
                        }
                        ASSIGN_OR_RETURN(const auto page, figures_.Relationships(caller, in));
                        for (const domain::ProgrammeRelationship& r : page.first.relationships) {
                          v1::ProgrammeRelationship* out = response->add_relationships();
                          out->set_id(r.id);
                          out->set_kind(static_cast<v1::SupportKind>(r.kind));
                          out->set_state(static_cast<v1::RelationshipState>(r.state));
                          out->set_coachee_name(r.coachee_name);
                          out->set_member_name(r.member_name);
                          out->set_started_at_unix(absl::ToUnixSeconds(r.started));
                          out->set_sessions_held(r.sessions_held);
                          if (r.last_session_at)
                            out->set_last_session_at_unix(absl::ToUnixSeconds(*r.last_session_at));
                        }
                        response->set_next_page_token(page.second);
                        response->set_total_count(page.first.total_count);
                        return absl::OkStatus();
                      });
}

}  // namespace tandem::api
