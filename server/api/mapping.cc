#include "server/api/mapping.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "shared/status_macros.h"

namespace tandem::api {
namespace {

// The domain has its own enums; they are mapped here by number, so each
// pair must agree, value by value.
template <typename Domain, typename Proto>
constexpr bool Same(Domain domain, Proto proto) {
  return static_cast<int>(domain) == static_cast<int>(proto);
}
static_assert(Same(domain::Role::kCoachee, v1::ROLE_COACHEE) &&
              Same(domain::Role::kCoach, v1::ROLE_COACH) &&
              Same(domain::Role::kMentor, v1::ROLE_MENTOR) &&
              Same(domain::Role::kCoordinator, v1::ROLE_COORDINATOR) &&
              Same(domain::Role::kSupervisor, v1::ROLE_SUPERVISOR) &&
              domain::kMaxRole == v1::Role_MAX);
static_assert(Same(domain::OrganisationKind::kNhsTrust, v1::ORGANISATION_KIND_NHS_TRUST) &&
              Same(domain::OrganisationKind::kLocalAuthority,
                   v1::ORGANISATION_KIND_LOCAL_AUTHORITY) &&
              Same(domain::OrganisationKind::kCareProvider, v1::ORGANISATION_KIND_CARE_PROVIDER) &&
              Same(domain::OrganisationKind::kPrimaryCare, v1::ORGANISATION_KIND_PRIMARY_CARE) &&
              Same(domain::OrganisationKind::kOther, v1::ORGANISATION_KIND_OTHER));
static_assert(Same(domain::ProfileKind::kCoach, v1::PROFILE_KIND_COACH) &&
              Same(domain::ProfileKind::kMentor, v1::PROFILE_KIND_MENTOR) &&
              Same(domain::ProfileKind::kCoachAndMentor, v1::PROFILE_KIND_COACH_AND_MENTOR) &&
              v1::ProfileKind_MAX == 3);
static_assert(Same(domain::SupportKind::kCoaching, v1::SUPPORT_KIND_COACHING) &&
              Same(domain::SupportKind::kMentoring, v1::SUPPORT_KIND_MENTORING) &&
              v1::SupportKind_MAX == 2);
static_assert(Same(domain::PoolStatus::kApplied, v1::POOL_STATUS_APPLIED) &&
              Same(domain::PoolStatus::kApproved, v1::POOL_STATUS_APPROVED) &&
              Same(domain::PoolStatus::kDeclined, v1::POOL_STATUS_DECLINED) &&
              Same(domain::PoolStatus::kPaused, v1::POOL_STATUS_PAUSED) &&
              Same(domain::PoolStatus::kRemoved, v1::POOL_STATUS_REMOVED) &&
              v1::PoolStatus_MAX == 5);
static_assert(Same(domain::Availability::kAccepting, v1::AVAILABILITY_ACCEPTING) &&
              Same(domain::Availability::kFull, v1::AVAILABILITY_FULL) &&
              Same(domain::Availability::kOnLeave, v1::AVAILABILITY_ON_LEAVE) &&
              v1::Availability_MAX == 3);
static_assert(Same(domain::DeliveryMode::kInPerson, v1::DELIVERY_MODE_IN_PERSON) &&
              Same(domain::DeliveryMode::kVideo, v1::DELIVERY_MODE_VIDEO) &&
              Same(domain::DeliveryMode::kPhone, v1::DELIVERY_MODE_PHONE) &&
              v1::DeliveryMode_MAX == 3);
static_assert(Same(domain::QualificationType::kIlmLevel5, v1::QUALIFICATION_TYPE_ILM_LEVEL_5) &&
              Same(domain::QualificationType::kMentoring, v1::QUALIFICATION_TYPE_MENTORING) &&
              Same(domain::QualificationType::kOtherCoaching,
                   v1::QUALIFICATION_TYPE_OTHER_COACHING) &&
              domain::kMaxQualificationType == v1::QualificationType_MAX);
static_assert(domain::kMaxTrainingLevel == v1::TrainingLevel_MAX);
static_assert(Same(domain::RequestStatus::kWaiting, v1::REQUEST_STATUS_WAITING) &&
              Same(domain::RequestStatus::kPending, v1::REQUEST_STATUS_PENDING) &&
              Same(domain::RequestStatus::kAccepted, v1::REQUEST_STATUS_ACCEPTED) &&
              Same(domain::RequestStatus::kDeclined, v1::REQUEST_STATUS_DECLINED) &&
              Same(domain::RequestStatus::kWithdrawn, v1::REQUEST_STATUS_WITHDRAWN));
static_assert(Same(domain::RequestOrigin::kNone, v1::REQUEST_ORIGIN_UNSPECIFIED) &&
              Same(domain::RequestOrigin::kNamed, v1::REQUEST_ORIGIN_NAMED) &&
              Same(domain::RequestOrigin::kChosen, v1::REQUEST_ORIGIN_CHOSEN) &&
              Same(domain::RequestOrigin::kCoordinator, v1::REQUEST_ORIGIN_COORDINATOR));
static_assert(Same(domain::OrganisationPreference::kAny, v1::ORGANISATION_PREFERENCE_UNSPECIFIED) &&
              Same(domain::OrganisationPreference::kOwn, v1::ORGANISATION_PREFERENCE_OWN) &&
              Same(domain::OrganisationPreference::kOther, v1::ORGANISATION_PREFERENCE_OTHER) &&
              v1::OrganisationPreference_MAX == 2);
static_assert(Same(domain::RelationshipState::kContracting, v1::RELATIONSHIP_STATE_CONTRACTING) &&
              Same(domain::RelationshipState::kActive, v1::RELATIONSHIP_STATE_ACTIVE) &&
              Same(domain::RelationshipState::kCompleted, v1::RELATIONSHIP_STATE_COMPLETED) &&
              Same(domain::RelationshipState::kEndedEarly, v1::RELATIONSHIP_STATE_ENDED_EARLY));
static_assert(Same(domain::SessionRegularity::kNone, v1::SESSION_REGULARITY_UNSPECIFIED) &&
              Same(domain::SessionRegularity::kWeekly, v1::SESSION_REGULARITY_WEEKLY) &&
              Same(domain::SessionRegularity::kFortnightly, v1::SESSION_REGULARITY_FORTNIGHTLY) &&
              Same(domain::SessionRegularity::kMonthly, v1::SESSION_REGULARITY_MONTHLY) &&
              Same(domain::SessionRegularity::kAsAgreed, v1::SESSION_REGULARITY_AS_AGREED) &&
              v1::SessionRegularity_MAX == 4);
static_assert(Same(domain::ReviewCadence::kNone, v1::REVIEW_CADENCE_UNSPECIFIED) &&
              Same(domain::ReviewCadence::kMonthly, v1::REVIEW_CADENCE_MONTHLY) &&
              Same(domain::ReviewCadence::kQuarterly, v1::REVIEW_CADENCE_QUARTERLY) &&
              Same(domain::ReviewCadence::kSixMonthly, v1::REVIEW_CADENCE_SIX_MONTHLY) &&
              v1::ReviewCadence_MAX == 3);
static_assert(Same(domain::LineManagerTold::kUnknown, v1::LINE_MANAGER_TOLD_UNSPECIFIED) &&
              Same(domain::LineManagerTold::kYes, v1::LINE_MANAGER_TOLD_YES) &&
              Same(domain::LineManagerTold::kNotYet, v1::LINE_MANAGER_TOLD_NOT_YET) &&
              Same(domain::LineManagerTold::kChoseNotTo, v1::LINE_MANAGER_TOLD_CHOSE_NOT_TO) &&
              v1::LineManagerTold_MAX == 3);
static_assert(Same(domain::SessionStatus::kProposed, v1::SESSION_STATUS_PROPOSED) &&
              Same(domain::SessionStatus::kAccepted, v1::SESSION_STATUS_ACCEPTED) &&
              Same(domain::SessionStatus::kCancelled, v1::SESSION_STATUS_CANCELLED) &&
              Same(domain::SessionStatus::kHeld, v1::SESSION_STATUS_HELD) &&
              Same(domain::SessionStatus::kNotHeld, v1::SESSION_STATUS_NOT_HELD));
static_assert(Same(domain::CancelledBy::kNone, v1::CANCELLED_BY_UNSPECIFIED) &&
              Same(domain::CancelledBy::kCoachee, v1::CANCELLED_BY_COACHEE) &&
              Same(domain::CancelledBy::kMember, v1::CANCELLED_BY_MEMBER) &&
              v1::CancelledBy_MAX == 2);

}  // namespace

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
