// The server's "<field>: <why>" refusals, split into the field (for forms to
// mark) and a sentence for people with no field name in it.
#include "common/refusal.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

TEST(RefusalTest, AFieldIsNamedInWordsAndKeptApart)
{
    const Refusal minutes = plainRefusal(u"actual_minutes: must be 5 to 480"_s);
    EXPECT_EQ(minutes.field, u"actual_minutes"_s);
    EXPECT_EQ(minutes.message, u"Minutes must be 5 to 480."_s);

    const Refusal name = plainRefusal(u"label: that specialism already exists"_s);
    EXPECT_EQ(name.field, u"label"_s);
    EXPECT_EQ(name.message, u"Name: That specialism already exists."_s);
}

TEST(RefusalTest, NestedAndIndexedFieldsNameTheirLastPart)
{
    const Refusal end = plainRefusal(u"terms.planned_end_on: must be before the programme ends"_s);
    EXPECT_EQ(end.field, u"planned_end_on"_s);
    EXPECT_EQ(end.message, u"Planned end date must be before the programme ends."_s);

    const Refusal theme = plainRefusal(u"themes[2]: is too long"_s);
    EXPECT_EQ(theme.field, u"themes"_s);
    EXPECT_EQ(theme.message, u"Themes is too long."_s);

    EXPECT_EQ(plainRefusal(u"coach_id: is not a coach"_s).message, u"Coach is not a coach."_s);
    EXPECT_EQ(
        plainRefusal(u"avoid_account_ids: too many"_s).message, u"Avoid account: Too many."_s);
}

TEST(RefusalTest, WordsWithoutAFieldStayAsTheyAre)
{
    const Refusal plain = plainRefusal(u"Only the coach or mentor sets the terms."_s);
    EXPECT_TRUE(plain.field.isEmpty());
    EXPECT_EQ(plain.message, u"Only the coach or mentor sets the terms."_s);
    // A sentence with a colon later on is not a field name.
    EXPECT_TRUE(plainRefusal(u"Choose a time: morning or afternoon."_s).field.isEmpty());
}

TEST(RefusalTest, NoMessageShowsASnakeCaseName)
{
    static const QRegularExpression snake(u"\\b[a-z]+_[a-z_]+\\b"_s);
    for (const QString &text : {u"review_cadence_weeks: must be 1 to 26"_s,
             u"number_of_sessions: more than this programme allows"_s,
             u"session.private_notes: is too long"_s, u"pay_band: is not a pay band"_s}) {
        const QString message = plainRefusal(text).message;
        EXPECT_FALSE(snake.match(message).hasMatch()) << message.toStdString();
    }
}
