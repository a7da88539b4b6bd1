#include "server/api/mapping.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "shared/status_macros.h"

namespace tandem::api {

void ToProto(const domain::Account& account, v1::Account* out) {
  out->set_id(account.id);
  out->set_email(account.email);
  out->set_display_name(account.display_name);
  out->set_organisation_id(account.organisation_id);
  for (domain::Role role : account.roles) out->add_roles(static_cast<v1::Role>(role));
  for (int64_t id : account.coordinated_organisation_ids) {
    out->add_coordinated_organisation_ids(id);
  }
  out->set_password_change_required(account.password_change_required);
  out->set_created_at_unix(absl::ToUnixSeconds(account.created_at));
}

void ToProto(const domain::Organisation& organisation, v1::Organisation* out) {
  out->set_id(organisation.id);
  out->set_name(organisation.name);
  out->set_kind(static_cast<v1::OrganisationKind>(organisation.kind));
}

void ToProto(const domain::ProfileView& view, v1::Profile* out) {
  const domain::Profile& p = view.profile;
  const domain::ProfileDetails& d = p.details;
  out->set_account_id(p.account_id);
  out->set_display_name(p.display_name);
  out->set_kind(static_cast<v1::ProfileKind>(d.kind));
  out->set_headline(d.headline);
  out->set_bio(d.bio);
  for (const auto& s : d.specialisms) out->add_specialisms(s);
  for (const auto& t : d.tags) out->add_tags(t);
  for (const auto& f : d.professions) out->add_professions(f);
  out->set_organisation_id(p.organisation_id);
  out->set_organisation_name(p.organisation_name);
  out->set_site(d.site);
  for (auto mode : d.delivery_modes) out->add_delivery_modes(static_cast<v1::DeliveryMode>(mode));
  for (const auto& l : d.languages) out->add_languages(l);
  out->set_availability(static_cast<v1::Availability>(d.availability));
  out->set_capacity(d.capacity);
  out->set_current_load(p.current_load);
  out->set_listed(view.listing.listed());
  out->set_accepting(view.accepting);
  for (const auto& q : p.qualifications) {
    v1::Qualification* qual = out->add_qualifications();
    qual->set_id(q.id);
    qual->set_type(static_cast<v1::QualificationType>(q.type));
    qual->set_title(q.title);
    qual->set_awarded_on(domain::FormatDay(q.awarded_on));
    if (q.expires_on) qual->set_expires_on(domain::FormatDay(*q.expires_on));
    qual->set_evidence(q.evidence);
    qual->set_verified(q.verified_on.has_value());
    if (q.verified_on) qual->set_verified_on(domain::FormatDay(*q.verified_on));
  }
  if (d.last_supervision_on)
    out->set_last_supervision_on(domain::FormatDay(*d.last_supervision_on));
  out->set_training_level(static_cast<v1::TrainingLevel>(d.training_level));
  out->set_years_experience(d.years_experience);
  out->set_last_active_at_unix(absl::ToUnixSeconds(p.last_active_at));
  out->set_more_senior_than_you(view.more_senior_than_you);
  if (view.usual_answer) {
    // Rounded up to whole hours, at least 1.
    out->set_usual_answer_hours(static_cast<int32_t>(std::max<int64_t>(
        1, absl::ToInt64Hours(*view.usual_answer + absl::Hours(1) - absl::Nanoseconds(1)))));
  }
  if (view.full_access) {
    out->set_pay_band(static_cast<v1::PayBand>(d.pay_band));
    out->set_status(static_cast<v1::PoolStatus>(p.status));
    out->set_decline_reason(p.decline_reason);
    for (const auto& reason : view.listing.reasons) out->add_unlisted_reasons(reason);
    out->set_contact_email(p.email);
  }
}

absl::StatusOr<domain::Role> RoleFromProto(int role, absl::string_view field) {
  if (role < domain::kMinRole || role > domain::kMaxRole) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": ", role == 0 ? "must not be ROLE_UNSPECIFIED" : "is not a known role"));
  }
  return static_cast<domain::Role>(role);
}

absl::StatusOr<std::vector<domain::Role>> RolesFromProto(
    const google::protobuf::RepeatedField<int>& roles, absl::string_view field) {
  std::vector<domain::Role> out;
  for (int i = 0; i < roles.size(); ++i) {
    ASSIGN_OR_RETURN(domain::Role role, RoleFromProto(roles[i], absl::StrCat(field, "[", i, "]")));
    out.push_back(role);
  }
  return out;
}

namespace {

int64_t UnixOrZero(const std::optional<absl::Time>& time) {
  return time ? absl::ToUnixSeconds(*time) : 0;
}

}  // namespace

void ToProto(const domain::SupportRequest& r, v1::SupportRequest* out) {
  out->set_id(r.id);
  out->set_status(static_cast<v1::RequestStatus>(r.status));
  auto* d = out->mutable_details();
  d->set_kind(static_cast<v1::SupportKind>(r.details.kind));
  d->set_gap(r.details.gap);
  for (const auto& theme : r.details.themes) d->add_themes(theme);
  if (r.details.delivery_mode) {
    d->set_delivery_mode(static_cast<v1::DeliveryMode>(*r.details.delivery_mode));
  }
  d->set_site(r.details.site);
  d->set_language(r.details.language);
  d->set_organisation_preference(
      static_cast<v1::OrganisationPreference>(r.details.organisation_preference));
  for (int64_t id : r.details.avoid_account_ids) d->add_avoid_account_ids(id);
  d->set_profession(r.details.profession);
  d->set_pay_band(static_cast<v1::PayBand>(r.details.pay_band));
  out->set_coachee_id(r.coachee_id);
  out->set_coachee_name(r.coachee_name);
  out->set_coachee_organisation_id(r.coachee_organisation_id);
  out->set_coachee_organisation_name(r.coachee_organisation_name);
  out->set_member_id(r.member_id);
  out->set_member_name(r.member_name);
  out->set_origin(static_cast<v1::RequestOrigin>(r.origin));
  out->set_created_at_unix(absl::ToUnixSeconds(r.created_at));
  out->set_waiting_since_unix(absl::ToUnixSeconds(r.waiting_since));
  out->set_answer_due_at_unix(UnixOrZero(r.answer_due_at));
  out->set_answered_at_unix(UnixOrZero(r.answered_at));
  out->set_decline_reason(r.decline_reason);
  out->set_note(r.note);
  out->set_relationship_id(r.relationship_id);
}

namespace {

void ToProto(const domain::Agreement& agreement, v1::Agreement* out) {
  out->set_agreed_at_unix(UnixOrZero(agreement.agreed_at));
  out->set_confidentiality_acknowledged(agreement.confidentiality_acknowledged);
  out->set_ethics_acknowledged(agreement.ethics_acknowledged);
}

v1::RelationshipState StateToProto(domain::RelationshipState state) {
  return static_cast<v1::RelationshipState>(state);
}

}  // namespace

void ToProto(const domain::Relationship& r, const domain::Principal& viewer,
             v1::Relationship* out) {
  out->set_id(r.id);
  out->set_kind(static_cast<v1::SupportKind>(r.kind));
  out->set_state(StateToProto(r.state));
  out->set_request_id(r.request_id);
  out->set_coachee_id(r.coachee_id);
  out->set_coachee_name(r.coachee_name);
  out->set_member_id(r.member_id);
  out->set_member_name(r.member_name);
  auto* contract = out->mutable_contract();
  contract->set_terms_set(r.terms_set);
  auto* terms = contract->mutable_terms();
  terms->set_number_of_sessions(r.terms.number_of_sessions);
  terms->set_session_minutes(r.terms.session_minutes);
  terms->set_regularity(static_cast<v1::SessionRegularity>(r.terms.regularity));
  if (r.terms.planned_end_on) terms->set_planned_end_on(domain::FormatDay(*r.terms.planned_end_on));
  terms->set_review_cadence(static_cast<v1::ReviewCadence>(r.terms.review_cadence));
  ToProto(r.coachee_agreement, contract->mutable_coachee());
  ToProto(r.member_agreement, contract->mutable_member());
  contract->set_line_manager_told(static_cast<v1::LineManagerTold>(r.line_manager_told));
  contract->set_reviews(r.reviews);
  for (const auto& h : r.history) {
    auto* entry = out->add_history();
    entry->set_at_unix(absl::ToUnixSeconds(h.at));
    entry->set_by_account_id(h.by_account_id);
    entry->set_by_name(h.by_name);
    entry->set_event(h.event);
    entry->set_from_state(StateToProto(h.from_state));
    entry->set_to_state(StateToProto(h.to_state));
    entry->set_reason(h.reason);
  }
  out->set_created_at_unix(absl::ToUnixSeconds(r.created_at));
  const domain::Party part = domain::PartyOf(viewer, r);
  out->set_your_part(part == domain::Party::kCoachee  ? "coachee"
                     : part == domain::Party::kMember ? "member"
                                                      : "");
}

void ToProto(const domain::SessionView& view, v1::Session* out) {
  const domain::Session& s = view.session;
  out->set_id(s.id);
  out->set_relationship_id(s.relationship_id);
  out->set_status(static_cast<v1::SessionStatus>(s.status));
  out->set_starts_at_unix(absl::ToUnixSeconds(s.starts_at));
  out->set_planned_minutes(s.planned_minutes);
  if (s.mode) out->set_mode(static_cast<v1::DeliveryMode>(*s.mode));
  out->set_place(s.place);
  out->set_proposed_by_account_id(s.proposed_by);
  out->set_cancel_reason(s.cancel_reason);
  out->set_cancelled_by(static_cast<v1::CancelledBy>(s.cancelled_by));
  out->set_actual_minutes(s.actual_minutes);
  for (const auto& theme : s.themes) out->add_themes(theme);
  out->set_agreed_actions(s.agreed_actions);
  if (view.private_notes) {
    out->set_private_notes(*view.private_notes);
    out->set_has_private_notes(true);
  }
  out->set_recorded_at_unix(UnixOrZero(s.recorded_at));
  out->set_reschedule_reason(s.reschedule_reason);
}

std::string RequestDigest(const google::protobuf::Message& request) {
  std::string bytes = request.GetDescriptor()->full_name();
  bytes.push_back('\0');
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&out);
  }
  return domain::RequestDigest(bytes);
}

}  // namespace tandem::api
