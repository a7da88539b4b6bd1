#include "server/domain/reach.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "server/domain/validation.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

std::string Answer(int value, const std::vector<const char*>& choices) {
  if (value == 0) return "Not answered";
  if (value == 1) return "Prefer not to say";
  const auto index = static_cast<size_t>(value - 2);
  return index < choices.size() ? choices[index] : "Other";
}

absl::Status InRange(int value, int most, absl::string_view field, int least = 0) {
  if (value < least || value > most) return InvalidField(field, "is not one of the choices");
  return absl::OkStatus();
}

}  // namespace

std::string StaffGroupWords(int value) {
  return Answer(value,
                {"Nursing and midwifery", "Medical and dental", "Allied health professionals",
                 "Healthcare scientists", "Additional clinical services",
                 "Administrative and clerical", "Estates and ancillary", "Social care", "Other"});
}

std::string ProfessionWords(int value) {
  return Answer(value, {"Nurse", "Midwife", "Doctor", "Allied health professional", "Pharmacy",
                        "Healthcare support worker", "Social worker", "Care worker", "Manager",
                        "Administration", "Other"});
}

std::string PayBandWords(int value) {
  if (value == 0) return "Not answered";
  if (value == -1) return "Prefer not to say";
  if (value == 10) return "Not on Agenda for Change";
  return value == 8 ? "Band 8a to 8d" : absl::StrCat("Band ", value);
}

std::string ClinicalWords(int value) { return Answer(value, {"Clinical", "Non-clinical"}); }

std::string EthnicGroupWords(int value) {
  return Answer(value, {"Asian or Asian British", "Black, Black British, Caribbean or African",
                        "Mixed or multiple ethnic groups", "White", "Other ethnic group"});
}

std::string DisabilityWords(int value) { return Answer(value, {"Disabled", "Not disabled"}); }

absl::StatusOr<std::pair<Declaration, bool>> Reach::Mine(const Principal& caller) {
  ASSIGN_OR_RETURN(const Declaration mine, reach_.GetDeclaration(caller.id()));
  ASSIGN_OR_RETURN(const OrganisationSettings settings,
                   reach_.GetSettings(caller.account.organisation_id));
  return std::make_pair(mine, settings.equality_monitoring);
}

absl::StatusOr<Declaration> Reach::SaveMine(const Principal& caller, Declaration d) {
  RETURN_IF_ERROR(InRange(d.staff_group, kMaxStaffGroup, "declaration.staff_group"));
  RETURN_IF_ERROR(InRange(d.profession, kMaxProfession, "declaration.profession"));
  RETURN_IF_ERROR(InRange(d.pay_band, kMaxDeclaredPayBand, "declaration.pay_band", -1));
  RETURN_IF_ERROR(InRange(d.clinical, kMaxClinical, "declaration.clinical"));
  RETURN_IF_ERROR(InRange(d.ethnic_group, kMaxEthnicGroup, "declaration.ethnic_group"));
  RETURN_IF_ERROR(InRange(d.disability, kMaxDisability, "declaration.disability"));
  ASSIGN_OR_RETURN(const OrganisationSettings settings,
                   reach_.GetSettings(caller.account.organisation_id));
  if (!settings.equality_monitoring && (d.ethnic_group != 0 || d.disability != 0)) {
    return InvalidField(d.ethnic_group != 0 ? "declaration.ethnic_group" : "declaration.disability",
                        "your organisation does not ask about this");
  }
  d.saved_at = clock_.Now();
  RETURN_IF_ERROR(reach_.PutDeclaration(caller.id(), d));
  return d;
}

absl::StatusOr<OrganisationSettings> Reach::Settings(const Principal& caller,
                                                     int64_t organisation_id) {
  if (!caller.HasRole(Role::kCoordinator) || !caller.Coordinates(organisation_id)) {
    return absl::PermissionDeniedError("You do not coordinate that organisation.");
  }
  return reach_.GetSettings(organisation_id);
}

absl::StatusOr<OrganisationSettings> Reach::SaveSettings(const Principal& caller,
                                                         const OrganisationSettings& settings) {
  if (!caller.HasRole(Role::kCoordinator) || !caller.Coordinates(settings.organisation_id)) {
    return absl::PermissionDeniedError("You do not coordinate that organisation.");
  }
  if (settings.headcount < 0 || settings.headcount > 2000000) {
    return InvalidField("settings.headcount", "must be 0 (not entered) to 2,000,000");
  }
  RETURN_IF_ERROR(reach_.PutSettings(settings));
  return settings;
}

}  // namespace tandem::domain
