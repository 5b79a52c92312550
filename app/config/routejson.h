#pragma once

#include "config/proxyconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// Routes and profiles written back as the config file's JSON (docs/configuration.md), the
// form Settings keeps them in; ConfigFile reads them. Optional fields are left out when they
// hold their default, and a profile's resolved client token never leaves memory.
class RouteJson
{
public:
    static QJsonObject fromRoute(const ModelRoute &route);
    static QJsonArray fromRoutes(const QList<ModelRoute> &routes);
    static QJsonObject fromProfile(const Profile &profile);
    static QJsonArray fromProfiles(const QList<Profile> &profiles);
    // A preset's mapping of Claude's model families (ProviderPresets::defaultRoutes) to the
    // provider configured from it under `providerName`; empty when the preset names none.
    static QJsonArray presetRoutes(const QString &presetId, const QString &providerName);
};
