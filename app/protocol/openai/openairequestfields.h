#pragma once

#include "../providerrules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The fields that the Chat Completions and the Responses API take from an Anthropic request
// alike, so that both request translators fill them the same way. Pure.
namespace OpenAiRequestFields {

// The request's max_tokens within the provider's cap (RequestOptions::maxOutputTokens).
qint64 maxTokensFor(const QJsonObject &anthropicRequest, const RequestOptions &options);

// The request's tools as function definitions, {name, parameters[, description]}, which
// each API then wraps its own way. Only custom tools: server tools (web_search_20250305, …)
// run on Anthropic's side, and no upstream can run them. Anthropic-only fields
// (cache_control, defer_loading) are left out.
QList<QJsonObject> functionsFor(const QJsonArray &anthropicTools);

// How an API spells the choice of one named function, the one tool_choice the two APIs
// spell differently.
using NamedToolChoice = QJsonObject (*)(const QJsonValue &name);

// tool_choice (auto, none, required for Anthropic's "any", or the named function) and
// parallel_tool_calls: false for disable_parallel_tool_use. A choice OpenAI cannot express
// is left out. Only for a request that sends functions: a tool choice without tools is an
// error for most upstreams.
void insertToolChoice(const QJsonObject &anthropicRequest, NamedToolChoice namedToolChoice,
                      QJsonObject &upstreamRequest);

// temperature and top_p, which both APIs take as Anthropic does, and metadata.user_id as
// `user`.
void insertSamplingAndUser(const QJsonObject &anthropicRequest, QJsonObject &upstreamRequest);

// output_config.effort as the client sent it (Claude Code's low|medium|high|max|xhigh), or
// empty.
QString requestedEffort(const QJsonObject &anthropicRequest);

// OpenAI's reasoning effort (low|medium|high) for a thinking budget in tokens.
QString effortForBudget(qint64 budgetTokens);

} // namespace OpenAiRequestFields
