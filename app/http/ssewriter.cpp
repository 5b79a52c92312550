#include "ssewriter.h"

QByteArray SseWriter::event(QByteArrayView name, QByteArrayView data)
{
    QByteArray frame;
    frame.reserve(name.size() + data.size() + 16);
    frame.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
    return frame;
}
