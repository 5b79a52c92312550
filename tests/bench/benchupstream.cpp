#include "benchupstream.h"

#include "upstreamsession.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace {

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray sseChunk(const QByteArray &json)
{
    return chunk("data: " + json + "\n\n");
}

} // namespace

BenchMode BenchMode::parse(const QByteArray &text)
{
    const QList<QByteArray> words = text.trimmed().split(' ');
    BenchMode mode;
    if (words.value(0) == "stream") {
        mode.kind = Kind::Stream;
        mode.events = words.value(1, "500").toInt();
    } else if (words.value(0) == "slow") {
        mode.kind = Kind::Slow;
        mode.holdMs = words.value(1, "2000").toInt();
        mode.events = 2;
    }
    return mode;
}

BenchUpstream::BenchUpstream()
{
    connect(&m_server, &QTcpServer::newConnection, this, &BenchUpstream::acceptConnections);
    setMode({});
}

bool BenchUpstream::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void BenchUpstream::setMode(const BenchMode &mode)
{
    m_mode = mode;
    const QByteArray body = R"({"id":"chatcmpl-bench","object":"chat.completion","model":"bench-model",)"
                            R"("choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],)"
                            R"("usage":{"prompt_tokens":10,"completion_tokens":1,"total_tokens":11}})";
    m_smallResponse = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    const QByteArray content = R"({"id":"chatcmpl-bench","object":"chat.completion.chunk","model":"bench-model",)"
                               R"("choices":[{"index":0,"delta":{"content":")" + token.toByteArray() + R"("},"finish_reason":null}]})";
    const QByteArray first = R"({"id":"chatcmpl-bench","object":"chat.completion.chunk","model":"bench-model",)"
                             R"("choices":[{"index":0,"delta":{"role":"assistant","content":")" + token.toByteArray() + R"("},"finish_reason":null}]})";
    m_streamHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n" + sseChunk(first);
    m_streamEvents.clear();
    for (int i = 1; i < mode.events; ++i)
        m_streamEvents.append(sseChunk(content));
    m_streamTail = sseChunk(R"({"id":"chatcmpl-bench","object":"chat.completion.chunk","model":"bench-model",)"
                         R"("choices":[{"index":0,"delta":{},"finish_reason":"stop"}],)"
                         R"("usage":{"prompt_tokens":10,"completion_tokens":)" + QByteArray::number(mode.events) + "}}")
        + sseChunk("[DONE]") + "0\r\n\r\n";
}

void BenchUpstream::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new UpstreamSession(socket, this);
}
