#include "retrypolicy.h"

#include "proxy/retryafter.h"

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

std::optional<int> RetryPolicy::delayBeforeRetry(int attempt, int status, const RetryAfter &retryAfter,
                                                 qint64 elapsedMs, const QDateTime &now) const
{
    if (attempt >= m_limits.maxAttempts || !isRetryableStatus(status))
        return std::nullopt;
    qint64 delay;
    if (const auto asked = retryAfter.waitMs(now)) {
        // The upstream said when; waiting less would only be refused again.
        delay = *asked;
    } else {
        // Full jitter: spreads the retries of many clients hit by the same outage.
        const double ceiling = std::min<double>(m_limits.maxDelayMs, m_limits.baseDelayMs * std::pow(2.0, attempt - 1));
        delay = qint64(m_random() * ceiling);
    }
    // The client has been waiting since the request arrived, through every attempt and wait.
    if (delay > m_limits.maxDelayMs || elapsedMs + delay > m_limits.maxTotalWaitMs)
        return std::nullopt;
    return int(delay);
}
