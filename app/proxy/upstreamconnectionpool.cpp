#include "upstreamconnectionpool.h"

#include <QNetworkProxyFactory>
#include <QSslCertificate>
#include <QSslSocket>
#include <QUrl>

UpstreamConnectionPool::UpstreamConnectionPool(QObject *parent)
    : QObject(parent)
{
    m_sweep.setInterval(m_idleTimeoutMs / 2);
    connect(&m_sweep, &QTimer::timeout, this, &UpstreamConnectionPool::closeExpired);
}

const QSslConfiguration &UpstreamConnectionPool::sslConfiguration() const
{
    if (!m_ssl) {
        m_ssl = QSslConfiguration::defaultConfiguration();
        // A CA of one's own (a company's, a self-hosted model server's) is trusted as
        // OpenSSL's tools take it, from the file SSL_CERT_FILE names, but in addition to the
        // system's CAs: replacing them would break every public provider. Listing CAs turns
        // off Qt's on-demand loading of the system's, so they are listed too.
        const QString extraCas = qEnvironmentVariable("SSL_CERT_FILE");
        if (!extraCas.isEmpty())
            m_ssl->setCaCertificates(QSslConfiguration::systemCaCertificates() + QSslCertificate::fromPath(extraCas));
        // One response per connection at a time is what the calls expect: no HTTP/2.
        m_ssl->setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    }
    return *m_ssl;
}

QString UpstreamConnectionPool::origin(const QUrl &url)
{
    const bool tls = url.scheme() == QLatin1StringView("https");
    return url.scheme() + QLatin1StringView("://") + url.host() + u':' + QString::number(url.port(tls ? 443 : 80));
}

QTcpSocket *UpstreamConnectionPool::takeIdle(const QUrl &url)
{
    const QString wanted = origin(url);
    // The most recently used first: it is the least likely to have been closed by the server.
    for (qsizetype i = m_idle.size() - 1; i >= 0; --i) {
        if (m_idle.at(i).origin != wanted)
            continue;
        QTcpSocket *socket = m_idle.takeAt(i).socket;
        socket->disconnect(this);
        if (m_idle.isEmpty())
            m_sweep.stop();
        return socket;
    }
    return nullptr;
}

QTcpSocket *UpstreamConnectionPool::open(const QUrl &url) const
{
    const QNetworkProxy proxy = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url)).value(0, QNetworkProxy::NoProxy);
    if (url.scheme() != QLatin1StringView("https")) {
        auto *socket = new QTcpSocket;
        socket->setProxy(proxy);
        socket->connectToHost(url.host(), quint16(url.port(80)));
        return socket;
    }
    auto *socket = new QSslSocket;
    socket->setProxy(proxy);
    socket->setSslConfiguration(sslConfiguration());
    socket->connectToHostEncrypted(url.host(), quint16(url.port(443)));
    return socket;
}

void UpstreamConnectionPool::putIdle(const QUrl &url, QTcpSocket *socket)
{
    socket->setParent(this);
    m_idle.append({origin(url), socket, {}});
    m_idle.last().since.start();
    // A server that closes an idle connection, or talks on it unasked, ends its use.
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
    if (!m_sweep.isActive())
        m_sweep.start();
}

void UpstreamConnectionPool::setIdleTimeoutMs(int ms)
{
    m_idleTimeoutMs = ms;
    m_sweep.setInterval(std::max(1, ms / 2));
}

void UpstreamConnectionPool::drop(QTcpSocket *socket)
{
    m_idle.removeIf([socket](const Idle &idle) { return idle.socket == socket; });
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    if (m_idle.isEmpty())
        m_sweep.stop();
}

void UpstreamConnectionPool::closeExpired()
{
    QList<QTcpSocket *> expired;
    for (const Idle &idle : std::as_const(m_idle)) {
        if (idle.since.hasExpired(m_idleTimeoutMs))
            expired.append(idle.socket);
    }
    for (QTcpSocket *socket : std::as_const(expired))
        drop(socket);
}
