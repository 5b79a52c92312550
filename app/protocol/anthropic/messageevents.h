#pragma once

#include <QJsonObject>
#include <QList>

// The stream events that deliver a whole Anthropic message, for when a client asked for a
// stream but the upstream answered with one JSON response.
namespace MessageEvents {
QList<QJsonObject> fromMessage(const QJsonObject &message);
// The events that deliver one whole block at `index`: its start (without its text or input),
// the one delta that fills it, if it has any, and its stop.
QList<QJsonObject> ofBlock(qsizetype index, const QJsonObject &block);
}
