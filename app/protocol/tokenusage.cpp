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

TokenUsage TokenUsage::fromOpenAiCounts(qint64 inputWithCached, qint64 cached, qint64 output)
{
    const qint64 cacheRead = qBound<qint64>(0, cached, inputWithCached);
    TokenUsage result;
    result.input = inputWithCached - cacheRead;
    result.cacheRead = cacheRead;
    result.output = output;
    result.reported = true;
    return result;
}
