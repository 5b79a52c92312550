#include "responsesrequesttranslator.h"

#include "../toolcallid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <optional>

namespace {
// OpenAI rejects a smaller max_output_tokens (Claude Code's quota probe asks for 1), so a
// tiny cap is raised rather than turned into a failed request.
constexpr qint64 minimumOutputTokens = 16;

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

// An image block as an input_image part. Other sources (the Files API's `file`) mean
// nothing to an upstream, so they give nullopt. `detail` is spelled out because older
// Responses implementations require it; "auto" is what OpenAI assumes without it.
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
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("input_image")},
        {QStringLiteral("image_url"), url},
        {QStringLiteral("detail"), QStringLiteral("auto")},
    };
}

// The function_call_output answering one tool_result. Its images go to `images`: an output
// is text for every Responses implementation, while images only fit in a user message.
QJsonObject functionCallOutput(const QJsonObject &result, QJsonArray &images)
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
    QString output = textOf(content, QLatin1StringView("\n"));
    // Every call needs its output, and an empty one reads to the model as a lost result.
    if (output.isEmpty())
        output = images.size() > imagesBefore ? QStringLiteral("(see the images below)")
                                              : QStringLiteral("(no content)");
    if (result.value(QLatin1StringView("is_error")).toBool())
        output.prepend(QLatin1StringView("Error: "));
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("function_call_output")},
        {QStringLiteral("call_id"),
         ToolCallId::toUpstream(result.value(QLatin1StringView("tool_use_id")).toString())},
        {QStringLiteral("output"), output},
    };
}

// Tool results become function_call_output items first, as they answer the calls just
// before them; the turn's own text and images (after any images from the tool results)
// follow in one user message.
void appendUserTurn(const QJsonValue &content, QJsonArray &input)
{
    if (content.isString()) {
        if (!content.toString().isEmpty())
            input.append(message(QStringLiteral("user"),
                                 {textPart(QLatin1StringView("input_text"), content.toString())}));
        return;
    }
    QJsonArray parts;
    QJsonArray ownParts;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = typeOf(block);
        const QString text = block.value(QLatin1StringView("text")).toString();
        if (type == QLatin1StringView("tool_result")) {
            input.append(functionCallOutput(block, parts));
        } else if (type == QLatin1StringView("text") && !text.isEmpty()) {
            ownParts.append(textPart(QLatin1StringView("input_text"), text));
        } else if (type == QLatin1StringView("image")) {
            if (const auto part = imagePart(block))
                ownParts.append(*part);
        }
    }
    for (const QJsonValue &part : std::as_const(ownParts))
        parts.append(part);
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
            const QJsonDocument arguments(block.value(QLatin1StringView("input")).toObject());
            input.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("function_call")},
                {QStringLiteral("call_id"),
                 ToolCallId::toUpstream(block.value(QLatin1StringView("id")).toString())},
                {QStringLiteral("name"), block.value(QLatin1StringView("name")).toString()},
                {QStringLiteral("arguments"),
                 QString::fromUtf8(arguments.toJson(QJsonDocument::Compact))},
            });
        }
    }
    flushTexts();
}

QJsonArray inputFor(const QJsonObject &request)
{
    QJsonArray input;
    const QJsonArray turns = request.value(QLatin1StringView("messages")).toArray();
    for (const QJsonValue &value : turns) {
        const QJsonObject turn = value.toObject();
        const QString role = turn.value(QLatin1StringView("role")).toString();
        const QJsonValue content = turn.value(QLatin1StringView("content"));
        if (role == QLatin1StringView("user")) {
            appendUserTurn(content, input);
        } else if (role == QLatin1StringView("assistant")) {
            appendAssistantTurn(content, input);
        } else if (role == QLatin1StringView("system")) {
            // Claude Code's environment details: kept where they are, as the model saw them.
            // `developer` is the Responses role for instructions given mid-conversation.
            const QString text = textOf(content, QLatin1StringView("\n\n"));
            if (!text.isEmpty())
                input.append(message(QStringLiteral("developer"),
                                     {textPart(QLatin1StringView("input_text"), text)}));
        }
    }
    return input;
}

// Only custom tools: server tools (web_search_20250305, …) run on Anthropic's side, and no
// upstream can run them. Anthropic-only fields (cache_control, defer_loading) are left out.
// `strict` is off because Claude Code's schemas do not meet strict mode's rules (every
// property required, additionalProperties false), which OpenAI would otherwise enforce.
QJsonArray functionsFor(const QJsonArray &tools)
{
    QJsonArray functions;
    for (const QJsonValue &value : tools) {
        const QJsonObject tool = value.toObject();
        const QString type = typeOf(tool);
        const QJsonValue schema = tool.value(QLatin1StringView("input_schema"));
        if ((!type.isEmpty() && type != QLatin1StringView("custom")) || !schema.isObject())
            continue;
        QJsonObject function{
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("name"), tool.value(QLatin1StringView("name"))},
            {QStringLiteral("parameters"), schema},
            {QStringLiteral("strict"), false},
        };
        const QJsonValue description = tool.value(QLatin1StringView("description"));
        if (description.isString())
            function.insert(QStringLiteral("description"), description);
        functions.append(function);
    }
    return functions;
}

// The Responses spelling of an Anthropic tool_choice; undefined for one it cannot express.
QJsonValue toolChoiceFor(const QJsonObject &choice)
{
    const QString type = typeOf(choice);
    if (type == QLatin1StringView("auto") || type == QLatin1StringView("none"))
        return type;
    if (type == QLatin1StringView("any"))
        return QStringLiteral("required");
    if (type == QLatin1StringView("tool")) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                           {QStringLiteral("name"), choice.value(QLatin1StringView("name"))}};
    }
    return QJsonValue(QJsonValue::Undefined);
}

// The reasoning effort the client asked for, or empty for none. Anthropic's own effort
// setting is the closest match and wins; a thinking budget is mapped by size; thinking
// switched on without a budget (Claude Code's "adaptive") gets OpenAI's default, medium.
QString reasoningEffortFor(const QJsonObject &request)
{
    const QString effort = request.value(QLatin1StringView("output_config"))
                               .toObject()
                               .value(QLatin1StringView("effort"))
                               .toString();
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
    if (budget.isDouble()) {
        const qint64 tokens = budget.toInteger();
        if (tokens < 4096)
            return QStringLiteral("low");
        return tokens < 16384 ? QStringLiteral("medium") : QStringLiteral("high");
    }
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

    qint64 maxTokens = anthropicRequest.value(QLatin1StringView("max_tokens")).toInteger();
    if (options.maxOutputTokens > 0)
        maxTokens = qMin<qint64>(maxTokens, options.maxOutputTokens);
    if (maxTokens > 0)
        responses.insert(QStringLiteral("max_output_tokens"),
                         qMax(maxTokens, minimumOutputTokens));

    const QJsonArray functions =
        functionsFor(anthropicRequest.value(QLatin1StringView("tools")).toArray());
    // A tool choice without tools is an error upstream.
    if (!functions.isEmpty()) {
        responses.insert(QStringLiteral("tools"), functions);
        const QJsonObject choice =
            anthropicRequest.value(QLatin1StringView("tool_choice")).toObject();
        const QJsonValue toolChoice = toolChoiceFor(choice);
        if (!toolChoice.isUndefined())
            responses.insert(QStringLiteral("tool_choice"), toolChoice);
        if (choice.value(QLatin1StringView("disable_parallel_tool_use")).toBool())
            responses.insert(QStringLiteral("parallel_tool_calls"), false);
    }

    for (const auto key : {QLatin1StringView("temperature"), QLatin1StringView("top_p")}) {
        if (anthropicRequest.value(key).isDouble())
            responses.insert(key, anthropicRequest.value(key));
    }
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
    const QString user = anthropicRequest.value(QLatin1StringView("metadata"))
                             .toObject()
                             .value(QLatin1StringView("user_id"))
                             .toString();
    if (!user.isEmpty())
        responses.insert(QStringLiteral("user"), user);
    return responses;
}
