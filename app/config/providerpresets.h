#pragma once

#include "config/proxyconfig.h"
#include "http/httpheaders.h"
#include "protocol/providerrules.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A model's public list price in USD per million tokens, for estimating what usage cost.
struct ModelPrice
{
    double input = 0;
    double output = 0;
    double cacheRead = 0;
};

// A provider as CC Bridge knows it out of the box: where it is, which API it speaks, its
// models and their output caps, and how it differs from plain OpenAI behaviour.
struct ProviderPreset
{
    QString id;
    QString name;
    QString baseUrl;
    UpstreamApi format = UpstreamApi::OpenAiChat;
    QString apiKeyEnv;
    int maxOutputTokens = 8192;
    QStringList models;
    QHash<QString, int> modelOutputCaps;
    QHash<QString, int> modelContextWindows; // tokens, from the provider's model documentation
    QHash<QString, bool> modelImages;        // whether each model takes images
    QHash<QString, ModelPrice> prices; // only models whose list price we are sure of
    QHash<QString, QString> defaultModels; // "opus", "sonnet", "haiku", "thinking" → model
    HttpHeaders headers;
    ProviderRules rules;
    QString notes;
};

// The presets shipped in resources/presets.json: data, not code paths.
class ProviderPresets
{
    Q_DECLARE_TR_FUNCTIONS(ProviderPresets)

public:
    static const QList<ProviderPreset> &all();
    static const ProviderPreset *find(const QString &id);
    // The list price of `model` as the preset `id` knows it.
    static std::optional<ModelPrice> priceOf(const QString &id, const QString &model);

    // Reads a `rules` object (presets and config files share it) onto `rules`; problems are
    // appended to `errors`, prefixed with `where`.
    static void readRules(const QJsonObject &json, const QString &where, ProviderRules &rules, QStringList &errors);

    // A provider with the preset's settings (its key still to be read from apiKeyEnv).
    static ProviderConfig providerFrom(const ProviderPreset &preset);
    // Routes for Claude Code's model families to the preset's default models: thinking
    // requests, haiku, opus, then everything else to the sonnet choice. Empty when the preset
    // names no defaults.
    static QList<ModelRoute> defaultRoutes(const ProviderPreset &preset);
};
