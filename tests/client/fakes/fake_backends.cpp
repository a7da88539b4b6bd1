#include "fakes/fake_backends.h"

#include <utility>

FakeBackends::FakeBackends()
    : connection(std::make_shared<FakeConnection>(QStringLiteral("fake.invalid:1")))
    , auth(std::make_shared<FakeAuthBackend>())
    , accounts(std::make_shared<FakeAccountBackend>())
    , directory(std::make_shared<FakeDirectoryBackend>())
    , matching(std::make_shared<FakeMatchingBackend>())
    , relationships(std::make_shared<FakeRelationshipBackend>())
    , safeguarding(std::make_shared<FakeSafeguardingBackend>())
    , goals(std::make_shared<FakeGoalBackend>())
    , notifications(std::make_shared<FakeNotificationBackend>())
{ }

Backends FakeBackends::backends() const
{
    Backends backends {
        connection, auth, accounts, directory, matching, relationships, safeguarding, goals};
    backends.notifications = notifications;
    return backends;
}

BackendsFactory fakeBackendsFactory(std::shared_ptr<FakeBackends> fakes)
{
    return [fakes = std::move(fakes)](const QString &address) {
        fakes->connection->setAddress(address);
        return fakes->backends();
    };
}
