#pragma once

#include <QAccessible>
#include <QLabel>
#include <QStringList>
#include <QWidget>

// The visible controls under `root` that take focus but have no accessible name, each as
// "objectName (ClassName)": what a screen reader would announce as a bare "combo box".
// Labels are left out: their name is their text, and they are read, not operated.
// Header-only because the test support library does not link Widgets.
inline QStringList unnamedControls(const QWidget &root)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        // A widget whose focus goes to the widget around it (a spin box's line edit) is
        // announced as that one. One that hands its focus down (a tab widget to its tab bar) is
        // still announced itself, as assistive technology sees over AT-SPI.
        const QWidget *proxy = widget->focusProxy();
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible() || (proxy && proxy->isAncestorOf(widget))
            || qobject_cast<QLabel *>(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(widget->objectName(),
                                                     QString::fromLatin1(widget->metaObject()->className()));
    }
    return unnamed;
}
