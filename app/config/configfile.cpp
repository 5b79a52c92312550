#include "configfile.h"

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
                                 QStringLiteral("providers"), QStringLiteral("routes")});

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
                                               QStringLiteral("pingIntervalMs")});
    reader.integer(timeouts, timeoutsWhere, QLatin1StringView("connectMs"), config.connectTimeoutMs);
    reader.integer(timeouts, timeoutsWhere, QLatin1StringView("readMs"), config.readTimeoutMs);
    reader.integer(timeouts, timeoutsWhere, QLatin1StringView("pingIntervalMs"), config.pingIntervalMs);

    const QJsonArray providers = reader.array(root, QLatin1StringView("providers"));
    for (qsizetype i = 0; i < providers.size(); ++i) {
        const QString where = QStringLiteral("providers[%1]").arg(i);
        const auto entry = reader.entry(providers.at(i), where);
        if (!entry)
            continue;
        const QJsonObject &object = *entry;
        reader.checkKeys(object, where, {QStringLiteral("name"), QStringLiteral("baseUrl"),
                                         QStringLiteral("format"), QStringLiteral("apiKeyEnv"),
                                         QStringLiteral("maxOutputTokens"), QStringLiteral("headers")});
        ProviderConfig provider;
        provider.name = reader.string(object, where, QLatin1StringView("name"));
        provider.baseUrl = QUrl(reader.string(object, where, QLatin1StringView("baseUrl")));
        if (object.contains(QLatin1StringView("format")))
            provider.format = reader.string(object, where, QLatin1StringView("format"));
        provider.apiKeyEnv = reader.string(object, where, QLatin1StringView("apiKeyEnv"));
        provider.apiKey = environmentValue(provider.apiKeyEnv);
        reader.integer(object, where, QLatin1StringView("maxOutputTokens"), provider.maxOutputTokens);
        const QJsonObject headers = reader.object(object, where, QLatin1StringView("headers"));
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.value().isString())
                provider.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
            else
                reader.errors << tr("%1.headers.%2 must be a string.").arg(where, it.key());
        }
        config.providers.append(provider);
    }

    const QJsonArray routes = reader.array(root, QLatin1StringView("routes"));
    for (qsizetype i = 0; i < routes.size(); ++i) {
        const QString where = QStringLiteral("routes[%1]").arg(i);
        const auto entry = reader.entry(routes.at(i), where);
        if (!entry)
            continue;
        const QJsonObject &object = *entry;
        reader.checkKeys(object, where, {QStringLiteral("match"), QStringLiteral("provider"),
                                         QStringLiteral("model"), QStringLiteral("maxOutputTokens")});
        ModelRoute route;
        route.match = reader.string(object, where, QLatin1StringView("match"));
        if (route.match.isEmpty())
            route.match = QStringLiteral("*");
        route.provider = reader.string(object, where, QLatin1StringView("provider"));
        route.model = reader.string(object, where, QLatin1StringView("model"));
        reader.integer(object, where, QLatin1StringView("maxOutputTokens"), route.maxOutputTokens);
        config.routes.append(route);
    }
    return {config, reader.errors};
}
