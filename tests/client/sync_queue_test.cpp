// The offline outbox (SyncQueue) against a fake RelationshipBackend: what
// it sends, when, with which key, and what it keeps on the device.
#include "signed_in_fixture.h"

#include "relationships/relationship_types.h"
#include "sync/sync_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSignalSpy>

namespace {

using namespace Qt::StringLiterals;
using ::testing::ElementsAre;

const QString kRecordSession = u"recordSession"_s;
const QString kNoServer = u"Can't reach the server."_s;

/// A session held an hour ago with Amy (relationship 12), with `actions`.
SessionRecord heldSession(const QString &actions)
{
    SessionRecord record;
    record.relationshipId = 12;
    record.held = true;
    record.startedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    record.actualMinutes = 45;
    record.agreedActions = actions;
    return record;
}

class SyncQueueTest : public SignedInFixture {
protected:
    QString enqueue(const QString &actions)
    {
        return queue().enqueue(heldSession(actions), u"Session with Amy Lee"_s);
    }

    QStringList recordKeysSent() const { return relationships().keysSentTo(kRecordSession); }
};

TEST(SyncQueueRetryDelayTest, DoublesFromTwoSecondsToAMinute)
{
    EXPECT_EQ(SyncQueue::retryDelayMs(0), 2000);
    EXPECT_EQ(SyncQueue::retryDelayMs(1), 2000);
    EXPECT_EQ(SyncQueue::retryDelayMs(2), 4000);
    EXPECT_EQ(SyncQueue::retryDelayMs(3), 8000);
    EXPECT_EQ(SyncQueue::retryDelayMs(5), 32000);
    EXPECT_EQ(SyncQueue::retryDelayMs(6), 60000);
    EXPECT_EQ(SyncQueue::retryDelayMs(7), 60000);
    EXPECT_EQ(SyncQueue::retryDelayMs(1000), 60000);
}

TEST_F(SyncQueueTest, SendsWritesInOrderOneAtATime)
{
    relationships().answerWith(FakeAnswer::hold());
    const QString first = enqueue(u"First"_s);
    const QString second = enqueue(u"Second"_s);
    const QString third = enqueue(u"Third"_s);
    ASSERT_FALSE(first.isEmpty());
    drain();
    // The second waits until the first is answered.
    EXPECT_THAT(recordKeysSent(), ElementsAre(first));
    EXPECT_TRUE(queue().syncing());
    EXPECT_EQ(queue().count(), 3);

    ASSERT_TRUE(relationships().release());
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(first, second));
    ASSERT_TRUE(relationships().release());
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(first, second, third));
    ASSERT_TRUE(relationships().release());
    drain();

    EXPECT_EQ(queue().count(), 0);
    EXPECT_FALSE(queue().syncing());
    const QList<FakeCall> calls = relationships().callsTo(kRecordSession);
    ASSERT_EQ(calls.size(), 3);
    EXPECT_EQ(calls[0].arg<SessionRecord>(u"record"_s).agreedActions, u"First"_s);
    EXPECT_EQ(calls[2].arg<SessionRecord>(u"record"_s).agreedActions, u"Third"_s);
}

TEST_F(SyncQueueTest, AnAnswerTakesTheWriteOffTheDevice)
{
    QSignalSpy synced(&queue(), &SyncQueue::synced);
    relationships().answerWith(FakeAnswer::hold());
    const SessionRecord record = heldSession(u"Write the rota proposal."_s);
    const QString key = queue().enqueue(record, u"Session with Amy Lee"_s);
    drain();
    // Kept on the device until the server answers, even across a restart.
    EXPECT_TRUE(queue().contains(key));
    EXPECT_EQ(queue().waitingCount(), 1);

    ASSERT_TRUE(relationships().release());
    ASSERT_TRUE(waitUntil([] { return queue().count() == 0; }));
    ASSERT_EQ(synced.count(), 1);
    EXPECT_EQ(synced.at(0).at(0).toString(), key);
    EXPECT_FALSE(queue().contains(key));
    queue().reopen();
    EXPECT_EQ(queue().count(), 0);

    // What the server got is what was queued, with the queue's key.
    const QList<FakeCall> calls = relationships().callsTo(kRecordSession);
    ASSERT_EQ(calls.size(), 1);
    const auto sent = calls[0].arg<SessionRecord>(u"record"_s);
    EXPECT_EQ(sent.idempotencyKey, key);
    EXPECT_EQ(sent.relationshipId, 12);
    EXPECT_TRUE(sent.held);
    EXPECT_EQ(sent.actualMinutes, 45);
    EXPECT_EQ(sent.agreedActions, record.agreedActions);
    EXPECT_EQ(sent.startedAt.toSecsSinceEpoch(), record.startedAt.toSecsSinceEpoch());
}

TEST_F(SyncQueueTest, AWriteWithNoAnswerStaysAndGoesAgainWithTheSameKey)
{
    relationships().answerNextWith(FakeAnswer::unreachable(kNoServer));
    relationships().answerNextWith(FakeAnswer::unreachable(kNoServer));
    const QString key = enqueue(u"Offline"_s);
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(key));
    EXPECT_EQ(queue().count(), 1);
    EXPECT_EQ(queue().waitingCount(), 1);
    EXPECT_EQ(queue().refusedCount(), 0);
    EXPECT_EQ(queue().lastError(), kNoServer);
    EXPECT_EQ(roleOf(key, SyncQueue::AttemptsRole).toInt(), 1);
    EXPECT_FALSE(roleOf(key, SyncQueue::RefusedRole).toBool());

    // "Sync now" goes at once, without waiting out the back-off.
    queue().syncNow();
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(key, key));
    EXPECT_EQ(roleOf(key, SyncQueue::AttemptsRole).toInt(), 2);
    EXPECT_EQ(queue().waitingCount(), 1);

    queue().syncNow();
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(key, key, key));
    EXPECT_EQ(queue().count(), 0);
    EXPECT_TRUE(queue().lastError().isEmpty());
    EXPECT_GE(fakes->connection->reconnects(), 2);
}

TEST_F(SyncQueueTest, ALaterWriteWaitsBehindOneWithNoAnswer)
{
    relationships().answerNextWith(FakeAnswer::unreachable(kNoServer));
    const QString first = enqueue(u"First"_s);
    drain();
    const QString second = enqueue(u"Second"_s);
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(first, first, second));
    EXPECT_EQ(queue().count(), 0);
}

TEST_F(SyncQueueTest, TriesAgainByItselfAndWaitsLongerEachTime)
{
    relationships().answerNextWith(FakeAnswer::unreachable(kNoServer));
    relationships().answerNextWith(FakeAnswer::unreachable(kNoServer));
    const QString key = enqueue(u"Offline"_s);
    drain();
    ASSERT_THAT(recordKeysSent(), ElementsAre(key));
    QElapsedTimer sinceFailure;
    sinceFailure.start();

    // First failure: about 2 s.
    ASSERT_TRUE(waitUntil([this] { return recordKeysSent().size() == 2; }, 15000));
    EXPECT_GE(sinceFailure.elapsed(), 1500);
    EXPECT_THAT(recordKeysSent(), ElementsAre(key, key));

    // Second failure in a row: 4 s, so nothing for the next 2.5 s.
    drain();
    EXPECT_FALSE(waitUntil([this] { return recordKeysSent().size() == 3; }, 2500));
    queue().syncNow();
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(key, key, key));
    EXPECT_EQ(queue().count(), 0);
}

TEST_F(SyncQueueTest, ARefusalIsKeptWithTheServersWordsAndNotSentAgain)
{
    relationships().answerNextWith(FakeAnswer::refuse(u"actual_minutes: must be 5 to 480"_s));
    const QString words = u"Minutes must be 5 to 480."_s;
    QSignalSpy refused(&queue(), &SyncQueue::refused);
    const QString key = enqueue(u"Refused"_s);
    ASSERT_TRUE(waitUntil([] { return queue().refusedCount() == 1; }));
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(refused.at(0).at(0).toString(), key);
    EXPECT_EQ(refused.at(0).at(1).toString(), words);
    EXPECT_EQ(queue().count(), 1);
    EXPECT_EQ(queue().waitingCount(), 0);
    EXPECT_TRUE(roleOf(key, SyncQueue::RefusedRole).toBool());
    EXPECT_EQ(roleOf(key, SyncQueue::LastErrorRole).toString(), words);

    // Later writes still go; the refused one does not, whatever is tried.
    const QString later = enqueue(u"Later"_s);
    drain();
    queue().syncNow();
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(key, later));
    queue().reopen();
    queue().syncNow();
    drain();
    EXPECT_THAT(recordKeysSent(), ElementsAre(key, later));
    EXPECT_EQ(queue().count(), 1);
    EXPECT_EQ(roleOf(key, SyncQueue::LastErrorRole).toString(), words);
}

TEST_F(SyncQueueTest, RetrySendsARefusedWriteAgainWithItsKey)
{
    relationships().answerNextWith(
        FakeAnswer::refuse(u"Only a session still to come can be cancelled."_s));
    const QString key = enqueue(u"Refused, then retried"_s);
    ASSERT_TRUE(waitUntil([] { return queue().refusedCount() == 1; }));

    queue().retry(key);
    ASSERT_TRUE(waitUntil([] { return queue().count() == 0; }));
    EXPECT_THAT(recordKeysSent(), ElementsAre(key, key));
}

TEST_F(SyncQueueTest, DiscardDropsAWriteForGood)
{
    relationships().answerNextWith(FakeAnswer::refuse(u"Not allowed."_s));
    const QString refused = enqueue(u"Refused"_s);
    ASSERT_TRUE(waitUntil([] { return queue().refusedCount() == 1; }));
    queue().discard(refused);
    EXPECT_EQ(queue().count(), 0);
    EXPECT_FALSE(queue().contains(refused));

    // One with no answer yet goes the same way.
    relationships().answerNextWith(FakeAnswer::unreachable(kNoServer));
    const QString waiting = enqueue(u"Waiting"_s);
    drain();
    ASSERT_TRUE(queue().contains(waiting));
    queue().discard(waiting);

    queue().syncNow();
    drain();
    queue().reopen();
    EXPECT_EQ(queue().count(), 0);
    EXPECT_THAT(recordKeysSent(), ElementsAre(refused, waiting));
}

TEST_F(SyncQueueTest, ReopenKeepsWaitingWritesWithTheirKeysInOrder)
{
    relationships().answerWith(FakeAnswer::unreachable(kNoServer));
    const QString first = enqueue(u"First"_s);
    const QString second = enqueue(u"Second"_s);
    drain();

    // As the app would find them after a restart.
    queue().reopen();
    ASSERT_EQ(queue().count(), 2);
    EXPECT_EQ(queue().waitingCount(), 2);
    EXPECT_EQ(queue().data(queue().index(0), SyncQueue::KeyRole).toString(), first);
    EXPECT_EQ(queue().data(queue().index(1), SyncQueue::KeyRole).toString(), second);

    relationships().answerWith(FakeAnswer::ok());
    queue().syncNow();
    drain();
    EXPECT_EQ(queue().count(), 0);
    EXPECT_THAT(recordKeysSent(), ElementsAre(first, first, second));
    const QList<FakeCall> calls = relationships().callsTo(kRecordSession);
    EXPECT_EQ(calls.last().arg<SessionRecord>(u"record"_s).agreedActions, u"Second"_s);
}

TEST_F(SyncQueueTest, AWriteWhoseAnswerWasLostKeepsTheKeyItWasSentWith)
{
    const QString lost = u"0123456789abcdef0123456789abcdef"_s;
    SessionRecord record = heldSession(u"Sent before"_s);
    record.idempotencyKey = lost;
    EXPECT_EQ(queue().enqueue(record, {}), lost);
    ASSERT_TRUE(waitUntil([] { return queue().count() == 0; }));
    EXPECT_THAT(recordKeysSent(), ElementsAre(lost));
}

} // namespace
