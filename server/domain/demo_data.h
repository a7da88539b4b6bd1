#pragma once

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/domain/password_hasher.h"
#include "server/domain/profile.h"
#include "server/domain/profile_repository.h"
#include "server/domain/repositories.h"
#include "server/domain/request.h"
#include "server/domain/safeguarding.h"
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
/// waiting, a few lapsed), a coordinator and a supervisor, people on the
/// waiting list and requests in the demo coach's and mentor's inboxes, the
/// supervisor recorded for every coach and mentor and the coordinator as
/// the first organisation's safeguarding lead — if the store holds no
/// accounts yet; then `then` with the generated staff not yet in any
/// request and the generated pool members (for SeedDemoGoals). Returns the
/// well-known sign-ins (all with kDemoPassword) either way.
using DemoThen = std::function<absl::Status(const std::vector<Account>& staff,
                                            const std::vector<Account>& members)>;
absl::StatusOr<std::vector<DemoSignIn>> SeedDemoData(
    OrganisationRepository& organisations, AccountRepository& accounts, ProfileRepository& profiles,
    RequestRepository& requests, SafeguardingRepository& safeguarding, const PasswordHasher& hasher,
    const Clock& clock, const ListingSettings& listing, int answer_working_days,
    const DemoThen& then = nullptr);

}  // namespace tandem::domain
