#pragma once

#include <QString>

// Anthropic accepts only tool_use ids matching ^[a-zA-Z0-9_-]+$, while providers mint ids
// such as Kimi's `functions.add:0`. Ids are rewritten reversibly, so that the id Claude Code
// sends back in the next turn is turned into the provider's own id again.
namespace ToolCallId {
// An upstream id as Anthropic may carry it; an empty id gets a fresh `toolu_…` id.
QString toAnthropic(const QString &upstreamId);
// The inverse of toAnthropic() for ids it rewrote; any other id is returned unchanged.
QString toUpstream(const QString &anthropicId);
}
