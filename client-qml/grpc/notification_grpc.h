#pragma once

#include "notifications/notification_backend.h"

#include <memory>

class GrpcConnection;

/// NotificationBackend over gRPC (tandem.v1.NotificationService). The unary
/// calls go through GrpcConnection::call(); the live stream
/// (WatchNotifications) runs a blocking grpc::ClientReader on a thread of
/// its own, with no deadline, posting each message to the GUI thread, and
/// is cancelled (TryCancel) and joined when its watch is stopped or
/// destroyed. The channel's keepalive pings notice a dead connection.
class NotificationGrpc final : public NotificationBackend {
public:
    explicit NotificationGrpc(std::shared_ptr<GrpcConnection> connection);

    void listNotifications(qint64 beforeSequence, int pageSize, QObject *context,
        Callback<NotificationPage> done) override;
    void markRead(const QList<qint64> &sequences, qint64 upToSequence, QObject *context,
        Callback<int> done) override;
    void getPreferences(QObject *context, Callback<NotificationPreferencesInfo> done) override;
    void savePreferences(const NotificationPreferencesInfo &preferences, QObject *context,
        Callback<NotificationPreferencesInfo> done) override;
    std::unique_ptr<NotificationWatch> watch(qint64 afterSequence, QObject *context,
        BatchHandler onBatch, Callback<Done> onEnd) override;

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
