#include "activity/organisation_settings_form.h"

#include "activity/reach_backend.h"
#include "activity/reach_catalogue.h"
#include "identity/session.h"

#include <QLocale>
#include <QRegularExpression>

void OrganisationSettingsForm::setOrganisationId(double id)
{
    const auto value = static_cast<qint64>(id);
    if (value == m_organisationId) {
        return;
    }
    m_organisationId = value;
    Q_EMIT organisationChanged();
    reload();
}

void OrganisationSettingsForm::setHeadcount(const QString &text)
{
    if (change(m_headcount, text, QStringLiteral("headcount"))) {
        Q_EMIT draftChanged();
    }
}

void OrganisationSettingsForm::setEqualityMonitoring(bool monitoring)
{
    if (change(m_equalityMonitoring, monitoring)) {
        Q_EMIT draftChanged();
    }
}

QString OrganisationSettingsForm::headcountText() const
{
    if (m_savedHeadcount <= 0) {
        return tr("not entered yet");
    }
    return tr("%1 staff").arg(QLocale().toString(m_savedHeadcount));
}

bool OrganisationSettingsForm::isChanged() const
{
    return m_loaded
        && (parseHeadcount(m_headcount) != m_savedHeadcount
            || m_equalityMonitoring != m_savedEqualityMonitoring);
}

int OrganisationSettingsForm::parseHeadcount(const QString &text)
{
    QString digits = text.trimmed();
    // Thousands as people write them: "4,200", "4 200", "4.200".
    static const QRegularExpression separators(
        QStringLiteral("(?<=\\d)[,.\\s\\x{00a0}](?=\\d{3})"));
    digits.remove(separators);
    if (digits.isEmpty()) {
        return 0;
    }
    static const QRegularExpression wholeNumber(QStringLiteral("^\\d{1,9}$"));
    if (!wholeNumber.match(digits).hasMatch()) {
        return -1;
    }
    return digits.toInt();
}

QString OrganisationSettingsForm::headcountProblem(const QString &text) const
{
    const int number = parseHeadcount(text);
    if (number < 0) {
        return tr("Enter the number of staff as a whole number, like 4200.");
    }
    if (number > ReachCatalogue::kMaxHeadcount) {
        return tr("Enter a number of staff up to %1.")
            .arg(QLocale().toString(ReachCatalogue::kMaxHeadcount));
    }
    return {};
}

void OrganisationSettingsForm::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}

void OrganisationSettingsForm::setSaved(int headcount, bool monitoring)
{
    m_savedHeadcount = headcount;
    m_savedEqualityMonitoring = monitoring;
    m_loaded = true;
    Q_EMIT savedSettingsChanged();
    // The form shows what is saved.
    m_headcount = headcount > 0 ? QString::number(headcount) : QString();
    m_equalityMonitoring = monitoring;
    setFieldErrors({});
    Q_EMIT draftChanged();
}

void OrganisationSettingsForm::reload()
{
    ReachBackend *backend = Session::instance()->reach();
    if (!backend || m_organisationId <= 0) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getOrganisationSettings(
        m_organisationId, this, [this, generation](const Result<OrganisationSettingsInfo> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!result.ok()) {
                fail(result.error().message);
                return;
            }
            setErrorMessage({});
            setSaved(result.value().headcount, result.value().equalityMonitoring);
        });
}

void OrganisationSettingsForm::save(const QString &organisationName)
{
    ReachBackend *backend = Session::instance()->reach();
    if (!backend || busy() || !m_loaded) {
        return;
    }
    setErrorMessage({});
    if (const QString problem = headcountProblem(m_headcount); !problem.isEmpty()) {
        setFieldErrors({{QStringLiteral("headcount"), problem}});
        return;
    }
    setFieldErrors({});
    OrganisationSettingsInfo settings;
    settings.organisationId = m_organisationId;
    settings.headcount = parseHeadcount(m_headcount);
    settings.equalityMonitoring = m_equalityMonitoring;
    setBusy(true);
    ++m_generation; // a load still arriving is older than this
    backend->saveOrganisationSettings(
        settings, this, [this, organisationName](const Result<OrganisationSettingsInfo> &result) {
            setBusy(false);
            if (!result.ok()) {
                fail(result.error(), {{QStringLiteral("headcount"), QStringLiteral("headcount")}});
                return;
            }
            const OrganisationSettingsInfo &now = result.value();
            setSaved(now.headcount, now.equalityMonitoring);
            const QString people = now.headcount > 0
                ? tr("%1 staff").arg(QLocale().toString(now.headcount))
                : tr("no head-count");
            Q_EMIT saved(now.equalityMonitoring
                    ? tr("Saved for %1: %2. Its people are asked about their ethnic group and "
                         "disability.")
                          .arg(organisationName, people)
                    : tr("Saved for %1: %2. Its people are not asked about their ethnic group or "
                         "disability.")
                          .arg(organisationName, people));
        });
}
