#include "configfile.h"

#include "providerpresets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <limits>
#include <optional>

namespace {

// Collects errors while reading, so a user sees every mistake in one --check-config run.
class Reader
{
public:
    QStringList errors;

    void checkKeys(const QJsonObject &object, const QString &where, const QSet<QString> &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                errors << ConfigFile::tr("%1: unknown key \"%2\".").arg(where, it.key());
        }
    }

    QString string(const QJsonObject &object, const QString &where, QLatin1StringView key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isString())
            return value.toString();
        errors << ConfigFile::tr("%1.%2 must be a string.").arg(where, key);
        return {};
    }

    template<typename Int>
    void integer(const QJsonObject &object, const QString &where, QLatin1StringView key, Int &target)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number != qint64(number))
            errors << ConfigFile::tr("%1.%2 must be a whole number of 0 or more.").arg(where, key);
        // Checked before the cast, which is undefined beyond the field's range.
        else if (number > double(std::numeric_limits<Int>::max()))
            errors << ConfigFile::tr("%1.%2 must be at most %3.").arg(where, key).arg(std::numeric_limits<Int>::max());
        else
            target = Int(number);
    }

    QJsonObject object(const QJsonObject &parent, const QString &where, QLatin1StringView key)
    {
        const QJsonValue value = parent.value(key);
        if (!value.isUndefined() && !value.isObject())
            errors << ConfigFile::tr("%1.%2 must be an object.").arg(where, key);
        return value.toObject();
    }

    // An entry of a list that must hold objects; nullopt (and an error) for anything else.
    std::optional<QJsonObject> entry(const QJsonValue &value, const QString &where)
    {
        if (value.isObject())
            return value.toObject();
        errors << ConfigFile::tr("%1 must be an object.").arg(where);
        return std::nullopt;
    }

    void boolean(const QJsonObject &object, const QString &where, QLatin1StringView key, bool &target)
    {
        const QJsonValue value = object.value(key);
        if (value.isBool())
            target = value.toBool();
        else if (!value.isUndefined())
            errors << ConfigFile::tr("%1.%2 must be true or false.").arg(where, key);
    }

    QJsonArray array(const QJsonObject &object, QLatin1StringView key)
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isArray())
            errors << ConfigFile::tr("%1 must be a list.").arg(key);
        return value.toArray();
    }
};

QString environmentValue(const QString &name)
{
    return name.isEmpty() ? QString() : qEnvironmentVariable(name.toLocal8Bit().constData());
}

ProviderConfig readProvider(Reader &reader, const QJsonObject &object, const QString &where)
{
    reader.checkKeys(object, where, {QStringLiteral("name"), QStringLiteral("preset"), QStringLiteral("baseUrl"),
                                     QStringLiteral("format"), QStringLiteral("apiKeyEnv"),
                                     QStringLiteral("maxOutputTokens"), QStringLiteral("headers"),
                                     QStringLiteral("rules"), QStringLiteral("maxConcurrent"),
                                     QStringLiteral("maxQueued"), QStringLiteral("validateModels")});
    ProviderConfig provider;
    // A preset supplies the defaults; every key given here overrides its value.
    provider.preset = reader.string(object, where, QLatin1StringView("preset"));
    if (!provider.preset.isEmpty()) {
        if (const ProviderPreset *preset = ProviderPresets::find(provider.preset))
            provider = ProviderPresets::providerFrom(*preset);
        else
            reader.errors << ConfigFile::tr("%1.preset: there is no preset \"%2\".").arg(where, provider.preset);
    }
    if (object.contains(QLatin1StringView("name")))
        provider.name = reader.string(object, where, QLatin1StringView("name"));
    if (object.contains(QLatin1StringView("baseUrl")))
        provider.baseUrl = QUrl(reader.string(object, where, QLatin1StringView("baseUrl")));
    if (object.contains(QLatin1StringView("format")))
        provider.format = reader.string(object, where, QLatin1StringView("format"));
    if (object.contains(QLatin1StringView("apiKeyEnv")))
        provider.apiKeyEnv = reader.string(object, where, QLatin1StringView("apiKeyEnv"));
    provider.apiKey = environmentValue(provider.apiKeyEnv);
    reader.integer(object, where, QLatin1StringView("maxOutputTokens"), provider.maxOutputTokens);
    reader.integer(object, where, QLatin1StringView("maxConcurrent"), provider.maxConcurrent);
    reader.integer(object, where, QLatin1StringView("maxQueued"), provider.maxQueued);
    reader.boolean(object, where, QLatin1StringView("validateModels"), provider.validateModels);
    const QJsonObject headers = reader.object(object, where, QLatin1StringView("headers"));
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.value().isString())
            provider.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
        else
            reader.errors << ConfigFile::tr("%1.headers.%2 must be a string.").arg(where, it.key());
    }
    ProviderPresets::readRules(reader.object(object, where, QLatin1StringView("rules")), where + QStringLiteral(".rules"),
                               provider.rules, reader.errors);
    return provider;
}

QList<ModelRoute> readRoutes(Reader &reader, const QJsonObject &parent, const QString &where)
{
    QList<ModelRoute> routes;
    const QString key = where.section(QLatin1Char('.'), -1);
    const QJsonValue value = parent.value(key);
    if (!value.isUndefined() && !value.isArray())
        reader.errors << ConfigFile::tr("%1 must be a list.").arg(where);
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
        const auto entry = reader.entry(list.at(i), at);
        if (!entry)
            continue;
        const QJsonObject &object = *entry;
        reader.checkKeys(object, at, {QStringLiteral("match"), QStringLiteral("when"), QStringLiteral("provider"),
                                      QStringLiteral("model"), QStringLiteral("maxOutputTokens"),
                                      QStringLiteral("fallbacks")});
        ModelRoute route;
        route.match = reader.string(object, at, QLatin1StringView("match"));
        if (route.match.isEmpty())
            route.match = QStringLiteral("*");
        route.when = reader.string(object, at, QLatin1StringView("when"));
        route.provider = reader.string(object, at, QLatin1StringView("provider"));
        route.model = reader.string(object, at, QLatin1StringView("model"));
        reader.integer(object, at, QLatin1StringView("maxOutputTokens"), route.maxOutputTokens);
        const QJsonValue fallbacks = object.value(QLatin1StringView("fallbacks"));
        if (!fallbacks.isUndefined() && !fallbacks.isArray())
            reader.errors << ConfigFile::tr("%1.fallbacks must be a list.").arg(at);
        const QJsonArray fallbackList = fallbacks.toArray();
        for (qsizetype j = 0; j < fallbackList.size(); ++j) {
            const QString fallbackAt = QStringLiteral("%1.fallbacks[%2]").arg(at).arg(j);
            if (const auto fallback = reader.entry(fallbackList.at(j), fallbackAt)) {
                reader.checkKeys(*fallback, fallbackAt, {QStringLiteral("provider"), QStringLiteral("model")});
                route.fallbacks.append({reader.string(*fallback, fallbackAt, QLatin1StringView("provider")),
                                        reader.string(*fallback, fallbackAt, QLatin1StringView("model"))});
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
    const QString top = QStringLiteral("config");
    reader.checkKeys(root, top, {QStringLiteral("listen"), QStringLiteral("clientTokenEnv"),
                                 QStringLiteral("limits"), QStringLiteral("timeouts"),
                                 QStringLiteral("providers"), QStringLiteral("routes"), QStringLiteral("profiles"),
                                 QStringLiteral("retry"), QStringLiteral("longContextTokens"),
                                 QStringLiteral("corsOrigins")});

    if (const QString listen = reader.string(root, top, QLatin1StringView("listen")); !listen.isEmpty()) {
        if (const auto parsed = ProxyConfig::parseListen(listen)) {
            config.listenAddress = parsed->first;
            config.port = parsed->second;
        } else {
            reader.errors << tr("listen must look like 127.0.0.1:8765, not \"%1\".").arg(listen);
        }
    }
    config.clientTokenEnv = reader.string(root, top, QLatin1StringView("clientTokenEnv"));
    config.clientToken = environmentValue(config.clientTokenEnv);

    const QJsonObject limits = reader.object(root, top, QLatin1StringView("limits"));
    const QString limitsWhere = QStringLiteral("limits");
    reader.checkKeys(limits, limitsWhere, {QStringLiteral("maxHeaderBytes"), QStringLiteral("maxBodyBytes"),
                                           QStringLiteral("headerTimeoutMs"), QStringLiteral("idleTimeoutMs")});
    reader.integer(limits, limitsWhere, QLatin1StringView("maxHeaderBytes"), config.http.maxHeaderBytes);
    reader.integer(limits, limitsWhere, QLatin1StringView("maxBodyBytes"), config.http.maxBodyBytes);
    reader.integer(limits, limitsWhere, QLatin1StringView("headerTimeoutMs"), config.http.headerTimeoutMs);
    reader.integer(limits, limitsWhere, QLatin1StringView("idleTimeoutMs"), config.http.idleTimeoutMs);

    const QJsonObject timeouts = reader.object(root, top, QLatin1StringView("timeouts"));
    const QString timeoutsWhere = QStringLiteral("timeouts");
    reader.checkKeys(timeouts, timeoutsWhere, {QStringLiteral("connectMs"), QStringLiteral("readMs"),
                                               QStringLiteral("pingIntervalMs"), QStringLiteral("requestMs")});
    reader.integer(timeouts, timeoutsWhere, QLatin1StringView("requestMs"), config.requestTimeoutMs);
    reader.integer(timeouts, timeoutsWhere, QLatin1StringView("connectMs"), config.connectTimeoutMs);
    reader.integer(timeouts, timeoutsWhere, QLatin1StringView("readMs"), config.readTimeoutMs);
    reader.integer(timeouts, timeoutsWhere, QLatin1StringView("pingIntervalMs"), config.pingIntervalMs);

    const QJsonObject retry = reader.object(root, top, QLatin1StringView("retry"));
    const QString retryWhere = QStringLiteral("retry");
    reader.checkKeys(retry, retryWhere, {QStringLiteral("maxAttempts"), QStringLiteral("baseDelayMs"),
                                         QStringLiteral("maxDelayMs"), QStringLiteral("maxTotalWaitMs")});
    reader.integer(retry, retryWhere, QLatin1StringView("maxAttempts"), config.retry.maxAttempts);
    reader.integer(retry, retryWhere, QLatin1StringView("baseDelayMs"), config.retry.baseDelayMs);
    reader.integer(retry, retryWhere, QLatin1StringView("maxDelayMs"), config.retry.maxDelayMs);
    reader.integer(retry, retryWhere, QLatin1StringView("maxTotalWaitMs"), config.retry.maxTotalWaitMs);
    reader.integer(root, top, QLatin1StringView("longContextTokens"), config.longContextTokens);
    for (const QJsonValue &origin : reader.array(root, QLatin1StringView("corsOrigins"))) {
        if (origin.isString())
            config.corsOrigins << origin.toString();
        else
            reader.errors << tr("corsOrigins must be a list of origins such as \"http://localhost:5173\" or \"*\".");
    }

    const QJsonArray providers = reader.array(root, QLatin1StringView("providers"));
    for (qsizetype i = 0; i < providers.size(); ++i) {
        const QString where = QStringLiteral("providers[%1]").arg(i);
        if (const auto entry = reader.entry(providers.at(i), where))
            config.providers.append(readProvider(reader, *entry, where));
    }
    config.routes = readRoutes(reader, root, QStringLiteral("routes"));

    const QJsonArray profiles = reader.array(root, QLatin1StringView("profiles"));
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const QString where = QStringLiteral("profiles[%1]").arg(i);
        const auto entry = reader.entry(profiles.at(i), where);
        if (!entry)
            continue;
        reader.checkKeys(*entry, where, {QStringLiteral("name"), QStringLiteral("routes"),
                                         QStringLiteral("clientTokenEnv"), QStringLiteral("passClientKey")});
        Profile profile;
        profile.name = reader.string(*entry, where, QLatin1StringView("name"));
        profile.routes = readRoutes(reader, *entry, where + QStringLiteral(".routes"));
        profile.clientTokenEnv = reader.string(*entry, where, QLatin1StringView("clientTokenEnv"));
        profile.clientToken = environmentValue(profile.clientTokenEnv);
        reader.boolean(*entry, where, QLatin1StringView("passClientKey"), profile.passClientKey);
        config.profiles.append(profile);
    }
    return {config, reader.errors};
}
