#include "server/domain/disclosure.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tandem::domain::disclosure {
namespace {

bool TooFew(int64_t n) { return n > 0 && n < kMinGroup; }

double OneDecimal(double x) { return std::round(x * 10.0) / 10.0; }

}  // namespace

int64_t RoundToFive(int64_t n) {
  const int64_t sign = n < 0 ? -1 : 1;
  const int64_t magnitude = n < 0 ? -n : n;
  return sign * ((magnitude + 2) / 5 * 5);
}

double RoundToFive(double x) {
  return std::copysign(std::floor(std::fabs(x) / 5.0 + 0.5) * 5.0, x);
}

Protected Count(int64_t n) {
  if (TooFew(n)) return {.value = 0, .suppressed = true};
  return {.value = static_cast<double>(RoundToFive(n))};
}

Protected Hours(int64_t minutes, int64_t people) {
  if (TooFew(people)) return {.value = 0, .suppressed = true};
  if (people == 0) return {};
  return {.value = RoundToFive(static_cast<double>(minutes) / 60.0)};
}

Protected Percent(int64_t part, int64_t whole) {
  const Protected p = Count(part);
  const Protected w = Count(whole);
  if (p.suppressed || w.suppressed || w.value == 0) return {.value = 0, .suppressed = true};
  return {.value = OneDecimal(100.0 * p.value / w.value)};
}

Protected Average(const std::vector<double>& values) {
  return AverageOf(std::accumulate(values.begin(), values.end(), 0.0),
                   static_cast<int64_t>(values.size()));
}

Protected AverageOf(double sum, int64_t count) {
  if (count < kMinGroup) return {.value = 0, .suppressed = true};
  return {.value = OneDecimal(RoundToFive(sum) / static_cast<double>(RoundToFive(count)))};
}

Protected Quantile(std::vector<double> values, double q) {
  const auto n = static_cast<int64_t>(values.size());
  if (n < kMinGroup) return {.value = 0, .suppressed = true};
  const auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(n)));
  const size_t index = std::clamp<size_t>(rank, 1, values.size()) - 1;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                   values.end());
  return {.value = std::round(values[index])};
}

bool MayReleaseText(int64_t answers) { return answers >= kMinGroup; }

}  // namespace tandem::domain::disclosure
