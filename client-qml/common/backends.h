#pragma once

#include <QString>

#include <functional>
#include <memory>

class Connection;
class AuthBackend;
class AccountBackend;
class DirectoryBackend;
class MatchingBackend;
class RelationshipBackend;
class SafeguardingBackend;
class GoalBackend;
class ActivityBackend;
class ReachBackend;
class NotificationBackend;

/// The network seam: one backend per service of the API (tandem.v1), each
/// with Qt types only, and the connection they share. Every call returns at
/// once and reports on the GUI thread through its callback, unless its
/// `context` has been destroyed by then, in which case the result is
/// dropped. A factory fills every member.
struct Backends {
    std::shared_ptr<Connection> connection;
    std::shared_ptr<AuthBackend> auth;
    std::shared_ptr<AccountBackend> accounts;
    std::shared_ptr<DirectoryBackend> directory;
    std::shared_ptr<MatchingBackend> matching;
    std::shared_ptr<RelationshipBackend> relationships;
    std::shared_ptr<SafeguardingBackend> safeguarding;
    std::shared_ptr<GoalBackend> goals;
    std::shared_ptr<ActivityBackend> activity;
    std::shared_ptr<ReachBackend> reach;
    std::shared_ptr<NotificationBackend> notifications;
};

/// Makes the backends of the server at `address` ("host:port"). The
/// composition (app/main.cpp, the QML test runner) says which.
using BackendsFactory = std::function<Backends(const QString &address)>;
