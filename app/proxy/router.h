#pragma once

#include "config/proxyconfig.h"
#include "proxy/requesttraits.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

// Where a request goes: the provider and the upstream model.
struct Route
{
    const ProviderConfig *provider = nullptr;
    QString upstreamModel;
    int maxOutputTokens = 0; // 0 = no cap
    int contextWindow = 0;   // tokens; 0 = unknown
    bool takesImages = true;
};

// Picks the providers and models for a request: an explicit "provider,model" (or
// "provider/model" when the prefix names a configured provider) as Claude Code's /model
// command can send; else the first route whose scenario holds and whose glob matches; else a
// route whose upstream model is the requested name. The result lists the fallbacks after the
// chosen route.
class Router
{
public:
    Router(const ProxyConfig &config, const QList<ModelRoute> &routes);

    QList<Route> plan(const RequestTraits &traits) const;
    // The route that describes images for `requestedModel`'s routes whose model takes none:
    // the first with "when": "vision" whose glob matches.
    std::optional<Route> visionRoute(const QString &requestedModel) const;
    // The first choice for a bare model name (no scenario).
    std::optional<Route> route(const QString &requestedModel) const;
    // The model names clients can use: routes' literal names and the upstream models.
    QStringList modelNames() const;

private:
    bool scenarioHolds(const QString &when, const RequestTraits &traits) const;
    QList<Route> withFallbacks(const ModelRoute &modelRoute) const;
    Route routeTo(const QString &providerName, const QString &model, int routeCap = 0, int routeWindow = 0,
                  std::optional<bool> routeImages = std::nullopt) const;

    const ProxyConfig &m_config;
    QList<ModelRoute> m_routes;
    QList<QRegularExpression> m_patterns; // one per route
};
