#include "upstreamclient.h"

#include "upstreamcall.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

UpstreamClient::UpstreamClient(QNetworkAccessManager *network, int connectTimeoutMs, int readTimeoutMs)
    : m_network(network)
    , m_connectTimeoutMs(connectTimeoutMs)
    , m_readTimeoutMs(readTimeoutMs)
{
}

UpstreamCall *UpstreamClient::post(const QUrl &url, const HttpHeaders &headers,
                                   const QByteArray &body, QObject *owner) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ccbridge/" CCBRIDGE_VERSION));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    // Each request has its own timeouts; Qt's whole-transfer timeout would cut long streams.
    request.setTransferTimeout(0);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return new UpstreamCall(m_network->post(request, body), m_connectTimeoutMs, m_readTimeoutMs, owner);
}
