#include "http/httprequesthandler.h"
#include "http/httpresponder.h"
#include "http/httpserver.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace {

// Answers by path: /echo with what it received, /stream with three chunks over time, /open
// with a stream that ends only when interrupted, /hang never (it notes when the client goes
// away).
class TestHandler : public HttpRequestHandler
{
public:
    int disconnects = 0;
    QList<QByteArray> bodies;

    void handle(HttpResponder *responder) override
    {
        const QByteArray path = responder->request().path();
        bodies << responder->request().body;
        QObject::connect(responder, &HttpResponder::clientDisconnected, [this] { ++disconnects; });
        if (path == "/echo") {
            responder->send(HttpResponse{200, {{"content-type", "text/plain"}},
                                         responder->request().method + ' ' + responder->request().target + ' '
                                             + QByteArray::number(responder->request().body.size())});
        } else if (path == "/stream") {
            responder->beginStream(HttpResponse{200, {{"content-type", "text/event-stream"}}, {}});
            responder->write("event: one\n\n");
            auto *timer = new QTimer(responder);
            QObject::connect(timer, &QTimer::timeout, responder, [responder, timer, n = 0]() mutable {
                if (++n < 3) {
                    responder->write("event: more\n\n");
                } else {
                    timer->stop();
                    responder->endStream();
                }
            });
            timer->start(10);
        } else if (path == "/open") {
            responder->beginStream(HttpResponse{200, {{"content-type", "text/event-stream"}}, {}});
            responder->write("event: one\n\n");
            QObject::connect(responder, &HttpResponder::interrupted, [responder](const QString &reason) {
                responder->write(QByteArray("event: bye\ndata: " + reason.toUtf8() + "\n\n"));
                responder->endStream();
            });
        } else if (path != "/hang") {
            responder->send(HttpResponse{404, {}, "no"});
        }
    }

    HttpResponse rejection(int status, const QString &reason) const override
    {
        return HttpResponse{status, {{"content-type", "text/plain"}}, "rejected: " + reason.toUtf8()};
    }
};

// A client on a raw socket, so the tests control every byte and see every byte back.
class RawClient
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    // Waits (running the event loop) until the received bytes contain `text` `count` times.
    bool waitFor(const QByteArray &text, int count = 1, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return received().count(text) >= count; }, timeoutMs);
    }

    bool waitForClose(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }

    QByteArray received()
    {
        m_received += m_socket.readAll();
        return m_received;
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;

    void startServer(HttpLimits limits = {})
    {
        m_handler = std::make_unique<TestHandler>();
        m_server = std::make_unique<HttpServer>(m_handler.get(), limits);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_handler.reset();
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        startServer();
        RawClient client(m_server->serverPort());
        client.send("GET /echo?a=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitFor("GET /echo?a=1 0"));
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        QVERIFY(client.waitFor("POST /echo 5"));
        QVERIFY(client.received().contains("connection: keep-alive"));
        QVERIFY(client.received().contains("keep-alive: timeout=60"));
        QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_server->openConnections(), 1);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        startServer();
        RawClient client(m_server->serverPort());
        client.send("GET /echo?first HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"
                    "POST /echo?third HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
        QVERIFY(client.waitFor("POST /echo?third 3"));
        const QByteArray all = client.received();
        QVERIFY(all.indexOf("GET /echo?first 0") < all.indexOf("event: one"));
        QVERIFY(all.indexOf("0\r\n\r\n") < all.indexOf("POST /echo?third 3"));
    }

    void chunkedRequestBody()
    {
        startServer();
        RawClient client(m_server->serverPort());
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n");
        QVERIFY(client.socket().waitForBytesWritten(5000)); // the body arrives in two reads
        client.send("3\r\nefg\r\n0\r\n\r\n");
        QVERIFY(client.waitFor("POST /echo 7"));
        QCOMPARE(m_handler->bodies.constLast(), QByteArray("abcdefg"));
    }

    void expectContinueGetsAnInterimResponse()
    {
        startServer();
        RawClient client(m_server->serverPort());
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        QVERIFY(client.waitFor("HTTP/1.1 100 Continue\r\n\r\n"));
        QVERIFY(!client.received().contains("HTTP/1.1 200"));
        client.send("body");
        QVERIFY(client.waitFor("POST /echo 4"));
    }

    void streamedResponseIsChunked()
    {
        startServer();
        RawClient client(m_server->serverPort());
        client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitFor("0\r\n\r\n"));
        const QByteArray all = client.received();
        QVERIFY(all.contains("transfer-encoding: chunked"));
        QVERIFY(all.contains("c\r\nevent: one\n\n\r\n"));
        QCOMPARE(all.count("event: more"), 2);
    }

    void headRequestGetsNoBody()
    {
        startServer();
        RawClient client(m_server->serverPort());
        client.send("HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\nGET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitFor("GET /echo 0"));
        QVERIFY(client.received().contains("content-length: 11\r\n"));
        QVERIFY(!client.received().contains("HEAD /echo 0"));
    }

    void limitsAndMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::newRow("malformed") << QByteArray("GARBAGE\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request");
        QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET /echo HTTP/1.1\r\n\r\n")
                                               << QByteArray("HTTP/1.1 400 Bad Request");
        QTest::newRow("headers too large") << QByteArray("GET /echo HTTP/1.1\r\nX: " + QByteArray(2048, 'x') + "\r\n\r\n")
                                           << QByteArray("HTTP/1.1 431 Request Header Fields Too Large");
        QTest::newRow("body too large") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")
                                        << QByteArray("HTTP/1.1 413 Content Too Large");
        QTest::newRow("chunked body too large")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + QByteArray(4096, 'a'))
            << QByteArray("HTTP/1.1 413 Content Too Large");
    }

    void limitsAndMalformedInput()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QByteArray, statusLine);
        startServer({.maxHeaderBytes = 1024, .maxBodyBytes = 4000});
        RawClient client(m_server->serverPort());
        client.send(wire);
        QVERIFY(client.waitForClose());
        QVERIFY2(client.received().startsWith(statusLine), client.received().constData());
        QVERIFY(client.received().contains("connection: close"));
        QVERIFY(client.received().contains("rejected: "));
        QVERIFY(m_handler->bodies.isEmpty());

        // The server is still fine for everyone else.
        RawClient next(m_server->serverPort());
        next.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(next.waitFor("GET /echo 0"));
    }

    void slowHeadersTimeOutWith408()
    {
        startServer({.headerTimeoutMs = 100});
        RawClient client(m_server->serverPort());
        client.send("GET /echo HTTP/1.1\r\nHost: x\r\n");
        QVERIFY(client.waitForClose());
        QVERIFY(client.received().startsWith("HTTP/1.1 408 Request Timeout"));
    }

    void stalledBodyTimesOutWith408()
    {
        startServer({.idleTimeoutMs = 100});
        RawClient client(m_server->serverPort());
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        QVERIFY(client.waitForClose());
        QVERIFY(client.received().startsWith("HTTP/1.1 408 Request Timeout"));
    }

    void idleKeepAliveConnectionIsClosed()
    {
        startServer({.idleTimeoutMs = 100});
        RawClient client(m_server->serverPort());
        client.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitFor("GET /echo 0"));
        QVERIFY(client.waitForClose());
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void connectionCloseIsHonoured()
    {
        startServer();
        RawClient client(m_server->serverPort());
        client.send("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(client.waitForClose());
        QVERIFY(client.received().contains("connection: close"));
        QVERIFY(client.received().endsWith("GET /echo 0"));
    }

    void clientLeavingIsReportedToTheHandler()
    {
        startServer();
        {
            RawClient client(m_server->serverPort());
            client.send("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_COMPARE(m_handler->bodies.size(), 1);
        }
        QTRY_COMPARE(m_handler->disconnects, 1);
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void manyConcurrentConnections()
    {
        startServer();
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 100; ++i) {
            clients.push_back(std::make_unique<RawClient>(m_server->serverPort()));
            clients.back()->send("POST /echo?" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx");
        }
        for (int i = 0; i < 100; ++i)
            QVERIFY(clients.at(i)->waitFor("POST /echo?" + QByteArray::number(i) + " 1"));
        QCOMPARE(m_server->openConnections(), 100);
    }

    void aBurstOfConnectionsWaitsInTheAcceptQueue()
    {
        startServer();
        // No event loop runs while the clients connect, so the server accepts none of them: each
        // must find room in the kernel's accept queue. Qt's default queue of 50 drops the SYNs
        // of the rest, and a client retries only a second or more later.
        std::vector<std::unique_ptr<QTcpSocket>> burst;
        for (int i = 0; i < 300; ++i) {
            burst.push_back(std::make_unique<QTcpSocket>());
            burst.back()->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
            QVERIFY2(burst.back()->waitForConnected(3000), qPrintable(QString::number(i)));
        }
        QTRY_COMPARE(m_server->openConnections(), 300);
    }

    void closingGracefullyEndsEveryConnection()
    {
        startServer();
        const quint16 port = m_server->serverPort();
        RawClient idle(port);
        idle.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(idle.waitFor("GET /echo 0"));
        RawClient waiting(port);
        waiting.send("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n");
        RawClient streaming(port);
        streaming.send("GET /open HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(streaming.waitFor("event: one"));
        QTRY_COMPARE(m_handler->bodies.size(), 3);

        QSignalSpy drained(m_server.get(), &HttpServer::drained);
        m_server->closeGracefully(QStringLiteral("going away"));
        QVERIFY(!m_server->isListening());
        // The handler ends its stream itself; the HTTP layer refuses what nobody answered.
        QVERIFY(streaming.waitForClose());
        QVERIFY(streaming.received().endsWith("event: bye\ndata: going away\n\n\r\n0\r\n\r\n"));
        QVERIFY(waiting.waitForClose());
        QVERIFY(waiting.received().startsWith("HTTP/1.1 503"));
        QVERIFY(waiting.received().contains("connection: close"));
        QVERIFY(waiting.received().endsWith("rejected: going away"));
        QVERIFY(idle.waitForClose());
        QTRY_COMPARE(drained.size(), 1);
        QCOMPARE(m_server->openConnections(), 0);
    }

    // What a shutdown does first: responses under way finish whole, nothing new is taken.
    void closingAfterResponsesLetsThemFinish()
    {
        startServer();
        const quint16 port = m_server->serverPort();
        RawClient idle(port);
        idle.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(idle.waitFor("GET /echo 0"));
        RawClient streaming(port);
        streaming.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(streaming.waitFor("event: one"));
        RawClient open(port);
        open.send("GET /open HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(open.waitFor("event: one"));
        RawClient sending(port);
        sending.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        QTRY_COMPARE(m_server->openConnections(), 4);

        QSignalSpy drained(m_server.get(), &HttpServer::drained);
        m_server->closeAfterResponses(QStringLiteral("going away"));
        QVERIFY(!m_server->isListening());
        QVERIFY(idle.waitForClose());
        QVERIFY(sending.waitForClose());
        QVERIFY(sending.received().startsWith("HTTP/1.1 503"));
        QVERIFY(sending.received().endsWith("rejected: going away"));
        // The stream ends as it would have, and only then its connection.
        QVERIFY(streaming.waitForClose());
        QCOMPARE(streaming.received().count("event: more"), 2);
        QVERIFY(streaming.received().endsWith("\r\n0\r\n\r\n"));
        QVERIFY(!streaming.received().contains("going away"));
        // One that does not end keeps the server from draining, until it is ended.
        QCOMPARE(m_server->openConnections(), 1);
        QCOMPARE(drained.size(), 0);
        QCOMPARE(open.socket().state(), QAbstractSocket::ConnectedState);
        m_server->closeGracefully(QStringLiteral("now"));
        QVERIFY(open.waitForClose());
        QVERIFY(open.received().endsWith("event: bye\ndata: now\n\n\r\n0\r\n\r\n"));
        QTRY_COMPARE(drained.size(), 1);
    }

    void closingAfterResponsesWithNothingOpenDrainsAtOnce()
    {
        startServer();
        QSignalSpy drained(m_server.get(), &HttpServer::drained);
        m_server->closeAfterResponses(QStringLiteral("going away"));
        QCOMPARE(drained.size(), 1);
    }

    void closingStopsListeningAndFreesThePort()
    {
        startServer();
        const quint16 port = m_server->serverPort();
        m_server->close();
        QVERIFY(!m_server->isListening());
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(QTest::qWaitFor([&] { return probe.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QVERIFY(m_server->listen(QHostAddress::LocalHost, port));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
