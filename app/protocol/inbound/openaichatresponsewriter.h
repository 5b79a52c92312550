#pragma once

#include "../anthropic/apierror.h"

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

// Writes what the proxy got back in Anthropic's terms (its pivot format) as the inbound
// OpenAI-compatible endpoint answers: a whole `chat.completion`, or an OpenAI error body.
// Pure: the creation time comes from the caller. The conventions shared with the streaming
// writer (ids, finish reasons, usage) are here too, so that both answer alike.
class OpenAiChatResponseWriter
{
public:
    // A `chat.completion` from an Anthropic message. `model` is the name the client asked for;
    // `created` is in seconds since the epoch.
    static QJsonObject write(const QJsonObject &anthropicMessage, const QString &model,
                             qint64 created);

    // {"error":{"message":…,"type":…,"param":null,"code":null}}, sent with error.status.
    static QJsonObject writeError(const ApiError &error);

    // "chatcmpl-" and the message id without its `msg_` prefix; a fresh one for an empty id.
    static QString completionIdFor(const QString &messageId);
    // OpenAI's finish_reason for an Anthropic stop_reason; "stop" when there is none.
    static QString finishReasonFor(const QString &stopReason);
    // OpenAI's usage object from an Anthropic `usage` object.
    static QJsonObject usageFor(const QJsonObject &anthropicUsage);
    // OpenAI's error type for an Anthropic one.
    static QString errorTypeFor(const QString &anthropicType);
};
