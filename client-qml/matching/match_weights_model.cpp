#include "matching/match_weights_model.h"

#include "identity/session.h"
#include "matching/matching_backend.h"
#include "matching/matching_catalogue.h"

#include <algorithm>

namespace {

bool sameWeights(const MatchWeights &a, const MatchWeights &b)
{
    for (const QString &key : MatchingCatalogue::weightKeys()) {
        if (MatchingCatalogue::weightValue(a, key) != MatchingCatalogue::weightValue(b, key)) {
            return false;
        }
    }
    return true;
}

} // namespace

MatchWeightsModel::MatchWeightsModel(QObject *parent)
    : QObject(parent)
{ }

void MatchWeightsModel::classBegin()
{
    m_complete = false;
}

void MatchWeightsModel::componentComplete()
{
    m_complete = true;
    reload();
}

double MatchWeightsModel::organisationIdForQml() const
{
    return static_cast<double>(m_organisationId);
}

void MatchWeightsModel::setOrganisationIdForQml(double organisationId)
{
    const auto id = static_cast<qint64>(organisationId);
    if (id == m_organisationId) {
        return;
    }
    m_organisationId = id;
    Q_EMIT organisationIdChanged();
    reload();
}

QVariantList MatchWeightsModel::fields() const
{
    return MatchingCatalogue::weightFieldList();
}

QVariantMap MatchWeightsModel::values() const
{
    QVariantMap values;
    for (const QString &key : MatchingCatalogue::weightKeys()) {
        values.insert(key, MatchingCatalogue::weightValue(m_weights, key));
    }
    return values;
}

bool MatchWeightsModel::loading() const
{
    return m_loading;
}

bool MatchWeightsModel::saving() const
{
    return m_saving;
}

bool MatchWeightsModel::dirty() const
{
    return m_loaded && !sameWeights(m_weights, m_stored);
}

bool MatchWeightsModel::loaded() const
{
    return m_loaded;
}

QString MatchWeightsModel::errorMessage() const
{
    return m_errorMessage;
}

void MatchWeightsModel::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage) {
        return;
    }
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void MatchWeightsModel::clearError()
{
    setErrorMessage({});
}

int MatchWeightsModel::value(const QString &key) const
{
    return MatchingCatalogue::weightValue(m_weights, key);
}

void MatchWeightsModel::setValue(const QString &key, int value)
{
    value = std::clamp(value, 0, MatchingCatalogue::kMaxWeight);
    if (MatchingCatalogue::weightValue(m_weights, key) == value) {
        return;
    }
    if (MatchingCatalogue::setWeightValue(m_weights, key, value)) {
        Q_EMIT weightsChanged();
    }
}

void MatchWeightsModel::reload()
{
    if (!m_complete) {
        return;
    }
    MatchingBackend *backend = Session::instance()->matching();
    const int generation = ++m_generation;
    setLoading(false);
    if (!backend || !Session::instance()->signedIn()) {
        return;
    }
    setLoading(true);
    backend->getMatchWeights(
        m_organisationId, this, [this, generation](const Result<MatchWeights> &result) {
            if (generation != m_generation) {
                return;
            }
            if (!result.ok()) {
                setLoading(false);
                fail(result.error().message);
                return;
            }
            setWeights(result.value());
            setLoading(false);
        });
}

void MatchWeightsModel::revert()
{
    if (!sameWeights(m_weights, m_stored)) {
        m_weights = m_stored;
        Q_EMIT weightsChanged();
    }
}

void MatchWeightsModel::save()
{
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || m_saving || !m_loaded) {
        return;
    }
    setErrorMessage({});
    bool anyAboveZero = false;
    for (const QString &key : MatchingCatalogue::weightKeys()) {
        anyAboveZero = anyAboveZero || MatchingCatalogue::weightValue(m_weights, key) > 0;
    }
    if (!anyAboveZero) {
        fail(tr("Give at least one weight a value above 0: with every weight at 0, matching "
                "could not tell a good pair from a poor one."));
        return;
    }
    MatchWeights weights = m_weights;
    weights.organisationId = m_stored.organisationId;
    const int generation = m_generation;
    setSaving(true);
    backend->updateMatchWeights(
        weights, this, [this, generation](const Result<MatchWeights> &result) {
            setSaving(false);
            if (generation != m_generation) {
                return;
            }
            if (!result.ok()) {
                fail(result.error().message);
                return;
            }
            setWeights(result.value());
            Q_EMIT saved();
        });
}

void MatchWeightsModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void MatchWeightsModel::setSaving(bool saving)
{
    if (saving == m_saving) {
        return;
    }
    m_saving = saving;
    Q_EMIT savingChanged();
}

void MatchWeightsModel::setWeights(const MatchWeights &weights)
{
    m_weights = weights;
    m_stored = weights;
    m_loaded = true;
    if (weights.organisationId != m_organisationId && weights.organisationId > 0) {
        // 0 asked for the first coordinated organisation; now we know which.
        m_organisationId = weights.organisationId;
        Q_EMIT organisationIdChanged();
    }
    Q_EMIT weightsChanged();
}

void MatchWeightsModel::fail(const QString &message)
{
    setErrorMessage(message);
    Q_EMIT errorOccurred(message);
}
