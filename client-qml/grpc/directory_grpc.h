#pragma once

#include "directory/directory_backend.h"

#include <memory>

class GrpcConnection;

/// DirectoryBackend over gRPC (tandem.v1.DirectoryService).
class DirectoryGrpc final : public DirectoryBackend {
public:
    explicit DirectoryGrpc(std::shared_ptr<GrpcConnection> connection);

    void listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done) override;
    void createSpecialism(
        const QString &label, QObject *context, Callback<SpecialismInfo> done) override;
    void searchProfiles(
        const ProfileQuery &query, QObject *context, Callback<ProfilePage> done) override;
    void getProfile(qint64 accountId, QObject *context, Callback<ProfileInfo> done) override;
    void getMyProfile(QObject *context, Callback<ProfileInfo> done) override;
    void saveMyProfile(
        const ProfileDraft &draft, QObject *context, Callback<ProfileInfo> done) override;
    void addMyQualification(
        const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done) override;
    void deleteMyQualification(
        qint64 qualificationId, QObject *context, Callback<ProfileInfo> done) override;
    void listPool(const PoolQuery &query, QObject *context, Callback<ProfilePage> done) override;
    void reviewApplication(qint64 accountId, bool approve, const QString &declineReason,
        QObject *context, Callback<ProfileInfo> done) override;
    void setPoolStatus(qint64 accountId, const QString &status, QObject *context,
        Callback<ProfileInfo> done) override;
    void verifyQualification(qint64 qualificationId, bool verified, QObject *context,
        Callback<ProfileInfo> done) override;

private:
    std::shared_ptr<GrpcConnection> m_connection;
};
