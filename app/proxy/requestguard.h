#pragma once

#include "protocol/anthropic/apierror.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

#include <optional>

struct HttpRequest;
struct ProxyConfig;

// Keeps web pages from spending the user's credits. Any page in the user's browser can send a
// "simple" cross-site POST (text/plain, no preflight) to 127.0.0.1, and through DNS rebinding
// (its own name resolving to 127.0.0.1) even read the answer; either would reach the provider
// with the stored key. So a request is served only when
// - its Host is the proxy: localhost, a loopback address, the listen address (any address when
//   listening on all of them: a literal address cannot be rebound) or a name in allowedHosts;
// - it has no Origin (not from a page) or one in corsOrigins;
// - a POST carries application/json, which a page cannot send cross-site without a preflight.
class RequestGuard
{
    Q_DECLARE_TR_FUNCTIONS(RequestGuard)

public:
    explicit RequestGuard(const ProxyConfig &config);

    // Why `request` is refused, or nullopt when it may be served.
    std::optional<ApiError> refusal(const HttpRequest &request) const;
    // Whether a page from `origin` may call the proxy and read its answers.
    bool allowsOrigin(QByteArrayView origin) const;
    bool allowsAnyOrigin() const;

private:
    bool allowsHost(QByteArrayView hostHeader) const;

    QHostAddress m_listenAddress;
    QStringList m_allowedHosts;
    mutable QByteArray m_lastAllowedHost;
    QStringList m_corsOrigins;
};
