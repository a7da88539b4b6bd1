#pragma once

#include <QDateTime>
#include <QString>

/// Dates and times as the app shows them, in one place: "2 December 2026"
/// (the NHS service manual's style), "Wednesday 2 December 2026" where the
/// day of the week helps, "14:30" on the 24-hour clock. Moments are shown
/// in the device's time zone. Each gives "" for an invalid value.
namespace DateWords {

/// "2 December 2026".
QString day(const QDate &date);
/// "2 December 2026", local to the device.
QString day(const QDateTime &when);
/// "2 December 2026" for a "YYYY-MM-DD" date; the text itself if it is not one.
QString day(const QString &isoDate);
/// "Wednesday 2 December 2026", local to the device.
QString weekday(const QDateTime &when);
/// "14:30", local to the device.
QString time(const QDateTime &when);
/// How long ago `when` was, seen at `now`, as a list of what happened says
/// it: "Just now", "5 minutes ago", "Today at 09:10", "Yesterday at 14:05",
/// "Tuesday at 14:05" within the week, else "2 December 2026 at 14:05".
QString since(const QDateTime &when, const QDateTime &now);

} // namespace DateWords
