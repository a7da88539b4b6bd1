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
inline constexpr std::size_t kOrganisationNameMaxLength = 200;
inline constexpr std::size_t kSearchQueryMaxLength = 100;
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;
/// Largest request message the server accepts, in bytes.
inline constexpr int kMaxRequestBytes = 64 * 1024;

}  // namespace tandem::limits
