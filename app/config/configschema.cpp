#include "configschema.h"

#include "proxyconfig.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace {

using K = ConfigKey;
using T = ConfigField::Type;
using U = ConfigField::Unit;

const char *const environmentVariable = "[A-Za-z_][A-Za-z0-9_]*";
const char *const profileName = "[A-Za-z0-9_.-]+";

QString listenText(const ProxyConfig &config)
{
    return QStringLiteral("%1:%2").arg(config.listenAddress.toString()).arg(config.port);
}

QList<ConfigField> buildFields()
{
    // Defaults come from the structs the proxy runs on, so the file, the window and the
    // quick start can never start from different values.
    const ProxyConfig proxy;
    const ProviderConfig provider;
    const auto number = [](qint64 value) { return QJsonValue(double(value)); };
    const qint64 intMax = std::numeric_limits<int>::max();
    // The names the reader resolves to an UpstreamApi, so the editors accept no other.
    static const QByteArray apiNames = UpstreamApiName::names().join(QLatin1Char('|')).toLatin1();
    return {
        {K::Listen, QLatin1StringView("listen"), T::Listen, listenText(proxy), 0, 65535, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Address and port to listen on: 127.0.0.1:8765, [::1]:8765, 0.0.0.0:8765 "
                                           "(port 0: any free port).")},
        {K::ClientTokenEnv, QLatin1StringView("clientTokenEnv"), T::Text, QJsonValue(), 0, 0, U::None,
         environmentVariable,
         QT_TRANSLATE_NOOP("ConfigSchema", "Environment variable holding the token clients must send (x-api-key or "
                                           "Authorization: Bearer). Required when listening beyond loopback. The "
                                           "desktop app keeps its token in the keychain instead.")},
        {K::MaxHeaderBytes, QLatin1StringView("limits.maxHeaderBytes"), T::Integer, number(proxy.http.maxHeaderBytes),
         1024, 1024 * 1024, U::Bytes, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Largest request line and headers; larger gets 431.")},
        {K::MaxBodyBytes, QLatin1StringView("limits.maxBodyBytes"), T::Integer, number(proxy.http.maxBodyBytes),
         64 * 1024, 1024 * 1024 * 1024, U::Bytes, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Largest request body; larger gets 413 request_too_large.")},
        {K::HeaderTimeoutMs, QLatin1StringView("limits.headerTimeoutMs"), T::Integer,
         number(proxy.http.headerTimeoutMs), 1'000, 600'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Time a client has to send a request's headers; then 408.")},
        {K::IdleTimeoutMs, QLatin1StringView("limits.idleTimeoutMs"), T::Integer, number(proxy.http.idleTimeoutMs),
         1'000, 3'600'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "An idle keep-alive connection is closed after this; also the longest "
                                           "silence in the middle of a request body.")},
        {K::ConnectTimeoutMs, QLatin1StringView("timeouts.connectMs"), T::Integer, number(proxy.connectTimeoutMs),
         1'000, 600'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "How long connecting to a provider and sending the request may take; "
                                           "then 504 timeout_error.")},
        {K::ReadTimeoutMs, QLatin1StringView("timeouts.readMs"), T::Integer, number(proxy.readTimeoutMs), 1'000,
         3'600'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Longest silence from a provider, before the first byte and between "
                                           "bytes; then 504 (or an SSE error event once streaming).")},
        {K::PingIntervalMs, QLatin1StringView("timeouts.pingIntervalMs"), T::Integer, number(proxy.pingIntervalMs),
         1'000, 300'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "While a provider is silent, the client is sent a keep-alive ping this "
                                           "often.")},
        {K::RequestTimeoutMs, QLatin1StringView("timeouts.requestMs"), T::Integer, number(proxy.requestTimeoutMs),
         1'000, 86'400'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The longest a whole request may take, streaming included; then 504 (or "
                                           "an SSE error event).")},
        {K::ShutdownGraceMs, QLatin1StringView("timeouts.shutdownGraceMs"), T::Integer, number(proxy.shutdownGraceMs), 0,
         600'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "On SIGTERM, SIGINT or Quit, requests in flight get this long to finish; "
                                           "those still running then end with an error (an SSE error event in a "
                                           "stream).")},
        {K::RetryMaxAttempts, QLatin1StringView("retry.maxAttempts"), T::Integer, number(proxy.retry.maxAttempts), 1,
         10, U::Requests, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Attempts per provider before a fallback, the first included.")},
        {K::RetryBaseDelayMs, QLatin1StringView("retry.baseDelayMs"), T::Integer, number(proxy.retry.baseDelayMs), 0,
         60'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Backoff with full jitter: the first wait is up to this long, doubling "
                                           "per attempt.")},
        {K::RetryMaxDelayMs, QLatin1StringView("retry.maxDelayMs"), T::Integer, number(proxy.retry.maxDelayMs), 0,
         600'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The longest single wait before a retry, backoff or Retry-After; an "
                                           "upstream that asks for longer goes to the route's fallback at once, or "
                                           "its 429 and Retry-After go straight back to the client.")},
        {K::RetryMaxTotalWaitMs, QLatin1StringView("retry.maxTotalWaitMs"), T::Integer,
         number(proxy.retry.maxTotalWaitMs), 0, 3'600'000, U::Milliseconds, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The longest a client waits for its first byte while the proxy retries: "
                                           "no wait before a retry may end later than this after the request "
                                           "arrived. Fallbacks are still tried.")},
        {K::LongContextTokens, QLatin1StringView("longContextTokens"), T::Integer, number(proxy.longContextTokens),
         1'000, 10'000'000, U::Tokens, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Above this estimated input, a request is in the longContext scenario.")},
        {K::CorsOrigins, QLatin1StringView("corsOrigins"), T::List, QJsonArray(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Browser origins allowed to call the proxy, e.g. "
                                           "[\"http://localhost:5173\"], or [\"*\"]; none: browsers are refused.")},
        {K::AllowedHosts, QLatin1StringView("allowedHosts"), T::List, QJsonArray(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Host names clients may reach the proxy under besides localhost, loopback "
                                           "and listen addresses, e.g. [\"ccbridge.internal\"], or [\"*\"] for any; "
                                           "other Host headers are refused (DNS rebinding).")},
        {K::ActiveProfile, QLatin1StringView("activeProfile"), T::Text, QString(), 0, 0, U::None, profileName,
         QT_TRANSLATE_NOOP("ConfigSchema", "A profile whose routes also serve the default base URL (the tray's "
                                           "Routes menu switches it); empty: the routes below.")},
        {K::Providers, QLatin1StringView("providers"), T::List, QJsonArray(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The upstreams, see Providers.")},
        {K::Routes, QLatin1StringView("routes"), T::List, QJsonArray(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Which provider and model answer which requested model, see Routes.")},
        {K::Profiles, QLatin1StringView("profiles"), T::List, QJsonArray(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Route sets under their own base path, see Profiles.")},
        {K::WebSearchBackend, QLatin1StringView("webSearch.backend"), T::Text, QString(), 0, 0, U::None,
         "searxng|brave|tavily",
         QT_TRANSLATE_NOOP("ConfigSchema", "Where CC Bridge runs Claude Code's web searches for providers without "
                                           "search of their own: searxng, brave or tavily; empty: the web search "
                                           "tool is dropped for them (see Web search).")},
        {K::WebSearchUrl, QLatin1StringView("webSearch.url"), T::Text, QString(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The SearXNG instance's address, such as http://localhost:8888 (its JSON "
                                           "format on); for brave and tavily, their API's address instead of the "
                                           "public one.")},
        {K::WebSearchApiKeyEnv, QLatin1StringView("webSearch.apiKeyEnv"), T::Text, QJsonValue(), 0, 0, U::None,
         environmentVariable,
         QT_TRANSLATE_NOOP("ConfigSchema", "Environment variable holding the Brave or Tavily key. The desktop app "
                                           "keeps it in the keychain instead.")},
        {K::WebSearchKeyInKeychain, QLatin1StringView("webSearch.keyInKeychain"), T::Boolean, false, 0, 0, U::None,
         nullptr, QT_TRANSLATE_NOOP("ConfigSchema", "The key is in the OS keychain (set by the desktop app).")},
        {K::WebSearchMaxResults, QLatin1StringView("webSearch.maxResults"), T::Integer,
         number(proxy.webSearch.backend.maxResults), 1, 20, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Results per search the model reads.")},

        {K::LogRetention, QLatin1StringView("app.logRetention"), T::Integer, number(1'000), 100, 100'000,
         U::Requests, nullptr, QT_TRANSLATE_NOOP("ConfigSchema", "Requests kept in the window's live log.")},
        {K::UsageRetentionDays, QLatin1StringView("app.usageRetentionDays"), T::Integer, number(365), 1, 3'650,
         U::Days, nullptr, QT_TRANSLATE_NOOP("ConfigSchema", "How long daily usage totals are kept.")},
        {K::Language, QLatin1StringView("app.language"), T::Text, QString(), 0, 0, U::None,
         "[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*",
         QT_TRANSLATE_NOOP("ConfigSchema", "The window's language, such as de or zh_CN; empty: the system's.")},
        {K::StartAtLogin, QLatin1StringView("app.startAtLogin"), T::Boolean, false, 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Start CC Bridge in the tray at login.")},
        {K::StartProxyAtLaunch, QLatin1StringView("app.startProxyAtLaunch"), T::Boolean, true, 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Start the proxy when the window starts.")},
        {K::Version, QLatin1StringView("version"), T::Integer, QJsonValue(), 1, intMax, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The file's format version, written by the desktop app.")},

        {K::ProviderName, QLatin1StringView("providers[].name"), T::Text, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The name routes use; the preset's id when a preset is given.")},
        {K::ProviderPreset, QLatin1StringView("providers[].preset"), T::Text, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "A built-in preset (deepseek, glm, zai, kimi, qwen, chutes, openrouter, "
                                           "openai, groq, gemini, ollama, lmstudio, vllm, anthropic, and the "
                                           "-anthropic endpoints): it supplies every key below; keys given here "
                                           "override it.")},
        {K::ProviderBaseUrl, QLatin1StringView("providers[].baseUrl"), T::Text, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The provider's base URL. openai-chat appends /chat/completions and "
                                           "openai-responses /responses; anthropic appends /v1/messages. Required "
                                           "without a preset.")},
        {K::ProviderFormat, QLatin1StringView("providers[].format"), T::Text,
         UpstreamApiName::of(provider.format), 0, 0, U::None, apiNames.constData(),
         QT_TRANSLATE_NOOP("ConfigSchema", "The upstream API: openai-chat (Chat Completions), openai-responses "
                                           "(Responses API) or anthropic (passthrough).")},
        {K::ProviderApiKeyEnv, QLatin1StringView("providers[].apiKeyEnv"), T::Text, QJsonValue(), 0, 0, U::None,
         environmentVariable,
         QT_TRANSLATE_NOOP("ConfigSchema", "Environment variable holding the API key; omit for local servers "
                                           "without keys.")},
        {K::ProviderKeyInKeychain, QLatin1StringView("providers[].keyInKeychain"), T::Boolean, false, 0, 0, U::None,
         nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The key is in the OS keychain under the provider's name (the desktop "
                                           "app's Providers page puts it there); apiKeyEnv is the fallback.")},
        {K::ProviderMaxOutputTokens, QLatin1StringView("providers[].maxOutputTokens"), T::Integer,
         number(provider.maxOutputTokens), 0, 10'000'000, U::Tokens, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Clamps the request's max_tokens (Claude Code asks for 128000, which "
                                           "most providers reject); 0 = no cap.")},
        {K::ProviderHeaders, QLatin1StringView("providers[].headers"), T::Object, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Extra request headers, e.g. {\"HTTP-Referer\": \"https://example.org\"}.")},
        {K::ProviderMaxConcurrent, QLatin1StringView("providers[].maxConcurrent"), T::Integer,
         number(provider.maxConcurrent), 0, 10'000, U::Requests, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Requests in flight at once; 0 = no limit.")},
        {K::ProviderMaxQueued, QLatin1StringView("providers[].maxQueued"), T::Integer, number(provider.maxQueued), 0,
         100'000, U::Requests, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Requests waiting beyond maxConcurrent; more get 529 overloaded_error.")},
        {K::ProviderValidateModels, QLatin1StringView("providers[].validateModels"), T::Boolean,
         provider.validateModels, 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Check model names against the provider's GET /models (cached 10 min): "
                                           "fix their case, refuse unknown ones with the list.")},
        {K::ProviderRules, QLatin1StringView("providers[].rules"), T::Object, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "How the provider differs from plain OpenAI, see Provider rules.")},

        {K::RouteMatch, QLatin1StringView("routes[].match"), T::Text, QStringLiteral("*"), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "A case-insensitive glob on the requested model: *haiku*, *sonnet*, "
                                           "*opus*, claude-opus-5-5, *.")},
        {K::RouteWhen, QLatin1StringView("routes[].when"), T::Text, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "A scenario the request must be in: background (a haiku-class model), "
                                           "thinking (an explicit budget or high effort), longContext (estimate "
                                           "above longContextTokens), images (an image in the conversation), webSearch "
                                           "(Claude Code's web search tool is offered: a provider with its own search); "
                                           "vision: not a scenario but the model that describes images for routes "
                                           "whose model takes none (see Images).")},
        {K::RouteProvider, QLatin1StringView("routes[].provider"), T::Text, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "A provider's name."), true},
        {K::RouteModel, QLatin1StringView("routes[].model"), T::Text, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The model name sent upstream."), true},
        {K::RouteMaxOutputTokens, QLatin1StringView("routes[].maxOutputTokens"), T::Integer, number(0), 0,
         10'000'000, U::Tokens, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Overrides the provider's cap for this route; 0 = the provider's.")},
        {K::RouteContextWindow, QLatin1StringView("routes[].contextWindow"), T::Integer, number(0), 0,
         100'000'000, U::Tokens, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The model's context window; 0 = the preset's figure, if it has one. "
                                           "An overflow the provider reports without numbers is answered with it, "
                                           "and a main route's window below 200K sets Claude Code's "
                                           "CLAUDE_CODE_AUTO_COMPACT_WINDOW.")},
        {K::RouteImages, QLatin1StringView("routes[].images"), T::Boolean, QJsonValue(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Whether the model takes images; unset: as its preset says (a model no "
                                           "preset lists is taken to). An image for a model that takes none is "
                                           "described by the vision route, or refused with 400 without one.")},
        {K::RouteFallbacks, QLatin1StringView("routes[].fallbacks"), T::List, QJsonArray(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "[{\"provider\": …, \"model\": …}], tried in order when the provider "
                                           "fails before answering.")},

        {K::ProfileName, QLatin1StringView("profiles[].name"), T::Text, QJsonValue(), 0, 0, U::None, profileName,
         QT_TRANSLATE_NOOP("ConfigSchema", "Reached under /p/<name>."), true},
        {K::ProfileRoutes, QLatin1StringView("profiles[].routes"), T::List, QJsonArray(), 0, 0, U::None, nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The profile's routes, as in Routes.")},
        {K::ProfileClientTokenEnv, QLatin1StringView("profiles[].clientTokenEnv"), T::Text, QJsonValue(), 0, 0,
         U::None, environmentVariable,
         QT_TRANSLATE_NOOP("ConfigSchema", "Environment variable holding the profile's own token, which replaces "
                                           "the proxy's under its base path.")},
        {K::ProfilePassClientKey, QLatin1StringView("profiles[].passClientKey"), T::Boolean, false, 0, 0, U::None,
         nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "Send the client's own key (x-api-key or Bearer) to the provider instead "
                                           "of the provider's stored key.")},
        {K::ProfileTokenInKeychain, QLatin1StringView("profiles[].tokenInKeychain"), T::Boolean, false, 0, 0, U::None,
         nullptr,
         QT_TRANSLATE_NOOP("ConfigSchema", "The profile's own token is in the OS keychain (the Routes page puts it "
                                           "there); clientTokenEnv is the fallback.")},
    };
}

QString unitSuffix(ConfigField::Unit unit)
{
    switch (unit) {
    case U::Milliseconds:
        return QStringLiteral(" ms");
    case U::Bytes:
        return ConfigSchema::tr(" bytes");
    case U::Tokens:
        return ConfigSchema::tr(" tokens");
    case U::Days:
        return ConfigSchema::tr(" days");
    case U::Requests:
    case U::None:
        break;
    }
    return {};
}

QString typeName(const ConfigField &field)
{
    switch (field.type) {
    case T::Integer:
        return QStringLiteral("number");
    case T::Boolean:
        return QStringLiteral("true/false");
    case T::Text:
    case T::Listen:
        return QStringLiteral("text");
    case T::List:
        return QStringLiteral("list");
    case T::Object:
        return QStringLiteral("object");
    }
    return {};
}

QString defaultText(const ConfigField &field)
{
    const QJsonValue value = field.defaultValue;
    if (field.required)
        return QStringLiteral("required");
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()) || (value.isArray() && value.toArray().isEmpty()))
        return QStringLiteral("none");
    if (value.isBool())
        return value.toBool() ? QStringLiteral("`true`") : QStringLiteral("`false`");
    if (value.isDouble())
        return QStringLiteral("`%1`").arg(qint64(value.toDouble()));
    return QStringLiteral("`%1`").arg(value.toString());
}

// A whole number as a file may hold it: in digits, or in exponent form where it lies beyond
// qint64, whose conversion would be undefined.
QString wholeNumberText(double number)
{
    constexpr double beyondQint64 = 0x1p63;
    if (std::abs(number) < beyondQint64)
        return QString::number(qint64(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QString ConfigField::name() const
{
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    return QString(dot < 0 ? path : path.sliced(dot + 1));
}

QString ConfigField::section() const
{
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : QString(path.first(dot));
}

QString ConfigField::helpText() const
{
    return QCoreApplication::translate("ConfigSchema", help);
}

const QList<ConfigField> &ConfigSchema::fields()
{
    static const QList<ConfigField> table = buildFields();
    return table;
}

const ConfigField &ConfigSchema::field(ConfigKey key)
{
    const QList<ConfigField> &table = fields();
    const auto index = qsizetype(key);
    Q_ASSERT(index >= 0 && index < table.size() && table.at(index).key == key);
    return table.at(index);
}

QStringList ConfigSchema::keysIn(const QString &section)
{
    QStringList keys;
    for (const ConfigField &field : fields()) {
        if (field.section() == section)
            keys << field.name();
    }
    // A top-level object holding fields is a key of the top level too.
    if (section.isEmpty())
        keys << objectSections();
    return keys;
}

QStringList ConfigSchema::objectSections()
{
    QStringList sections;
    for (const ConfigField &field : fields()) {
        const QString section = field.section();
        if (!section.isEmpty() && !section.endsWith(QLatin1StringView("[]")) && !sections.contains(section))
            sections << section;
    }
    return sections;
}

QJsonValue ConfigSchema::valueAt(const QJsonObject &root, const ConfigField &field)
{
    const QString section = field.section();
    if (section.isEmpty())
        return root.value(field.name());
    return root.value(section).toObject().value(field.name());
}

void ConfigSchema::setValueAt(QJsonObject &root, const ConfigField &field, const QJsonValue &value)
{
    const QString section = field.section();
    if (section.isEmpty()) {
        root.insert(field.name(), value);
        return;
    }
    QJsonObject object = root.value(section).toObject();
    object.insert(field.name(), value);
    root.insert(section, object);
}

std::optional<QString> ConfigSchema::problem(const ConfigField &field, const QJsonValue &value, const QString &where)
{
    switch (field.type) {
    case T::Integer: {
        // Compared as a double: a file may hold any number, and one beyond qint64 (1e300) has
        // no integer to convert to. Only a number within the bounds is ever read as one.
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number)
            return tr("%1 must be a whole number.").arg(where);
        if (number < double(field.minimum) || number > double(field.maximum))
            return tr("%1 must be %2, not %3.")
                .arg(where, boundsText(field), wholeNumberText(number));
        return std::nullopt;
    }
    case T::Boolean:
        if (!value.isBool())
            return tr("%1 must be true or false.").arg(where);
        return std::nullopt;
    case T::Text:
        if (!value.isString())
            return tr("%1 must be a string.").arg(where);
        if (field.pattern && !value.toString().isEmpty()
            && !QRegularExpression(QRegularExpression::anchoredPattern(QLatin1StringView(field.pattern)))
                    .match(value.toString())
                    .hasMatch())
            // Without the text: it may be a key pasted into the wrong field.
            return tr("%1 is not valid there.").arg(where);
        return std::nullopt;
    case T::Listen:
        if (!value.isString() || !ProxyConfig::parseListen(value.toString()))
            return tr("%1 must look like 127.0.0.1:8765.").arg(where);
        return std::nullopt;
    case T::List:
        if (!value.isArray())
            return tr("%1 must be a list.").arg(where);
        return std::nullopt;
    case T::Object:
        if (!value.isObject())
            return tr("%1 must be an object.").arg(where);
        return std::nullopt;
    }
    return std::nullopt;
}

QString ConfigSchema::boundsText(const ConfigField &field)
{
    return tr("between %1 and %2%3").arg(field.minimum).arg(field.maximum).arg(unitSuffix(field.unit));
}

QString ConfigSchema::referenceTables()
{
    const QList<QPair<QString, QString>> tables{{QString(), QStringLiteral("The file")},
                                                {QStringLiteral("providers[]"), QStringLiteral("Providers")},
                                                {QStringLiteral("routes[]"), QStringLiteral("Routes")},
                                                {QStringLiteral("profiles[]"), QStringLiteral("Profiles")}};
    QString text;
    for (const auto &[prefix, title] : tables) {
        text += QStringLiteral("### %1\n\n| key | type | default | bounds | meaning |\n|---|---|---|---|---|\n").arg(title);
        for (const ConfigField &field : fields()) {
            const QString section = field.section();
            const bool inTable = prefix.isEmpty() ? !section.endsWith(QLatin1StringView("[]")) : section == prefix;
            if (!inTable)
                continue;
            const QString key = prefix.isEmpty() ? QString(field.path) : field.name();
            const QString bounds = field.type == T::Integer
                                       ? QStringLiteral("%1 – %2%3").arg(field.minimum).arg(field.maximum).arg(unitSuffix(field.unit))
                                       : QString();
            // The English text, as the source is: the docs are in English.
            text += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n")
                        .arg(key, typeName(field), defaultText(field), bounds,
                             QString::fromUtf8(field.help).replace(QLatin1Char('|'), QStringLiteral("\\|")));
        }
        text += QLatin1Char('\n');
    }
    return text;
}
