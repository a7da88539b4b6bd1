#include "directory/specialism_list_model.h"

#include "directory/directory_backend.h"
#include "directory/directory_catalogue.h"
#include "identity/session.h"

SpecialismListModel::SpecialismListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int SpecialismListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_specialisms.size());
}

QVariant SpecialismListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SpecialismInfo &specialism = m_specialisms.at(index.row());
    switch (role) {
    case CodeRole:
        return specialism.code;
    case Qt::DisplayRole:
    case LabelRole:
        return specialism.label;
    default:
        return {};
    }
}

QHash<int, QByteArray> SpecialismListModel::roleNames() const
{
    return {{CodeRole, "code"}, {LabelRole, "label"}};
}

void SpecialismListModel::classBegin()
{
    m_complete = false;
}

void SpecialismListModel::componentComplete()
{
    m_complete = true;
    reload();
}

bool SpecialismListModel::loading() const
{
    return m_loading;
}

int SpecialismListModel::count() const
{
    return rowCount();
}

bool SpecialismListModel::adding() const
{
    return m_adding;
}

QString SpecialismListModel::addError() const
{
    return m_addError;
}

void SpecialismListModel::reload()
{
    DirectoryBackend *backend = Session::instance()->directory();
    if (!m_complete || !backend || !Session::instance()->signedIn()) {
        return;
    }
    setLoading(true);
    backend->listSpecialisms(this, [this](const Result<QList<SpecialismInfo>> &result) {
        setLoading(false);
        if (!result.ok()) {
            Q_EMIT errorOccurred(result.error().message);
            return;
        }
        beginResetModel();
        m_specialisms = result.value();
        endResetModel();
        Q_EMIT countChanged();
    });
}

QString SpecialismListModel::labelFor(const QString &code) const
{
    for (const SpecialismInfo &specialism : m_specialisms) {
        if (specialism.code == code) {
            return specialism.label;
        }
    }
    // Not in the list (yet): the code in words, never the code itself.
    QString words = code;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty()) {
        words[0] = words[0].toUpper();
    }
    return words;
}

QStringList SpecialismListModel::labelsFor(const QStringList &codes) const
{
    QStringList labels;
    for (const QString &code : codes) {
        labels.append(labelFor(code));
    }
    return labels;
}

void SpecialismListModel::addSpecialism(const QString &label)
{
    DirectoryBackend *backend = Session::instance()->directory();
    if (m_adding || !backend || !Session::instance()->signedIn()) {
        return;
    }
    // The server's limits, checked here for a quicker answer; whether it
    // already exists is the server's to say.
    const QString trimmed = label.trimmed();
    if (trimmed.size() < DirectoryCatalogue::kSpecialismLabelMinLength) {
        setAddError(tr("Enter a name for the specialism, at least %1 characters.")
                        .arg(DirectoryCatalogue::kSpecialismLabelMinLength));
        return;
    }
    if (trimmed.size() > DirectoryCatalogue::kSpecialismLabelMaxLength) {
        setAddError(tr("Keep the name to %1 characters at most.")
                        .arg(DirectoryCatalogue::kSpecialismLabelMaxLength));
        return;
    }
    setAddError({});
    setAdding(true);
    backend->createSpecialism(trimmed, this, [this](const Result<SpecialismInfo> &result) {
        setAdding(false);
        if (!result.ok()) {
            setAddError(result.error().message);
            return;
        }
        // Shown at once at the end; the reload puts it in the server's order.
        const SpecialismInfo &added = result.value();
        const int row = rowCount();
        beginInsertRows({}, row, row);
        m_specialisms.append(added);
        endInsertRows();
        Q_EMIT countChanged();
        Q_EMIT specialismAdded(added.code, added.label);
        reload();
    });
}

void SpecialismListModel::clearAddError()
{
    setAddError({});
}

void SpecialismListModel::setAdding(bool adding)
{
    if (adding == m_adding) {
        return;
    }
    m_adding = adding;
    Q_EMIT addingChanged();
}

void SpecialismListModel::setAddError(const QString &message)
{
    if (message == m_addError) {
        return;
    }
    m_addError = message;
    Q_EMIT addErrorChanged();
}

void SpecialismListModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}
