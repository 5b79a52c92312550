#include "anthropicresponseencoder.h"

#include "http/ssewriter.h"

#include <QJsonDocument>

QByteArray AnthropicResponseEncoder::streamFrames(const QList<QJsonObject> &anthropicEvents)
{
    QByteArray frames;
    for (const QJsonObject &event : anthropicEvents)
        frames += SseWriter::event(event.value(QLatin1StringView("type")).toString().toUtf8(),
                                   QJsonDocument(event).toJson(QJsonDocument::Compact));
    return frames;
}

QByteArray AnthropicResponseEncoder::pingFrame() const
{
    return SseWriter::event("ping", R"({"type":"ping"})");
}

QByteArray AnthropicResponseEncoder::messageBody(const QJsonObject &anthropicMessage)
{
    return QJsonDocument(anthropicMessage).toJson(QJsonDocument::Compact);
}

QByteArray AnthropicResponseEncoder::errorBody(const ApiError &error) const
{
    return QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact);
}
