#include "server/domain/audit.h"

#include "absl/strings/str_cat.h"

namespace tandem::domain {

std::string DayInWords(absl::Time at) {
  // Spelled out here rather than by strftime's %B, which follows the locale.
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  const absl::CivilDay day = absl::ToCivilDay(at, absl::UTCTimeZone());
  return absl::StrCat(day.day(), " ", kMonths[day.month() - 1], " ", day.year());
}

}  // namespace tandem::domain
