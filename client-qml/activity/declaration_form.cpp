#include "activity/declaration_form.h"

#include "activity/reach_backend.h"
#include "activity/reach_catalogue.h"
#include "common/app_settings.h"
#include "common/date_words.h"
#include "identity/session.h"

namespace {

/// The sets of the declaration and their fields, in the form's order; the
/// equality questions last.
struct Question {
    const char *set;
    QString DeclarationInfo::*field;
    bool equality;
};
constexpr Question kQuestions[] = {
    {"staffGroup", &DeclarationInfo::staffGroup, false},
    {"profession", &DeclarationInfo::profession, false},
    {"payBand", &DeclarationInfo::payBand, false},
    {"clinical", &DeclarationInfo::clinical, false},
    {"ethnicGroup", &DeclarationInfo::ethnicGroup, true},
    {"disability", &DeclarationInfo::disability, true},
};

} // namespace

DeclarationForm::DeclarationForm(QObject *parent)
    : FormBase(parent)
{
    reload();
}

void DeclarationForm::setStaffGroup(const QString &key)
{
    setAnswer(&DeclarationInfo::staffGroup, key, QStringLiteral("staffGroup"));
}

void DeclarationForm::setProfession(const QString &key)
{
    setAnswer(&DeclarationInfo::profession, key, QStringLiteral("profession"));
}

void DeclarationForm::setPayBand(const QString &key)
{
    setAnswer(&DeclarationInfo::payBand, key, QStringLiteral("payBand"));
}

void DeclarationForm::setClinical(const QString &key)
{
    setAnswer(&DeclarationInfo::clinical, key, QStringLiteral("clinical"));
}

void DeclarationForm::setEthnicGroup(const QString &key)
{
    setAnswer(&DeclarationInfo::ethnicGroup, key, QStringLiteral("ethnicGroup"));
}

void DeclarationForm::setDisability(const QString &key)
{
    setAnswer(&DeclarationInfo::disability, key, QStringLiteral("disability"));
}

void DeclarationForm::setAnswer(
    QString DeclarationInfo::*field, const QString &key, const QString &name)
{
    if (change(m_draft.*field, key, name)) {
        Q_EMIT draftChanged();
    }
}

QString DeclarationForm::savedText() const
{
    if (!m_saved.savedAt.isValid()) {
        return {};
    }
    return tr("You last saved your answers on %1.").arg(DateWords::day(m_saved.savedAt));
}

QVariantList DeclarationForm::summary() const
{
    QVariantList list;
    for (const Question &q : kQuestions) {
        if (q.equality && !m_equalityMonitoring) {
            continue;
        }
        const QString set = QString::fromLatin1(q.set);
        list.append(QVariantMap {{QStringLiteral("set"), set},
            {QStringLiteral("question"), ReachCatalogue::questionFor(set)},
            {QStringLiteral("answer"), ReachCatalogue::labelFor(set, m_saved.*q.field)}});
    }
    return list;
}

int DeclarationForm::answeredCount() const
{
    int count = 0;
    for (const Question &q : kQuestions) {
        if (!(m_saved.*q.field).isEmpty() && (!q.equality || m_equalityMonitoring)) {
            ++count;
        }
    }
    return count;
}

bool DeclarationForm::shouldAsk() const
{
    return m_loaded && !m_saved.savedAt.isValid() && !m_dismissed;
}

void DeclarationForm::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}

QString DeclarationForm::dismissalName() const
{
    Session *session = Session::instance();
    return QStringLiteral("declaration:%1:%2")
        .arg(session->serverAddress())
        .arg(session->accountId());
}

void DeclarationForm::reload()
{
    ReachBackend *backend = Session::instance()->reach();
    if (!backend || !Session::instance()->signedIn()) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getMyDeclaration(this, [this, generation](const Result<MyDeclaration> &result) {
        if (generation != m_generation) {
            return;
        }
        setLoading(false);
        if (!result.ok()) {
            fail(result.error().kind == BackendError::Kind::Unreachable
                    ? tr("Your answers need the server: try again when you are online.")
                    : result.error().message);
            return;
        }
        m_saved = result.value().declaration;
        m_equalityMonitoring = result.value().equalityMonitoring;
        m_dismissed = AppSettings::instance()->isDismissed(dismissalName());
        m_loaded = true;
        setErrorMessage({});
        Q_EMIT loadedChanged();
        revert();
    });
}

void DeclarationForm::revert()
{
    m_draft = m_saved;
    setFieldErrors({});
    Q_EMIT draftChanged();
}

void DeclarationForm::save()
{
    ReachBackend *backend = Session::instance()->reach();
    if (!backend || busy() || !m_loaded) {
        return;
    }
    setErrorMessage({});
    setFieldErrors({});
    DeclarationInfo answers = m_draft;
    if (!m_equalityMonitoring) {
        // Not asked, so never sent (the server would refuse them).
        answers.ethnicGroup.clear();
        answers.disability.clear();
    }
    setBusy(true);
    ++m_generation; // a load still arriving is older than this
    backend->saveMyDeclaration(answers, this, [this](const Result<DeclarationInfo> &result) {
        setBusy(false);
        if (!result.ok()) {
            fail(result.error(),
                {{QStringLiteral("staff_group"), QStringLiteral("staffGroup")},
                    {QStringLiteral("profession"), QStringLiteral("profession")},
                    {QStringLiteral("pay_band"), QStringLiteral("payBand")},
                    {QStringLiteral("clinical"), QStringLiteral("clinical")},
                    {QStringLiteral("ethnic_group"), QStringLiteral("ethnicGroup")},
                    {QStringLiteral("disability"), QStringLiteral("disability")}});
            return;
        }
        m_saved = result.value();
        Q_EMIT loadedChanged();
        revert();
        Q_EMIT saved(tr("Thank you. Your answers are saved. Only you can see them."));
    });
}

void DeclarationForm::dismiss()
{
    AppSettings::instance()->dismiss(dismissalName());
    if (!m_dismissed) {
        m_dismissed = true;
        Q_EMIT loadedChanged();
    }
}
