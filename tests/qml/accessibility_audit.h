#pragma once

#include <QStringList>

class QQuickItem;

/// Walks the visible item tree under `root` as a screen reader, a finger
/// and an eye would meet it, and lists each problem in a sentence:
/// - an interactive item (button, field, drop-down) without an accessible
///   name, or (on a phone) smaller than 44 × 44 px;
/// - a text cut short (elided or past its line limit);
/// - text or a control running past the right edge of the window or of a
///   clipping ancestor (nothing here scrolls sideways);
/// - text drawn over a sibling that also shows something (siblings stacked
///   on purpose declare a different z);
/// - text under 4.5:1 contrast with what it is drawn on (3:1 for large text),
///   the background being the nearest opaque rectangle, control background
///   or window behind it;
/// - a visible string that looks like an address, an id, or a snake_case or
///   ENUM_CASE name.
QStringList auditAccessibility(QQuickItem *root, bool phone);
