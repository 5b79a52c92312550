#include "connectproxy.h"
#include "rawupstream.h"
#include "testdata.h"

#include "proxy/upstreamcall.h"
#include "proxy/upstreamclient.h"
#include "proxy/upstreamconnectionpool.h"
#include "proxy/wholeanswer.h"

#include <QFile>
#include <QNetworkProxy>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {
constexpr int timeoutMs = 10000;

// How one call went, as the exchanges see it.
struct Outcome
{
    int status = 0;
    QByteArray body;
    bool finished = false;
    bool failed = false;
    UpstreamCall::Failure failure = UpstreamCall::Failure::Network;
    QString message;
    int firstDataOrder = -1; // when, among all calls' events, the first body bytes came
    int endOrder = -1;
};

// Records the outcome of calls, numbering their events in the order they happen.
class Recorder
{
public:
    std::shared_ptr<Outcome> watch(UpstreamCall *call)
    {
        auto outcome = std::make_shared<Outcome>();
        QObject::connect(call, &UpstreamCall::responseStarted, call, [outcome](int status) { outcome->status = status; });
        QObject::connect(call, &UpstreamCall::dataReceived, call, [this, outcome](const QByteArray &bytes) {
            if (outcome->firstDataOrder < 0)
                outcome->firstDataOrder = m_order++;
            outcome->body += bytes;
        });
        QObject::connect(call, &UpstreamCall::finished, call, [this, outcome] {
            outcome->finished = true;
            outcome->endOrder = m_order++;
        });
        QObject::connect(call, &UpstreamCall::failed, call, [this, outcome](UpstreamCall::Failure failure, const QString &message) {
            outcome->failed = true;
            outcome->failure = failure;
            outcome->message = message;
            outcome->endOrder = m_order++;
        });
        return outcome;
    }

private:
    int m_order = 0;
};

void answerJson(QTcpSocket *socket, const QByteArray &body)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

QUrl urlOf(const QString &scheme, const QString &host, quint16 port)
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QStringLiteral("/v1/chat/completions"));
    return url;
}

QSslConfiguration serverTls()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate::fromPath(TestData::path(QStringLiteral("tls/server.pem"))).value(0));
    tls.setPrivateKey(QSslKey(TestData::read(QStringLiteral("tls/server.key")), QSsl::Rsa));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

QSslConfiguration trustingTestCa()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(TestData::path(QStringLiteral("tls/ca.pem")));
    return tls;
}
}

class TestUpstreamClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    }

    void answersComeWithStatusHeadersAndBody()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 2\r\n\r\n{}");
        });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        UpstreamCall *call = client.post(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()),
                                         {{"anthropic-version", "2023-06-01"}, {"Authorization", "Bearer sk-test"},
                                          {"Anthropic-Version", "2026-10-21"}},
                                         "{}", this);
        const auto outcome = recorder.watch(call);
        QTRY_VERIFY_WITH_TIMEOUT(outcome->finished, timeoutMs);
        QCOMPARE(outcome->status, 429);
        QCOMPARE(call->header("retry-after"), QByteArray("3"));
        QCOMPARE(outcome->body, QByteArray("{}"));
        const QByteArray request = upstream.requests().value(0);
        QVERIFY(request.startsWith("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:"));
        QVERIFY(request.contains("\r\nAuthorization: Bearer sk-test\r\n"));
        // A header given twice goes once, with the later value.
        QVERIFY(request.contains("\r\nanthropic-version: 2026-10-21\r\n"));
        QCOMPARE(request.count("ersion:"), 1);
        QVERIFY(request.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(request.endsWith("\r\n\r\n{}"));
        delete call;
    }

    // WholeAnswer: the calls read whole at their end (model lists, count_tokens, search
    // backends, vision providers) get one outcome, and their call is gone afterwards.
    void wholeAnswersComeOnceAndTheCallGoes()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, R"({"a":1})"); });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        QPointer<UpstreamCall> call = client.get(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {}, this);
        QList<WholeAnswer> answers;
        WholeAnswer::collect(call, 1024, [&answers](const WholeAnswer &answer) { answers.append(answer); });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, timeoutMs);
        QVERIFY(answers.first().answered());
        QVERIFY(answers.first().succeeded());
        QCOMPARE(answers.first().status, 200);
        QCOMPARE(answers.first().body, QByteArray(R"({"a":1})"));
        QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), timeoutMs);
        QCOMPARE(answers.size(), 1);
    }

    void wholeAnswersStopAtTheirCap()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, QByteArray(5000, 'x')); });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        QPointer<UpstreamCall> call = client.get(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {}, this);
        QList<WholeAnswer> answers;
        WholeAnswer::collect(call, 100, [&answers](const WholeAnswer &answer) { answers.append(answer); });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, timeoutMs);
        QVERIFY(answers.first().tooLarge);
        QVERIFY(!answers.first().answered());
        QCOMPARE(answers.first().body, QByteArray(100, 'x'));
        QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), timeoutMs);
        QCOMPARE(answers.size(), 1);
    }

    void wholeAnswerOfARefusedConnectionIsItsFailure()
    {
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        QPointer<UpstreamCall> call = client.get(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), TestData::freeLoopbackPort()), {}, this);
        QList<WholeAnswer> answers;
        WholeAnswer::collect(call, 100, [&answers](const WholeAnswer &answer) { answers.append(answer); });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, timeoutMs);
        QCOMPARE(answers.first().failure, std::optional(UpstreamCall::Failure::Network));
        QVERIFY(!answers.first().failureMessage.isEmpty());
        QVERIFY(!answers.first().answered());
        QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), timeoutMs);
    }

    void keptAliveConnectionsAreReused()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, "{}"); });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const QUrl url = urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port());
        for (int i = 0; i < 3; ++i) {
            const auto outcome = recorder.watch(client.post(url, {}, "{}", this));
            QTRY_VERIFY_WITH_TIMEOUT(outcome->finished, timeoutMs);
        }
        QCOMPARE(upstream.requests().size(), 3);
        QCOMPARE(upstream.connectionsAccepted(), 1);
        QCOMPARE(pool.idleCount(), 1);
    }

    // Whether the server's close reaches the pool before the next request takes the
    // connection or only after, the next request gets its answer on a new connection.
    void connectionClosedAfterAnAnswerIsNotReused()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) {
            answerJson(socket, "{}");
            socket->disconnectFromHost();
        });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const QUrl url = urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port());
        for (int i = 0; i < 2; ++i) {
            const auto outcome = recorder.watch(client.post(url, {}, "{}", this));
            QTRY_VERIFY_WITH_TIMEOUT(outcome->finished || outcome->failed, timeoutMs);
            QVERIFY2(outcome->finished, qPrintable(outcome->message));
        }
        QCOMPARE(upstream.connectionsAccepted(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(pool.idleCount(), 0, timeoutMs);
    }

    void idleConnectionsCloseAfterTheTimeout()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, "{}"); });
        UpstreamConnectionPool pool;
        pool.setIdleTimeoutMs(50);
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const auto outcome = recorder.watch(client.post(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->finished, timeoutMs);
        QCOMPARE(pool.idleCount(), 1);
        auto *served = upstream.findChild<QSslSocket *>();
        QVERIFY(served);
        QSignalSpy closed(served, &QSslSocket::disconnected);
        QVERIFY(closed.wait(timeoutMs));
        QCOMPARE(pool.idleCount(), 0);
    }

    void gzipBodiesAreDecoded()
    {
        // gzip of "hello, gzip" (gzip -9n).
        const QByteArray gzipped = QByteArray::fromBase64("H4sIAAAAAAACA8tIzcnJ11FIr8osAABKm7FcCwAAAA==");
        RawUpstream upstream([gzipped](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
            socket->write(QByteArray::number(gzipped.size(), 16) + "\r\n" + gzipped + "\r\n0\r\n\r\n");
        });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const auto outcome = recorder.watch(client.get(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {}, this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->finished, timeoutMs);
        QCOMPARE(outcome->body, QByteArray("hello, gzip"));
        QVERIFY(upstream.requests().value(0).contains("\r\nAccept-Encoding: gzip, deflate\r\n"));
    }

    // QNetworkAccessManager allowed six connections per host: the seventh stream waited for
    // one of the first six to end.
    void thirtyTwoSlowStreamsAllStartBeforeTheFirstEnds()
    {
        QList<QTcpSocket *> held;
        RawUpstream upstream([&held](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "9\r\ndata: 1\n\n\r\n");
            held.append(socket);
        });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        QList<std::shared_ptr<Outcome>> outcomes;
        const QUrl url = urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port());
        for (int i = 0; i < 32; ++i)
            outcomes.append(recorder.watch(client.post(url, {}, R"({"stream":true})", this)));
        QTRY_COMPARE_WITH_TIMEOUT(held.size(), 32, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.cbegin(), outcomes.cend(), [](const auto &o) { return o->firstDataOrder >= 0; }),
                                 timeoutMs);
        for (QTcpSocket *socket : std::as_const(held))
            socket->write("e\r\ndata: [DONE]\n\n\r\n0\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.cbegin(), outcomes.cend(), [](const auto &o) { return o->finished; }), timeoutMs);
        int lastFirstData = -1;
        int firstEnd = INT_MAX;
        for (const auto &outcome : std::as_const(outcomes)) {
            lastFirstData = std::max(lastFirstData, outcome->firstDataOrder);
            firstEnd = std::min(firstEnd, outcome->endOrder);
            QCOMPARE(outcome->body, QByteArray("data: 1\n\ndata: [DONE]\n\n"));
        }
        QVERIFY(lastFirstData < firstEnd);
        QCOMPARE(upstream.connectionsAccepted(), 32);
    }

    // A fast upstream's burst of events is handed on in pieces, the first of them small: the
    // first tokens reach the client before the whole burst is translated.
    void aBurstIsHandedOnInPiecesTheFirstOfThemSmall()
    {
        QByteArray events;
        for (int i = 0; events.size() < 64 * 1024; ++i)
            events += "data: {\"n\":" + QByteArray::number(i) + "}\n\n";
        RawUpstream upstream([&events](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                          + QByteArray::number(events.size()) + "\r\n\r\n" + events);
        });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        UpstreamCall *call = client.post(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {},
                                         R"({"stream":true})", this);
        QList<QByteArray> pieces;
        connect(call, &UpstreamCall::dataReceived, this, [&pieces](const QByteArray &bytes) { pieces.append(bytes); });
        QSignalSpy finished(call, &UpstreamCall::finished);
        QVERIFY(finished.wait(timeoutMs));
        QCOMPARE(pieces.join(), events);
        QVERIFY2(pieces.first().size() <= 512, QByteArray::number(pieces.first().size()).constData());
        QVERIFY(pieces.size() >= 8);
        delete call;
    }

    // The body of a real Claude Code request goes out with the head in one write on a socket
    // with TCP_NODELAY, so neither Nagle's algorithm nor a delayed ACK holds it back.
    void largeRequestLeavesInOneWriteWithNoDelay()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, "{}"); });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const QByteArray body = TestData::compact(TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json")));
        QVERIFY(body.size() > 45000);
        const QUrl url = urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port());
        // The second request goes over the kept-alive connection, the first over a new one.
        for (int i = 0; i < 2; ++i) {
            UpstreamCall *call = client.post(url, {}, body, this);
            const auto outcome = recorder.watch(call);
            // Asked while the call still holds its connection.
            int noDelay = -1;
            connect(call, &UpstreamCall::responseStarted, this, [call, &noDelay] {
                if (auto *socket = call->findChild<QTcpSocket *>())
                    noDelay = socket->socketOption(QAbstractSocket::LowDelayOption).toInt();
            });
            QTRY_VERIFY_WITH_TIMEOUT(outcome->finished, timeoutMs);
            QCOMPARE(noDelay, 1);
        }
        QCOMPARE(upstream.requests().size(), 2);
        QVERIFY(upstream.requests().at(0).endsWith(body));
        QCOMPARE(upstream.readsPerRequest(), QList<int>({1, 1}));
    }

    void tlsUpstreamWithTestCa()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, "{\"tls\":true}"); }, serverTls());
        UpstreamConnectionPool pool;
        pool.setSslConfiguration(trustingTestCa());
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const auto outcome = recorder.watch(client.post(urlOf(QStringLiteral("https"), QStringLiteral("localhost"), upstream.port()), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->finished || outcome->failed, timeoutMs);
        QVERIFY2(outcome->finished, qPrintable(outcome->message));
        QCOMPARE(outcome->body, QByteArray("{\"tls\":true}"));
    }

    // How a user trusts a CA of their own: the file SSL_CERT_FILE names.
    void tlsUpstreamTrustedThroughSslCertFile()
    {
        qputenv("SSL_CERT_FILE", QFile::encodeName(TestData::path(QStringLiteral("tls/ca.pem"))));
        const auto unset = qScopeGuard([] { qunsetenv("SSL_CERT_FILE"); });
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, "{\"tls\":true}"); }, serverTls());
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const auto outcome = recorder.watch(client.post(urlOf(QStringLiteral("https"), QStringLiteral("localhost"), upstream.port()), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->finished || outcome->failed, timeoutMs);
        QVERIFY2(outcome->finished, qPrintable(outcome->message));
        QVERIFY(pool.sslConfiguration().caCertificates().size() > 1); // the system's are still there
    }

    void tlsFailures_data()
    {
        QTest::addColumn<bool>("trustTestCa");
        QTest::addColumn<QString>("host");
        QTest::newRow("unknown CA") << false << QStringLiteral("localhost");
        QTest::newRow("wrong host name") << true << QStringLiteral("127.0.0.1");
    }

    void tlsFailures()
    {
        QFETCH(bool, trustTestCa);
        QFETCH(QString, host);
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, "{}"); }, serverTls());
        UpstreamConnectionPool pool;
        if (trustTestCa)
            pool.setSslConfiguration(trustingTestCa());
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const auto outcome = recorder.watch(client.post(urlOf(QStringLiteral("https"), host, upstream.port()), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->failed, timeoutMs);
        QCOMPARE(outcome->failure, UpstreamCall::Failure::Network);
        QVERIFY2(outcome->message.contains(QStringLiteral("TLS")), qPrintable(outcome->message));
        QVERIFY(upstream.requests().isEmpty());
    }

    void throughAnHttpConnectProxy_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void throughAnHttpConnectProxy()
    {
        QFETCH(bool, tls);
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) { answerJson(socket, "{\"via\":\"proxy\"}"); },
                             tls ? serverTls() : QSslConfiguration());
        ConnectProxy proxy(upstream.port());
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port()));
        UpstreamConnectionPool pool;
        pool.setSslConfiguration(trustingTestCa());
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        // Only the proxy knows where this host is (the test certificate names it too): that
        // the request arrived shows it went through the proxy.
        const QString host = QStringLiteral("upstream.invalid");
        const auto outcome = recorder.watch(client.post(urlOf(tls ? QStringLiteral("https") : QStringLiteral("http"), host, 4443), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->finished || outcome->failed, timeoutMs);
        QVERIFY2(outcome->finished, qPrintable(outcome->message));
        QCOMPARE(outcome->body, QByteArray("{\"via\":\"proxy\"}"));
        QCOMPARE(proxy.connectTargets(), QList<QByteArray>({host.toUtf8() + ":4443"}));
    }

    void connectionFailuresSayWhatFailed_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("closedPort");
        QTest::addColumn<QString>("expected");
        QTest::newRow("DNS") << QStringLiteral("no-such-host.invalid") << false << QStringLiteral("DNS");
        QTest::newRow("refused") << QStringLiteral("127.0.0.1") << true << QStringLiteral("refused");
    }

    void connectionFailuresSayWhatFailed()
    {
        QFETCH(QString, host);
        QFETCH(bool, closedPort);
        QFETCH(QString, expected);
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const quint16 port = closedPort ? TestData::freeLoopbackPort() : 80;
        const auto outcome = recorder.watch(client.post(urlOf(QStringLiteral("http"), host, port), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->failed, timeoutMs);
        QCOMPARE(outcome->failure, UpstreamCall::Failure::Network);
        QVERIFY2(outcome->message.contains(expected), qPrintable(outcome->message));
    }

    void resetInTheMiddleOfTheBodyFails()
    {
        RawUpstream upstream([](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial");
            socket->flush();
            socket->abort();
        });
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        Recorder recorder;
        const auto outcome = recorder.watch(client.post(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->failed, timeoutMs);
        QCOMPARE(outcome->status, 200);
        QCOMPARE(outcome->failure, UpstreamCall::Failure::Network);
        QCOMPARE(pool.idleCount(), 0);
    }

    void silentUpstreamTimesOut()
    {
        RawUpstream upstream([](QTcpSocket *, const QByteArray &) {});
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, 100);
        Recorder recorder;
        const auto outcome = recorder.watch(client.post(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {}, "{}", this));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->failed, timeoutMs);
        QCOMPARE(outcome->failure, UpstreamCall::Failure::ReadTimeout);
    }

    void destroyingTheCallClosesItsConnection()
    {
        RawUpstream upstream([](QTcpSocket *, const QByteArray &) {});
        UpstreamConnectionPool pool;
        UpstreamClient client(&pool, timeoutMs, timeoutMs);
        UpstreamCall *call = client.post(urlOf(QStringLiteral("http"), QStringLiteral("127.0.0.1"), upstream.port()), {}, "{}", this);
        QTRY_COMPARE_WITH_TIMEOUT(upstream.requests().size(), 1, timeoutMs);
        auto *served = upstream.findChild<QSslSocket *>();
        QVERIFY(served);
        QSignalSpy closed(served, &QSslSocket::disconnected);
        delete call;
        QVERIFY(closed.wait(timeoutMs));
        QCOMPARE(pool.idleCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
