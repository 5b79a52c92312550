#include "sseparser.h"

#include "utf8repair.h"

#include <algorithm>

QList<SseEvent> SseParser::feed(QByteArrayView chunk)
{
    QList<SseEvent> events;
    // A CR that ended the previous chunk may be the first half of a CRLF split between chunks.
    if (m_pendingCarriageReturn && !chunk.isEmpty()) {
        m_pendingCarriageReturn = false;
        if (chunk.front() == '\n')
            chunk = chunk.sliced(1);
    }
    while (!chunk.isEmpty()) {
        const auto end = std::find_if(chunk.begin(), chunk.end(),
                                      [](char c) { return c == '\r' || c == '\n'; });
        if (end == chunk.end())
            break;
        const qsizetype length = end - chunk.begin();
        // Lines that arrive whole are parsed in place; only a line split across chunks is copied.
        if (m_line.isEmpty()) {
            processLine(chunk.first(length), events);
        } else {
            m_line += chunk.first(length);
            processLine(m_line, events);
            m_line.clear();
        }
        qsizetype next = length + 1;
        if (*end == '\r') {
            if (next == chunk.size())
                m_pendingCarriageReturn = true;
            else if (chunk[next] == '\n')
                ++next;
        }
        chunk = chunk.sliced(next);
    }
    m_line += chunk;
    return events;
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> events;
    if (!m_line.isEmpty())
        processLine(m_line, events);
    processLine({}, events); // the blank line the upstream did not send
    *this = SseParser();
    return events;
}

qsizetype SseParser::bufferedBytes() const
{
    return m_line.size() + m_event.event.size() + m_event.data.size();
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &events)
{
    if (m_atStreamStart) {
        m_atStreamStart = false;
        // The WHATWG rules ignore one UTF-8 byte order mark at the start of the stream.
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        if (m_eventHasData) {
            // The WHATWG rules decode the stream as UTF-8 with replacement characters.
            m_event.data = Utf8Repair::repaired(m_event.data);
            events.append(m_event);
        }
        m_event = {};
        m_eventHasData = false;
        return;
    }
    if (line.front() == ':') // a comment, e.g. a keep-alive
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_eventHasData)
            m_event.data += '\n';
        m_event.data += value;
        m_eventHasData = true;
    } else if (field == "event") {
        m_event.event = value.toByteArray();
    }
}
