#include "protocol/sseparser.h"

#include "testdata.h"

#include <QTest>

// QCOMPARE prints events through this on a mismatch (found by argument-dependent lookup).
char *toString(const SseEvent &event)
{
    return QTest::toString(QByteArray("{event: " + event.event + ", data: " + event.data + '}'));
}

namespace {
SseEvent dataEvent(const QByteArray &data, const QByteArray &name = {})
{
    return SseEvent{name, data};
}

// Feeds `input` in pieces ending at each of `cuts` (ascending), then finishes the stream.
QList<SseEvent> parseInPieces(QByteArrayView input, const QList<qsizetype> &cuts)
{
    SseParser parser;
    QList<SseEvent> events;
    qsizetype start = 0;
    for (const qsizetype cut : cuts) {
        events += parser.feed(input.sliced(start, cut - start));
        start = cut;
    }
    events += parser.feed(input.sliced(start));
    events += parser.finish();
    return events;
}
}

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitAnywhere_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<SseEvent>>("expected");

        QTest::newRow("lf") << QByteArray("data: a\n\ndata: b\n\n")
                            << QList{dataEvent("a"), dataEvent("b")};
        QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n")
                              << QList{dataEvent("a"), dataEvent("b")};
        QTest::newRow("cr") << QByteArray("data: a\r\rdata: b\r\r")
                            << QList{dataEvent("a"), dataEvent("b")};
        // A CRLF split between chunks must not count as two line ends (that would end the event).
        QTest::newRow("crlf inside an event") << QByteArray("data: a\r\ndata: b\r\n\r\n")
                                              << QList{dataEvent("a\nb")};
        QTest::newRow("mixed line ends") << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n")
                                         << QList{dataEvent("a\nb\nc")};
        QTest::newRow("comments") << QByteArray(": OPENROUTER PROCESSING\n\n"
                                                "data: x\n: in the middle\ndata: y\n\n:\n\n")
                                  << QList{dataEvent("x\ny")};
        QTest::newRow("multi-line data") << QByteArray("data: a\ndata:\ndata: b\n\n")
                                         << QList{dataEvent("a\n\nb")};
        QTest::newRow("event name") << QByteArray("event: error\ndata: {}\n\ndata: 1\n\n")
                                    << QList{dataEvent("{}", "error"), dataEvent("1")};
        QTest::newRow("last event name wins") << QByteArray("event: a\nevent: b\ndata: 1\n\n")
                                              << QList{dataEvent("1", "b")};
        // The name of an event without data must not stick to the next event.
        QTest::newRow("event without data") << QByteArray("event: ping\n\ndata: 1\n\n")
                                            << QList{dataEvent("1")};
        QTest::newRow("no space after colon") << QByteArray("data:x\n\n") << QList{dataEvent("x")};
        QTest::newRow("only one space removed") << QByteArray("data:  x \n\n")
                                                << QList{dataEvent(" x ")};
        QTest::newRow("colons in the value") << QByteArray("data: {\"a\":\"b: c\"}\n\n")
                                             << QList{dataEvent("{\"a\":\"b: c\"}")};
        // WHATWG: a line without a colon is a field with an empty value.
        QTest::newRow("data field without colon") << QByteArray("data\n\n") << QList{dataEvent("")};
        QTest::newRow("event field without colon") << QByteArray("event: x\nevent\ndata: 1\n\n")
                                                   << QList{dataEvent("1")};
        QTest::newRow("unknown field without colon") << QByteArray("bogus\ndata: 1\n\n")
                                                     << QList{dataEvent("1")};
        QTest::newRow("empty data") << QByteArray("data:\n\n") << QList{dataEvent("")};
        QTest::newRow("id and retry skipped") << QByteArray("id: 7\nretry: 1000\ndata: x\n\n")
                                              << QList{dataEvent("x")};
        QTest::newRow("field names are case-sensitive") << QByteArray("Data: x\n\n")
                                                        << QList<SseEvent>{};
        QTest::newRow("blank lines only") << QByteArray("\n\r\n\r\n") << QList<SseEvent>{};
        QTest::newRow("missing final blank line") << QByteArray("data: a\n\ndata: b")
                                                  << QList{dataEvent("a"), dataEvent("b")};
        QTest::newRow("missing final blank line after lf") << QByteArray("data: a\ndata: b\n")
                                                           << QList{dataEvent("a\nb")};
        QTest::newRow("missing final blank line after cr") << QByteArray("event: e\rdata: b\r")
                                                           << QList{dataEvent("b", "e")};
        QTest::newRow("byte order mark skipped")
            << QByteArray("\xEF\xBB\xBF"
                          "data: a\n\n")
            << QList{dataEvent("a")};
        // Only at the start: elsewhere it is part of the field name, which is then unknown.
        QTest::newRow("byte order mark later")
            << QByteArray("data: a\n\n\xEF\xBB\xBF"
                          "data: b\n\n")
            << QList{dataEvent("a")};
        QTest::newRow("utf-8") << QByteArray("data: Grüße, 世界\n\n")
                               << QList{dataEvent("Grüße, 世界")};
        // A byte that is never UTF-8, and a character cut short (a provider's stray bytes): one
        // U+FFFD for each byte.
        QTest::newRow("invalid utf-8 becomes U+FFFD") << QByteArray("data: a\xff b\xe4\xb8\n\n")
                                                      << QList{dataEvent("a\xef\xbf\xbd b\xef\xbf\xbd\xef\xbf\xbd")};
        QTest::newRow("done") << QByteArray("data: {\"a\":1}\n\ndata: [DONE]\n\n")
                              << QList{dataEvent("{\"a\":1}"), dataEvent("[DONE]")};
    }

    void splitAnywhere()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<SseEvent>, expected);

        QCOMPARE(parseInPieces(input, {}), expected);
        for (qsizetype cut = 0; cut <= input.size(); ++cut) {
            const QList<SseEvent> events = parseInPieces(input, {cut});
            QVERIFY2(events == expected, qPrintable(QStringLiteral("split at byte %1").arg(cut)));
        }
        QList<qsizetype> everyByte;
        for (qsizetype cut = 1; cut < input.size(); ++cut)
            everyByte.append(cut);
        QCOMPARE(parseInPieces(input, everyByte), expected);
    }

    void eventIsReturnedAsSoonAsItEnds()
    {
        SseParser parser;
        QVERIFY(parser.feed("data: a\n").isEmpty());
        QCOMPARE(parser.feed("\nda"), QList{dataEvent("a")});
        QCOMPARE(parser.feed("ta: b\r"), QList<SseEvent>{});
        // The CR could still be the start of a CRLF; the next CR is a blank line either way.
        QCOMPARE(parser.feed("\r"), QList{dataEvent("b")});
        QVERIFY(parser.finish().isEmpty());
    }

    void bufferHoldsOnlyTheUnfinishedLineAndEvent()
    {
        SseParser parser;
        QCOMPARE(parser.bufferedBytes(), 0);
        parser.feed("event: abc\ndata: 12345\ndata: 67");
        QCOMPARE(parser.bufferedBytes(), qsizetype(3 + 5 + 8)); // name, data, unfinished line
        parser.feed("\n\n");
        QCOMPARE(parser.bufferedBytes(), 0);
        parser.feed(": a comment that is never finished");
        QVERIFY(parser.bufferedBytes() > 0);
    }

    void finishStartsAfresh()
    {
        SseParser parser;
        parser.feed("event: x\ndata: partial");
        QCOMPARE(parser.finish(), QList{dataEvent("partial", "x")});
        QCOMPARE(parser.bufferedBytes(), 0);
        QCOMPARE(parser.feed("data: next\n\n"), QList{dataEvent("next")});
        QVERIFY(parser.finish().isEmpty());
    }

    void recordedStreams_data()
    {
        QTest::addColumn<QString>("fileName");
        for (const QString &fileName : TestData::providerStreamNames())
            QTest::newRow(qPrintable(fileName)) << fileName;
    }

    // Real streams (with comments, event names, long lines) come out the same however the
    // network happens to cut them.
    void recordedStreams()
    {
        QFETCH(QString, fileName);
        const QByteArray input = TestData::read(QStringLiteral("provider-streams/") + fileName);
        const QList<SseEvent> whole = parseInPieces(input, {});
        QVERIFY(!whole.isEmpty());
        QCOMPARE(whole.size(), input.count("\ndata:") + qsizetype(input.startsWith("data:")));
        for (const SseEvent &event : whole)
            QVERIFY(!event.data.contains("OPENROUTER PROCESSING"));
        for (const qsizetype pieceSize : {1, 7, 64, 1000}) {
            QList<qsizetype> cuts;
            for (qsizetype cut = pieceSize; cut < input.size(); cut += pieceSize)
                cuts.append(cut);
            QCOMPARE(parseInPieces(input, cuts), whole);
        }
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
