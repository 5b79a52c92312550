#pragma once

#include "recentlyusedmembers.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>

// Parses request bodies, reusing the parse of large top-level members that recur from one body
// to the next. Claude Code sends the same tool definitions and system prompt, tens of KB, on
// every turn of a session, and parsing them was most of the CPU a request cost; a parsed
// QJsonArray or QJsonObject is shared, not copied, when it goes into the next request.
class RecurringJsonParser
{
public:
    // The same document and error QJsonDocument::fromJson gives for `json`.
    QJsonDocument parse(const QByteArray &json, QJsonParseError *error);

private:
    // A member's JSON, and its parse.
    using Remembered = RecentlyUsedMembers<QByteArray, QJsonValue>;
    Remembered m_remembered;
};
