#pragma once

#include "protocol/tokenusage.h"

class SecretRedactor;

#include <QDateTime>
#include <QString>
#include <QStringList>

// What the log keeps about one request through the proxy.
struct RequestRecord
{
    // A log of a thousand requests must not hold a thousand 50 KB prompts three times over.
    static constexpr qsizetype bodyLimit = 16 * 1024;
    // `body` as kept: whole up to bodyLimit, else its head and tail around a note, with its
    // secrets redacted. The cuts fall on a separator (quote, comma, space…), so no key is cut
    // in two and missed, which lets the clipping come first: a 50 KB prompt then costs the
    // redaction of 16 KB.
    static QByteArray kept(const QByteArray &body, const SecretRedactor &redactor);

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
    // For the detail view: what the client sent, what went upstream, what came back. Keys are
    // redacted; bodies beyond bodyLimit keep their beginning and end (kept()).
    QByteArray requestBody;
    QByteArray upstreamRequestBody;
    QByteArray responseBody;
    bool requestBodyClipped = false;
    bool bodiesDropped = false; // the log let go of the bodies (RequestLog::recordsWithBodies)
    QStringList notes;     // retries, fallbacks, dropped tools: what the proxy did on the way
    bool finished = false;
};
