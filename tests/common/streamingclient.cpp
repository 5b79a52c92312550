#include "streamingclient.h"

#include "protocol/sseparser.h"
#include "testdata.h"

#include <QJsonDocument>
#include <QNetworkReply>

StreamingClient::StreamingClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
{
    QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/v1/messages"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject body = TestData::messagesRequest({{QStringLiteral("stream"), true}});
    m_reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { m_body += m_reply->readAll(); });
}

bool StreamingClient::isFinished() const
{
    return m_reply->isFinished();
}

QList<QJsonObject> StreamingClient::events() const
{
    SseParser parser;
    QList<QJsonObject> events;
    for (const SseEvent &event : parser.feed(m_body))
        events << QJsonDocument::fromJson(event.data).object();
    return events;
}

QStringList StreamingClient::eventTypes() const
{
    QStringList types;
    for (const QJsonObject &event : events())
        types << event.value(QLatin1StringView("type")).toString();
    return types;
}

QString StreamingClient::text() const
{
    QString text;
    for (const QJsonObject &event : events())
        text += event.value(QLatin1StringView("delta")).toObject().value(QLatin1StringView("text")).toString();
    return text;
}
