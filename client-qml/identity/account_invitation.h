#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

/// Invites a person: creates their account and holds the one-time temporary
/// password to show once and hand over.
class AccountInvitation : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// Empty until an invitation succeeds; cleared by reset().
    Q_PROPERTY(QString temporaryPassword READ temporaryPassword NOTIFY invitationChanged)
    Q_PROPERTY(QString invitedName READ invitedName NOTIFY invitationChanged)
    Q_PROPERTY(QString invitedEmail READ invitedEmail NOTIFY invitationChanged)
    /// Why the last attempt failed, as a sentence; empty otherwise.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    using QObject::QObject;

    bool busy() const;
    QString temporaryPassword() const;
    QString invitedName() const;
    QString invitedEmail() const;
    QString errorMessage() const;

    /// Creates the account; invited() fires when it exists.
    Q_INVOKABLE void invite(const QString &email, const QString &displayName, qint64 organisationId,
        const QStringList &roleKeys);
    /// Forgets the last invitation and its temporary password.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void busyChanged();
    void invitationChanged();
    void errorMessageChanged();
    void invited();
    void errorOccurred(const QString &message);

private:
    void setBusy(bool busy);
    void fail(const QString &message);

    bool m_busy = false;
    QString m_temporaryPassword;
    QString m_invitedName;
    QString m_invitedEmail;
    QString m_errorMessage;
};
