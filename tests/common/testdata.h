#pragma once

#include "protocol/sseevent.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

// Files under tests/data: recorded provider streams and captured Claude Code requests.
namespace TestData {
QString path(const QString &relativePath);
QByteArray read(const QString &relativePath);
QJsonObject readJsonObject(const QString &relativePath);
// JSON written in a test; malformed JSON is a broken test and stops it.
QJsonDocument parseJson(const QByteArray &text);
// Compact JSON compares exactly (QJsonObject keeps its keys sorted) and prints readably.
QByteArray compact(const QJsonValue &value);
// A recorded stream from tests/data/provider-streams, parsed into its SSE events.
QList<SseEvent> providerStreamEvents(const QString &fileName);
}
