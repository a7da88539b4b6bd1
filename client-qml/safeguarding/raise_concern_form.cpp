#include "safeguarding/raise_concern_form.h"

#include "safeguarding/safeguarding_catalogue.h"

RaiseConcernForm::RaiseConcernForm(QObject *parent)
    : OutboxForm(parent)
{
    m_draft.setKind(WriteKind::RaiseConcern);
    readDraft();
}

double RaiseConcernForm::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

QString RaiseConcernForm::otherName() const
{
    return m_otherName;
}

QString RaiseConcernForm::description() const
{
    return m_description;
}

void RaiseConcernForm::setDescription(const QString &description)
{
    if (description == m_description) {
        return;
    }
    m_description = description;
    setFieldError(QStringLiteral("description"), {});
    Q_EMIT descriptionChanged();
    keepDraft();
}

bool RaiseConcernForm::hasDraft() const
{
    return !m_kept.value(QStringLiteral("description")).toString().trimmed().isEmpty();
}

QString RaiseConcernForm::draftOtherName() const
{
    return m_kept.value(QStringLiteral("otherName")).toString();
}

double RaiseConcernForm::draftRelationshipId() const
{
    return m_kept.value(QStringLiteral("relationshipId")).toDouble();
}

void RaiseConcernForm::start(const QVariantMap &relationship)
{
    m_relationshipId = relationship.value(QStringLiteral("id")).toLongLong();
    m_otherName = relationship.value(QStringLiteral("otherName")).toString();
    setFieldErrors({});
    setErrorMessage({});
    Q_EMIT relationshipChanged();
    readDraft();
    // The draft comes back only for the relationship it was about; another
    // draft stays untouched until something is typed here.
    const QString text = draftRelationshipId() == static_cast<double>(m_relationshipId)
        ? m_kept.value(QStringLiteral("description")).toString()
        : QString();
    if (text != m_description) {
        m_description = text;
        Q_EMIT descriptionChanged();
    }
}

void RaiseConcernForm::readDraft()
{
    const QVariantMap kept = m_draft.load();
    if (kept != m_kept) {
        m_kept = kept;
        Q_EMIT draftChanged();
    }
}

void RaiseConcernForm::resumeDraft()
{
    readDraft();
    if (!hasDraft()) {
        return;
    }
    start({{QStringLiteral("id"), m_kept.value(QStringLiteral("relationshipId"))},
        {QStringLiteral("otherName"), m_kept.value(QStringLiteral("otherName"))}});
}

void RaiseConcernForm::discardDraft()
{
    m_draft.clear();
    m_description.clear();
    Q_EMIT descriptionChanged();
    readDraft();
}

bool RaiseConcernForm::validate()
{
    const QString problem = SafeguardingCatalogue::descriptionProblem(m_description);
    setFieldError(QStringLiteral("description"), problem);
    return problem.isEmpty();
}

void RaiseConcernForm::save()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    // The summary shows in the list of what waits to sync: never the text.
    const QString summary = tr("Safeguarding concern about your relationship with %1")
                                .arg(m_otherName.isEmpty() ? tr("your coachee") : m_otherName);
    const QString key = keepWrite(WriteKind::RaiseConcern,
        {{QStringLiteral("relationshipId"), static_cast<double>(m_relationshipId)},
            {QStringLiteral("description"), m_description.trimmed()}},
        summary, m_draft,
        tr("The concern could not be kept on the device, so nothing was sent. Try again; if "
           "someone is in danger now, call 999."));
    if (key.isEmpty()) {
        return;
    }
    m_description.clear();
    Q_EMIT descriptionChanged();
    readDraft();
    Q_EMIT saved(key, summary);
}

void RaiseConcernForm::keepDraft()
{
    if (m_relationshipId <= 0) {
        return;
    }
    if (m_description.trimmed().isEmpty()
        && draftRelationshipId() != static_cast<double>(m_relationshipId)) {
        return; // nothing typed here: another relationship's draft stays
    }
    // At once, not after a pause: a concern is too important to lose.
    m_draft.save();
    readDraft();
}

QVariantMap RaiseConcernForm::draftFields() const
{
    return {{QStringLiteral("relationshipId"), static_cast<double>(m_relationshipId)},
        {QStringLiteral("otherName"), m_otherName}, {QStringLiteral("description"), m_description}};
}
