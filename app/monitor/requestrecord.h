#pragma once

#include "protocol/tokenusage.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// What the log keeps about one request through the proxy.
struct RequestRecord
{
    quint64 id = 0;
    QDateTime startedAt;
    QString method;
    QString path;
    QString clientModel;   // the model the client asked for
    QString provider;
    QString upstreamModel;
    bool stream = false;
    int status = 0;        // the status sent to the client; 0 while unknown
    qint64 firstByteMs = -1; // upstream's first byte, from the start; -1 if none
    qint64 durationMs = -1;  // -1 while running
    TokenUsage usage;
    QString error;         // redacted, for failures
    int attempts = 0;      // upstream attempts, retries and fallbacks included
    QStringList notes;     // retries, fallbacks, dropped tools: what the proxy did on the way
    bool finished = false;
};
