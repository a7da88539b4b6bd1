#include "matching/match_proposal_model.h"

#include "common/map_rows.h"
#include "identity/session.h"
#include "matching/matching_backend.h"
#include "matching/matching_catalogue.h"

#include <QHash>

namespace {

const QString kRequestId = QStringLiteral("requestId");
const QString kMemberId = QStringLiteral("memberId");
const QString kScore = QStringLiteral("score");

QVariantMap toMap(const ProposedPairInfo &pair)
{
    const QVariantMap request = MatchingCatalogue::toMap(pair.request);
    return {{kRequestId, pair.request.id}, {QStringLiteral("request"), request},
        {QStringLiteral("coacheeName"), pair.request.coacheeName},
        {QStringLiteral("coacheeOrganisationName"), pair.request.coacheeOrganisationName},
        {QStringLiteral("kind"), request.value(QStringLiteral("kind"))},
        {QStringLiteral("kindLabel"), request.value(QStringLiteral("kindLabel"))},
        {QStringLiteral("gap"), pair.request.details.gap},
        {QStringLiteral("themes"), pair.request.details.themes},
        {QStringLiteral("daysWaited"), request.value(QStringLiteral("daysWaited"))},
        {QStringLiteral("preferencesLabel"), request.value(QStringLiteral("preferencesLabel"))},
        {kMemberId, pair.memberId}, {QStringLiteral("memberName"), pair.memberName},
        {QStringLiteral("memberOrganisationName"), pair.memberOrganisationName},
        {kScore, pair.score},
        {QStringLiteral("fitLabel"), MatchingCatalogue::fitLabel(pair.score, pair.maxScore)},
        {QStringLiteral("reasons"), pair.reasons},
        {QStringLiteral("reasonsText"), pair.reasons.join(QStringLiteral("; "))},
        {QStringLiteral("replaced"), false}, {QStringLiteral("outcome"), QString()},
        {QStringLiteral("problem"), QString()}};
}

} // namespace

MatchProposalModel::MatchProposalModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_keys(toMap(ProposedPairInfo()).keys())
{ }

int MatchProposalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant MatchProposalModel::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("coacheeName"));
}

QHash<int, QByteArray> MatchProposalModel::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

bool MatchProposalModel::loading() const
{
    return m_loading;
}

bool MatchProposalModel::confirming() const
{
    return m_confirming;
}

bool MatchProposalModel::hasProposal() const
{
    return m_hasProposal;
}

bool MatchProposalModel::confirmed() const
{
    return m_confirmed;
}

int MatchProposalModel::count() const
{
    return rowCount();
}

int MatchProposalModel::totalScore() const
{
    int total = 0;
    for (const QVariantMap &row : m_rows) {
        total += row.value(kScore).toInt();
    }
    return total;
}

double MatchProposalModel::proposedTotalScore() const
{
    return static_cast<double>(m_proposedTotalScore);
}

int MatchProposalModel::membersConsidered() const
{
    return m_membersConsidered;
}

int MatchProposalModel::pairsConsidered() const
{
    return m_pairsConsidered;
}

int MatchProposalModel::solveMillis() const
{
    return m_solveMillis;
}

QVariantList MatchProposalModel::unmatched() const
{
    return m_unmatched;
}

int MatchProposalModel::removedCount() const
{
    return m_removedCount;
}

int MatchProposalModel::confirmedCount() const
{
    return m_confirmedCount;
}

int MatchProposalModel::refusedCount() const
{
    return m_refusedCount;
}

QVariant MatchProposalModel::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

int MatchProposalModel::rowOf(double requestId) const
{
    const auto id = static_cast<qint64>(requestId);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(kRequestId).toLongLong() == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int MatchProposalModel::pairsWithMember(double memberId) const
{
    const auto id = static_cast<qint64>(memberId);
    int pairs = 0;
    for (const QVariantMap &row : m_rows) {
        if (row.value(kMemberId).toLongLong() == id) {
            ++pairs;
        }
    }
    return pairs;
}

void MatchProposalModel::run()
{
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || m_loading || m_confirming) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->proposeMatches(this, [this, generation](const Result<MatchProposal> &result) {
        if (generation != m_generation) {
            return;
        }
        if (!result.ok()) {
            setLoading(false);
            Q_EMIT errorOccurred(result.error().message);
            return;
        }
        const MatchProposal &proposal = result.value();
        beginResetModel();
        m_rows.clear();
        for (const ProposedPairInfo &pair : proposal.pairs) {
            m_rows.append(toMap(pair));
        }
        endResetModel();
        m_unmatched.clear();
        for (const UnmatchedRequestInfo &unmatched : proposal.unmatched) {
            QVariantMap entry = MatchingCatalogue::toMap(unmatched.request);
            entry.insert(QStringLiteral("reason"), unmatched.reason);
            m_unmatched.append(entry);
        }
        m_proposedTotalScore = proposal.totalScore;
        m_membersConsidered = proposal.membersConsidered;
        m_pairsConsidered = proposal.pairsConsidered;
        m_solveMillis = proposal.solveMillis;
        m_removedCount = 0;
        m_confirmedCount = 0;
        m_refusedCount = 0;
        m_hasProposal = true;
        m_confirmed = false;
        Q_EMIT countChanged();
        Q_EMIT proposalChanged();
        setLoading(false);
        Q_EMIT proposed();
    });
}

void MatchProposalModel::removePair(int row)
{
    if (m_confirmed || m_confirming || row < 0 || row >= rowCount()) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    ++m_removedCount;
    Q_EMIT countChanged();
}

void MatchProposalModel::replaceMember(int row, const QVariantMap &suggestion)
{
    if (m_confirmed || m_confirming || row < 0 || row >= rowCount()) {
        return;
    }
    const qint64 memberId = suggestion.value(QStringLiteral("accountId")).toLongLong();
    if (memberId <= 0) {
        return;
    }
    QVariantMap &pair = m_rows[row];
    if (pair.value(kMemberId).toLongLong() == memberId) {
        return;
    }
    const QStringList reasons = suggestion.value(QStringLiteral("reasons")).toStringList();
    pair.insert(kMemberId, memberId);
    pair.insert(QStringLiteral("memberName"), suggestion.value(QStringLiteral("displayName")));
    pair.insert(QStringLiteral("memberOrganisationName"),
        suggestion.value(QStringLiteral("organisationName")));
    pair.insert(kScore, suggestion.value(kScore).toInt());
    pair.insert(QStringLiteral("reasons"), reasons);
    pair.insert(QStringLiteral("reasonsText"), reasons.join(QStringLiteral("; ")));
    pair.insert(QStringLiteral("replaced"), true);
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
    Q_EMIT countChanged(); // the total score
}

void MatchProposalModel::confirm()
{
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || m_loading || m_confirming || m_confirmed) {
        return;
    }
    if (m_rows.isEmpty()) {
        Q_EMIT errorOccurred(tr("There are no pairs to confirm. Run matching again, or "
                                "keep at least one pair."));
        return;
    }
    QList<MatchPair> pairs;
    pairs.reserve(m_rows.size());
    for (const QVariantMap &row : m_rows) {
        pairs.append({row.value(kRequestId).toLongLong(), row.value(kMemberId).toLongLong()});
    }
    const int generation = m_generation;
    setConfirming(true);
    backend->confirmMatches(pairs, this, [this, generation](const Result<ConfirmResult> &result) {
        setConfirming(false);
        if (generation != m_generation) {
            return;
        }
        if (!result.ok()) {
            Q_EMIT errorOccurred(result.error().message);
            return;
        }
        QHash<qint64, PairOutcome> outcomes;
        for (const PairOutcome &outcome : result.value().outcomes) {
            outcomes.insert(outcome.requestId, outcome);
        }
        m_confirmedCount = 0;
        m_refusedCount = 0;
        for (QVariantMap &row : m_rows) {
            const auto it = outcomes.constFind(row.value(kRequestId).toLongLong());
            const bool confirmed = it != outcomes.constEnd() && it->confirmed;
            row.insert(QStringLiteral("outcome"),
                confirmed ? QStringLiteral("confirmed") : QStringLiteral("refused"));
            row.insert(QStringLiteral("problem"),
                confirmed                       ? QString()
                    : it != outcomes.constEnd() ? it->problem
                                                : tr("The server did not say what became of it."));
            ++(confirmed ? m_confirmedCount : m_refusedCount);
        }
        if (!m_rows.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
        }
        m_confirmed = true;
        Q_EMIT proposalChanged();
        Q_EMIT outcomesArrived();
    });
}

void MatchProposalModel::clear()
{
    ++m_generation;
    setLoading(false);
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_unmatched.clear();
    m_hasProposal = false;
    m_confirmed = false;
    m_proposedTotalScore = 0;
    m_membersConsidered = 0;
    m_pairsConsidered = 0;
    m_solveMillis = 0;
    m_removedCount = 0;
    m_confirmedCount = 0;
    m_refusedCount = 0;
    Q_EMIT countChanged();
    Q_EMIT proposalChanged();
}

void MatchProposalModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void MatchProposalModel::setConfirming(bool confirming)
{
    if (confirming == m_confirming) {
        return;
    }
    m_confirming = confirming;
    Q_EMIT confirmingChanged();
}
