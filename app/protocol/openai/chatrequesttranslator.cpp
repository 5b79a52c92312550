#include "chatrequesttranslator.h"

#include "../toolcallid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <optional>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

// A string, or the non-empty text blocks of a list joined by separator; other blocks are
// not text (images, tool calls, thinking) and are translated elsewhere or dropped.
QString textOf(const QJsonValue &content, QLatin1StringView separator)
{
    if (content.isString())
        return content.toString();
    QStringList texts;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString text = block.value(QLatin1StringView("text")).toString();
        if (typeOf(block) == QLatin1StringView("text") && !text.isEmpty())
            texts.append(text);
    }
    return texts.join(separator);
}

QJsonObject textMessage(const QString &role, const QString &text)
{
    return QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("content"), text}};
}

QJsonObject textPart(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                       {QStringLiteral("text"), text}};
}

// An image block as an image_url part. Other sources (the Files API's `file`) mean nothing
// to an upstream, so they give nullopt.
std::optional<QJsonObject> imagePart(const QJsonObject &block)
{
    const QJsonObject source = block.value(QLatin1StringView("source")).toObject();
    const QString sourceType = typeOf(source);
    QString url;
    if (sourceType == QLatin1StringView("base64")) {
        url = QLatin1StringView("data:") % source.value(QLatin1StringView("media_type")).toString()
            % QLatin1StringView(";base64,") % source.value(QLatin1StringView("data")).toString();
    } else if (sourceType == QLatin1StringView("url")) {
        url = source.value(QLatin1StringView("url")).toString();
    }
    if (url.isEmpty())
        return std::nullopt;
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                       {QStringLiteral("image_url"), QJsonObject{{QStringLiteral("url"), url}}}};
}

// A tool message answering one tool_result. Its images go to `images`, since tool messages
// can only carry text.
QJsonObject toolMessage(const QJsonObject &result, QJsonArray &images)
{
    const QJsonValue content = result.value(QLatin1StringView("content"));
    const qsizetype imagesBefore = images.size();
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        if (typeOf(block) != QLatin1StringView("image"))
            continue;
        if (const auto part = imagePart(block))
            images.append(*part);
    }
    QString text = textOf(content, QLatin1StringView("\n"));
    // Every call needs its tool message, and several providers reject empty content.
    if (text.isEmpty())
        text = images.size() > imagesBefore ? QStringLiteral("(see the images below)")
                                            : QStringLiteral("(no content)");
    if (result.value(QLatin1StringView("is_error")).toBool())
        text.prepend(QLatin1StringView("Error: "));
    return QJsonObject{
        {QStringLiteral("role"), QStringLiteral("tool")},
        {QStringLiteral("tool_call_id"),
         ToolCallId::toUpstream(result.value(QLatin1StringView("tool_use_id")).toString())},
        {QStringLiteral("content"), text},
    };
}

// A user message from text and image parts: plain text as one string, because several
// providers reject the array form; images need the array form.
void appendUserMessage(const QJsonArray &parts, QJsonArray &messages)
{
    QStringList texts;
    for (const QJsonValue &part : parts) {
        if (typeOf(part.toObject()) != QLatin1StringView("text")) {
            messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"), parts}});
            return;
        }
        texts.append(part.toObject().value(QLatin1StringView("text")).toString());
    }
    if (!texts.isEmpty())
        messages.append(
            textMessage(QStringLiteral("user"), texts.join(QLatin1StringView("\n\n"))));
}

// Tool results become tool messages first, as they must directly follow the assistant
// message that made the calls; the turn's text and images (after any images from the tool
// results) follow in a single user message, so that no two user messages are adjacent.
void appendUserTurn(const QJsonValue &content, QJsonArray &messages)
{
    if (content.isString()) {
        if (!content.toString().isEmpty())
            messages.append(textMessage(QStringLiteral("user"), content.toString()));
        return;
    }
    QJsonArray toolResultImages;
    QJsonArray ownParts;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = typeOf(block);
        const QString text = block.value(QLatin1StringView("text")).toString();
        if (type == QLatin1StringView("tool_result")) {
            messages.append(toolMessage(block, toolResultImages));
        } else if (type == QLatin1StringView("text") && !text.isEmpty()) {
            ownParts.append(textPart(text));
        } else if (type == QLatin1StringView("image")) {
            if (const auto part = imagePart(block))
                ownParts.append(*part);
        }
    }
    QJsonArray parts = toolResultImages;
    for (const QJsonValue &part : std::as_const(ownParts))
        parts.append(part);
    appendUserMessage(parts, messages);
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
        const QJsonDocument input(block.value(QLatin1StringView("input")).toObject());
        toolCalls.append(QJsonObject{
            {QStringLiteral("id"),
             ToolCallId::toUpstream(block.value(QLatin1StringView("id")).toString())},
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"),
             QJsonObject{{QStringLiteral("name"), block.value(QLatin1StringView("name"))},
                         {QStringLiteral("arguments"),
                          QString::fromUtf8(input.toJson(QJsonDocument::Compact))}}},
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

    const QJsonArray turns = request.value(QLatin1StringView("messages")).toArray();
    for (const QJsonValue &value : turns) {
        const QJsonObject turn = value.toObject();
        const QString role = turn.value(QLatin1StringView("role")).toString();
        const QJsonValue content = turn.value(QLatin1StringView("content"));
        if (role == QLatin1StringView("user")) {
            appendUserTurn(content, messages);
        } else if (role == QLatin1StringView("assistant")) {
            appendAssistantTurn(content, rules.reasoningHistory, messages);
        } else if (role == QLatin1StringView("system")) {
            // Claude Code's environment details: kept where they are, as the model saw them.
            const QString text = textOf(content, QLatin1StringView("\n\n"));
            if (!text.isEmpty())
                messages.append(textMessage(QStringLiteral("system"), text));
        }
    }
    return messages;
}

// Only custom tools: server tools (web_search_20250305, …) run on Anthropic's side, and no
// upstream can run them. Anthropic-only fields (cache_control, defer_loading) are left out.
QJsonArray functionsFor(const QJsonArray &tools)
{
    QJsonArray functions;
    for (const QJsonValue &value : tools) {
        const QJsonObject tool = value.toObject();
        const QString type = typeOf(tool);
        const QJsonValue schema = tool.value(QLatin1StringView("input_schema"));
        if ((!type.isEmpty() && type != QLatin1StringView("custom")) || !schema.isObject())
            continue;
        QJsonObject function{{QStringLiteral("name"), tool.value(QLatin1StringView("name"))},
                             {QStringLiteral("parameters"), schema}};
        const QJsonValue description = tool.value(QLatin1StringView("description"));
        if (description.isString())
            function.insert(QStringLiteral("description"), description);
        functions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                     {QStringLiteral("function"), function}});
    }
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
    case ProviderRules::WebSearch::KimiBuiltin:
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("builtin_function")},
            {QStringLiteral("function"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("$web_search")}}},
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

    QString effort = request.value(QLatin1StringView("output_config"))
                         .toObject()
                         .value(QLatin1StringView("effort"))
                         .toString();
    // Anthropic's "max" has no OpenAI spelling; the most there is will do.
    if (effort == QLatin1StringView("max"))
        effort = QStringLiteral("high");
    if (effort == QLatin1StringView("low") || effort == QLatin1StringView("medium")
        || effort == QLatin1StringView("high")) {
        wish.effort = effort;
    } else if (wish.budget) {
        wish.effort = *wish.budget < 4096    ? QStringLiteral("low")
                      : *wish.budget < 16384 ? QStringLiteral("medium")
                                             : QStringLiteral("high");
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

// OpenAI's spelling of an Anthropic tool_choice; undefined for a choice it cannot express.
QJsonValue toolChoiceFor(const QJsonObject &choice)
{
    const QString type = typeOf(choice);
    if (type == QLatin1StringView("auto") || type == QLatin1StringView("none"))
        return type;
    if (type == QLatin1StringView("any"))
        return QStringLiteral("required");
    if (type == QLatin1StringView("tool")) {
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"),
             QJsonObject{{QStringLiteral("name"), choice.value(QLatin1StringView("name"))}}},
        };
    }
    return QJsonValue(QJsonValue::Undefined);
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

    qint64 maxTokens = anthropicRequest.value(QLatin1StringView("max_tokens")).toInteger();
    if (options.maxOutputTokens > 0)
        maxTokens = qMin<qint64>(maxTokens, options.maxOutputTokens);
    // OpenAI's reasoning models reject max_tokens.
    chat.insert(rules.maxCompletionTokens ? QStringLiteral("max_completion_tokens")
                                          : QStringLiteral("max_tokens"),
                maxTokens);

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
    if (!functions.isEmpty()) {
        const QJsonObject choice =
            anthropicRequest.value(QLatin1StringView("tool_choice")).toObject();
        const QJsonValue toolChoice = toolChoiceFor(choice);
        if (!toolChoice.isUndefined())
            chat.insert(QStringLiteral("tool_choice"), toolChoice);
        if (choice.value(QLatin1StringView("disable_parallel_tool_use")).toBool())
            chat.insert(QStringLiteral("parallel_tool_calls"), false);
    }

    for (const auto key : {QLatin1StringView("temperature"), QLatin1StringView("top_p")}) {
        if (anthropicRequest.value(key).isDouble())
            chat.insert(key, anthropicRequest.value(key));
    }
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
    const QString user = anthropicRequest.value(QLatin1StringView("metadata"))
                             .toObject()
                             .value(QLatin1StringView("user_id"))
                             .toString();
    if (!user.isEmpty())
        chat.insert(QStringLiteral("user"), user);
    return chat;
}
