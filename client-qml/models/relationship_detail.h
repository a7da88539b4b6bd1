#pragma once

#include "backend.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// One relationship with its contract, history and sessions, and what its
/// two people can do with it: agree the contract, accept or cancel a
/// session, review (coaching), complete or end it. `relationship` is the
/// map RelationshipCatalogue::toMap makes; sessions are maps too. Failures
/// arrive through errorOccurred (and `errorMessage`), successes through
/// changed(), in words for people.
class RelationshipDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// The relationship to show; 0 for none. (A double, as QML numbers are.)
    Q_PROPERTY(double relationshipId READ relationshipIdForQml WRITE setRelationshipIdForQml NOTIFY
            relationshipIdChanged)
    /// A map (untyped in QML so that its keys can be read).
    Q_PROPERTY(QVariant relationship READ relationshipForQml NOTIFY relationshipChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY relationshipChanged)
    /// Sessions to come (proposed or booked), soonest first.
    Q_PROPERTY(QVariantList upcoming READ upcoming NOTIFY sessionsChanged)
    /// Sessions recorded or cancelled, latest first.
    Q_PROPERTY(QVariantList past READ past NOTIFY sessionsChanged)
    /// The actions agreed at held sessions, latest first, as
    /// [{dateLabel, text}]: what the coachee sees of the records.
    Q_PROPERTY(QVariantList sharedActions READ sharedActions NOTIFY sessionsChanged)
    /// Sessions held so far.
    Q_PROPERTY(int heldCount READ heldCount NOTIFY sessionsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// The server could not be reached; what shows is what the device knew
    /// (a map set with setRelationshipMap()).
    Q_PROPERTY(bool offline READ offline NOTIFY offlineChanged)
    /// True while a change is being sent.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(
        QString errorMessage READ errorMessage WRITE setErrorMessage NOTIFY errorMessageChanged)

public:
    explicit RelationshipDetail(QObject *parent = nullptr);

    qint64 relationshipId() const;
    double relationshipIdForQml() const;
    void setRelationshipIdForQml(double relationshipId);
    QVariantMap relationship() const;
    QVariant relationshipForQml() const;
    bool exists() const;
    QVariantList upcoming() const;
    QVariantList past() const;
    QVariantList sharedActions() const;
    int heldCount() const;
    bool loading() const;
    bool offline() const;
    bool busy() const;
    QString errorMessage() const;
    void setErrorMessage(const QString &message);

    /// Loads the relationship and its sessions again.
    Q_INVOKABLE void reload();
    /// What stops an agreement; empty when it can be sent. The coachee must
    /// say whether their line manager has been told.
    Q_INVOKABLE QString agreementProblem(
        bool confidentiality, bool ethics, const QString &lineManagerTold) const;
    /// Agrees to the contract as it stands, as the signed-in person's part.
    Q_INVOKABLE void agree(bool confidentiality, bool ethics, const QString &lineManagerTold);
    /// What is wrong with a reason (ending, cancelling, reviewing); empty
    /// when it will do.
    Q_INVOKABLE QString reasonProblem(const QString &reason) const;
    /// The coach or mentor: active → completed.
    Q_INVOKABLE void complete();
    /// Either party: ends the relationship early, saying why.
    Q_INVOKABLE void end(const QString &reason);
    Q_INVOKABLE void acceptSession(double sessionId);
    Q_INVOKABLE void cancelSession(double sessionId, const QString &reason);
    /// Shows a relationship changed elsewhere (a map from a form).
    Q_INVOKABLE void setRelationshipMap(const QVariantMap &relationship);
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void relationshipIdChanged();
    void relationshipChanged();
    void sessionsChanged();
    void loadingChanged();
    void offlineChanged();
    void busyChanged();
    void errorMessageChanged();
    /// A change made here succeeded; `message` says what happened.
    void changed(const QString &message);
    void errorOccurred(const QString &message);

private:
    void setLoading(bool loading);
    void setOffline(bool offline);
    /// Reports a failed load: quietly (`offline`) when the server is out of
    /// reach and something is already on show.
    void loadFailed(const BackendError &error);
    void setBusy(bool busy);
    void fail(const QString &message);
    void setRelationship(const RelationshipInfo &relationship);
    void setSessions(const QList<SessionInfo> &sessions);
    void loadSessions();
    /// Sends a change that answers with the relationship.
    void change(const QString &message,
        const std::function<void(Backend &, QObject *, Callback<RelationshipInfo>)> &call);
    /// Sends a change that answers with a session, then reloads the list.
    void changeSession(const QString &message,
        const std::function<void(Backend &, QObject *, Callback<SessionInfo>)> &call);

    qint64 m_relationshipId = 0;
    QVariantMap m_relationship;
    QString m_yourPart;
    bool m_exists = false;
    QList<SessionInfo> m_sessions;
    bool m_loading = false;
    bool m_offline = false;
    bool m_busy = false;
    QString m_errorMessage;
    int m_generation = 0;
};
