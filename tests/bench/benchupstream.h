#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

// What the upstream answers to every model request until told otherwise.
struct BenchMode
{
    enum class Kind { Small, Stream, Slow };
    Kind kind = Kind::Small;
    int events = 500;    // Stream, Slow: content events of 16 bytes each
    int holdMs = 2000;   // Slow: the first event at once, the rest after this long

    static BenchMode parse(const QByteArray &text); // "small", "stream 500", "slow 2000"
};

// The fast scripted OpenAI-compatible provider the benchmark measures against, on loopback
// only. It answers from bytes prepared when the mode is set, so that it costs as little as
// possible and the direct figures are a floor. The driver sets the mode with
// POST /bench/mode before each phase; model list lookups get 404.
class BenchUpstream : public QObject
{
    Q_OBJECT

public:
    // The 16 bytes of every content event: a client finds its first token by looking for it.
    static constexpr QByteArrayView token = "tok_0123456789ab";

    BenchUpstream();
    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    void setMode(const BenchMode &mode);
    const BenchMode &mode() const { return m_mode; }
    const QByteArray &smallResponse() const { return m_smallResponse; }
    const QByteArray &streamHead() const { return m_streamHead; }  // status, headers, first event
    const QList<QByteArray> &streamEvents() const { return m_streamEvents; } // the rest, as chunks
    const QByteArray &streamTail() const { return m_streamTail; }  // finish, usage, [DONE], end

private:
    void acceptConnections();

    QTcpServer m_server;
    BenchMode m_mode;
    QByteArray m_smallResponse;
    QByteArray m_streamHead;
    QList<QByteArray> m_streamEvents;
    QByteArray m_streamTail;
};
