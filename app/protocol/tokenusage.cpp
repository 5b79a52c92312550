#include "tokenusage.h"

QJsonObject TokenUsage::toAnthropicJson() const
{
    return QJsonObject{
        {QStringLiteral("input_tokens"), input},
        {QStringLiteral("output_tokens"), output},
        {QStringLiteral("cache_read_input_tokens"), cacheRead},
        {QStringLiteral("cache_creation_input_tokens"), 0},
    };
}

std::optional<TokenUsage> TokenUsage::fromAnthropicJson(const QJsonValue &usage)
{
    if (!usage.isObject())
        return std::nullopt;
    const QJsonObject object = usage.toObject();
    TokenUsage result;
    result.input = object.value(QLatin1StringView("input_tokens")).toInteger();
    result.output = object.value(QLatin1StringView("output_tokens")).toInteger();
    result.cacheRead = object.value(QLatin1StringView("cache_read_input_tokens")).toInteger();
    result.reported = true;
    return result;
}
