// "Record a session" (RecordSessionForm) with the outbox and a fake
// RelationshipBackend: what it refuses, what it sends, and what it keeps.
#include "signed_in_fixture.h"

#include "relationships/record_session_form.h"
#include "sync/sync_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

namespace {

using namespace Qt::StringLiterals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const QString kRecordSession = u"recordSession"_s;

/// The coaching relationship with Amy Lee, as the relationships list gives it.
QVariantMap amy()
{
    return {{u"id"_s, 12}, {u"otherName"_s, u"Amy Lee"_s}, {u"kind"_s, u"coaching"_s},
        {u"sessionMinutes"_s, 60}};
}

QVariantMap ben()
{
    return {{u"id"_s, 13}, {u"otherName"_s, u"Ben Okafor"_s}, {u"kind"_s, u"coaching"_s},
        {u"sessionMinutes"_s, 60}};
}

std::string fieldError(const FormBase &form, const QString &field)
{
    return form.fieldErrors().value(field).toString().toStdString();
}

class RecordSessionFormTest : public SignedInFixture {
protected:
    /// Fills `form` with a session held two hours ago, 45 minutes.
    static void fillValid(RecordSessionForm &form, const QDateTime &started)
    {
        form.setDate(started.date().toString(Qt::ISODate));
        form.setTime(started.time().toString(u"HH:mm"_s));
        form.setActualMinutes(45);
        form.setAgreedActions(u"Draft the rota proposal."_s);
    }
};

TEST_F(RecordSessionFormTest, FieldsNotRightSayWhyAndNothingIsSent)
{
    RecordSessionForm form;
    form.start(amy());
    QSignalSpy saved(&form, &RecordSessionForm::saved);
    form.setDate(u"3 March"_s);
    form.setTime(u"25:99"_s);
    form.setActualMinutes(2);
    form.save();
    EXPECT_THAT(fieldError(form, u"date"_s), HasSubstr("day, month and year"));
    EXPECT_THAT(fieldError(form, u"time"_s), HasSubstr("24-hour clock"));
    EXPECT_THAT(fieldError(form, u"actualMinutes"_s), HasSubstr("minutes"));

    // Not held, and nobody said who called it off.
    form.setHeld(false);
    fillValid(form, QDateTime::currentDateTime().addSecs(-7200));
    form.save();
    EXPECT_EQ(form.fieldErrors().keys(), QStringList {u"cancelledBy"_s});
    EXPECT_THAT(fieldError(form, u"cancelledBy"_s), HasSubstr("who called it off"));

    // Recorded before it happened.
    form.setHeld(true);
    fillValid(form, QDateTime::currentDateTime().addDays(1));
    form.save();
    EXPECT_THAT(fieldError(form, u"date"_s), HasSubstr("after it happens"));

    drain();
    EXPECT_EQ(saved.count(), 0);
    EXPECT_EQ(queue().count(), 0);
    EXPECT_THAT(relationships().calls(), IsEmpty());
}

TEST_F(RecordSessionFormTest, ARecordIsQueuedOnceAndSentAsTyped)
{
    relationships().answerWith(FakeAnswer::hold());
    RecordSessionForm form;
    form.start(amy());
    const QDateTime started = QDateTime::currentDateTime().addSecs(-7200);
    fillValid(form, started);
    ASSERT_TRUE(form.toggleTheme(u"leadership"_s));
    form.setPrivateNotes(u"Seemed tired."_s);
    QSignalSpy saved(&form, &RecordSessionForm::saved);
    form.save();
    ASSERT_EQ(saved.count(), 1) << form.errorMessage();
    const QString key = saved.at(0).at(0).toString();
    EXPECT_TRUE(form.fieldErrors().isEmpty());
    drain();
    EXPECT_EQ(queue().count(), 1);
    EXPECT_THAT(relationships().keysSentTo(kRecordSession), ElementsAre(key));

    ASSERT_TRUE(relationships().release());
    ASSERT_TRUE(waitUntil([] { return queue().count() == 0; }));
    const QList<FakeCall> calls = relationships().callsTo(kRecordSession);
    ASSERT_EQ(calls.size(), 1);
    const auto sent = calls[0].arg<SessionRecord>(u"record"_s);
    EXPECT_EQ(sent.idempotencyKey, key);
    EXPECT_EQ(sent.relationshipId, 12);
    EXPECT_EQ(sent.sessionId, 0);
    EXPECT_TRUE(sent.held);
    EXPECT_EQ(sent.startedAt.toSecsSinceEpoch(),
        QDateTime(started.date(), QTime(started.time().hour(), started.time().minute()))
            .toSecsSinceEpoch());
    EXPECT_EQ(sent.actualMinutes, 45);
    EXPECT_EQ(sent.themes, QStringList {u"leadership"_s});
    EXPECT_EQ(sent.agreedActions, u"Draft the rota proposal."_s);
    EXPECT_EQ(sent.privateNotes, u"Seemed tired."_s);
}

TEST_F(RecordSessionFormTest, ARefusedRecordWaitsWithTheServersWordsAndIsCorrectedUnderItsKey)
{
    relationships().answerNextWith(FakeAnswer::refuse(u"actual_minutes: must be 5 to 480"_s));
    const QString words = u"Minutes must be 5 to 480."_s;
    QString key;
    {
        RecordSessionForm form;
        form.start(amy());
        fillValid(form, QDateTime::currentDateTime().addSecs(-7200));
        QSignalSpy saved(&form, &RecordSessionForm::saved);
        form.save();
        ASSERT_EQ(saved.count(), 1);
        key = saved.at(0).at(0).toString();
    }
    ASSERT_TRUE(waitUntil([] { return queue().refusedCount() == 1; }));
    EXPECT_EQ(roleOf(key, SyncQueue::LastErrorRole).toString(), words);

    // Opened from the queue: what waits, under its key.
    RecordSessionForm correction;
    ASSERT_TRUE(correction.editQueued(key, amy()));
    EXPECT_EQ(correction.queuedKey(), key);
    EXPECT_EQ(correction.actualMinutes(), 45);
    EXPECT_EQ(correction.agreedActions(), u"Draft the rota proposal."_s);
    correction.setActualMinutes(30);
    QSignalSpy saved(&correction, &RecordSessionForm::saved);
    correction.save();
    ASSERT_EQ(saved.count(), 1);
    EXPECT_EQ(saved.at(0).at(0).toString(), key);

    ASSERT_TRUE(waitUntil([] { return queue().count() == 0; }));
    EXPECT_THAT(relationships().keysSentTo(kRecordSession), ElementsAre(key, key));
    EXPECT_EQ(relationships()
                  .callsTo(kRecordSession)
                  .last()
                  .arg<SessionRecord>(u"record"_s)
                  .actualMinutes,
        30);
}

TEST_F(RecordSessionFormTest, WhatIsTypedComesBackInANewFormAfterARestart)
{
    {
        RecordSessionForm form;
        form.start(amy());
        form.setActualMinutes(50);
        form.setAgreedActions(u"Half typed"_s);
    } // closed before the draft's delay: kept as it goes
    queue().reopen();

    RecordSessionForm again;
    again.start(amy());
    EXPECT_TRUE(again.restoredFromDraft());
    EXPECT_EQ(again.actualMinutes(), 50);
    EXPECT_EQ(again.agreedActions(), u"Half typed"_s);
    EXPECT_FALSE(again.draftSavedLabel().isEmpty());

    RecordSessionForm someoneElse;
    someoneElse.start(ben());
    EXPECT_FALSE(someoneElse.restoredFromDraft());
    EXPECT_TRUE(someoneElse.agreedActions().isEmpty());

    // Saved: the draft is done with.
    QSignalSpy saved(&again, &RecordSessionForm::saved);
    again.save();
    ASSERT_EQ(saved.count(), 1) << again.errorMessage();
    RecordSessionForm afterwards;
    afterwards.start(amy());
    EXPECT_FALSE(afterwards.restoredFromDraft());
    EXPECT_TRUE(afterwards.agreedActions().isEmpty());
}

TEST_F(RecordSessionFormTest, KeepsTheDraftWhileThePersonTypes)
{
    RecordSessionForm form;
    form.start(amy());
    form.setAgreedActions(u"Typed, form still open"_s);
    // Kept half a second after the last change, while the form is still
    // open: another form opened then (the app killed and started again)
    // finds it.
    QTest::qWait(1500);
    RecordSessionForm other;
    other.start(amy());
    EXPECT_TRUE(other.restoredFromDraft());
    EXPECT_EQ(other.agreedActions(), u"Typed, form still open"_s);
}

TEST_F(RecordSessionFormTest, ADiscardedDraftDoesNotComeBack)
{
    {
        RecordSessionForm form;
        form.start(amy());
        form.setAgreedActions(u"Not wanted"_s);
    }
    RecordSessionForm again;
    again.start(amy());
    ASSERT_TRUE(again.restoredFromDraft());
    again.discardDraft();
    EXPECT_FALSE(again.restoredFromDraft());
    EXPECT_TRUE(again.agreedActions().isEmpty());
    queue().reopen();
    RecordSessionForm afterwards;
    afterwards.start(amy());
    EXPECT_FALSE(afterwards.restoredFromDraft());
}

} // namespace
