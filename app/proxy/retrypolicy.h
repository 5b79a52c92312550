#pragma once

#include "config/proxyconfig.h"

#include <QDateTime>

#include <functional>
#include <optional>

class RetryAfter;

// When a failed upstream attempt is worth repeating, and after how long: exponential backoff
// with full jitter, or the upstream's Retry-After when it gives one. Only short waits are
// taken: a client sees nothing while the proxy waits, and Claude Code has a retry of its own
// that shows its countdown, so a long Retry-After goes to a fallback or back to the client at
// once. Only used while nothing has been sent to the client.
class RetryPolicy
{
public:
    explicit RetryPolicy(RetryLimits limits, std::function<double()> random = {});

    // Whether an upstream status is worth another attempt: rate limits and overloads.
    static bool isRetryableStatus(int status);

    // The wait before attempt number `attempt + 1` after a failure with `status` (0 for a
    // connection failure) and the upstream's `retryAfter`, when the request arrived
    // `elapsedMs` ago; nullopt to give up.
    std::optional<int> delayBeforeRetry(int attempt, int status, const RetryAfter &retryAfter, qint64 elapsedMs,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    RetryLimits m_limits;
    std::function<double()> m_random; // in [0, 1)
};
