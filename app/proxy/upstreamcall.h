#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

// One HTTP request to a provider, reported as it happens: the status line, then the body
// bytes as they arrive, then a clean end or a failure. Aborts the request when destroyed,
// so a caller that goes away (its client disconnected) stops the upstream work too.
class UpstreamCall : public QObject
{
    Q_OBJECT

public:
    enum class Failure {
        ConnectTimeout,
        ReadTimeout,
        Network,   // refused, reset, DNS, TLS, a disconnect mid-body
    };
    Q_ENUM(Failure)

    UpstreamCall(QNetworkReply *reply, int connectTimeoutMs, int readTimeoutMs, QObject *parent = nullptr);
    ~UpstreamCall() override;

    int status() const { return m_status; }
    QByteArray header(const QByteArray &name) const;

Q_SIGNALS:
    void responseStarted(int status);
    void dataReceived(const QByteArray &bytes);
    void finished();
    void failed(UpstreamCall::Failure failure, const QString &message);

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void fail(Failure failure, const QString &message);

    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    int m_readTimeoutMs;
    int m_status = 0;
    bool m_requestSent = false;
    bool m_done = false;
};
