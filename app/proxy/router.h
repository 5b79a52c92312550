#pragma once

#include "config/proxyconfig.h"

#include <QRegularExpression>
#include <QStringList>

#include <optional>

// Where a request goes: the provider and the upstream model for the model the client named.
struct Route
{
    const ProviderConfig *provider = nullptr;
    QString upstreamModel;
    int maxOutputTokens = 0; // 0 = no cap
};

// Maps requested model names to routes: the first route whose glob matches wins; a name
// that matches no glob but is some route's upstream model goes to that route's provider.
class Router
{
public:
    explicit Router(const ProxyConfig &config);

    std::optional<Route> route(const QString &requestedModel) const;
    // The model names clients can use: routes' literal names and the upstream models.
    QStringList modelNames() const;

private:
    Route routeFor(const ModelRoute &modelRoute) const;

    const ProxyConfig &m_config;
    QList<QRegularExpression> m_patterns; // one per config route
};
