#include "server/domain/identity.h"

#include <algorithm>

namespace tandem::domain {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kCoachee:
      return "coachee";
    case Role::kCoach:
      return "coach";
    case Role::kMentor:
      return "mentor";
    case Role::kCoordinator:
      return "coordinator";
    case Role::kSupervisor:
      return "supervisor";
  }
  return "unknown";
}

bool Account::HasRole(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Principal::Coordinates(int64_t organisation_id) const {
  if (!HasRole(Role::kCoordinator)) return false;
  const auto& orgs = account.coordinated_organisation_ids;
  return std::binary_search(orgs.begin(), orgs.end(), organisation_id);
}

std::vector<Role> NormaliseRoles(std::vector<Role> roles) {
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

}  // namespace tandem::domain
