#include "server/domain/matcher.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace tandem::domain {
namespace {

const char* DeliveryModeName(DeliveryMode mode) {
  switch (mode) {
    case DeliveryMode::kInPerson:
      return "in person";
    case DeliveryMode::kVideo:
      return "video";
    case DeliveryMode::kPhone:
      return "phone";
  }
  return "?";
}

// The item equal to `wanted` ignoring case, as the profile spells it.
const std::string* Find(const std::vector<std::string>& items, const std::string& wanted) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const std::string& item) {
    return absl::EqualsIgnoreCase(item, wanted);
  });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::optional<std::string> HardRuleBroken(const Seeker& seeker, const Profile& candidate,
                                          absl::Time now, const ListingSettings& settings) {
  if (candidate.account_id == seeker.account_id) return "is you";
  if (std::find(seeker.avoid_account_ids.begin(), seeker.avoid_account_ids.end(),
                candidate.account_id) != seeker.avoid_account_ids.end()) {
    return "is someone you asked to avoid";
  }
  const Listing listing = ComputeListing(candidate, now, settings);
  if (seeker.kind == SupportKind::kCoaching) {
    if (!OffersCoaching(candidate.details.kind)) return "does not offer coaching";
    if (!listing.coaching) return "is not listed as a coach (qualification or supervision)";
  } else {
    if (!OffersMentoring(candidate.details.kind)) return "does not offer mentoring";
    if (!listing.mentoring) return "is not listed as a mentor";
    if (seeker.pay_band == 0 || candidate.details.pay_band == 0) {
      return "seniority cannot be checked without both pay bands";
    }
    if (candidate.details.pay_band <= seeker.pay_band) return "is not more senior than you";
  }
  if (candidate.details.availability != Availability::kAccepting) return "is not accepting";
  if (candidate.current_load >= candidate.details.capacity) return "is full";
  return std::nullopt;
}

PairScore ScorePair(const Seeker& seeker, const Profile& candidate, const MatchWeights& weights,
                    absl::Time now) {
  PairScore result;
  const ProfileDetails& d = candidate.details;
  // Each part adds up to its weight; parts that add nothing give no reason.
  struct Part {
    int64_t points;
    std::string reason;
  };
  std::vector<Part> parts;

  if (!seeker.themes.empty()) {
    int shared = 0;
    for (const auto& theme : seeker.themes) shared += Find(d.specialisms, theme) != nullptr ? 1 : 0;
    if (shared > 0) {
      const int total = static_cast<int>(seeker.themes.size());
      parts.push_back({int64_t{weights.themes} * shared / total,
                       shared == total ? (total == 1 ? "your theme" : "all your themes")
                                       : absl::StrCat(shared, " of your ", total, " themes")});
    }
  }
  if (seeker.delivery_mode && std::find(d.delivery_modes.begin(), d.delivery_modes.end(),
                                        *seeker.delivery_mode) != d.delivery_modes.end()) {
    parts.push_back(
        {weights.delivery_mode, absl::StrCat("offers ", DeliveryModeName(*seeker.delivery_mode))});
  }
  if (!seeker.site.empty() && absl::EqualsIgnoreCase(seeker.site, d.site)) {
    parts.push_back({weights.site, "same site"});
  }
  if (const std::string* language = Find(d.languages, seeker.language); language != nullptr) {
    parts.push_back({weights.language, absl::StrCat("speaks ", *language)});
  }
  const bool same_organisation = candidate.organisation_id == seeker.organisation_id;
  if (seeker.organisation_preference == Seeker::OrganisationPreference::kOwn && same_organisation) {
    parts.push_back({weights.organisation, "your organisation, as you asked"});
  } else if (seeker.organisation_preference == Seeker::OrganisationPreference::kOther &&
             !same_organisation) {
    parts.push_back({weights.organisation, "another organisation, as you asked"});
  }
  if (const std::string* profession = Find(d.professions, seeker.profession);
      profession != nullptr) {
    parts.push_back({weights.profession, absl::StrCat("has worked in ", *profession)});
  }
  if (d.capacity > 0) {
    const int spare = std::max(0, d.capacity - candidate.current_load);
    const int64_t points = int64_t{weights.spare_capacity} * spare / d.capacity;
    if (points > 0) {
      parts.push_back({points, spare == 1 ? "has room for 1 more"
                                          : absl::StrCat("has room for ", spare, " more")});
    }
  }
  const absl::Duration waited =
      std::clamp(now - seeker.waiting_since, absl::ZeroDuration(), kMaxWaitCounted);
  const int64_t waiting_points = static_cast<int64_t>(
      weights.waiting * absl::ToDoubleHours(waited) / absl::ToDoubleHours(kMaxWaitCounted));
  if (waiting_points > 0) {
    parts.push_back(
        {waiting_points, absl::StrCat("waiting ", absl::ToInt64Hours(waited) / 24, " days")});
  }

  std::stable_sort(parts.begin(), parts.end(),
                   [](const Part& a, const Part& b) { return a.points > b.points; });
  for (Part& part : parts) {
    result.score += part.points;
    result.reasons.push_back(std::move(part.reason));
  }
  return result;
}

}  // namespace tandem::domain
