#pragma once

#include "common/paged_list_model.h"

#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

/// Coordinators: the relationships of the organisations they coordinate
/// (ListProgrammeRelationships), longest without a session first, a page at
/// a time, with the total. Filters: one organisation or all, the state
/// ("open": agreeing the contract or active, the default; "contracting",
/// "active", "completed", "ended_early", or "all"), and no session held for
/// some weeks. Each row: id, kind, kindLabel, state, stateLabel,
/// coacheeName, memberName, startedText, sessionsHeld, sessionsText,
/// lastSessionText, quietText (how long since the last session, or since
/// the start when none), canEnd. Never any content of a relationship.
class ProgrammeRelationshipList : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(
        double organisationId READ organisationId WRITE setOrganisationId NOTIFY filtersChanged)
    Q_PROPERTY(QString stateFilter READ stateFilter WRITE setStateFilter NOTIFY filtersChanged)
    /// 0 for any; otherwise 1 to 104.
    Q_PROPERTY(int noSessionForWeeks READ noSessionForWeeks WRITE setNoSessionForWeeks NOTIFY
            filtersChanged)
    /// Rows asked for per call, 1 to 200.
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY filtersChanged)
    /// The last failure to load, in words; empty after a load that worked.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    explicit ProgrammeRelationshipList(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    double organisationId() const { return static_cast<double>(m_organisationId); }
    void setOrganisationId(double id);
    QString stateFilter() const { return m_stateFilter; }
    void setStateFilter(const QString &filter);
    int noSessionForWeeks() const { return m_noSessionForWeeks; }
    void setNoSessionForWeeks(int weeks);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    QString errorMessage() const { return m_error; }

    /// The choices of the filters, as [{key, label}].
    Q_INVOKABLE QVariantList stateOptions() const;
    Q_INVOKABLE QVariantList quietOptions() const;
    /// The row as a map; undefined outside the rows.
    Q_INVOKABLE QVariant get(int row) const;
    /// The row of a relationship, or -1.
    Q_INVOKABLE int rowOf(double relationshipId) const;
    /// Forgets the last failure (the person dismissed it).
    Q_INVOKABLE void clearError() { setError({}); }

    /// A relationship as a row: the API's fields and their words, as of
    /// `now`.
    static QVariantMap withWords(QVariantMap relationship, const QDateTime &now);
    /// The states the API is asked for under `filter`.
    static QStringList statesOf(const QString &filter);

Q_SIGNALS:
    void filtersChanged();
    void errorMessageChanged();

private:
    void sendPageRequest(const QString &pageToken, int generation) override;
    void clearRows() override;
    void setError(const QString &message);

    QList<QVariantMap> m_rows;
    QStringList m_keys;
    qint64 m_organisationId = 0;
    QString m_stateFilter = QStringLiteral("open");
    int m_noSessionForWeeks = 0;
    int m_pageSize = 50;
    QString m_error;
};
