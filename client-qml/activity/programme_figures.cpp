#include "activity/programme_figures.h"

#include "activity/activity_backend.h"
#include "activity/figures_export.h"
#include "identity/session.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>

ProgrammeFigures::ProgrammeFigures(QObject *parent)
    : QObject(parent)
    , m_start(defaultStart(m_periodKind, QDate::currentDate()))
{
    connect(this, &ProgrammeFigures::queryChanged, this, &ProgrammeFigures::reload);
    reload();
}

QDate ProgrammeFigures::defaultStart(const QString &kind, QDate today)
{
    const QDate thisMonth(today.year(), today.month(), 1);
    if (kind == QLatin1String("month")) {
        return thisMonth.addMonths(-1);
    }
    if (kind == QLatin1String("year")) {
        // Financial years start in April: the last one that has ended.
        const int year = today.month() >= 4 ? today.year() - 1 : today.year() - 2;
        return QDate(year, 4, 1);
    }
    const QDate quarter(today.year(), ((today.month() - 1) / 3) * 3 + 1, 1);
    return quarter.addMonths(-3);
}

void ProgrammeFigures::setOrganisationId(double id)
{
    const auto value = static_cast<qint64>(id);
    if (value != m_organisationId) {
        m_organisationId = value;
        Q_EMIT queryChanged();
    }
}

void ProgrammeFigures::setPeriodKind(const QString &kind)
{
    if (kind != m_periodKind
        && (kind == QLatin1String("month") || kind == QLatin1String("quarter")
            || kind == QLatin1String("year"))) {
        m_periodKind = kind;
        m_start = defaultStart(kind, QDate::currentDate());
        Q_EMIT queryChanged();
    }
}

QString ProgrammeFigures::fromMonth() const
{
    return m_start.toString(QStringLiteral("yyyy-MM"));
}

int ProgrammeFigures::monthsPerPeriod() const
{
    return m_periodKind == QLatin1String("month") ? 1
        : m_periodKind == QLatin1String("year")   ? 12
                                                  : 3;
}

bool ProgrammeFigures::canGoForward() const
{
    const QDate today = QDate::currentDate();
    return m_start.addMonths(monthsPerPeriod()) <= QDate(today.year(), today.month(), 1);
}

void ProgrammeFigures::previous()
{
    m_start = m_start.addMonths(-monthsPerPeriod());
    Q_EMIT queryChanged();
}

void ProgrammeFigures::next()
{
    if (canGoForward()) {
        m_start = m_start.addMonths(monthsPerPeriod());
        Q_EMIT queryChanged();
    }
}

QString ProgrammeFigures::scopeLabel() const
{
    return m_figures.value(QStringLiteral("scope")).toString();
}

QString ProgrammeFigures::periodLabel() const
{
    return m_figures.value(QStringLiteral("period")).toString();
}

QString ProgrammeFigures::previousPeriodLabel() const
{
    return m_figures.value(QStringLiteral("previousPeriod")).toString();
}

QVariantList ProgrammeFigures::poolNotes() const
{
    return m_figures.value(QStringLiteral("poolNotes")).toList();
}

void ProgrammeFigures::reload()
{
    ActivityBackend *backend = Session::instance()->activity();
    if (!backend) {
        return;
    }
    const int generation = ++m_generation;
    setLoading(true);
    backend->getProgrammeFigures(m_organisationId, m_periodKind, fromMonth(), QString(), this,
        [this, generation](const Result<QVariantMap> &result) {
            if (generation != m_generation) {
                return;
            }
            setLoading(false);
            if (!result.ok()) {
                m_error = result.error().message;
                Q_EMIT figuresChanged();
                return;
            }
            m_error.clear();
            m_figures = result.value();
            // What the page shows, in words, beside the numbers.
            m_headlines.clear();
            for (const QVariant &item : m_figures.value(QStringLiteral("headlines")).toList()) {
                QVariantMap h = item.toMap();
                const QString unit = h.value(QStringLiteral("unit")).toString();
                const QVariantMap current = h.value(QStringLiteral("current")).toMap();
                const QVariantMap previous = h.value(QStringLiteral("previous")).toMap();
                h.insert(QStringLiteral("currentText"), FiguresExport::figureText(current, unit));
                QString was;
                if (!previous.value(QStringLiteral("missing")).toBool()) {
                    was = tr("%1 in the period before")
                              .arg(FiguresExport::figureText(previous, unit));
                }
                h.insert(QStringLiteral("previousText"), was);
                m_headlines.append(h);
            }
            m_tables.clear();
            for (const QVariant &item : m_figures.value(QStringLiteral("tables")).toList()) {
                QVariantMap table = item.toMap();
                const QString unit = table.value(QStringLiteral("unit")).toString();
                const bool stacked
                    = table.value(QStringLiteral("chart")).toString() == QLatin1String("stacked");
                double most = 0;
                QVariantList rows;
                for (const QVariant &r : table.value(QStringLiteral("rows")).toList()) {
                    QVariantMap row = r.toMap();
                    QStringList texts;
                    QVariantList values;
                    double total = 0;
                    for (const QVariant &c : row.value(QStringLiteral("cells")).toList()) {
                        const QVariantMap cell = c.toMap();
                        texts.append(FiguresExport::figureText(cell, unit));
                        const double value = cell.value(QStringLiteral("suppressed")).toBool()
                            ? 0
                            : cell.value(QStringLiteral("value")).toDouble();
                        values.append(value);
                        total += value;
                        most = std::max(most, value);
                    }
                    if (stacked) {
                        most = std::max(most, total);
                    }
                    row.insert(QStringLiteral("texts"), texts);
                    row.insert(QStringLiteral("values"), values);
                    rows.append(row);
                }
                table.insert(QStringLiteral("rows"), rows);
                table.insert(QStringLiteral("max"), most);
                m_tables.append(table);
            }
            Q_EMIT figuresChanged();
        });
}

QString ProgrammeFigures::folderOr(const QString &folder) const
{
    if (!folder.isEmpty()) {
        return folder;
    }
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QDir().mkpath(documents);
    return documents;
}

QString ProgrammeFigures::exportCsv(const QString &folder, const QString &tableId)
{
    if (m_figures.isEmpty()) {
        return QString();
    }
    QString path
        = QDir(folderOr(folder))
              .filePath(FiguresExport::fileName(m_figures,
                  tableId.isEmpty() ? QStringLiteral("figures") : tableId, QStringLiteral("csv")));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(FiguresExport::csv(m_figures, tableId)) < 0) {
        m_error
            = tr("The file could not be saved in %1. Choose another folder.").arg(folderOr(folder));
        Q_EMIT figuresChanged();
        return QString();
    }
    return path;
}

QString ProgrammeFigures::exportPdf(const QString &folder)
{
    if (m_figures.isEmpty()) {
        return QString();
    }
    QString path = QDir(folderOr(folder))
                       .filePath(FiguresExport::fileName(
                           m_figures, QStringLiteral("report"), QStringLiteral("pdf")));
    QString error;
    if (!FiguresExport::writePdf(m_figures, path, &error)) {
        m_error = error;
        Q_EMIT figuresChanged();
        return QString();
    }
    return path;
}

void ProgrammeFigures::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}
