#include "fakes/fake_connection.h"

#include <utility>

FakeConnection::FakeConnection(QString address, QObject *parent)
    : Connection(parent)
    , m_address(std::move(address))
{ }

QString FakeConnection::address() const
{
    return m_address;
}

void FakeConnection::setAddress(const QString &address)
{
    m_address = address;
}

void FakeConnection::setToken(const QString &token)
{
    m_token = token;
}

void FakeConnection::reconnectNow()
{
    ++m_reconnects;
}

QString FakeConnection::token() const
{
    return m_token;
}

int FakeConnection::reconnects() const
{
    return m_reconnects;
}

void FakeConnection::expireSession(const QString &message)
{
    Q_EMIT sessionExpired(message);
}
