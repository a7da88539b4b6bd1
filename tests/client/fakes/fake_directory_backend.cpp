#include "fakes/fake_directory_backend.h"

using namespace Qt::StringLiterals;

void FakeDirectoryBackend::listSpecialisms(QObject *context, Callback<QList<SpecialismInfo>> done)
{
    respond({u"listSpecialisms"_s, {}, {}}, context, std::move(done));
}

void FakeDirectoryBackend::createSpecialism(
    const QString &label, QObject *context, Callback<SpecialismInfo> done)
{
    respond({u"createSpecialism"_s, {{u"label"_s, label}}, {}}, context, std::move(done),
        SpecialismInfo {label.toLower(), label});
}

void FakeDirectoryBackend::searchProfiles(
    const ProfileQuery &query, QObject *context, Callback<ProfilePage> done)
{
    respond({u"searchProfiles"_s, {{u"query"_s, QVariant::fromValue(query)}}, {}}, context,
        std::move(done));
}

void FakeDirectoryBackend::getProfile(
    qint64 accountId, QObject *context, Callback<ProfileInfo> done)
{
    respond({u"getProfile"_s, {{u"accountId"_s, accountId}}, {}}, context, std::move(done));
}

void FakeDirectoryBackend::getMyProfile(QObject *context, Callback<ProfileInfo> done)
{
    respond({u"getMyProfile"_s, {}, {}}, context, std::move(done));
}

void FakeDirectoryBackend::saveMyProfile(
    const ProfileDraft &draft, QObject *context, Callback<ProfileInfo> done)
{
    respond({u"saveMyProfile"_s, {{u"draft"_s, QVariant::fromValue(draft)}}, {}}, context,
        std::move(done));
}

void FakeDirectoryBackend::addMyQualification(
    const QualificationDraft &draft, QObject *context, Callback<ProfileInfo> done)
{
    respond({u"addMyQualification"_s, {{u"draft"_s, QVariant::fromValue(draft)}}, {}}, context,
        std::move(done));
}

void FakeDirectoryBackend::deleteMyQualification(
    qint64 qualificationId, QObject *context, Callback<ProfileInfo> done)
{
    respond({u"deleteMyQualification"_s, {{u"qualificationId"_s, qualificationId}}, {}}, context,
        std::move(done));
}

void FakeDirectoryBackend::listPool(
    const PoolQuery &query, QObject *context, Callback<ProfilePage> done)
{
    respond(
        {u"listPool"_s, {{u"query"_s, QVariant::fromValue(query)}}, {}}, context, std::move(done));
}

void FakeDirectoryBackend::reviewApplication(qint64 accountId, bool approve,
    const QString &declineReason, QObject *context, Callback<ProfileInfo> done)
{
    respond({u"reviewApplication"_s,
                {{u"accountId"_s, accountId}, {u"approve"_s, approve},
                    {u"declineReason"_s, declineReason}},
                {}},
        context, std::move(done));
}

void FakeDirectoryBackend::setPoolStatus(
    qint64 accountId, const QString &status, QObject *context, Callback<ProfileInfo> done)
{
    respond({u"setPoolStatus"_s, {{u"accountId"_s, accountId}, {u"status"_s, status}}, {}}, context,
        std::move(done));
}

void FakeDirectoryBackend::verifyQualification(
    qint64 qualificationId, bool verified, QObject *context, Callback<ProfileInfo> done)
{
    respond({u"verifyQualification"_s,
                {{u"qualificationId"_s, qualificationId}, {u"verified"_s, verified}}, {}},
        context, std::move(done));
}
