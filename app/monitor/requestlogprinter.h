#pragma once

#include "requestrecord.h"

#include <QObject>

#include <cstdio>

class RequestLog;

// Writes one line per finished request (time, path, model → upstream model, status, latency,
// time to first byte, tokens) to a stream, stderr in the headless proxy.
class RequestLogPrinter : public QObject
{
    Q_OBJECT

public:
    RequestLogPrinter(const RequestLog *log, FILE *stream, QObject *parent = nullptr);

    static QString format(const RequestRecord &record);

private:
    const RequestLog *m_log;
    FILE *m_stream;
};
