#include "server/domain/demo_data.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

struct DemoOrganisation {
  const char* name;
  OrganisationKind kind;
  const char* domain;
};

constexpr std::array<DemoOrganisation, 5> kOrganisations = {{
    {"Northvale Teaching Hospitals NHS Foundation Trust", OrganisationKind::kNhsTrust,
     "northvale.example"},
    {"Riverside Community Health NHS Trust", OrganisationKind::kNhsTrust, "riverside.example"},
    {"Eastmoor County Council Adult Social Care", OrganisationKind::kLocalAuthority,
     "eastmoor.example"},
    {"Brightwater Care Homes", OrganisationKind::kCareProvider, "brightwater.example"},
    {"Hillside Primary Care Network", OrganisationKind::kPrimaryCare, "hillside.example"},
}};

constexpr std::array<const char*, 40> kFirstNames = {
    "Amara",   "Ben",   "Chloe",  "Daniel", "Efua",     "Farah",  "George", "Hannah",
    "Imran",   "Jade",  "Kwame",  "Leah",   "Mohammed", "Niamh",  "Oliver", "Priya",
    "Quentin", "Rosa",  "Samuel", "Tara",   "Usman",    "Violet", "Wei",    "Xena",
    "Yusuf",   "Zara",  "Aisha",  "Bethan", "Callum",   "Deepa",  "Elliot", "Fiona",
    "Gareth",  "Helen", "Isaac",  "Joy",    "Kieran",   "Lucy",   "Marek",  "Nadia"};

constexpr std::array<const char*, 40> kLastNames = {
    "Adeyemi", "Brown",     "Chen",     "Davies",  "Evans",  "Fernandes", "Green",   "Hughes",
    "Iqbal",   "Jones",     "Kowalski", "Lewis",   "Mensah", "Nguyen",    "O'Brien", "Patel",
    "Quinn",   "Roberts",   "Singh",    "Taylor",  "Ugwu",   "Vaughan",   "Walsh",   "Xu",
    "Young",   "Zielinski", "Ahmed",    "Baker",   "Clarke", "Dhillon",   "Edwards", "Foster",
    "Gill",    "Hall",      "Islam",    "Jackson", "Khan",   "Lloyd",     "Murphy",  "Nowak"};

// A tiny deterministic generator (SplitMix64), so the demo is the same on
// every machine and standard library.
class DemoRandom {
 public:
  explicit DemoRandom(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }

 private:
  uint64_t state_;
};

std::string EmailPart(absl::string_view name) {
  std::string out;
  for (char c : name) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

constexpr int kGeneratedStaff = 300;

}  // namespace

absl::StatusOr<std::vector<DemoSignIn>> SeedDemoData(OrganisationRepository& organisations,
                                                     AccountRepository& accounts,
                                                     const PasswordHasher& hasher,
                                                     const Clock& clock) {
  const std::vector<DemoSignIn> sign_ins = {
      {"coordinator", "coordinator@demo.tandem.example"},
      {"supervisor", "supervisor@demo.tandem.example"},
      {"coach", "coach@demo.tandem.example"},
      {"mentor", "mentor@demo.tandem.example"},
      {"coachee", "coachee@demo.tandem.example"},
  };
  ASSIGN_OR_RETURN(const int64_t existing, accounts.Count());
  if (existing > 0) return sign_ins;

  const absl::Time now = clock.Now();
  std::vector<int64_t> org_ids;
  for (const DemoOrganisation& org : kOrganisations) {
    ASSIGN_OR_RETURN(const Organisation created, organisations.Create(org.name, org.kind, now));
    org_ids.push_back(created.id);
  }
  // One hash for the shared demo password: hashing each of ~300 accounts
  // separately would add half a minute to the first start.
  ASSIGN_OR_RETURN(const std::string hash, hasher.Hash(kDemoPassword));

  auto add = [&](std::string email, std::string name, int64_t org, std::vector<Role> roles,
                 std::vector<int64_t> coordinated = {}) -> absl::Status {
    NewAccount account{.email = std::move(email),
                       .display_name = std::move(name),
                       .organisation_id = org,
                       .roles = NormaliseRoles(std::move(roles)),
                       .coordinated_organisation_ids = std::move(coordinated),
                       .password_hash = hash,
                       .password_change_required = false};
    return accounts.Create(account, now).status();
  };
  RETURN_IF_ERROR(
      add(sign_ins[0].email, "Catherine Okafor", org_ids[0], {Role::kCoordinator}, org_ids));
  RETURN_IF_ERROR(add(sign_ins[1].email, "Simon Fairweather", org_ids[0], {Role::kSupervisor}));
  RETURN_IF_ERROR(
      add(sign_ins[2].email, "Grace Mwangi", org_ids[0], {Role::kCoach, Role::kCoachee}));
  RETURN_IF_ERROR(add(sign_ins[3].email, "Rajesh Kapoor", org_ids[1], {Role::kMentor}));
  RETURN_IF_ERROR(add(sign_ins[4].email, "Emily Carter", org_ids[2], {Role::kCoachee}));

  DemoRandom random(20261122);
  for (int i = 0; i < kGeneratedStaff; ++i) {
    const char* first = kFirstNames[random.Below(kFirstNames.size())];
    const char* last = kLastNames[random.Below(kLastNames.size())];
    const int org = random.Below(static_cast<int>(org_ids.size()));
    std::vector<Role> roles = {Role::kCoachee};
    const int pick = random.Below(100);
    if (pick < 12) {
      roles.push_back(Role::kCoach);
    } else if (pick < 20) {
      roles = {Role::kMentor};
    } else if (pick < 23) {
      roles.push_back(Role::kMentor);
      roles.push_back(Role::kCoach);
    }
    RETURN_IF_ERROR(add(absl::StrCat(EmailPart(first), ".", EmailPart(last), i + 1, "@",
                                     kOrganisations[org].domain),
                        absl::StrCat(first, " ", last), org_ids[org], std::move(roles)));
  }
  return sign_ins;
}

}  // namespace tandem::domain
