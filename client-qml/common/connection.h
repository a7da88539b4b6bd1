#pragma once

#include <QObject>
#include <QString>

/// What the services of one server share: its address, the signed-in
/// person's token and the link itself. Each service's backend (AuthBackend,
/// MatchingBackend, …) makes its calls over one Connection.
class Connection : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Connection() override = default;

    /// The server address this connection talks to, e.g. "127.0.0.1:7443".
    virtual QString address() const = 0;

    /// The bearer token sent with every call except signIn; empty for none.
    virtual void setToken(const QString &token) = 0;

    /// Asks the connection to try the server again now instead of waiting
    /// out its back-off (after a "Sync now"). Does nothing by default.
    virtual void reconnectNow() { }

Q_SIGNALS:
    /// A call other than signIn was refused because the token is no longer
    /// valid. Emitted before that call's callback runs.
    void sessionExpired(const QString &message);
};
