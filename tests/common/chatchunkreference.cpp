#include "chatchunkreference.h"

#include "protocol/openai/chatcompletion.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toString();
}

QJsonArray array(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toArray();
}

bool sameChoice(const ChatChunk::Choice &a, const ChatChunk::Choice &b)
{
    return a.delta.reasoningContent == b.delta.reasoningContent
           && a.delta.reasoning == b.delta.reasoning && a.delta.content == b.delta.content
           && a.delta.toolCalls == b.delta.toolCalls
           && a.delta.annotations == b.delta.annotations && a.finishReason == b.finishReason
           && a.stopReason == b.stopReason;
}

} // namespace

std::optional<ChatChunk> ChatChunkReference::read(QByteArrayView json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    ChatChunk chunk;
    const QJsonValue error = object.value(QLatin1StringView("error"));
    chunk.carriesError = error.isObject() || error.isString();
    chunk.usage = ChatCompletion::usageOf(object);
    const QJsonArray choices = array(object, "choices");
    if (choices.isEmpty())
        return chunk;
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject delta = choice.value(QLatin1StringView("delta")).toObject();
    const QJsonValue stopReason = choice.value(QLatin1StringView("stop_reason"));
    chunk.choice = ChatChunk::Choice{
        {text(delta, "reasoning_content"), text(delta, "reasoning"), text(delta, "content"),
         array(delta, "tool_calls"), array(delta, "annotations")},
        text(choice, "finish_reason"),
        stopReason.isString() ? std::optional(stopReason.toString()) : std::nullopt};
    return chunk;
}

bool ChatChunkReference::same(const std::optional<ChatChunk> &a, const std::optional<ChatChunk> &b)
{
    if (!a || !b)
        return !a && !b;
    if (a->carriesError != b->carriesError || a->usage != b->usage
        || a->choice.has_value() != b->choice.has_value())
        return false;
    return !a->choice || sameChoice(*a->choice, *b->choice);
}
