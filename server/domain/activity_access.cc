#include "server/domain/activity_access.h"

namespace tandem::domain {

absl::Status MayKeepReturns(const Principal& caller) {
  if (caller.HasRole(Role::kCoach) || caller.HasRole(Role::kMentor)) return absl::OkStatus();
  return absl::PermissionDeniedError("Monthly returns are kept by coaches and mentors.");
}

absl::StatusOr<std::vector<int64_t>> FigureScope(const Principal& caller, int64_t organisation_id) {
  if (!caller.HasRole(Role::kCoordinator) || caller.account.coordinated_organisation_ids.empty()) {
    return absl::PermissionDeniedError("The programme's figures are for coordinators.");
  }
  if (organisation_id == 0) return caller.account.coordinated_organisation_ids;
  if (!caller.Coordinates(organisation_id)) {
    return absl::PermissionDeniedError("You do not coordinate that organisation.");
  }
  return std::vector<int64_t>{organisation_id};
}

}  // namespace tandem::domain
