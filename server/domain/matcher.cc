#include "server/domain/matcher.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
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

std::vector<int32_t> InternAll(const std::vector<std::string>& words, Vocabulary& vocabulary) {
  std::vector<int32_t> ids;
  for (const auto& word : words) {
    const int32_t id = vocabulary.Intern(word);
    if (id != Vocabulary::kNone) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

uint64_t Bit(int32_t id) { return uint64_t{1} << (id % 64); }

uint64_t MaskOf(const std::vector<int32_t>& ids) {
  uint64_t mask = 0;
  for (int32_t id : ids) mask |= Bit(id);
  return mask;
}

// Whether a member's word list holds `id`, touching the list only when the
// mask cannot decide alone.
bool Has(const std::vector<int32_t>& sorted, uint64_t mask, int32_t id, bool exact_masks) {
  if (id < 0 || (mask & Bit(id)) == 0) return false;
  return exact_masks || std::binary_search(sorted.begin(), sorted.end(), id);
}

// Collects only the points (the fast path for ranking a whole pool).
struct PointsOnly {
  int64_t total = 0;
  template <typename ReasonFn>
  void Add(int64_t points, const ReasonFn& /*reason*/) {
    total += points;
  }
};

// Collects the points and the reason for each part that adds some.
struct WithReasons {
  std::vector<std::pair<int64_t, std::string>> parts;
  template <typename ReasonFn>
  void Add(int64_t points, const ReasonFn& reason) {
    if (points > 0) parts.emplace_back(points, reason());
  }
};

// The one definition of the score; `sink` decides whether reasons are built,
// and `audience` only how they are worded. No part adds more than its weight
// (MaxScore counts on it).
template <typename Sink>
void Score(const PreparedSeeker& prepared, const MatchProfile& c, const MatchWeights& weights,
           absl::Time now, const Vocabulary* vocabulary, ReasonsFor audience, Sink& sink) {
  const Seeker& seeker = prepared.seeker;
  const bool seeker_reads = audience == ReasonsFor::kSeeker;
  const char* const their = seeker_reads ? "your" : "their";
  const char* const as_asked = seeker_reads ? ", as you asked" : ", as they asked";
  if (!prepared.themes.empty()) {
    int shared = 0;
    for (int32_t theme : prepared.themes) {
      shared += Has(c.specialisms, c.specialism_mask, theme, prepared.exact_masks) ? 1 : 0;
    }
    if (shared > 0) {
      const int total = static_cast<int>(prepared.themes.size());
      sink.Add(int64_t{weights.themes} * shared / total, [&] {
        if (shared < total) return absl::StrCat(shared, " of ", their, " ", total, " themes");
        return total == 1 ? absl::StrCat(their, " theme") : absl::StrCat("all ", their, " themes");
      });
    }
  }
  if (seeker.delivery_mode &&
      (c.delivery_modes & (1u << static_cast<int>(*seeker.delivery_mode))) != 0) {
    sink.Add(weights.delivery_mode,
             [&] { return absl::StrCat("offers ", DeliveryModeName(*seeker.delivery_mode)); });
  }
  if (prepared.site >= 0 && prepared.site == c.site) {
    sink.Add(weights.site, [] { return std::string("same site"); });
  }
  if (Has(c.languages, c.language_mask, prepared.language, prepared.exact_masks)) {
    sink.Add(weights.language,
             [&] { return absl::StrCat("speaks ", vocabulary->Spelling(prepared.language)); });
  }
  const bool same_organisation = c.organisation_id == seeker.organisation_id;
  if (seeker.organisation_preference == OrganisationPreference::kOwn && same_organisation) {
    sink.Add(weights.organisation, [&] {
      return absl::StrCat(seeker_reads ? "your organisation" : "their own organisation", as_asked);
    });
  } else if (seeker.organisation_preference == OrganisationPreference::kOther &&
             !same_organisation) {
    sink.Add(weights.organisation, [&] { return absl::StrCat("another organisation", as_asked); });
  }
  if (Has(c.professions, c.profession_mask, prepared.profession, prepared.exact_masks)) {
    sink.Add(weights.profession, [&] {
      return absl::StrCat("has worked in ", vocabulary->Spelling(prepared.profession));
    });
  }
  if (c.capacity > 0) {
    const int spare = std::clamp(c.capacity - c.current_load, 0, c.capacity);
    sink.Add(int64_t{weights.spare_capacity} * spare / c.capacity, [&] {
      return spare == 1 ? std::string("has room for 1 more")
                        : absl::StrCat("has room for ", spare, " more");
    });
  }
  const int64_t waited_seconds = std::clamp<int64_t>(
      absl::ToInt64Seconds(now - seeker.waiting_since), 0, absl::ToInt64Seconds(kMaxWaitCounted));
  sink.Add(weights.waiting * waited_seconds / absl::ToInt64Seconds(kMaxWaitCounted),
           [&] { return absl::StrCat("waiting ", waited_seconds / 86400, " days"); });
}

}  // namespace

int64_t MaxScore(const MatchWeights& w) {
  return int64_t{w.themes} + w.delivery_mode + w.site + w.language + w.organisation + w.profession +
         w.spare_capacity + w.waiting;
}

int32_t Vocabulary::Intern(absl::string_view word) {
  if (word.empty()) return kNone;
  auto [it, added] =
      ids_.try_emplace(absl::AsciiStrToLower(word), static_cast<int32_t>(spellings_.size()));
  if (added) spellings_.emplace_back(word);
  return it->second;
}

int32_t Vocabulary::Find(absl::string_view word) const {
  if (word.empty()) return kNone;
  const auto it = ids_.find(absl::AsciiStrToLower(word));
  return it == ids_.end() ? kUnknown : it->second;
}

MatchProfile ToMatchProfile(const CandidateRow& row, Vocabulary& vocabulary) {
  MatchProfile p;
  static_cast<MemberFacts&>(p) = row;
  for (DeliveryMode mode : row.delivery_modes) p.delivery_modes |= 1u << static_cast<int>(mode);
  p.site = vocabulary.Intern(row.site);
  p.specialisms = InternAll(row.specialisms, vocabulary);
  p.languages = InternAll(row.languages, vocabulary);
  p.professions = InternAll(row.professions, vocabulary);
  p.specialism_mask = MaskOf(p.specialisms);
  p.language_mask = MaskOf(p.languages);
  p.profession_mask = MaskOf(p.professions);
  return p;
}

PreparedSeeker Prepare(Seeker seeker, const Vocabulary& vocabulary) {
  PreparedSeeker prepared;
  prepared.exact_masks = vocabulary.size() <= 64;
  for (const auto& theme : seeker.themes) prepared.themes.push_back(vocabulary.Find(theme));
  prepared.site = vocabulary.Find(seeker.site);
  prepared.language = vocabulary.Find(seeker.language);
  prepared.profession = vocabulary.Find(seeker.profession);
  std::sort(seeker.avoid_account_ids.begin(), seeker.avoid_account_ids.end());
  prepared.seeker = std::move(seeker);
  return prepared;
}

const char* ListingRuleBroken(SupportKind kind, const MemberFacts& member, absl::Time now) {
  const bool approved = member.status == PoolStatus::kApproved;
  if (kind == SupportKind::kCoaching) {
    if (!OffersCoaching(member.kind)) return "does not offer coaching";
    if (!approved || member.coaching_listed_until <= now) {
      return "is not listed as a coach (pool status, qualification or supervision)";
    }
  } else {
    if (!OffersMentoring(member.kind)) return "does not offer mentoring";
    if (!approved) return "is not listed as a mentor";
  }
  return nullptr;
}

const char* PlaceRuleBroken(const MemberFacts& member) {
  if (member.availability != Availability::kAccepting) return "is not accepting requests";
  if (member.current_load >= member.capacity) return "is full";
  return nullptr;
}

const char* HardRuleBroken(const PreparedSeeker& prepared, const MatchProfile& candidate,
                           absl::Time now) {
  const Seeker& seeker = prepared.seeker;
  if (candidate.account_id == seeker.account_id) return "is you";
  if (std::binary_search(seeker.avoid_account_ids.begin(), seeker.avoid_account_ids.end(),
                         candidate.account_id)) {
    return "is on the list of people to avoid for this request";
  }
  if (const char* rule = ListingRuleBroken(seeker.kind, candidate, now); rule != nullptr) {
    return rule;
  }
  if (seeker.kind == SupportKind::kMentoring) {
    if (seeker.pay_band == 0 || candidate.pay_band == 0) {
      return "seniority cannot be checked without both pay bands";
    }
    if (candidate.pay_band <= seeker.pay_band) return "is not more senior than the mentee";
  }
  return PlaceRuleBroken(candidate);
}

int64_t ScorePoints(const PreparedSeeker& seeker, const MatchProfile& candidate,
                    const MatchWeights& weights, absl::Time now) {
  PointsOnly sink;
  // No reasons are built, so whose voice they would be in does not matter.
  Score(seeker, candidate, weights, now, nullptr, ReasonsFor::kSeeker, sink);
  return sink.total;
}

PairScore ScorePair(const PreparedSeeker& seeker, const MatchProfile& candidate,
                    const MatchWeights& weights, absl::Time now, const Vocabulary& vocabulary,
                    ReasonsFor audience) {
  WithReasons sink;
  Score(seeker, candidate, weights, now, &vocabulary, audience, sink);
  std::stable_sort(sink.parts.begin(), sink.parts.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  PairScore result;
  result.max_score = MaxScore(weights);
  for (auto& [points, reason] : sink.parts) {
    result.score += points;
    result.reasons.push_back(std::move(reason));
  }
  return result;
}

}  // namespace tandem::domain
