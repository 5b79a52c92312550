#include "routejson.h"

#include "config/providerpresets.h"

QJsonObject RouteJson::fromRoute(const ModelRoute &route)
{
    QJsonObject json{{QStringLiteral("match"), route.match},
                     {QStringLiteral("provider"), route.provider},
                     {QStringLiteral("model"), route.model}};
    if (!route.when.isEmpty())
        json.insert(QStringLiteral("when"), route.when);
    if (route.maxOutputTokens > 0)
        json.insert(QStringLiteral("maxOutputTokens"), route.maxOutputTokens);
    if (route.contextWindow > 0)
        json.insert(QStringLiteral("contextWindow"), route.contextWindow);
    if (route.images)
        json.insert(QStringLiteral("images"), *route.images);
    if (!route.fallbacks.isEmpty()) {
        QJsonArray fallbacks;
        for (const RouteTarget &fallback : route.fallbacks)
            fallbacks.append(QJsonObject{{QStringLiteral("provider"), fallback.provider},
                                         {QStringLiteral("model"), fallback.model}});
        json.insert(QStringLiteral("fallbacks"), fallbacks);
    }
    return json;
}

QJsonArray RouteJson::fromRoutes(const QList<ModelRoute> &routes)
{
    QJsonArray json;
    for (const ModelRoute &route : routes)
        json.append(fromRoute(route));
    return json;
}

QJsonObject RouteJson::fromProfile(const Profile &profile)
{
    QJsonObject json{{QStringLiteral("name"), profile.name}, {QStringLiteral("routes"), fromRoutes(profile.routes)}};
    if (!profile.clientTokenEnv.isEmpty())
        json.insert(QStringLiteral("clientTokenEnv"), profile.clientTokenEnv);
    if (profile.passClientKey)
        json.insert(QStringLiteral("passClientKey"), true);
    if (profile.tokenInKeychain)
        json.insert(QStringLiteral("tokenInKeychain"), true);
    return json;
}

QJsonArray RouteJson::fromProfiles(const QList<Profile> &profiles)
{
    QJsonArray json;
    for (const Profile &profile : profiles)
        json.append(fromProfile(profile));
    return json;
}

QJsonArray RouteJson::presetRoutes(const QString &presetId, const QString &providerName)
{
    const ProviderPreset *preset = ProviderPresets::find(presetId);
    QList<ModelRoute> routes = preset ? ProviderPresets::defaultRoutes(*preset) : QList<ModelRoute>();
    for (ModelRoute &route : routes)
        route.provider = providerName;
    return fromRoutes(routes);
}
