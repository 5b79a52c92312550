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

Router::Router(const ProxyConfig &config)
    : m_config(config)
{
    for (const auto &route : config.routes) {
        m_patterns.append(globToRegularExpression(route.match));
    }
}

std::optional<Route> Router::route(const QString &requestedModel) const
{
    for (qsizetype i = 0; i < m_patterns.size(); ++i) {
        if (m_patterns.at(i).match(requestedModel).hasMatch())
            return routeFor(m_config.routes.at(i));
    }
    for (const auto &modelRoute : m_config.routes) {
        if (modelRoute.model == requestedModel)
            return routeFor(modelRoute);
    }
    return std::nullopt;
}

QStringList Router::modelNames() const
{
    QStringList names;
    for (const auto &route : m_config.routes) {
        if (!isGlob(route.match) && !names.contains(route.match))
            names << route.match;
        if (!names.contains(route.model))
            names << route.model;
    }
    return names;
}

Route Router::routeFor(const ModelRoute &modelRoute) const
{
    const ProviderConfig *provider = m_config.provider(modelRoute.provider);
    return Route{provider, modelRoute.model,
                 modelRoute.maxOutputTokens > 0 ? modelRoute.maxOutputTokens : provider ? provider->maxOutputTokens : 0};
}
