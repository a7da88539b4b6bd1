#pragma once

#include <cstdint>
#include <vector>

/// Disclosure control: the one place that turns an exact figure about
/// people into one that may leave the server. Every figure the programme's
/// figures and their exports carry passes through here — for one
/// organisation and for the whole system alike (an exact system total less
/// a rounded organisation's figure could pin down a suppressed one).
///
/// NHS Digital's rule for published statistics:
/// - a count of 1–7 is suppressed; 0 is shown; any other count is rounded
///   to the nearest 5 (halves away from zero);
/// - a total of hours is suppressed when 1–7 people are behind it, else
///   rounded to the nearest 5 hours;
/// - percentages and averages are worked from the rounded figures, and an
///   average (or median or percentile) over 1–7 people is suppressed.
///
/// Differencing: every figure that leaves is rounded or suppressed, and
/// periods are whole months. Two figures that differ by one suppressed cell
/// c of 1–7 (a total and its breakdown, or two nested periods) then differ
/// by 0, 5 or 10, which leaves c anywhere in 1–4, 1–7 or 6–7: never one
/// value (tests/unit/disclosure_test.cc tries every case). Free text is
/// released only in groups of at least kMinGroup answers.
namespace tandem::domain::disclosure {

/// Fewer than this many people behind a figure and it is suppressed.
inline constexpr int64_t kMinGroup = 8;

/// A figure as it may be shown.
struct Protected {
  double value = 0;
  bool suppressed = false;

  bool operator==(const Protected&) const = default;
};

/// Rounds to the nearest multiple of 5, halves away from zero.
int64_t RoundToFive(int64_t n);
double RoundToFive(double x);

/// A count of people, sessions or requests.
Protected Count(int64_t n);

/// A total of `minutes`, shown in hours, with `people` distinct people
/// behind it.
Protected Hours(int64_t minutes, int64_t people);

/// `part` of `whole` as a percentage (one decimal), from the rounded
/// counts: suppressed when either is, or when the whole is 0.
Protected Percent(int64_t part, int64_t whole);

/// The mean of `values` (one decimal) worked from the rounded sum and the
/// rounded count; suppressed over 1–7 values, and 0 values give 0
/// suppressed (nothing to say).
Protected Average(const std::vector<double>& values);
/// The same from the values' sum and how many there are.
Protected AverageOf(double sum, int64_t count);

/// The q-th quantile (0 < q < 1, nearest rank) of `values`, rounded to
/// whole units; suppressed over fewer than kMinGroup values.
Protected Quantile(std::vector<double> values, double q);

/// Whether a group of `answers` free-text answers may be released.
bool MayReleaseText(int64_t answers);

}  // namespace tandem::domain::disclosure
