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
        // A widget with a focus proxy (a spin box's line edit) hands its focus to the proxy,
        // which is what gets announced and is checked on its own.
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible() || widget->focusProxy()
            || qobject_cast<QLabel *>(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(widget->objectName(),
                                                     QString::fromLatin1(widget->metaObject()->className()));
    }
    return unnamed;
}
