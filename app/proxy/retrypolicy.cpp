#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

RetryPolicy::RetryPolicy(RetryLimits limits, std::function<double()> random)
    : m_limits(limits)
    , m_random(random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); })
{
}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 0 || status == 429 || status == 502 || status == 503 || status == 529;
}

std::optional<int> RetryPolicy::delayBeforeRetry(int attempt, int status, const QByteArray &retryAfter,
                                                 const QDateTime &now)
{
    if (attempt >= m_limits.maxAttempts || !isRetryableStatus(status))
        return std::nullopt;
    qint64 delay;
    if (const auto asked = parseRetryAfter(retryAfter, now)) {
        // The upstream said when; waiting less would only be refused again.
        delay = *asked;
    } else {
        // Full jitter: spreads the retries of many clients hit by the same outage.
        const double ceiling = std::min<double>(m_limits.maxDelayMs, m_limits.baseDelayMs * std::pow(2.0, attempt - 1));
        delay = qint64(m_random() * ceiling);
    }
    if (delay > m_limits.maxDelayMs || m_waitedMs + delay > m_limits.maxTotalWaitMs)
        return std::nullopt;
    return int(delay);
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const double seconds = text.toDouble(&isNumber);
    if (isNumber) {
        if (!(seconds >= 0)) // negative or NaN
            return std::nullopt;
        // Bounded before the cast, which is undefined beyond qint64; a billion seconds is far
        // past any wait we would take.
        return qint64(std::min(seconds, 1e9) * 1000);
    }
    // An HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(utc));
}
