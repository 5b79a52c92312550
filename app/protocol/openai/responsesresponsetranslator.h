#pragma once

#include "../streamtranslator.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// Turns a whole (non-streaming) OpenAI Responses API response into an Anthropic message.
// Pure.
//
// Its readers of a Response object are public because a stream ends with the same object
// (in response.completed, .incomplete and .failed): ResponsesStreamTranslator reads usage,
// stop reason and errors through them, so both paths report the same numbers.
class ResponsesResponseTranslator
{
public:
    using Options = ResponseOptions;

    static QJsonObject translate(const QJsonObject &response, const Options &options);

    // Usage from a Response's `usage`: input_tokens include the cached ones, which Anthropic
    // counts apart as cache reads. Returns nullopt for a missing or null usage.
    static std::optional<TokenUsage> usageOf(const QJsonObject &response);
    // Anthropic's stop_reason for a Response: an incomplete one says why it was cut
    // (max_output_tokens → max_tokens, content_filter → refusal) even over tool calls, as
    // Anthropic reports max_tokens for a tool call cut short; otherwise tool_use when the
    // answer holds function calls, else end_turn.
    static QString stopReasonOf(const QJsonObject &response, bool hasToolCalls);
    // The Anthropic error for a Responses error object ({"code","message"}), as found in an
    // `error` event and in a failed Response: quota and rate limits are 429, others 500.
    static ApiError errorFrom(const QJsonObject &error);
};
