#include "configfile.h"

#include "configschema.h"
#include "providerpresets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

namespace {

using K = ConfigKey;

// Collects errors while reading, so a user sees every mistake in one --check-config run.
// What a key may hold (type, bounds, pattern) comes from ConfigSchema.
class Reader
{
public:
    QStringList errors;

    // Unknown keys of an object in `section` ("", "timeouts", "providers[]").
    void checkKeys(const QJsonObject &object, const QString &where, const QString &section)
    {
        const QStringList known = ConfigSchema::keysIn(section);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                errors << ConfigFile::tr("%1: unknown key \"%2\".").arg(where, it.key());
        }
    }

    // The value of `key` in `object` when present and valid; undefined otherwise (an error
    // noted when it is present but invalid).
    QJsonValue value(const QJsonObject &object, ConfigKey key, const QString &where)
    {
        const ConfigField &field = ConfigSchema::field(key);
        const QJsonValue found = object.value(field.name());
        if (found.isUndefined())
            return found;
        if (const auto problem = ConfigSchema::problem(field, found, qualified(where, field))) {
            errors << *problem;
            return QJsonValue(QJsonValue::Undefined);
        }
        return found;
    }

    QString string(const QJsonObject &object, ConfigKey key, const QString &where)
    {
        return value(object, key, where).toString();
    }

    template<typename Int>
    void integer(const QJsonObject &object, ConfigKey key, const QString &where, Int &target)
    {
        if (const QJsonValue found = value(object, key, where); found.isDouble())
            target = Int(found.toDouble());
    }

    void boolean(const QJsonObject &object, ConfigKey key, const QString &where, bool &target)
    {
        if (const QJsonValue found = value(object, key, where); found.isBool())
            target = found.toBool();
    }

    // The object of a top-level section, its unknown keys reported.
    QJsonObject section(const QJsonObject &root, const QString &name)
    {
        const QJsonValue found = root.value(name);
        if (!found.isUndefined() && !found.isObject())
            errors << ConfigFile::tr("%1 must be an object.").arg(name);
        const QJsonObject object = found.toObject();
        checkKeys(object, name, name);
        return object;
    }

    // An entry of a list that must hold objects; nullopt (and an error) for anything else.
    std::optional<QJsonObject> entry(const QJsonValue &value, const QString &where)
    {
        if (value.isObject())
            return value.toObject();
        errors << ConfigFile::tr("%1 must be an object.").arg(where);
        return std::nullopt;
    }

private:
    // "timeouts.requestMs", "providers[2].maxQueued": where the user finds the value.
    static QString qualified(const QString &where, const ConfigField &field)
    {
        return where.isEmpty() ? QString(field.path) : where + QLatin1Char('.') + field.name();
    }
};

QString environmentValue(const QString &name)
{
    return name.isEmpty() ? QString() : qEnvironmentVariable(name.toLocal8Bit().constData());
}

ProviderConfig readProvider(Reader &reader, const QJsonObject &object, const QString &where)
{
    reader.checkKeys(object, where, QStringLiteral("providers[]"));
    ProviderConfig provider;
    // A preset supplies the defaults; every key given here overrides its value.
    provider.preset = reader.string(object, K::ProviderPreset, where);
    if (!provider.preset.isEmpty()) {
        if (const ProviderPreset *preset = ProviderPresets::find(provider.preset))
            provider = ProviderPresets::providerFrom(*preset);
        else
            reader.errors << ConfigFile::tr("%1.preset: there is no preset \"%2\".").arg(where, provider.preset);
    }
    if (const QJsonValue name = reader.value(object, K::ProviderName, where); name.isString())
        provider.name = name.toString();
    if (const QJsonValue baseUrl = reader.value(object, K::ProviderBaseUrl, where); baseUrl.isString())
        provider.baseUrl = QUrl(baseUrl.toString());
    if (const QJsonValue format = reader.value(object, K::ProviderFormat, where); format.isString()) {
        if (const auto api = UpstreamApiName::parse(format.toString()))
            provider.format = *api;
        else
            reader.errors << UpstreamApiName::unknown(where + QStringLiteral(".format"), format.toString());
    }
    if (const QJsonValue keyEnv = reader.value(object, K::ProviderApiKeyEnv, where); keyEnv.isString())
        provider.apiKeyEnv = keyEnv.toString();
    provider.apiKey = environmentValue(provider.apiKeyEnv);
    reader.boolean(object, K::ProviderKeyInKeychain, where, provider.keyInKeychain);
    reader.integer(object, K::ProviderMaxOutputTokens, where, provider.maxOutputTokens);
    reader.integer(object, K::ProviderMaxConcurrent, where, provider.maxConcurrent);
    reader.integer(object, K::ProviderMaxQueued, where, provider.maxQueued);
    reader.boolean(object, K::ProviderValidateModels, where, provider.validateModels);
    const QJsonObject headers = reader.value(object, K::ProviderHeaders, where).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.value().isString())
            provider.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
        else
            reader.errors << ConfigFile::tr("%1.headers.%2 must be a string.").arg(where, it.key());
    }
    ProviderPresets::readRules(reader.value(object, K::ProviderRules, where).toObject(),
                               where + QStringLiteral(".rules"), provider.rules, reader.errors);
    return provider;
}

QList<ModelRoute> readRoutes(Reader &reader, const QJsonArray &list, const QString &where)
{
    QList<ModelRoute> routes;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
        const auto entry = reader.entry(list.at(i), at);
        if (!entry)
            continue;
        const QJsonObject &object = *entry;
        reader.checkKeys(object, at, QStringLiteral("routes[]"));
        ModelRoute route;
        route.match = reader.string(object, K::RouteMatch, at);
        if (route.match.isEmpty())
            route.match = QStringLiteral("*");
        route.when = reader.string(object, K::RouteWhen, at);
        route.provider = reader.string(object, K::RouteProvider, at);
        route.model = reader.string(object, K::RouteModel, at);
        reader.integer(object, K::RouteMaxOutputTokens, at, route.maxOutputTokens);
        reader.integer(object, K::RouteContextWindow, at, route.contextWindow);
        if (const QJsonValue images = reader.value(object, K::RouteImages, at); images.isBool())
            route.images = images.toBool();
        const QJsonArray fallbackList = reader.value(object, K::RouteFallbacks, at).toArray();
        for (qsizetype j = 0; j < fallbackList.size(); ++j) {
            const QString fallbackAt = QStringLiteral("%1.fallbacks[%2]").arg(at).arg(j);
            if (const auto fallback = reader.entry(fallbackList.at(j), fallbackAt)) {
                // A fallback is a route's provider and model, checked as those are.
                for (auto it = fallback->begin(); it != fallback->end(); ++it) {
                    if (it.key() != QLatin1StringView("provider") && it.key() != QLatin1StringView("model"))
                        reader.errors << ConfigFile::tr("%1: unknown key \"%2\".").arg(fallbackAt, it.key());
                }
                route.fallbacks.append({reader.string(*fallback, K::RouteProvider, fallbackAt),
                                        reader.string(*fallback, K::RouteModel, fallbackAt)});
            }
        }
        routes.append(route);
    }
    return routes;
}

} // namespace

ConfigFile::Result ConfigFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, {tr("Cannot read the configuration file %1: %2").arg(path, file.errorString())}};
    return parse(file.readAll());
}

ConfigFile::Result ConfigFile::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {{}, {tr("The configuration is not valid JSON: %1 at offset %2.")
                         .arg(parseError.errorString())
                         .arg(parseError.offset)}};
    if (!document.isObject())
        return {{}, {tr("The configuration must be a JSON object.")}};

    Reader reader;
    ProxyConfig config;
    const QJsonObject root = document.object();
    const QString top;
    reader.checkKeys(root, QStringLiteral("config"), top);

    if (const QJsonValue listen = reader.value(root, K::Listen, top); listen.isString()) {
        const auto parsed = ProxyConfig::parseListen(listen.toString());
        config.listenAddress = parsed->first;
        config.port = parsed->second;
    }
    config.clientTokenEnv = reader.string(root, K::ClientTokenEnv, top);
    config.clientToken = environmentValue(config.clientTokenEnv);

    const QJsonObject limits = reader.section(root, QStringLiteral("limits"));
    reader.integer(limits, K::MaxHeaderBytes, top, config.http.maxHeaderBytes);
    reader.integer(limits, K::MaxBodyBytes, top, config.http.maxBodyBytes);
    reader.integer(limits, K::HeaderTimeoutMs, top, config.http.headerTimeoutMs);
    reader.integer(limits, K::IdleTimeoutMs, top, config.http.idleTimeoutMs);

    const QJsonObject timeouts = reader.section(root, QStringLiteral("timeouts"));
    reader.integer(timeouts, K::RequestTimeoutMs, top, config.requestTimeoutMs);
    reader.integer(timeouts, K::ConnectTimeoutMs, top, config.connectTimeoutMs);
    reader.integer(timeouts, K::ReadTimeoutMs, top, config.readTimeoutMs);
    reader.integer(timeouts, K::PingIntervalMs, top, config.pingIntervalMs);
    reader.integer(timeouts, K::ShutdownGraceMs, top, config.shutdownGraceMs);

    const QJsonObject retry = reader.section(root, QStringLiteral("retry"));
    reader.integer(retry, K::RetryMaxAttempts, top, config.retry.maxAttempts);
    reader.integer(retry, K::RetryBaseDelayMs, top, config.retry.baseDelayMs);
    reader.integer(retry, K::RetryMaxDelayMs, top, config.retry.maxDelayMs);
    reader.integer(retry, K::RetryMaxTotalWaitMs, top, config.retry.maxTotalWaitMs);
    reader.integer(root, K::LongContextTokens, top, config.longContextTokens);
    for (const QJsonValue &origin : reader.value(root, K::CorsOrigins, top).toArray()) {
        if (origin.isString())
            config.corsOrigins << origin.toString();
        else
            reader.errors << tr("corsOrigins must be a list of origins such as \"http://localhost:5173\" or \"*\".");
    }
    // Host names as a Host header carries them, without the port (any port is accepted).
    static const QRegularExpression hostName(
        QRegularExpression::anchoredPattern(QStringLiteral("\\*|[A-Za-z0-9._-]+")));
    for (const QJsonValue &host : reader.value(root, K::AllowedHosts, top).toArray()) {
        if (host.isString() && hostName.match(host.toString()).hasMatch())
            config.allowedHosts << host.toString();
        else
            reader.errors << tr("allowedHosts must be a list of host names without scheme or port, such as "
                                "\"ccbridge.internal\", or \"*\".");
    }

    const QJsonObject webSearch = reader.section(root, QStringLiteral("webSearch"));
    config.webSearch.backend.kind =
        SearchBackendName::parse(reader.string(webSearch, K::WebSearchBackend, top)).value_or(SearchBackendKind::None);
    config.webSearch.backend.url = QUrl(reader.string(webSearch, K::WebSearchUrl, top));
    config.webSearch.apiKeyEnv = reader.string(webSearch, K::WebSearchApiKeyEnv, top);
    config.webSearch.backend.apiKey = environmentValue(config.webSearch.apiKeyEnv);
    reader.boolean(webSearch, K::WebSearchKeyInKeychain, top, config.webSearch.keyInKeychain);
    reader.integer(webSearch, K::WebSearchMaxResults, top, config.webSearch.backend.maxResults);

    // The desktop app's own preferences: checked here too, so the window and --check-config
    // refuse the same values; the proxy does not use them.
    const QJsonObject app = reader.section(root, QStringLiteral("app"));
    for (const ConfigKey key : {K::LogRetention, K::UsageRetentionDays, K::Language, K::StartAtLogin, K::StartProxyAtLaunch})
        reader.value(app, key, top);
    reader.value(root, K::Version, top);

    const QJsonArray providers = reader.value(root, K::Providers, top).toArray();
    for (qsizetype i = 0; i < providers.size(); ++i) {
        const QString where = QStringLiteral("providers[%1]").arg(i);
        if (const auto entry = reader.entry(providers.at(i), where))
            config.providers.append(readProvider(reader, *entry, where));
    }
    config.routes = readRoutes(reader, reader.value(root, K::Routes, top).toArray(), QStringLiteral("routes"));

    const QJsonArray profiles = reader.value(root, K::Profiles, top).toArray();
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const QString where = QStringLiteral("profiles[%1]").arg(i);
        const auto entry = reader.entry(profiles.at(i), where);
        if (!entry)
            continue;
        reader.checkKeys(*entry, where, QStringLiteral("profiles[]"));
        Profile profile;
        profile.name = reader.string(*entry, K::ProfileName, where);
        profile.routes = readRoutes(reader, reader.value(*entry, K::ProfileRoutes, where).toArray(),
                                    where + QStringLiteral(".routes"));
        profile.clientTokenEnv = reader.string(*entry, K::ProfileClientTokenEnv, where);
        profile.clientToken = environmentValue(profile.clientTokenEnv);
        reader.boolean(*entry, K::ProfilePassClientKey, where, profile.passClientKey);
        reader.boolean(*entry, K::ProfileTokenInKeychain, where, profile.tokenInKeychain);
        config.profiles.append(profile);
    }

    // The active profile's routes serve the default base URL too: what the tray switches.
    if (const QString active = reader.string(root, K::ActiveProfile, top); !active.isEmpty()) {
        if (const Profile *profile = config.profile(active))
            config.routes = profile->routes;
        else
            reader.errors << tr("activeProfile names the profile \"%1\", which does not exist.").arg(active);
    }
    return {config, reader.errors};
}
