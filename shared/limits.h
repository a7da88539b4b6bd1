#pragma once

#include <cstddef>

/// Validation limits shared by the server (which enforces them) and the app
/// (which checks them before sending, to give immediate feedback).
namespace tandem::limits {

inline constexpr std::size_t kEmailMinLength = 3;
inline constexpr std::size_t kEmailMaxLength = 254;
inline constexpr std::size_t kDisplayNameMaxLength = 120;
inline constexpr std::size_t kPasswordMinLength = 10;
inline constexpr std::size_t kPasswordMaxLength = 256;
inline constexpr std::size_t kSearchQueryMaxLength = 100;
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;
/// Largest request message the server accepts, in bytes.
inline constexpr int kMaxRequestBytes = 64 * 1024;

}  // namespace tandem::limits

/// Directory (profiles) limits.
namespace tandem::limits {

inline constexpr std::size_t kHeadlineMaxLength = 120;
inline constexpr std::size_t kBioMaxLength = 2000;
inline constexpr std::size_t kMaxSpecialisms = 10;
inline constexpr std::size_t kMaxTags = 10;
inline constexpr std::size_t kTagMaxLength = 30;
inline constexpr std::size_t kMaxProfessions = 10;
inline constexpr std::size_t kProfessionMaxLength = 60;
inline constexpr std::size_t kSiteMaxLength = 120;
inline constexpr std::size_t kMaxLanguages = 10;
inline constexpr std::size_t kLanguageMaxLength = 40;
inline constexpr int kMaxCapacity = 20;
inline constexpr int kMaxYearsExperience = 60;
inline constexpr std::size_t kQualificationTitleMaxLength = 200;
inline constexpr std::size_t kEvidenceMaxLength = 500;
inline constexpr std::size_t kDeclineReasonMinLength = 5;
inline constexpr std::size_t kDeclineReasonMaxLength = 500;
inline constexpr std::size_t kSpecialismLabelMaxLength = 60;
inline constexpr int kDefaultSearchPageSize = 20;
inline constexpr int kMaxSearchPageSize = 50;
inline constexpr std::size_t kMaxSearchTerms = 8;

}  // namespace tandem::limits

/// Requests and matching limits.
namespace tandem::limits {

inline constexpr std::size_t kGapMinLength = 10;
inline constexpr std::size_t kGapMaxLength = 2000;
inline constexpr std::size_t kMaxThemes = 5;
inline constexpr std::size_t kMaxAvoid = 50;
inline constexpr int kDefaultSuggestions = 5;
inline constexpr int kMaxSuggestions = 20;
inline constexpr int kDefaultWaitingPageSize = 100;
inline constexpr int kMaxWaitingPageSize = 500;
inline constexpr int kMaxConfirmPairs = 2000;

}  // namespace tandem::limits

/// Relationship limits.
namespace tandem::limits {

inline constexpr int kMaxContractSessions = 24;

}  // namespace tandem::limits
