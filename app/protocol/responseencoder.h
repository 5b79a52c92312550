#pragma once

#include "anthropic/apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// How answers are written for the client's API. The proxy works in Anthropic messages and
// events throughout; the encoder turns them into the bytes the client's protocol expects.
class ResponseEncoder
{
public:
    virtual ~ResponseEncoder() = default;

    // SSE frames for some Anthropic stream events (possibly none).
    virtual QByteArray streamFrames(const QList<QJsonObject> &anthropicEvents) = 0;
    // A frame that keeps a silent stream alive.
    virtual QByteArray pingFrame() const = 0;
    // The body of a whole (non-streaming) answer; one that stands for several answers (a
    // web search turn) may give nothing until the last.
    virtual QByteArray messageBody(const QJsonObject &anthropicMessage) = 0;
    // The body of an error response.
    virtual QByteArray errorBody(const ApiError &error) const = 0;
};
