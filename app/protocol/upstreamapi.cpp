#include "upstreamapi.h"

QString UpstreamApiName::of(UpstreamApi api)
{
    switch (api) {
    case UpstreamApi::OpenAiChat:
        return QStringLiteral("openai-chat");
    case UpstreamApi::OpenAiResponses:
        return QStringLiteral("openai-responses");
    case UpstreamApi::Anthropic:
        break;
    }
    return QStringLiteral("anthropic");
}

std::optional<UpstreamApi> UpstreamApiName::parse(const QString &name)
{
    for (const UpstreamApi api : all()) {
        if (of(api) == name)
            return api;
    }
    return std::nullopt;
}

QList<UpstreamApi> UpstreamApiName::all()
{
    return {UpstreamApi::OpenAiChat, UpstreamApi::OpenAiResponses, UpstreamApi::Anthropic};
}

QStringList UpstreamApiName::names()
{
    QStringList names;
    for (const UpstreamApi api : all())
        names << of(api);
    return names;
}

QString UpstreamApiName::unknown(const QString &where, const QString &name)
{
    return tr("%1: \"%2\" is not an API format CC Bridge knows (known: %3).")
        .arg(where, name, names().join(QLatin1StringView(", ")));
}
