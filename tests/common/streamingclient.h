#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkReply;

// One streaming Messages request to a proxy, as Claude Code makes it, and the answer's bytes
// and events as they arrive: for tests that stop the proxy while it streams.
class StreamingClient : public QObject
{
    Q_OBJECT

public:
    // Sends TestData::messagesRequest() with "stream": true to `baseUrl`'s /v1/messages.
    explicit StreamingClient(const QUrl &baseUrl, QObject *parent = nullptr);

    const QByteArray &body() const { return m_body; }
    bool isFinished() const;
    QList<QJsonObject> events() const;
    QStringList eventTypes() const;
    // The text deltas run together.
    QString text() const;

private:
    QNetworkAccessManager m_network;
    QNetworkReply *m_reply;
    QByteArray m_body;
};
