#pragma once

#include <llhttp.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>

class QTcpSocket;

// One client keep-alive connection of the load generator: sends a prepared request in one
// write, parses the answer with llhttp and reports its timings. If the server closes the
// connection, the next request opens a new one (and pays for it, as a real client would).
class LoadConnection : public QObject
{
    Q_OBJECT

public:
    // `marker`: bytes whose first appearance in the body counts as the first token (empty:
    // not measured).
    LoadConnection(quint16 port, const QByteArray &request, const QByteArray &marker, QObject *parent = nullptr);

    void send();

Q_SIGNALS:
    // Nanoseconds from the request's write to the first token (-1: not seen) and to the end.
    void completed(qint64 firstTokenNs, qint64 totalNs, int status);
    void failed(const QString &message);

private:
    static int onBody(llhttp_t *parser, const char *at, size_t length);
    static int onMessageComplete(llhttp_t *parser);

    void openSocket();
    void onConnected();
    void readIncoming();
    void onDisconnected();
    void complete();

    quint16 m_port;
    QByteArray m_request;
    QByteArray m_marker;
    QTcpSocket *m_socket = nullptr;
    llhttp_settings_t m_settings;
    llhttp_t m_parser;
    QElapsedTimer m_clock;
    QByteArray m_tail; // the end of the body so far, for a marker split across reads
    qint64 m_firstTokenNs = -1;
    bool m_waiting = false;  // a request is out and not yet answered
    bool m_pending = false;  // a request waits for the connection to open
    bool m_messageDone = false;
};
