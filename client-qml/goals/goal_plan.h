#pragma once

#include "common/result.h"
#include "goals/goal_types.h"
#include "sync/write_kinds.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// A relationship's goal plan (GetGoalPlan), as the signed-in person may see
/// it: the goals, each with its ratings from the start through the reviews
/// to the end (for its chart) and its earlier wordings; the reviews, newest
/// first, with the coach's or mentor's comments; what is due; the person's
/// evaluation with the questions to answer; and the coachee's follow-up.
/// It fills itself when `relationshipId` is set and keeps up with what the
/// outbox sends (SyncQueue::goalPlanWritten). Asking for a review goes
/// through the outbox too. Failures arrive through errorOccurred (and
/// `errorMessage`) in words for people; when goals cannot be had at all
/// (an older server, say) `unavailable` says so and nothing else breaks.
class GoalPlan : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(double relationshipId READ relationshipIdForQml WRITE setRelationshipIdForQml NOTIFY
            relationshipIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// A plan has been loaded (or set) for the relationship.
    Q_PROPERTY(bool loaded READ loaded NOTIFY planChanged)
    /// The server could not be reached; what shows is the last plan known.
    Q_PROPERTY(bool offline READ offline NOTIFY offlineChanged)
    /// Goals can't be shown just now, in words; empty when they can.
    Q_PROPERTY(QString unavailable READ unavailable NOTIFY planChanged)
    /// Every goal, oldest first (GoalCatalogue::toMap).
    Q_PROPERTY(QVariantList goals READ goals NOTIFY planChanged)
    /// The goals still being worked on.
    Q_PROPERTY(QVariantList openGoals READ openGoals NOTIFY planChanged)
    Q_PROPERTY(int openGoalCount READ openGoalCount NOTIFY planChanged)
    /// Reviews, newest first.
    Q_PROPERTY(QVariantList reviews READ reviews NOTIFY planChanged)
    /// What is due on the relationship (GoalCatalogue::toMap of each).
    Q_PROPERTY(QVariantList due READ due NOTIFY planChanged)
    /// A review is due for the coachee to complete.
    Q_PROPERTY(bool reviewDue READ reviewDue NOTIFY planChanged)
    /// The relationship has ended, so there is an evaluation to show.
    Q_PROPERTY(bool hasEvaluation READ hasEvaluation NOTIFY planChanged)
    /// The signed-in person answered theirs.
    Q_PROPERTY(bool evaluated READ evaluated NOTIFY planChanged)
    Q_PROPERTY(QString evaluatedLabel READ evaluatedLabel NOTIFY planChanged)
    /// The person's answers, with the wording they were given under:
    /// [{wording, answer}] in words.
    Q_PROPERTY(QVariantList evaluationAnswers READ evaluationAnswers NOTIFY planChanged)
    /// The questions to answer: {version, audience, kind, questions}.
    Q_PROPERTY(QVariantMap questions READ questions NOTIFY planChanged)
    Q_PROPERTY(bool otherEvaluated READ otherEvaluated NOTIFY planChanged)
    /// The follow-up: {due, open, dueLabel, done, doneLabel, rating, answer}
    /// (a map, untyped in QML so that its keys can be read).
    Q_PROPERTY(QVariant followUp READ followUpForQml NOTIFY planChanged)
    Q_PROPERTY(QString followUpQuestion READ followUpQuestion NOTIFY planChanged)
    /// True while a request for a review is on its first way to the server.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(
        QString errorMessage READ errorMessage WRITE setErrorMessage NOTIFY errorMessageChanged)

public:
    explicit GoalPlan(QObject *parent = nullptr);

    qint64 relationshipId() const { return m_relationshipId; }
    double relationshipIdForQml() const;
    void setRelationshipIdForQml(double relationshipId);
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    bool offline() const { return m_offline; }
    QString unavailable() const { return m_unavailable; }
    QVariantList goals() const;
    QVariantList openGoals() const;
    int openGoalCount() const;
    QVariantList reviews() const;
    QVariantList due() const;
    bool reviewDue() const;
    bool hasEvaluation() const { return m_plan.hasEvaluation; }
    bool evaluated() const;
    QString evaluatedLabel() const;
    QVariantList evaluationAnswers() const;
    QVariantMap questions() const;
    bool otherEvaluated() const { return m_plan.otherEvaluated; }
    QVariantMap followUp() const;
    QVariant followUpForQml() const { return followUp(); }
    QString followUpQuestion() const { return m_plan.followUpQuestion; }
    bool busy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }
    void setErrorMessage(const QString &message);
    const GoalPlanInfo &plan() const { return m_plan; }

    Q_INVOKABLE void reload();
    /// One goal by id, as in `goals`; empty if there is none.
    Q_INVOKABLE QVariantMap goal(double goalId) const;
    /// One review by id, as in `reviews`; empty if there is none.
    Q_INVOKABLE QVariantMap review(double reviewId) const;
    /// Asks for a review now (either person); kept on the device first.
    Q_INVOKABLE void requestReview();
    /// Shows a plan the server answered elsewhere (a form).
    void setPlan(const GoalPlanInfo &plan);
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void relationshipIdChanged();
    void loadingChanged();
    void planChanged();
    void offlineChanged();
    void busyChanged();
    void errorMessageChanged();
    /// A change made here succeeded, or was kept to be sent later.
    void changed(const QString &message);
    void errorOccurred(const QString &message);

private:
    void setLoading(bool loading);
    void setOffline(bool offline);
    void setBusy(bool busy);
    void fail(const QString &message);

    qint64 m_relationshipId = 0;
    GoalPlanInfo m_plan;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_offline = false;
    bool m_busy = false;
    QString m_unavailable;
    QString m_errorMessage;
    int m_generation = 0;
};
