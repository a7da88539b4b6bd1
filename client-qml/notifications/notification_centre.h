#pragma once

#include "common/result.h"
#include "notifications/notification_types.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>
#include <QVariantMap>

#include <functional>
#include <memory>

class NotificationWatch;

/// The signed-in person's notifications (`NotificationCentre` in QML), newest
/// first, with the unread count for the navigation's badges. One per app,
/// owned by C++ like Session.
///
/// On sign-in it loads the newest page, then opens the live stream after the
/// newest sequence it has; each notification is kept once, by its sequence,
/// whatever order pages and stream messages arrive in. When the stream ends
/// (the network was lost, the server restarted) it opens it again after 1 s,
/// 2 s, 4 s … at most 30 s, from the last sequence it has, so nothing is
/// missed and nothing comes twice. Older pages load as the list is scrolled
/// (fetchMore). Opening one marks it read; so does "Mark all as read"; a
/// mark the server could not be told of is sent again once it can be.
/// Signing out stops the stream and forgets the list.
class NotificationCentre : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    /// True while the first page loads.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// True while an older page loads.
    Q_PROPERTY(bool loadingMore READ loadingMore NOTIFY loadingMoreChanged)
    /// The first page has loaded since sign-in.
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    /// Whether there are older notifications than those loaded.
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    /// True while the stream is open and new notifications arrive as they
    /// are made.
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)
    /// True while waiting to open the stream again after it ended.
    Q_PROPERTY(bool reconnecting READ reconnecting NOTIFY reconnectingChanged)
    /// Why the list could not be loaded, as a sentence; empty when it could.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum RoleNames {
        SequenceRole = Qt::UserRole + 1,
        KindRole,
        TitleRole,
        DetailRole,
        /// "5 minutes ago", "Yesterday at 14:05" (DateWords::since).
        WhenRole,
        CreatedAtRole,
        ReadRole,
        /// Where it leads: NotificationLinkInfo::screen.
        ScreenRole,
        RelationshipIdRole,
        MonthRole,
    };
    Q_ENUM(RoleNames)

    /// How many notifications each page asks for.
    static constexpr int kPageSize = 30;

    /// How long to wait before opening the stream again after the n-th
    /// failure in a row: 1 s, 2 s, 4 s … at most 30 s.
    static int retryDelayMs(int failures);

    static NotificationCentre *instance();
    static NotificationCentre *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    ~NotificationCentre() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int count() const;
    int unreadCount() const;
    bool loading() const;
    bool loadingMore() const;
    bool loaded() const;
    bool hasMore() const;
    bool live() const;
    bool reconnecting() const;
    QString errorMessage() const;
    /// The newest sequence held; 0 for none.
    qint64 lastSequence() const;
    /// The notifications held, newest first.
    const QList<NotificationInfo> &notifications() const;

    /// Replaces what "now" is for the words of when (tests).
    void setClock(std::function<QDateTime()> clock);

    /// Forgets the list and loads it again, opening the stream afresh.
    Q_INVOKABLE void reload();
    /// Loads the next older page, if there is one and none is loading.
    Q_INVOKABLE void loadMore();
    /// Tries again now instead of waiting: the first page if it has not
    /// loaded, else the stream.
    Q_INVOKABLE void retry();
    /// One row as a map of its roles (by their names); empty if none.
    /// (Maps are untyped in QML so that their keys can be read.)
    Q_INVOKABLE QVariant get(int row) const;
    /// Marks the notification at `row` read (if it is not) and returns
    /// where it leads: {screen, relationshipId, month}; empty if no row.
    Q_INVOKABLE QVariant open(int row);
    /// Marks every notification read, those not loaded too.
    Q_INVOKABLE void markAllRead();

Q_SIGNALS:
    void countChanged();
    void unreadCountChanged();
    void loadingChanged();
    void loadingMoreChanged();
    void loadedChanged();
    void hasMoreChanged();
    void liveChanged();
    void reconnectingChanged();
    void errorMessageChanged();
    /// New notifications arrived over the stream (not pages).
    void arrived(int howMany);

private:
    explicit NotificationCentre(QObject *parent = nullptr);

    /// Starts from nothing for the signed-in person.
    void start();
    /// Stops the stream and the timers, and forgets everything.
    void stop();
    /// Stops the open stream and lets it go.
    void retireWatch();
    void loadFirstPage();
    void openStream();
    void onBatch(const NotificationBatch &batch);
    void onStreamEnd(const Result<Done> &end);
    void scheduleReconnect();
    /// Adds what is not held yet, in order; updates what is. Returns how
    /// many were new.
    int merge(const QList<NotificationInfo> &notifications);
    /// Sends the marks the server has not heard of yet.
    void sendMarks();
    /// Asks the server for the unread count again (after a mark crossed a
    /// stream message, either of which may be the newer).
    void refreshUnreadCount();
    void setUnreadCount(int count);
    void setLoading(bool loading);
    void setLoadingMore(bool loadingMore);
    void setLoaded(bool loaded);
    void setHasMore(bool hasMore);
    void setLive(bool live);
    void setReconnecting(bool reconnecting);
    void setErrorMessage(const QString &message);
    void markRowRead(int row);

    QList<NotificationInfo> m_rows;
    int m_unreadCount = 0;
    bool m_loading = false;
    bool m_loadingMore = false;
    bool m_loaded = false;
    bool m_hasMore = false;
    bool m_live = false;
    bool m_reconnecting = false;
    QString m_errorMessage;
    qint64 m_lastSequence = 0;
    /// Stream failures in a row; reset by a message.
    int m_failures = 0;
    /// Bumped on start and stop: answers to an earlier sign-in are dropped.
    int m_generation = 0;
    /// Bumped by each stream message, which carries the unread count then.
    int m_countEpoch = 0;
    /// Read here, not yet told to the server.
    QSet<qint64> m_unsentReads;
    qint64 m_unsentUpTo = 0;
    bool m_sendingMarks = false;
    /// An older page failed: fetchMore() waits for loadMore() from the list.
    bool m_moreFailed = false;
    std::unique_ptr<NotificationWatch> m_watch;
    QTimer m_reconnectTimer;
    QTimer m_markTimer;
    /// Keeps "5 minutes ago" true.
    QTimer m_clockTimer;
    std::function<QDateTime()> m_clock;
};
