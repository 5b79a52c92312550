#pragma once

#include "../anthropic/apierror.h"
#include "../tokenusage.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Conventions of OpenAI Chat Completions responses shared by the whole-response and the
// streaming translators, so that both read the upstream the same way.
namespace ChatCompletion {

// Usage from an OpenAI `usage` object: prompt/completion tokens, cached prompt tokens from
// `prompt_tokens_details.cached_tokens` or DeepSeek's `prompt_cache_hit_tokens`.
// Returns nullopt for a missing or null usage.
std::optional<TokenUsage> usageFrom(const QJsonValue &usage);

// The usage a chunk or response carries: top level, or inside the choice as Moonshot sends it.
std::optional<TokenUsage> usageOf(const QJsonObject &chunkOrResponse);

// The error a stream event reports: an `error` event (a bare error object or plain text), or a
// chunk with an error ({"error":{"message":…,"code":…}}, {"error":"…"}); nullopt for others.
// `chunk` is the event's data parsed, `data` as it came.
std::optional<ApiError> streamErrorOf(QByteArrayView eventName, const QJsonObject &chunk, const QByteArray &data);

// Anthropic's stop_reason for an OpenAI finish_reason. Tool calls win whatever the finish
// reason says; an unknown or missing reason counts as end_turn.
QString stopReasonFor(const QString &finishReason, bool hasToolCalls);

// The stop sequence that ended the choice, where the upstream says which one matched
// (vLLM and SGLang put it in the choice's `stop_reason`) and the client asked for it.
std::optional<QString> matchedStopSequence(const QJsonObject &choice,
                                           const QStringList &stopSequences);
// The same, from the choice's `stop_reason` when it is text.
std::optional<QString> matchedStopSequence(const std::optional<QString> &stopReason,
                                           const QStringList &stopSequences);

// A tool_use `input` from function-call arguments. Empty arguments are `{}`; arguments that
// are not a JSON object are kept for the model to see as {"_raw_arguments": "<text>"}, so
// the tool's own validation error tells the model what went wrong instead of a failed turn.
QJsonObject toolInputFrom(const QString &arguments);

// The reasoning text of a message or delta: `reasoning_content` (DeepSeek, Kimi, GLM, Qwen,
// vLLM, llama.cpp) or `reasoning` (OpenRouter, Groq).
QString reasoningOf(const QJsonObject &messageOrDelta);
// The same, from the two members' texts (empty when missing or not text).
QString reasoningOf(const QString &reasoningContent, const QString &reasoning);

} // namespace ChatCompletion
