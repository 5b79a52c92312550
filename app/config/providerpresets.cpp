#include "providerpresets.h"

#include "protocol/anthropic/toolschemasanitizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace {

template<typename Enum>
bool readChoice(const QJsonObject &json, QLatin1StringView key, const QList<QPair<const char *, Enum>> &choices,
                Enum &target, const QString &where, QStringList &errors)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return true;
    QStringList names;
    for (const auto &[name, choice] : choices) {
        if (value.toString() == QLatin1StringView(name)) {
            target = choice;
            return true;
        }
        names << QString::fromLatin1(name);
    }
    errors << ProviderPresets::tr("%1.%2 must be one of %3.").arg(where, key, names.join(QLatin1StringView(", ")));
    return false;
}

// Prices are optional, but one that is there must be complete: a guessed number would
// show a wrong cost as if it were known.
std::optional<ModelPrice> priceFrom(const QJsonValue &json, const QString &where, QStringList &errors)
{
    if (json.isUndefined())
        return std::nullopt;
    const QJsonObject object = json.toObject();
    ModelPrice price;
    for (const auto &[key, target] : {QPair<const char *, double *>{"input", &price.input},
                                      {"output", &price.output},
                                      {"cacheRead", &price.cacheRead}}) {
        const QJsonValue value = object.value(QLatin1StringView(key));
        if (value.isDouble() && value.toDouble() >= 0) {
            *target = value.toDouble();
        } else {
            errors << ProviderPresets::tr("%1.price.%2 must be a price in USD per million tokens.")
                          .arg(where, QLatin1StringView(key));
        }
    }
    if (object.size() != 3)
        errors << ProviderPresets::tr("%1.price must have exactly input, output and cacheRead.").arg(where);
    return price;
}

ProviderPreset presetFrom(const QJsonObject &json)
{
    QStringList errors;
    ProviderPreset preset;
    preset.id = json.value(QLatin1StringView("id")).toString();
    preset.name = json.value(QLatin1StringView("name")).toString();
    preset.baseUrl = json.value(QLatin1StringView("baseUrl")).toString();
    const QString format = json.value(QLatin1StringView("format")).toString();
    if (const auto api = UpstreamApiName::parse(format))
        preset.format = *api;
    else
        errors << UpstreamApiName::unknown(preset.id + QStringLiteral(".format"), format);
    preset.apiKeyEnv = json.value(QLatin1StringView("apiKeyEnv")).toString();
    preset.maxOutputTokens = json.value(QLatin1StringView("maxOutputTokens")).toInt();
    preset.notes = json.value(QLatin1StringView("notes")).toString();
    for (const QJsonValue &model : json.value(QLatin1StringView("models")).toArray()) {
        const QString id = model.toObject().value(QLatin1StringView("id")).toString();
        preset.models << id;
        if (const int cap = model.toObject().value(QLatin1StringView("maxOutputTokens")).toInt(); cap > 0)
            preset.modelOutputCaps.insert(id, cap);
        if (const int window = model.toObject().value(QLatin1StringView("contextWindow")).toInt(); window > 0)
            preset.modelContextWindows.insert(id, window);
        if (const QJsonValue images = model.toObject().value(QLatin1StringView("images")); images.isBool())
            preset.modelImages.insert(id, images.toBool());
        else
            errors << QStringLiteral("%1.%2: \"images\" must say whether the model takes images").arg(preset.id, id);
        const QString where = preset.id + QLatin1Char('.') + id;
        if (const auto price = priceFrom(model.toObject().value(QLatin1StringView("price")), where, errors))
            preset.prices.insert(id, *price);
    }
    const QJsonObject defaults = json.value(QLatin1StringView("defaultModels")).toObject();
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        preset.defaultModels.insert(it.key(), it.value().toString());
    const QJsonObject headers = json.value(QLatin1StringView("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        preset.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    ProviderPresets::readRules(json.value(QLatin1StringView("rules")).toObject(), preset.id, preset.rules, errors);
    if (!errors.isEmpty())
        qFatal("resources/presets.json: %s", qPrintable(errors.join(QLatin1Char(' '))));
    return preset;
}

QList<ProviderPreset> loadPresets()
{
    QFile file(QStringLiteral(":/ccbridge/presets.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the built-in provider presets are missing");
    QList<ProviderPreset> presets;
    for (const QJsonValue &json : QJsonDocument::fromJson(file.readAll()).object().value(QLatin1StringView("presets")).toArray())
        presets << presetFrom(json.toObject());
    return presets;
}

} // namespace

const QList<ProviderPreset> &ProviderPresets::all()
{
    static const QList<ProviderPreset> presets = loadPresets();
    return presets;
}

const ProviderPreset *ProviderPresets::find(const QString &id)
{
    for (const ProviderPreset &preset : all()) {
        if (preset.id == id)
            return &preset;
    }
    return nullptr;
}

std::optional<ModelPrice> ProviderPresets::priceOf(const QString &id, const QString &model)
{
    const ProviderPreset *preset = find(id);
    if (preset && preset->prices.contains(model))
        return preset->prices.value(model);
    return std::nullopt;
}

void ProviderPresets::readRules(const QJsonObject &json, const QString &where, ProviderRules &rules, QStringList &errors)
{
    using Rules = ProviderRules;
    readChoice<Rules::ReasoningHistory>(json, QLatin1StringView("reasoningHistory"),
                                        {{"drop", Rules::ReasoningHistory::Drop},
                                         {"reasoning_content", Rules::ReasoningHistory::ReasoningContent}},
                                        rules.reasoningHistory, where, errors);
    readChoice<Rules::ThinkingSwitch>(json, QLatin1StringView("thinkingSwitch"),
                                      {{"none", Rules::ThinkingSwitch::None},
                                       {"reasoning_effort", Rules::ThinkingSwitch::ReasoningEffort},
                                       {"thinking_type", Rules::ThinkingSwitch::ThinkingType},
                                       {"enable_thinking", Rules::ThinkingSwitch::EnableThinking},
                                       {"openrouter_reasoning", Rules::ThinkingSwitch::OpenRouterReasoning}},
                                      rules.thinkingSwitch, where, errors);
    readChoice<Rules::WebSearch>(json, QLatin1StringView("webSearch"),
                                 {{"drop", Rules::WebSearch::Drop},
                                  {"openrouter_plugin", Rules::WebSearch::OpenRouterPlugin},
                                  {"glm_tool", Rules::WebSearch::GlmTool}},
                                 rules.webSearch, where, errors);
    const QJsonValue keywords = json.value(QLatin1StringView("schemaKeywords"));
    if (keywords.toString() == QLatin1StringView("gemini")) {
        rules.unsupportedSchemaKeywords = ToolSchemaSanitizer::geminiUnsupportedKeywords();
    } else if (keywords.isArray()) {
        rules.unsupportedSchemaKeywords.clear();
        for (const QJsonValue &keyword : keywords.toArray()) {
            if (keyword.isString())
                rules.unsupportedSchemaKeywords << keyword.toString();
            else
                errors << tr("%1.schemaKeywords must be \"gemini\" or a list of keywords.").arg(where);
        }
    } else if (!keywords.isUndefined()) {
        errors << tr("%1.schemaKeywords must be \"gemini\" or a list of keywords.").arg(where);
    }
    for (const auto &[key, flag] : {QPair<const char *, bool *>{"textToolCalls", &rules.textToolCalls},
                                    {"stripBillingHeader", &rules.stripBillingHeader},
                                    {"maxCompletionTokens", &rules.maxCompletionTokens},
                                    {"fileParts", &rules.fileParts}}) {
        const QJsonValue value = json.value(QLatin1StringView(key));
        if (value.isBool())
            *flag = value.toBool();
        else if (!value.isUndefined())
            errors << tr("%1.%2 must be true or false.").arg(where, QLatin1StringView(key));
    }
    const QJsonValue nameLength = json.value(QLatin1StringView("maxToolNameLength"));
    if (nameLength.isDouble() && nameLength.toInt() > 8)
        rules.maxToolNameLength = nameLength.toInt();
    else if (!nameLength.isUndefined())
        errors << tr("%1.maxToolNameLength must be a whole number above 8.").arg(where);
    const QJsonValue toolNames = json.value(QLatin1StringView("toolNames"));
    const QJsonObject toolNameObject = toolNames.toObject();
    for (auto it = toolNameObject.begin(); it != toolNameObject.end(); ++it) {
        if (it.value().isString() && !it.value().toString().isEmpty())
            rules.toolNameOverrides.insert(it.key(), it.value().toString());
        else
            errors << tr("%1.toolNames.%2 must be a tool name.").arg(where, it.key());
    }
    if (!toolNames.isUndefined() && !toolNames.isObject())
        errors << tr("%1.toolNames must map client tool names to provider tool names.").arg(where);
    static const QStringList known{QStringLiteral("toolNames"), QStringLiteral("reasoningHistory"), QStringLiteral("thinkingSwitch"),
                                   QStringLiteral("webSearch"), QStringLiteral("schemaKeywords"),
                                   QStringLiteral("textToolCalls"), QStringLiteral("stripBillingHeader"),
                                   QStringLiteral("maxCompletionTokens"), QStringLiteral("maxToolNameLength"),
                                   QStringLiteral("fileParts")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            errors << tr("%1: unknown rule \"%2\".").arg(where, it.key());
    }
}

ProviderConfig ProviderPresets::providerFrom(const ProviderPreset &preset)
{
    ProviderConfig provider;
    provider.preset = preset.id;
    provider.name = preset.id;
    provider.baseUrl = QUrl(preset.baseUrl);
    provider.format = preset.format;
    provider.apiKeyEnv = preset.apiKeyEnv;
    provider.maxOutputTokens = preset.maxOutputTokens;
    provider.modelOutputCaps = preset.modelOutputCaps;
    provider.modelContextWindows = preset.modelContextWindows;
    provider.modelImages = preset.modelImages;
    provider.headers = preset.headers;
    provider.rules = preset.rules;
    return provider;
}

QList<ModelRoute> ProviderPresets::defaultRoutes(const ProviderPreset &preset)
{
    const QString sonnet = preset.defaultModels.value(QStringLiteral("sonnet"));
    if (sonnet.isEmpty())
        return {};
    QList<ModelRoute> routes;
    if (const QString thinking = preset.defaultModels.value(QStringLiteral("thinking")); !thinking.isEmpty()) {
        routes << ModelRoute{.match = QStringLiteral("*"), .provider = preset.id, .model = thinking,
                             .when = QStringLiteral("thinking")};
    }
    for (const char *family : {"haiku", "opus"}) {
        const QString model = preset.defaultModels.value(QLatin1StringView(family));
        if (!model.isEmpty())
            routes << ModelRoute{.match = QStringLiteral("*%1*").arg(QLatin1StringView(family)), .provider = preset.id, .model = model};
    }
    routes << ModelRoute{.match = QStringLiteral("*"), .provider = preset.id, .model = sonnet};
    return routes;
}
