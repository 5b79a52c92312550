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
