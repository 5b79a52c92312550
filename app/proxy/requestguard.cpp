#include "requestguard.h"

#include "config/proxyconfig.h"
#include "http/httprequest.h"

#include <QRegularExpression>

namespace {
// The host of a Host header, lower case and without brackets or port ("[::1]:8765" → "::1");
// empty when it is no host. The port is not checked: a forwarded port (ssh -L, docker -p)
// reaches the proxy under another one, and what rebinding changes is the name.
QString hostName(QByteArrayView header)
{
    static const QRegularExpression form(
        QRegularExpression::anchoredPattern(QStringLiteral(R"((?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::[0-9]*)?)")));
    const QRegularExpressionMatch match = form.match(QString::fromLatin1(header).toLower());
    if (!match.hasMatch())
        return {};
    return match.hasCaptured(1) ? match.captured(1) : match.captured(2);
}

bool isJson(const QByteArray &contentType)
{
    const qsizetype parameters = contentType.indexOf(';');
    const QByteArray mediaType = (parameters < 0 ? contentType : contentType.left(parameters)).trimmed();
    return mediaType.compare("application/json", Qt::CaseInsensitive) == 0;
}
}

RequestGuard::RequestGuard(const ProxyConfig &config)
    : m_listenAddress(config.listenAddress)
    , m_allowedHosts(config.allowedHosts)
    , m_corsOrigins(config.corsOrigins)
{
}

std::optional<ApiError> RequestGuard::refusal(const HttpRequest &request) const
{
    // No Host at all is an HTTP/1.0 client (the parser refuses HTTP/1.1 without one): no browser.
    const QByteArray host = request.header("host");
    if (!host.isEmpty() && host != m_lastAllowedHost && !allowsHost(host))
        return ApiError::fromStatus(403, tr("CC Bridge answers only requests addressed to it, and \"Host: %1\" is not "
                                            "localhost, a loopback address or the address it listens on. If clients "
                                            "reach it under that name, add the name to allowedHosts in the "
                                            "configuration.")
                                             .arg(QString::fromLatin1(host)));
    // A client sends the same Host on every request: the name is parsed and checked once.
    m_lastAllowedHost = host;
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && !allowsOrigin(origin))
        return ApiError::fromStatus(403, tr("Requests from web pages are refused: the origin %1 is not in corsOrigins "
                                            "in the configuration.")
                                             .arg(QString::fromLatin1(origin)));
    if (request.method == "POST" && !isJson(request.header("content-type")))
        return ApiError::fromStatus(415, tr("Send the request body as JSON, with Content-Type: application/json (this "
                                            "request's Content-Type: \"%1\").")
                                             .arg(QString::fromLatin1(request.header("content-type"))));
    return std::nullopt;
}

bool RequestGuard::allowsOrigin(QByteArrayView origin) const
{
    return allowsAnyOrigin() || m_corsOrigins.contains(QString::fromUtf8(origin));
}

bool RequestGuard::allowsAnyOrigin() const
{
    return m_corsOrigins.contains(QStringLiteral("*"));
}

bool RequestGuard::allowsHost(QByteArrayView hostHeader) const
{
    if (m_allowedHosts.contains(QStringLiteral("*")))
        return true;
    const QString name = hostName(hostHeader);
    if (name.isEmpty())
        return false;
    if (name == QLatin1StringView("localhost") || m_allowedHosts.contains(name, Qt::CaseInsensitive))
        return true;
    const QHostAddress address(name);
    if (address.isNull())
        return false;
    const bool listensEverywhere = m_listenAddress == QHostAddress::Any || m_listenAddress == QHostAddress::AnyIPv4
                                   || m_listenAddress == QHostAddress::AnyIPv6;
    return address.isLoopback() || listensEverywhere || address.isEqual(m_listenAddress);
}
