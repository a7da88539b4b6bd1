#include "directory/profile_detail.h"

#include "directory/directory_backend.h"
#include "directory/directory_catalogue.h"
#include "identity/session.h"

namespace {

QStringList stringsOf(const QVariant &value)
{
    QStringList list;
    for (const QString &item : value.toStringList()) {
        if (!item.trimmed().isEmpty()) {
            list.append(item.trimmed());
        }
    }
    return list;
}

} // namespace

ProfileDetail::ProfileDetail(QObject *parent)
    : QObject(parent)
{ }

qint64 ProfileDetail::accountId() const
{
    return m_accountId;
}

void ProfileDetail::setAccountId(qint64 accountId)
{
    if (accountId == m_accountId) {
        return;
    }
    m_accountId = accountId;
    Q_EMIT accountIdChanged();
    reload();
}

bool ProfileDetail::mine() const
{
    return m_mine;
}

void ProfileDetail::setMine(bool mine)
{
    if (mine == m_mine) {
        return;
    }
    m_mine = mine;
    Q_EMIT mineChanged();
    reload();
}

double ProfileDetail::accountIdForQml() const
{
    return static_cast<double>(m_accountId);
}

void ProfileDetail::setAccountIdForQml(double accountId)
{
    setAccountId(static_cast<qint64>(accountId));
}

QVariantMap ProfileDetail::profile() const
{
    return m_profile;
}

QVariant ProfileDetail::profileForQml() const
{
    return m_profile;
}

bool ProfileDetail::exists() const
{
    return m_exists;
}

bool ProfileDetail::loading() const
{
    return m_loading;
}

bool ProfileDetail::busy() const
{
    return m_busy;
}

QString ProfileDetail::errorMessage() const
{
    return m_errorMessage;
}

void ProfileDetail::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void ProfileDetail::clearError()
{
    setErrorMessage({});
}

void ProfileDetail::reload()
{
    DirectoryBackend *backend = Session::instance()->directory();
    // Whatever is still on its way is for another account now.
    const int generation = ++m_generation;
    m_profile.clear();
    m_exists = false;
    Q_EMIT profileChanged();
    setLoading(false);
    if (!backend || !Session::instance()->signedIn() || (!m_mine && m_accountId <= 0)) {
        return;
    }
    setLoading(true);
    auto done = [this, generation](const Result<ProfileInfo> &result) {
        if (generation != m_generation) {
            return;
        }
        if (!result.ok()) {
            setLoading(false);
            // Not having applied yet is not an error for one's own profile.
            if (!(m_mine && result.error().kind == BackendError::Kind::NotFound)) {
                setErrorMessage(result.error().message);
            }
            return;
        }
        // The profile first: whoever waits for `loading` to end reads it.
        setProfile(result.value());
        setLoading(false);
    };
    if (m_mine) {
        backend->getMyProfile(this, std::move(done));
    } else {
        backend->getProfile(m_accountId, this, std::move(done));
    }
}

void ProfileDetail::setProfile(const ProfileInfo &profile)
{
    m_profile = DirectoryCatalogue::toMap(profile);
    m_exists = true;
    Q_EMIT profileChanged();
}

void ProfileDetail::change(const QString &message,
    const std::function<void(DirectoryBackend &, QObject *, Callback<ProfileInfo>)> &call)
{
    DirectoryBackend *backend = Session::instance()->directory();
    if (!backend || m_busy) {
        return;
    }
    setErrorMessage({});
    setBusy(true);
    const int generation = m_generation;
    call(*backend, this, [this, generation, message](const Result<ProfileInfo> &result) {
        setBusy(false);
        if (generation != m_generation) {
            return;
        }
        if (!result.ok()) {
            setErrorMessage(result.error().message);
            return;
        }
        setProfile(result.value());
        Q_EMIT changed(message);
    });
}

void ProfileDetail::save(const QVariantMap &draft)
{
    DirectoryBackend *backend = Session::instance()->directory();
    if (!backend || m_busy) {
        return;
    }
    ProfileDraft d;
    d.kind = draft.value(QStringLiteral("kind")).toString();
    d.headline = draft.value(QStringLiteral("headline")).toString();
    d.bio = draft.value(QStringLiteral("bio")).toString();
    d.specialisms = stringsOf(draft.value(QStringLiteral("specialisms")));
    d.tags = stringsOf(draft.value(QStringLiteral("tags")));
    d.professions = stringsOf(draft.value(QStringLiteral("professions")));
    d.site = draft.value(QStringLiteral("site")).toString();
    d.deliveryModes = stringsOf(draft.value(QStringLiteral("deliveryModes")));
    d.languages = stringsOf(draft.value(QStringLiteral("languages")));
    d.availability = draft.value(QStringLiteral("availability")).toString();
    d.capacity = draft.value(QStringLiteral("capacity")).toInt();
    d.lastSupervisionOn = draft.value(QStringLiteral("lastSupervisionOn")).toString();
    d.trainingLevel = draft.value(QStringLiteral("trainingLevel")).toString();
    d.payBand = draft.value(QStringLiteral("payBand")).toString();
    d.yearsExperience = draft.value(QStringLiteral("yearsExperience")).toInt();

    // Applying is creating the profile, and saving a declined one re-applies.
    const bool applying = !m_exists
        || m_profile.value(QStringLiteral("status")).toString() == QLatin1String("declined");
    setErrorMessage({});
    setBusy(true);
    const int generation = m_generation;
    backend->saveMyProfile(
        d, this, [this, generation, applying](const Result<ProfileInfo> &result) {
            setBusy(false);
            if (generation != m_generation) {
                return;
            }
            if (!result.ok()) {
                setErrorMessage(result.error().message);
                return;
            }
            setProfile(result.value());
            Q_EMIT saved(applying);
        });
}

void ProfileDetail::addQualification(const QVariantMap &draft)
{
    QualificationDraft d;
    d.type = draft.value(QStringLiteral("type")).toString();
    d.title = draft.value(QStringLiteral("title")).toString();
    d.awardedOn = draft.value(QStringLiteral("awardedOn")).toString();
    d.expiresOn = draft.value(QStringLiteral("expiresOn")).toString();
    d.evidence = draft.value(QStringLiteral("evidence")).toString();
    change(tr("Qualification added. A coordinator will verify it."),
        [d](DirectoryBackend &backend, QObject *context, Callback<ProfileInfo> done) {
            backend.addMyQualification(d, context, std::move(done));
        });
}

void ProfileDetail::deleteQualification(qint64 qualificationId)
{
    change(tr("Qualification removed."),
        [qualificationId](DirectoryBackend &backend, QObject *context, Callback<ProfileInfo> done) {
            backend.deleteMyQualification(qualificationId, context, std::move(done));
        });
}

void ProfileDetail::approve()
{
    const qint64 id = m_profile.value(QStringLiteral("accountId")).toLongLong();
    const QString name = m_profile.value(QStringLiteral("displayName")).toString();
    change(tr("%1 is approved and joins the pool.").arg(name),
        [id](DirectoryBackend &backend, QObject *context, Callback<ProfileInfo> done) {
            backend.reviewApplication(id, true, {}, context, std::move(done));
        });
}

void ProfileDetail::decline(const QString &reason)
{
    if (reason.trimmed().size() < 5) {
        setErrorMessage(tr("Say why in at least 5 characters: the applicant will see it."));
        return;
    }
    const qint64 id = m_profile.value(QStringLiteral("accountId")).toLongLong();
    const QString name = m_profile.value(QStringLiteral("displayName")).toString();
    change(tr("The application of %1 is declined.").arg(name),
        [id, reason](DirectoryBackend &backend, QObject *context, Callback<ProfileInfo> done) {
            backend.reviewApplication(id, false, reason, context, std::move(done));
        });
}

void ProfileDetail::setPoolStatus(const QString &status)
{
    const qint64 id = m_profile.value(QStringLiteral("accountId")).toLongLong();
    const QString name = m_profile.value(QStringLiteral("displayName")).toString();
    const QString message = status == QLatin1String("paused") ? tr("%1 is paused.").arg(name)
        : status == QLatin1String("removed") ? tr("%1 is removed from the pool.").arg(name)
                                             : tr("%1 is reinstated.").arg(name);
    change(message,
        [id, status](DirectoryBackend &backend, QObject *context, Callback<ProfileInfo> done) {
            backend.setPoolStatus(id, status, context, std::move(done));
        });
}

void ProfileDetail::verifyQualification(qint64 qualificationId, bool verified)
{
    change(verified ? tr("Qualification verified.") : tr("Qualification marked unverified."),
        [qualificationId, verified](
            DirectoryBackend &backend, QObject *context, Callback<ProfileInfo> done) {
            backend.verifyQualification(qualificationId, verified, context, std::move(done));
        });
}

void ProfileDetail::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void ProfileDetail::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}
