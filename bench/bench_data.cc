#include "bench/bench_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "server/domain/directory.h"

namespace tandem::bench {

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

Latencies Summarise(std::vector<double> ms) {
  Latencies l;
  if (ms.empty()) return l;
  std::sort(ms.begin(), ms.end());
  const auto at = [&](size_t percent) {
    return ms[std::min(ms.size() - 1, (ms.size() * percent + 99) / 100 - 1)];
  };
  l.calls = static_cast<int>(ms.size());
  l.p50 = at(50);
  l.p90 = at(90);
  l.p99 = at(99);
  l.max = ms.back();
  double sum = 0;
  for (const double m : ms) sum += m;
  l.mean = sum / static_cast<double>(ms.size());
  return l;
}

void Check(const absl::Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, std::string(status.message()).c_str());
    std::exit(1);
  }
}

std::vector<int64_t> CreateOrganisations(storage::SqliteOrganisationRepository& organisations,
                                         absl::Time now) {
  std::vector<int64_t> orgs;
  for (int i = 0; i < 20; ++i) {
    auto org = organisations.Create(absl::StrCat("Organisation ", i + 1),
                                    domain::OrganisationKind::kNhsTrust, now);
    Check(org.status(), "organisation");
    orgs.push_back(org->id);
  }
  return orgs;
}

std::vector<int64_t> LoadPool(storage::SqliteAccountRepository& accounts,
                              storage::SqliteProfileRepository& profiles,
                              const std::vector<int64_t>& orgs, int count, absl::Time now) {
  Random random(42);
  const absl::CivilDay today = domain::ToDay(now);
  const domain::ListingSettings listing;
  std::vector<int64_t> members;
  members.reserve(static_cast<size_t>(std::max(0, count)));
  for (int i = 0; i < count; ++i) {
    const int64_t org = orgs[random.Below(static_cast<int>(orgs.size()))];
    auto account =
        accounts.Create({.email = absl::StrCat("member", i, "@example.org"),
                         .display_name = absl::StrCat(random.Pick(kFirst), " ", random.Pick(kLast)),
                         .organisation_id = org,
                         .roles = {domain::Role::kCoach},
                         .password_hash = "x",
                         .password_change_required = false},
                        now);
    Check(account.status(), "account");
    members.push_back(account->id);
    domain::ProfileDetails d;
    d.kind = static_cast<domain::ProfileKind>(1 + random.Below(3));
    d.headline =
        absl::StrCat(random.Pick(kWords), " ", random.Pick(kWords), " and ", random.Pick(kWords));
    for (int w = 0; w < 30; ++w) absl::StrAppend(&d.bio, random.Pick(kWords), " ");
    for (int s = 0; s < 3; ++s) d.specialisms.push_back(random.Pick(kSpecialisms));
    std::sort(d.specialisms.begin(), d.specialisms.end());
    d.specialisms.erase(std::unique(d.specialisms.begin(), d.specialisms.end()),
                        d.specialisms.end());
    d.professions = {random.Pick(kProfessions)};
    d.site = random.Pick(kSites);
    d.delivery_modes = {static_cast<domain::DeliveryMode>(1 + random.Below(3))};
    d.languages = {random.Below(10) == 0 ? "Welsh" : "English"};
    d.availability = static_cast<domain::Availability>(1 + (random.Below(10) == 0 ? 1 : 0));
    d.capacity = 1 + random.Below(6);
    d.last_supervision_on = today - random.Below(110);
    d.pay_band = 5 + random.Below(8);
    domain::Qualification q;
    q.type = domain::QualificationType::kIlmLevel7;
    q.title = "ILM Level 7";
    q.awarded_on = today - 500;
    q.verified_on = today - 100;
    q.verified_by = 1;
    const domain::PoolStatus status =
        random.Below(10) == 0 ? domain::PoolStatus::kApplied : domain::PoolStatus::kApproved;
    Check(profiles
              .Update(
                  account->id, true,
                  [&](domain::Profile& p, bool) {
                    p.details = d;
                    p.status = status;
                    p.qualifications = {q};
                    p.coaching_listed_until = domain::CoachingListedUntil(p, listing);
                    return absl::OkStatus();
                  },
                  now)
              .status(),
          "profile");
    if ((i + 1) % 20000 == 0) std::fprintf(stderr, "  loaded %d profiles\n", i + 1);
  }
  return members;
}

}  // namespace tandem::bench
