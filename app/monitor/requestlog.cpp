#include "requestlog.h"

#include <algorithm>

RequestLog::RequestLog(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax<qsizetype>(1, capacity))
{
}

quint64 RequestLog::begin(RequestRecord record)
{
    record.id = m_nextId++;
    record.startedAt = QDateTime::currentDateTime();
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

QByteArray RequestRecord::clipped(const QByteArray &body)
{
    if (body.size() <= bodyLimit)
        return body;
    const qsizetype half = bodyLimit / 2;
    return body.left(half) + "\n… " + QByteArray::number(body.size() - 2 * half) + " bytes not kept …\n" + body.right(half);
}
