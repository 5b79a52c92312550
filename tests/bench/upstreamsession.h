#pragma once

#include <llhttp.h>

#include <QByteArray>
#include <QObject>

class BenchUpstream;
class QTcpSocket;

// One keep-alive connection to the benchmark's upstream: parses requests with llhttp and
// answers each as the upstream's current mode says.
class UpstreamSession : public QObject
{
    Q_OBJECT

public:
    UpstreamSession(QTcpSocket *socket, BenchUpstream *upstream);

private:
    static int onUrl(llhttp_t *parser, const char *at, size_t length);
    static int onBody(llhttp_t *parser, const char *at, size_t length);
    static int onMessageComplete(llhttp_t *parser);

    void readIncoming();
    void answer();
    void writeNow(const QByteArray &bytes);

    QTcpSocket *m_socket;
    BenchUpstream *m_upstream;
    llhttp_settings_t m_settings;
    llhttp_t m_parser;
    QByteArray m_url;
    QByteArray m_modeText; // the body of POST /bench/mode; other bodies are not kept
};
