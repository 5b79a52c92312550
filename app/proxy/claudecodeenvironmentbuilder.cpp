#include "claudecodeenvironmentbuilder.h"

#include "proxy/router.h"

QUrl ClaudeCodeEnvironmentBuilder::baseUrlOf(const QHostAddress &address, quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.isEqual(QHostAddress::AnyIPv4) || address.isEqual(QHostAddress::Any) ? QStringLiteral("127.0.0.1")
                                                                                             : address.toString());
    url.setPort(port);
    return url;
}

QUrl ClaudeCodeEnvironmentBuilder::baseUrlOf(const ProxyConfig &config)
{
    return baseUrlOf(config.listenAddress, config.port);
}

ClaudeCodeEnvironment ClaudeCodeEnvironmentBuilder::build(const ProxyConfig &config)
{
    return build(baseUrlOf(config), config, config.clientToken);
}

ClaudeCodeEnvironment ClaudeCodeEnvironmentBuilder::build(const QUrl &baseUrl, const ProxyConfig &config,
                                                          const QString &clientToken)
{
    ClaudeCodeEnvironment environment;
    environment.baseUrl = baseUrl.toString();
    environment.authToken = clientToken.isEmpty() ? QStringLiteral("ccbridge") : clientToken;
    // The main conversation runs on the opus or sonnet route: the smaller window of the two is
    // the one compaction must respect.
    const Router router(config, config.routes);
    for (const QString &family : {QStringLiteral("opus"), QStringLiteral("sonnet")}) {
        const std::optional<Route> route = router.route(family);
        if (route && route->contextWindow > 0
            && (environment.mainContextWindow == 0 || route->contextWindow < environment.mainContextWindow)) {
            environment.mainContextWindow = route->contextWindow;
            environment.mainModel = route->upstreamModel;
        }
    }
    return environment;
}
