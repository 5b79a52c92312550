#pragma once

#include <QJsonObject>
#include <QString>

// What routing looks at in a Messages request besides the model name.
struct RequestTraits
{
    QString model;
    // Deliberate thinking: an explicit budget (`thinking.type` "enabled") or high effort.
    // Claude Code sends {"type":"adaptive"} with medium effort on every request, which is
    // the ordinary case, not a thinking scenario.
    bool thinking = false;
    bool images = false;           // an image anywhere in the conversation
    bool webSearch = false;        // Anthropic's server-side web search tool is offered
    qint64 estimatedTokens = 0;

    static RequestTraits of(const QJsonObject &request);
    // The small, fast requests Claude Code sends to its haiku-class model.
    bool isBackground() const;
};
