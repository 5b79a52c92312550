#pragma once

#include "protocol/sseevent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Files under tests/data: recorded provider streams and captured Claude Code requests.
namespace TestData {
QString path(const QString &relativePath);
QByteArray read(const QString &relativePath);
QJsonObject readJsonObject(const QString &relativePath);
// A recorded stream from tests/data/provider-streams, parsed into its SSE events.
QList<SseEvent> providerStreamEvents(const QString &fileName);
}
