#pragma once

#include "recentlyusedmembers.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

// Writes request bodies as compact JSON, reusing what it wrote for large top-level members that
// recur from one body to the next: RecurringJsonParser's counterpart on the way out. Claude
// Code sends the same tools on every turn, and writing them out again (about 0.2 ms for its
// 31 KB of tools) was the largest cost of a request left once they were parsed once. Telling
// a member from one written before costs far less: a few microseconds for equal arrays, a
// pointer comparison for those the parser shared.
class RecurringJsonWriter
{
public:
    // QJsonDocument(object).toJson(QJsonDocument::Compact), byte for byte (a recalled member is
    // one QJsonValue calls equal, and Qt writes equal numbers alike).
    QByteArray write(const QJsonObject &object);

private:
    // A member's value, and what was written for it.
    using Remembered = RecentlyUsedMembers<QJsonValue, QByteArray>;
    Remembered m_remembered;
};
