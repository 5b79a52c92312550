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
    // From an OpenAI API's counts, whose input includes the cached tokens. The cached count
    // is kept within 0..input, so that a provider's odd numbers never make input negative.
    static TokenUsage fromOpenAiCounts(qint64 inputWithCached, qint64 cached, qint64 output);

    // The counts of two answers together, as one turn of several upstream rounds reports them.
    TokenUsage &operator+=(const TokenUsage &other)
    {
        input += other.input;
        output += other.output;
        cacheRead += other.cacheRead;
        reported = reported || other.reported;
        return *this;
    }

    friend bool operator==(const TokenUsage &, const TokenUsage &) = default;
};
