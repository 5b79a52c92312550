#include "proxyconfig.h"

#include <QRegularExpression>

const ProviderConfig *ProxyConfig::provider(const QString &name) const
{
    for (const auto &candidate : providers) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

QUrl ProviderConfig::endpoint(const QString &path) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

const Profile *ProxyConfig::profile(const QString &name) const
{
    for (const auto &candidate : profiles) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

QStringList ProxyConfig::problems() const
{
    QStringList found;
    if (!listenAddress.isLoopback() && clientToken.isEmpty())
        found << tr("Listening on %1 beyond this machine needs a client token (clientTokenEnv).")
                     .arg(listenAddress.toString());
    if (providers.isEmpty())
        found << tr("No provider is configured.");
    for (const auto &provider : providers) {
        if (provider.name.isEmpty())
            found << tr("A provider has no name.");
        const QString scheme = provider.baseUrl.scheme();
        if (!provider.baseUrl.isValid() || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https")))
            found << tr("Provider %1: the base URL \"%2\" is not an http(s) URL.")
                         .arg(provider.name, provider.baseUrl.toString());
        if (!provider.apiKeyEnv.isEmpty() && provider.apiKey.isEmpty())
            found << tr("Provider %1: the environment variable %2 that should hold its API key is not set.")
                         .arg(provider.name, provider.apiKeyEnv);
    }
    if (!clientTokenEnv.isEmpty() && clientToken.isEmpty())
        found << tr("The environment variable %1 that should hold the client token is not set.").arg(clientTokenEnv);
    if (routes.isEmpty())
        found << tr("No model route is configured.");
    found << routeProblems(routes);
    found << webSearchProblems();
    static const QRegularExpression profileName(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    QStringList profileNames;
    for (const auto &profile : profiles) {
        if (!profileName.match(profile.name).hasMatch() || profileNames.contains(profile.name))
            found << tr("Profile names must be unique and use only letters, digits, '.', '_' and '-': \"%1\".")
                         .arg(profile.name);
        profileNames << profile.name;
        if (profile.routes.isEmpty())
            found << tr("Profile %1 has no routes.").arg(profile.name);
        if (!profile.clientTokenEnv.isEmpty() && profile.clientToken.isEmpty())
            found << tr("Profile %1: the environment variable %2 that should hold its client token is not set.")
                         .arg(profile.name, profile.clientTokenEnv);
        if (!listenAddress.isLoopback() && profile.clientToken.isEmpty() && clientToken.isEmpty())
            found << tr("Profile %1 is reachable beyond this machine and needs a client token.").arg(profile.name);
        found << routeProblems(profile.routes);
    }
    return found;
}

QStringList ProxyConfig::webSearchProblems() const
{
    const SearchBackendConfig &backend = webSearch.backend;
    if (backend.kind == SearchBackendKind::None)
        return {};
    QStringList found;
    const QString name = SearchBackendName::of(backend.kind);
    const QString scheme = backend.url.scheme();
    if (backend.kind == SearchBackendKind::SearXng && backend.url.isEmpty())
        found << tr("Web search on SearXNG needs the address of a SearXNG instance (webSearch.url).");
    else if (!backend.url.isEmpty() && (!backend.url.isValid() || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))))
        found << tr("Web search: \"%1\" is not an http(s) URL.").arg(backend.url.toString());
    if (!webSearch.apiKeyEnv.isEmpty() && backend.apiKey.isEmpty())
        found << tr("Web search: the environment variable %1 that should hold the %2 key is not set.")
                     .arg(webSearch.apiKeyEnv, name);
    else if (backend.kind != SearchBackendKind::SearXng && backend.apiKey.isEmpty() && !webSearch.keyInKeychain)
        found << tr("Web search on %1 needs its API key (webSearch.apiKeyEnv).").arg(name);
    return found;
}

QStringList ProxyConfig::routeProblems(const QList<ModelRoute> &routeList) const
{
    QStringList found;
    for (const auto &route : routeList) {
        if (!provider(route.provider))
            found << tr("The route for \"%1\" names the unknown provider \"%2\".").arg(route.match, route.provider);
        if (route.model.isEmpty())
            found << tr("The route for \"%1\" has no upstream model.").arg(route.match);
        if (!route.when.isEmpty() && !ModelRoute::scenarios().contains(route.when))
            found << tr("The route for \"%1\": \"when\" must be one of %2.")
                         .arg(route.match, ModelRoute::scenarios().join(QLatin1StringView(", ")));
        for (const auto &fallback : route.fallbacks) {
            if (!provider(fallback.provider))
                found << tr("The route for \"%1\" falls back to the unknown provider \"%2\".").arg(route.match, fallback.provider);
        }
    }
    return found;
}

QStringList ModelRoute::scenarios()
{
    return {QStringLiteral("background"), QStringLiteral("thinking"), QStringLiteral("longContext"),
            QStringLiteral("images"), QStringLiteral("webSearch"), QStringLiteral("vision")};
}

QStringList ProxyConfig::secrets() const
{
    QStringList all;
    if (!clientToken.isEmpty())
        all << clientToken;
    for (const auto &profile : profiles) {
        if (!profile.clientToken.isEmpty())
            all << profile.clientToken;
    }
    for (const auto &provider : providers) {
        if (!provider.apiKey.isEmpty())
            all << provider.apiKey;
    }
    if (!webSearch.backend.apiKey.isEmpty())
        all << webSearch.backend.apiKey;
    return all;
}

std::optional<QPair<QHostAddress, quint16>> ProxyConfig::parseListen(const QString &text)
{
    const QUrl url(QStringLiteral("http://") + text);
    const QHostAddress address(url.host());
    if (!url.isValid() || address.isNull() || url.port() < 0 || !url.path().isEmpty() || url.hasQuery()
        || url.hasFragment() || !url.userInfo().isEmpty())
        return std::nullopt;
    return qMakePair(address, quint16(url.port()));
}
