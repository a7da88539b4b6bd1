#include "server/domain/directory.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/domain/notices.h"
#include "server/domain/page_token.h"
#include "server/domain/validation.h"
#include "shared/limits.h"
#include "shared/status_macros.h"

namespace tandem::domain {
namespace {

absl::StatusOr<std::optional<absl::CivilDay>> OptionalDay(const std::string& text,
                                                          absl::string_view field,
                                                          absl::CivilDay today) {
  if (text.empty()) return std::optional<absl::CivilDay>();
  const auto day = ParseDay(text);
  if (!day) return InvalidField(field, "must be a date like 2026-03-31");
  if (*day > today) return InvalidField(field, "must not be in the future");
  return day;
}

// A stable fingerprint (FNV-1a) of a search's filters, so a page token is
// only accepted for the search that made it — on any replica, after any
// restart.
uint64_t Fingerprint(const std::string& canonical) {
  uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : canonical) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

// A page token carries the keyset position and the total counted on the
// first page, so later pages need not count again.
std::string EncodeSearchToken(uint64_t fingerprint, const SearchCursor& cursor, int total) {
  return EncodePageToken(
      "srch1", {absl::StrCat(fingerprint), absl::StrCat(cursor.score), absl::StrCat(cursor.spare),
                absl::StrCat(cursor.account_id), absl::StrCat(total)});
}

absl::StatusOr<std::pair<SearchCursor, int>> DecodeSearchToken(const std::string& token,
                                                               uint64_t fingerprint) {
  const std::vector<std::string> parts =
      DecodePageToken("srch1", token, 5).value_or(std::vector<std::string>());
  uint64_t made_for = 0;
  SearchCursor cursor;
  int total = 0;
  if (parts.size() != 5 || !absl::SimpleAtoi(parts[0], &made_for) ||
      !absl::SimpleAtoi(parts[1], &cursor.score) || !absl::SimpleAtoi(parts[2], &cursor.spare) ||
      !absl::SimpleAtoi(parts[3], &cursor.account_id) || !absl::SimpleAtoi(parts[4], &total)) {
    return InvalidField("page_token", "is not a token from this search; start again from page one");
  }
  if (made_for != fingerprint) {
    return InvalidField("page_token",
                        "belongs to a search with other filters; start again from page one");
  }
  return std::make_pair(cursor, total);
}

std::string Slug(const std::string& label) {
  std::string code;
  for (unsigned char c : label) {
    if (absl::ascii_isalnum(c)) {
      code.push_back(absl::ascii_tolower(c));
    } else if (!code.empty() && code.back() != '_') {
      code.push_back('_');
    }
  }
  while (!code.empty() && code.back() == '_') code.pop_back();
  return code;
}

}  // namespace

std::vector<std::string> SearchTerms(const std::string& text) {
  std::vector<std::string> terms;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && terms.size() < limits::kMaxSearchTerms) terms.push_back(current);
    current.clear();
  };
  for (unsigned char c : text) {
    // Letters and digits, and any non-ASCII byte (part of a UTF-8 letter),
    // make words; everything else separates them.
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      current.push_back(absl::ascii_tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

absl::StatusOr<ProfileDetails> ValidateProfileInput(const ProfileInput& in,
                                                    const std::vector<Specialism>& taxonomy,
                                                    absl::CivilDay today) {
  ProfileDetails d;
  if (!in.kind) return InvalidField("kind", "choose coach, mentor or both");
  d.kind = *in.kind;
  ASSIGN_OR_RETURN(d.headline,
                   NormaliseText(in.headline, "headline", 1, limits::kHeadlineMaxLength));
  ASSIGN_OR_RETURN(d.bio, NormaliseText(in.bio, "bio", 0, limits::kBioMaxLength, true));
  ASSIGN_OR_RETURN(d.specialisms,
                   NormaliseList(in.specialisms, "specialisms", 1, limits::kMaxSpecialisms, 1,
                                 limits::kSpecialismCodeMaxLength, true));
  for (size_t i = 0; i < d.specialisms.size(); ++i) {
    const bool known = std::any_of(taxonomy.begin(), taxonomy.end(),
                                   [&](const Specialism& s) { return s.code == d.specialisms[i]; });
    if (!known) {
      return InvalidField(absl::StrCat("specialisms[", i, "]"),
                          absl::StrCat("\"", d.specialisms[i], "\" is not in the taxonomy"));
    }
  }
  std::sort(d.specialisms.begin(), d.specialisms.end());
  ASSIGN_OR_RETURN(
      d.tags, NormaliseList(in.tags, "tags", 0, limits::kMaxTags, 1, limits::kTagMaxLength, true));
  ASSIGN_OR_RETURN(
      d.professions,
      NormaliseList(in.professions, "professions", 0, limits::kMaxProfessions,
                    limits::kProfessionMinLength, limits::kProfessionMaxLength, false));
  ASSIGN_OR_RETURN(d.site, NormaliseText(in.site, "site", 0, limits::kSiteMaxLength));
  d.delivery_modes = in.delivery_modes;
  std::sort(d.delivery_modes.begin(), d.delivery_modes.end());
  d.delivery_modes.erase(std::unique(d.delivery_modes.begin(), d.delivery_modes.end()),
                         d.delivery_modes.end());
  if (d.delivery_modes.empty()) return InvalidField("delivery_modes", "at least one is required");
  ASSIGN_OR_RETURN(d.languages,
                   NormaliseList(in.languages, "languages", 1, limits::kMaxLanguages,
                                 limits::kLanguageMinLength, limits::kLanguageMaxLength, false));
  if (!in.availability) return InvalidField("availability", "choose accepting, full or on leave");
  d.availability = *in.availability;
  if (in.capacity < 1 || in.capacity > limits::kMaxCapacity) {
    return InvalidField("capacity", absl::StrCat("must be 1 to ", limits::kMaxCapacity));
  }
  d.capacity = in.capacity;
  ASSIGN_OR_RETURN(d.last_supervision_on,
                   OptionalDay(in.last_supervision_on, "last_supervision_on", today));
  if (in.training_level < 0 || in.training_level > kMaxTrainingLevel) {
    return InvalidField("training_level", "is not a known training level");
  }
  d.training_level = in.training_level;
  if (in.pay_band != 0 && (in.pay_band < kMinPayBand || in.pay_band > kMaxPayBand)) {
    return InvalidField("pay_band", "is not a known pay band");
  }
  if (OffersMentoring(d.kind) && in.pay_band == 0) {
    return InvalidField("pay_band", "is required for mentors");
  }
  d.pay_band = in.pay_band;
  if (in.years_experience < 0 || in.years_experience > limits::kMaxYearsExperience) {
    return InvalidField("years_experience",
                        absl::StrCat("must be 0 to ", limits::kMaxYearsExperience));
  }
  d.years_experience = in.years_experience;
  return d;
}

Directory::Directory(ProfileRepository& profiles, AccountRepository& accounts,
                     RequestRepository& requests, const Clock& clock, ListingSettings settings)
    : profiles_(profiles),
      accounts_(accounts),
      requests_(requests),
      clock_(clock),
      settings_(settings) {}

absl::StatusOr<ProfileView> Directory::ViewWithRequestFacts(const Principal& caller,
                                                            Profile profile,
                                                            int viewer_band) const {
  const bool more_senior = viewer_band > 0 && profile.details.pay_band > viewer_band;
  const int64_t account_id = profile.account_id;
  ProfileView view = View(caller, std::move(profile));
  view.more_senior_than_you = more_senior;
  ASSIGN_OR_RETURN(const AnswerStats stats, requests_.AnswerStatsFor(account_id));
  view.usual_answer = stats.median;
  return view;
}

ProfileView Directory::View(const Principal& caller, Profile profile) const {
  ProfileView view;
  view.full_access =
      caller.id() == profile.account_id || caller.Coordinates(profile.organisation_id);
  view.listing = ComputeListing(profile, clock_.Now(), settings_);
  view.accepting = IsAccepting(profile, view.listing);
  if (!view.full_access) {
    profile.email.clear();
    profile.decline_reason.clear();
    profile.details.pay_band = 0;
    view.listing.reasons.clear();
    // Others see verified qualifications only, without their evidence.
    std::erase_if(profile.qualifications, [](const Qualification& q) { return !q.verified_on; });
    for (Qualification& q : profile.qualifications) q.evidence.clear();
  }
  view.profile = std::move(profile);
  return view;
}

absl::StatusOr<std::vector<Specialism>> Directory::ListSpecialisms() {
  return profiles_.ListSpecialisms();
}

absl::StatusOr<Specialism> Directory::CreateSpecialism(const Principal&, const std::string& label) {
  Specialism specialism;
  ASSIGN_OR_RETURN(specialism.label,
                   NormaliseText(label, "label", limits::kSpecialismLabelMinLength,
                                 limits::kSpecialismLabelMaxLength));
  specialism.code = Slug(specialism.label);
  if (specialism.code.size() < 2) return InvalidField("label", "must contain letters or digits");
  const absl::Status created = profiles_.CreateSpecialism(specialism);
  if (absl::IsAlreadyExists(created))
    return InvalidField("label", "that specialism already exists");
  RETURN_IF_ERROR(created);
  return specialism;
}

absl::StatusOr<ProfileList> Directory::Search(const Principal& caller, const SearchInput& in) {
  ProfileSearch search;
  ASSIGN_OR_RETURN(const std::string query, NormaliseQuery(in.query, "query"));
  search.text_terms = SearchTerms(query);
  search.kind = in.kind;
  ASSIGN_OR_RETURN(search.specialisms,
                   NormaliseList(in.specialisms, "specialisms", 0, limits::kMaxSearchFilters, 1,
                                 limits::kSpecialismCodeMaxLength, true));
  ASSIGN_OR_RETURN(search.professions,
                   NormaliseList(in.professions, "professions", 0, limits::kMaxSearchFilters, 1,
                                 limits::kProfessionMaxLength, true));
  if (in.organisation_id.has_value()) {
    if (*in.organisation_id <= 0) return InvalidField("organisation_id", "must be positive");
    search.organisations_in = {*in.organisation_id};
  } else if (in.organisation_scope == OrganisationScope::kMine) {
    search.organisations_in = {caller.account.organisation_id};
  } else if (in.organisation_scope == OrganisationScope::kOthers) {
    search.organisations_not_in = {caller.account.organisation_id};
  }
  ASSIGN_OR_RETURN(search.site, NormaliseText(in.site, "site", 0, limits::kSiteMaxLength));
  search.site = absl::AsciiStrToLower(search.site);
  ASSIGN_OR_RETURN(search.language,
                   NormaliseText(in.language, "language", 0, limits::kLanguageMaxLength));
  search.language = absl::AsciiStrToLower(search.language);
  search.delivery_mode = in.delivery_mode;
  search.accepting_only = in.accepting_only;
  if (in.include_unlisted) {
    if (!caller.HasRole(Role::kCoordinator)) {
      return absl::PermissionDeniedError("Only a coordinator can include unlisted profiles.");
    }
    search.unlisted_from = caller.account.coordinated_organisation_ids;
  }
  if (in.page_size < 0 || in.page_size > limits::kMaxSearchPageSize) {
    return InvalidField("page_size", absl::StrCat("must be 0 to ", limits::kMaxSearchPageSize));
  }
  search.limit = (in.page_size == 0 ? limits::kDefaultSearchPageSize : in.page_size) + 1;
  search.now = clock_.Now();

  const uint64_t fingerprint = Fingerprint(absl::StrCat(
      absl::StrJoin(search.text_terms, " "), "|", in.kind ? static_cast<int>(*in.kind) : 0, "|",
      absl::StrJoin(search.specialisms, ","), "|", absl::StrJoin(search.professions, ","), "|",
      absl::StrJoin(search.organisations_in, ","), "|",
      absl::StrJoin(search.organisations_not_in, ","), "|", search.site, "|", search.language, "|",
      in.delivery_mode ? static_cast<int>(*in.delivery_mode) : 0, "|", in.accepting_only, "|",
      in.include_unlisted, "|", caller.id()));
  int first_page_total = -1;
  if (!in.page_token.empty()) {
    ASSIGN_OR_RETURN(const auto position, DecodeSearchToken(in.page_token, fingerprint));
    search.after = position.first;
    first_page_total = position.second;
    search.count_total = false;
  }

  ASSIGN_OR_RETURN(ProfilePage page, profiles_.Search(search));
  ProfileList result;
  result.total_count = page.total_count >= 0 ? page.total_count : first_page_total;
  if (static_cast<int>(page.profiles.size()) == search.limit) {
    page.profiles.pop_back();
    result.next_page_token =
        EncodeSearchToken(fingerprint, page.profiles.back().position, result.total_count);
  }
  ASSIGN_OR_RETURN(const int viewer_band, requests_.KnownPayBand(caller.id()));
  for (ScoredProfile& scored : page.profiles) {
    ASSIGN_OR_RETURN(ProfileView view,
                     ViewWithRequestFacts(caller, std::move(scored.profile), viewer_band));
    result.profiles.push_back(std::move(view));
  }
  return result;
}

absl::StatusOr<ProfileView> Directory::GetProfile(const Principal& caller, int64_t account_id) {
  if (account_id <= 0) return InvalidField("account_id", "is required");
  const absl::Status not_found =
      absl::NotFoundError(absl::StrCat("There is no listed profile ", account_id, "."));
  auto profile = profiles_.Get(account_id);
  if (absl::IsNotFound(profile.status())) return not_found;
  if (!profile.ok()) return profile.status();
  ASSIGN_OR_RETURN(const int viewer_band, requests_.KnownPayBand(caller.id()));
  ASSIGN_OR_RETURN(ProfileView view,
                   ViewWithRequestFacts(caller, *std::move(profile), viewer_band));
  if (!view.full_access && !view.listing.listed()) return not_found;
  return view;
}

absl::StatusOr<ProfileView> Directory::GetMine(const Principal& caller) {
  auto profile = profiles_.Get(caller.id());
  if (absl::IsNotFound(profile.status())) {
    return absl::NotFoundError("You have not applied to join the pool yet.");
  }
  if (!profile.ok()) return profile.status();
  return View(caller, *std::move(profile));
}

absl::StatusOr<ProfileView> Directory::UpdateOwn(
    const Principal& caller, bool create,
    const std::function<absl::Status(Profile&, bool)>& change) {
  auto updated = profiles_.Update(
      caller.id(), create,
      [&](Profile& profile, bool existed) -> absl::Status {
        RETURN_IF_ERROR(change(profile, existed));
        profile.coaching_listed_until = CoachingListedUntil(profile, settings_);
        return absl::OkStatus();
      },
      clock_.Now());
  if (absl::IsNotFound(updated.status())) {
    return absl::FailedPreconditionError("Save your profile first.");
  }
  if (!updated.ok()) return updated.status();
  return View(caller, *std::move(updated));
}

absl::StatusOr<ProfileView> Directory::SaveMine(const Principal& caller,
                                                const ProfileInput& input) {
  ASSIGN_OR_RETURN(const std::vector<Specialism> taxonomy, profiles_.ListSpecialisms());
  ASSIGN_OR_RETURN(ProfileDetails details,
                   ValidateProfileInput(input, taxonomy, ToDay(clock_.Now())));
  return UpdateOwn(caller, /*create=*/true, [&](Profile& profile, bool existed) -> absl::Status {
    // Checked in the write transaction, so a racing accept cannot slip in.
    if (details.capacity < profile.current_load) {
      return InvalidField("capacity", absl::StrCat("cannot be below the ", profile.current_load,
                                                   " people you are working with now"));
    }
    profile.details = details;
    if (!existed || profile.status == PoolStatus::kDeclined) {
      profile.status = PoolStatus::kApplied;  // applying, or re-applying
      profile.decline_reason.clear();
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<ProfileView> Directory::AddQualification(const Principal& caller,
                                                        const QualificationInput& in) {
  Qualification q;
  if (!in.type) return InvalidField("type", "is not a known qualification");
  q.type = *in.type;
  ASSIGN_OR_RETURN(q.title, NormaliseText(in.title, "title", limits::kQualificationTitleMinLength,
                                          limits::kQualificationTitleMaxLength));
  const absl::CivilDay today = ToDay(clock_.Now());
  ASSIGN_OR_RETURN(const auto awarded, OptionalDay(in.awarded_on, "awarded_on", today));
  if (!awarded) return InvalidField("awarded_on", "is required");
  q.awarded_on = *awarded;
  if (!in.expires_on.empty()) {
    q.expires_on = ParseDay(in.expires_on);
    if (!q.expires_on) return InvalidField("expires_on", "must be a date like 2026-03-31");
    if (*q.expires_on <= q.awarded_on)
      return InvalidField("expires_on", "must be after awarded_on");
  }
  ASSIGN_OR_RETURN(q.evidence,
                   NormaliseText(in.evidence, "evidence", 0, limits::kEvidenceMaxLength));
  q.account_id = caller.id();
  return UpdateOwn(caller, /*create=*/false, [&](Profile& profile, bool) {
    profile.qualifications.push_back(q);
    return absl::OkStatus();
  });
}

absl::StatusOr<ProfileView> Directory::DeleteQualification(const Principal& caller,
                                                           int64_t qualification_id) {
  if (qualification_id <= 0) return InvalidField("qualification_id", "is required");
  const auto owner = profiles_.QualificationOwner(qualification_id);
  if ((owner.ok() && *owner != caller.id()) || absl::IsNotFound(owner.status())) {
    return absl::NotFoundError("You have no such qualification.");
  }
  RETURN_IF_ERROR(owner.status());
  return UpdateOwn(caller, /*create=*/false, [&](Profile& profile, bool) {
    std::erase_if(profile.qualifications,
                  [&](const Qualification& q) { return q.id == qualification_id; });
    return absl::OkStatus();
  });
}

absl::StatusOr<ProfileList> Directory::ListPool(const Principal& caller,
                                                std::optional<PoolStatus> status, bool lapsed_only,
                                                int page_size, const std::string& page_token) {
  PoolQuery query;
  query.organisation_ids = caller.account.coordinated_organisation_ids;
  if (query.organisation_ids.empty()) {
    return absl::PermissionDeniedError("You do not coordinate any organisation.");
  }
  query.status = status;
  query.lapsed_only = lapsed_only;
  query.now = clock_.Now();
  if (page_size < 0 || page_size > limits::kMaxPageSize) {
    return InvalidField("page_size", absl::StrCat("must be 0 to ", limits::kMaxPageSize));
  }
  query.limit = (page_size == 0 ? limits::kDefaultPageSize : page_size) + 1;
  if (!page_token.empty()) {
    ASSIGN_OR_RETURN(query.after, DecodeNamePageToken(page_token));
  }
  ASSIGN_OR_RETURN(ProfilePage page, profiles_.ListPool(query));
  ProfileList result;
  result.total_count = page.total_count;
  if (static_cast<int>(page.profiles.size()) == query.limit) {
    page.profiles.pop_back();
    const Profile& last = page.profiles.back().profile;
    result.next_page_token = EncodeNamePageToken(last.display_name, last.account_id);
  }
  for (ScoredProfile& scored : page.profiles) {
    result.profiles.push_back(View(caller, std::move(scored.profile)));
  }
  return result;
}

absl::StatusOr<ProfileView> Directory::UpdateAsCoordinator(
    const Principal& caller, int64_t account_id,
    const std::function<absl::Status(Profile&)>& change) {
  if (account_id <= 0) return InvalidField("account_id", "is required");
  auto current = profiles_.Get(account_id);
  if (absl::IsNotFound(current.status())) {
    return absl::NotFoundError(absl::StrCat("There is no pool member ", account_id, "."));
  }
  RETURN_IF_ERROR(current.status());
  if (!caller.Coordinates(current->organisation_id)) {
    return absl::PermissionDeniedError("You do not coordinate that member's organisation.");
  }
  ASSIGN_OR_RETURN(Profile updated, profiles_.Update(
                                        account_id, /*create_if_missing=*/false,
                                        [&](Profile& profile, bool) -> absl::Status {
                                          RETURN_IF_ERROR(change(profile));
                                          profile.coaching_listed_until =
                                              CoachingListedUntil(profile, settings_);
                                          return absl::OkStatus();
                                        },
                                        clock_.Now()));
  return View(caller, std::move(updated));
}

absl::StatusOr<ProfileView> Directory::ReviewApplication(const Principal& caller,
                                                         int64_t account_id, bool approve,
                                                         const std::string& decline_reason) {
  std::string reason;
  if (!approve) {
    ASSIGN_OR_RETURN(
        reason, NormaliseText(decline_reason, "decline_reason", limits::kDeclineReasonMinLength,
                              limits::kDeclineReasonMaxLength, true));
  }
  NoticeBatch notices;  // the applicant hears the answer
  ASSIGN_OR_RETURN(
      ProfileView view,
      UpdateAsCoordinator(caller, account_id, [&](Profile& profile) -> absl::Status {
        if (profile.status != PoolStatus::kApplied) {
          return absl::FailedPreconditionError("This application has already been reviewed.");
        }
        profile.status = approve ? PoolStatus::kApproved : PoolStatus::kDeclined;
        profile.decline_reason = reason;
        notices.Clear();
        notices.Add(Notice{
            .recipient_id = account_id,
            .kind = approve ? NoticeKind::kApplicationApproved : NoticeKind::kApplicationDeclined,
            .screen = NoticeScreen::kMyProfile});
        return absl::OkStatus();
      }));
  if (approve) {
    // An approved member of staff becomes a coach and/or mentor. Granting is
    // idempotent, so a retry after a failure here completes it.
    ASSIGN_OR_RETURN(Account account, accounts_.Get(account_id));
    std::vector<Role> roles = account.roles;
    if (OffersCoaching(view.profile.details.kind)) roles.push_back(Role::kCoach);
    if (OffersMentoring(view.profile.details.kind)) roles.push_back(Role::kMentor);
    roles = NormaliseRoles(std::move(roles));
    if (roles != account.roles) {
      RETURN_IF_ERROR(
          accounts_.SetRoles(account_id, roles, account.coordinated_organisation_ids).status());
    }
  }
  return view;
}

absl::StatusOr<ProfileView> Directory::SetPoolStatus(const Principal& caller, int64_t account_id,
                                                     std::optional<PoolStatus> status) {
  if (status != PoolStatus::kApproved && status != PoolStatus::kPaused &&
      status != PoolStatus::kRemoved) {
    return InvalidField("status", "must be APPROVED, PAUSED or REMOVED");
  }
  const PoolStatus target = *status;
  return UpdateAsCoordinator(caller, account_id, [&](Profile& profile) -> absl::Status {
    const PoolStatus from = profile.status;
    const bool allowed = (target == PoolStatus::kPaused && from == PoolStatus::kApproved) ||
                         (target == PoolStatus::kRemoved &&
                          (from == PoolStatus::kApproved || from == PoolStatus::kPaused)) ||
                         (target == PoolStatus::kApproved &&
                          (from == PoolStatus::kPaused || from == PoolStatus::kRemoved));
    if (!allowed) {
      return absl::FailedPreconditionError(from == PoolStatus::kApplied ||
                                                   from == PoolStatus::kDeclined
                                               ? "Review the application first."
                                               : "The member is already in that state.");
    }
    profile.status = target;
    return absl::OkStatus();
  });
}

absl::StatusOr<ProfileView> Directory::VerifyQualification(const Principal& caller,
                                                           int64_t qualification_id,
                                                           bool verified) {
  if (qualification_id <= 0) return InvalidField("qualification_id", "is required");
  const auto owner = profiles_.QualificationOwner(qualification_id);
  if (absl::IsNotFound(owner.status())) {
    return absl::NotFoundError(absl::StrCat("There is no qualification ", qualification_id, "."));
  }
  RETURN_IF_ERROR(owner.status());
  const absl::CivilDay today = ToDay(clock_.Now());
  return UpdateAsCoordinator(caller, *owner, [&](Profile& profile) {
    for (Qualification& q : profile.qualifications) {
      if (q.id != qualification_id) continue;
      q.verified_on = verified ? std::optional<absl::CivilDay>(today) : std::nullopt;
      q.verified_by = verified ? caller.id() : 0;
    }
    return absl::OkStatus();
  });
}

}  // namespace tandem::domain
