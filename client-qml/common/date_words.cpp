#include "common/date_words.h"

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

} // namespace DateWords
