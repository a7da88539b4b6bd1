#pragma once

#include <QString>
#include <QVariantMap>

/// The programme's figures as files, from the same map the Figures page
/// shows (ActivityBackend): every table as CSV (shared/csv.h: RFC 4180,
/// UTF-8 with a byte-order mark, suppressed cells as "*" with a footnote),
/// and a one-page report for a board as PDF.
namespace FiguresExport {

/// A figure in words: "fewer than 8" when suppressed, "12", "4.3", "40%".
QString figureText(const QVariantMap &figure, const QString &unit);
/// One table (`tableId`), or every table one after another when empty.
QByteArray csv(const QVariantMap &figures, const QString &tableId = QString());
/// Writes the one-page report; false (with `error` in words) if it cannot.
bool writePdf(const QVariantMap &figures, const QString &path, QString *error);
/// "tandem-figures-2026-07.csv" and the like.
QString fileName(const QVariantMap &figures, const QString &what, const QString &extension);

} // namespace FiguresExport
