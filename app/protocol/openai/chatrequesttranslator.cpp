#include "chatrequesttranslator.h"

#include "../anthropic/anthropiccontent.h"
#include "../toolcallid.h"
#include "openairequestfields.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace {
using AnthropicContent::textOf;
using AnthropicContent::typeOf;

QJsonObject textMessage(const QString &role, const QString &text)
{
    return QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("content"), text}};
}

QJsonObject partFor(const AnthropicContent::UserPart &part)
{
    using Kind = AnthropicContent::UserPart::Kind;
    switch (part.kind) {
    case Kind::Image:
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("image_url")},
            {QStringLiteral("image_url"), QJsonObject{{QStringLiteral("url"), part.value}}}};
    case Kind::File:
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("file")},
            {QStringLiteral("file"), QJsonObject{{QStringLiteral("filename"), part.fileName},
                                                 {QStringLiteral("file_data"), part.value}}}};
    case Kind::Text:
        break;
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                       {QStringLiteral("text"), part.value}};
}

// A tool message answering one tool_result; its attachments follow in the user message, since
// tool messages can only carry text.
QJsonObject toolMessage(const AnthropicContent::ToolResult &result)
{
    return QJsonObject{
        {QStringLiteral("role"), QStringLiteral("tool")},
        {QStringLiteral("tool_call_id"), ToolCallId::toUpstream(result.toolUseId)},
        {QStringLiteral("content"), result.text},
    };
}

// A user message from its parts: plain text as one string, because several providers reject
// the array form; images and files need the array form.
void appendUserMessage(const QList<AnthropicContent::UserPart> &parts, QJsonArray &messages)
{
    const bool textOnly = std::all_of(parts.cbegin(), parts.cend(), [](const auto &part) {
        return part.kind == AnthropicContent::UserPart::Kind::Text;
    });
    if (!textOnly) {
        QJsonArray content;
        for (const AnthropicContent::UserPart &part : parts)
            content.append(partFor(part));
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), content}});
        return;
    }
    QStringList texts;
    for (const AnthropicContent::UserPart &part : parts)
        texts.append(part.value);
    if (!texts.isEmpty())
        messages.append(
            textMessage(QStringLiteral("user"), texts.join(QLatin1StringView("\n\n"))));
}

// Tool results become tool messages, then the turn's text, images and files go in a single
// user message, so that no two user messages are adjacent.
void appendUserTurn(const QJsonValue &content, QJsonArray &messages)
{
    const AnthropicContent::UserTurn turn = AnthropicContent::userTurnOf(content);
    for (const AnthropicContent::ToolResult &result : turn.toolResults)
        messages.append(toolMessage(result));
    appendUserMessage(turn.parts, messages);
}

// The thinking an assistant turn showed, for providers that want it back. Redacted thinking
// is Anthropic's encryption, meaningless elsewhere; signatures likewise.
QString reasoningOf(const QJsonArray &blocks)
{
    QStringList texts;
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString thinking = block.value(QLatin1StringView("thinking")).toString();
        if (typeOf(block) == QLatin1StringView("thinking") && !thinking.isEmpty())
            texts.append(thinking);
    }
    return texts.join(QLatin1StringView("\n\n"));
}

// Thinking blocks are dropped unless the provider wants the reasoning back (DeepSeek and
// Kimi reject a thinking-mode tool-call turn without it).
void appendAssistantTurn(const QJsonValue &content, ProviderRules::ReasoningHistory history,
                         QJsonArray &messages)
{
    QJsonArray toolCalls;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        if (typeOf(block) != QLatin1StringView("tool_use"))
            continue;
        toolCalls.append(QJsonObject{
            {QStringLiteral("id"),
             ToolCallId::toUpstream(block.value(QLatin1StringView("id")).toString())},
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"),
             QJsonObject{{QStringLiteral("name"), block.value(QLatin1StringView("name"))},
                         {QStringLiteral("arguments"), AnthropicContent::argumentsOf(block)}}},
        });
    }
    const QString text = textOf(content, QLatin1StringView("\n\n"));
    // Reasoning alone makes no message: providers want content or tool calls.
    if (text.isEmpty() && toolCalls.isEmpty())
        return;
    // No empty-string content beside tool calls: several providers reject it.
    QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")}};
    if (!text.isEmpty())
        message.insert(QStringLiteral("content"), text);
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCalls);
    if (history == ProviderRules::ReasoningHistory::ReasoningContent) {
        const QString reasoning = reasoningOf(blocks);
        if (!reasoning.isEmpty())
            message.insert(QStringLiteral("reasoning_content"), reasoning);
    }
    messages.append(message);
}

QJsonArray messagesFor(const QJsonObject &request, const ProviderRules &rules)
{
    QJsonArray messages;
    const QString system =
        textOf(request.value(QLatin1StringView("system")), QLatin1StringView("\n\n"));
    if (!system.isEmpty())
        messages.append(textMessage(QStringLiteral("system"), system));

    const QList<AnthropicContent::Turn> turns = AnthropicContent::turnsOf(request);
    for (const AnthropicContent::Turn &turn : turns) {
        if (turn.role == QLatin1StringView("user")) {
            appendUserTurn(turn.content, messages);
        } else if (turn.role == QLatin1StringView("assistant")) {
            appendAssistantTurn(turn.content, rules.reasoningHistory, messages);
        } else if (turn.role == QLatin1StringView("system")) {
            // Claude Code's environment details: kept where they are, as the model saw them.
            const QString text = textOf(turn.content, QLatin1StringView("\n\n"));
            if (!text.isEmpty())
                messages.append(textMessage(QStringLiteral("system"), text));
        }
    }
    return messages;
}

// Chat Completions wraps each function definition in a tools entry of type "function".
QJsonArray functionsFor(const QJsonArray &anthropicTools)
{
    QJsonArray functions;
    const QList<QJsonObject> definitions = OpenAiRequestFields::functionsFor(anthropicTools);
    for (const QJsonObject &function : definitions)
        functions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                     {QStringLiteral("function"), function}});
    return functions;
}

// Anthropic's server-side web search (web_search_20250305 and later versions).
bool hasWebSearchTool(const QJsonArray &tools)
{
    for (const QJsonValue &value : tools) {
        if (typeOf(value.toObject()).startsWith(QLatin1StringView("web_search_")))
            return true;
    }
    return false;
}

// The provider's own search in place of Anthropic's, where it has one: a tools entry, or
// nothing when the provider searches through a request field instead.
std::optional<QJsonObject> webSearchToolFor(ProviderRules::WebSearch webSearch)
{
    switch (webSearch) {
    case ProviderRules::WebSearch::GlmTool:
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("web_search")},
            {QStringLiteral("web_search"), QJsonObject{{QStringLiteral("enable"), true}}},
        };
    case ProviderRules::WebSearch::Drop:
    case ProviderRules::WebSearch::OpenRouterPlugin:
        break;
    }
    return std::nullopt;
}

// What the client asked of thinking. Claude Code sends {"type":"adaptive"} with
// output_config.effort; older clients {"type":"enabled","budget_tokens":n}.
struct ThinkingWish
{
    bool asked = false; // the request has a `thinking` key
    bool on = false;
    QString effort;     // low|medium|high
    std::optional<qint64> budget;
};

ThinkingWish thinkingWishOf(const QJsonObject &request)
{
    ThinkingWish wish;
    const QJsonValue thinkingValue = request.value(QLatin1StringView("thinking"));
    wish.asked = !thinkingValue.isUndefined();
    const QJsonObject thinking = thinkingValue.toObject();
    const QString type = typeOf(thinking);
    wish.on = type == QLatin1StringView("enabled") || type == QLatin1StringView("adaptive");
    const qint64 budget = thinking.value(QLatin1StringView("budget_tokens")).toInteger();
    if (wish.on && budget > 0)
        wish.budget = budget;

    QString effort = OpenAiRequestFields::requestedEffort(request);
    // Anthropic's "max" has no OpenAI spelling; the most there is will do.
    if (effort == QLatin1StringView("max"))
        effort = QStringLiteral("high");
    if (effort == QLatin1StringView("low") || effort == QLatin1StringView("medium")
        || effort == QLatin1StringView("high")) {
        wish.effort = effort;
    } else if (wish.budget) {
        wish.effort = OpenAiRequestFields::effortForBudget(*wish.budget);
    } else {
        wish.effort = QStringLiteral("medium");
    }
    return wish;
}

// The thinking wish in the provider's own terms.
void insertThinkingSwitch(const QJsonObject &request, ProviderRules::ThinkingSwitch thinkingSwitch,
                          QJsonObject &chat)
{
    const ThinkingWish wish = thinkingWishOf(request);
    switch (thinkingSwitch) {
    case ProviderRules::ThinkingSwitch::None:
        break;
    case ProviderRules::ThinkingSwitch::ReasoningEffort:
        if (wish.on)
            chat.insert(QStringLiteral("reasoning_effort"), wish.effort);
        break;
    case ProviderRules::ThinkingSwitch::ThinkingType:
        // Without a wish the provider's default stands: GLM thinks unless told otherwise.
        if (wish.asked) {
            chat.insert(QStringLiteral("thinking"),
                        QJsonObject{{QStringLiteral("type"), wish.on ? QStringLiteral("enabled")
                                                                     : QStringLiteral("disabled")}});
        }
        break;
    case ProviderRules::ThinkingSwitch::EnableThinking:
        // Always said: open Qwen3 models think by default, which a client that did not ask
        // for thinking (Claude Code's quick side requests) only waits for.
        chat.insert(QStringLiteral("enable_thinking"), wish.on);
        if (wish.budget)
            chat.insert(QStringLiteral("thinking_budget"), *wish.budget);
        break;
    case ProviderRules::ThinkingSwitch::OpenRouterReasoning:
        if (wish.on) {
            chat.insert(QStringLiteral("reasoning"),
                        wish.budget ? QJsonObject{{QStringLiteral("max_tokens"), *wish.budget}}
                                    : QJsonObject{{QStringLiteral("effort"), wish.effort}});
        }
        break;
    }
}

// Chat Completions nests the chosen function's name.
QJsonObject namedToolChoice(const QJsonValue &name)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), name}}},
    };
}
}

QJsonObject ChatRequestTranslator::translate(const QJsonObject &anthropicRequest,
                                             const Options &options)
{
    const ProviderRules &rules = options.rules;
    QJsonObject chat{
        {QStringLiteral("model"), options.upstreamModel},
        {QStringLiteral("messages"), messagesFor(anthropicRequest, rules)},
    };

    // OpenAI's reasoning models reject max_tokens.
    chat.insert(rules.maxCompletionTokens ? QStringLiteral("max_completion_tokens")
                                          : QStringLiteral("max_tokens"),
                OpenAiRequestFields::maxTokensFor(anthropicRequest, options));

    const QJsonArray anthropicTools = anthropicRequest.value(QLatin1StringView("tools")).toArray();
    const QJsonArray functions = functionsFor(anthropicTools);
    QJsonArray tools = functions;
    if (hasWebSearchTool(anthropicTools)) {
        if (rules.webSearch == ProviderRules::WebSearch::OpenRouterPlugin)
            chat.insert(QStringLiteral("plugins"),
                        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("web")}}});
        else if (const auto searchTool = webSearchToolFor(rules.webSearch))
            tools.append(*searchTool);
    }
    if (!tools.isEmpty())
        chat.insert(QStringLiteral("tools"), tools);
    // A tool choice without tools is an error for most providers; a provider's own search
    // tool is not one the client can choose.
    if (!functions.isEmpty())
        OpenAiRequestFields::insertToolChoice(anthropicRequest, namedToolChoice, chat);

    OpenAiRequestFields::insertSamplingAndUser(anthropicRequest, chat);
    const QJsonArray stop = anthropicRequest.value(QLatin1StringView("stop_sequences")).toArray();
    if (!stop.isEmpty())
        chat.insert(QStringLiteral("stop"), stop);
    if (anthropicRequest.value(QLatin1StringView("stream")).toBool()) {
        chat.insert(QStringLiteral("stream"), true);
        // Without it most providers send no usage in a stream.
        chat.insert(QStringLiteral("stream_options"),
                    QJsonObject{{QStringLiteral("include_usage"), true}});
    }
    insertThinkingSwitch(anthropicRequest, rules.thinkingSwitch, chat);
    return chat;
}
