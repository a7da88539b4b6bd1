#include "directory/directory_catalogue.h"

#include "common/date_words.h"
#include "common/key_label.h"

#include <QCoreApplication>
#include <QDate>

namespace {

constexpr char kContext[] = "DirectoryCatalogue";

// Labels are marked for translation in the DirectoryCatalogue context.
constexpr KeyLabel kKinds[] = {{"coach", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Coach")},
    {"mentor", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Mentor")},
    {"coach_and_mentor", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Coach and mentor")}};
constexpr KeyLabel kSupportKinds[]
    = {{"coaching", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Coaching")},
        {"mentoring", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Mentoring")}};
constexpr KeyLabel kStatuses[] = {{"applied", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Applied")},
    {"approved", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Approved")},
    {"declined", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Declined")},
    {"paused", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Paused")},
    {"removed", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Removed")}};
constexpr KeyLabel kAvailabilities[]
    = {{"accepting", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Accepting new people")},
        {"full", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Full")},
        {"on_leave", QT_TRANSLATE_NOOP("DirectoryCatalogue", "On leave")}};
constexpr KeyLabel kDeliveryModes[]
    = {{"in_person", QT_TRANSLATE_NOOP("DirectoryCatalogue", "In person")},
        {"video", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Video")},
        {"phone", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Phone")}};
constexpr KeyLabel kQualificationTypes[] = {
    {"ilm_level_5", QT_TRANSLATE_NOOP("DirectoryCatalogue", "ILM Level 5")},
    {"ilm_level_7", QT_TRANSLATE_NOOP("DirectoryCatalogue", "ILM Level 7")},
    {"emcc_foundation", QT_TRANSLATE_NOOP("DirectoryCatalogue", "EMCC Foundation")},
    {"emcc_practitioner", QT_TRANSLATE_NOOP("DirectoryCatalogue", "EMCC Practitioner")},
    {"emcc_senior_practitioner",
        QT_TRANSLATE_NOOP("DirectoryCatalogue", "EMCC Senior Practitioner")},
    {"emcc_master_practitioner",
        QT_TRANSLATE_NOOP("DirectoryCatalogue", "EMCC Master Practitioner")},
    {"icf_acc", QT_TRANSLATE_NOOP("DirectoryCatalogue", "ICF ACC")},
    {"icf_pcc", QT_TRANSLATE_NOOP("DirectoryCatalogue", "ICF PCC")},
    {"icf_mcc", QT_TRANSLATE_NOOP("DirectoryCatalogue", "ICF MCC")},
    {"mentoring", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Mentoring qualification")},
    {"other_coaching", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Other coaching qualification")}};
constexpr KeyLabel kTrainingLevels[]
    = {{"coaching_fundamentals", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Coaching Fundamentals")},
        {"coaching_with_competence",
            QT_TRANSLATE_NOOP("DirectoryCatalogue", "Coaching with Competence")},
        {"advanced_skills",
            QT_TRANSLATE_NOOP("DirectoryCatalogue", "Advanced Skills for Coaching Conversations")}};
constexpr KeyLabel kPayBands[] = {{"2", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 2")},
    {"3", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 3")},
    {"4", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 4")},
    {"5", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 5")},
    {"6", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 6")},
    {"7", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 7")},
    {"8a", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 8a")},
    {"8b", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 8b")},
    {"8c", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 8c")},
    {"8d", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 8d")},
    {"9", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Band 9")},
    {"above_9", QT_TRANSLATE_NOOP("DirectoryCatalogue", "Above band 9")}};

template <std::size_t N> QStringList keysIn(const KeyLabel (&table)[N])
{
    QStringList keys;
    for (const auto &entry : table) {
        keys.append(QString::fromLatin1(entry.key));
    }
    return keys;
}

template <typename Fn> auto withTable(const QString &set, Fn fn)
{
    if (set == QLatin1String("kind")) {
        return fn(kKinds);
    }
    if (set == QLatin1String("supportKind")) {
        return fn(kSupportKinds);
    }
    if (set == QLatin1String("status")) {
        return fn(kStatuses);
    }
    if (set == QLatin1String("availability")) {
        return fn(kAvailabilities);
    }
    if (set == QLatin1String("deliveryMode")) {
        return fn(kDeliveryModes);
    }
    if (set == QLatin1String("qualificationType")) {
        return fn(kQualificationTypes);
    }
    if (set == QLatin1String("trainingLevel")) {
        return fn(kTrainingLevels);
    }
    return fn(kPayBands);
}

QStringList labelsFor(const QString &set, const QStringList &keys)
{
    QStringList labels;
    for (const QString &key : keys) {
        labels.append(DirectoryCatalogue::labelFor(set, key));
    }
    return labels;
}

} // namespace

QStringList DirectoryCatalogue::keysOf(const QString &set)
{
    return withTable(set, [](const auto &table) { return keysIn(table); });
}

QString DirectoryCatalogue::labelFor(const QString &set, const QString &key)
{
    return withTable(set, [&key](const auto &table) { return labelIn(kContext, table, key); });
}

QString DirectoryCatalogue::kindLabel(const QString &key) const
{
    return labelFor(QStringLiteral("kind"), key);
}

QString DirectoryCatalogue::supportKindLabel(const QString &key) const
{
    return labelFor(QStringLiteral("supportKind"), key);
}

QString DirectoryCatalogue::statusLabel(const QString &key) const
{
    return labelFor(QStringLiteral("status"), key);
}

QString DirectoryCatalogue::availabilityLabel(const QString &key) const
{
    return labelFor(QStringLiteral("availability"), key);
}

QString DirectoryCatalogue::deliveryModeLabel(const QString &key) const
{
    return labelFor(QStringLiteral("deliveryMode"), key);
}

QString DirectoryCatalogue::qualificationTypeLabel(const QString &key) const
{
    return labelFor(QStringLiteral("qualificationType"), key);
}

QString DirectoryCatalogue::trainingLevelLabel(const QString &key) const
{
    return labelFor(QStringLiteral("trainingLevel"), key);
}

QString DirectoryCatalogue::payBandLabel(const QString &key) const
{
    return labelFor(QStringLiteral("payBand"), key);
}

QVariantList DirectoryCatalogue::options(
    const QString &set, bool withAny, const QString &anyLabel) const
{
    QVariantList list;
    if (withAny) {
        list.append(QVariantMap {{QStringLiteral("key"), QString()},
            {QStringLiteral("label"), anyLabel.isEmpty() ? tr("Any") : anyLabel}});
    }
    for (const QString &key : keysOf(set)) {
        list.append(QVariantMap {
            {QStringLiteral("key"), key}, {QStringLiteral("label"), labelFor(set, key)}});
    }
    return list;
}

QString DirectoryCatalogue::lastActiveLabel(const QDateTime &when) const
{
    if (!when.isValid()) {
        return {};
    }
    const qint64 days = when.toLocalTime().date().daysTo(QDate::currentDate());
    if (days <= 0) {
        return tr("Active today");
    }
    if (days == 1) {
        return tr("Active yesterday");
    }
    if (days < 14) {
        return tr("Active %1 days ago").arg(days);
    }
    if (days < 60) {
        return tr("Active %1 weeks ago").arg(days / 7);
    }
    return tr("Active %1 months ago").arg(days / 30);
}

QString DirectoryCatalogue::answerTimeLabel(int hours)
{
    if (hours <= 0) {
        return {};
    }
    if (hours == 1) {
        return tr("Usually answers within an hour");
    }
    if (hours < 48) {
        return tr("Usually answers within %1 hours").arg(hours);
    }
    return tr("Usually answers within %1 days").arg((hours + 23) / 24);
}

QVariantMap DirectoryCatalogue::toMap(const ProfileInfo &p)
{
    QVariantList qualifications;
    bool anyVerified = false;
    for (const QualificationInfo &q : p.qualifications) {
        anyVerified = anyVerified || q.verified;
        qualifications.append(QVariantMap {{QStringLiteral("id"), q.id},
            {QStringLiteral("type"), q.type},
            {QStringLiteral("typeLabel"), labelFor(QStringLiteral("qualificationType"), q.type)},
            {QStringLiteral("title"), q.title}, {QStringLiteral("awardedOn"), q.awardedOn},
            {QStringLiteral("awardedLabel"), DateWords::day(q.awardedOn)},
            {QStringLiteral("expiresOn"), q.expiresOn},
            {QStringLiteral("expiresLabel"), DateWords::day(q.expiresOn)},
            {QStringLiteral("evidence"), q.evidence}, {QStringLiteral("verified"), q.verified},
            {QStringLiteral("verifiedOn"), q.verifiedOn}});
    }
    const QStringList deliveryLabels = labelsFor(QStringLiteral("deliveryMode"), p.deliveryModes);
    return {{QStringLiteral("accountId"), p.accountId},
        {QStringLiteral("displayName"), p.displayName}, {QStringLiteral("kind"), p.kind},
        {QStringLiteral("kindLabel"),
            p.kind.isEmpty() ? QString() : labelFor(QStringLiteral("kind"), p.kind)},
        {QStringLiteral("headline"), p.headline}, {QStringLiteral("bio"), p.bio},
        {QStringLiteral("specialisms"), p.specialisms}, {QStringLiteral("tags"), p.tags},
        {QStringLiteral("professions"), p.professions},
        {QStringLiteral("organisationId"), p.organisationId},
        {QStringLiteral("organisationName"), p.organisationName}, {QStringLiteral("site"), p.site},
        {QStringLiteral("deliveryModes"), p.deliveryModes},
        {QStringLiteral("deliveryLabels"), deliveryLabels.join(QStringLiteral(", "))},
        {QStringLiteral("languages"), p.languages},
        {QStringLiteral("availability"), p.availability},
        {QStringLiteral("availabilityLabel"),
            labelFor(QStringLiteral("availability"), p.availability)},
        {QStringLiteral("capacity"), p.capacity}, {QStringLiteral("currentLoad"), p.currentLoad},
        {QStringLiteral("listed"), p.listed}, {QStringLiteral("accepting"), p.accepting},
        {QStringLiteral("qualifications"), qualifications},
        {QStringLiteral("hasVerifiedQualification"), anyVerified},
        {QStringLiteral("lastSupervisionOn"), p.lastSupervisionOn},
        {QStringLiteral("lastSupervisionLabel"), DateWords::day(p.lastSupervisionOn)},
        {QStringLiteral("trainingLevel"), p.trainingLevel},
        {QStringLiteral("trainingLevelLabel"),
            p.trainingLevel.isEmpty() ? QString()
                                      : labelFor(QStringLiteral("trainingLevel"), p.trainingLevel)},
        {QStringLiteral("payBand"), p.payBand},
        {QStringLiteral("payBandLabel"),
            p.payBand.isEmpty() ? QString() : labelFor(QStringLiteral("payBand"), p.payBand)},
        {QStringLiteral("yearsExperience"), p.yearsExperience},
        {QStringLiteral("status"), p.status},
        {QStringLiteral("statusLabel"),
            p.status.isEmpty() ? QString() : labelFor(QStringLiteral("status"), p.status)},
        {QStringLiteral("declineReason"), p.declineReason},
        {QStringLiteral("unlistedReasons"), p.unlistedReasons},
        {QStringLiteral("unlistedReason"), p.unlistedReasons.join(QStringLiteral("; "))},
        // Approved, yet (partly) unlisted: supervision or a qualification has
        // lapsed. A coach-and-mentor can stay listed for mentoring meanwhile.
        {QStringLiteral("lapsed"),
            p.status == QLatin1String("approved") && (!p.listed || !p.unlistedReasons.isEmpty())},
        {QStringLiteral("contactEmail"), p.contactEmail},
        {QStringLiteral("lastActiveAt"), p.lastActiveAt},
        {QStringLiteral("moreSeniorThanYou"), p.moreSeniorThanYou},
        {QStringLiteral("usualAnswerHours"), p.usualAnswerHours},
        {QStringLiteral("usualAnswerLabel"), answerTimeLabel(p.usualAnswerHours)}};
}
