#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

// When an upstream asks to be tried again: its `retry-after-ms` header (milliseconds, sent by
// OpenAI and Anthropic; preferred, it is the more precise) or its `Retry-After` (delta-seconds
// or an HTTP date). Kept as sent, so that an answer passed on to the client carries the same
// headers and the client's own retry waits as long as the upstream asked.
class RetryAfter
{
public:
    RetryAfter() = default;
    RetryAfter(QByteArray retryAfter, QByteArray retryAfterMs);

    // The wait asked for, in milliseconds from `now`; nullopt when neither header is readable.
    std::optional<qint64> waitMs(const QDateTime &now) const;
    // The headers as the upstream sent them, those it did not send left out.
    HttpHeaders headers() const;

private:
    QByteArray m_retryAfter;
    QByteArray m_retryAfterMs;
};
