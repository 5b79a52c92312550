#pragma once

#include "../tokenusage.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QString>

#include <optional>

// One Chat Completions stream chunk, read for what the stream translator uses of it: the first
// choice's delta and finish, usage, and whether it reports an error. A stream has a chunk per
// token, and building a QJsonObject for each (ids, model, fingerprint, logprobs and all) cost
// more than the translation: the chunk is read with simdjson's on-demand parser, which skips
// the members nobody reads, and only the rare structured members (tool calls, citations,
// usage) become Qt JSON. It reads a chunk as Qt's QJsonObject would: a member given twice
// counts once, the last time; a member of another type reads as empty.
struct ChatChunk
{
    struct Delta
    {
        QString reasoningContent;
        QString reasoning;
        QString content;
        QJsonArray toolCalls;
        QJsonArray annotations;
    };
    struct Choice
    {
        Delta delta;
        QString finishReason;
        std::optional<QString> stopReason; // the choice's `stop_reason`, when it is text
    };

    // The chunk, or nullopt when `json` is not one JSON object (a proxy's noise, a cut line).
    static std::optional<ChatChunk> read(QByteArrayView json);

    // An `error` member (an object or text): the caller reads the chunk as an error instead.
    bool carriesError = false;
    // Top level, or inside the choice as Moonshot sends it.
    std::optional<TokenUsage> usage;
    // The first of `choices`, when there is one: Claude Code never asks for several.
    std::optional<Choice> choice;
};
