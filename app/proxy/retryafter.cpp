#include "retryafter.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {
// A non-negative number, in milliseconds once multiplied by `toMs`; nullopt for anything else.
std::optional<qint64> duration(const QByteArray &text, double toMs)
{
    bool isNumber = false;
    const double value = text.toDouble(&isNumber);
    if (!isNumber || !(value >= 0)) // negative or NaN
        return std::nullopt;
    // Bounded before the cast, which is undefined beyond qint64; a billion seconds is far past
    // any wait anyone would take.
    return qint64(std::min(value * toMs, 1e12));
}

// An HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT", as milliseconds from `now` (0 if past).
std::optional<qint64> untilDate(const QByteArray &text, const QDateTime &now)
{
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(when));
}
}

RetryAfter::RetryAfter(QByteArray retryAfter, QByteArray retryAfterMs)
    : m_retryAfter(retryAfter.trimmed())
    , m_retryAfterMs(retryAfterMs.trimmed())
{
}

std::optional<qint64> RetryAfter::waitMs(const QDateTime &now) const
{
    if (!m_retryAfterMs.isEmpty()) {
        if (const auto wait = duration(m_retryAfterMs, 1))
            return wait;
    }
    if (m_retryAfter.isEmpty())
        return std::nullopt;
    if (const auto wait = duration(m_retryAfter, 1000))
        return wait;
    return untilDate(m_retryAfter, now);
}

HttpHeaders RetryAfter::headers() const
{
    HttpHeaders headers;
    if (!m_retryAfter.isEmpty())
        headers.append(HttpHeader("retry-after", m_retryAfter));
    if (!m_retryAfterMs.isEmpty())
        headers.append(HttpHeader("retry-after-ms", m_retryAfterMs));
    return headers;
}
