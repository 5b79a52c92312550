#pragma once

#include "config/proxyconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QStringList>

// Edited routes and profiles read the way the proxy will read them (ConfigFile::parse with the
// configured providers), and what keeps them from working, one sentence each. The providers'
// own problems (a missing key, say) are left to the Providers page: only what the routes add
// is reported, and a route's problem inside a profile names the profile.
class RoutesReview
{
    Q_DECLARE_TR_FUNCTIONS(RoutesReview)

public:
    // `providers` as Settings keeps them.
    RoutesReview(const QJsonArray &providers, const QList<ModelRoute> &routes, const QList<Profile> &profiles);

    // The whole configuration as parsed; its routes drive the page's summary.
    const ProxyConfig &config() const { return m_config; }
    const QStringList &problems() const { return m_problems; }

    // The providers routes can name, with the defaults their presets give them.
    static QList<ProviderConfig> configuredProviders(const QJsonArray &providers);

private:
    // What ProxyConfig::problems() reports beyond what the providers alone already cause.
    QStringList problemsBeyondProviders(const ProxyConfig &config) const;
    // What ProxyConfig does not check: patterns that are not model-name globs, routes no
    // request can reach, fallbacks without a model.
    static QStringList routeListProblems(const QList<ModelRoute> &routes);

    ProxyConfig m_config;
    QStringList m_providerProblems;
    QStringList m_problems;
};
