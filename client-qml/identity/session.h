#pragma once

#include "common/backends.h"
#include "identity/identity_types.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>

/// The signed-in person and their connection to the server. One per app,
/// owned by C++ and handed to every QML engine as the `Session` singleton.
/// Models reach each service of the server through its accessor
/// (`matching()`, `relationships()`, …), which is null before sign-in.
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// "host:port" of the server: AppSettings.serverAddress (the build's
    /// default, --server, or the advanced setting on sign-in).
    Q_PROPERTY(
        QString serverAddress READ serverAddress WRITE setServerAddress NOTIFY serverAddressChanged)
    /// True while signing in, out or changing the password.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    /// The last error as a sentence; empty when there is none.
    Q_PROPERTY(
        QString errorMessage READ errorMessage WRITE setErrorMessage NOTIFY errorMessageChanged)
    /// The signed-in person's account id; 0 when signed out. (A double, as
    /// QML numbers are; ids stay far below 2^53.)
    Q_PROPERTY(double accountId READ accountIdForQml NOTIFY accountChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY accountChanged)
    Q_PROPERTY(QString email READ email NOTIFY accountChanged)
    Q_PROPERTY(QString organisationName READ organisationName NOTIFY accountChanged)
    /// Role keys: "coachee", "coach", "mentor", "coordinator", "supervisor".
    Q_PROPERTY(QStringList roles READ roles NOTIFY accountChanged)
    Q_PROPERTY(bool isCoordinator READ isCoordinator NOTIFY accountChanged)
    Q_PROPERTY(bool passwordChangeRequired READ passwordChangeRequired NOTIFY accountChanged)
    /// Ids of the organisations a coordinator runs the programme for.
    Q_PROPERTY(QVariantList coordinatedOrganisationIds READ coordinatedOrganisationIds NOTIFY
            accountChanged)
    /// Names of those organisations, once the organisation list has loaded.
    Q_PROPERTY(QStringList coordinatedOrganisationNames READ coordinatedOrganisationNames NOTIFY
            organisationsChanged)
    /// The same names joined for reading, e.g. "Northshire NHS Trust, Eastmoor Council".
    Q_PROPERTY(QString coordinatedOrganisationSummary READ coordinatedOrganisationSummary NOTIFY
            organisationsChanged)

public:
    /// The one instance, created on first use and parented to the
    /// application so that it goes before static destructors run.
    static Session *instance();
    /// For the QML engine: returns the C++-owned instance.
    static Session *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// Replaces how the backends of a server are made, and drops the
    /// current ones. The composition (app/main.cpp, the QML test runner)
    /// sets it before anyone signs in; there is no default.
    void setBackendsFactory(BackendsFactory factory);
    /// The backends of the current server, all null before sign-in.
    const Backends &backends() const;
    /// The connection to the current server, or null before sign-in.
    Connection *connection() const;
    AuthBackend *auth() const;
    AccountBackend *accounts() const;
    DirectoryBackend *directory() const;
    MatchingBackend *matching() const;
    RelationshipBackend *relationships() const;
    SafeguardingBackend *safeguarding() const;
    GoalBackend *goals() const;
    /// Null in fakes that do not make one.
    ActivityBackend *activity() const;
    /// Null in fakes that do not make one.
    ReachBackend *reach() const;
    /// Null in fakes that do not make one.
    NotificationBackend *notifications() const;

    QString serverAddress() const;
    void setServerAddress(const QString &address);
    bool busy() const;
    bool signedIn() const;
    QString errorMessage() const;
    void setErrorMessage(const QString &message);
    qint64 accountId() const;
    double accountIdForQml() const;
    QString displayName() const;
    QString email() const;
    QString organisationName() const;
    QStringList roles() const;
    bool isCoordinator() const;
    bool passwordChangeRequired() const;
    QVariantList coordinatedOrganisationIds() const;
    QStringList coordinatedOrganisationNames() const;
    QString coordinatedOrganisationSummary() const;

    /// Every organisation in the programme, loaded after sign-in.
    const QList<OrganisationInfo> &organisations() const;
    /// The organisation's name, or a placeholder while the list loads.
    Q_INVOKABLE QString organisationNameFor(qint64 organisationId) const;

    Q_INVOKABLE bool hasRole(const QString &roleKey) const;
    /// Signs in; on failure errorMessage says why and errorOccurred fires.
    Q_INVOKABLE void signIn(const QString &address, const QString &email, const QString &password);
    /// Ends the session here at once and revokes the token on the server.
    Q_INVOKABLE void signOut();
    /// Replaces the password; passwordChanged fires when done.
    Q_INVOKABLE void changePassword(const QString &currentPassword, const QString &newPassword);
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void serverAddressChanged();
    void busyChanged();
    void signedInChanged();
    void errorMessageChanged();
    void accountChanged();
    void organisationsChanged();
    /// A call failed; `message` is a sentence to show.
    void errorOccurred(const QString &message);
    void passwordChanged();

private:
    explicit Session(QObject *parent = nullptr);

    void setBusy(bool busy);
    void fail(const QString &message);
    void endSession(const QString &message);
    void loadOrganisations();

    BackendsFactory m_backendsFactory;
    Backends m_backends;
    bool m_busy = false;
    bool m_signedIn = false;
    QString m_errorMessage;
    AccountInfo m_account;
    OrganisationInfo m_organisation;
    QList<OrganisationInfo> m_organisations;
    QHash<qint64, QString> m_organisationNames;
};
