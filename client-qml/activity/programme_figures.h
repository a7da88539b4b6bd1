#pragma once

#include <QDate>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

/// The programme's figures for the Figures page (coordinators): a scope
/// (0: all the organisations they coordinate) and a period of whole months,
/// with the period before; loads on reload() and whenever either changes.
/// Exports what it shows, as CSV and as a one-page PDF (FiguresExport).
class ProgrammeFigures : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(
        double organisationId READ organisationId WRITE setOrganisationId NOTIFY queryChanged)
    /// "month", "quarter", "year" (April to March).
    Q_PROPERTY(QString periodKind READ periodKind WRITE setPeriodKind NOTIFY queryChanged)
    /// The first month of the period, "2026-07".
    Q_PROPERTY(QString fromMonth READ fromMonth NOTIFY queryChanged)
    /// Whether next() has a period that has begun.
    Q_PROPERTY(bool canGoForward READ canGoForward NOTIFY queryChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY figuresChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY figuresChanged)
    Q_PROPERTY(QString scopeLabel READ scopeLabel NOTIFY figuresChanged)
    Q_PROPERTY(QString periodLabel READ periodLabel NOTIFY figuresChanged)
    Q_PROPERTY(QString previousPeriodLabel READ previousPeriodLabel NOTIFY figuresChanged)
    /// [{id, label, unit, current, previous, currentText, previousText, change}]
    Q_PROPERTY(QVariantList headlines READ headlines NOTIFY figuresChanged)
    /// [{id, title, unit, chart, columns, rows [{label, cells, texts}], max}]
    Q_PROPERTY(QVariantList tables READ tables NOTIFY figuresChanged)
    Q_PROPERTY(QVariantList poolNotes READ poolNotes NOTIFY figuresChanged)

public:
    explicit ProgrammeFigures(QObject *parent = nullptr);

    double organisationId() const { return static_cast<double>(m_organisationId); }
    void setOrganisationId(double id);
    QString periodKind() const { return m_periodKind; }
    void setPeriodKind(const QString &kind);
    QString fromMonth() const;
    bool canGoForward() const;
    bool loading() const { return m_loading; }
    QString errorMessage() const { return m_error; }
    bool loaded() const { return !m_figures.isEmpty(); }
    QString scopeLabel() const;
    QString periodLabel() const;
    QString previousPeriodLabel() const;
    QVariantList headlines() const { return m_headlines; }
    QVariantList tables() const { return m_tables; }
    QVariantList poolNotes() const;

    Q_INVOKABLE void reload();
    /// The period before or after (by its own length).
    Q_INVOKABLE void previous();
    Q_INVOKABLE void next();
    /// Writes every table (or one) as CSV into `folder` (the documents
    /// folder when empty); the file's path, or "" with errorMessage set.
    Q_INVOKABLE QString exportCsv(const QString &folder, const QString &tableId = QString());
    Q_INVOKABLE QString exportPdf(const QString &folder);

    /// The last full period of `kind` before the month of `today`.
    static QDate defaultStart(const QString &kind, QDate today);

Q_SIGNALS:
    void queryChanged();
    void loadingChanged();
    void figuresChanged();

private:
    void setLoading(bool loading);
    int monthsPerPeriod() const;
    QString folderOr(const QString &folder) const;

    qint64 m_organisationId = 0;
    QString m_periodKind = QStringLiteral("quarter");
    QDate m_start;
    bool m_loading = false;
    QString m_error;
    QVariantMap m_figures;
    QVariantList m_headlines;
    QVariantList m_tables;
    int m_generation = 0;
};
