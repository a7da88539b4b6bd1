#pragma once

#include "activity/reach_backend.h"

#include <memory>

class GrpcConnection;

/// ReachBackend over gRPC (tandem.v1.ReachService).
class ReachGrpc final : public ReachBackend {
public:
    explicit ReachGrpc(std::shared_ptr<GrpcConnection> connection);

    void getMyDeclaration(QObject *context, Callback<MyDeclaration> done) override;
    void saveMyDeclaration(const DeclarationInfo &declaration, QObject *context,
        Callback<DeclarationInfo> done) override;
    void getOrganisationSettings(
        qint64 organisationId, QObject *context, Callback<OrganisationSettingsInfo> done) override;
    void saveOrganisationSettings(const OrganisationSettingsInfo &settings, QObject *context,
        Callback<OrganisationSettingsInfo> done) override;

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
