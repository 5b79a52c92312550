#include "rawupstream.h"

#include <QSslSocket>

RawUpstream::RawUpstream(Responder respond, const QSslConfiguration &tls)
    : m_respond(std::move(respond))
    , m_tls(tls)
{
    listen(QHostAddress::LocalHost, 0);
}

void RawUpstream::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    socket->setSocketDescriptor(descriptor);
    ++m_connections;
    // What arrived of the current request, and in how many reads.
    socket->setProperty("reads", 0);
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { readFrom(socket); });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    if (!m_tls.isNull()) {
        socket->setSslConfiguration(m_tls);
        socket->startServerEncryption();
    }
}

void RawUpstream::readFrom(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    int reads = socket->property("reads").toInt() + 1;
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        const qsizetype total = headEnd + 4 + length;
        if (buffer.size() < total)
            break;
        const QByteArray request = buffer.left(total);
        buffer.remove(0, total);
        m_requests.append(request);
        m_readsPerRequest.append(reads);
        reads = 0;
        m_respond(socket, request);
    }
    socket->setProperty("buffer", buffer);
    socket->setProperty("reads", reads);
}
