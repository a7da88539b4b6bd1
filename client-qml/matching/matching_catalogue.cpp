#include "matching/matching_catalogue.h"

#include "directory/directory_catalogue.h"
#include "common/date_words.h"
#include "common/key_label.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace {

constexpr char kContext[] = "MatchingCatalogue";

constexpr KeyLabel kStatuses[]
    = {{"waiting", QT_TRANSLATE_NOOP("MatchingCatalogue", "Waiting for a match")},
        {"pending", QT_TRANSLATE_NOOP("MatchingCatalogue", "Waiting for an answer")},
        {"accepted", QT_TRANSLATE_NOOP("MatchingCatalogue", "Accepted")},
        {"declined", QT_TRANSLATE_NOOP("MatchingCatalogue", "Declined")},
        {"withdrawn", QT_TRANSLATE_NOOP("MatchingCatalogue", "Withdrawn")}};
constexpr KeyLabel kOrigins[]
    = {{"named", QT_TRANSLATE_NOOP("MatchingCatalogue", "You asked for them by name")},
        {"chosen", QT_TRANSLATE_NOOP("MatchingCatalogue", "You chose them from suggestions")},
        {"coordinator", QT_TRANSLATE_NOOP("MatchingCatalogue", "Matched by a coordinator")}};
constexpr KeyLabel kOrganisationPreferences[]
    = {{"", QT_TRANSLATE_NOOP("MatchingCatalogue", "No preference")},
        {"own", QT_TRANSLATE_NOOP("MatchingCatalogue", "My own organisation")},
        {"other", QT_TRANSLATE_NOOP("MatchingCatalogue", "Another organisation")}};

struct Weight {
    const char *key;
    const char *label;
    const char *description;
};

constexpr Weight kWeights[] = {
    {"themes", QT_TRANSLATE_NOOP("MatchingCatalogue", "Themes"),
        QT_TRANSLATE_NOOP("MatchingCatalogue",
            "How well the member's specialisms cover the themes the person chose.")},
    {"deliveryMode", QT_TRANSLATE_NOOP("MatchingCatalogue", "How they meet"),
        QT_TRANSLATE_NOOP("MatchingCatalogue",
            "The member offers the way the person wants to meet: in person, video or phone.")},
    {"site", QT_TRANSLATE_NOOP("MatchingCatalogue", "Site"),
        QT_TRANSLATE_NOOP(
            "MatchingCatalogue", "The member is based at the site the person asked for.")},
    {"language", QT_TRANSLATE_NOOP("MatchingCatalogue", "Language"),
        QT_TRANSLATE_NOOP(
            "MatchingCatalogue", "The member speaks the language the person asked for.")},
    {"organisation", QT_TRANSLATE_NOOP("MatchingCatalogue", "Organisation"),
        QT_TRANSLATE_NOOP("MatchingCatalogue",
            "The member works where the person prefers: their own organisation or another.")},
    {"profession", QT_TRANSLATE_NOOP("MatchingCatalogue", "Profession"),
        QT_TRANSLATE_NOOP(
            "MatchingCatalogue", "The member has worked in the person's profession.")},
    {"spareCapacity", QT_TRANSLATE_NOOP("MatchingCatalogue", "Spare capacity"),
        QT_TRANSLATE_NOOP("MatchingCatalogue",
            "Prefers members with more of their places free, to share the load.")},
    {"waiting", QT_TRANSLATE_NOOP("MatchingCatalogue", "Waiting time"),
        QT_TRANSLATE_NOOP("MatchingCatalogue",
            "Prefers people who have waited longer; counts in full after 60 days.")},
};

QVariantList idsOf(const QList<qint64> &ids)
{
    QVariantList list;
    for (qint64 id : ids) {
        list.append(id);
    }
    return list;
}

} // namespace

QString MatchingCatalogue::statusLabel(const QString &key) const
{
    return labelIn(kContext, kStatuses, key);
}

QString MatchingCatalogue::originLabel(const QString &key) const
{
    return key.isEmpty() ? QString() : labelIn(kContext, kOrigins, key);
}

QString MatchingCatalogue::organisationPreferenceLabel(const QString &key) const
{
    return labelIn(kContext, kOrganisationPreferences, key);
}

QVariantList MatchingCatalogue::options(const QString &set) const
{
    if (set == QLatin1String("status")) {
        return optionsIn(kContext, kStatuses);
    }
    return optionsIn(kContext, kOrganisationPreferences);
}

QVariantList MatchingCatalogue::weightFields() const
{
    return weightFieldList();
}

QVariantList MatchingCatalogue::weightFieldList()
{
    QVariantList list;
    for (const auto &weight : kWeights) {
        list.append(QVariantMap {{QStringLiteral("key"), QString::fromLatin1(weight.key)},
            {QStringLiteral("label"), tr(weight.label)},
            {QStringLiteral("description"), tr(weight.description)}});
    }
    return list;
}

QStringList MatchingCatalogue::weightKeys()
{
    QStringList keys;
    for (const auto &weight : kWeights) {
        keys.append(QString::fromLatin1(weight.key));
    }
    return keys;
}

QString MatchingCatalogue::weightLabel(const QString &key)
{
    for (const auto &weight : kWeights) {
        if (key == QLatin1String(weight.key)) {
            return tr(weight.label);
        }
    }
    return key;
}

namespace {

/// The member of MatchWeights a key names, or null.
template <typename Weights> auto *weightField(Weights &weights, const QString &key)
{
    using Field = decltype(&weights.themes);
    const std::pair<const char *, Field> fields[]
        = {{"themes", &weights.themes}, {"deliveryMode", &weights.deliveryMode},
            {"site", &weights.site}, {"language", &weights.language},
            {"organisation", &weights.organisation}, {"profession", &weights.profession},
            {"spareCapacity", &weights.spareCapacity}, {"waiting", &weights.waiting}};
    for (const auto &[name, field] : fields) {
        if (key == QLatin1String(name)) {
            return field;
        }
    }
    return static_cast<Field>(nullptr);
}

} // namespace

int MatchingCatalogue::weightValue(const MatchWeights &weights, const QString &key)
{
    const int *field = weightField(weights, key);
    return field ? *field : -1;
}

bool MatchingCatalogue::setWeightValue(MatchWeights &weights, const QString &key, int value)
{
    int *field = weightField(weights, key);
    if (!field) {
        return false;
    }
    *field = value;
    return true;
}

int MatchingCatalogue::daysSince(const QDateTime &since)
{
    if (!since.isValid()) {
        return 0;
    }
    // Whole days elapsed, as the server counts them in its reasons.
    constexpr qint64 kSecondsPerDay = qint64 {24} * 60 * 60;
    return static_cast<int>(
        std::max<qint64>(0, since.secsTo(QDateTime::currentDateTimeUtc()) / kSecondsPerDay));
}

QString MatchingCatalogue::daysLabel(int days) const
{
    if (days <= 0) {
        return tr("Today");
    }
    return days == 1 ? tr("1 day") : tr("%1 days").arg(days);
}

QString MatchingCatalogue::fitLabel(int score, int maxScore)
{
    if (maxScore <= 0) {
        return {};
    }
    // Out of 100: a pair scoring over half of everything the weights can
    // give fits strongly; under a quarter, only in part.
    const int share = 100 * std::clamp(score, 0, maxScore) / maxScore;
    return share >= 50 ? tr("Strong match") : share >= 25 ? tr("Good match") : tr("Partial match");
}

QVariantMap MatchingCatalogue::toMap(const SupportRequestInfo &r)
{
    const RequestDetails &d = r.details;
    QStringList preferences;
    if (!d.deliveryMode.isEmpty()) {
        preferences.append(
            DirectoryCatalogue::labelFor(QStringLiteral("deliveryMode"), d.deliveryMode));
    }
    if (!d.site.isEmpty()) {
        preferences.append(d.site);
    }
    if (!d.language.isEmpty()) {
        preferences.append(d.language);
    }
    if (!d.organisationPreference.isEmpty()) {
        preferences.append(labelIn(kContext, kOrganisationPreferences, d.organisationPreference));
    }
    if (!d.profession.isEmpty()) {
        preferences.append(d.profession);
    }
    const bool open = r.status == QLatin1String("waiting") || r.status == QLatin1String("pending");
    return {{QStringLiteral("id"), r.id}, {QStringLiteral("status"), r.status},
        {QStringLiteral("statusLabel"), labelIn(kContext, kStatuses, r.status)},
        {QStringLiteral("open"), open}, {QStringLiteral("kind"), d.kind},
        {QStringLiteral("kindLabel"),
            d.kind.isEmpty() ? QString()
                             : DirectoryCatalogue::labelFor(QStringLiteral("supportKind"), d.kind)},
        {QStringLiteral("gap"), d.gap}, {QStringLiteral("themes"), d.themes},
        {QStringLiteral("deliveryMode"), d.deliveryMode}, {QStringLiteral("site"), d.site},
        {QStringLiteral("language"), d.language},
        {QStringLiteral("organisationPreference"), d.organisationPreference},
        {QStringLiteral("avoidAccountIds"), idsOf(d.avoidAccountIds)},
        {QStringLiteral("profession"), d.profession}, {QStringLiteral("payBand"), d.payBand},
        {QStringLiteral("payBandLabel"),
            d.payBand.isEmpty()
                ? QString()
                : DirectoryCatalogue::labelFor(QStringLiteral("payBand"), d.payBand)},
        {QStringLiteral("preferencesLabel"), preferences.join(QStringLiteral("  \u00b7  "))},
        {QStringLiteral("coacheeId"), r.coacheeId}, {QStringLiteral("coacheeName"), r.coacheeName},
        {QStringLiteral("coacheeOrganisationId"), r.coacheeOrganisationId},
        {QStringLiteral("coacheeOrganisationName"), r.coacheeOrganisationName},
        {QStringLiteral("memberId"), r.memberId}, {QStringLiteral("memberName"), r.memberName},
        {QStringLiteral("origin"), r.origin},
        {QStringLiteral("originLabel"),
            r.origin.isEmpty() ? QString() : labelIn(kContext, kOrigins, r.origin)},
        {QStringLiteral("createdAt"), r.createdAt},
        {QStringLiteral("createdLabel"), DateWords::day(r.createdAt)},
        {QStringLiteral("waitingSince"), r.waitingSince},
        {QStringLiteral("daysWaited"),
            daysSince(r.waitingSince.isValid() ? r.waitingSince : r.createdAt)},
        {QStringLiteral("answerDueAt"), r.answerDueAt},
        {QStringLiteral("answerDueLabel"), DateWords::day(r.answerDueAt)},
        {QStringLiteral("answeredAt"), r.answeredAt},
        {QStringLiteral("answeredLabel"), DateWords::day(r.answeredAt)},
        {QStringLiteral("declineReason"), r.declineReason}, {QStringLiteral("note"), r.note},
        {QStringLiteral("relationshipId"), r.relationshipId}};
}
