#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Providers take function names matching ^[a-zA-Z0-9_-]{1,64}$, while Claude Code's MCP
// tools are named `mcp__<server>__<tool>` after user-chosen servers and can be longer or
// hold other characters (`mcp__my.server__do/thing`). Such names are rewritten for the
// upstream and restored in what goes back to the client, which only knows its own names.
//
// The rewriting depends only on the set of names, not on their order, so every turn of a
// conversation (which sends the same tools) sees the same upstream names and the model's
// earlier calls stay valid.
class ToolNameMap
{
public:
    // A map of no tools for the usual limit of 64 characters.
    ToolNameMap() = default;

    // The mapping for a request's `tools`. Server tools (a `type` other than "custom") are not
    // functions upstream and are left out. A maxLength of 0 or less means no length limit.
    // `overrides` (client name → upstream name) come first; the rest are rewritten as below.
    static ToolNameMap forTools(const QJsonArray &anthropicTools, int maxLength,
                                const QHash<QString, QString> &overrides = {});

    // A valid name is its own upstream name. Others get '_' for each character outside
    // [a-zA-Z0-9_-] and, when too long or when that would collide with another name, a
    // suffix of 8 hex digits of the original's SHA-1. Names outside the map (a tool_use of a
    // tool no longer offered) are rewritten the same way.
    QString toUpstream(const QString &name) const;
    // The inverse; names the map did not produce pass through.
    QString toClient(const QString &upstreamName) const;
    // No name needed rewriting, so nothing needs restoring.
    bool isIdentity() const;

    // A `content_block_start` of a tool_use block with the client's name; other events are
    // returned unchanged.
    QJsonObject restoreInEvent(const QJsonObject &anthropicEvent) const;
    // A whole (non-streamed) message with the client's names in its tool_use blocks.
    QJsonObject restoreInMessage(const QJsonObject &anthropicMessage) const;

private:
    bool isValid(const QString &name) const;
    QString plainRewrite(const QString &name) const;
    QString hashedRewrite(const QString &name, int attempt) const;
    // The first hashed rewrite of name that no other name of the map uses.
    QString freeHashedRewrite(const QString &name) const;
    void insert(const QString &name, const QString &upstreamName);

    int m_maxLength = 64;
    // Every tool's name, rewritten or not, so that a rewrite can avoid the names in use.
    QHash<QString, QString> m_toUpstream;
    QHash<QString, QString> m_toClient;
};
