#include "activity/figures_export.h"

#include "shared/csv.h"

#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QVariantList>

#include <algorithm>
#include <string>
#include <vector>

namespace FiguresExport {
namespace {

const QString kFootnote = QStringLiteral(
    "Counts are rounded to the nearest 5 and hours to the nearest 5 hours; * means fewer than 8 "
    "(not shown, so that nobody can be recognised). Averages and percentages are worked from the "
    "rounded figures.");

std::string cellText(const QVariantMap &cell)
{
    if (cell.value(QStringLiteral("suppressed")).toBool()) {
        return "*";
    }
    return QString::number(cell.value(QStringLiteral("value")).toDouble(), 'g', 10).toStdString();
}

void appendTable(std::string &out, const QVariantMap &table)
{
    out += tandem::csv::Row({table.value(QStringLiteral("title")).toString().toStdString()});
    std::vector<std::string> heading;
    for (const QString &column : table.value(QStringLiteral("columns")).toStringList()) {
        heading.push_back(column.toStdString());
    }
    out += tandem::csv::Row(heading);
    for (const QVariant &item : table.value(QStringLiteral("rows")).toList()) {
        const QVariantMap row = item.toMap();
        std::vector<std::string> fields {
            row.value(QStringLiteral("label")).toString().toStdString()};
        for (const QVariant &cell : row.value(QStringLiteral("cells")).toList()) {
            fields.push_back(cellText(cell.toMap()));
        }
        out += tandem::csv::Row(fields);
    }
}

} // namespace

QString figureText(const QVariantMap &figure, const QString &unit)
{
    if (figure.value(QStringLiteral("suppressed")).toBool()) {
        return QObject::tr("fewer than 8");
    }
    const double value = figure.value(QStringLiteral("value")).toDouble();
    const QString number = QString::number(value, 'g', 10);
    return unit == QLatin1String("%") ? number + QLatin1Char('%') : number;
}

QByteArray csv(const QVariantMap &figures, const QString &tableId)
{
    std::string out(tandem::csv::kByteOrderMark);
    out += tandem::csv::Row({"Tandem programme figures",
        figures.value(QStringLiteral("scope")).toString().toStdString(),
        figures.value(QStringLiteral("period")).toString().toStdString()});
    if (tableId.isEmpty()) {
        out += tandem::csv::Row({"Headline", "This period", "Period before"});
        for (const QVariant &item : figures.value(QStringLiteral("headlines")).toList()) {
            const QVariantMap h = item.toMap();
            const QVariantMap previous = h.value(QStringLiteral("previous")).toMap();
            out += tandem::csv::Row({h.value(QStringLiteral("label")).toString().toStdString(),
                cellText(h.value(QStringLiteral("current")).toMap()),
                previous.value(QStringLiteral("missing")).toBool() ? "" : cellText(previous)});
        }
    }
    for (const QVariant &item : figures.value(QStringLiteral("tables")).toList()) {
        const QVariantMap table = item.toMap();
        if (!tableId.isEmpty() && table.value(QStringLiteral("id")).toString() != tableId) {
            continue;
        }
        out += "\r\n";
        appendTable(out, table);
    }
    out += "\r\n";
    out += tandem::csv::Row({kFootnote.toStdString()});
    return QByteArray::fromStdString(out);
}

QString fileName(const QVariantMap &figures, const QString &what, const QString &extension)
{
    return QStringLiteral("tandem-%1-%2.%3")
        .arg(what, figures.value(QStringLiteral("fromMonth")).toString(), extension);
}

bool writePdf(const QVariantMap &figures, const QString &path, QString *error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(144);
    writer.setTitle(QObject::tr("Tandem programme report"));
    writer.setCreator(QStringLiteral("Tandem"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QObject::tr("The report could not be saved there. Choose another folder.");
        return false;
    }
    const int width = writer.width();
    const int height = writer.height();
    int y = 0;
    const auto line = [&](const QString &text, int pointSize, bool bold, int indent = 0) {
        QFont font(QStringLiteral("DejaVu Sans"), pointSize);
        font.setBold(bold);
        painter.setFont(font);
        const QRect box(indent, y, width - indent, height - y);
        const QRect used = painter.boundingRect(box, Qt::TextWordWrap, text);
        painter.drawText(box, Qt::TextWordWrap, text);
        y += used.height() + pointSize / 2;
    };
    line(QObject::tr("Coaching and mentoring: programme report"), 16, true);
    line(QStringLiteral("%1 · %2 (compared with %3)")
             .arg(figures.value(QStringLiteral("scope")).toString(),
                 figures.value(QStringLiteral("period")).toString(),
                 figures.value(QStringLiteral("previousPeriod")).toString()),
        10, false);
    y += 10;
    // Headlines in two columns: label, this period, the period before.
    QFont body(QStringLiteral("DejaVu Sans"), 9);
    painter.setFont(body);
    const int rowHeight = painter.fontMetrics().height() + 6;
    const QVariantList headlines = figures.value(QStringLiteral("headlines")).toList();
    const int half = (static_cast<int>(headlines.size()) + 1) / 2;
    const int columnWidth = width / 2;
    for (int i = 0; i < headlines.size(); ++i) {
        const QVariantMap h = headlines[i].toMap();
        const QString unit = h.value(QStringLiteral("unit")).toString();
        const QVariantMap previous = h.value(QStringLiteral("previous")).toMap();
        const int x = i < half ? 0 : columnWidth;
        const int rowY = y + (i % half) * rowHeight;
        painter.setFont(body);
        painter.drawText(QRect(x, rowY, columnWidth * 3 / 5, rowHeight),
            Qt::AlignLeft | Qt::TextSingleLine,
            painter.fontMetrics().elidedText(h.value(QStringLiteral("label")).toString(),
                Qt::ElideRight, columnWidth * 3 / 5 - 8));
        QFont bold = body;
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRect(x + columnWidth * 3 / 5, rowY, columnWidth / 5, rowHeight),
            Qt::AlignLeft, figureText(h.value(QStringLiteral("current")).toMap(), unit));
        painter.setFont(body);
        if (!previous.value(QStringLiteral("missing")).toBool()) {
            painter.drawText(QRect(x + columnWidth * 4 / 5, rowY, columnWidth / 5, rowHeight),
                Qt::AlignLeft, QObject::tr("was %1").arg(figureText(previous, unit)));
        }
    }
    y += half * rowHeight + 20;
    // The main tables, as long as they fit on the page.
    for (const QVariant &item : figures.value(QStringLiteral("tables")).toList()) {
        const QVariantMap table = item.toMap();
        const QString id = table.value(QStringLiteral("id")).toString();
        if (id != QLatin1String("hours_by_month") && id != QLatin1String("sessions_by_month")
            && id != QLatin1String("time_to_match") && id != QLatin1String("goal_outcomes")
            && id != QLatin1String("pool")) {
            continue;
        }
        const QVariantList rows = table.value(QStringLiteral("rows")).toList();
        const QStringList columns = table.value(QStringLiteral("columns")).toStringList();
        if (y + (static_cast<int>(rows.size()) + 3) * rowHeight > height - 6 * rowHeight) {
            break;
        }
        line(table.value(QStringLiteral("title")).toString(), 10, true);
        const int cellWidth
            = columns.size() > 1 ? (width / 2) / static_cast<int>(columns.size() - 1) : 0;
        painter.setFont(body);
        for (int c = 1; c < columns.size(); ++c) {
            painter.drawText(QRect(width / 2 + (c - 1) * cellWidth, y, cellWidth, rowHeight),
                Qt::AlignLeft, columns[c]);
        }
        y += rowHeight;
        for (const QVariant &r : rows) {
            const QVariantMap row = r.toMap();
            painter.drawText(QRect(0, y, width / 2, rowHeight), Qt::AlignLeft,
                row.value(QStringLiteral("label")).toString());
            const QVariantList cells = row.value(QStringLiteral("cells")).toList();
            for (int c = 0; c < cells.size(); ++c) {
                painter.drawText(QRect(width / 2 + c * cellWidth, y, cellWidth, rowHeight),
                    Qt::AlignLeft,
                    figureText(cells[c].toMap(), table.value(QStringLiteral("unit")).toString()));
            }
            y += rowHeight;
        }
        y += rowHeight / 2;
    }
    y = std::max(y, height - 5 * rowHeight);
    line(kFootnote, 8, false);
    line(QObject::tr("Worked out %1 by Tandem.")
             .arg(figures.value(QStringLiteral("computedAt"))
                      .toDateTime()
                      .toString(QStringLiteral("d MMMM yyyy, HH:mm"))),
        8, false);
    return painter.end();
}

} // namespace FiguresExport
