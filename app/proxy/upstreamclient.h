#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QUrl>

class QObject;
class UpstreamCall;
class UpstreamConnectionPool;

// Starts requests to providers over an injected connection pool, with the configured
// timeouts. Each request goes out as HTTP/1.1, head and body in one write.
class UpstreamClient
{
public:
    UpstreamClient(UpstreamConnectionPool *pool, int connectTimeoutMs, int readTimeoutMs);

    // POSTs `body` as JSON. The call belongs to `owner`: deleting the owner aborts it.
    UpstreamCall *post(const QUrl &url, const HttpHeaders &headers,
                       const QByteArray &body, QObject *owner) const;
    UpstreamCall *get(const QUrl &url, const HttpHeaders &headers, QObject *owner) const;
    // The same pool with other timeouts, each at most this client's.
    UpstreamClient withTimeouts(int connectTimeoutMs, int readTimeoutMs) const;

private:
    UpstreamCall *start(const QByteArray &method, const QUrl &url, const HttpHeaders &headers,
                        const QByteArray *body, QObject *owner) const;

    UpstreamConnectionPool *m_pool;
    int m_connectTimeoutMs;
    int m_readTimeoutMs;
};
