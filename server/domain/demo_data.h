#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/domain/password_hasher.h"
#include "server/domain/profile.h"
#include "server/domain/profile_repository.h"
#include "server/domain/repositories.h"
#include "shared/clock.h"

namespace tandem::domain {

/// One sign-in to print for people trying the demo.
struct DemoSignIn {
  std::string role;
  std::string email;
};

inline constexpr char kDemoPassword[] = "demo-password-1";

/// Seeds a deterministic demo programme — five organisations, a few hundred
/// staff, a pool of coaches and mentors with profiles (a few applications
/// waiting, a few lapsed), a coordinator and a supervisor — if the store
/// holds no accounts yet. Returns the well-known sign-ins (all with
/// kDemoPassword) either way.
absl::StatusOr<std::vector<DemoSignIn>> SeedDemoData(
    OrganisationRepository& organisations, AccountRepository& accounts, ProfileRepository& profiles,
    const PasswordHasher& hasher, const Clock& clock, const ListingSettings& listing);

}  // namespace tandem::domain
