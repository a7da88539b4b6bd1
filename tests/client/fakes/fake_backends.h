#pragma once

#include "common/backends.h"
#include "fakes/fake_account_backend.h"
#include "fakes/fake_auth_backend.h"
#include "fakes/fake_connection.h"
#include "fakes/fake_directory_backend.h"
#include "fakes/fake_goal_backend.h"
#include "fakes/fake_matching_backend.h"
#include "fakes/fake_notification_backend.h"
#include "fakes/fake_relationship_backend.h"
#include "fakes/fake_safeguarding_backend.h"

#include <memory>

/// A fake of every service and their connection, each kept here by its
/// fake type so that a test can script it and read what it was called with.
struct FakeBackends {
    FakeBackends();

    /// The same fakes as the app's seam sees them.
    Backends backends() const;

    std::shared_ptr<FakeConnection> connection;
    std::shared_ptr<FakeAuthBackend> auth;
    std::shared_ptr<FakeAccountBackend> accounts;
    std::shared_ptr<FakeDirectoryBackend> directory;
    std::shared_ptr<FakeMatchingBackend> matching;
    std::shared_ptr<FakeRelationshipBackend> relationships;
    std::shared_ptr<FakeSafeguardingBackend> safeguarding;
    std::shared_ptr<FakeGoalBackend> goals;
    std::shared_ptr<FakeNotificationBackend> notifications;
};

/// For Session::setBackendsFactory(): hands out `fakes` for whatever
/// address is signed in to (the connection then reports that address).
BackendsFactory fakeBackendsFactory(std::shared_ptr<FakeBackends> fakes);
