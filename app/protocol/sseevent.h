#pragma once

#include <QByteArray>

// One Server-Sent Event as it travels on the wire: the `event:` name (empty for the
// default "message" event) and the joined `data:` lines.
struct SseEvent
{
    QByteArray event;
    QByteArray data;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};
