#pragma once

#include "../responseencoder.h"
#include "openaichatstreamwriter.h"

// OpenAI Chat Completions for clients that came in on /v1/chat/completions: `data:` chunks
// ending in `[DONE]`, chat.completion bodies, OpenAI error objects.
class OpenAiChatResponseEncoder : public ResponseEncoder
{
public:
    OpenAiChatResponseEncoder(const QString &model, qint64 created, bool includeUsage);

    QByteArray streamFrames(const QList<QJsonObject> &anthropicEvents) override;
    QByteArray pingFrame() const override;
    QByteArray messageBody(const QJsonObject &anthropicMessage) override;
    QByteArray errorBody(const ApiError &error) const override;

private:
    QString m_model;
    qint64 m_created;
    OpenAiChatStreamWriter m_writer;
};
