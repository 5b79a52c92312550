#include "http/httpresponseparser.h"

#include <QTest>

namespace {
// What feeding a response in pieces of `step` bytes gave, the way a socket may deliver it.
struct Fed
{
    int heads = 0;
    QByteArray body;
    bool complete = false;
    bool failed = false;
};

void add(Fed &fed, const HttpResponseParser::Progress &progress)
{
    fed.heads += progress.headComplete ? 1 : 0;
    fed.body += progress.body;
    fed.complete = fed.complete || progress.complete;
    fed.failed = fed.failed || progress.failed;
}

Fed feedInSteps(HttpResponseParser &parser, const QByteArray &bytes, qsizetype step, bool closeAtEnd = false)
{
    Fed fed;
    for (qsizetype offset = 0; offset < bytes.size() && !fed.failed; offset += step)
        add(fed, parser.feed(QByteArrayView(bytes).sliced(offset, std::min(step, bytes.size() - offset))));
    if (closeAtEnd && !fed.failed)
        add(fed, parser.finish());
    return fed;
}
}

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responseAtEverySplit_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("closeAtEnd");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}")
            << false << QByteArray(R"({"ok":true})") << true;
        QTest::newRow("chunked event stream")
            << QByteArray("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
                          "f\r\ndata: {\"a\":1}\n\n\r\n7;ext=1\r\ndata: x\r\n0\r\nTrailer: y\r\n\r\n")
            << false << QByteArray("data: {\"a\":1}\n\ndata: x") << true;
        QTest::newRow("until close")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\ndata: 1\n\n")
            << true << QByteArray("data: 1\n\n") << false;
        QTest::newRow("100 continue first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 2\r\n\r\n{}")
            << false << QByteArray("{}") << true;
        QTest::newRow("HTTP/1.0")
            << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi") << false << QByteArray("hi") << false;
    }

    void responseAtEverySplit()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, closeAtEnd);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        for (qsizetype step = 1; step <= wire.size(); ++step) {
            HttpResponseParser parser;
            const Fed fed = feedInSteps(parser, wire, step, closeAtEnd);
            QVERIFY2(!fed.failed, qPrintable(parser.errorReason()));
            QCOMPARE(fed.heads, 1);
            QVERIFY(fed.complete);
            QCOMPARE(fed.body, body);
            QCOMPARE(parser.keepAlive(), keepAlive);
            QVERIFY(parser.status() >= 200);
        }
    }

    void headersAreReadCaseInsensitively()
    {
        HttpResponseParser parser;
        parser.feed("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(parser.status(), 429);
        QCOMPARE(parser.header("retry-after"), QByteArray("7"));
        QCOMPARE(parser.header("Retry-After"), QByteArray("7"));
        QVERIFY(parser.header("content-type").isEmpty());
    }

    // A socket read that found nothing is a null QByteArray: fed, it changes nothing (and, in the
    // sanitized build, hands llhttp no null pointer to offset).
    void anEmptyReadChangesNothing()
    {
        HttpResponseParser parser;
        QVERIFY(!parser.feed(QByteArray()).failed);
        const auto progress = parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        QVERIFY(!parser.feed(QByteArrayView()).failed);
        QCOMPARE(parser.status(), 200);
        QVERIFY(progress.complete);
        QCOMPARE(progress.body, QByteArray("{}"));
    }

    void bytesAfterTheResponseAreNotTaken()
    {
        HttpResponseParser parser;
        const auto progress = parser.feed("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra");
        QVERIFY(progress.complete);
        QVERIFY(progress.body.isEmpty());
        QCOMPARE(parser.status(), 204);
    }

    void closeInTheMiddleOfTheBodyFails()
    {
        HttpResponseParser parser;
        parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        const auto progress = parser.finish();
        QVERIFY(progress.failed);
        QVERIFY(!parser.errorReason().isEmpty());
    }

    void closeBeforeAnyResponseFails()
    {
        HttpResponseParser parser;
        QVERIFY(parser.finish().failed);
    }

    void garbageFails()
    {
        HttpResponseParser parser;
        QVERIFY(parser.feed("SSH-2.0-OpenSSH_9.2\r\n").failed);
        QVERIFY(!parser.errorReason().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
