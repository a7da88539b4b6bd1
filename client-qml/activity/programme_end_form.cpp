#include "activity/programme_end_form.h"

#include "relationships/relationship_catalogue.h"

ProgrammeEndForm::ProgrammeEndForm(QObject *parent)
    : CorrectableForm(parent)
{
    // Whatever the person types is kept as a draft shortly after.
    connect(this, &ProgrammeEndForm::draftChanged, this, [this] { m_draft.changed(); });
}

QString ProgrammeEndForm::pairNames() const
{
    if (m_coacheeName.isEmpty() || m_memberName.isEmpty()) {
        return m_coacheeName + m_memberName;
    }
    return tr("%1 and %2").arg(m_coacheeName, m_memberName);
}

void ProgrammeEndForm::setReason(const QString &reason)
{
    if (change(m_reason, reason, QStringLiteral("reason"))) {
        Q_EMIT draftChanged();
    }
}

int ProgrammeEndForm::reasonMaxLength() const
{
    return RelationshipCatalogue::kReasonMaxLength;
}

void ProgrammeEndForm::start(const QVariantMap &relationship)
{
    m_draft.flush(); // what was typed for another, under its own name
    const Draft::Quiet filling(m_draft);
    m_startRelationship = relationship;
    m_relationshipId = relationship.value(QStringLiteral("id")).toLongLong();
    m_coacheeName = relationship.value(QStringLiteral("coacheeName")).toString();
    m_memberName = relationship.value(QStringLiteral("memberName")).toString();
    m_queuedKey.clear();
    m_reason.clear();
    setFieldErrors({});
    setErrorMessage({});
    const QVariantMap kept = m_draft.open(WriteKind::EndRelationship, m_relationshipId);
    m_restoredFromDraft = !kept.value(QStringLiteral("reason")).toString().isEmpty();
    if (m_restoredFromDraft) {
        m_reason = kept.value(QStringLiteral("reason")).toString();
    }
    Q_EMIT draftChanged();
}

void ProgrammeEndForm::startAgain()
{
    m_reason.clear();
    m_restoredFromDraft = false;
    setFieldErrors({});
}

bool ProgrammeEndForm::editQueued(const QString &key, const QVariantMap &relationship)
{
    Q_UNUSED(key)
    Q_UNUSED(relationship)
    return false;
}

bool ProgrammeEndForm::validate()
{
    const qsizetype length = m_reason.trimmed().size();
    QString problem;
    if (length == 0) {
        problem = tr("Say why it ends early, in a sentence or two.");
    } else if (length > RelationshipCatalogue::kReasonMaxLength) {
        problem = tr("Keep the reason to %1 characters: it has %2.")
                      .arg(RelationshipCatalogue::kReasonMaxLength)
                      .arg(length);
    }
    setFieldErrors(
        problem.isEmpty() ? QVariantMap() : QVariantMap {{QStringLiteral("reason"), problem}});
    return problem.isEmpty();
}

void ProgrammeEndForm::submit()
{
    if (busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    const QString names = pairNames();
    keepAndWait(WriteKind::EndRelationship,
        {{QStringLiteral("relationshipId"), m_relationshipId},
            {QStringLiteral("reason"), m_reason.trimmed()}},
        tr("Ended the relationship of %1 early").arg(names),
        tr("This could not be kept on the device. Nothing was sent; try again."),
        {{QStringLiteral("reason"), QStringLiteral("reason")}},
        [this, names](const WriteOutcome &outcome) {
            m_restoredFromDraft = false;
            const QString state = outcome.relationship ? outcome.relationship->state
                                                       : QStringLiteral("ended_early");
            Q_EMIT ended(tr("The relationship of %1 has ended. Both of them can see why, and its "
                            "record is kept.")
                             .arg(names),
                state);
        });
}
