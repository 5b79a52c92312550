#include "requestlog.h"

#include "config/secretredactor.h"
#include "localclock.h"

#include <algorithm>

RequestLog::RequestLog(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax<qsizetype>(1, capacity))
{
}

quint64 RequestLog::begin(RequestRecord record)
{
    record.id = m_nextId++;
    record.startedAt = LocalClock::now();
    m_clocks[record.id].start();
    m_records.push_back(std::move(record));
    if (qsizetype(m_records.size()) > m_capacity)
        m_records.pop_front();
    dropBodiesBeyondNewest();
    ++m_total;
    Q_EMIT started(m_records.back().id);
    return m_records.back().id;
}

void RequestLog::update(quint64 id, const std::function<void(RequestRecord &)> &change)
{
    if (RequestRecord *record = findMutable(id)) {
        change(*record);
        // A long request may be older than the newest records by the time it ends.
        if (m_records.back().id - id >= quint64(recordsWithBodies))
            dropBodies(*record);
        Q_EMIT updated(id);
    }
}

void RequestLog::markFirstByte(quint64 id)
{
    const auto clock = m_clocks.constFind(id);
    RequestRecord *record = findMutable(id);
    if (clock == m_clocks.cend() || !record || record->firstByteMs >= 0)
        return;
    record->firstByteMs = clock->elapsed();
    Q_EMIT updated(id);
}

void RequestLog::finish(quint64 id, int status, const QString &error)
{
    const auto clock = m_clocks.constFind(id);
    if (clock == m_clocks.cend())
        return;
    const qint64 elapsed = clock->elapsed();
    m_clocks.erase(clock);
    if (status >= 400 || !error.isEmpty())
        ++m_failed;
    if (RequestRecord *record = findMutable(id)) {
        record->status = status;
        record->error = error;
        record->durationMs = elapsed;
        record->finished = true;
        Q_EMIT finished(id);
    }
}

const RequestRecord *RequestLog::find(quint64 id) const
{
    const auto it = std::lower_bound(m_records.begin(), m_records.end(), id,
                                     [](const RequestRecord &record, quint64 wanted) { return record.id < wanted; });
    return it != m_records.end() && it->id == id ? &*it : nullptr;
}

void RequestLog::dropBodiesBeyondNewest()
{
    const qsizetype beyond = qsizetype(m_records.size()) - recordsWithBodies - 1;
    if (beyond >= 0)
        dropBodies(m_records[std::size_t(beyond)]);
}

RequestRecord *RequestLog::findMutable(quint64 id)
{
    return const_cast<RequestRecord *>(std::as_const(*this).find(id));
}

void RequestLog::dropBodies(RequestRecord &record)
{
    if (record.requestBody.isEmpty() && record.upstreamRequestBody.isEmpty() && record.responseBody.isEmpty())
        return;
    record.requestBody = {};
    record.upstreamRequestBody = {};
    record.responseBody = {};
    record.bodiesDropped = true;
}

namespace {
constexpr qsizetype separatorSearch = 1024;

bool isSeparator(char byte)
{
    return QByteArrayView(" \t\r\n\",:{}[]").contains(byte);
}

// The first separator at or before `from`, at most separatorSearch bytes back; -1 if none.
qsizetype separatorBefore(const QByteArray &body, qsizetype from)
{
    for (qsizetype i = from; i >= 0 && i > from - separatorSearch; --i) {
        if (isSeparator(body.at(i)))
            return i;
    }
    return -1;
}

qsizetype separatorAfter(const QByteArray &body, qsizetype from)
{
    for (qsizetype i = from; i < body.size() && i < from + separatorSearch; ++i) {
        if (isSeparator(body.at(i)))
            return i;
    }
    return -1;
}

QByteArray redacted(const QByteArray &text, const SecretRedactor &redactor)
{
    return redactor.redact(QString::fromUtf8(text)).toUtf8();
}
}

QByteArray RequestRecord::kept(const QByteArray &body, const SecretRedactor &redactor)
{
    if (body.size() <= bodyLimit)
        return redacted(body, redactor);
    const qsizetype half = bodyLimit / 2;
    const qsizetype headEnd = separatorBefore(body, half);
    const qsizetype tailStart = separatorAfter(body, body.size() - half);
    // One unbroken run around a cut (a base64 image, say): redact the whole, then clip.
    if (headEnd < 0 || tailStart < 0) {
        const QByteArray whole = redacted(body, redactor);
        return whole.left(half) + "\n… " + QByteArray::number(whole.size() - 2 * half) + " bytes not kept …\n"
               + whole.right(half);
    }
    const QByteArray head = body.left(headEnd + 1);
    const QByteArray tail = body.mid(tailStart);
    return redacted(head, redactor) + "\n… " + QByteArray::number(body.size() - head.size() - tail.size())
           + " bytes not kept …\n" + redacted(tail, redactor);
}
