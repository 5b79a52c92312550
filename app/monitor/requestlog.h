#pragma once

#include "requestrecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <deque>
#include <functional>

// The live log of requests: a bounded buffer of recent records plus running totals. The
// engine writes, views and printers follow the signals.
class RequestLog : public QObject
{
    Q_OBJECT

public:
    // Only the newest records keep their bodies: a full log of a thousand Claude Code
    // requests would otherwise hold some 40 MB of prompts nobody is looking at.
    static constexpr qsizetype recordsWithBodies = 100;

    explicit RequestLog(qsizetype capacity = 1000, QObject *parent = nullptr);

    // Records a new request (its id and start time are set here) and returns its id.
    quint64 begin(RequestRecord record);
    void update(quint64 id, const std::function<void(RequestRecord &)> &change);
    void markFirstByte(quint64 id);
    void finish(quint64 id, int status, const QString &error = {});

    // The record while it is still in the buffer.
    const RequestRecord *find(quint64 id) const;
    const std::deque<RequestRecord> &records() const { return m_records; }

    quint64 totalRequests() const { return m_total; }
    quint64 failedRequests() const { return m_failed; }
    int activeRequests() const { return int(m_clocks.size()); }

Q_SIGNALS:
    void started(quint64 id);
    void updated(quint64 id);
    void finished(quint64 id);

private:
    RequestRecord *findMutable(quint64 id);
    void dropBodiesBeyondNewest();
    static void dropBodies(RequestRecord &record);

    qsizetype m_capacity;
    std::deque<RequestRecord> m_records; // ascending ids, oldest first
    QHash<quint64, QElapsedTimer> m_clocks; // running requests
    quint64 m_nextId = 1;
    quint64 m_total = 0;
    quint64 m_failed = 0;
};
