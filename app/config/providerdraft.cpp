#include "providerdraft.h"

#include "config/configfile.h"
#include "config/providerpresets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace {
const QLatin1StringView nameField("name");
const QLatin1StringView presetField("preset");
const QLatin1StringView baseUrlField("baseUrl");
const QLatin1StringView formatField("format");
const QLatin1StringView keyEnvField("apiKeyEnv");
const QLatin1StringView keyInKeychainField("keyInKeychain");
const QLatin1StringView maxOutputTokensField("maxOutputTokens");
}

ProviderDraft ProviderDraft::fromJson(const QJsonObject &json)
{
    const ProviderPreset *preset = ProviderPresets::find(json.value(presetField).toString());
    const ProviderConfig plain;
    ProviderDraft draft;
    draft.stored = json;
    // Kept even when this version has no such preset, so saving does not drop it.
    draft.preset = json.value(presetField).toString();
    draft.name = json.value(nameField).toString(preset ? preset->id : QString());
    draft.baseUrl = json.value(baseUrlField).toString(preset ? preset->baseUrl : QString());
    draft.format = preset ? preset->format : plain.format;
    if (const QJsonValue format = json.value(formatField); format.isString()) {
        if (const auto api = UpstreamApiName::parse(format.toString()))
            draft.format = *api;
        else
            draft.unknownFormat = format.toString();
    }
    draft.maxOutputTokens = json.value(maxOutputTokensField).toInt(preset ? preset->maxOutputTokens
                                                                            : plain.maxOutputTokens);
    draft.keyEnv = json.value(keyEnvField).toString(preset ? preset->apiKeyEnv : QString());
    const bool inKeychain = json.value(keyInKeychainField).toBool();
    draft.storedKeyName = inKeychain ? draft.name : QString();
    draft.keyFromEnvironment = !inKeychain && !draft.keyEnv.isEmpty();
    // An entry that used the keychain shows the preset's variable as the alternative.
    if (draft.keyEnv.isEmpty() && preset)
        draft.keyEnv = preset->apiKeyEnv;
    if (preset)
        draft.models = preset->models;
    return draft;
}

ProviderDraft ProviderDraft::fromPreset(const ProviderPreset *preset, UpstreamApi format, const QString &name,
                                        bool keyFromEnvironment)
{
    ProviderDraft draft;
    draft.name = name;
    draft.format = format;
    if (preset) {
        draft.preset = preset->id;
        draft.baseUrl = preset->baseUrl;
        draft.format = preset->format;
        draft.maxOutputTokens = preset->maxOutputTokens;
        draft.keyEnv = preset->apiKeyEnv;
        draft.models = preset->models;
    }
    draft.keyFromEnvironment = keyFromEnvironment;
    return draft;
}

QString ProviderDraft::formatName() const
{
    return unknownFormat.isEmpty() ? UpstreamApiName::of(format) : unknownFormat;
}

QJsonObject ProviderDraft::toJson() const
{
    QJsonObject json = stored;
    const ProviderPreset *presetFound = ProviderPresets::find(preset);
    if (!preset.isEmpty())
        json.insert(presetField, preset);
    else
        json.remove(presetField);
    json.insert(nameField, name);
    json.insert(baseUrlField, baseUrl);
    json.insert(formatField, formatName());
    json.insert(maxOutputTokensField, maxOutputTokens);
    if (keyFromEnvironment) {
        json.insert(keyEnvField, keyEnv);
        json.remove(keyInKeychainField);
    } else {
        // An empty variable overrides the preset's, so the proxy does not also look for it.
        if (presetFound && !presetFound->apiKeyEnv.isEmpty())
            json.insert(keyEnvField, QString());
        else
            json.remove(keyEnvField);
        if (keySource() == KeySource::Keychain)
            json.insert(keyInKeychainField, true);
        else
            json.remove(keyInKeychainField);
    }
    return json;
}

ProviderConfig ProviderDraft::toConfig() const
{
    QJsonObject json = toJson();
    json.remove(keyInKeychainField);
    // Whoever uses it brings the key; ConfigFile would otherwise read the variable itself.
    json.insert(keyEnvField, QString());
    const QJsonObject config{{QStringLiteral("providers"), QJsonArray{json}}};
    return ConfigFile::parse(QJsonDocument(config).toJson(QJsonDocument::Compact)).config.providers.value(0);
}

ProviderDraft::KeySource ProviderDraft::keySource() const
{
    if (keyFromEnvironment)
        return KeySource::Environment;
    return pendingKey.isEmpty() && storedKeyName.isEmpty() ? KeySource::None : KeySource::Keychain;
}

void ProviderDraft::markStored(const QJsonObject &json)
{
    stored = json;
    storedKeyName = keySource() == KeySource::Keychain ? name : QString();
    pendingKey.clear();
}

QString ProviderDraft::problemIn(const QList<ProviderDraft> &drafts, int *index)
{
    QStringList names;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        const ProviderDraft &draft = drafts.at(i);
        *index = int(i);
        if (!draft.name.isEmpty() && names.contains(draft.name))
            return tr("Two providers are named \"%1\"; routes and keys need unique names.").arg(draft.name);
        names << draft.name;
        if (const QString problem = draft.problem(); !problem.isEmpty())
            return problem;
    }
    *index = -1;
    return {};
}

QString ProviderDraft::problem() const
{
    if (name.isEmpty())
        return tr("Every provider needs a name.");
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https")))
        return tr("Provider %1: the base URL must be an http(s) address.").arg(name);
    static const QRegularExpression variableName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (keyFromEnvironment && !keyEnv.isEmpty() && !variableName.match(keyEnv).hasMatch())
        return tr("Provider %1: \"%2\" is not an environment variable name.").arg(name, keyEnv);
    if (!unknownFormat.isEmpty())
        return UpstreamApiName::unknown(tr("Provider %1").arg(name), unknownFormat);
    return {};
}
