#pragma once

#include "fakes/fake_backends.h"

#include <gtest/gtest.h>

#include <QString>
#include <QTemporaryDir>
#include <QVariant>

#include <functional>
#include <memory>
#include <ostream>

class SyncQueue;

/// Lets GoogleTest print a QString: after `<<`, and as a value in a failed
/// expectation (where it would otherwise be printed as a list of QChars).
std::ostream &operator<<(std::ostream &out, const QString &text);
void PrintTo(const QString &text, std::ostream *out);

/// A signed-in person with no server: the Session signs in through fakes
/// of every service (`fakes`), and the SyncQueue keeps its entries in a
/// fresh file of its own.
class SignedInFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    /// Runs the event loop until `condition` holds or `timeoutMs` passed;
    /// returns whether it holds.
    static bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 5000);
    /// Runs what is queued on the event loop now: the fakes' answers and
    /// the sends they lead to. Timers still to fire are left.
    static void drain();

    static SyncQueue &queue();
    FakeRelationshipBackend &relationships() const;
    /// The queue's `role` (SyncQueue::RoleNames) of the entry `key`;
    /// invalid when there is no such entry.
    static QVariant roleOf(const QString &key, int role);

    std::shared_ptr<FakeBackends> fakes = std::make_shared<FakeBackends>();

private:
    QTemporaryDir m_dir;
};
