#include "server/domain/profile.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace tandem::domain {

bool OffersCoaching(ProfileKind kind) { return kind != ProfileKind::kMentor; }
bool OffersMentoring(ProfileKind kind) { return kind != ProfileKind::kCoach; }

bool IsCoachingQualification(QualificationType type) {
  return type != QualificationType::kMentoring;
}

std::string FormatDay(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::optional<absl::CivilDay> ParseDay(const std::string& text) {
  absl::CivilDay day;
  if (text.size() != 10 || !absl::ParseCivilTime(text, &day) || FormatDay(day) != text) {
    return std::nullopt;
  }
  return day;
}

absl::CivilDay ToDay(absl::Time time) { return absl::ToCivilDay(time, absl::UTCTimeZone()); }
absl::Time StartOfDay(absl::CivilDay day) { return absl::FromCivil(day, absl::UTCTimeZone()); }

absl::Time CoachingListedUntil(const Profile& profile, const ListingSettings& settings) {
  if (!OffersCoaching(profile.details.kind) || !profile.details.last_supervision_on) {
    return absl::InfinitePast();
  }
  absl::Time qualified_until = absl::InfinitePast();
  for (const Qualification& q : profile.qualifications) {
    if (!IsCoachingQualification(q.type) || !q.verified_on) continue;
    const absl::Time until = q.expires_on ? StartOfDay(*q.expires_on) : absl::InfiniteFuture();
    qualified_until = std::max(qualified_until, until);
  }
  const absl::Time supervised_until =
      StartOfDay(*profile.details.last_supervision_on) + settings.supervision_limit;
  return std::min(qualified_until, supervised_until);
}

Listing ComputeListing(const Profile& profile, absl::Time now, const ListingSettings& settings) {
  Listing listing;
  const bool approved = profile.status == PoolStatus::kApproved;
  if (approved && OffersMentoring(profile.details.kind)) listing.mentoring = true;
  if (!OffersCoaching(profile.details.kind)) return listing;

  listing.coaching = approved && profile.coaching_listed_until > now;
  if (!approved || listing.coaching) return listing;
  // Say why an approved coach is not listed, so they can put it right.
  const bool has_verified = std::any_of(profile.qualifications.begin(),
                                        profile.qualifications.end(), [&](const Qualification& q) {
                                          return IsCoachingQualification(q.type) && q.verified_on &&
                                                 (!q.expires_on || StartOfDay(*q.expires_on) > now);
                                        });
  if (!has_verified) {
    listing.reasons.push_back("no verified, current coaching qualification");
  }
  if (!profile.details.last_supervision_on) {
    listing.reasons.push_back("no supervision date recorded");
  } else if (StartOfDay(*profile.details.last_supervision_on) + settings.supervision_limit <= now) {
    listing.reasons.push_back(absl::StrCat("last supervision is more than ",
                                           absl::ToInt64Hours(settings.supervision_limit) / 24,
                                           " days old"));
  }
  return listing;
}

bool IsAccepting(const Profile& profile, const Listing& listing) {
  return listing.listed() && profile.details.availability == Availability::kAccepting &&
         profile.current_load < profile.details.capacity;
}

}  // namespace tandem::domain
