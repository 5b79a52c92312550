#include "openaichatresponseencoder.h"

#include "openaichatresponsewriter.h"

#include <QJsonDocument>

OpenAiChatResponseEncoder::OpenAiChatResponseEncoder(const QString &model, qint64 created, bool includeUsage)
    : m_model(model)
    , m_created(created)
    , m_writer(model, created, includeUsage)
{
}

QByteArray OpenAiChatResponseEncoder::streamFrames(const QList<QJsonObject> &anthropicEvents)
{
    QByteArray frames;
    for (const QJsonObject &event : anthropicEvents) {
        for (const QByteArray &payload : m_writer.write(event))
            frames += "data: " + payload + "\n\n";
    }
    return frames;
}

QByteArray OpenAiChatResponseEncoder::pingFrame() const
{
    return ": ping\n\n"; // an SSE comment: OpenAI clients skip it
}

QByteArray OpenAiChatResponseEncoder::messageBody(const QJsonObject &anthropicMessage)
{
    return QJsonDocument(OpenAiChatResponseWriter::write(anthropicMessage, m_model, m_created)).toJson(QJsonDocument::Compact);
}

QByteArray OpenAiChatResponseEncoder::errorBody(const ApiError &error) const
{
    return QJsonDocument(OpenAiChatResponseWriter::writeError(error)).toJson(QJsonDocument::Compact);
}
