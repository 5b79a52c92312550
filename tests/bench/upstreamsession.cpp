#include "upstreamsession.h"

#include "benchupstream.h"

#include <QTcpSocket>
#include <QTimer>

UpstreamSession::UpstreamSession(QTcpSocket *socket, BenchUpstream *upstream)
    : QObject(upstream)
    , m_socket(socket)
    , m_upstream(upstream)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    llhttp_settings_init(&m_settings);
    m_settings.on_url = &UpstreamSession::onUrl;
    m_settings.on_body = &UpstreamSession::onBody;
    m_settings.on_message_complete = &UpstreamSession::onMessageComplete;
    llhttp_init(&m_parser, HTTP_REQUEST, &m_settings);
    m_parser.data = this;
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamSession::readIncoming);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
}

int UpstreamSession::onUrl(llhttp_t *parser, const char *at, size_t length)
{
    static_cast<UpstreamSession *>(parser->data)->m_url.append(at, qsizetype(length));
    return 0;
}

int UpstreamSession::onBody(llhttp_t *parser, const char *at, size_t length)
{
    auto *self = static_cast<UpstreamSession *>(parser->data);
    if (self->m_url.startsWith("/bench/"))
        self->m_modeText.append(at, qsizetype(length));
    return 0;
}

int UpstreamSession::onMessageComplete(llhttp_t *parser)
{
    auto *self = static_cast<UpstreamSession *>(parser->data);
    self->answer();
    self->m_url.clear();
    self->m_modeText.clear();
    return 0;
}

void UpstreamSession::readIncoming()
{
    const QByteArray bytes = m_socket->readAll();
    if (llhttp_execute(&m_parser, bytes.constData(), size_t(bytes.size())) != HPE_OK)
        m_socket->abort();
}

void UpstreamSession::answer()
{
    if (m_url == "/bench/mode") {
        m_upstream->setMode(BenchMode::parse(m_modeText));
        writeNow("HTTP/1.1 204 No Content\r\n\r\n");
        return;
    }
    if (llhttp_get_method(&m_parser) == HTTP_GET) {
        static const QByteArray notFound = R"({"error":{"message":"no model list"}})";
        writeNow("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(notFound.size()) + "\r\n\r\n" + notFound);
        return;
    }
    const BenchMode &mode = m_upstream->mode();
    if (mode.kind == BenchMode::Kind::Small) {
        writeNow(m_upstream->smallResponse());
        return;
    }
    writeNow(m_upstream->streamHead());
    if (mode.kind == BenchMode::Kind::Slow) {
        QTimer::singleShot(mode.holdMs, Qt::PreciseTimer, this, [this] {
            for (const QByteArray &event : m_upstream->streamEvents())
                m_socket->write(event);
            writeNow(m_upstream->streamTail());
        });
        return;
    }
    // Each event leaves in its own write, as a provider generating tokens sends them.
    for (const QByteArray &event : m_upstream->streamEvents())
        writeNow(event);
    writeNow(m_upstream->streamTail());
}

void UpstreamSession::writeNow(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}
