#include "safeguarding/safeguarding_setup_form.h"

#include "identity/session.h"
#include "safeguarding/safeguarding_backend.h"

double SafeguardingSetupForm::coachId() const
{
    return static_cast<double>(m_coachId);
}

void SafeguardingSetupForm::setCoachId(double id)
{
    setId(m_coachId, id, QStringLiteral("coachId"));
}

double SafeguardingSetupForm::supervisorId() const
{
    return static_cast<double>(m_supervisorId);
}

void SafeguardingSetupForm::setSupervisorId(double id)
{
    setId(m_supervisorId, id, QStringLiteral("supervisorId"));
}

double SafeguardingSetupForm::organisationId() const
{
    return static_cast<double>(m_organisationId);
}

void SafeguardingSetupForm::setOrganisationId(double id)
{
    setId(m_organisationId, id, QStringLiteral("organisationId"));
}

double SafeguardingSetupForm::leadId() const
{
    return static_cast<double>(m_leadId);
}

void SafeguardingSetupForm::setLeadId(double id)
{
    setId(m_leadId, id, QStringLiteral("leadId"));
}

void SafeguardingSetupForm::setId(qint64 &member, double id, const QString &field)
{
    const auto value = static_cast<qint64>(id);
    if (value == member) {
        return;
    }
    member = value;
    setFieldError(field, {});
    Q_EMIT draftChanged();
}

void SafeguardingSetupForm::saveSupervisor(const QString &coachName, const QString &supervisorName)
{
    SafeguardingBackend *backend = Session::instance()->safeguarding();
    if (!backend || busy()) {
        return;
    }
    setErrorMessage({});
    QVariantMap errors;
    if (m_coachId <= 0) {
        errors.insert(QStringLiteral("coachId"), tr("Choose the coach or mentor."));
    }
    if (m_supervisorId <= 0) {
        errors.insert(QStringLiteral("supervisorId"), tr("Choose their supervisor."));
    }
    setFieldErrors(errors);
    if (!errors.isEmpty()) {
        return;
    }
    setBusy(true);
    backend->setSupervisor(m_coachId, m_supervisorId, this,
        [this, coachName, supervisorName](const Result<Done> &result) {
            setBusy(false);
            if (!result.ok()) {
                fail(result.error(),
                    {{QStringLiteral("coach_id"), QStringLiteral("coachId")},
                        {QStringLiteral("supervisor_id"), QStringLiteral("supervisorId")}});
                return;
            }
            Q_EMIT saved(tr("%1 now supervises %2: concerns %2 raises reach %1.")
                             .arg(supervisorName, coachName));
        });
}

void SafeguardingSetupForm::saveLead(const QString &organisationName, const QString &leadName)
{
    SafeguardingBackend *backend = Session::instance()->safeguarding();
    if (!backend || busy()) {
        return;
    }
    setErrorMessage({});
    QVariantMap errors;
    if (m_organisationId <= 0) {
        errors.insert(QStringLiteral("organisationId"), tr("Choose the organisation."));
    }
    if (m_leadId <= 0) {
        errors.insert(QStringLiteral("leadId"), tr("Choose its safeguarding lead."));
    }
    setFieldErrors(errors);
    if (!errors.isEmpty()) {
        return;
    }
    setBusy(true);
    backend->setSafeguardingLead(m_organisationId, m_leadId, this,
        [this, organisationName, leadName](const Result<Done> &result) {
            setBusy(false);
            if (!result.ok()) {
                fail(result.error(),
                    {{QStringLiteral("organisation_id"), QStringLiteral("organisationId")},
                        {QStringLiteral("account_id"), QStringLiteral("leadId")}});
                return;
            }
            Q_EMIT saved(
                tr("%1 is now the safeguarding lead of %2.").arg(leadName, organisationName));
        });
}
