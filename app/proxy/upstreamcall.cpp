#include "upstreamcall.h"

#include "http/contentdecoder.h"
#include "upstreamconnectionpool.h"

#include <QPointer>
#include <QSslSocket>

UpstreamCall::UpstreamCall(UpstreamConnectionPool *pool, const QUrl &url, const QByteArray &request,
                           int connectTimeoutMs, int readTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_url(url)
    , m_request(request)
    , m_connectTimeoutMs(connectTimeoutMs)
    , m_readTimeoutMs(readTimeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamCall::onTimeout);
    m_socket = m_pool->takeIdle(m_url);
    if (!m_socket) {
        openConnection();
        return;
    }
    m_reused = true;
    attach();
    send();
}

UpstreamCall::~UpstreamCall()
{
    closeSocket();
}

void UpstreamCall::openConnection()
{
    m_reused = false;
    m_sent = false;
    m_socket = m_pool->open(m_url);
    attach();
    m_timer.start(m_connectTimeoutMs);
    auto *tls = qobject_cast<QSslSocket *>(m_socket);
    if (!tls) {
        connect(m_socket, &QTcpSocket::connected, this, &UpstreamCall::send);
        return;
    }
    connect(tls, &QSslSocket::encrypted, this, &UpstreamCall::send);
    connect(tls, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        m_tlsErrors = texts.join(QStringLiteral("; "));
    });
}

void UpstreamCall::attach()
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamCall::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamCall::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamCall::onSocketError);
}

void UpstreamCall::send()
{
    // Once per connection: a pooled one has them already. Without TCP_NODELAY the kernel holds
    // back the request's last segment until the previous one is acknowledged, and the server
    // delays that acknowledgement: 40 ms per request.
    if (!m_reused) {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    }
    m_sent = true;
    m_timer.start(m_readTimeoutMs);
    // One buffer, written now rather than on the next event-loop turn: the head and body
    // leave in a single write.
    m_socket->write(m_request);
    m_socket->flush();
}

void UpstreamCall::onReadyRead()
{
    if (m_done)
        return;
    m_answered = true;
    m_timer.start(m_readTimeoutMs);
    // A fast upstream sends hundreds of events at once. Handed on a slice per event-loop turn,
    // what the first slice becomes reaches the client while the rest is still being
    // translated, and other streams get their turn in between. The first slices are small, so
    // that the first tokens leave before a whole burst is translated; later ones larger, so
    // that a long burst costs few turns.
    constexpr qint64 largestSliceBytes = 8 * 1024;
    const qint64 sliceBytes = m_sliceBytes;
    m_sliceBytes = qMin(2 * m_sliceBytes, largestSliceBytes);
    if (!deliver(m_parser.feed(m_socket->read(sliceBytes))))
        return;
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &UpstreamCall::onReadyRead, Qt::QueuedConnection);
}

void UpstreamCall::onDisconnected()
{
    if (m_done)
        return;
    if (m_reused && !m_answered) {
        retryOnNewConnection();
        return;
    }
    const QByteArray rest = m_socket->readAll();
    if (!rest.isEmpty() && !deliver(m_parser.feed(rest)))
        return;
    const HttpResponseParser::Progress progress = m_parser.finish();
    if (progress.failed) {
        fail(Failure::Network, m_sent ? tr("The upstream %1 closed the connection (%2).").arg(m_url.host(), m_parser.errorReason())
                                      : socketFailure());
        return;
    }
    deliver(progress);
}

void UpstreamCall::onSocketError()
{
    if (m_done)
        return;
    // A close is handled once the socket says it is disconnected: it may end a response.
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return;
    if (m_reused && !m_answered) {
        retryOnNewConnection();
        return;
    }
    fail(Failure::Network, socketFailure());
}

void UpstreamCall::retryOnNewConnection()
{
    // A server may close a kept-alive connection just as it is reused; nothing was answered,
    // so the request goes again, once, on a connection of its own.
    closeSocket();
    openConnection();
}

QString UpstreamCall::socketFailure() const
{
    const QString host = m_url.host();
    switch (m_socket->error()) {
    case QAbstractSocket::HostNotFoundError:
        return tr("Could not resolve the upstream host %1 (DNS).").arg(host);
    case QAbstractSocket::ConnectionRefusedError:
        return tr("The upstream %1 refused the connection.").arg(host);
    case QAbstractSocket::RemoteHostClosedError:
        return tr("The upstream %1 closed the connection.").arg(host);
    case QAbstractSocket::SslHandshakeFailedError:
        return tr("The TLS handshake with %1 failed: %2").arg(host, m_tlsErrors.isEmpty() ? m_socket->errorString() : m_tlsErrors);
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return tr("The proxy to %1 failed: %2").arg(host, m_socket->errorString());
    default:
        return tr("The connection to %1 failed: %2").arg(host, m_socket->errorString());
    }
}

bool UpstreamCall::deliver(const HttpResponseParser::Progress &progress)
{
    if (progress.failed) {
        fail(Failure::Network, tr("The upstream %1 sent a malformed response: %2").arg(m_url.host(), m_parser.errorReason()));
        return false;
    }
    const QPointer<UpstreamCall> alive(this);
    if (progress.headComplete) {
        m_status = m_parser.status();
        m_decoder = ContentDecoder::forEncoding(m_parser.header("content-encoding"));
        Q_EMIT responseStarted(m_status);
        if (!alive || m_done)
            return false;
    }
    if (!progress.body.isEmpty()) {
        QByteArray decoded;
        if (m_decoder && !m_decoder->decode(progress.body, decoded)) {
            fail(Failure::Network, tr("The upstream %1 sent a corrupt compressed body.").arg(m_url.host()));
            return false;
        }
        const QByteArray &bytes = m_decoder ? decoded : progress.body;
        if (!bytes.isEmpty()) {
            Q_EMIT dataReceived(bytes);
            if (!alive || m_done)
                return false;
        }
    }
    if (progress.complete) {
        complete();
        return false;
    }
    return true;
}

void UpstreamCall::complete()
{
    m_done = true;
    m_timer.stop();
    // The connection serves the next request only if nothing is left over on it.
    if (m_parser.keepAlive() && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0) {
        m_socket->disconnect(this);
        m_pool->putIdle(m_url, m_socket);
        m_socket = nullptr;
    } else {
        closeSocket();
    }
    Q_EMIT finished();
}

void UpstreamCall::onTimeout()
{
    if (m_sent)
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
    closeSocket();
    Q_EMIT failed(failure, message);
}

void UpstreamCall::closeSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}
