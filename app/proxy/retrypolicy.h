#pragma once

#include "config/proxyconfig.h"

#include <QByteArray>
#include <QDateTime>

#include <functional>
#include <optional>

// When a failed upstream attempt is worth repeating, and after how long: exponential backoff
// with full jitter, or the upstream's Retry-After when it gives one, bounded in attempts and
// in total waiting. Only used while nothing has been sent to the client.
class RetryPolicy
{
public:
    explicit RetryPolicy(RetryLimits limits, std::function<double()> random = {});

    // Whether an upstream status is worth another attempt: rate limits and overloads.
    static bool isRetryableStatus(int status);

    // The wait before attempt number `attempt + 1` after a failure with `status` (0 for a
    // connection failure) and the upstream's Retry-After header; nullopt to give up.
    std::optional<int> delayBeforeRetry(int attempt, int status, const QByteArray &retryAfter,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Records a wait that was actually taken.
    void spend(int delayMs) { m_waitedMs += delayMs; }

    // Retry-After as milliseconds: delta-seconds or an HTTP date; nullopt if unreadable.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

private:
    RetryLimits m_limits;
    std::function<double()> m_random; // in [0, 1)
    int m_waitedMs = 0;
};
