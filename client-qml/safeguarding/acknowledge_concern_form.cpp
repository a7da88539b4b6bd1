#include "safeguarding/acknowledge_concern_form.h"

#include "safeguarding/safeguarding_catalogue.h"

AcknowledgeConcernForm::AcknowledgeConcernForm(QObject *parent)
    : OutboxForm(parent)
{ }

double AcknowledgeConcernForm::concernIdForQml() const
{
    return static_cast<double>(m_concernId);
}

QVariantMap AcknowledgeConcernForm::concern() const
{
    return m_concern;
}

QVariant AcknowledgeConcernForm::concernForQml() const
{
    return m_concern;
}

QString AcknowledgeConcernForm::actionTaken() const
{
    return m_actionTaken;
}

void AcknowledgeConcernForm::setActionTaken(const QString &actionTaken)
{
    if (actionTaken == m_actionTaken) {
        return;
    }
    m_actionTaken = actionTaken;
    setFieldError(QStringLiteral("actionTaken"), {});
    Q_EMIT actionTakenChanged();
    if (m_concernId > 0) {
        m_draft.save(); // at once, as the concern's own form does
    }
}

void AcknowledgeConcernForm::start(const QVariantMap &concern)
{
    m_concern = concern;
    m_concernId = concern.value(QStringLiteral("id")).toLongLong();
    setFieldErrors({});
    setErrorMessage({});
    Q_EMIT concernChanged();
    const QString typed = m_concernId > 0 ? m_draft.open(WriteKind::AcknowledgeConcern, m_concernId)
                                                .value(QStringLiteral("actionTaken"))
                                                .toString()
                                          : QString();
    if (typed != m_actionTaken) {
        m_actionTaken = typed;
        Q_EMIT actionTakenChanged();
    }
}

bool AcknowledgeConcernForm::validate()
{
    const QString problem = SafeguardingCatalogue::actionProblem(m_actionTaken);
    setFieldError(QStringLiteral("actionTaken"), problem);
    return problem.isEmpty();
}

void AcknowledgeConcernForm::save()
{
    if (busy() || m_concernId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    const QString raisedBy = m_concern.value(QStringLiteral("raisedByName")).toString();
    // The summary shows in the list of what waits to sync: never the text.
    const QString summary = raisedBy.isEmpty()
        ? tr("Acknowledgement of a safeguarding concern")
        : tr("Acknowledgement of the safeguarding concern raised by %1").arg(raisedBy);
    const QString key = keepWrite(WriteKind::AcknowledgeConcern,
        {{QStringLiteral("concernId"), static_cast<double>(m_concernId)},
            {QStringLiteral("actionTaken"), m_actionTaken.trimmed()}},
        summary, m_draft,
        tr("The acknowledgement could not be kept on the device, so nothing was sent. Try "
           "again."));
    if (key.isEmpty()) {
        return;
    }
    Q_EMIT saved(key, summary);
}
