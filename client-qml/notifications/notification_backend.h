#pragma once

#include "common/result.h"
#include "notifications/notification_types.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

/// One open live stream of the caller's new notifications. Destroying it
/// stops it.
class NotificationWatch {
public:
    virtual ~NotificationWatch() = default;

    /// Ends the stream (cancels it on the server and waits for its thread).
    /// Neither of the stream's callbacks runs after this returns. Calling it
    /// again does nothing.
    virtual void stop() = 0;
};

/// The signed-in person's notifications (tandem.v1.NotificationService),
/// with Qt types only. Every call returns at once and reports through its
/// callback on the GUI thread, dropped if `context` has gone. Every call is
/// about the caller's own notifications.
class NotificationBackend {
public:
    /// Each message of a stream, on the GUI thread, in order.
    using BatchHandler = std::function<void(const NotificationBatch &)>;

    virtual ~NotificationBackend() = default;

    /// The caller's notifications before `beforeSequence` (0: the newest),
    /// newest first, at most `pageSize` (0: the server's default).
    virtual void listNotifications(
        qint64 beforeSequence, int pageSize, QObject *context, Callback<NotificationPage> done)
        = 0;
    /// Marks `sequences`, and every one up to `upToSequence` (0: none),
    /// read. Answers with the unread count after it.
    virtual void markRead(
        const QList<qint64> &sequences, qint64 upToSequence, QObject *context, Callback<int> done)
        = 0;
    virtual void getPreferences(QObject *context, Callback<NotificationPreferencesInfo> done) = 0;
    /// Replaces the caller's choices; emailAddress and emailAvailable are
    /// ignored. Answers with them as saved.
    virtual void savePreferences(const NotificationPreferencesInfo &preferences, QObject *context,
        Callback<NotificationPreferencesInfo> done)
        = 0;
    /// Opens the live stream of the caller's notifications after
    /// `afterSequence` (0: the latest hundred first): `onBatch` gets each
    /// message, the first at once with the unread count; `onEnd` runs once
    /// when the stream ends by itself (the connection was lost, the server
    /// stopped, the session ended): OK, or why. Neither runs after the
    /// returned watch is stopped or destroyed, or once `context` has gone.
    virtual std::unique_ptr<NotificationWatch> watch(
        qint64 afterSequence, QObject *context, BatchHandler onBatch, Callback<Done> onEnd)
        = 0;
};
