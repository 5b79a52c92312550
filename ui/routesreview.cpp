#include "routesreview.h"

#include "config/configfile.h"
#include "config/routejson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {
ConfigFile::Result parse(const QJsonObject &json)
{
    return ConfigFile::parse(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

const QString providersKey = QStringLiteral("providers");

// A route without a scenario whose pattern is "*" (or the same as `later`'s) takes every
// request `later` could get.
bool takesAllOf(const ModelRoute &earlier, const ModelRoute &later)
{
    // A vision route answers no request: it describes images for the others, wherever it is.
    return earlier.when.isEmpty() && later.when != QLatin1StringView("vision")
           && (earlier.match == QLatin1StringView("*") || earlier.match.compare(later.match, Qt::CaseInsensitive) == 0);
}
} // namespace

RoutesReview::RoutesReview(const QJsonArray &providers, const QList<ModelRoute> &routes, const QList<Profile> &profiles)
{
    const ConfigFile::Result bare = parse({{providersKey, providers}});
    m_providerProblems = bare.errors + bare.config.problems();
    const ConfigFile::Result whole = parse({{providersKey, providers},
                                            {QStringLiteral("routes"), RouteJson::fromRoutes(routes)},
                                            {QStringLiteral("profiles"), RouteJson::fromProfiles(profiles)}});
    m_config = whole.config;
    for (const QString &error : whole.errors) {
        if (!bare.errors.contains(error))
            m_problems << error;
    }

    // Each route list is checked on its own, so a problem can say which profile it is in.
    ProxyConfig scoped = bare.config;
    scoped.routes = m_config.routes;
    QStringList attributed = problemsBeyondProviders(scoped);
    if (routes.isEmpty())
        m_problems << tr("There are no default routes, so requests outside a profile find no model.");
    m_problems << attributed << routeListProblems(routes);
    for (qsizetype i = 0; i < profiles.size() && i < m_config.profiles.size(); ++i) {
        scoped.routes = m_config.profiles.at(i).routes;
        const QStringList found = problemsBeyondProviders(scoped);
        attributed << found;
        for (const QString &problem : found + routeListProblems(profiles.at(i).routes))
            m_problems << tr("Profile %1: %2").arg(profiles.at(i).name, problem);
    }
    // What is left is about the profiles themselves: names, tokens, empty route lists.
    for (const QString &problem : problemsBeyondProviders(m_config)) {
        if (!attributed.contains(problem) && !m_problems.contains(problem))
            m_problems << problem;
    }
    m_problems.removeDuplicates();
}

QList<ProviderConfig> RoutesReview::configuredProviders(const QJsonArray &providers)
{
    return parse({{providersKey, providers}}).config.providers;
}

QStringList RoutesReview::problemsBeyondProviders(const ProxyConfig &config) const
{
    QStringList found;
    for (const QString &problem : config.problems()) {
        if (!m_providerProblems.contains(problem))
            found << problem;
    }
    return found;
}

QStringList RoutesReview::routeListProblems(const QList<ModelRoute> &routes)
{
    QStringList found;
    for (qsizetype i = 0; i < routes.size(); ++i) {
        const ModelRoute &route = routes.at(i);
        const QString match = route.match.trimmed();
        if (match.isEmpty()) {
            found << tr("A route has no Claude model pattern.");
            continue;
        }
        if (std::any_of(match.cbegin(), match.cend(), [](QChar c) { return c.isSpace(); }))
            found << tr("The pattern \"%1\" contains a space, which no model name has.").arg(match);
        for (const QChar bracket : {QLatin1Char('['), QLatin1Char(']'), QLatin1Char('{'), QLatin1Char('}')}) {
            if (match.contains(bracket)) {
                found << tr("The pattern \"%1\" uses brackets; only * and ? are wildcards here.").arg(match);
                break;
            }
        }
        for (qsizetype j = 0; j < i; ++j) {
            if (takesAllOf(routes.at(j), route)) {
                found << tr("The route for \"%1\" is never used: route %2, for \"%3\", comes first and takes all its requests.")
                             .arg(match)
                             .arg(j + 1)
                             .arg(routes.at(j).match);
                break;
            }
        }
        for (const RouteTarget &fallback : route.fallbacks) {
            if (fallback.model.isEmpty())
                found << tr("The route for \"%1\" falls back to %2 without naming a model.").arg(match, fallback.provider);
        }
    }
    return found;
}
