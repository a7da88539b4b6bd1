#include "relationships/relationship_catalogue.h"

#include "directory/directory_catalogue.h"
#include "common/date_words.h"
#include "common/key_label.h"
#include "common/reversed.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

constexpr char kContext[] = "RelationshipCatalogue";

constexpr KeyLabel kStates[] = {
    {"contracting", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Agreeing the contract")},
    {"active", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Active")},
    {"completed", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Completed")},
    {"ended_early", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Ended early")},
};
constexpr KeyLabel kRegularities[] = {
    {"weekly", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Every week")},
    {"fortnightly", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Every two weeks")},
    {"monthly", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Every month")},
    {"as_agreed", QT_TRANSLATE_NOOP("RelationshipCatalogue", "As agreed each time")},
};
constexpr KeyLabel kReviewCadences[] = {
    {"monthly", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Every month")},
    {"quarterly", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Every three months")},
    {"six_monthly", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Every six months")},
};
constexpr KeyLabel kLineManagerTold[] = {
    {"yes", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Yes")},
    {"not_yet", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Not yet")},
    {"chose_not_to", QT_TRANSLATE_NOOP("RelationshipCatalogue", "I chose not to")},
};
constexpr KeyLabel kSessionStatuses[] = {
    {"proposed", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Proposed")},
    {"accepted", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Booked")},
    {"cancelled", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Cancelled")},
    {"held", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Held")},
    {"not_held", QT_TRANSLATE_NOOP("RelationshipCatalogue", "Did not happen")},
};
constexpr KeyLabel kCancelledBy[] = {
    {"coachee", QT_TRANSLATE_NOOP("RelationshipCatalogue", "The coachee")},
    {"member", QT_TRANSLATE_NOOP("RelationshipCatalogue", "The coach or mentor")},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("RelationshipCatalogue", text);
}

QString agreedLabel(const AgreementInfo &agreement)
{
    return agreement.agreedAt.isValid() ? tr("Agreed %1").arg(DateWords::day(agreement.agreedAt))
                                        : tr("Not agreed yet");
}

QString termsSummary(const RelationshipInfo &r)
{
    const ContractTermsInfo &t = r.contract.terms;
    if (!r.contract.termsSet) {
        return {};
    }
    if (r.kind == QLatin1String("mentoring")) {
        return tr("Reviewed together %1")
            .arg(labelIn(kContext, kReviewCadences, t.reviewCadence).toLower());
    }
    return tr("%1 sessions of %2 minutes, %3, until %4")
        .arg(t.numberOfSessions)
        .arg(t.sessionMinutes)
        .arg(labelIn(kContext, kRegularities, t.regularity).toLower())
        .arg(DateWords::day(t.plannedEndOn));
}

/// What needs doing next, from the viewer's side, and whether it is theirs.
std::pair<QString, bool> nextStep(const RelationshipInfo &r)
{
    const bool member = r.yourPart == QLatin1String("member");
    const bool coachee = r.yourPart == QLatin1String("coachee");
    const QString memberWord = r.kind == QLatin1String("mentoring") ? tr("mentor") : tr("coach");
    const QString other = member ? r.coacheeName : r.memberName;
    if (r.state == QLatin1String("contracting")) {
        if (!r.contract.termsSet) {
            if (member) {
                return {tr("Set the contract's terms with %1, then agree them.").arg(other), true};
            }
            return {tr("Your %1, %2, sets the contract's terms with you at your first session.")
                        .arg(memberWord, other),
                false};
        }
        const AgreementInfo &mine = member ? r.contract.member : r.contract.coachee;
        const AgreementInfo &theirs = member ? r.contract.coachee : r.contract.member;
        if ((member || coachee) && !mine.agreedAt.isValid()) {
            return {tr("Read the contract and agree to it."), true};
        }
        if ((member || coachee) && !theirs.agreedAt.isValid()) {
            return {tr("Waiting for %1 to agree to the contract.").arg(other), false};
        }
        return {tr("Waiting for both of you to agree to the contract."), false};
    }
    if (r.state == QLatin1String("active")) {
        return {member ? tr("Record each session after you meet.")
                       : tr("Agree your next session with %1.").arg(other),
            false};
    }
    return {};
}

} // namespace

QString RelationshipCatalogue::labelFor(const QString &set, const QString &key)
{
    if (set == QLatin1String("state")) {
        return labelIn(kContext, kStates, key);
    }
    if (set == QLatin1String("regularity")) {
        return labelIn(kContext, kRegularities, key);
    }
    if (set == QLatin1String("reviewCadence")) {
        return labelIn(kContext, kReviewCadences, key);
    }
    if (set == QLatin1String("lineManagerTold")) {
        return labelIn(kContext, kLineManagerTold, key);
    }
    if (set == QLatin1String("sessionStatus")) {
        return labelIn(kContext, kSessionStatuses, key);
    }
    if (set == QLatin1String("cancelledBy")) {
        return labelIn(kContext, kCancelledBy, key);
    }
    return key;
}

QString RelationshipCatalogue::label(const QString &set, const QString &key) const
{
    return labelFor(set, key);
}

QVariantList RelationshipCatalogue::options(const QString &set) const
{
    if (set == QLatin1String("regularity")) {
        return optionsIn(kContext, kRegularities);
    }
    if (set == QLatin1String("reviewCadence")) {
        return optionsIn(kContext, kReviewCadences);
    }
    if (set == QLatin1String("lineManagerTold")) {
        return optionsIn(kContext, kLineManagerTold);
    }
    if (set == QLatin1String("sessionStatus")) {
        return optionsIn(kContext, kSessionStatuses);
    }
    if (set == QLatin1String("cancelledBy")) {
        return optionsIn(kContext, kCancelledBy);
    }
    if (set == QLatin1String("sessionLength")) {
        QVariantList lengths;
        for (const int minutes : {30, 45, 60, 90, 120}) {
            lengths.append(QVariantMap {{QStringLiteral("key"), QString::number(minutes)},
                {QStringLiteral("label"), tr("%1 min").arg(minutes)}});
        }
        return lengths;
    }
    return optionsIn(kContext, kStates);
}

QVariantMap RelationshipCatalogue::toMap(const RelationshipInfo &r)
{
    const ContractInfo &c = r.contract;
    const bool member = r.yourPart == QLatin1String("member");
    const bool coachee = r.yourPart == QLatin1String("coachee");
    const bool mentoring = r.kind == QLatin1String("mentoring");
    QString otherRole;
    if (member) {
        otherRole = mentoring ? tr("Your mentee") : tr("Your coachee");
    } else {
        otherRole = mentoring ? tr("Your mentor") : tr("Your coach");
    }
    QVariantList history;
    for (const HistoryEntryInfo &entry : reversed(r.history)) { // newest first
        history.append(QVariantMap {
            {QStringLiteral("atLabel"),
                DateWords::weekday(entry.at) + QStringLiteral(" ") + DateWords::time(entry.at)},
            {QStringLiteral("byName"), entry.byName}, {QStringLiteral("event"), entry.event},
            {QStringLiteral("toState"), entry.toState},
            {QStringLiteral("toStateLabel"), labelIn(kContext, kStates, entry.toState)},
            {QStringLiteral("stateChanged"), entry.fromState != entry.toState},
            {QStringLiteral("reason"), entry.reason}});
    }
    const auto [step, needsYou] = nextStep(r);
    const AgreementInfo &mine = member ? c.member : c.coachee;
    const AgreementInfo &theirs = member ? c.coachee : c.member;
    return {{QStringLiteral("id"), r.id}, {QStringLiteral("kind"), r.kind},
        {QStringLiteral("kindLabel"),
            r.kind.isEmpty() ? QString()
                             : DirectoryCatalogue::labelFor(QStringLiteral("supportKind"), r.kind)},
        {QStringLiteral("state"), r.state},
        {QStringLiteral("stateLabel"), labelIn(kContext, kStates, r.state)},
        {QStringLiteral("open"),
            r.state == QLatin1String("contracting") || r.state == QLatin1String("active")},
        {QStringLiteral("yourPart"), r.yourPart}, {QStringLiteral("isMember"), member},
        {QStringLiteral("isCoachee"), coachee}, {QStringLiteral("requestId"), r.requestId},
        {QStringLiteral("coacheeId"), r.coacheeId}, {QStringLiteral("coacheeName"), r.coacheeName},
        {QStringLiteral("memberId"), r.memberId}, {QStringLiteral("memberName"), r.memberName},
        {QStringLiteral("otherName"), member ? r.coacheeName : r.memberName},
        {QStringLiteral("otherRole"), otherRole},
        {QStringLiteral("memberWord"), mentoring ? tr("mentor") : tr("coach")},
        {QStringLiteral("coacheeWord"), mentoring ? tr("mentee") : tr("coachee")},
        {QStringLiteral("createdAt"), r.createdAt},
        {QStringLiteral("createdLabel"), DateWords::weekday(r.createdAt)},
        {QStringLiteral("termsSet"), c.termsSet},
        {QStringLiteral("numberOfSessions"), c.terms.numberOfSessions},
        {QStringLiteral("sessionMinutes"), c.terms.sessionMinutes},
        {QStringLiteral("regularity"), c.terms.regularity},
        {QStringLiteral("regularityLabel"),
            c.terms.regularity.isEmpty() ? QString()
                                         : labelIn(kContext, kRegularities, c.terms.regularity)},
        {QStringLiteral("plannedEndOn"), c.terms.plannedEndOn},
        {QStringLiteral("plannedEndLabel"), DateWords::day(c.terms.plannedEndOn)},
        {QStringLiteral("reviewCadence"), c.terms.reviewCadence},
        {QStringLiteral("reviewCadenceLabel"),
            c.terms.reviewCadence.isEmpty()
                ? QString()
                : labelIn(kContext, kReviewCadences, c.terms.reviewCadence)},
        {QStringLiteral("termsSummary"), termsSummary(r)},
        {QStringLiteral("coacheeAgreed"), c.coachee.agreedAt.isValid()},
        {QStringLiteral("coacheeAgreedLabel"), agreedLabel(c.coachee)},
        {QStringLiteral("memberAgreed"), c.member.agreedAt.isValid()},
        {QStringLiteral("memberAgreedLabel"), agreedLabel(c.member)},
        {QStringLiteral("youAgreed"), (member || coachee) && mine.agreedAt.isValid()},
        {QStringLiteral("otherAgreed"), (member || coachee) && theirs.agreedAt.isValid()},
        {QStringLiteral("lineManagerTold"), c.lineManagerTold},
        {QStringLiteral("lineManagerToldLabel"),
            c.lineManagerTold.isEmpty() ? QString()
                                        : labelIn(kContext, kLineManagerTold, c.lineManagerTold)},
        {QStringLiteral("reviews"), c.reviews}, {QStringLiteral("history"), history},
        {QStringLiteral("nextStep"), step}, {QStringLiteral("needsYou"), needsYou}};
}

QVariantMap RelationshipCatalogue::toMap(
    const SessionInfo &s, qint64 viewerId, const QString &yourPart)
{
    const bool open
        = s.status == QLatin1String("proposed") || s.status == QLatin1String("accepted");
    const bool proposedByYou = s.proposedByAccountId == viewerId;
    const bool past = s.startsAt.isValid() && s.startsAt < QDateTime::currentDateTimeUtc();
    const bool member = yourPart == QLatin1String("member");
    QString cancelledByLabel;
    if (!s.cancelledBy.isEmpty()) {
        const bool byYou = (s.cancelledBy == QLatin1String("member")) == member;
        cancelledByLabel = byYou ? tr("You") : labelIn(kContext, kCancelledBy, s.cancelledBy);
    }
    return {{QStringLiteral("id"), s.id}, {QStringLiteral("relationshipId"), s.relationshipId},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("statusLabel"), labelIn(kContext, kSessionStatuses, s.status)},
        {QStringLiteral("open"), open}, {QStringLiteral("past"), past},
        {QStringLiteral("startsAt"), s.startsAt},
        {QStringLiteral("dateLabel"), DateWords::weekday(s.startsAt)},
        {QStringLiteral("timeLabel"), DateWords::time(s.startsAt)},
        {QStringLiteral("plannedMinutes"), s.plannedMinutes}, {QStringLiteral("mode"), s.mode},
        {QStringLiteral("modeLabel"),
            s.mode.isEmpty()
                ? QString()
                : DirectoryCatalogue::labelFor(QStringLiteral("deliveryMode"), s.mode)},
        {QStringLiteral("place"), s.place}, {QStringLiteral("proposedByYou"), proposedByYou},
        {QStringLiteral("canAccept"), s.status == QLatin1String("proposed") && !proposedByYou},
        {QStringLiteral("canCancel"), open}, {QStringLiteral("canRecord"), open && member},
        {QStringLiteral("canReschedule"), open}, {QStringLiteral("canExport"), open},
        {QStringLiteral("rescheduleReason"), s.rescheduleReason},
        {QStringLiteral("cancelReason"), s.cancelReason},
        {QStringLiteral("cancelledBy"), s.cancelledBy},
        {QStringLiteral("cancelledByLabel"), cancelledByLabel},
        {QStringLiteral("actualMinutes"), s.actualMinutes}, {QStringLiteral("themes"), s.themes},
        {QStringLiteral("agreedActions"), s.agreedActions},
        {QStringLiteral("privateNotes"), s.privateNotes},
        {QStringLiteral("hasPrivateNotes"), s.hasPrivateNotes},
        {QStringLiteral("recordedAt"), s.recordedAt},
        {QStringLiteral("recordedLabel"), DateWords::weekday(s.recordedAt)}};
}
