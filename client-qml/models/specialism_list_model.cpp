#include "specialism_list_model.h"

#include "session.h"

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

void SpecialismListModel::reload()
{
    Backend *backend = Session::instance()->backend();
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
    return code;
}

QStringList SpecialismListModel::labelsFor(const QStringList &codes) const
{
    QStringList labels;
    for (const QString &code : codes) {
        labels.append(labelFor(code));
    }
    return labels;
}

void SpecialismListModel::setLoading(bool loading)
{
    if (loading == m_loading) {
        return;
    }
    m_loading = loading;
    Q_EMIT loadingChanged();
}
