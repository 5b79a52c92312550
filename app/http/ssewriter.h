#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Frames Server-Sent Events: `event: <name>` and one `data:` line (the payload is compact
// JSON, so it never holds a line break), then the blank line that ends the event.
namespace SseWriter {
QByteArray event(QByteArrayView name, QByteArrayView data);
}
