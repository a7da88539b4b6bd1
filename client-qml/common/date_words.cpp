#include "common/date_words.h"

#include <QCoreApplication>
#include <QLocale>

namespace DateWords {

QString day(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QStringLiteral("d MMMM yyyy")) : QString();
}

QString day(const QDateTime &when)
{
    return when.isValid() ? day(when.toLocalTime().date()) : QString();
}

QString day(const QString &isoDate)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    return date.isValid() ? day(date) : isoDate;
}

QString weekday(const QDateTime &when)
{
    return when.isValid()
        ? QLocale().toString(when.toLocalTime().date(), QStringLiteral("dddd d MMMM yyyy"))
        : QString();
}

QString time(const QDateTime &when)
{
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

QString since(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid() || !now.isValid()) {
        return {};
    }
    constexpr qint64 kMinute = 60;
    constexpr qint64 kHour = 60 * kMinute;
    constexpr qint64 kWeekDays = 6;
    const qint64 seconds = when.secsTo(now);
    // A device clock a little behind the server's gives a moment "to come".
    if (seconds < kMinute) {
        return QCoreApplication::translate("DateWords", "Just now");
    }
    if (seconds < kHour) {
        const auto minutes = static_cast<int>(seconds / kMinute);
        return minutes == 1
            ? QCoreApplication::translate("DateWords", "1 minute ago")
            : QCoreApplication::translate("DateWords", "%1 minutes ago").arg(minutes);
    }
    const QDate day = when.toLocalTime().date();
    const qint64 daysAgo = day.daysTo(now.toLocalTime().date());
    const QString at = time(when);
    if (daysAgo <= 0) {
        return QCoreApplication::translate("DateWords", "Today at %1").arg(at);
    }
    if (daysAgo == 1) {
        return QCoreApplication::translate("DateWords", "Yesterday at %1").arg(at);
    }
    if (daysAgo <= kWeekDays) {
        return QCoreApplication::translate("DateWords", "%1 at %2")
            .arg(QLocale().toString(day, QStringLiteral("dddd")), at);
    }
    return QCoreApplication::translate("DateWords", "%1 at %2").arg(DateWords::day(day), at);
}

} // namespace DateWords
