#include "statusline.h"

#include <QStringList>

namespace {
// Between the parts of the line, as Claude Code's own status line separates them.
const QString separator = QStringLiteral(" · ");
}

QString StatusLine::running(const std::optional<LastRequest> &last, const Today &today)
{
    QStringList parts;
    if (!last) {
        parts << tr("CC Bridge: no requests yet");
    } else {
        const QString served = last->provider + QLatin1Char('/') + last->upstreamModel;
        parts << (last->status >= 400 ? tr("%1 failed (%2)").arg(served).arg(last->status) : served);
        parts << (last->durationMs < 1000 ? tr("%1 ms").arg(last->durationMs)
                                          : tr("%1 s").arg(double(last->durationMs) / 1000.0, 0, 'f', 1));
    }
    QString usage = tr("today %1 tokens").arg(shortCount(today.tokens));
    if (today.costUsd)
        usage += separator + QStringLiteral("$%1").arg(*today.costUsd, 0, 'f', 2);
    parts << usage;
    return parts.join(separator);
}

QString StatusLine::notRunning(const QUrl &baseUrl)
{
    return tr("CC Bridge is not running at %1").arg(baseUrl.toString());
}

QString StatusLine::tokenRefused(const QUrl &baseUrl)
{
    return tr("CC Bridge at %1 refused the client token").arg(baseUrl.toString());
}

QString StatusLine::shortCount(qint64 count)
{
    if (count < 1000)
        return QString::number(count);
    if (count < 1'000'000)
        return QStringLiteral("%1K").arg(double(count) / 1e3, 0, 'f', 1);
    return QStringLiteral("%1M").arg(double(count) / 1e6, 0, 'f', 2);
}
