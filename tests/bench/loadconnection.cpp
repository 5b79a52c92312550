#include "loadconnection.h"

#include <QHostAddress>
#include <QTcpSocket>

LoadConnection::LoadConnection(quint16 port, const QByteArray &request, const QByteArray &marker, QObject *parent)
    : QObject(parent)
    , m_port(port)
    , m_request(request)
    , m_marker(marker)
{
    llhttp_settings_init(&m_settings);
    m_settings.on_body = &LoadConnection::onBody;
    m_settings.on_message_complete = &LoadConnection::onMessageComplete;
}

void LoadConnection::send()
{
    m_clock.start();
    m_firstTokenNs = -1;
    m_tail.clear();
    m_waiting = true;
    m_messageDone = false;
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->write(m_request);
        return;
    }
    m_pending = true;
    if (!m_socket)
        openSocket();
}

void LoadConnection::openSocket()
{
    m_socket = new QTcpSocket(this);
    llhttp_init(&m_parser, HTTP_RESPONSE, &m_settings);
    m_parser.data = this;
    connect(m_socket, &QTcpSocket::connected, this, &LoadConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &LoadConnection::readIncoming);
    connect(m_socket, &QTcpSocket::disconnected, this, &LoadConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this, socket = m_socket](QAbstractSocket::SocketError error) {
        // A close is handled on disconnected(). Any other error (a refused connection never
        // disconnects) ends this socket, so that the next request opens a new one.
        if (error == QAbstractSocket::RemoteHostClosedError)
            return;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        if (m_socket == socket)
            m_socket = nullptr;
        if (m_waiting) {
            m_waiting = false;
            Q_EMIT failed(socket->errorString());
        }
    });
    m_socket->connectToHost(QHostAddress::LocalHost, m_port);
}

void LoadConnection::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_pending) {
        m_pending = false;
        m_socket->write(m_request);
    }
}

int LoadConnection::onBody(llhttp_t *parser, const char *at, size_t length)
{
    auto *self = static_cast<LoadConnection *>(parser->data);
    if (self->m_firstTokenNs >= 0 || self->m_marker.isEmpty())
        return 0;
    self->m_tail.append(at, qsizetype(length));
    if (self->m_tail.contains(self->m_marker))
        self->m_firstTokenNs = self->m_clock.nsecsElapsed();
    else
        self->m_tail = self->m_tail.right(self->m_marker.size() - 1);
    return 0;
}

int LoadConnection::onMessageComplete(llhttp_t *parser)
{
    static_cast<LoadConnection *>(parser->data)->m_messageDone = true;
    return HPE_PAUSED;
}

void LoadConnection::readIncoming()
{
    const QByteArray bytes = m_socket->readAll();
    const llhttp_errno_t error = llhttp_execute(&m_parser, bytes.constData(), size_t(bytes.size()));
    if (error == HPE_PAUSED && m_messageDone) {
        const bool keepAlive = llhttp_should_keep_alive(&m_parser);
        llhttp_resume(&m_parser);
        if (!keepAlive) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        complete();
        return;
    }
    if (error != HPE_OK && m_waiting) {
        m_waiting = false;
        Q_EMIT failed(QString::fromLatin1(llhttp_errno_name(error)));
    }
}

void LoadConnection::onDisconnected()
{
    // A response that ends with the connection is complete now.
    if (m_waiting)
        llhttp_finish(&m_parser);
    const bool endedByClose = m_waiting && m_messageDone;
    m_socket->deleteLater();
    m_socket = nullptr;
    if (endedByClose) {
        complete();
    } else if (m_waiting) {
        m_waiting = false;
        Q_EMIT failed(QStringLiteral("connection closed before the response ended"));
    }
}

void LoadConnection::complete()
{
    m_waiting = false;
    Q_EMIT completed(m_firstTokenNs, m_clock.nsecsElapsed(), llhttp_get_status_code(&m_parser));
}
