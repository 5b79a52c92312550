#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <optional>

// Token counts in Anthropic's terms: `input` excludes the tokens read from the prompt cache,
// which are counted in `cacheRead` (OpenAI's prompt_tokens include them).
struct TokenUsage
{
    qint64 input = 0;
    qint64 output = 0;
    qint64 cacheRead = 0;
    bool reported = false; // the upstream reported usage (as opposed to nothing or an estimate)

    // {"input_tokens":…,"output_tokens":…,"cache_read_input_tokens":…,"cache_creation_input_tokens":0}
    QJsonObject toAnthropicJson() const;
    // From an Anthropic `usage` object; nullopt when there is none.
    static std::optional<TokenUsage> fromAnthropicJson(const QJsonValue &usage);

    friend bool operator==(const TokenUsage &, const TokenUsage &) = default;
};
