#include "upstreamcall.h"

#include <QNetworkReply>

UpstreamCall::UpstreamCall(QNetworkReply *reply, int connectTimeoutMs, int readTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_readTimeoutMs(readTimeoutMs)
{
    m_reply->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamCall::onTimeout);
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        m_requestSent = true;
        m_timer.start(m_readTimeoutMs);
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &UpstreamCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &UpstreamCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &UpstreamCall::onFinished);
    m_timer.start(connectTimeoutMs);
}

UpstreamCall::~UpstreamCall()
{
    if (m_reply && !m_done) {
        m_done = true;
        m_reply->abort();
    }
}

QByteArray UpstreamCall::header(const QByteArray &name) const
{
    return m_reply ? m_reply->rawHeader(name) : QByteArray();
}

void UpstreamCall::onMetaData()
{
    if (m_status != 0 || m_done)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Redirects are followed by the network layer: wait for the final response.
    if (status == 0 || (status >= 300 && status < 400))
        return;
    m_status = status;
    m_timer.start(m_readTimeoutMs);
    Q_EMIT responseStarted(status);
}

void UpstreamCall::onReadyRead()
{
    if (m_done)
        return;
    onMetaData();
    m_timer.start(m_readTimeoutMs);
    const QByteArray bytes = m_reply->readAll();
    if (!bytes.isEmpty())
        Q_EMIT dataReceived(bytes);
}

void UpstreamCall::onFinished()
{
    if (m_done)
        return;
    onMetaData();
    if (m_done) // a slot on responseStarted gave up on the call
        return;
    if (const QByteArray rest = m_reply->readAll(); !rest.isEmpty())
        Q_EMIT dataReceived(rest);
    if (m_done)
        return;
    m_timer.stop();
    // For an error status, QNetworkReply sets error() too: that is a response, not a failure.
    // After a success status, an error is the connection breaking mid-body.
    if (m_reply->error() == QNetworkReply::NoError || m_status >= 400) {
        m_done = true;
        Q_EMIT finished();
        return;
    }
    fail(Failure::Network, m_reply->errorString());
}

void UpstreamCall::onTimeout()
{
    if (m_requestSent || m_status != 0)
        fail(Failure::ReadTimeout, tr("The upstream sent nothing for %1 s.").arg(m_readTimeoutMs / 1000.0));
    else
        fail(Failure::ConnectTimeout, tr("Could not reach the upstream within the connect timeout."));
}

void UpstreamCall::fail(Failure failure, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (m_reply && !m_reply->isFinished())
        m_reply->abort();
    Q_EMIT failed(failure, message);
}
