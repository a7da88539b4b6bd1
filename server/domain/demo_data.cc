#include "server/domain/demo_data.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/domain/matching.h"
#include "shared/deterministic_random.h"
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

using DemoRandom = DeterministicRandom;

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

constexpr std::array<const char*, 10> kProfessions = {"Nursing",
                                                      "Medicine",
                                                      "Allied health professions",
                                                      "Midwifery",
                                                      "Pharmacy",
                                                      "Healthcare science",
                                                      "Social work",
                                                      "Adult social care",
                                                      "Administration and clerical",
                                                      "Estates and facilities"};

constexpr std::array<const char*, 5> kSites = {"Main hospital site", "Community hub", "Head office",
                                               "Riverside clinic", "Remote"};

constexpr std::array<const char*, 12> kSpecialismCodes = {
    "leadership",        "career_planning",     "performance_improvement",
    "wellbeing",         "project_development", "change_and_transition",
    "new_to_management", "clinical_leadership", "team_working",
    "returning_to_work", "confidence",          "equality_diversity_inclusion"};

constexpr std::array<const char*, 8> kHeadlines = {
    "Helping new managers find their feet",      "Leadership coaching for clinical teams",
    "Career conversations for every band",       "Supporting people through change",
    "Wellbeing-first coaching for busy shifts",  "From idea to implementation: project mentoring",
    "Confidence and resilience after time away", "Inclusive leadership and team working"};

constexpr std::array<const char*, 4> kBios = {
    "I have worked across acute and community settings and coach people at every stage of "
    "their career. I focus on what you want to change and how you will get there.",
    "Fifteen years in the NHS, the last eight leading teams. I mentor people stepping into "
    "their first management role and those preparing for senior posts.",
    "I coach with curiosity and kindness. Sessions are yours: we agree goals together at the "
    "start and review them as we go.",
    "Qualified coach and experienced manager in social care. I enjoy helping people find "
    "balance and confidence in demanding roles."};

// A pool member's profile, chosen deterministically from `random`.
ProfileDetails DemoDetails(DemoRandom& random, ProfileKind kind, absl::CivilDay today) {
  ProfileDetails d;
  d.kind = kind;
  d.headline = kHeadlines[random.Below(kHeadlines.size())];
  d.bio = kBios[random.Below(kBios.size())];
  const int specialisms = 2 + random.Below(3);
  for (int i = 0; i < specialisms; ++i) {
    d.specialisms.push_back(kSpecialismCodes[random.Below(kSpecialismCodes.size())]);
  }
  std::sort(d.specialisms.begin(), d.specialisms.end());
  d.specialisms.erase(std::unique(d.specialisms.begin(), d.specialisms.end()), d.specialisms.end());
  d.professions = {kProfessions[random.Below(kProfessions.size())]};
  d.site = kSites[random.Below(kSites.size())];
  d.delivery_modes = {DeliveryMode::kVideo};
  if (random.Below(2) == 0)
    d.delivery_modes.insert(d.delivery_modes.begin(), DeliveryMode::kInPerson);
  if (random.Below(3) == 0) d.delivery_modes.push_back(DeliveryMode::kPhone);
  d.languages = {"English"};
  if (random.Below(8) == 0) d.languages.push_back(random.Below(2) == 0 ? "Welsh" : "Polish");
  const int availability = random.Below(10);
  d.availability = availability < 8   ? Availability::kAccepting
                   : availability < 9 ? Availability::kFull
                                      : Availability::kOnLeave;
  d.capacity = 2 + random.Below(5);
  if (OffersCoaching(kind)) {
    // Most supervised recently; about one in eight has lapsed.
    d.last_supervision_on =
        today - (random.Below(8) == 0 ? 100 + random.Below(60) : random.Below(80));
    d.training_level = 1 + random.Below(3);
  }
  if (OffersMentoring(kind)) {
    d.pay_band = 6 + random.Below(7);
    d.years_experience = 5 + random.Below(25);
  }
  return d;
}

constexpr std::array<const char*, 6> kGaps = {
    "I have just stepped up to lead a team and want to grow into the role with confidence.",
    "I would like to plan the next step in my career and understand what I need to get there.",
    "Returning after a long absence, I want support to settle back in and find my feet.",
    "I want to lead a service improvement project and bring the team with me.",
    "I struggle to balance a demanding rota with everything else and want to change that.",
    "I would like to develop as an inclusive leader and build a stronger team culture."};

// People on the waiting list (both kinds, waiting 1 to 40 days) and requests
// waiting in the demo coach's and mentor's inboxes.
absl::Status SeedRequests(RequestRepository& requests, DemoRandom& random,
                          const std::vector<Account>& staff, const std::vector<Account>& pool,
                          absl::Time now, int answer_working_days) {
  constexpr int kWaiting = 14;
  if (staff.size() < kWaiting + 4 || pool.size() < 2) return absl::OkStatus();
  auto request_from = [&](const Account& coachee, SupportKind kind, absl::Time since) {
    SupportRequest r;
    r.coachee_id = coachee.id;
    r.coachee_organisation_id = coachee.organisation_id;
    r.created_at = since;
    r.waiting_since = since;
    r.details.kind = kind;
    r.details.gap = kGaps[random.Below(kGaps.size())];
    r.details.themes = {kSpecialismCodes[random.Below(kSpecialismCodes.size())]};
    const char* second = kSpecialismCodes[random.Below(kSpecialismCodes.size())];
    if (second != r.details.themes.front()) r.details.themes.push_back(second);
    const int mode = random.Below(4);
    if (mode > 0) r.details.delivery_mode = static_cast<DeliveryMode>(mode);
    r.details.organisation_preference = static_cast<OrganisationPreference>(random.Below(3));
    r.details.profession = kProfessions[random.Below(kProfessions.size())];
    r.details.pay_band = kind == SupportKind::kMentoring ? 3 + random.Below(3) : 0;
    return r;
  };
  for (int i = 0; i < kWaiting; ++i) {
    const SupportKind kind = i % 3 == 2 ? SupportKind::kMentoring : SupportKind::kCoaching;
    const absl::Time since = now - absl::Hours(24 * (1 + random.Below(40)) + random.Below(20));
    RETURN_IF_ERROR(
        requests.Create(request_from(staff[static_cast<size_t>(i)], kind, since)).status());
  }
  // A senior manager no mentor in the pool outranks: matching cannot place
  // them, and says why.
  SupportRequest senior =
      request_from(staff[kWaiting + 3], SupportKind::kMentoring, now - absl::Hours(24 * 9));
  senior.details.pay_band = kMaxPayBand - 1;
  RETURN_IF_ERROR(requests.Create(senior).status());
  // pool[0] is the demo coach, pool[1] the demo mentor.
  const std::pair<size_t, SupportKind> inbox[] = {
      {0, SupportKind::kCoaching}, {0, SupportKind::kCoaching}, {1, SupportKind::kMentoring}};
  for (size_t i = 0; i < std::size(inbox); ++i) {
    const absl::Time sent = now - absl::Hours(20 + 24 * static_cast<int64_t>(i));
    SupportRequest r = request_from(staff[kWaiting + i], inbox[i].second, sent);
    r.status = RequestStatus::kPending;
    r.member_id = pool[inbox[i].first].id;
    r.origin = RequestOrigin::kNamed;
    r.sent_at = sent;
    r.answer_due_at = AddWorkingDays(sent, answer_working_days);
    r.details.organisation_preference = OrganisationPreference::kAny;
    r.details.avoid_account_ids.clear();
    RETURN_IF_ERROR(requests.Create(r).status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<DemoSignIn>> SeedDemoData(
    OrganisationRepository& organisations, AccountRepository& accounts, ProfileRepository& profiles,
    RequestRepository& requests, SafeguardingRepository& safeguarding, const PasswordHasher& hasher,
    const Clock& clock, const ListingSettings& listing, int answer_working_days,
    const DemoThen& then) {
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

  std::vector<Account> pool;
  std::vector<Account> staff;  // not in the pool
  auto add = [&](std::string email, std::string name, int64_t org, std::vector<Role> roles,
                 std::vector<int64_t> coordinated = {}) -> absl::Status {
    NewAccount account{.email = std::move(email),
                       .display_name = std::move(name),
                       .organisation_id = org,
                       .roles = NormaliseRoles(std::move(roles)),
                       .coordinated_organisation_ids = std::move(coordinated),
                       .password_hash = hash,
                       .password_change_required = false};
    ASSIGN_OR_RETURN(Account created, accounts.Create(account, now));
    if (created.HasRole(Role::kCoach) || created.HasRole(Role::kMentor)) {
      pool.push_back(std::move(created));
    } else if (created.roles == std::vector<Role>{Role::kCoachee} &&
               created.email.find("@demo.") == std::string::npos) {
      staff.push_back(std::move(created));
    }
    return absl::OkStatus();
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
    const char* first = kFirstNames[random.Below(static_cast<int>(kFirstNames.size()))];
    const char* last = kLastNames[random.Below(static_cast<int>(kLastNames.size()))];
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

  // Profiles for the pool: most approved and listed, a few applications
  // waiting for review, a few paused, some coaches with lapsed supervision.
  const absl::CivilDay today = ToDay(now);
  for (size_t i = 0; i < pool.size(); ++i) {
    const Account& member = pool[i];
    const bool coach = member.HasRole(Role::kCoach);
    const bool mentor = member.HasRole(Role::kMentor);
    const ProfileKind kind = coach && mentor ? ProfileKind::kCoachAndMentor
                             : coach         ? ProfileKind::kCoach
                                             : ProfileKind::kMentor;
    const int pick = random.Below(20);
    const bool named = i < 2;  // the demo coach and mentor are always listed
    const PoolStatus status = named || pick >= 3 ? PoolStatus::kApproved
                              : pick == 0        ? PoolStatus::kPaused
                                                 : PoolStatus::kApplied;
    ProfileDetails details = DemoDetails(random, kind, today);
    if (named) {
      details.availability = Availability::kAccepting;
      details.capacity = std::max(details.capacity, 4);
      if (coach) details.last_supervision_on = today - 14;
      if (mentor) details.pay_band = std::max(details.pay_band, 8);
    }
    Qualification qualification;
    qualification.account_id = member.id;
    qualification.awarded_on = today - (400 + random.Below(2000));
    if (coach) {
      const int type = random.Below(3);
      qualification.type = type == 0   ? QualificationType::kIlmLevel5
                           : type == 1 ? QualificationType::kIlmLevel7
                                       : QualificationType::kEmccPractitioner;
      qualification.title = type == 0   ? "ILM Level 5 Certificate in Coaching and Mentoring"
                            : type == 1 ? "ILM Level 7 Certificate in Executive Coaching"
                                        : "EMCC Practitioner accreditation";
      if (type == 2) qualification.expires_on = today + 300;
    } else {
      qualification.type = QualificationType::kMentoring;
      qualification.title = "Mentoring skills certificate";
    }
    qualification.evidence = absl::StrCat("Certificate ", 100000 + member.id);
    if (status != PoolStatus::kApplied) {
      qualification.verified_on = today - 30;
      qualification.verified_by = 1;
    }
    RETURN_IF_ERROR(profiles
                        .Update(
                            member.id, /*create_if_missing=*/true,
                            [&](Profile& profile, bool) {
                              profile.details = details;
                              profile.status = status;
                              profile.qualifications = {qualification};
                              profile.coaching_listed_until = CoachingListedUntil(profile, listing);
                              return absl::OkStatus();
                            },
                            // In the pool for over a year, as the history
                            // of relationships and returns has them.
                            now - absl::Hours(24 * 400))
                        .status());
  }
  RETURN_IF_ERROR(SeedRequests(requests, random, staff, pool, now, answer_working_days));
  // The demo supervisor supervises every coach and mentor; the coordinator
  // is the first organisation's safeguarding lead.
  ASSIGN_OR_RETURN(const auto supervisor, accounts.GetWithHashByEmail(sign_ins[1].email));
  ASSIGN_OR_RETURN(const auto coordinator, accounts.GetWithHashByEmail(sign_ins[0].email));
  for (const Account& member : pool) {
    RETURN_IF_ERROR(safeguarding.SetSupervisor(member.id, supervisor.first.id, now));
  }
  RETURN_IF_ERROR(safeguarding.SetSafeguardingLead(org_ids[0], coordinator.first.id));
  if (then) {
    // Staff past the 18 SeedRequests used (the waiting list, the senior
    // manager and the inbox requests); members past the demo coach and mentor.
    constexpr size_t kUsedStaff = 18;
    const std::vector<Account> free_staff(
        staff.begin() + static_cast<std::ptrdiff_t>(std::min(kUsedStaff, staff.size())),
        staff.end());
    const std::vector<Account> members(
        pool.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(2, pool.size())), pool.end());
    RETURN_IF_ERROR(then(free_staff, members));
  }
  return sign_ins;
}

}  // namespace tandem::domain
