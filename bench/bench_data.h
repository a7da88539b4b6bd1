#pragma once

// Benchmark data shared by search_bench and suggest_bench: the same
// deterministic pool of profiles, written through the real repositories.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "server/storage/sqlite/sqlite_account_repository.h"
#include "server/storage/sqlite/sqlite_organisation_repository.h"
#include "server/storage/sqlite/sqlite_profile_repository.h"
#include "shared/deterministic_random.h"

namespace tandem::bench {

/// DeterministicRandom with a pick from a fixed list.
class Random : public DeterministicRandom {
 public:
  using DeterministicRandom::DeterministicRandom;
  template <typename T, size_t N>
  const T& Pick(const std::array<T, N>& from) {
    return from[Below(static_cast<int>(N))];
  }
};

inline constexpr std::array<const char*, 24> kFirst = {
    "Amara", "Ben",  "Chloe", "Daniel", "Efua", "Farah", "George", "Hannah",
    "Imran", "Jade", "Kwame", "Leah",   "Mo",   "Niamh", "Oliver", "Priya",
    "Rosa",  "Sam",  "Tara",  "Usman",  "Wei",  "Yusuf", "Zara",   "Aisha"};
inline constexpr std::array<const char*, 24> kLast = {
    "Adeyemi", "Brown", "Chen",   "Davies", "Evans", "Green",  "Hughes",  "Iqbal",
    "Jones",   "Lewis", "Mensah", "Nguyen", "Patel", "Quinn",  "Roberts", "Singh",
    "Taylor",  "Walsh", "Young",  "Ahmed",  "Baker", "Clarke", "Khan",    "Murphy"};
/// Codes of the built-in taxonomy (migrations/0002_directory.sql).
inline constexpr std::array<const char*, 12> kSpecialisms = {
    "leadership",        "career_planning",     "performance_improvement",
    "wellbeing",         "project_development", "change_and_transition",
    "new_to_management", "clinical_leadership", "team_working",
    "returning_to_work", "confidence",          "equality_diversity_inclusion"};
inline constexpr std::array<const char*, 8> kProfessions = {
    "Nursing",  "Medicine",    "Allied health professions", "Midwifery",
    "Pharmacy", "Social work", "Adult social care",         "Administration"};
inline constexpr std::array<const char*, 10> kWords = {
    "leading",  "teams",     "careers", "wellbeing", "change",
    "managers", "resilient", "nursing", "projects",  "coaching"};
inline constexpr std::array<const char*, 6> kSites = {
    "Main site", "Community hub", "Head office", "Riverside clinic", "North wing", "Remote"};

/// Milliseconds since `start`.
double MillisSince(std::chrono::steady_clock::time_point start);

/// A run of calls' latencies, in milliseconds.
struct Latencies {
  int calls = 0;
  double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};
/// The nearest-rank percentiles, the largest and the mean of `ms`.
Latencies Summarise(std::vector<double> ms);

/// Exits with `what` and the message unless `status` is OK.
void Check(const absl::Status& status, const char* what);

/// Creates the 20 organisations the pool is spread over; returns their ids.
std::vector<int64_t> CreateOrganisations(storage::SqliteOrganisationRepository& organisations,
                                         absl::Time now);

/// Creates `count` pool members (coach, mentor or both; mostly approved and
/// listed) with their accounts in `organisations`, always the same ones for
/// the same count. Prints progress to stderr every 20,000. Returns the
/// members' account ids in the order created.
std::vector<int64_t> LoadPool(storage::SqliteAccountRepository& accounts,
                              storage::SqliteProfileRepository& profiles,
                              const std::vector<int64_t>& organisations, int count, absl::Time now);

}  // namespace tandem::bench
