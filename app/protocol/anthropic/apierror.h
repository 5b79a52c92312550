#pragma once

#include <QJsonObject>
#include <QString>

// An error as the Anthropic Messages API reports it: an HTTP status, an error type
// (invalid_request_error, authentication_error, …) and a human-readable message.
struct ApiError
{
    int status = 500;
    QString type;
    QString message;

    // The error type Anthropic uses for an HTTP status (400 → invalid_request_error, …).
    static QString typeForStatus(int status);
    static ApiError fromStatus(int status, const QString &message);
    // The HTTP status an error type stands for (rate_limit_error → 429, …); 500 if unknown.
    static int statusForType(const QString &type);
    // An error from its JSON ({"type":"error","error":{…}}), as an upstream's stream carries it.
    static ApiError fromJson(const QJsonObject &json);

    static ApiError invalidRequest(const QString &message) { return fromStatus(400, message); }

    // {"type":"error","error":{"type":…,"message":…}}: the body of an error response and
    // the payload of an SSE `error` event alike.
    QJsonObject toJson() const;
};
