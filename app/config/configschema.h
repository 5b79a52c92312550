#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Every setting of the configuration file, described once: its place in the JSON, type,
// default, bounds and help text. The file reader validates with it, the desktop app's Settings
// reads and writes through it, the window builds its number editors from it, and the reference
// table in docs/configuration.md is generated from it (a test keeps the two equal).
enum class ConfigKey {
    // The proxy, top level.
    Listen,
    ClientTokenEnv,
    MaxHeaderBytes,
    MaxBodyBytes,
    HeaderTimeoutMs,
    IdleTimeoutMs,
    ConnectTimeoutMs,
    ReadTimeoutMs,
    PingIntervalMs,
    RequestTimeoutMs,
    ShutdownGraceMs,
    RetryMaxAttempts,
    RetryBaseDelayMs,
    RetryMaxDelayMs,
    RetryMaxTotalWaitMs,
    LongContextTokens,
    CorsOrigins,
    AllowedHosts,
    ActiveProfile,
    Providers,
    Routes,
    Profiles,
    // Web search run by CC Bridge.
    WebSearchBackend,
    WebSearchUrl,
    WebSearchApiKeyEnv,
    WebSearchKeyInKeychain,
    WebSearchMaxResults,
    // The desktop app's own preferences (the headless proxy ignores them).
    LogRetention,
    UsageRetentionDays,
    Language,
    StartAtLogin,
    StartProxyAtLaunch,
    Version,
    // Inside a provider.
    ProviderName,
    ProviderPreset,
    ProviderBaseUrl,
    ProviderFormat,
    ProviderApiKeyEnv,
    ProviderKeyInKeychain,
    ProviderMaxOutputTokens,
    ProviderHeaders,
    ProviderMaxConcurrent,
    ProviderMaxQueued,
    ProviderValidateModels,
    ProviderRules,
    // Inside a route.
    RouteMatch,
    RouteWhen,
    RouteProvider,
    RouteModel,
    RouteMaxOutputTokens,
    RouteContextWindow,
    RouteImages,
    RouteFallbacks,
    // Inside a profile.
    ProfileName,
    ProfileRoutes,
    ProfileClientTokenEnv,
    ProfilePassClientKey,
    ProfileTokenInKeychain,
};

struct ConfigField
{
    enum class Type {
        Integer,  // a whole number within [minimum, maximum]
        Boolean,
        Text,     // "" or a whole match of `pattern` (any text when there is none)
        Listen,   // "host:port"
        List,     // a JSON array, read by its own reader
        Object,   // a JSON object, read by its own reader
    };
    enum class Unit { None, Milliseconds, Bytes, Tokens, Days, Requests };

    ConfigKey key;
    QLatin1StringView path;  // "timeouts.requestMs"; inside list entries "providers[].name"
    Type type;
    QJsonValue defaultValue; // undefined: none
    qint64 minimum = 0;
    qint64 maximum = 0;
    Unit unit = Unit::None;
    const char *pattern = nullptr;
    const char *help = "";   // marked for translation in the ConfigSchema context
    bool required = false;

    // The key inside its object: "requestMs".
    QString name() const;
    // The object it lives in: "timeouts", "providers[]", or "" for the top level.
    QString section() const;
    QString helpText() const;
};

class ConfigSchema
{
    Q_DECLARE_TR_FUNCTIONS(ConfigSchema)

public:
    static const QList<ConfigField> &fields();
    static const ConfigField &field(ConfigKey key);
    // The keys allowed in `section` (see ConfigField::section), in table order.
    static QStringList keysIn(const QString &section);
    // The sub-objects of the top level ("limits", "timeouts", ...).
    static QStringList objectSections();

    // The value at `field`'s path in a top-level object; undefined when absent.
    static QJsonValue valueAt(const QJsonObject &root, const ConfigField &field);
    static void setValueAt(QJsonObject &root, const ConfigField &field, const QJsonValue &value);

    // Why `value` does not fit `field`, in one sentence naming `where` ("timeouts.requestMs",
    // "providers[0].maxQueued"); nullopt when it fits.
    static std::optional<QString> problem(const ConfigField &field, const QJsonValue &value, const QString &where);
    static std::optional<QString> problem(const ConfigField &field, const QJsonValue &value)
    {
        return problem(field, value, field.path);
    }

    // The bounds in words with the unit: "between 1000 and 86400000 ms".
    static QString boundsText(const ConfigField &field);

    // The Markdown reference tables of docs/configuration.md.
    static QString referenceTables();
};
