#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QTimer>

#include <optional>

class QTcpSocket;
class QUrl;

// Open keep-alive connections to upstreams, by scheme, host and port, shared by the requests
// of one engine. There is no cap: a request that finds no idle connection opens its own, so
// concurrent streams never wait for each other (a provider's maxConcurrent, which ProviderGate
// enforces, is the only limit). Idle connections close after a timeout, and at once when the
// server closes them or sends something unasked.
class UpstreamConnectionPool : public QObject
{
    Q_OBJECT

public:
    explicit UpstreamConnectionPool(QObject *parent = nullptr);

    // An open idle connection to `url`'s origin, now the caller's, or nullptr.
    QTcpSocket *takeIdle(const QUrl &url);
    // A new connection to `url`'s origin, connecting now through the proxy the application's
    // proxy settings name for it (HTTP CONNECT): a QSslSocket for https, ready once it emits
    // encrypted(); a plain QTcpSocket for http (no TLS library loaded), ready on connected().
    QTcpSocket *open(const QUrl &url) const;
    // Keeps an open connection whose last response ended cleanly for the next request.
    void putIdle(const QUrl &url, QTcpSocket *socket);

    // The system's CAs, and those in the file SSL_CERT_FILE names, by default; tests trust
    // their own.
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    // HTTP/1.1 only; made on the first https connection, since loading the TLS library and the
    // system's CAs costs several MB that a proxy of local providers never needs.
    const QSslConfiguration &sslConfiguration() const;
    void setIdleTimeoutMs(int ms);
    int idleCount() const { return int(m_idle.size()); }

private:
    struct Idle
    {
        QString origin;
        QTcpSocket *socket;
        QElapsedTimer since;
    };

    static QString origin(const QUrl &url);
    void drop(QTcpSocket *socket);
    void closeExpired();

    QList<Idle> m_idle;
    mutable std::optional<QSslConfiguration> m_ssl;
    QTimer m_sweep;
    int m_idleTimeoutMs = 30000;
};
