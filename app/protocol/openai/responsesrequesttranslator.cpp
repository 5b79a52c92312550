#include "responsesrequesttranslator.h"

#include "../anthropic/anthropiccontent.h"
#include "../toolcallid.h"
#include "openairequestfields.h"

#include <QJsonArray>

namespace {
// OpenAI rejects a smaller max_output_tokens (Claude Code's quota probe asks for 1), so a
// tiny cap is raised rather than turned into a failed request.
constexpr qint64 minimumOutputTokens = 16;

using AnthropicContent::textOf;
using AnthropicContent::typeOf;

// input_text in what the client wrote, output_text in what the model wrote earlier: the
// Responses API tells the two apart by the part's type, not only by the message's role.
QJsonObject textPart(QLatin1StringView type, const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("text"), text}};
}

QJsonObject message(const QString &role, const QJsonArray &parts)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), role},
        {QStringLiteral("content"), parts},
    };
}

// A user part as input_text, input_image or input_file. An image's `detail` is spelled out
// because older Responses implementations require it; "auto" is what OpenAI assumes without it.
QJsonObject partFor(const AnthropicContent::UserPart &part)
{
    using Kind = AnthropicContent::UserPart::Kind;
    switch (part.kind) {
    case Kind::Image:
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("input_image")},
            {QStringLiteral("image_url"), part.value},
            {QStringLiteral("detail"), QStringLiteral("auto")},
        };
    case Kind::File:
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("input_file")},
            {QStringLiteral("filename"), part.fileName},
            {QStringLiteral("file_data"), part.value},
        };
    case Kind::Text:
        break;
    }
    return textPart(QLatin1StringView("input_text"), part.value);
}

// The function_call_output answering one tool_result; its attachments follow in the user
// message: an output is text for every Responses implementation.
QJsonObject functionCallOutput(const AnthropicContent::ToolResult &result)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("function_call_output")},
        {QStringLiteral("call_id"), ToolCallId::toUpstream(result.toolUseId)},
        {QStringLiteral("output"), result.text},
    };
}

// Tool results become function_call_output items first, as they answer the calls just
// before them; the turn's text, images and files follow in one user message.
void appendUserTurn(const QJsonValue &content, QJsonArray &input)
{
    const AnthropicContent::UserTurn turn = AnthropicContent::userTurnOf(content);
    for (const AnthropicContent::ToolResult &result : turn.toolResults)
        input.append(functionCallOutput(result));
    QJsonArray parts;
    for (const AnthropicContent::UserPart &part : turn.parts)
        parts.append(partFor(part));
    if (!parts.isEmpty())
        input.append(message(QStringLiteral("user"), parts));
}

// Text and tool calls keep their order: a run of text blocks becomes one assistant message,
// each tool_use a function_call item. Thinking blocks are dropped: their signatures mean
// nothing to another provider, and the proxy keeps no reasoning items to refer to.
void appendAssistantTurn(const QJsonValue &content, QJsonArray &input)
{
    if (content.isString()) {
        if (!content.toString().isEmpty())
            input.append(message(QStringLiteral("assistant"),
                                 {textPart(QLatin1StringView("output_text"), content.toString())}));
        return;
    }
    QJsonArray texts;
    const auto flushTexts = [&texts, &input] {
        if (!texts.isEmpty())
            input.append(message(QStringLiteral("assistant"), texts));
        texts = QJsonArray();
    };
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = typeOf(block);
        const QString text = block.value(QLatin1StringView("text")).toString();
        if (type == QLatin1StringView("text") && !text.isEmpty()) {
            texts.append(textPart(QLatin1StringView("output_text"), text));
        } else if (type == QLatin1StringView("tool_use")) {
            flushTexts();
            input.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("function_call")},
                {QStringLiteral("call_id"),
                 ToolCallId::toUpstream(block.value(QLatin1StringView("id")).toString())},
                {QStringLiteral("name"), block.value(QLatin1StringView("name")).toString()},
                {QStringLiteral("arguments"), AnthropicContent::argumentsOf(block)},
            });
        }
    }
    flushTexts();
}

QJsonArray inputFor(const QJsonObject &request)
{
    QJsonArray input;
    const QList<AnthropicContent::Turn> turns = AnthropicContent::turnsOf(request);
    for (const AnthropicContent::Turn &turn : turns) {
        if (turn.role == QLatin1StringView("user")) {
            appendUserTurn(turn.content, input);
        } else if (turn.role == QLatin1StringView("assistant")) {
            appendAssistantTurn(turn.content, input);
        } else if (turn.role == QLatin1StringView("system")) {
            // Claude Code's environment details: kept where they are, as the model saw them.
            // `developer` is the Responses role for instructions given mid-conversation.
            const QString text = textOf(turn.content, QLatin1StringView("\n\n"));
            if (!text.isEmpty())
                input.append(message(QStringLiteral("developer"),
                                     {textPart(QLatin1StringView("input_text"), text)}));
        }
    }
    return input;
}

// The Responses API takes function definitions flat, beside their type. `strict` is off
// because Claude Code's schemas do not meet strict mode's rules (every property required,
// additionalProperties false), which OpenAI would otherwise enforce.
QJsonArray functionsFor(const QJsonArray &anthropicTools)
{
    QJsonArray functions;
    const QList<QJsonObject> definitions = OpenAiRequestFields::functionsFor(anthropicTools);
    for (QJsonObject function : definitions) {
        function.insert(QStringLiteral("type"), QStringLiteral("function"));
        function.insert(QStringLiteral("strict"), false);
        functions.append(function);
    }
    return functions;
}

// The Responses API names the chosen function beside its type.
QJsonObject namedToolChoice(const QJsonValue &name)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                       {QStringLiteral("name"), name}};
}

// The reasoning effort the client asked for, or empty for none. Anthropic's own effort
// setting is the closest match and wins; a thinking budget is mapped by size; thinking
// switched on without a budget (Claude Code's "adaptive") gets OpenAI's default, medium.
QString reasoningEffortFor(const QJsonObject &request)
{
    const QString effort = OpenAiRequestFields::requestedEffort(request);
    if (effort == QLatin1StringView("low") || effort == QLatin1StringView("medium")
        || effort == QLatin1StringView("high"))
        return effort;
    // Anthropic's levels above high have no OpenAI counterpart every model accepts.
    if (effort == QLatin1StringView("max") || effort == QLatin1StringView("xhigh"))
        return QStringLiteral("high");

    const QJsonObject thinking = request.value(QLatin1StringView("thinking")).toObject();
    const QString type = typeOf(thinking);
    if (type == QLatin1StringView("disabled"))
        return {};
    const QJsonValue budget = thinking.value(QLatin1StringView("budget_tokens"));
    if (budget.isDouble())
        return OpenAiRequestFields::effortForBudget(budget.toInteger());
    if (type == QLatin1StringView("adaptive") || type == QLatin1StringView("enabled"))
        return QStringLiteral("medium");
    return {};
}
}

QJsonObject ResponsesRequestTranslator::translate(const QJsonObject &anthropicRequest,
                                                  const Options &options)
{
    QJsonObject responses{
        {QStringLiteral("model"), options.upstreamModel},
        {QStringLiteral("input"), inputFor(anthropicRequest)},
        // Stateless: nothing is kept upstream, so no response id is ever referred to.
        {QStringLiteral("store"), false},
    };

    const QString instructions =
        textOf(anthropicRequest.value(QLatin1StringView("system")), QLatin1StringView("\n\n"));
    if (!instructions.isEmpty())
        responses.insert(QStringLiteral("instructions"), instructions);

    const qint64 maxTokens = OpenAiRequestFields::maxTokensFor(anthropicRequest, options);
    if (maxTokens > 0)
        responses.insert(QStringLiteral("max_output_tokens"),
                         qMax(maxTokens, minimumOutputTokens));

    const QJsonArray functions =
        functionsFor(anthropicRequest.value(QLatin1StringView("tools")).toArray());
    // A tool choice without tools is an error upstream.
    if (!functions.isEmpty()) {
        responses.insert(QStringLiteral("tools"), functions);
        OpenAiRequestFields::insertToolChoice(anthropicRequest, namedToolChoice, responses);
    }

    OpenAiRequestFields::insertSamplingAndUser(anthropicRequest, responses);
    // stop_sequences are dropped: the Responses API has no stop parameter.

    const QString effort = reasoningEffortFor(anthropicRequest);
    if (!effort.isEmpty()) {
        // "auto" asks for the summary the model can give: raw reasoning is never returned
        // by OpenAI, and without a summary the client would see no thinking at all.
        responses.insert(QStringLiteral("reasoning"),
                         QJsonObject{{QStringLiteral("effort"), effort},
                                     {QStringLiteral("summary"), QStringLiteral("auto")}});
    }

    if (anthropicRequest.value(QLatin1StringView("stream")).toBool())
        responses.insert(QStringLiteral("stream"), true);
    return responses;
}
