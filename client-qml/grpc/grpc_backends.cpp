#include "grpc/grpc_backends.h"

#include "grpc/account_grpc.h"
#include "grpc/activity_grpc.h"
#include "grpc/auth_grpc.h"
#include "grpc/directory_grpc.h"
#include "grpc/goal_grpc.h"
#include "grpc/grpc_call.h"
#include "grpc/matching_grpc.h"
#include "grpc/notification_grpc.h"
#include "grpc/reach_grpc.h"
#include "grpc/relationship_grpc.h"
#include "grpc/safeguarding_grpc.h"

Backends makeGrpcBackends(const QString &address)
{
    auto connection = std::make_shared<GrpcConnection>(address);
    return Backends {
        connection,
        std::make_shared<AuthGrpc>(connection),
        std::make_shared<AccountGrpc>(connection),
        std::make_shared<DirectoryGrpc>(connection),
        std::make_shared<MatchingGrpc>(connection),
        std::make_shared<RelationshipGrpc>(connection),
        std::make_shared<SafeguardingGrpc>(connection),
        std::make_shared<GoalGrpc>(connection),
        std::make_shared<ActivityGrpc>(connection),
        std::make_shared<ReachGrpc>(connection),
        std::make_shared<NotificationGrpc>(connection),
    };
}
