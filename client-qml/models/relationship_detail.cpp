#include "relationship_detail.h"

#include "relationship_catalogue.h"
#include "session.h"

#include <algorithm>

RelationshipDetail::RelationshipDetail(QObject *parent)
    : QObject(parent)
{ }

qint64 RelationshipDetail::relationshipId() const
{
    return m_relationshipId;
}

double RelationshipDetail::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

void RelationshipDetail::setRelationshipIdForQml(double relationshipId)
{
    const auto id = static_cast<qint64>(relationshipId);
    if (id == m_relationshipId) {
        return;
    }
    m_relationshipId = id;
    Q_EMIT relationshipIdChanged();
    m_relationship.clear();
    m_exists = false;
    m_sessions.clear();
    Q_EMIT relationshipChanged();
    Q_EMIT sessionsChanged();
    reload();
}

QVariantMap RelationshipDetail::relationship() const
{
    return m_relationship;
}

QVariant RelationshipDetail::relationshipForQml() const
{
    return m_relationship;
}

bool RelationshipDetail::exists() const
{
    return m_exists;
}

QVariantList RelationshipDetail::upcoming() const
{
    const qint64 me = Session::instance()->accountId();
    QVariantList list;
    for (const SessionInfo &session : m_sessions) {
        if (session.status == QLatin1String("proposed")
            || session.status == QLatin1String("accepted")) {
            list.append(RelationshipCatalogue::toMap(session, me, m_yourPart));
        }
    }
    return list;
}

QVariantList RelationshipDetail::past() const
{
    const qint64 me = Session::instance()->accountId();
    QVariantList list;
    for (auto it = m_sessions.crbegin(); it != m_sessions.crend(); ++it) {
        if (it->status != QLatin1String("proposed") && it->status != QLatin1String("accepted")) {
            list.append(RelationshipCatalogue::toMap(*it, me, m_yourPart));
        }
    }
    return list;
}

QVariantList RelationshipDetail::sharedActions() const
{
    QVariantList list;
    for (auto it = m_sessions.crbegin(); it != m_sessions.crend(); ++it) {
        if (it->status == QLatin1String("held") && !it->agreedActions.trimmed().isEmpty()) {
            list.append(QVariantMap {
                {QStringLiteral("dateLabel"), RelationshipCatalogue::dateLabel(it->startsAt)},
                {QStringLiteral("text"), it->agreedActions}});
        }
    }
    return list;
}

int RelationshipDetail::heldCount() const
{
    return static_cast<int>(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
        [](const SessionInfo &s) { return s.status == QLatin1String("held"); }));
}

bool RelationshipDetail::loading() const
{
    return m_loading;
}

bool RelationshipDetail::offline() const
{
    return m_offline;
}

bool RelationshipDetail::busy() const
{
    return m_busy;
}

QString RelationshipDetail::errorMessage() const
{
    return m_errorMessage;
}

void RelationshipDetail::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void RelationshipDetail::clearError()
{
    setErrorMessage({});
}

void RelationshipDetail::reload()
{
    Backend *backend = Session::instance()->backend();
    if (!backend || m_relationshipId <= 0) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getRelationship(
        m_relationshipId, this, [this, generation](const Result<RelationshipInfo> &result) {
            if (generation != m_generation) {
                return;
            }
            if (!result.ok()) {
                setLoading(false);
                loadFailed(result.error());
                return;
            }
            setOffline(false);
            setRelationship(result.value());
            loadSessions();
        });
}

void RelationshipDetail::loadSessions()
{
    Backend *backend = Session::instance()->backend();
    if (!backend) {
        setLoading(false);
        return;
    }
    const int generation = m_generation;
    backend->listSessions(
        m_relationshipId, this, [this, generation](const Result<QList<SessionInfo>> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!result.ok()) {
                loadFailed(result.error());
                return;
            }
            setSessions(result.value());
        });
}

QString RelationshipDetail::agreementProblem(
    bool confidentiality, bool ethics, const QString &lineManagerTold) const
{
    if (!confidentiality || !ethics) {
        return tr("Tick both boxes to agree: confidentiality, and the EMCC code of ethics.");
    }
    if (m_yourPart == QLatin1String("coachee") && lineManagerTold.isEmpty()) {
        return tr("Say whether your line manager knows: yes, not yet, or you chose not to tell "
                  "them.");
    }
    return {};
}

void RelationshipDetail::agree(bool confidentiality, bool ethics, const QString &lineManagerTold)
{
    if (const QString problem = agreementProblem(confidentiality, ethics, lineManagerTold);
        !problem.isEmpty()) {
        fail(problem);
        return;
    }
    const qint64 id = m_relationshipId;
    const QString told = m_yourPart == QLatin1String("coachee") ? lineManagerTold : QString();
    change({}, [id, confidentiality, ethics, told](Backend &b, QObject *ctx, auto done) {
        b.agreeContract(id, confidentiality, ethics, told, ctx, std::move(done));
    });
}

QString RelationshipDetail::reasonProblem(const QString &reason) const
{
    const qsizetype length = reason.trimmed().size();
    if (length == 0) {
        return tr("Say why, in a sentence or two.");
    }
    if (length > RelationshipCatalogue::kReasonMaxLength) {
        return tr("Keep the reason to %1 characters (it is %2 now).")
            .arg(RelationshipCatalogue::kReasonMaxLength)
            .arg(length);
    }
    return {};
}

void RelationshipDetail::complete()
{
    const qint64 id = m_relationshipId;
    change(
        tr("The relationship is completed. Thank you."), [id](Backend &b, QObject *ctx, auto done) {
            b.completeRelationship(id, ctx, std::move(done));
        });
}

void RelationshipDetail::end(const QString &reason)
{
    if (const QString problem = reasonProblem(reason); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    const qint64 id = m_relationshipId;
    change(tr("The relationship has ended. Its record is kept."),
        [id, reason](Backend &b, QObject *ctx, auto done) {
            b.endRelationship(id, reason, ctx, std::move(done));
        });
}

void RelationshipDetail::acceptSession(double sessionId)
{
    const auto id = static_cast<qint64>(sessionId);
    changeSession(tr("Session booked."),
        [id](Backend &b, QObject *ctx, auto done) { b.acceptSession(id, ctx, std::move(done)); });
}

void RelationshipDetail::cancelSession(double sessionId, const QString &reason)
{
    if (const QString problem = reasonProblem(reason); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    const auto id = static_cast<qint64>(sessionId);
    changeSession(tr("Session cancelled. %1 will see why.")
                      .arg(m_relationship.value(QStringLiteral("otherName")).toString()),
        [id, reason](Backend &b, QObject *ctx, auto done) {
            b.cancelSession(id, reason, ctx, std::move(done));
        });
}

void RelationshipDetail::setRelationshipMap(const QVariantMap &relationship)
{
    if (relationship.value(QStringLiteral("id")).toLongLong() != m_relationshipId) {
        return;
    }
    m_relationship = relationship;
    m_yourPart = relationship.value(QStringLiteral("yourPart")).toString();
    m_exists = true;
    Q_EMIT relationshipChanged();
    Q_EMIT sessionsChanged(); // what the viewer may do with them follows the state
}

void RelationshipDetail::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void RelationshipDetail::setOffline(bool offline)
{
    if (offline == m_offline) {
        return;
    }
    m_offline = offline;
    Q_EMIT offlineChanged();
}

void RelationshipDetail::loadFailed(const BackendError &error)
{
    const bool unreachable = error.kind == BackendError::Kind::Unreachable
        || error.kind == BackendError::Kind::Timeout;
    if (unreachable && m_exists) {
        setOffline(true);
        return;
    }
    fail(error.message);
}

void RelationshipDetail::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}

void RelationshipDetail::fail(const QString &message)
{
    setErrorMessage(message);
    Q_EMIT errorOccurred(message);
}

void RelationshipDetail::setRelationship(const RelationshipInfo &relationship)
{
    m_relationship = RelationshipCatalogue::toMap(relationship);
    m_yourPart = relationship.yourPart;
    m_exists = true;
    Q_EMIT relationshipChanged();
}

void RelationshipDetail::setSessions(const QList<SessionInfo> &sessions)
{
    m_sessions = sessions;
    Q_EMIT sessionsChanged();
}

void RelationshipDetail::change(const QString &message,
    const std::function<void(Backend &, QObject *, Callback<RelationshipInfo>)> &call)
{
    Backend *backend = Session::instance()->backend();
    if (!backend || m_busy || m_relationshipId <= 0) {
        return;
    }
    clearError();
    setBusy(true);
    const QString before = m_relationship.value(QStringLiteral("state")).toString();
    call(*backend, this, [this, message, before](const Result<RelationshipInfo> &result) {
        setBusy(false);
        if (!result.ok()) {
            fail(result.error().message);
            return;
        }
        ++m_generation; // anything still loading is older than this
        setLoading(false);
        setRelationship(result.value());
        QString said = message;
        if (said.isEmpty()) {
            // Agreeing: say what it led to.
            said = result.value().state == QLatin1String("active") && before != result.value().state
                ? tr("You have both agreed: the relationship is active.")
                : tr("You have agreed to the contract. Waiting for %1 to agree.")
                      .arg(m_relationship.value(QStringLiteral("otherName")).toString());
        }
        Q_EMIT changed(said);
        loadSessions();
    });
}

void RelationshipDetail::changeSession(const QString &message,
    const std::function<void(Backend &, QObject *, Callback<SessionInfo>)> &call)
{
    Backend *backend = Session::instance()->backend();
    if (!backend || m_busy) {
        return;
    }
    clearError();
    setBusy(true);
    call(*backend, this, [this, message](const Result<SessionInfo> &result) {
        setBusy(false);
        if (!result.ok()) {
            fail(result.error().message);
            return;
        }
        bool found = false;
        for (SessionInfo &session : m_sessions) {
            if (session.id == result.value().id) {
                session = result.value();
                found = true;
            }
        }
        if (!found) {
            m_sessions.append(result.value());
        }
        Q_EMIT sessionsChanged();
        Q_EMIT changed(message);
    });
}
