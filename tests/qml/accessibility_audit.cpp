#include "accessibility_audit.h"

#include <QAccessible>
#include <QColor>
#include <QFont>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace {

constexpr qreal kMinTarget = 44.0;

bool isInteractive(const QQuickItem *item)
{
    if (item->inherits("QQuickAbstractButton") || item->inherits("QQuickComboBox")
        || item->inherits("QQuickSlider") || item->inherits("QQuickSpinBox")) {
        return true;
    }
    if (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit")) {
        // A spin box's text is part of the spin box, which is checked itself.
        const QQuickItem *parent = item->parentItem();
        return !item->property("readOnly").toBool()
            && !(parent && parent->inherits("QQuickSpinBox"));
    }
    return false;
}

bool isText(const QQuickItem *item)
{
    return item->inherits("QQuickText") && !item->property("text").toString().isEmpty();
}

QString describe(const QQuickItem *item)
{
    QString name = item->objectName();
    if (name.isEmpty()) {
        name = QString::fromLatin1(item->metaObject()->className()).section(QLatin1Char('_'), 0, 0);
    }
    const QString text = item->property("text").toString().left(60);
    const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    QString where = QStringLiteral("%1 at %2,%3 %4×%5")
                        .arg(name)
                        .arg(qRound(r.x()))
                        .arg(qRound(r.y()))
                        .arg(qRound(r.width()))
                        .arg(qRound(r.height()));
    if (!text.isEmpty()) {
        where += QStringLiteral(" \"%1\"").arg(text);
    }
    for (const QQuickItem *up = item->parentItem(); up; up = up->parentItem()) {
        if (!up->objectName().isEmpty()) {
            return where + QStringLiteral(" in ") + up->objectName();
        }
    }
    return where;
}

QRectF sceneRect(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

qreal effectiveOpacity(const QQuickItem *item)
{
    qreal opacity = 1;
    for (; item; item = item->parentItem()) {
        opacity *= item->opacity();
    }
    return opacity;
}

std::optional<QColor> opaqueColourOf(const QQuickItem *item)
{
    if (item && item->isVisible() && item->inherits("QQuickRectangle")) {
        const QColor colour = item->property("color").value<QColor>();
        if (colour.alpha() == 255 && item->opacity() >= 1.0) {
            return colour;
        }
    }
    return std::nullopt;
}

/// The colour behind `text`: the nearest opaque rectangle among its
/// ancestors, an ancestor control's background, or the window.
QColor backgroundOf(const QQuickItem *text)
{
    for (const QQuickItem *up = text->parentItem(); up; up = up->parentItem()) {
        if (auto colour = opaqueColourOf(up)) {
            return *colour;
        }
        const QVariant background = up->property("background");
        if (background.isValid()) {
            const auto *item = background.value<QQuickItem *>();
            if (item && item != text && item->isVisible()) {
                // A background's own visible children (a focus mark) lie on top.
                const auto children = item->childItems();
                for (auto it = children.crbegin(); it != children.crend(); ++it) {
                    if ((*it)->z() < 0) {
                        continue; // drawn behind it (a focus ring)
                    }
                    auto colour = opaqueColourOf(*it);
                    if (colour && sceneRect(*it).contains(sceneRect(text).center())) {
                        return *colour;
                    }
                }
                if (auto colour = opaqueColourOf(item)) {
                    return *colour;
                }
            }
        }
    }
    return text->window() ? text->window()->color() : QColor(Qt::white);
}

qreal luminance(const QColor &colour)
{
    auto channel
        = [](qreal c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

QColor blend(const QColor &top, qreal alpha, const QColor &under)
{
    return QColor::fromRgbF(top.redF() * alpha + under.redF() * (1 - alpha),
        top.greenF() * alpha + under.greenF() * (1 - alpha),
        top.blueF() * alpha + under.blueF() * (1 - alpha));
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

qreal pixelSizeOf(const QFont &font)
{
    return font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96.0 / 72.0;
}

bool showsSomething(const QQuickItem *item, int depth = 0)
{
    if (!item->isVisible() || item->opacity() <= 0 || item->width() <= 0 || item->height() <= 0) {
        return false;
    }
    if (isText(item) || isInteractive(item)) {
        return true;
    }
    if (depth > 6) {
        return false;
    }
    const auto children = item->childItems();
    return std::any_of(children.begin(), children.end(),
        [depth](const QQuickItem *child) { return showsSomething(child, depth + 1); });
}

void checkStrings(const QQuickItem *item, QStringList &problems)
{
    static const QRegularExpression address(QStringLiteral(
        "\\b\\d{1,3}(\\.\\d{1,3}){3}\\b|\\blocalhost\\b|\\b[\\w.-]+:\\d{4,5}\\b|https?://"));
    static const QRegularExpression id(
        QStringLiteral("\\b(id|concern|session|request|relationship|account|profile|organisation|"
                       "member)\\s+#?\\d+\\b(?!\\s+of\\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression snake(
        QStringLiteral("\\b[a-z]+_[a-z0-9_]+\\b|\\b[A-Z]+_[A-Z_]+\\b"));
    const QString text = item->property("text").toString();
    // What a person typed is theirs; what the app shows is checked.
    if (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit")) {
        return;
    }
    if (address.match(text).hasMatch()) {
        problems << QStringLiteral("an address is shown: ") + describe(item);
    } else if (id.match(text).hasMatch()) {
        problems << QStringLiteral("an id is shown: ") + describe(item);
    } else if (snake.match(text).hasMatch()) {
        problems << QStringLiteral("a field or enum name is shown: ") + describe(item);
    }
}

void checkText(const QQuickItem *item, QStringList &problems)
{
    // A preview held to a few lines on purpose (the whole text is a tap
    // away) may end in an ellipsis; any other text must fit.
    const bool preview
        = item->property("maximumLineCount").toInt() < std::numeric_limits<int>::max();
    if (item->property("truncated").toBool() && !preview) {
        problems << QStringLiteral("text is cut short: ") + describe(item);
    }
    const qreal opacity = effectiveOpacity(item);
    if (opacity <= 0) {
        return;
    }
    const QColor background = backgroundOf(item);
    QColor colour = item->property("color").value<QColor>();
    colour = blend(colour, colour.alphaF() * opacity, background);
    const QFont font = item->property("font").value<QFont>();
    const qreal size = pixelSizeOf(font);
    const bool large = size >= 24 || (font.weight() >= QFont::DemiBold && size >= 18.66);
    const qreal needed = large ? 3.0 : 4.5;
    const qreal ratio = contrast(colour, background);
    if (ratio + 1e-6 < needed) {
        problems << QStringLiteral("contrast %1:1 (needs %2:1) of %3 on %4: ")
                        .arg(ratio, 0, 'f', 2)
                        .arg(needed, 0, 'f', 1)
                        .arg(colour.name(), background.name())
                + describe(item);
    }
    checkStrings(item, problems);
}

void checkOverlaps(const QQuickItem *parent, QStringList &problems)
{
    // A control's background, content and indicator lie over each other by design.
    if (parent->inherits("QQuickControl") || parent->inherits("QQuickStackLayout")) {
        return;
    }
    QList<const QQuickItem *> shown;
    for (const QQuickItem *child : parent->childItems()) {
        if (showsSomething(child)) {
            shown << child;
        }
    }
    for (int i = 0; i < shown.size(); ++i) {
        for (int j = i + 1; j < shown.size(); ++j) {
            if (shown[i]->z() != shown[j]->z()) {
                continue;
            }
            const QRectF overlap = sceneRect(shown[i]).intersected(sceneRect(shown[j]));
            if (overlap.width() > 2 && overlap.height() > 2) {
                problems
                    << QStringLiteral("%1 overlaps %2").arg(describe(shown[i]), describe(shown[j]));
            }
        }
    }
}

/// Whether `item` scrolls sideways (its content may run past its edge).
bool scrollsSideways(const QQuickItem *item)
{
    return item->inherits("QQuickFlickable")
        && item->property("contentWidth").toReal() > item->width() + 1;
}

// `clipRight`: the right edge (scene) of the window or of the nearest
// clipping ancestor; nothing may run past it, for there is no scrolling
// sideways to bring it into view.
void walk(const QQuickItem *item, bool phone, qreal clipRight, QStringList &problems)
{
    if (!item->isVisible() || item->opacity() <= 0) {
        return;
    }
    const QRectF rect = sceneRect(item);
    if ((isText(item) || isInteractive(item)) && rect.width() > 0 && rect.height() > 0
        && rect.right() > clipRight + 1) {
        problems << QStringLiteral("runs off the side (to x %1, the edge is at %2): ")
                        .arg(qRound(rect.right()))
                        .arg(qRound(clipRight))
                + describe(item);
    }
    if (scrollsSideways(item)) {
        clipRight = std::numeric_limits<qreal>::max();
    } else if (item->clip()) {
        clipRight = std::min(clipRight, rect.right());
    }
    if (isInteractive(item)) {
        QAccessibleInterface *iface
            = QAccessible::queryAccessibleInterface(const_cast<QQuickItem *>(item));
        QString name = iface ? iface->text(QAccessible::Name) : QString();
        // Qt Quick Controls name a button by its text once a screen reader
        // is running (there is none offscreen to start that).
        if (name.isEmpty() && item->inherits("QQuickAbstractButton")) {
            name = item->property("text").toString();
        }
        if (name.trimmed().isEmpty()) {
            problems << QStringLiteral("no accessible name: ") + describe(item);
        }
        if (phone && (item->width() < kMinTarget || item->height() < kMinTarget)) {
            problems << QStringLiteral("touch target under 44×44: ") + describe(item);
        }
    }
    if (isText(item)) {
        checkText(item, problems);
    }
    checkOverlaps(item, problems);
    for (const QQuickItem *child : item->childItems()) {
        walk(child, phone, clipRight, problems);
    }
}

} // namespace

QStringList auditAccessibility(QQuickItem *root, bool phone)
{
    QStringList problems;
    if (root != nullptr) {
        walk(root, phone, sceneRect(root).right(), problems);
    }
    problems.removeDuplicates();
    return problems;
}
