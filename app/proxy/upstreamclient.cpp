#include "upstreamclient.h"

#include "upstreamcall.h"

#include <algorithm>

UpstreamClient::UpstreamClient(UpstreamConnectionPool *pool, int connectTimeoutMs, int readTimeoutMs)
    : m_pool(pool)
    , m_connectTimeoutMs(connectTimeoutMs)
    , m_readTimeoutMs(readTimeoutMs)
{
}

UpstreamCall *UpstreamClient::post(const QUrl &url, const HttpHeaders &headers, const QByteArray &body, QObject *owner) const
{
    return start("POST", url, headers, &body, owner);
}

UpstreamCall *UpstreamClient::get(const QUrl &url, const HttpHeaders &headers, QObject *owner) const
{
    return start("GET", url, headers, nullptr, owner);
}

UpstreamClient UpstreamClient::withTimeouts(int connectTimeoutMs, int readTimeoutMs) const
{
    return UpstreamClient(m_pool, std::min(connectTimeoutMs, m_connectTimeoutMs), std::min(readTimeoutMs, m_readTimeoutMs));
}

UpstreamCall *UpstreamClient::start(const QByteArray &method, const QUrl &url, const HttpHeaders &headers,
                                    const QByteArray *body, QObject *owner) const
{
    const auto given = [&headers](QByteArrayView name) {
        return std::any_of(headers.cbegin(), headers.cend(),
                           [name](const HttpHeader &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
    };
    const bool tls = url.scheme() == QLatin1StringView("https");
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    if (url.port() != -1 && url.port() != (tls ? 443 : 80))
        host += ':' + QByteArray::number(url.port());
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();

    QByteArray request;
    request.reserve(512 + (body ? body->size() : 0));
    request += method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    if (!given("user-agent"))
        request += "User-Agent: ccbridge/" CCBRIDGE_VERSION "\r\n";
    if (!given("accept-encoding"))
        request += "Accept-Encoding: gzip, deflate\r\n";
    if (body) {
        if (!given("content-type"))
            request += "Content-Type: application/json\r\n";
        request += "Content-Length: " + QByteArray::number(body->size()) + "\r\n";
    }
    // A header given twice (a provider default, then the client's own) is sent once, with the
    // later value.
    HttpHeaders unique;
    for (const HttpHeader &header : headers) {
        if (header.first.compare("content-length", Qt::CaseInsensitive) == 0 || header.first.compare("host", Qt::CaseInsensitive) == 0)
            continue;
        // A line break in a configured header would smuggle in headers or a second request.
        if (header.first.contains('\n') || header.first.contains('\r') || header.second.contains('\n') || header.second.contains('\r'))
            continue;
        const auto same = std::find_if(unique.begin(), unique.end(), [&header](const HttpHeader &kept) {
            return kept.first.compare(header.first, Qt::CaseInsensitive) == 0;
        });
        if (same != unique.end())
            same->second = header.second;
        else
            unique.append(header);
    }
    for (const auto &[name, value] : std::as_const(unique))
        request += name + ": " + value + "\r\n";
    request += "\r\n";
    if (body)
        request += *body;
    return new UpstreamCall(m_pool, url, request, m_connectTimeoutMs, m_readTimeoutMs, owner);
}
