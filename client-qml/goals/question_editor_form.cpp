#include "goals/question_editor_form.h"

#include "common/date_words.h"
#include "goals/goal_backend.h"
#include "goals/goal_catalogue.h"
#include "identity/session.h"

QuestionEditorForm::QuestionEditorForm(QObject *parent)
    : CorrectableForm(parent)
{
    connect(this, &QuestionEditorForm::draftChanged, &m_draft, &Draft::changed);
}

void QuestionEditorForm::setOrganisationIdForQml(double id)
{
    const auto organisationId = static_cast<qint64>(id);
    if (organisationId != m_organisationId) {
        m_organisationId = organisationId;
        Q_EMIT setChanged();
    }
}

void QuestionEditorForm::setKind(const QString &kind)
{
    if (kind != m_kind) {
        m_kind = kind;
        Q_EMIT setChanged();
    }
}

void QuestionEditorForm::setAudience(const QString &audience)
{
    if (audience != m_audience) {
        m_audience = audience;
        Q_EMIT setChanged();
    }
}

QString QuestionEditorForm::versionLabel() const
{
    if (m_version <= 0) {
        return tr(
            "These are Tandem's default questions. Saving makes them your organisation's own.");
    }
    if (!m_savedBy.isEmpty() && m_savedAt.isValid()) {
        return tr("Version %1, saved by %2 on %3.")
            .arg(m_version)
            .arg(m_savedBy, DateWords::day(m_savedAt));
    }
    return tr("Version %1.").arg(m_version);
}

QVariant QuestionEditorForm::draftSubject() const
{
    return QVariantList {m_organisationId, m_kind, m_audience};
}

QVariantMap QuestionEditorForm::draftFields() const
{
    return {{QStringLiteral("questions"), m_questions}};
}

void QuestionEditorForm::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}

void QuestionEditorForm::setQuestions(const QVariantList &questions)
{
    m_questions.clear();
    for (const QVariant &question : questions) {
        m_questions.append(GoalCatalogue::toMap(GoalCatalogue::questionFromMap(question.toMap())));
    }
}

void QuestionEditorForm::load()
{
    GoalBackend *backend = Session::instance()->goals();
    if (!backend || m_organisationId <= 0) {
        return;
    }
    m_draft.flush();
    const int generation = ++m_generation;
    setLoading(true);
    setErrorMessage({});
    setFieldErrors({});
    backend->getEvaluationQuestions(m_organisationId, m_kind, m_audience, this,
        [this, generation](const Result<QuestionSetInfo> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            const Draft::Quiet filling(m_draft);
            const QVariantMap kept
                = m_draft.open(WriteKind::SaveEvaluationQuestions, draftSubject());
            if (!result.ok()) {
                fail(result.error().message);
                m_loaded.clear();
            } else {
                const QuestionSetInfo &set = result.value();
                m_version = set.version;
                m_savedAt = set.savedAt;
                m_savedBy = set.savedByName;
                m_loaded.clear();
                for (const QuestionInfo &question : set.questions) {
                    m_loaded.append(GoalCatalogue::toMap(question));
                }
            }
            m_queuedKey.clear();
            m_restoredFromDraft = !kept.isEmpty();
            setQuestions(
                m_restoredFromDraft ? kept.value(QStringLiteral("questions")).toList() : m_loaded);
            Q_EMIT setChanged();
            Q_EMIT draftChanged();
        });
}

void QuestionEditorForm::startAgain()
{
    setQuestions(m_loaded);
    m_restoredFromDraft = false;
    setFieldErrors({});
}

bool QuestionEditorForm::editQueued(const QString &, const QVariantMap &)
{
    return false; // a refused save is put right on this page, loaded afresh
}

void QuestionEditorForm::addQuestion(const QString &type)
{
    if (m_questions.size() >= GoalCatalogue::kMaxQuestions) {
        setFieldError(QStringLiteral("questions"),
            tr("A set has at most %1 questions: remove one to add another.")
                .arg(GoalCatalogue::kMaxQuestions));
        return;
    }
    QuestionInfo question;
    question.type = type;
    m_questions.append(GoalCatalogue::toMap(question));
    setType(static_cast<int>(m_questions.size() - 1), type);
    setFieldError(QStringLiteral("questions"), {});
    Q_EMIT draftChanged();
}

void QuestionEditorForm::removeQuestion(int index)
{
    if (index < 0 || index >= m_questions.size()) {
        return;
    }
    m_questions.removeAt(index);
    setFieldErrors({}); // the positions moved
    Q_EMIT draftChanged();
}

void QuestionEditorForm::moveQuestion(int index, int by)
{
    const int to = index + by;
    if (index < 0 || index >= m_questions.size() || to < 0 || to >= m_questions.size()) {
        return;
    }
    m_questions.move(index, to);
    setFieldErrors({});
    Q_EMIT draftChanged();
}

void QuestionEditorForm::setField(int index, const QString &field, const QVariant &value)
{
    if (index < 0 || index >= m_questions.size()) {
        return;
    }
    QVariantMap question = m_questions.at(index).toMap();
    if (question.value(field) == value) {
        return;
    }
    question.insert(field, value);
    m_questions[index] = GoalCatalogue::toMap(GoalCatalogue::questionFromMap(question));
    setFieldError(QStringLiteral("question-") + QString::number(index), {});
    Q_EMIT draftChanged();
}

void QuestionEditorForm::setType(int index, const QString &type)
{
    if (index < 0 || index >= m_questions.size()) {
        return;
    }
    QVariantMap question = m_questions.at(index).toMap();
    QStringList options = question.value(QStringLiteral("options")).toStringList();
    if (type == QLatin1String("rating")) {
        if (options.size() != GoalCatalogue::kRatingLabels) {
            options = GoalCatalogue().defaultRatingLabels();
        }
    } else if (type == QLatin1String("choice")) {
        while (options.size() < GoalCatalogue::kMinChoiceOptions) {
            options.append(QString());
        }
    } else {
        options.clear();
    }
    question.insert(QStringLiteral("type"), type);
    question.insert(QStringLiteral("options"), options);
    m_questions[index] = GoalCatalogue::toMap(GoalCatalogue::questionFromMap(question));
    setFieldError(QStringLiteral("question-") + QString::number(index), {});
    Q_EMIT draftChanged();
}

void QuestionEditorForm::setWording(int index, const QString &wording)
{
    setField(index, QStringLiteral("wording"), wording);
}

void QuestionEditorForm::setRequired(int index, bool required)
{
    setField(index, QStringLiteral("required"), required);
}

void QuestionEditorForm::setOption(int index, int option, const QString &text)
{
    if (index < 0 || index >= m_questions.size()) {
        return;
    }
    QStringList options
        = m_questions.at(index).toMap().value(QStringLiteral("options")).toStringList();
    if (option < 0 || option >= options.size()) {
        return;
    }
    options[option] = text;
    setField(index, QStringLiteral("options"), options);
}

void QuestionEditorForm::addOption(int index)
{
    if (index < 0 || index >= m_questions.size()) {
        return;
    }
    QStringList options
        = m_questions.at(index).toMap().value(QStringLiteral("options")).toStringList();
    if (options.size() >= GoalCatalogue::kMaxChoiceOptions) {
        return;
    }
    options.append(QString());
    setField(index, QStringLiteral("options"), options);
}

void QuestionEditorForm::removeOption(int index, int option)
{
    if (index < 0 || index >= m_questions.size()) {
        return;
    }
    QStringList options
        = m_questions.at(index).toMap().value(QStringLiteral("options")).toStringList();
    if (option < 0 || option >= options.size()
        || options.size() <= GoalCatalogue::kMinChoiceOptions) {
        return;
    }
    options.removeAt(option);
    setField(index, QStringLiteral("options"), options);
}

bool QuestionEditorForm::validate()
{
    QVariantMap errors;
    if (m_questions.isEmpty()) {
        errors.insert(QStringLiteral("questions"), tr("Add at least one question."));
    } else if (m_questions.size() > GoalCatalogue::kMaxQuestions) {
        errors.insert(QStringLiteral("questions"),
            tr("A set has at most %1 questions.").arg(GoalCatalogue::kMaxQuestions));
    }
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        const QuestionInfo question = GoalCatalogue::questionFromMap(m_questions.at(i).toMap());
        const QString key = QStringLiteral("question-") + QString::number(i);
        const QString number = QString::number(i + 1);
        const qsizetype length = question.wording.trimmed().size();
        QString problem;
        if (length == 0) {
            problem = tr("Question %1: write the question.").arg(number);
        } else if (length > GoalCatalogue::kWordingMaxLength) {
            problem = tr("Question %1: keep it to %2 characters.")
                          .arg(number)
                          .arg(GoalCatalogue::kWordingMaxLength);
        } else if (question.type == QLatin1String("rating")) {
            const bool labelled = question.options.size() == GoalCatalogue::kRatingLabels
                && std::all_of(
                    question.options.cbegin(), question.options.cend(), [](const QString &label) {
                        const qsizetype size = label.trimmed().size();
                        return size > 0 && size <= GoalCatalogue::kRatingLabelMaxLength;
                    });
            if (!labelled) {
                problem = tr("Question %1: give each of the five points a label of up to %2 "
                             "characters.")
                              .arg(number)
                              .arg(GoalCatalogue::kRatingLabelMaxLength);
            }
        } else if (question.type == QLatin1String("choice")) {
            const bool filled = question.options.size() >= GoalCatalogue::kMinChoiceOptions
                && question.options.size() <= GoalCatalogue::kMaxChoiceOptions
                && std::all_of(
                    question.options.cbegin(), question.options.cend(), [](const QString &option) {
                        const qsizetype size = option.trimmed().size();
                        return size > 0 && size <= GoalCatalogue::kChoiceOptionMaxLength;
                    });
            if (!filled) {
                problem = tr("Question %1: give %2 to %3 options, each up to %4 characters.")
                              .arg(number)
                              .arg(GoalCatalogue::kMinChoiceOptions)
                              .arg(GoalCatalogue::kMaxChoiceOptions)
                              .arg(GoalCatalogue::kChoiceOptionMaxLength);
            }
        } else if (question.type != QLatin1String("yes_no")
            && question.type != QLatin1String("text")) {
            problem = tr("Question %1: choose what kind of answer it takes.").arg(number);
        }
        if (!problem.isEmpty()) {
            errors.insert(key, problem);
        }
    }
    setFieldErrors(errors);
    return errors.isEmpty();
}

void QuestionEditorForm::save()
{
    if (busy() || m_organisationId <= 0) {
        return;
    }
    setErrorMessage({});
    if (!validate()) {
        return;
    }
    QVariantList questions;
    for (const QVariant &entry : m_questions) {
        const QuestionInfo question = GoalCatalogue::questionFromMap(entry.toMap());
        QStringList options;
        for (const QString &option : question.options) {
            options.append(option.trimmed());
        }
        questions.append(QVariantMap {{QStringLiteral("type"), question.type},
            {QStringLiteral("wording"), question.wording.trimmed()},
            {QStringLiteral("required"), question.required}, {QStringLiteral("options"), options}});
    }
    const QString summary
        = tr("Evaluation questions for %1 (%2)")
              .arg(GoalCatalogue::labelFor(QStringLiteral("kind"), m_kind).toLower(),
                  GoalCatalogue::labelFor(QStringLiteral("audience"), m_audience).toLower());
    keepAndWait(WriteKind::SaveEvaluationQuestions,
        {{QStringLiteral("organisationId"), m_organisationId}, {QStringLiteral("kind"), m_kind},
            {QStringLiteral("audience"), m_audience}, {QStringLiteral("questions"), questions}},
        summary, tr("This could not be kept on the device. Nothing was sent; try again."),
        {{QStringLiteral("questions"), QStringLiteral("questions")},
            {QStringLiteral("wording"), QStringLiteral("questions")},
            {QStringLiteral("options"), QStringLiteral("questions")}},
        [this, summary](const WriteOutcome &outcome) {
            if (outcome.questions) {
                m_version = outcome.questions->version;
                m_savedAt = outcome.questions->savedAt;
                m_savedBy = outcome.questions->savedByName;
                m_loaded = m_questions;
                Q_EMIT setChanged();
            }
            m_restoredFromDraft = false;
            Q_EMIT draftChanged();
            Q_EMIT saved(summary);
        });
}
