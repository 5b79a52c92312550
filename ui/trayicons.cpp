#include "trayicons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {
QPixmap tile(int size, const QColor &dot)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x2b, 0x3a, 0x55));
    painter.drawRoundedRect(QRectF(0, 0, s, s), s * 0.2, s * 0.2);

    // The bridge: an arch over a deck.
    QPen pen(QColor(0xf2, 0xf4, 0xf8), qMax(1.5, s * 0.09), Qt::SolidLine, Qt::RoundCap);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    QPainterPath arch;
    arch.moveTo(s * 0.16, s * 0.66);
    arch.quadTo(s * 0.5, s * 0.12, s * 0.84, s * 0.66);
    painter.drawPath(arch);
    painter.drawLine(QPointF(s * 0.12, s * 0.66), QPointF(s * 0.88, s * 0.66));
    painter.drawLine(QPointF(s * 0.5, s * 0.39), QPointF(s * 0.5, s * 0.66));

    if (dot.isValid()) {
        painter.setPen(QPen(QColor(0x2b, 0x3a, 0x55), qMax(1.0, s * 0.05)));
        painter.setBrush(dot);
        const qreal d = s * 0.42;
        painter.drawEllipse(QRectF(s - d, s - d, d, d));
    }
    return pixmap;
}

QIcon iconWithDot(const QColor &dot)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(tile(size, dot));
    return icon;
}
}

QIcon TrayIcons::forState(ProxyController::State state)
{
    switch (state) {
    case ProxyController::State::Running: return iconWithDot(QColor(0x2e, 0xc2, 0x7e));
    case ProxyController::State::Starting: return iconWithDot(QColor(0xf5, 0xa6, 0x23));
    case ProxyController::State::Error: return iconWithDot(QColor(0xe0, 0x1b, 0x24));
    case ProxyController::State::Stopped: return iconWithDot(QColor(0x9a, 0x9a, 0x9a));
    }
    return application();
}

QIcon TrayIcons::application()
{
    // The installed icon (packaging/icons, in the hicolor theme) where there is one; the same
    // drawing made here when run from a build.
    return QIcon::fromTheme(QStringLiteral("io.github.ccbridge.CCBridge"), iconWithDot(QColor()));
}
