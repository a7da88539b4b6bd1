#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/identity.h"
#include "shared/clock.h"

/// Who is reached: each person's optional, self-declared answers about
/// their work (and, where their organisation monitors equality, about
/// themselves), and each organisation's head-count. A declaration is its
/// person's own (activity_access.h); figures count it, never show it.
namespace tandem::domain {

/// Each answer is stored as the API's number: 0 not answered, 1 prefer not
/// to say, then the choices (pay band: 0 not answered, -1 prefer not to
/// say, 1–9 a band, 10 not on Agenda for Change).
struct Declaration {
  int staff_group = 0;
  int profession = 0;
  int pay_band = 0;
  int clinical = 0;
  int ethnic_group = 0;
  int disability = 0;
  std::optional<absl::Time> saved_at;

  bool operator==(const Declaration&) const = default;
};

/// The largest number of each answer.
inline constexpr int kMaxStaffGroup = 10;
inline constexpr int kMaxProfession = 12;
inline constexpr int kMaxDeclaredPayBand = 10;
inline constexpr int kMaxClinical = 3;
inline constexpr int kMaxEthnicGroup = 6;
inline constexpr int kMaxDisability = 3;

/// How each answer reads in a figure's row ("Not answered", "Prefer not to
/// say", "Nursing and midwifery", "Band 6").
std::string StaffGroupWords(int value);
std::string ProfessionWords(int value);
std::string PayBandWords(int value);
std::string ClinicalWords(int value);
std::string EthnicGroupWords(int value);
std::string DisabilityWords(int value);

struct OrganisationSettings {
  int64_t organisation_id = 0;
  int headcount = 0;  // 0 = not entered
  bool equality_monitoring = false;
};

class ReachRepository {
 public:
  virtual ~ReachRepository() = default;
  /// A blank declaration when the person has never saved one.
  virtual absl::StatusOr<Declaration> GetDeclaration(int64_t account_id) = 0;
  virtual absl::Status PutDeclaration(int64_t account_id, const Declaration& declaration) = 0;
  /// Defaults (no head-count, no monitoring) when never saved.
  virtual absl::StatusOr<OrganisationSettings> GetSettings(int64_t organisation_id) = 0;
  virtual absl::Status PutSettings(const OrganisationSettings& settings) = 0;
};

class Reach {
 public:
  Reach(ReachRepository& reach, const Clock& clock) : reach_(reach), clock_(clock) {}

  /// The caller's declaration and whether their organisation monitors
  /// equality.
  absl::StatusOr<std::pair<Declaration, bool>> Mine(const Principal& caller);
  /// INVALID_ARGUMENT naming the answer out of range, or an equality
  /// answer where the organisation does not monitor equality.
  absl::StatusOr<Declaration> SaveMine(const Principal& caller, Declaration declaration);
  /// Coordinators of the organisation only (PERMISSION_DENIED).
  absl::StatusOr<OrganisationSettings> Settings(const Principal& caller, int64_t organisation_id);
  absl::StatusOr<OrganisationSettings> SaveSettings(const Principal& caller,
                                                    const OrganisationSettings& settings);

 private:
  ReachRepository& reach_;
  const Clock& clock_;
};

}  // namespace tandem::domain
