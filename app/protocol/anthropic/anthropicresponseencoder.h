#pragma once

#include "../responseencoder.h"

// The Anthropic Messages API as it is: `event: <type>` frames with the event as data.
class AnthropicResponseEncoder : public ResponseEncoder
{
public:
    QByteArray streamFrames(const QList<QJsonObject> &anthropicEvents) override;
    QByteArray pingFrame() const override;
    QByteArray messageBody(const QJsonObject &anthropicMessage) override;
    QByteArray errorBody(const ApiError &error) const override;
};
