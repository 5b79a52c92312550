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

QNetworkRequest UpstreamClient::request(const QUrl &url, const HttpHeaders &headers) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ccbridge/" CCBRIDGE_VERSION));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    // Each request has its own timeouts; Qt's whole-transfer timeout would cut long streams.
    request.setTransferTimeout(0);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return request;
}

UpstreamCall *UpstreamClient::post(const QUrl &url, const HttpHeaders &headers, const QByteArray &body, QObject *owner) const
{
    return new UpstreamCall(m_network->post(request(url, headers), body), m_connectTimeoutMs, m_readTimeoutMs, owner);
}

UpstreamCall *UpstreamClient::get(const QUrl &url, const HttpHeaders &headers, QObject *owner) const
{
    return new UpstreamCall(m_network->get(request(url, headers)), m_connectTimeoutMs, m_readTimeoutMs, owner);
}
