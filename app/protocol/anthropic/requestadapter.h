#pragma once

#include "../providerrules.h"
#include "toolnamemap.h"

#include <QJsonObject>
#include <QStringList>

// Fits an Anthropic Messages request to a provider's limits while it is still an Anthropic
// request, so that every upstream format (Chat Completions, Responses, Anthropic passthrough)
// gets the same fixes and the translators stay free of provider quirks.
namespace RequestAdapter {
struct Result
{
    QJsonObject request;
    // Restores the client's tool names in the response.
    ToolNameMap toolNames;
    // What was removed or renamed, for the request log.
    QStringList notes;
};

// Removes Claude Code's billing block from the system prompt, sanitizes tool schemas, renames
// tools the provider would reject, and drops server tools the provider cannot stand in for.
// Everything else (messages, cache_control, thinking…) is left as it is.
Result adapt(const QJsonObject &anthropicRequest, const ProviderRules &rules);
}
