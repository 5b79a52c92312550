#include "http/httprequestparser.h"

#include <QTest>

using Status = HttpRequestParser::Status;

namespace {
// Feeds `bytes` split into pieces of `step` bytes, the way a socket may deliver them, and
// keeps unconsumed bytes for the next call like HttpConnection does.
struct Fed
{
    QList<HttpRequest> requests;
    Status last = Status::Incomplete;
};

Fed feedInSteps(HttpRequestParser &parser, const QByteArray &bytes, qsizetype step)
{
    Fed fed;
    QByteArray buffer;
    for (qsizetype offset = 0; offset < bytes.size(); offset += step) {
        buffer += bytes.mid(offset, step);
        while (!buffer.isEmpty()) {
            const auto [status, consumed] = parser.feed(buffer);
            fed.last = status;
            buffer.remove(0, consumed);
            if (status == Status::Complete)
                fed.requests << parser.takeRequest();
            else
                break;
        }
        if (fed.last != Status::Incomplete && fed.last != Status::Complete)
            return fed;
    }
    return fed;
}
}

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void claudeCodeRequestAtEverySplit()
    {
        const QByteArray body = R"({"model":"claude-opus-5-5","max_tokens":128000,"stream":true})";
        const QByteArray wire = "POST /v1/messages?beta=true HTTP/1.1\r\n"
                                "Host: 127.0.0.1:8765\r\n"
                                "Authorization: Bearer dummy\r\n"
                                "Content-Type: application/json\r\n"
                                "Anthropic-Beta: claude-code-20250219,interleaved-thinking-2025-05-14\r\n"
                                "Content-Length: "
                                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        for (qsizetype step = 1; step <= wire.size(); ++step) {
            HttpRequestParser parser{HttpLimits{}};
            const Fed fed = feedInSteps(parser, wire, step);
            QCOMPARE(fed.requests.size(), 1);
            const HttpRequest &request = fed.requests.first();
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.path(), QByteArray("/v1/messages"));
            QCOMPARE(request.query(), QByteArray("beta=true"));
            QCOMPARE(request.header("authorization"), QByteArray("Bearer dummy"));
            QCOMPARE(request.header("anthropic-beta"), QByteArray("claude-code-20250219,interleaved-thinking-2025-05-14"));
            QCOMPARE(request.body, body);
            QVERIFY(request.keepAlive);
        }
    }

    void chunkedBodyAtEverySplit()
    {
        const QByteArray wire = "POST /v1/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: t\r\n\r\n";
        for (qsizetype step = 1; step <= wire.size(); ++step) {
            HttpRequestParser parser{HttpLimits{}};
            const Fed fed = feedInSteps(parser, wire, step);
            QCOMPARE(fed.requests.size(), 1);
            QCOMPARE(fed.requests.first().body, QByteArray("hello, world"));
        }
    }

    void pipelinedRequestsStayApart()
    {
        const QByteArray wire = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                                "POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                                "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        HttpRequestParser parser{HttpLimits{}};
        const Fed fed = feedInSteps(parser, wire, wire.size());
        QCOMPARE(fed.requests.size(), 3);
        QCOMPARE(fed.requests.at(0).path(), QByteArray("/health"));
        QCOMPARE(fed.requests.at(1).body, QByteArray("{}"));
        QCOMPARE(fed.requests.at(2).method, QByteArray("HEAD"));
        QVERIFY(!fed.requests.at(2).keepAlive);
    }

    // A socket read that found nothing is a null QByteArray: fed, it consumes nothing and waits
    // (and, in the sanitized build, hands llhttp no null pointer to offset).
    void anEmptyReadChangesNothing()
    {
        HttpRequestParser parser{HttpLimits{}};
        const HttpRequestParser::Result empty = parser.feed(QByteArrayView());
        QCOMPARE(empty.status, HttpRequestParser::Status::Incomplete);
        QCOMPARE(empty.consumed, 0);
        const QByteArray wire = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        QCOMPARE(feedInSteps(parser, wire, wire.size()).requests.size(), 1);
    }

    void expectContinueIsReportedOnceHeadersAreIn()
    {
        HttpRequestParser parser{HttpLimits{}};
        const auto result = parser.feed("POST /v1/messages HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                                        "Content-Length: 2\r\n\r\n");
        QCOMPARE(result.status, Status::Incomplete);
        QVERIFY(parser.headersComplete());
        QVERIFY(parser.expectsContinue());
        QCOMPARE(parser.feed("{}").status, Status::Complete);
        QCOMPARE(parser.takeRequest().body, QByteArray("{}"));
        QVERIFY(!parser.expectsContinue());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<Status>("expected");
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00 TLS hello\r\n\r\n") << Status::BadRequest;
        QTest::newRow("bad method") << QByteArray("FETCH / HTTP/1.1\r\nHost: x\r\n\r\n") << Status::BadRequest;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9.9\r\nHost: x\r\n\r\n") << Status::BadRequest;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << Status::BadRequest;
        QTest::newRow("space in header name") << QByteArray("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n") << Status::BadRequest;
        QTest::newRow("latin-1 in header name") << QByteArray("GET / HTTP/1.1\r\nX-\xe9: x\r\n\r\n") << Status::BadRequest;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << Status::BadRequest;
        QTest::newRow("bare LF in header") << QByteArray("GET / HTTP/1.1\r\nHost: x\nY: z\r\n\r\n") << Status::BadRequest;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}") << Status::BadRequest;
        QTest::newRow("length and chunked (smuggling)")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << Status::BadRequest;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << Status::BadRequest;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << Status::BadRequest;
        QTest::newRow("announced body too large")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n") << Status::BodyTooLarge;
        QTest::newRow("chunked body too large")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + QByteArray(1024, 'a')
                          + "\r\n1\r\na\r\n0\r\n\r\n")
            << Status::BodyTooLarge;
        QTest::newRow("headers too large")
            << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(600, 'b') + "\r\n\r\n") << Status::HeadersTooLarge;
        QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n") << Status::BadRequest;
        QTest::newRow("two Host headers")
            << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n") << Status::BadRequest;
        QTest::newRow("url too large") << QByteArray("GET /" + QByteArray(600, 'u') + " HTTP/1.1\r\n\r\n")
                                       << Status::HeadersTooLarge;
    }

    void rejects()
    {
        QFETCH(QByteArray, wire);
        QFETCH(Status, expected);
        const HttpLimits limits{.maxHeaderBytes = 512, .maxBodyBytes = 1024};
        for (const qsizetype step : {qsizetype(1), qsizetype(7), wire.size()}) {
            HttpRequestParser parser(limits);
            const Fed fed = feedInSteps(parser, wire, step);
            QCOMPARE(fed.last, expected);
            QVERIFY(fed.requests.isEmpty());
        }
    }

    void bodyExactlyAtTheLimitIsAccepted()
    {
        HttpRequestParser parser(HttpLimits{.maxBodyBytes = 4});
        QCOMPARE(parser.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd").status, Status::Complete);
    }

    // HTTP/1.0 predates Host; only HTTP/1.1 must name it.
    void http10WithoutHostIsAccepted()
    {
        HttpRequestParser parser{HttpLimits{}};
        QCOMPARE(parser.feed("GET /health HTTP/1.0\r\n\r\n").status, Status::Complete);
        QCOMPARE(parser.takeRequest().header("host"), QByteArray());
    }

    void missingHostIsTheReason()
    {
        HttpRequestParser parser{HttpLimits{}};
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n").status, Status::BadRequest);
        QVERIFY2(parser.errorReason().contains(QLatin1StringView("Host")), qPrintable(parser.errorReason()));
    }

    void badRequestHasAReason()
    {
        HttpRequestParser parser{HttpLimits{}};
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\nNoColon\r\n\r\n").status, Status::BadRequest);
        QVERIFY(!parser.errorReason().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
