#pragma once

#include <QObject>
#include <QQmlEngine>

/// Copies text to the system clipboard (QML has no API for it in Qt 6.4).
class Clipboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    Q_INVOKABLE void setText(const QString &text);
    Q_INVOKABLE QString text() const;
};
