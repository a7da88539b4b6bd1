#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

/// Where a notification leads in the app (tandem.v1.NotificationLink).
struct NotificationLinkInfo {
    /// "inbox", "my_requests", "relationship", "record_session",
    /// "monthly_return", "my_profile", "pool", "concerns"; empty for none.
    QString screen;
    /// "relationship" and "record_session".
    qint64 relationshipId = 0;
    /// "monthly_return": "2026-11".
    QString month;
};

/// One of the signed-in person's notifications (tandem.v1.Notification).
/// Its words come from the server ready to show, with no confidential word
/// in them.
struct NotificationInfo {
    /// The person's own numbering: 1, 2, 3… in the order they were made.
    qint64 sequence = 0;
    /// The kind's key, e.g. "request_received" (NotificationPreferencesForm
    /// names them).
    QString kind;
    QString title;
    /// A second line, or empty.
    QString detail;
    QDateTime createdAt;
    bool read = false;
    NotificationLinkInfo link;
};

/// A page of notifications, newest first.
struct NotificationPage {
    QList<NotificationInfo> notifications;
    /// Whether there are older ones.
    bool more = false;
    int unreadCount = 0;
};

/// One message of the live stream: notifications oldest first (none in the
/// first message when nothing is new) and the unread count then.
struct NotificationBatch {
    QList<NotificationInfo> notifications;
    int unreadCount = 0;
};

/// Whether one kind of notification also comes by email.
struct KindEmailChoice {
    QString kind;
    bool email = false;
};

/// The person's choices (tandem.v1.NotificationPreferences).
struct NotificationPreferencesInfo {
    /// Every kind the server knows, with the person's choice or its default.
    QList<KindEmailChoice> kinds;
    /// No email between these minutes after midnight, in the programme's
    /// time zone, except about a safeguarding concern. Equal: none.
    int quietFromMinute = 0;
    int quietToMinute = 0;
    /// Where email goes (read only).
    QString emailAddress;
    /// False when the server sends no email at all.
    bool emailAvailable = false;
};
