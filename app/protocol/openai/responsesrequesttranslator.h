#pragma once

#include "../providerrules.h"

#include <QJsonObject>
#include <QString>

// Turns an Anthropic Messages request into an OpenAI Responses API request. Pure.
// Expects a request that MessagesRequestValidator accepted; never crashes on odd shapes.
//
// The proxy is stateless: every request carries the whole conversation as `input` items and
// asks for `"store": false`, so nothing refers to earlier responses by id.
class ResponsesRequestTranslator
{
public:
    using Options = RequestOptions;

    static QJsonObject translate(const QJsonObject &anthropicRequest, const Options &options);
};
