#include "router.h"

namespace {
bool isGlob(const QString &match)
{
    return match.contains(QLatin1Char('*')) || match.contains(QLatin1Char('?'));
}

// Qt's own wildcard conversion keeps `*` from matching `/` (file-path rules), but model names
// such as `openai/gpt-4o` are not paths.
QRegularExpression globToRegularExpression(const QString &glob)
{
    QString pattern;
    for (const QChar c : glob) {
        if (c == QLatin1Char('*'))
            pattern += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            pattern += QLatin1Char('.');
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern), QRegularExpression::CaseInsensitiveOption);
}
}

Router::Router(const ProxyConfig &config, const QList<ModelRoute> &routes)
    : m_config(config)
    , m_routes(routes)
{
    for (const auto &route : routes)
        m_patterns.append(globToRegularExpression(route.match));
}

QList<Route> Router::plan(const RequestTraits &traits) const
{
    const QString &model = traits.model;
    for (const QChar separator : {QLatin1Char(','), QLatin1Char('/')}) {
        const qsizetype at = model.indexOf(separator);
        if (at > 0 && at < model.size() - 1 && m_config.provider(model.left(at)))
            return {routeTo(model.left(at), model.mid(at + 1).trimmed())};
    }
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        if (scenarioHolds(m_routes.at(i).when, traits) && m_patterns.at(i).match(model).hasMatch())
            return withFallbacks(m_routes.at(i));
    }
    for (const auto &modelRoute : m_routes) {
        if (modelRoute.model == model)
            return withFallbacks(modelRoute);
    }
    return {};
}

std::optional<Route> Router::route(const QString &requestedModel) const
{
    RequestTraits traits;
    traits.model = requestedModel;
    const QList<Route> candidates = plan(traits);
    if (candidates.isEmpty())
        return std::nullopt;
    return candidates.first();
}

QStringList Router::modelNames() const
{
    QStringList names;
    for (const auto &route : m_routes) {
        if (!isGlob(route.match) && !names.contains(route.match))
            names << route.match;
        if (!names.contains(route.model))
            names << route.model;
    }
    return names;
}

bool Router::scenarioHolds(const QString &when, const RequestTraits &traits) const
{
    if (when.isEmpty())
        return true;
    if (when == QLatin1StringView("background"))
        return traits.isBackground();
    if (when == QLatin1StringView("thinking"))
        return traits.thinking;
    if (when == QLatin1StringView("longContext"))
        return traits.estimatedTokens > m_config.longContextTokens;
    if (when == QLatin1StringView("images"))
        return traits.images;
    if (when == QLatin1StringView("webSearch"))
        return traits.webSearch;
    // "vision" describes images for other routes and never answers a request itself.
    return false;
}

QList<Route> Router::withFallbacks(const ModelRoute &modelRoute) const
{
    QList<Route> candidates{routeTo(modelRoute.provider, modelRoute.model, modelRoute.maxOutputTokens,
                                    modelRoute.contextWindow, modelRoute.images)};
    for (const auto &fallback : modelRoute.fallbacks)
        candidates.append(routeTo(fallback.provider, fallback.model));
    return candidates;
}

Route Router::routeTo(const QString &providerName, const QString &model, int routeCap, int routeWindow,
                      std::optional<bool> routeImages) const
{
    const ProviderConfig *provider = m_config.provider(providerName);
    return Route{provider, model, routeCap > 0 ? routeCap : provider ? provider->outputCapFor(model) : 0,
                 routeWindow > 0 ? routeWindow : provider ? provider->contextWindowFor(model) : 0,
                 routeImages.value_or(!provider || provider->takesImages(model))};
}

std::optional<Route> Router::visionRoute(const QString &requestedModel) const
{
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const ModelRoute &route = m_routes.at(i);
        if (route.when == QLatin1StringView("vision") && m_patterns.at(i).match(requestedModel).hasMatch())
            return routeTo(route.provider, route.model, route.maxOutputTokens, route.contextWindow, route.images);
    }
    return std::nullopt;
}
