#include "matching/suggestions_model.h"

#include "common/map_rows.h"
#include "directory/directory_catalogue.h"
#include "identity/session.h"
#include "matching/matching_backend.h"
#include "matching/matching_catalogue.h"

#include <algorithm>

namespace {

QVariantMap toMap(const SuggestionInfo &suggestion)
{
    QVariantMap map = DirectoryCatalogue::toMap(suggestion.profile);
    map.insert(QStringLiteral("score"), suggestion.score);
    map.insert(QStringLiteral("fitLabel"),
        MatchingCatalogue::fitLabel(suggestion.score, suggestion.maxScore));
    map.insert(QStringLiteral("reasons"), suggestion.reasons);
    map.insert(QStringLiteral("reasonsText"), suggestion.reasons.join(QStringLiteral("; ")));
    return map;
}

} // namespace

SuggestionsModel::SuggestionsModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_keys(toMap(SuggestionInfo()).keys())
{ }

int SuggestionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SuggestionsModel::data(const QModelIndex &index, int role) const
{
    return MapRows::data(m_rows, m_keys, index, role, QStringLiteral("displayName"));
}

QHash<int, QByteArray> SuggestionsModel::roleNames() const
{
    return MapRows::roleNames(m_keys);
}

qint64 SuggestionsModel::requestId() const
{
    return m_requestId;
}

void SuggestionsModel::setRequestId(qint64 requestId)
{
    if (requestId == m_requestId) {
        return;
    }
    m_requestId = requestId;
    Q_EMIT requestIdChanged();
    reload();
}

double SuggestionsModel::requestIdForQml() const
{
    return static_cast<double>(m_requestId);
}

void SuggestionsModel::setRequestIdForQml(double requestId)
{
    setRequestId(static_cast<qint64>(requestId));
}

int SuggestionsModel::limit() const
{
    return m_limit;
}

void SuggestionsModel::setLimit(int limit)
{
    limit = std::clamp(limit, 1, kMaxLimit);
    if (limit == m_limit) {
        return;
    }
    m_limit = limit;
    Q_EMIT limitChanged();
    if (m_requestId > 0) {
        reload();
    }
}

bool SuggestionsModel::loading() const
{
    return m_loading;
}

bool SuggestionsModel::loaded() const
{
    return m_loaded;
}

int SuggestionsModel::count() const
{
    return rowCount();
}

int SuggestionsModel::eligibleCount() const
{
    return m_eligibleCount;
}

QString SuggestionsModel::emptyReason() const
{
    return m_emptyReason;
}

bool SuggestionsModel::busy() const
{
    return m_busy;
}

QVariant SuggestionsModel::get(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return m_rows.at(row);
}

int SuggestionsModel::rowOf(double accountId) const
{
    const auto id = static_cast<qint64>(accountId);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QStringLiteral("accountId")).toLongLong() == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void SuggestionsModel::reload()
{
    // Whatever is still on its way is for another request now.
    const int generation = ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_eligibleCount = 0;
    m_emptyReason.clear();
    endResetModel();
    Q_EMIT countChanged();
    if (m_loaded) {
        m_loaded = false;
        Q_EMIT loadingChanged();
    }
    setLoading(false);
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || !Session::instance()->signedIn() || m_requestId <= 0) {
        return;
    }
    setLoading(true);
    backend->suggestMatches(
        m_requestId, m_limit, this, [this, generation](const Result<SuggestionList> &result) {
            if (generation != m_generation) {
                return;
            }
            if (!result.ok()) {
                setLoading(false);
                Q_EMIT errorOccurred(result.error().message);
                return;
            }
            const SuggestionList &list = result.value();
            beginResetModel();
            for (const SuggestionInfo &suggestion : list.suggestions) {
                m_rows.append(toMap(suggestion));
            }
            m_eligibleCount = list.eligibleCount;
            m_emptyReason = list.emptyReason;
            endResetModel();
            Q_EMIT countChanged();
            m_loaded = true;
            // Rows first: whoever waits for `loading` to end reads them.
            setLoading(false);
        });
}

void SuggestionsModel::choose(int row)
{
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || m_busy || row < 0 || row >= rowCount() || m_requestId <= 0) {
        return;
    }
    const qint64 memberId = m_rows.at(row).value(QStringLiteral("accountId")).toLongLong();
    setBusy(true);
    backend->chooseMember(
        m_requestId, memberId, this, [this](const Result<SupportRequestInfo> &result) {
            setBusy(false);
            if (!result.ok()) {
                Q_EMIT errorOccurred(result.error().message);
                return;
            }
            Q_EMIT chosen(MatchingCatalogue::toMap(result.value()));
        });
}

void SuggestionsModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void SuggestionsModel::setBusy(bool busy)
{
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged();
}
