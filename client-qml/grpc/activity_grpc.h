#pragma once

#include "activity/activity_backend.h"

#include <memory>

class GrpcConnection;

/// ActivityBackend over gRPC (tandem.v1.ActivityService and FiguresService).
class ActivityGrpc final : public ActivityBackend {
public:
    explicit ActivityGrpc(std::shared_ptr<GrpcConnection> connection);

    void listMonthlyReturns(QObject *context, Callback<QVariantList> done) override;
    void getMonthlyReturn(
        const QString &month, QObject *context, Callback<QVariantMap> done) override;
    void confirmMonthlyReturn(const QVariantMap &entry, const QString &idempotencyKey,
        QObject *context, Callback<QVariantMap> done) override;
    void amendMonthlyReturn(const QVariantMap &entry, const QString &idempotencyKey,
        QObject *context, Callback<QVariantMap> done) override;
    void exportHoursLog(QObject *context, Callback<QString> done) override;
    void getProgrammeFigures(qint64 organisationId, const QString &periodKind,
        const QString &fromMonth, const QString &toMonth, QObject *context,
        Callback<QVariantMap> done) override;
    void listProgrammeRelationships(const ProgrammeRelationshipQuery &query, QObject *context,
        Callback<ProgrammeRelationshipPage> done) override;

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
