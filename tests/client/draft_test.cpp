// One Draft for every form: saved half a second after the last change, not
// while the form fills itself, flushed when it is renamed or goes, and
// forgotten when cleared.
#include "signed_in_fixture.h"

#include "sync/draft.h"
#include "sync/drafts.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>

namespace {

using namespace Qt::StringLiterals;

class DraftTest : public SignedInFixture {
protected:
    static QVariantMap kept(const QString &name) { return Drafts::instance()->load(name); }

    QVariantMap fields {{u"reason"_s, u"First words"_s}};
};

TEST_F(DraftTest, SavesHalfASecondAfterTheLastChange)
{
    Draft draft([this] { return fields; });
    draft.open(WriteKind::CancelSession, 7);
    ASSERT_EQ(draft.name(), u"cancel_session:7"_s);
    QElapsedTimer sinceChange;
    sinceChange.start();
    draft.changed();
    drain();
    EXPECT_TRUE(kept(draft.name()).isEmpty()) << "saved at once";
    ASSERT_TRUE(waitUntil([&] { return !kept(draft.name()).isEmpty(); }, 3000));
    EXPECT_GE(sinceChange.elapsed(), Draft::kDelayMs - 50);
    EXPECT_EQ(draft.load().value(u"reason"_s).toString(), u"First words"_s);
    EXPECT_TRUE(draft.savedAt().isValid());
}

TEST_F(DraftTest, NothingIsSavedWhileTheFormFillsItself)
{
    Draft draft([this] { return fields; });
    {
        const Draft::Quiet filling(draft);
        draft.open(WriteKind::EndRelationship, 3);
        draft.changed();
    }
    EXPECT_FALSE(waitUntil([&] { return !kept(draft.name()).isEmpty(); }, Draft::kDelayMs * 2));
}

TEST_F(DraftTest, WhatIsPendingIsSavedUnderItsOwnNameWhenRenamedOrGone)
{
    {
        Draft draft([this] { return fields; });
        draft.open(WriteKind::CancelSession, 1);
        draft.changed();
        fields = {{u"reason"_s, u"Second words"_s}};
        draft.open(WriteKind::CancelSession, 2); // flushes to 1 first
        EXPECT_EQ(kept(u"cancel_session:1"_s).value(u"reason"_s).toString(), u"Second words"_s);
        draft.changed();
    } // goes: flushed
    EXPECT_EQ(kept(u"cancel_session:2"_s).value(u"reason"_s).toString(), u"Second words"_s);
}

TEST_F(DraftTest, ClearForgetsItAndWhatWasPending)
{
    Draft draft([this] { return fields; });
    draft.open(WriteKind::RescheduleSession, 4);
    ASSERT_TRUE(draft.save());
    draft.changed();
    draft.clear();
    drain();
    EXPECT_FALSE(waitUntil([&] { return !kept(draft.name()).isEmpty(); }, Draft::kDelayMs * 2));
}

TEST_F(DraftTest, InQmlTheFieldsCountOnlyWhileActive)
{
    Draft draft;
    draft.setKind(WriteKind::EndRelationship);
    draft.setSubject(9);
    draft.setActive(false);
    draft.setFields({{u"reason"_s, u"Filled from the draft"_s}});
    EXPECT_FALSE(waitUntil([&] { return !draft.load().isEmpty(); }, Draft::kDelayMs * 2));
    draft.setActive(true);
    draft.setFields({{u"reason"_s, u"Typed"_s}});
    draft.setActive(false); // closed: saved at once
    EXPECT_EQ(draft.load().value(u"reason"_s).toString(), u"Typed"_s);
}

} // namespace
