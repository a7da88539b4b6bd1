#pragma once

#include "directory/directory_backend.h"
#include "fakes/fake_service.h"

/// DirectoryBackend with no server: records each call and answers as
/// scripted (FakeService), by default OK with an empty reply.
class FakeDirectoryBackend : public DirectoryBackend, public FakeService {
public:
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
};
