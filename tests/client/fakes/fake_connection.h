#pragma once

#include "common/connection.h"

#include <QString>

/// A Connection to no server: it keeps the token it is given, counts the
/// requests to reconnect, and says a session expired when the test asks.
class FakeConnection : public Connection {
    Q_OBJECT

public:
    explicit FakeConnection(QString address, QObject *parent = nullptr);

    QString address() const override;
    void setAddress(const QString &address);
    void setToken(const QString &token) override;
    void reconnectNow() override;

    /// The token calls would carry now; empty when none.
    QString token() const;
    /// How often reconnectNow() was asked for ("Sync now").
    int reconnects() const;
    /// As the real connection does when a call is refused for an old token.
    void expireSession(const QString &message);

private:
    QString m_address;
    QString m_token;
    int m_reconnects = 0;
};
