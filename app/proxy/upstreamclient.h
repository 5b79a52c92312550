#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkRequest;
class QObject;
class UpstreamCall;

// Starts requests to providers on an injected network access manager (TLS, HTTP/2 where
// offered, the system proxy settings), with the configured timeouts.
class UpstreamClient
{
public:
    UpstreamClient(QNetworkAccessManager *network, int connectTimeoutMs, int readTimeoutMs);

    // POSTs `body` as JSON. The call belongs to `owner`: deleting the owner aborts it.
    UpstreamCall *post(const QUrl &url, const HttpHeaders &headers,
                       const QByteArray &body, QObject *owner) const;
    UpstreamCall *get(const QUrl &url, const HttpHeaders &headers, QObject *owner) const;

private:
    QNetworkRequest request(const QUrl &url, const HttpHeaders &headers) const;

    QNetworkAccessManager *m_network;
    int m_connectTimeoutMs;
    int m_readTimeoutMs;
};
