// The notification centre on a fake backend and stream: the first page and
// then the stream from its newest sequence; pages and messages merged by
// sequence (never twice, always newest first); the stream opened again after
// 1 s, 2 s, 4 s … at most 30 s from the last sequence held; marks kept until
// the server has them; signing out stops it all. And the words of when, and
// the notification settings form.
#include "common/date_words.h"
#include "identity/session.h"
#include "notifications/notification_centre.h"
#include "notifications/notification_preferences_form.h"
#include "signed_in_fixture.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

namespace {

using namespace Qt::StringLiterals;

NotificationInfo notice(qint64 sequence, bool read = false)
{
    NotificationInfo n;
    n.sequence = sequence;
    n.kind = u"request_received"_s;
    n.title = u"You have a new request for coaching"_s;
    n.createdAt = QDateTime::currentDateTime().addSecs(-60 * sequence);
    n.read = read;
    n.link.screen = u"inbox"_s;
    return n;
}

NotificationPage page(const QList<qint64> &sequences, bool more, int unread)
{
    NotificationPage p;
    for (qint64 s : sequences) {
        p.notifications.append(notice(s));
    }
    p.more = more;
    p.unreadCount = unread;
    return p;
}

NotificationBatch batch(const QList<qint64> &sequences, int unread)
{
    NotificationBatch b;
    for (qint64 s : sequences) {
        b.notifications.append(notice(s));
    }
    b.unreadCount = unread;
    return b;
}

class NotificationCentreTest : public SignedInFixture {
protected:
    void SetUp() override
    {
        // The first page the centre loads when it starts.
        fakes->notifications->setReply(u"listNotifications"_s, page({5, 4, 3}, true, 2));
        SignedInFixture::SetUp();
        centre = NotificationCentre::instance();
        // Made before this test signed in, or now: either way it starts.
        centre->reload();
        ASSERT_TRUE(waitUntil([this] { return centre->loaded(); }));
        ASSERT_NE(backend().latest(), nullptr);
    }

    FakeNotificationBackend &backend() const { return *fakes->notifications; }
    FakeNotificationStream &stream() const { return *backend().latest(); }
    QList<qint64> sequences() const
    {
        QList<qint64> list;
        for (const NotificationInfo &n : centre->notifications()) {
            list.append(n.sequence);
        }
        return list;
    }

    NotificationCentre *centre = nullptr;
};

TEST(NotificationCentreDelays, DoubleFromOneSecondToThirtyAtMost)
{
    EXPECT_EQ(NotificationCentre::retryDelayMs(1), 1000);
    EXPECT_EQ(NotificationCentre::retryDelayMs(2), 2000);
    EXPECT_EQ(NotificationCentre::retryDelayMs(3), 4000);
    EXPECT_EQ(NotificationCentre::retryDelayMs(5), 16000);
    EXPECT_EQ(NotificationCentre::retryDelayMs(6), 30000);
    EXPECT_EQ(NotificationCentre::retryDelayMs(40), 30000);
}

TEST_F(NotificationCentreTest, LoadsTheNewestPageThenWatchesAfterItsNewest)
{
    EXPECT_EQ(sequences(), (QList<qint64> {5, 4, 3}));
    EXPECT_EQ(centre->unreadCount(), 2);
    EXPECT_TRUE(centre->hasMore());
    const FakeCall first = backend().callsTo(u"listNotifications"_s).last();
    EXPECT_EQ(first.arg<qint64>(u"beforeSequence"_s), 0);
    EXPECT_TRUE(stream().open());
    EXPECT_EQ(stream().afterSequence(), 5);
    EXPECT_FALSE(centre->live()); // until the first message
    ASSERT_TRUE(stream().send(batch({}, 2)));
    EXPECT_TRUE(centre->live());
    EXPECT_EQ(centre->data(centre->index(0), NotificationCentre::WhenRole).toString(),
        u"5 minutes ago"_s);
}

TEST_F(NotificationCentreTest, MergesMessagesBySequenceNeverTwice)
{
    QSignalSpy arrived(centre, &NotificationCentre::arrived);
    ASSERT_TRUE(stream().send(batch({4, 5, 6}, 3)));
    EXPECT_EQ(sequences(), (QList<qint64> {6, 5, 4, 3}));
    EXPECT_EQ(centre->unreadCount(), 3);
    ASSERT_EQ(arrived.count(), 1);
    EXPECT_EQ(arrived.first().first().toInt(), 1);
    EXPECT_EQ(centre->lastSequence(), 6);
    // Out of order and again: still each once, newest first.
    ASSERT_TRUE(stream().send(batch({8, 7, 6}, 5)));
    EXPECT_EQ(sequences(), (QList<qint64> {8, 7, 6, 5, 4, 3}));
}

TEST_F(NotificationCentreTest, ReconnectsAfterTheStreamEndsFromTheLastSequence)
{
    ASSERT_TRUE(stream().send(batch({6}, 3)));
    const qsizetype opened = backend().streams().size();
    ASSERT_TRUE(stream().end(BackendError {BackendError::Kind::Unreachable, u"gone"_s, {}}));
    EXPECT_FALSE(centre->live());
    EXPECT_TRUE(centre->reconnecting());
    // Not at once: after a second.
    drain();
    EXPECT_EQ(backend().streams().size(), opened);
    ASSERT_TRUE(waitUntil([&] { return backend().streams().size() == opened + 1; }, 3000));
    EXPECT_EQ(stream().afterSequence(), 6);
    // What came meanwhile arrives; nothing twice, nothing lost.
    ASSERT_TRUE(stream().send(batch({7, 8}, 5)));
    EXPECT_EQ(sequences(), (QList<qint64> {8, 7, 6, 5, 4, 3}));
    EXPECT_TRUE(centre->live());
    EXPECT_FALSE(centre->reconnecting());
    // "Try again" does not wait.
    ASSERT_TRUE(stream().end(BackendError {BackendError::Kind::Unreachable, u"gone"_s, {}}));
    centre->retry();
    EXPECT_EQ(backend().streams().size(), opened + 2);
    EXPECT_EQ(stream().afterSequence(), 8);
}

TEST_F(NotificationCentreTest, AnExpiredSessionIsNotRetried)
{
    const qsizetype opened = backend().streams().size();
    ASSERT_TRUE(stream().end(BackendError {BackendError::Kind::SessionExpired, u"again"_s, {}}));
    EXPECT_FALSE(centre->reconnecting());
    EXPECT_FALSE(waitUntil([&] { return backend().streams().size() > opened; }, 1500));
}

TEST_F(NotificationCentreTest, OlderPagesAppendWithoutDoubles)
{
    backend().setReply(u"listNotifications"_s, page({3, 2}, true, 2));
    centre->loadMore();
    ASSERT_TRUE(waitUntil([this] { return !centre->loadingMore(); }));
    EXPECT_EQ(backend().callsTo(u"listNotifications"_s).last().arg<qint64>(u"beforeSequence"_s), 3);
    EXPECT_EQ(sequences(), (QList<qint64> {5, 4, 3, 2}));
    backend().setReply(u"listNotifications"_s, page({1}, false, 2));
    ASSERT_TRUE(centre->canFetchMore({}));
    centre->fetchMore({});
    ASSERT_TRUE(waitUntil([this] { return !centre->loadingMore(); }));
    EXPECT_EQ(sequences(), (QList<qint64> {5, 4, 3, 2, 1}));
    EXPECT_FALSE(centre->hasMore());
    EXPECT_FALSE(centre->canFetchMore({}));
}

TEST_F(NotificationCentreTest, OpeningOneMarksItReadOnceAndSaysWhereItLeads)
{
    backend().setReply(u"markRead"_s, 1);
    const QVariantMap link = centre->open(0).toMap();
    EXPECT_EQ(link.value(u"screen"_s).toString(), u"inbox"_s);
    EXPECT_TRUE(centre->notifications().first().read);
    EXPECT_EQ(centre->unreadCount(), 1); // at once, before the server answers
    ASSERT_TRUE(waitUntil([this] { return backend().callsTo(u"markRead"_s).size() == 1; }));
    drain();
    EXPECT_EQ(backend().callsTo(u"markRead"_s).first().arg<QList<qint64>>(u"sequences"_s),
        (QList<qint64> {5}));
    centre->open(0);
    drain();
    EXPECT_EQ(backend().callsTo(u"markRead"_s).size(), 1);
    EXPECT_EQ(centre->unreadCount(), 1);
}

TEST_F(NotificationCentreTest, MarkAllReadCoversThoseNotLoadedAndStaysRead)
{
    centre->markAllRead();
    EXPECT_EQ(centre->unreadCount(), 0);
    for (const NotificationInfo &n : centre->notifications()) {
        EXPECT_TRUE(n.read) << n.sequence;
    }
    ASSERT_TRUE(waitUntil([this] { return backend().callsTo(u"markRead"_s).size() == 1; }));
    EXPECT_EQ(backend().callsTo(u"markRead"_s).first().arg<qint64>(u"upToSequence"_s), 5);
    drain();
    // A notification already held never turns unread again.
    ASSERT_TRUE(stream().send(batch({5, 6}, 1)));
    EXPECT_TRUE(centre->notifications().at(1).read);
    EXPECT_FALSE(centre->notifications().at(0).read);
}

TEST_F(NotificationCentreTest, AMarkTheServerMissedIsSentAgain)
{
    backend().answerNextWith(FakeAnswer::unreachable());
    centre->open(1);
    ASSERT_TRUE(waitUntil([this] { return backend().callsTo(u"markRead"_s).size() == 1; }));
    drain();
    // Still read here, even as a message says otherwise.
    ASSERT_TRUE(stream().send(batch({4, 6}, 3)));
    EXPECT_TRUE(centre->notifications().at(2).read);
    // The message shows the server is back: the mark goes again.
    ASSERT_TRUE(waitUntil([this] { return backend().callsTo(u"markRead"_s).size() == 2; }));
    EXPECT_EQ(backend().callsTo(u"markRead"_s).last().arg<QList<qint64>>(u"sequences"_s),
        (QList<qint64> {4}));
}

TEST_F(NotificationCentreTest, SigningOutStopsTheStreamAndForgets)
{
    FakeNotificationStream &open = stream();
    Session::instance()->signOut();
    drain();
    EXPECT_TRUE(open.stopped());
    EXPECT_EQ(centre->count(), 0);
    EXPECT_EQ(centre->unreadCount(), 0);
    EXPECT_FALSE(centre->loaded());
}

TEST(DateWordsSince, SaysHowLongAgoInWords)
{
    const QDateTime now(QDate(2026, 12, 2), QTime(15, 0));
    EXPECT_EQ(DateWords::since(now.addSecs(-20), now), u"Just now"_s);
    EXPECT_EQ(DateWords::since(now.addSecs(-60), now), u"1 minute ago"_s);
    EXPECT_EQ(DateWords::since(now.addSecs(-5 * 60), now), u"5 minutes ago"_s);
    EXPECT_EQ(
        DateWords::since(QDateTime(QDate(2026, 12, 2), QTime(9, 10)), now), u"Today at 09:10"_s);
    EXPECT_EQ(DateWords::since(QDateTime(QDate(2026, 12, 1), QTime(14, 5)), now),
        u"Yesterday at 14:05"_s);
    EXPECT_EQ(
        DateWords::since(QDateTime(QDate(2026, 11, 29), QTime(8, 0)), now), u"Sunday at 08:00"_s);
    EXPECT_EQ(DateWords::since(QDateTime(QDate(2026, 11, 2), QTime(8, 0)), now),
        u"2 November 2026 at 08:00"_s);
    EXPECT_EQ(DateWords::since({}, now), QString());
}

class NotificationPreferencesFormTest : public SignedInFixture {
protected:
    static NotificationPreferencesInfo saved()
    {
        NotificationPreferencesInfo p;
        p.kinds = {{u"request_received"_s, true}, {u"session_tomorrow"_s, false},
            {u"concern_raised"_s, true}};
        p.emailAddress = u"coach@example.nhs.uk"_s;
        p.emailAvailable = false;
        return p;
    }
};

TEST_F(NotificationPreferencesFormTest, SavesChoicesAndQuietHoursAndRefusesTheSameTimeTwice)
{
    fakes->notifications->setReply(u"getPreferences"_s, saved());
    NotificationPreferencesForm form;
    ASSERT_TRUE(waitUntil([&] { return form.loaded(); }));
    EXPECT_FALSE(form.emailAvailable());
    EXPECT_EQ(form.emailKinds(), (QStringList {u"request_received"_s, u"concern_raised"_s}));
    EXPECT_FALSE(form.quietHours());
    EXPECT_FALSE(form.changed());

    form.setEmail(u"session_tomorrow"_s, true);
    form.setQuietHours(true);
    EXPECT_EQ(form.quietFrom(), u"21:00"_s); // offered overnight first
    EXPECT_EQ(form.quietTo(), u"07:00"_s);
    form.setQuietTo(u"21:00"_s);
    EXPECT_TRUE(form.changed());
    form.save();
    EXPECT_FALSE(form.fieldErrors().value(u"quietTo"_s).toString().isEmpty());
    EXPECT_TRUE(fakes->notifications->callsTo(u"savePreferences"_s).isEmpty());

    form.setQuietTo(u"06:30"_s);
    EXPECT_TRUE(form.fieldErrors().value(u"quietTo"_s).toString().isEmpty());
    QSignalSpy saved(&form, &NotificationPreferencesForm::saved);
    form.save();
    ASSERT_TRUE(waitUntil([&] { return saved.count() == 1; }));
    const auto sent = fakes->notifications->callsTo(u"savePreferences"_s)
                          .first()
                          .arg<NotificationPreferencesInfo>(u"preferences"_s);
    EXPECT_EQ(sent.quietFromMinute, 21 * 60);
    EXPECT_EQ(sent.quietToMinute, 6 * 60 + 30);
    ASSERT_EQ(sent.kinds.size(), 3);
    EXPECT_TRUE(sent.kinds.at(1).email);
    EXPECT_FALSE(form.changed());

    // Off again: sent as no quiet hours.
    form.setQuietHours(false);
    form.save();
    ASSERT_TRUE(waitUntil([&] { return saved.count() == 2; }));
    const auto off = fakes->notifications->callsTo(u"savePreferences"_s)
                         .last()
                         .arg<NotificationPreferencesInfo>(u"preferences"_s);
    EXPECT_EQ(off.quietFromMinute, off.quietToMinute);
}

TEST_F(NotificationPreferencesFormTest, GroupsOnlyTheKindsThatConcernThePerson)
{
    fakes->notifications->setReply(u"getPreferences"_s, saved());
    NotificationPreferencesForm form;
    ASSERT_TRUE(waitUntil([&] { return form.loaded(); }));
    QStringList keys;
    for (const QVariant &group : form.groups()) {
        keys.append(group.toMap().value(u"key"_s).toString());
    }
    // Kinds the server has in groups; safeguarding only for supervisors and
    // coordinators.
    EXPECT_TRUE(keys.contains(u"requests"_s));
    EXPECT_TRUE(keys.contains(u"reminders"_s));
    EXPECT_EQ(keys.contains(u"safeguarding"_s),
        Session::instance()->hasRole(u"supervisor"_s)
            || Session::instance()->hasRole(u"coordinator"_s));
    EXPECT_FALSE(keys.contains(u"sessions"_s)); // none of its kinds came
    EXPECT_EQ(NotificationPreferencesForm::labelFor(u"session_moved"_s), u"A session is moved"_s);
}

} // namespace
