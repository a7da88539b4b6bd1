#include "goals/goal_catalogue.h"

#include "common/date_words.h"

#include <QCoreApplication>
#include <QHash>

namespace {

using Labels = QList<std::pair<const char *, const char *>>;

const QHash<QString, Labels> &labelSets()
{
    static const QHash<QString, Labels> sets {
        {QStringLiteral("goalState"),
            {{"open", QT_TRANSLATE_NOOP("GoalCatalogue", "Working on it")},
                {"achieved", QT_TRANSLATE_NOOP("GoalCatalogue", "Achieved")},
                {"dropped", QT_TRANSLATE_NOOP("GoalCatalogue", "Dropped")}}},
        {QStringLiteral("outcome"),
            {{"achieved", QT_TRANSLATE_NOOP("GoalCatalogue", "Achieved")},
                {"partly", QT_TRANSLATE_NOOP("GoalCatalogue", "Partly achieved")},
                {"not_achieved", QT_TRANSLATE_NOOP("GoalCatalogue", "Not achieved")},
                {"no_longer_relevant", QT_TRANSLATE_NOOP("GoalCatalogue", "No longer relevant")}}},
        {QStringLiteral("occasion"),
            {{"midpoint", QT_TRANSLATE_NOOP("GoalCatalogue", "Half-way review")},
                {"contract_review", QT_TRANSLATE_NOOP("GoalCatalogue", "Contract review")},
                {"cadence", QT_TRANSLATE_NOOP("GoalCatalogue", "Regular review")},
                {"asked", QT_TRANSLATE_NOOP("GoalCatalogue", "Review asked for")}}},
        {QStringLiteral("questionType"),
            {{"rating", QT_TRANSLATE_NOOP("GoalCatalogue", "Rating from 1 to 5")},
                {"yes_no", QT_TRANSLATE_NOOP("GoalCatalogue", "Yes or no")},
                {"choice", QT_TRANSLATE_NOOP("GoalCatalogue", "One of several options")},
                {"text", QT_TRANSLATE_NOOP("GoalCatalogue", "Written answer")}}},
        {QStringLiteral("audience"),
            {{"coachee", QT_TRANSLATE_NOOP("GoalCatalogue", "Coachees and mentees")},
                {"member", QT_TRANSLATE_NOOP("GoalCatalogue", "Coaches and mentors")}}},
        {QStringLiteral("kind"),
            {{"coaching", QT_TRANSLATE_NOOP("GoalCatalogue", "Coaching")},
                {"mentoring", QT_TRANSLATE_NOOP("GoalCatalogue", "Mentoring")}}},
        {QStringLiteral("closeGoal"),
            {{"achieved", QT_TRANSLATE_NOOP("GoalCatalogue", "I achieved it")},
                {"dropped", QT_TRANSLATE_NOOP("GoalCatalogue", "I am dropping it")}}},
        {QStringLiteral("yesNo"),
            {{"1", QT_TRANSLATE_NOOP("GoalCatalogue", "Yes")},
                {"2", QT_TRANSLATE_NOOP("GoalCatalogue", "No")}}},
        {QStringLiteral("source"),
            {{"start", QT_TRANSLATE_NOOP("GoalCatalogue", "Start")},
                {"review", QT_TRANSLATE_NOOP("GoalCatalogue", "Review")},
                {"end", QT_TRANSLATE_NOOP("GoalCatalogue", "End")}}},
    };
    return sets;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("GoalCatalogue", text);
}

QString kindWord(const QString &kind)
{
    return kind == QLatin1String("mentoring") ? tr("mentoring") : tr("coaching");
}

} // namespace

QString GoalCatalogue::labelFor(const QString &set, const QString &key)
{
    for (const auto &[k, text] : labelSets().value(set)) {
        if (key == QLatin1String(k)) {
            return tr(text);
        }
    }
    return {};
}

QString GoalCatalogue::label(const QString &set, const QString &key) const
{
    return labelFor(set, key);
}

QVariantList GoalCatalogue::options(const QString &set) const
{
    QVariantList list;
    if (set == QLatin1String("rating")) {
        for (int i = kMinRating; i <= kMaxRating; ++i) {
            list.append(QVariantMap {{QStringLiteral("key"), QString::number(i)},
                {QStringLiteral("label"), QString::number(i)}});
        }
        return list;
    }
    for (const auto &[key, text] : labelSets().value(set)) {
        list.append(QVariantMap {
            {QStringLiteral("key"), QLatin1String(key)}, {QStringLiteral("label"), tr(text)}});
    }
    return list;
}

QStringList GoalCatalogue::defaultRatingLabels() const
{
    return {tr("Not at all"), tr("A little"), tr("Somewhat"), tr("A lot"), tr("Completely")};
}

QVariantMap GoalCatalogue::toMap(const GoalInfo &goal)
{
    QVariantList ratings;
    for (const GoalRatingInfo &rating : goal.ratings) {
        ratings.append(QVariantMap {{QStringLiteral("rating"), rating.rating},
            {QStringLiteral("source"), rating.source},
            {QStringLiteral("label"), labelFor(QStringLiteral("source"), rating.source)},
            {QStringLiteral("dateLabel"),
                rating.at.isValid() ? DateWords::day(rating.at) : QString()}});
    }
    QVariantList earlier;
    for (const GoalWordingInfo &wording : goal.earlier) {
        earlier.append(QVariantMap {{QStringLiteral("what"), wording.what},
            {QStringLiteral("measure"), wording.measure},
            {QStringLiteral("replacedLabel"),
                wording.replacedAt.isValid() ? DateWords::day(wording.replacedAt) : QString()}});
    }
    const int start = goal.ratings.isEmpty() ? -1 : goal.ratings.first().rating;
    const int latest = goal.ratings.isEmpty() ? -1 : goal.ratings.last().rating;
    QString progress;
    if (goal.ratings.size() == 1) {
        progress = tr("Started at %1 out of 10.").arg(start);
    } else if (goal.ratings.size() > 1) {
        QStringList steps;
        for (const GoalRatingInfo &rating : goal.ratings) {
            steps.append(QString::number(rating.rating));
        }
        progress = tr("Started at %1 out of 10, now %2. Ratings so far: %3.")
                       .arg(start)
                       .arg(latest)
                       .arg(steps.join(QStringLiteral(", ")));
    }
    return {{QStringLiteral("id"), goal.id},
        {QStringLiteral("relationshipId"), goal.relationshipId},
        {QStringLiteral("state"), goal.state},
        {QStringLiteral("stateLabel"), labelFor(QStringLiteral("goalState"), goal.state)},
        {QStringLiteral("open"), goal.state == QLatin1String("open")},
        {QStringLiteral("what"), goal.what}, {QStringLiteral("measure"), goal.measure},
        {QStringLiteral("targetOn"), goal.targetOn},
        {QStringLiteral("targetLabel"),
            goal.targetOn.isEmpty() ? QString() : DateWords::day(goal.targetOn)},
        {QStringLiteral("themes"), goal.themes}, {QStringLiteral("ratings"), ratings},
        {QStringLiteral("startRating"), start}, {QStringLiteral("latestRating"), latest},
        {QStringLiteral("earlier"), earlier}, {QStringLiteral("closedReason"), goal.closedReason},
        {QStringLiteral("closedLabel"),
            goal.closedAt.isValid() ? DateWords::day(goal.closedAt) : QString()},
        {QStringLiteral("outcome"), goal.outcome},
        {QStringLiteral("outcomeLabel"), labelFor(QStringLiteral("outcome"), goal.outcome)},
        {QStringLiteral("progressLabel"), progress}};
}

QVariantMap GoalCatalogue::toMap(const ReviewInfo &review, const QList<GoalInfo> &goals)
{
    QVariantList ratings;
    for (const ReviewRatingInfo &rating : review.ratings) {
        QString what;
        for (const GoalInfo &goal : goals) {
            if (goal.id == rating.goalId) {
                what = goal.what;
            }
        }
        ratings.append(QVariantMap {{QStringLiteral("goalId"), rating.goalId},
            {QStringLiteral("what"), what}, {QStringLiteral("rating"), rating.rating}});
    }
    return {{QStringLiteral("id"), review.id}, {QStringLiteral("occasion"), review.occasion},
        {QStringLiteral("occasionLabel"), labelFor(QStringLiteral("occasion"), review.occasion)},
        {QStringLiteral("dateLabel"),
            review.submittedAt.isValid() ? DateWords::day(review.submittedAt) : QString()},
        {QStringLiteral("ratings"), ratings}, {QStringLiteral("helped"), review.helped},
        {QStringLiteral("next"), review.next}, {QStringLiteral("comment"), review.comment},
        {QStringLiteral("hasComment"), !review.comment.isEmpty()},
        {QStringLiteral("commentedLabel"),
            review.commentedAt.isValid() ? DateWords::day(review.commentedAt) : QString()}};
}

QVariantMap GoalCatalogue::toMap(const QuestionInfo &question)
{
    return {{QStringLiteral("type"), question.type},
        {QStringLiteral("typeLabel"), labelFor(QStringLiteral("questionType"), question.type)},
        {QStringLiteral("wording"), question.wording},
        {QStringLiteral("required"), question.required},
        {QStringLiteral("options"), question.options}};
}

QuestionInfo GoalCatalogue::questionFromMap(const QVariantMap &map)
{
    QuestionInfo question;
    question.type = map.value(QStringLiteral("type")).toString();
    question.wording = map.value(QStringLiteral("wording")).toString();
    question.required = map.value(QStringLiteral("required")).toBool();
    question.options = map.value(QStringLiteral("options")).toStringList();
    return question;
}

QVariantMap GoalCatalogue::toMap(const DueInfo &due)
{
    const QString kind = kindWord(due.kind);
    const QString other = due.withName;
    QString title;
    QString action;
    if (due.what == QLatin1String("set_goals")) {
        title = due.yours ? tr("Set your coaching goals before you agree the contract")
                          : tr("Waiting for %1 to set their coaching goals").arg(other);
        action = tr("Set your goals");
    } else if (due.what == QLatin1String("review")) {
        title = due.yours ? tr("Your goal review is due")
                          : tr("Waiting for %1 to complete their goal review").arg(other);
        action = tr("Complete the review");
    } else if (due.what == QLatin1String("evaluation")) {
        title = due.yours ? tr("Tell us how %1 went").arg(kind)
                          : tr("Waiting for %1 to say how %2 went").arg(other, kind);
        action = tr("Answer the evaluation");
    } else if (due.what == QLatin1String("follow_up")) {
        title = due.yours ? tr("Six months on: has the change lasted?")
                          : tr("Waiting for %1's six-month follow-up").arg(other);
        action = tr("Answer the follow-up");
    }
    QString why;
    if (due.what == QLatin1String("review")) {
        if (due.occasion == QLatin1String("midpoint")) {
            why = tr("You are half-way through the coaching.");
        } else if (due.occasion == QLatin1String("contract_review")) {
            why = tr("The contract was reviewed.");
        } else if (due.occasion == QLatin1String("cadence")) {
            why = tr("It is time for your regular review.");
        } else if (due.occasion == QLatin1String("asked")) {
            why = tr("A review was asked for.");
        }
    }
    const QString with = due.kind == QLatin1String("mentoring") ? tr("Mentoring with %1").arg(other)
                                                                : tr("Coaching with %1").arg(other);
    QString detail = due.since.isValid() ? tr("%1, since %2.").arg(with, DateWords::day(due.since))
                                         : with + QLatin1Char('.');
    if (!why.isEmpty()) {
        detail = why + QLatin1Char(' ') + detail;
    }
    return {{QStringLiteral("what"), due.what},
        {QStringLiteral("relationshipId"), due.relationshipId}, {QStringLiteral("kind"), due.kind},
        {QStringLiteral("withName"), due.withName}, {QStringLiteral("occasion"), due.occasion},
        {QStringLiteral("yours"), due.yours}, {QStringLiteral("title"), title},
        {QStringLiteral("detail"), detail}, {QStringLiteral("action"), action}};
}
