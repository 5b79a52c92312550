#include "chatresponsetranslator.h"

#include "../anthropic/anthropicids.h"
#include "../toolcallid.h"
#include "chatcompletion.h"
#include "texttoolcallparser.h"
#include "websearch/websearchcitations.h"

#include <QJsonArray>
#include <QStringList>

namespace {
// The text with the calls written in it taken out into `calls`. The text around each call is
// trimmed, as ChatStreamTranslator trims its text blocks (the layout around markup means
// nothing without it), and the pieces are joined as paragraphs into one block.
QString withoutToolCalls(const QString &text, QList<TextToolCallParser::ToolCall> &calls)
{
    TextToolCallParser parser;
    QStringList pieces{QString()};
    QList<TextToolCallParser::Segment> segments = parser.feed(text);
    segments += parser.finish();
    for (const TextToolCallParser::Segment &segment : segments) {
        if (segment.toolCall) {
            calls.append(*segment.toolCall);
            pieces.append(QString());
        } else {
            pieces.last() += segment.text;
        }
    }
    QStringList visible;
    for (const QString &piece : std::as_const(pieces)) {
        if (!piece.trimmed().isEmpty())
            visible.append(piece.trimmed());
    }
    return visible.join(QLatin1StringView("\n\n"));
}
}

QJsonObject ChatResponseTranslator::translate(const QJsonObject &chatCompletion,
                                              const Options &options)
{
    const QJsonObject choice =
        chatCompletion.value(QLatin1StringView("choices")).toArray().at(0).toObject();
    const QJsonObject message = choice.value(QLatin1StringView("message")).toObject();

    // Anthropic's order: thinking, then text, then tool calls. The thinking signature stays
    // empty: there is none to give, and thinking sent back is dropped, never checked.
    QJsonArray content;
    const QString reasoning = ChatCompletion::reasoningOf(message);
    if (!reasoning.isEmpty()) {
        content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking")},
                                   {QStringLiteral("thinking"), reasoning},
                                   {QStringLiteral("signature"), QString()}});
    }
    QString text = message.value(QLatin1StringView("content")).toString();
    QList<TextToolCallParser::ToolCall> textToolCalls;
    if (options.textToolCalls)
        text = withoutToolCalls(text, textToolCalls);
    if (!text.isEmpty()) {
        content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                   {QStringLiteral("text"), text}});
    }
    for (const TextToolCallParser::ToolCall &call : std::as_const(textToolCalls)) {
        content.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("tool_use")},
            {QStringLiteral("id"), AnthropicIds::newToolUseId()},
            {QStringLiteral("name"), call.name},
            {QStringLiteral("input"), ChatCompletion::toolInputFrom(call.arguments)},
        });
    }
    // The provider's own search (OpenRouter's web plugin): its citations as Anthropic's blocks,
    // before the text that cites them.
    const QList<SearchResult> cited = WebSearchCitations::resultsOf(message.value(QLatin1StringView("annotations")).toArray());
    if (!cited.isEmpty()) {
        const qsizetype at = !reasoning.isEmpty() ? 1 : 0;
        const QList<QJsonObject> searchBlocks = WebSearchCitations::blocksFor(cited);
        for (qsizetype i = 0; i < searchBlocks.size(); ++i)
            content.insert(at + i, searchBlocks.at(i));
    }
    const QJsonArray toolCalls = message.value(QLatin1StringView("tool_calls")).toArray();
    for (const QJsonValue &value : toolCalls) {
        const QJsonObject call = value.toObject();
        const QJsonObject function = call.value(QLatin1StringView("function")).toObject();
        const QString id = call.value(QLatin1StringView("id")).toString();
        const QString arguments = function.value(QLatin1StringView("arguments")).toString();
        content.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("tool_use")},
            {QStringLiteral("id"), ToolCallId::toAnthropic(id)},
            {QStringLiteral("name"), function.value(QLatin1StringView("name")).toString()},
            {QStringLiteral("input"), ChatCompletion::toolInputFrom(arguments)},
        });
    }

    QString stopReason = ChatCompletion::stopReasonFor(
        choice.value(QLatin1StringView("finish_reason")).toString(),
        !toolCalls.isEmpty() || !textToolCalls.isEmpty());
    QJsonValue stopSequence; // null unless a requested stop sequence ended the turn
    if (stopReason == QLatin1StringView("end_turn")) {
        const auto matched = ChatCompletion::matchedStopSequence(choice, options.stopSequences);
        if (matched) {
            stopReason = QStringLiteral("stop_sequence");
            stopSequence = *matched;
        }
    }

    return QJsonObject{
        {QStringLiteral("id"), options.messageId.isEmpty() ? AnthropicIds::newMessageId() : options.messageId},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), options.model},
        {QStringLiteral("content"), content},
        {QStringLiteral("stop_reason"), stopReason},
        {QStringLiteral("stop_sequence"), stopSequence},
        {QStringLiteral("usage"),
         WebSearchCitations::withSearches(ChatCompletion::usageOf(chatCompletion).value_or(TokenUsage{}).toAnthropicJson(),
                                          cited.isEmpty() ? 0 : 1)},
    };
}
