#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The API a provider speaks. Resolved from its name when a configuration is read, so that
// everything past the reader handles a known value and never compares names.
enum class UpstreamApi { OpenAiChat, OpenAiResponses, Anthropic };

// The names configuration files, presets and --format use for each UpstreamApi.
class UpstreamApiName
{
    Q_DECLARE_TR_FUNCTIONS(UpstreamApiName)

public:
    static QString of(UpstreamApi api);
    // nullopt for a name no UpstreamApi has.
    static std::optional<UpstreamApi> parse(const QString &name);
    static QList<UpstreamApi> all();
    static QStringList names();
    // Why `name`, found at `where` (a config key, a command-line flag), is refused.
    static QString unknown(const QString &where, const QString &name);
};
