#include "requestlogprinter.h"

#include "requestlog.h"

RequestLogPrinter::RequestLogPrinter(const RequestLog *log, FILE *stream, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_stream(stream)
{
    connect(log, &RequestLog::finished, this, [this](quint64 id) {
        if (const RequestRecord *record = m_log->find(id)) {
            std::fputs(format(*record).toUtf8().append('\n').constData(), m_stream);
            std::fflush(m_stream);
        }
    });
}

QString RequestLogPrinter::format(const RequestRecord &record)
{
    // Local time as ISO 8601 without the offset, however the time holds its zone.
    QString line = record.startedAt.date().toString(Qt::ISODate) + QLatin1Char('T')
                   + record.startedAt.time().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + record.method
                   + QLatin1Char(' ') + record.path;
    if (!record.clientModel.isEmpty()) {
        line += QLatin1Char(' ') + record.clientModel + QStringLiteral(" → ");
        line += record.provider.isEmpty() ? QStringLiteral("?") : record.provider + QLatin1Char('/') + record.upstreamModel;
    }
    line += QLatin1Char(' ') + QString::number(record.status) + QLatin1Char(' ') + QString::number(record.durationMs)
            + QStringLiteral("ms");
    if (record.firstByteMs >= 0)
        line += QStringLiteral(" ttfb=") + QString::number(record.firstByteMs) + QStringLiteral("ms");
    if (record.usage.reported || record.usage.input > 0)
        line += QStringLiteral(" tokens in=%1 out=%2 cached=%3")
                    .arg(record.usage.input)
                    .arg(record.usage.output)
                    .arg(record.usage.cacheRead);
    if (record.attempts > 1)
        line += QStringLiteral(" attempts=") + QString::number(record.attempts);
    if (!record.notes.isEmpty())
        line += QStringLiteral(" [") + record.notes.join(QStringLiteral("; ")) + QLatin1Char(']');
    if (!record.error.isEmpty())
        line += QStringLiteral(" error: ") + record.error;
    return line;
}
