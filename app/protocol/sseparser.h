#pragma once

#include "sseevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// An incremental Server-Sent Events parser (the WHATWG event-stream rules): fed the bytes of
// an upstream response as they arrive, split anywhere, it returns each event as soon as its
// terminating blank line has been read. LF, CRLF and CR line ends are accepted; comment lines
// (`: OPENROUTER PROCESSING`) and `id:`/`retry:` fields are skipped; several `data:` lines
// are joined with "\n"; one space after the colon is removed; a UTF-8 byte order mark at the
// very start is skipped; bytes that are not UTF-8 become U+FFFD. An event with no data is not
// dispatched. The buffer never holds more than the current unfinished line and event.
class SseParser
{
public:
    // Parses `chunk` and returns the events it completed, in order.
    QList<SseEvent> feed(QByteArrayView chunk);

    // The upstream closed: returns the last event if it had data but no blank line after it.
    QList<SseEvent> finish();

    // Bytes held for an unfinished line and event; bounded by the caller through this.
    qsizetype bufferedBytes() const;

private:
    void processLine(QByteArrayView line, QList<SseEvent> &events);

    QByteArray m_line;        // the unfinished last line
    bool m_pendingCarriageReturn = false; // the last chunk ended in CR: skip an LF that follows
    bool m_atStreamStart = true;          // a byte order mark is skipped only here
    SseEvent m_event;         // the event being assembled
    bool m_eventHasData = false;
};
