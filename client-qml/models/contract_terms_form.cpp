#include "contract_terms_form.h"

#include "relationship_catalogue.h"
#include "session.h"

namespace {

/// Sets a draft field and says so when it changes.
template <typename T>
void update(ContractTermsForm *form, T &field, const T &value, void (ContractTermsForm::*notify)())
{
    if (field == value) {
        return;
    }
    field = value;
    Q_EMIT(form->*notify)();
}

} // namespace

double ContractTermsForm::relationshipIdForQml() const
{
    return static_cast<double>(m_relationshipId);
}

void ContractTermsForm::setRelationshipIdForQml(double id)
{
    update(this, m_relationshipId, static_cast<qint64>(id), &ContractTermsForm::draftChanged);
}

QString ContractTermsForm::kind() const
{
    return m_kind;
}

void ContractTermsForm::setKind(const QString &kind)
{
    update(this, m_kind, kind, &ContractTermsForm::draftChanged);
}

bool ContractTermsForm::review() const
{
    return m_review;
}

void ContractTermsForm::setReview(bool review)
{
    update(this, m_review, review, &ContractTermsForm::draftChanged);
}

int ContractTermsForm::numberOfSessions() const
{
    return m_terms.numberOfSessions;
}

void ContractTermsForm::setNumberOfSessions(int sessions)
{
    setFieldError(QStringLiteral("numberOfSessions"), {});
    update(this, m_terms.numberOfSessions, sessions, &ContractTermsForm::draftChanged);
}

int ContractTermsForm::sessionMinutes() const
{
    return m_terms.sessionMinutes;
}

void ContractTermsForm::setSessionMinutes(int minutes)
{
    setFieldError(QStringLiteral("sessionMinutes"), {});
    update(this, m_terms.sessionMinutes, minutes, &ContractTermsForm::draftChanged);
}

QString ContractTermsForm::regularity() const
{
    return m_terms.regularity;
}

void ContractTermsForm::setRegularity(const QString &regularity)
{
    setFieldError(QStringLiteral("regularity"), {});
    update(this, m_terms.regularity, regularity, &ContractTermsForm::draftChanged);
}

QString ContractTermsForm::plannedEndOn() const
{
    return m_terms.plannedEndOn;
}

void ContractTermsForm::setPlannedEndOn(const QString &date)
{
    setFieldError(QStringLiteral("plannedEndOn"), {});
    update(this, m_terms.plannedEndOn, date, &ContractTermsForm::draftChanged);
}

QString ContractTermsForm::reviewCadence() const
{
    return m_terms.reviewCadence;
}

void ContractTermsForm::setReviewCadence(const QString &cadence)
{
    setFieldError(QStringLiteral("reviewCadence"), {});
    update(this, m_terms.reviewCadence, cadence, &ContractTermsForm::draftChanged);
}

QString ContractTermsForm::reason() const
{
    return m_reason;
}

void ContractTermsForm::setReason(const QString &reason)
{
    setFieldError(QStringLiteral("reason"), {});
    update(this, m_reason, reason, &ContractTermsForm::draftChanged);
}

void ContractTermsForm::start(const QVariantMap &relationship, bool review)
{
    m_relationshipId = relationship.value(QStringLiteral("id")).toLongLong();
    m_kind = relationship.value(QStringLiteral("kind")).toString();
    m_review = review;
    m_reason.clear();
    if (relationship.value(QStringLiteral("termsSet")).toBool()) {
        m_terms.numberOfSessions = relationship.value(QStringLiteral("numberOfSessions")).toInt();
        m_terms.sessionMinutes = relationship.value(QStringLiteral("sessionMinutes")).toInt();
        m_terms.regularity = relationship.value(QStringLiteral("regularity")).toString();
        m_terms.plannedEndOn = relationship.value(QStringLiteral("plannedEndOn")).toString();
        m_terms.reviewCadence = relationship.value(QStringLiteral("reviewCadence")).toString();
    } else {
        m_terms = {};
        if (m_kind == QLatin1String("mentoring")) {
            m_terms.reviewCadence = QStringLiteral("quarterly");
        } else {
            m_terms.numberOfSessions = 6;
            m_terms.sessionMinutes = 60;
            m_terms.regularity = QStringLiteral("fortnightly");
            m_terms.plannedEndOn = QDate::currentDate().addMonths(6).toString(Qt::ISODate);
        }
    }
    setFieldErrors({});
    setErrorMessage({});
    Q_EMIT draftChanged();
}

bool ContractTermsForm::validate()
{
    QVariantMap errors;
    if (m_kind == QLatin1String("mentoring")) {
        if (m_terms.reviewCadence.isEmpty()) {
            errors.insert(QStringLiteral("reviewCadence"),
                tr("Choose how often you will review the mentoring together."));
        }
    } else {
        if (m_terms.numberOfSessions < 1
            || m_terms.numberOfSessions > RelationshipCatalogue::kMaxContractSessions) {
            errors.insert(QStringLiteral("numberOfSessions"),
                tr("Choose 1 to %1 sessions.").arg(RelationshipCatalogue::kMaxContractSessions));
        }
        if (!m_review
            && (m_terms.sessionMinutes < RelationshipCatalogue::kMinSessionMinutes
                || m_terms.sessionMinutes > RelationshipCatalogue::kMaxSessionMinutes)) {
            errors.insert(QStringLiteral("sessionMinutes"),
                tr("Sessions last %1 to %2 minutes.")
                    .arg(RelationshipCatalogue::kMinSessionMinutes)
                    .arg(RelationshipCatalogue::kMaxSessionMinutes));
        }
        if (!m_review && m_terms.regularity.isEmpty()) {
            errors.insert(QStringLiteral("regularity"), tr("Choose how often you will meet."));
        }
        const QDate end = parseDate(m_terms.plannedEndOn);
        const QDate today = QDate::currentDate();
        if (!end.isValid()) {
            errors.insert(QStringLiteral("plannedEndOn"),
                tr("Enter the planned end date as year-month-day, like %1.")
                    .arg(today.addMonths(6).toString(Qt::ISODate)));
        } else if (end <= today) {
            errors.insert(QStringLiteral("plannedEndOn"), tr("The end date must be after today."));
        } else if (end > today.addDays(2 * 366)) {
            errors.insert(
                QStringLiteral("plannedEndOn"), tr("The end date must be within two years."));
        }
        if (m_review) {
            const qsizetype length = m_reason.trimmed().size();
            if (length == 0) {
                errors.insert(QStringLiteral("reason"),
                    tr("Say why the contract changes: your coachee will see it."));
            } else if (length > RelationshipCatalogue::kReasonMaxLength) {
                errors.insert(QStringLiteral("reason"),
                    tr("Keep the reason to %1 characters.")
                        .arg(RelationshipCatalogue::kReasonMaxLength));
            }
        }
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void ContractTermsForm::submit()
{
    Backend *backend = Session::instance()->backend();
    if (!backend || busy() || m_relationshipId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    setBusy(true);
    auto done = [this](const Result<RelationshipInfo> &result) {
        setBusy(false);
        if (!result.ok()) {
            fail(result.error().message,
                {{QStringLiteral("number_of_sessions"), QStringLiteral("numberOfSessions")},
                    {QStringLiteral("session_minutes"), QStringLiteral("sessionMinutes")},
                    {QStringLiteral("regularity"), QStringLiteral("regularity")},
                    {QStringLiteral("planned_end_on"), QStringLiteral("plannedEndOn")},
                    {QStringLiteral("review_cadence"), QStringLiteral("reviewCadence")},
                    {QStringLiteral("reason"), QStringLiteral("reason")}});
            return;
        }
        Q_EMIT submitted(RelationshipCatalogue::toMap(result.value()));
    };
    if (m_review) {
        backend->reviewContract(m_relationshipId, m_terms.numberOfSessions, m_terms.plannedEndOn,
            m_reason, this, std::move(done));
    } else {
        ContractTermsInfo terms = m_terms;
        if (m_kind == QLatin1String("mentoring")) {
            terms = ContractTermsInfo {};
            terms.reviewCadence = m_terms.reviewCadence;
        } else {
            terms.reviewCadence.clear();
        }
        backend->setContractTerms(m_relationshipId, terms, this, std::move(done));
    }
}
