#include "chatcompletion.h"

#include "../upstreamerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

std::optional<TokenUsage> ChatCompletion::usageFrom(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject usage = value.toObject();
    const qint64 prompt = usage.value(QLatin1StringView("prompt_tokens")).toInteger();
    qint64 cached = usage.value(QLatin1StringView("prompt_tokens_details"))
                        .toObject()
                        .value(QLatin1StringView("cached_tokens"))
                        .toInteger();
    if (cached == 0)
        cached = usage.value(QLatin1StringView("prompt_cache_hit_tokens")).toInteger();
    return TokenUsage::fromOpenAiCounts(
        prompt, cached, usage.value(QLatin1StringView("completion_tokens")).toInteger());
}

std::optional<ApiError> ChatCompletion::streamErrorOf(QByteArrayView eventName, const QJsonObject &chunk, const QByteArray &data)
{
    const QJsonValue error = chunk.value(QLatin1StringView("error"));
    if (eventName != QByteArrayView("error") && !error.isObject() && !error.isString())
        return std::nullopt;
    if (error.isString())
        return ApiError::fromStatus(500, error.toString());
    const QJsonObject object = error.isObject() ? error.toObject() : chunk;
    QString message = object.value(QLatin1StringView("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(data);
    return ApiError::fromStatus(UpstreamError::statusIn(object, 500), message);
}

std::optional<TokenUsage> ChatCompletion::usageOf(const QJsonObject &chunkOrResponse)
{
    if (auto usage = usageFrom(chunkOrResponse.value(QLatin1StringView("usage"))))
        return usage;
    const QJsonArray choices = chunkOrResponse.value(QLatin1StringView("choices")).toArray();
    if (choices.isEmpty())
        return std::nullopt;
    return usageFrom(choices.first().toObject().value(QLatin1StringView("usage")));
}

QString ChatCompletion::stopReasonFor(const QString &finishReason, bool hasToolCalls)
{
    if (hasToolCalls || finishReason == QLatin1StringView("tool_calls")
        || finishReason == QLatin1StringView("function_call"))
        return QStringLiteral("tool_use");
    if (finishReason == QLatin1StringView("length"))
        return QStringLiteral("max_tokens");
    if (finishReason == QLatin1StringView("content_filter"))
        return QStringLiteral("refusal");
    return QStringLiteral("end_turn");
}

std::optional<QString> ChatCompletion::matchedStopSequence(const QJsonObject &choice,
                                                           const QStringList &stopSequences)
{
    const QJsonValue matched = choice.value(QLatin1StringView("stop_reason"));
    return matchedStopSequence(matched.isString() ? std::optional(matched.toString()) : std::nullopt,
                               stopSequences);
}

std::optional<QString> ChatCompletion::matchedStopSequence(const std::optional<QString> &stopReason,
                                                           const QStringList &stopSequences)
{
    if (!stopReason || !stopSequences.contains(*stopReason))
        return std::nullopt;
    return stopReason;
}

QJsonObject ChatCompletion::toolInputFrom(const QString &arguments)
{
    if (arguments.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        return document.object();
    return QJsonObject{{QStringLiteral("_raw_arguments"), arguments}};
}

QString ChatCompletion::reasoningOf(const QJsonObject &messageOrDelta)
{
    return reasoningOf(messageOrDelta.value(QLatin1StringView("reasoning_content")).toString(),
                       messageOrDelta.value(QLatin1StringView("reasoning")).toString());
}

QString ChatCompletion::reasoningOf(const QString &reasoningContent, const QString &reasoning)
{
    return reasoningContent.isEmpty() ? reasoning : reasoningContent;
}
