#pragma once

#include <QJsonObject>
#include <QList>

// The stream events that deliver a whole Anthropic message, for when a client asked for a
// stream but the upstream answered with one JSON response.
namespace MessageEvents {
QList<QJsonObject> fromMessage(const QJsonObject &message);
}
