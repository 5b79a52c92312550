#pragma once

#include "../anthropic/apierror.h"

#include <QJsonObject>

#include <optional>

// Reads a request to the inbound OpenAI-compatible endpoint (`POST /v1/chat/completions`)
// into an Anthropic Messages request, the proxy's pivot format, so that OpenAI-format clients
// reach every provider through the same translators as Claude Code. Pure.
//
// A request the pivot cannot express faithfully (several choices, unknown content part or
// tool types) is refused with a 400 naming the field, OpenAI-style (`messages[2].content`),
// rather than answered with something the client did not ask for. Fields with no Anthropic
// counterpart that only tune sampling or logging (seed, penalties, logprobs, …) are ignored.
class OpenAiChatRequestReader
{
public:
    struct Result
    {
        QJsonObject anthropicRequest; // empty when there is an error
        std::optional<ApiError> error;
    };

    // Reasoning budgets for `reasoning_effort`, in thinking tokens.
    static constexpr int lowThinkingBudget = 2048;
    static constexpr int mediumThinkingBudget = 8192;
    static constexpr int highThinkingBudget = 24576;

    // defaultMaxTokens stands in for a missing max_completion_tokens / max_tokens, which
    // OpenAI treats as optional and Anthropic requires.
    static Result read(const QJsonObject &openAiRequest, int defaultMaxTokens = 4096);
};
