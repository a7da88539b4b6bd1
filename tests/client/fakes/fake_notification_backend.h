#pragma once

#include "fakes/fake_service.h"
#include "notifications/notification_backend.h"

#include <QList>
#include <QPointer>

#include <memory>

/// One stream a FakeNotificationBackend opened: what it was asked for, and
/// the means to send it messages or end it as the server would.
class FakeNotificationStream {
public:
    /// The sequence the stream was opened after.
    qint64 afterSequence() const { return m_after; }
    /// Still open: neither ended nor stopped.
    bool open() const { return !m_ended && !m_stopped; }
    bool stopped() const { return m_stopped; }

    /// A message, as the server sends one (at once, on the caller's
    /// thread); false if the stream is not open.
    bool send(const NotificationBatch &batch);
    /// Ends the stream with `end` (OK, or why); false if it is not open.
    bool end(const Result<Done> &end);

private:
    friend class FakeNotificationBackend;
    friend class FakeNotificationWatch;

    qint64 m_after = 0;
    QPointer<QObject> m_context;
    NotificationBackend::BatchHandler m_onBatch;
    Callback<Done> m_onEnd;
    bool m_ended = false;
    bool m_stopped = false;
};

/// NotificationBackend with no server: records each call and answers as
/// scripted (FakeService); listNotifications() answers with an empty page
/// by default, markRead() with 0. Every stream opened is kept in streams(),
/// oldest first, for the test to drive.
class FakeNotificationBackend : public NotificationBackend, public FakeService {
public:
    void listNotifications(qint64 beforeSequence, int pageSize, QObject *context,
        Callback<NotificationPage> done) override;
    void markRead(const QList<qint64> &sequences, qint64 upToSequence, QObject *context,
        Callback<int> done) override;
    void getPreferences(QObject *context, Callback<NotificationPreferencesInfo> done) override;
    void savePreferences(const NotificationPreferencesInfo &preferences, QObject *context,
        Callback<NotificationPreferencesInfo> done) override;
    std::unique_ptr<NotificationWatch> watch(qint64 afterSequence, QObject *context,
        BatchHandler onBatch, Callback<Done> onEnd) override;

    const QList<std::shared_ptr<FakeNotificationStream>> &streams() const { return m_streams; }
    /// The newest stream, or null if none was opened.
    FakeNotificationStream *latest() const
    {
        return m_streams.isEmpty() ? nullptr : m_streams.last().get();
    }

private:
    QList<std::shared_ptr<FakeNotificationStream>> m_streams;
};
