#pragma once

#include "common/result.h"
#include "directory/directory_types.h"

#include <QList>
#include <QObject>
#include <QString>

/// The directory of pool members and the specialism taxonomy
/// (tandem.v1.DirectoryService), with Qt types only. Every call returns at
/// once and reports through its callback.
class DirectoryBackend {
public:
    virtual ~DirectoryBackend() = default;

    virtual void listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done) = 0;
    /// Adds a specialism to the taxonomy (coordinators only). `label` is 2 to
    /// 60 characters; the server derives the code and refuses a duplicate.
    virtual void createSpecialism(
        const QString &label, QObject *context, Callback<SpecialismInfo> done)
        = 0;
    virtual void searchProfiles(
        const ProfileQuery &query, QObject *context, Callback<ProfilePage> done)
        = 0;
    virtual void getProfile(qint64 accountId, QObject *context, Callback<ProfileInfo> done) = 0;
    /// Fails with Kind::NotFound when the caller has not applied yet.
    virtual void getMyProfile(QObject *context, Callback<ProfileInfo> done) = 0;
    virtual void saveMyProfile(
        const ProfileDraft &draft, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void addMyQualification(
        const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void deleteMyQualification(
        qint64 qualificationId, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void listPool(const PoolQuery &query, QObject *context, Callback<ProfilePage> done) = 0;
    virtual void reviewApplication(qint64 accountId, bool approve, const QString &declineReason,
        QObject *context, Callback<ProfileInfo> done)
        = 0;
    /// `status`: "approved" (reinstate), "paused" or "removed".
    virtual void setPoolStatus(
        qint64 accountId, const QString &status, QObject *context, Callback<ProfileInfo> done)
        = 0;
    virtual void verifyQualification(
        qint64 qualificationId, bool verified, QObject *context, Callback<ProfileInfo> done)
        = 0;
};
