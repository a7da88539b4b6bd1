// What the app says of dates, of how well a match fits and of repeated
// reads in the audit trail: one way each, in words for people.
#include "common/date_words.h"
#include "common/form_base.h"
#include "matching/matching_catalogue.h"
#include "safeguarding/safeguarding_catalogue.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

QDateTime localAt(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute));
}

AuditEntryInfo read(qint64 accountId, const QString &what, const QDateTime &at)
{
    AuditEntryInfo entry;
    entry.accountId = accountId;
    entry.accountName = u"Sam Lee"_s;
    entry.what = what;
    entry.at = at;
    return entry;
}

} // namespace

TEST(WordsTest, DatesReadAsTheServiceManualWritesThem)
{
    EXPECT_EQ(DateWords::day(QDate(2026, 12, 2)), u"2 December 2026"_s);
    EXPECT_EQ(DateWords::day(u"2027-03-27"_s), u"27 March 2027"_s);
    EXPECT_EQ(DateWords::day(u"not a date"_s), u"not a date"_s);
    EXPECT_EQ(DateWords::weekday(localAt(2, 14, 30)), u"Wednesday 2 December 2026"_s);
    EXPECT_EQ(DateWords::time(localAt(2, 9, 5)), u"09:05"_s);
    EXPECT_TRUE(DateWords::day(QDate()).isEmpty());
}

TEST(WordsTest, DateProblemsSayDayMonthAndYear)
{
    const QString problem = FormBase::dateProblem(QDate(2027, 3, 27));
    EXPECT_EQ(problem, u"Enter a real date, with the day, month and year, like 27 3 2027."_s);
    EXPECT_FALSE(problem.contains(u"2027-03-27"_s));
    EXPECT_TRUE(FormBase::timeProblem().contains(u"24-hour clock"_s));
}

TEST(WordsTest, AFitIsWordedFromTheScoreOutOfTheMost)
{
    EXPECT_EQ(MatchingCatalogue::fitLabel(80, 110), u"Strong match"_s);
    EXPECT_EQ(MatchingCatalogue::fitLabel(55, 110), u"Strong match"_s);
    EXPECT_EQ(MatchingCatalogue::fitLabel(40, 110), u"Good match"_s);
    EXPECT_EQ(MatchingCatalogue::fitLabel(10, 110), u"Partial match"_s);
    EXPECT_EQ(MatchingCatalogue::fitLabel(500, 110), u"Strong match"_s) << "held to the most";
    EXPECT_TRUE(MatchingCatalogue::fitLabel(40, 0).isEmpty()) << "no maximum, no words";
}

TEST(WordsTest, RepeatedReadsOfOneThingByOnePersonAreOneRow)
{
    const QString concern = u"read a safeguarding concern raised on 1 December 2026"_s;
    const QString notes = u"read their private notes of a session on 30 November 2026"_s;
    // Newest first, as the server answers.
    const QList<QVariantMap> rows = SafeguardingCatalogue::auditRows({
        read(7, concern, localAt(3, 10, 42)),
        read(7, concern, localAt(3, 10, 30)),
        read(7, concern, localAt(3, 10, 2)),
        read(8, concern, localAt(3, 9, 50)),
        read(7, notes, localAt(3, 9, 40)),
        read(7, concern, localAt(2, 16, 0)),
        read(7, concern, localAt(1, 8, 15)),
    });
    ASSERT_EQ(rows.size(), 4);
    EXPECT_EQ(rows[0].value(u"times"_s).toInt(), 3);
    EXPECT_EQ(rows[0].value(u"atLabel"_s).toString(),
        u"3 December 2026 at 10:42 (3 times since 10:02)"_s);
    EXPECT_EQ(rows[1].value(u"times"_s).toInt(), 1) << "another person's read is its own row";
    EXPECT_EQ(rows[1].value(u"atLabel"_s).toString(), u"3 December 2026 at 09:50"_s);
    EXPECT_EQ(rows[2].value(u"what"_s).toString(), notes);
    EXPECT_EQ(rows[3].value(u"times"_s).toInt(), 2) << "a read of something else between splits";
    EXPECT_EQ(rows[3].value(u"atLabel"_s).toString(),
        u"2 December 2026 at 16:00 (2 times since 1 December 2026 at 08:15)"_s);
}
