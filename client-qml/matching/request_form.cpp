#include "matching/request_form.h"

#include "identity/session.h"
#include "matching/matching_backend.h"
#include "matching/matching_catalogue.h"

RequestForm::RequestForm(QObject *parent)
    : FormBase(parent)
{ }

QString RequestForm::kind() const
{
    return m_details.kind;
}

void RequestForm::setKind(const QString &kind)
{
    if (kind == m_details.kind) {
        return;
    }
    m_details.kind = kind;
    setFieldError(QStringLiteral("kind"), {});
    // The pay band is required for mentoring only; its error may no longer hold.
    setFieldError(QStringLiteral("payBand"), {});
    Q_EMIT draftChanged();
}

QString RequestForm::gap() const
{
    return m_details.gap;
}

void RequestForm::setGap(const QString &gap)
{
    if (change(m_details.gap, gap, QStringLiteral("gap"))) {
        Q_EMIT draftChanged();
    }
}

QStringList RequestForm::themes() const
{
    return m_details.themes;
}

void RequestForm::setThemes(const QStringList &themes)
{
    if (change(m_details.themes, themes, QStringLiteral("themes"))) {
        Q_EMIT draftChanged();
    }
}

QString RequestForm::deliveryMode() const
{
    return m_details.deliveryMode;
}

void RequestForm::setDeliveryMode(const QString &deliveryMode)
{
    if (change(m_details.deliveryMode, deliveryMode)) {
        Q_EMIT draftChanged();
    }
}

QString RequestForm::site() const
{
    return m_details.site;
}

void RequestForm::setSite(const QString &site)
{
    if (change(m_details.site, site)) {
        Q_EMIT draftChanged();
    }
}

QString RequestForm::language() const
{
    return m_details.language;
}

void RequestForm::setLanguage(const QString &language)
{
    if (change(m_details.language, language)) {
        Q_EMIT draftChanged();
    }
}

QString RequestForm::organisationPreference() const
{
    return m_details.organisationPreference;
}

void RequestForm::setOrganisationPreference(const QString &preference)
{
    if (change(m_details.organisationPreference, preference)) {
        Q_EMIT draftChanged();
    }
}

QString RequestForm::profession() const
{
    return m_details.profession;
}

void RequestForm::setProfession(const QString &profession)
{
    if (change(m_details.profession, profession)) {
        Q_EMIT draftChanged();
    }
}

QString RequestForm::payBand() const
{
    return m_details.payBand;
}

void RequestForm::setPayBand(const QString &payBand)
{
    if (change(m_details.payBand, payBand, QStringLiteral("payBand"))) {
        Q_EMIT draftChanged();
    }
}

QVariantList RequestForm::avoid() const
{
    return m_avoid;
}

qint64 RequestForm::memberId() const
{
    return m_memberId;
}

double RequestForm::memberIdForQml() const
{
    return static_cast<double>(m_memberId);
}

void RequestForm::setMemberIdForQml(double memberId)
{
    const auto id = static_cast<qint64>(memberId);
    if (id == m_memberId) {
        return;
    }
    m_memberId = id;
    Q_EMIT memberChanged();
}

QString RequestForm::memberName() const
{
    return m_memberName;
}

void RequestForm::setMemberName(const QString &name)
{
    if (name == m_memberName) {
        return;
    }
    m_memberName = name;
    Q_EMIT memberChanged();
}

bool RequestForm::toggleTheme(const QString &code)
{
    QStringList themes = m_details.themes;
    if (themes.removeAll(code) == 0) {
        if (themes.size() >= MatchingCatalogue::kMaxThemes) {
            setFieldError(QStringLiteral("themes"),
                tr("Choose at most %1 themes: take one off to add another.")
                    .arg(MatchingCatalogue::kMaxThemes));
            return false;
        }
        themes.append(code);
    }
    setThemes(themes);
    return true;
}

bool RequestForm::addAvoid(double accountId, const QString &displayName)
{
    if (avoids(accountId)) {
        return true;
    }
    if (m_avoid.size() >= MatchingCatalogue::kMaxAvoid) {
        setFieldError(QStringLiteral("avoid"),
            tr("You can name at most %1 people to avoid.").arg(MatchingCatalogue::kMaxAvoid));
        return false;
    }
    m_avoid.append(QVariantMap {
        {QStringLiteral("accountId"), accountId}, {QStringLiteral("displayName"), displayName}});
    Q_EMIT draftChanged();
    return true;
}

void RequestForm::removeAvoid(double accountId)
{
    const auto id = static_cast<qint64>(accountId);
    for (qsizetype i = 0; i < m_avoid.size(); ++i) {
        if (m_avoid.at(i).toMap().value(QStringLiteral("accountId")).toLongLong() == id) {
            m_avoid.removeAt(i);
            setFieldError(QStringLiteral("avoid"), {});
            Q_EMIT draftChanged();
            return;
        }
    }
}

bool RequestForm::avoids(double accountId) const
{
    const auto id = static_cast<qint64>(accountId);
    for (const QVariant &entry : m_avoid) {
        if (entry.toMap().value(QStringLiteral("accountId")).toLongLong() == id) {
            return true;
        }
    }
    return false;
}

bool RequestForm::validate()
{
    QVariantMap errors;
    if (m_details.kind != QLatin1String("coaching")
        && m_details.kind != QLatin1String("mentoring")) {
        errors.insert(QStringLiteral("kind"), tr("Choose coaching or mentoring."));
    }
    const qsizetype gapLength = m_details.gap.trimmed().size();
    if (gapLength == 0) {
        errors.insert(QStringLiteral("gap"),
            tr("Say what gap you would like this to fill, in at least %1 characters.")
                .arg(MatchingCatalogue::kGapMinLength));
    } else if (gapLength < MatchingCatalogue::kGapMinLength) {
        errors.insert(QStringLiteral("gap"),
            tr("Say a little more: at least %1 characters (%2 so far).")
                .arg(MatchingCatalogue::kGapMinLength)
                .arg(gapLength));
    } else if (gapLength > MatchingCatalogue::kGapMaxLength) {
        errors.insert(QStringLiteral("gap"),
            tr("Keep it to %1 characters: take out %2.")
                .arg(MatchingCatalogue::kGapMaxLength)
                .arg(gapLength - MatchingCatalogue::kGapMaxLength));
    }
    if (m_details.themes.size() > MatchingCatalogue::kMaxThemes) {
        errors.insert(QStringLiteral("themes"),
            tr("Choose at most %1 themes.").arg(MatchingCatalogue::kMaxThemes));
    }
    if (m_details.kind == QLatin1String("mentoring") && m_details.payBand.isEmpty()) {
        errors.insert(QStringLiteral("payBand"),
            tr("Choose your pay band: a mentor has to be more senior than you."));
    }
    if (m_avoid.size() > MatchingCatalogue::kMaxAvoid) {
        errors.insert(QStringLiteral("avoid"),
            tr("You can name at most %1 people to avoid.").arg(MatchingCatalogue::kMaxAvoid));
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void RequestForm::submit()
{
    MatchingBackend *backend = Session::instance()->matching();
    if (!backend || busy()) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    RequestDetails details = m_details;
    details.gap = details.gap.trimmed();
    for (const QVariant &entry : m_avoid) {
        details.avoidAccountIds.append(
            entry.toMap().value(QStringLiteral("accountId")).toLongLong());
    }
    setBusy(true);
    backend->createRequest(
        details, m_memberId, this, [this](const Result<SupportRequestInfo> &result) {
            setBusy(false);
            if (!result.ok()) {
                fail(result.error(),
                    {{QStringLiteral("kind"), QStringLiteral("kind")},
                        {QStringLiteral("gap"), QStringLiteral("gap")},
                        {QStringLiteral("themes"), QStringLiteral("themes")},
                        {QStringLiteral("pay_band"), QStringLiteral("payBand")},
                        {QStringLiteral("avoid_account_ids"), QStringLiteral("avoid")}});
                return;
            }
            Q_EMIT submitted(MatchingCatalogue::toMap(result.value()));
        });
}

void RequestForm::fillFrom(const QVariantMap &request)
{
    m_details.deliveryMode = request.value(QStringLiteral("deliveryMode")).toString();
    m_details.site = request.value(QStringLiteral("site")).toString();
    m_details.language = request.value(QStringLiteral("language")).toString();
    m_details.organisationPreference
        = request.value(QStringLiteral("organisationPreference")).toString();
    m_details.profession = request.value(QStringLiteral("profession")).toString();
    m_details.payBand = request.value(QStringLiteral("payBand")).toString();
    Q_EMIT draftChanged();
}

void RequestForm::reset()
{
    m_details = RequestDetails();
    m_avoid.clear();
    Q_EMIT draftChanged();
    m_memberId = 0;
    m_memberName.clear();
    Q_EMIT memberChanged();
    setFieldErrors({});
    setErrorMessage({});
}
