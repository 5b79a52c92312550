#pragma once

#include "config/proxyconfig.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct ProviderPreset;

// One provider as the user edits it before Apply: read from and written back to the JSON
// Settings keeps, with the preset's defaults filled in, where its key comes from, and a key
// typed but not yet in the keychain. Fields no editor shows (headers, rules, limits) stay in
// `stored` and are written back unchanged.
struct ProviderDraft
{
    Q_DECLARE_TR_FUNCTIONS(ProviderDraft)

public:
    enum class KeySource {
        None,        // no key (local servers)
        Keychain,    // stored, or to be stored, in the OS keychain under `name`
        Environment, // read from the variable `keyEnv`
    };

    QJsonObject stored;            // as last stored; empty for a provider added since
    QString preset;
    QString name;
    QString baseUrl;
    UpstreamApi format = UpstreamApi::OpenAiChat;
    QString unknownFormat;         // a format this version does not know, kept until one is chosen
    int maxOutputTokens = ProviderConfig().maxOutputTokens;
    QString keyEnv;                // the variable, in environment mode; the alternative otherwise
    bool keyFromEnvironment = false;
    QString storedKeyName;         // the name its key is under in the keychain; "" = none
    QString pendingKey;            // typed, not yet in the keychain
    QStringList models;
    bool modelsFromProvider = false;

    // With the defaults ConfigFile applies: the preset's, overridden by what the entry says.
    static ProviderDraft fromJson(const QJsonObject &json);
    // A new provider from `preset`, or a custom one of `format` when there is none.
    static ProviderDraft fromPreset(const ProviderPreset *preset, UpstreamApi format, const QString &name,
                                    bool keyFromEnvironment);

    // The format's name in the JSON, an unknown one included.
    QString formatName() const;
    QJsonObject toJson() const;
    // As the proxy would see it (preset headers included), without a key.
    ProviderConfig toConfig() const;
    KeySource keySource() const;
    bool isNew() const { return stored.isEmpty(); }
    // Once `json` (its toJson()) is stored: a typed key is in the keychain under its name now.
    void markStored(const QJsonObject &json);

    // The first reason `drafts` cannot be stored, in words, and the index of the draft it is
    // about (-1 when there is none).
    static QString problemIn(const QList<ProviderDraft> &drafts, int *index);

private:
    QString problem() const;
};
