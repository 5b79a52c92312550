#include "config/secretredactor.h"
#include "monitor/requestlog.h"
#include "monitor/requestlogprinter.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <memory>

Q_DECLARE_METATYPE(TokenUsage)

namespace {
RequestRecord request(const char *path = "/v1/messages", const char *clientModel = "claude-sonnet-4-5")
{
    RequestRecord record;
    record.method = QStringLiteral("POST");
    record.path = QString::fromUtf8(path);
    record.clientModel = QString::fromUtf8(clientModel);
    return record;
}

// 2026-01-02 03:04:05.678 local time, which the printed log gives without an offset.
QDateTime fixedStart()
{
    return QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678));
}

quint64 idAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<quint64>();
}

struct FileCloser
{
    void operator()(FILE *file) const { std::fclose(file); }
};

QByteArray contentsOf(FILE *file)
{
    std::fflush(file);
    std::rewind(file);
    QByteArray contents;
    char buffer[4096];
    size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        contents.append(buffer, qsizetype(read));
    return contents;
}
}

class TestRequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsIncrease()
    {
        RequestLog log;
        const QDateTime before = QDateTime::currentDateTime();
        const quint64 first = log.begin(request());
        const quint64 second = log.begin(request());
        const quint64 third = log.begin(request());
        QVERIFY(first > 0);
        QVERIFY(second > first);
        QVERIFY(third > second);

        QCOMPARE(log.records().size(), size_t(3));
        QCOMPARE(log.records().at(0).id, first);
        QCOMPARE(log.records().at(2).id, third);
        QVERIFY(log.records().at(0).startedAt >= before);
        QVERIFY(log.records().at(0).startedAt <= QDateTime::currentDateTime());
        QCOMPARE(log.find(second)->path, QStringLiteral("/v1/messages"));
        QCOMPARE(log.find(second)->clientModel, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(log.find(second)->id, second);
        QCOMPARE(log.find(second)->finished, false);
        QCOMPARE(log.find(second)->durationMs, qint64(-1));
        QCOMPARE(log.totalRequests(), quint64(3));
        QCOMPARE(log.failedRequests(), quint64(0));
    }

    void idIsTheLogsNotTheCallers()
    {
        RequestLog log;
        RequestRecord record = request();
        record.id = 999;
        const quint64 id = log.begin(record);
        QVERIFY(id != 999);
        QCOMPARE(log.find(id)->id, id);
        QCOMPARE(log.find(999), nullptr);
    }

    void capacityDropsTheOldest()
    {
        RequestLog log(3);
        QList<quint64> ids;
        for (int i = 0; i < 5; ++i)
            ids << log.begin(request());
        QCOMPARE(log.records().size(), size_t(3));
        QCOMPARE(log.records().front().id, ids.at(2));
        QCOMPARE(log.records().back().id, ids.at(4));
        QCOMPARE(log.find(ids.at(0)), nullptr);
        QCOMPARE(log.find(ids.at(1)), nullptr);
        QVERIFY(log.find(ids.at(2)));
        QVERIFY(log.find(ids.at(4)));
        QCOMPARE(log.totalRequests(), quint64(5)); // totals outlive the buffer
    }

    void capacityOfZeroKeepsOne()
    {
        RequestLog log(0);
        log.begin(request());
        const quint64 last = log.begin(request());
        QCOMPARE(log.records().size(), size_t(1));
        QVERIFY(log.find(last));
    }

    void smallBodiesAreKeptWholeAndRedacted()
    {
        const SecretRedactor redactor({QStringLiteral("sk-test-0123456789abcdef")});
        QCOMPARE(RequestRecord::kept("{\"key\":\"sk-test-0123456789abcdef\"}", redactor),
                 QByteArray("{\"key\":\"[redacted]\"}"));
    }

    // The cut falls on a separator, so a key that straddles the point where the head would
    // end is never kept in part, whatever the redaction rule for whole keys.
    void largeBodiesAreClippedWithoutCuttingAKeyInTwo_data()
    {
        QTest::addColumn<qsizetype>("keyStart");
        const qsizetype half = RequestRecord::bodyLimit / 2;
        QTest::newRow("across the head's end") << half - 10;
        QTest::newRow("across the tail's start") << qsizetype(50 * 1024) - half - 10;
    }

    void largeBodiesAreClippedWithoutCuttingAKeyInTwo()
    {
        QFETCH(qsizetype, keyStart);
        const QByteArray key = "sk-test-0123456789abcdef";
        const SecretRedactor redactor({QString::fromLatin1(key)});
        QByteArray body(50 * 1024, 'a');
        for (qsizetype i = 7; i < body.size(); i += 8)
            body[i] = ' ';
        body.replace(keyStart - 1, key.size() + 2, QByteArray('"' + key + '"'));

        const QByteArray kept = RequestRecord::kept(body, redactor);
        QVERIFY(kept.size() < RequestRecord::bodyLimit + 100);
        QVERIFY(kept.contains(" bytes not kept "));
        QVERIFY(!kept.contains("sk-test-0123")); // not even the first half
        QVERIFY(!kept.contains("456789abcdef\"")); // nor the second
    }

    void aBodyWithoutSeparatorsIsRedactedWholeBeforeTheCut()
    {
        const QByteArray key = "sk-test-0123456789abcdef";
        const SecretRedactor redactor({QString::fromLatin1(key)});
        QByteArray body(50 * 1024, 'Q');
        body.replace(RequestRecord::bodyLimit / 2 - 10, key.size(), key);
        const QByteArray kept = RequestRecord::kept(body, redactor);
        QVERIFY(!kept.contains("sk-test"));
        QVERIFY(kept.contains(" bytes not kept "));
    }

    void onlyTheNewestRecordsKeepTheirBodies()
    {
        RequestLog log;
        RequestRecord withBodies = request();
        withBodies.requestBody = "{\"model\":\"claude\"}";
        withBodies.upstreamRequestBody = "{\"model\":\"deepseek-chat\"}";
        const quint64 first = log.begin(withBodies);
        const quint64 longRunning = log.begin(withBodies);
        for (qsizetype i = 2; i < RequestLog::recordsWithBodies; ++i)
            log.begin(withBodies);
        QVERIFY(!log.find(first)->bodiesDropped);
        QCOMPARE(log.find(first)->requestBody, withBodies.requestBody);

        const quint64 newest = log.begin(withBodies);
        const RequestRecord *oldest = log.find(first);
        QVERIFY(oldest->bodiesDropped);
        QVERIFY(oldest->requestBody.isEmpty());
        QVERIFY(oldest->upstreamRequestBody.isEmpty());
        QCOMPARE(oldest->path, withBodies.path); // the rest of the record stays
        QCOMPARE(log.find(newest)->requestBody, withBodies.requestBody);

        // A stream that ends after a hundred newer requests began keeps no response either.
        log.begin(withBodies);
        log.update(longRunning, [](RequestRecord &record) { record.responseBody = "event: message_stop"; });
        QVERIFY(log.find(longRunning)->responseBody.isEmpty());
        QVERIFY(log.find(longRunning)->bodiesDropped);
    }

    void findOfUnknownIds()
    {
        RequestLog log;
        QCOMPARE(log.find(0), nullptr);
        QCOMPARE(log.find(1), nullptr);
        const quint64 id = log.begin(request());
        QCOMPARE(log.find(id + 1), nullptr);
    }

    void signalsCarryTheId()
    {
        RequestLog log;
        QSignalSpy started(&log, &RequestLog::started);
        QSignalSpy updated(&log, &RequestLog::updated);
        QSignalSpy finished(&log, &RequestLog::finished);

        const quint64 id = log.begin(request());
        QCOMPARE(started.size(), 1);
        QCOMPARE(idAt(started, 0), id);
        QCOMPARE(updated.size(), 0);

        log.update(id, [](RequestRecord &record) {
            record.provider = QStringLiteral("deepseek");
            record.upstreamModel = QStringLiteral("deepseek-chat");
        });
        QCOMPARE(updated.size(), 1);
        QCOMPARE(idAt(updated, 0), id);
        QCOMPARE(log.find(id)->provider, QStringLiteral("deepseek"));
        QCOMPARE(log.find(id)->upstreamModel, QStringLiteral("deepseek-chat"));

        log.markFirstByte(id);
        QCOMPARE(updated.size(), 2);
        QCOMPARE(idAt(updated, 1), id);
        QCOMPARE(finished.size(), 0);

        log.finish(id, 200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(idAt(finished, 0), id);
        QCOMPARE(started.size(), 1);
    }

    void updateOfUnknownIdDoesNothing()
    {
        RequestLog log;
        QSignalSpy updated(&log, &RequestLog::updated);
        bool called = false;
        log.update(42, [&called](RequestRecord &) { called = true; });
        QVERIFY(!called);
        QCOMPARE(updated.size(), 0);
    }

    void markFirstByteOnlyOnce()
    {
        RequestLog log;
        QSignalSpy updated(&log, &RequestLog::updated);
        const quint64 id = log.begin(request());
        QCOMPARE(log.find(id)->firstByteMs, qint64(-1));
        QThread::msleep(15);
        log.markFirstByte(id);
        const qint64 firstByte = log.find(id)->firstByteMs;
        QVERIFY2(firstByte >= 14, qPrintable(QString::number(firstByte)));
        QThread::msleep(30);
        log.markFirstByte(id);
        QCOMPARE(log.find(id)->firstByteMs, firstByte);
        QCOMPARE(updated.size(), 1);
    }

    void markFirstByteAfterFinishDoesNothing()
    {
        RequestLog log;
        const quint64 id = log.begin(request());
        log.finish(id, 502, QStringLiteral("connection refused"));
        QSignalSpy updated(&log, &RequestLog::updated);
        log.markFirstByte(id);
        QCOMPARE(log.find(id)->firstByteMs, qint64(-1));
        QCOMPARE(updated.size(), 0);
    }

    void finishRecordsTheOutcome()
    {
        RequestLog log;
        const quint64 id = log.begin(request());
        QCOMPARE(log.activeRequests(), 1);
        QThread::msleep(20);
        log.finish(id, 429, QStringLiteral("rate limited"));
        const RequestRecord *record = log.find(id);
        QVERIFY(record);
        QVERIFY(record->finished);
        QCOMPARE(record->status, 429);
        QCOMPARE(record->error, QStringLiteral("rate limited"));
        QVERIFY2(record->durationMs >= 19, qPrintable(QString::number(record->durationMs)));
        QVERIFY(record->durationMs < 10'000);
        QCOMPARE(log.activeRequests(), 0);
    }

    void failuresCounted_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("failed");
        QTest::newRow("200") << 200 << QString() << false;
        QTest::newRow("304") << 304 << QString() << false;
        QTest::newRow("399") << 399 << QString() << false;
        QTest::newRow("400") << 400 << QString() << true;
        QTest::newRow("404") << 404 << QString() << true;
        QTest::newRow("500") << 500 << QString() << true;
        QTest::newRow("529") << 529 << QString() << true;
        QTest::newRow("200 cut mid-stream") << 200 << QStringLiteral("the upstream closed the stream") << true;
        QTest::newRow("error with 400") << 400 << QStringLiteral("bad request") << true;
    }

    void failuresCounted()
    {
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(bool, failed);
        RequestLog log;
        log.finish(log.begin(request()), 200); // one success already counted
        log.finish(log.begin(request()), status, error);
        QCOMPARE(log.totalRequests(), quint64(2));
        QCOMPARE(log.failedRequests(), quint64(failed ? 1 : 0));
    }

    void finishTwiceCountsOnce()
    {
        RequestLog log;
        QSignalSpy finished(&log, &RequestLog::finished);
        const quint64 id = log.begin(request());
        log.finish(id, 500, QStringLiteral("first"));
        log.finish(id, 200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(log.find(id)->status, 500);
        QCOMPARE(log.find(id)->error, QStringLiteral("first"));
        QCOMPARE(log.failedRequests(), quint64(1));
    }

    void finishOfUnknownIdDoesNothing()
    {
        RequestLog log;
        QSignalSpy finished(&log, &RequestLog::finished);
        log.finish(7, 500);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(log.failedRequests(), quint64(0));
    }

    // A request still running when the buffer drops its record still counts when it ends.
    void droppedRequestStillCounts()
    {
        RequestLog log(1);
        QSignalSpy finished(&log, &RequestLog::finished);
        const quint64 old = log.begin(request());
        const quint64 recent = log.begin(request());
        QCOMPARE(log.find(old), nullptr);
        QCOMPARE(log.activeRequests(), 2);

        log.finish(old, 500);
        QCOMPARE(log.activeRequests(), 1);
        QCOMPARE(log.failedRequests(), quint64(1));
        QCOMPARE(log.find(old), nullptr);
        QCOMPARE(finished.size(), 0); // nothing left to show

        log.finish(recent, 200);
        QCOMPARE(log.activeRequests(), 0);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(idAt(finished, 0), recent);
    }

    void activeRequests()
    {
        RequestLog log;
        QCOMPARE(log.activeRequests(), 0);
        const quint64 a = log.begin(request());
        const quint64 b = log.begin(request());
        const quint64 c = log.begin(request());
        QCOMPARE(log.activeRequests(), 3);
        log.finish(b, 200);
        QCOMPARE(log.activeRequests(), 2);
        log.markFirstByte(a); // progress is not an end
        QCOMPARE(log.activeRequests(), 2);
        log.finish(a, 200);
        log.finish(c, 500);
        QCOMPARE(log.activeRequests(), 0);
    }

    void format_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("clientModel");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("upstreamModel");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<qint64>("firstByteMs");
        QTest::addColumn<TokenUsage>("usage");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("expected");

        const TokenUsage reported{10, 2, 0, true};
        QTest::newRow("complete") << QStringLiteral("POST") << QStringLiteral("/v1/messages") << QStringLiteral("claude-opus-5-5")
                                  << QStringLiteral("deepseek") << QStringLiteral("deepseek-chat") << 200 << qint64(1234)
                                  << qint64(56) << reported << QString()
                                  << QStringLiteral("2026-01-02T03:04:05.678 POST /v1/messages claude-opus-5-5 → "
                                                    "deepseek/deepseek-chat 200 1234ms ttfb=56ms tokens in=10 out=2 cached=0");
        QTest::newRow("404 without model")
            << QStringLiteral("GET") << QStringLiteral("/v1/nope") << QString() << QString() << QString() << 404 << qint64(3)
            << qint64(-1) << TokenUsage() << QString() << QStringLiteral("2026-01-02T03:04:05.678 GET /v1/nope 404 3ms");
        QTest::newRow("no route") << QStringLiteral("POST") << QStringLiteral("/v1/messages") << QStringLiteral("gpt-5")
                                  << QString() << QString() << 404 << qint64(1) << qint64(-1) << TokenUsage() << QString()
                                  << QStringLiteral("2026-01-02T03:04:05.678 POST /v1/messages gpt-5 → ? 404 1ms");
        QTest::newRow("cached tokens") << QStringLiteral("POST") << QStringLiteral("/v1/messages")
                                       << QStringLiteral("claude-haiku-4-5") << QStringLiteral("ollama")
                                       << QStringLiteral("qwen3:8b") << 200 << qint64(900) << qint64(0)
                                       << TokenUsage{1200, 345, 6789, true} << QString()
                                       << QStringLiteral("2026-01-02T03:04:05.678 POST /v1/messages claude-haiku-4-5 → "
                                                         "ollama/qwen3:8b 200 900ms ttfb=0ms tokens in=1200 out=345 cached=6789");
        QTest::newRow("estimated tokens") << QStringLiteral("POST") << QStringLiteral("/v1/messages/count_tokens")
                                          << QStringLiteral("claude-sonnet-4-5") << QStringLiteral("deepseek")
                                          << QStringLiteral("deepseek-chat") << 200 << qint64(2) << qint64(-1)
                                          << TokenUsage{42, 0, 0, false} << QString()
                                          << QStringLiteral("2026-01-02T03:04:05.678 POST /v1/messages/count_tokens "
                                                            "claude-sonnet-4-5 → deepseek/deepseek-chat 200 2ms tokens in=42 "
                                                            "out=0 cached=0");
        QTest::newRow("reported zero tokens") << QStringLiteral("POST") << QStringLiteral("/v1/messages")
                                              << QStringLiteral("m") << QStringLiteral("p") << QStringLiteral("u") << 200
                                              << qint64(5) << qint64(4) << TokenUsage{0, 0, 0, true} << QString()
                                              << QStringLiteral("2026-01-02T03:04:05.678 POST /v1/messages m → p/u 200 5ms "
                                                                "ttfb=4ms tokens in=0 out=0 cached=0");
        QTest::newRow("error") << QStringLiteral("POST") << QStringLiteral("/v1/messages") << QStringLiteral("claude-opus-5-5")
                               << QStringLiteral("deepseek") << QStringLiteral("deepseek-chat") << 200 << qint64(30000)
                               << qint64(120) << TokenUsage() << QStringLiteral("the upstream closed the stream early")
                               << QStringLiteral("2026-01-02T03:04:05.678 POST /v1/messages claude-opus-5-5 → "
                                                 "deepseek/deepseek-chat 200 30000ms ttfb=120ms error: the upstream closed the "
                                                 "stream early");
    }

    void format()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, clientModel);
        QFETCH(QString, provider);
        QFETCH(QString, upstreamModel);
        QFETCH(int, status);
        QFETCH(qint64, durationMs);
        QFETCH(qint64, firstByteMs);
        QFETCH(TokenUsage, usage);
        QFETCH(QString, error);
        QFETCH(QString, expected);

        RequestRecord record;
        record.id = 1;
        record.startedAt = fixedStart();
        record.method = method;
        record.path = path;
        record.clientModel = clientModel;
        record.provider = provider;
        record.upstreamModel = upstreamModel;
        record.status = status;
        record.durationMs = durationMs;
        record.firstByteMs = firstByteMs;
        record.usage = usage;
        record.error = error;
        record.finished = true;
        QCOMPARE(RequestLogPrinter::format(record), expected);
    }

    void formatShowsRetriesAndNotes()
    {
        RequestRecord record;
        record.startedAt = fixedStart();
        record.method = QStringLiteral("POST");
        record.path = QStringLiteral("/v1/messages");
        record.clientModel = QStringLiteral("claude-opus-5-5");
        record.provider = QStringLiteral("openrouter");
        record.upstreamModel = QStringLiteral("qwen/qwen3-coder");
        record.status = 200;
        record.durationMs = 900;
        record.attempts = 3;
        record.notes = {QStringLiteral("retry 1 on deepseek after 429, in 250 ms"),
                        QStringLiteral("fallback from deepseek after 429 to openrouter/qwen/qwen3-coder")};
        QCOMPARE(RequestLogPrinter::format(record),
                 QStringLiteral("2026-01-02T03:04:05.678 POST /v1/messages claude-opus-5-5 → openrouter/qwen/qwen3-coder 200 "
                                "900ms attempts=3 [retry 1 on deepseek after 429, in 250 ms; fallback from deepseek after 429 "
                                "to openrouter/qwen/qwen3-coder]"));
    }

    void printerWritesOneLinePerFinishedRequest()
    {
        const std::unique_ptr<FILE, FileCloser> file(std::tmpfile());
        QVERIFY(file);
        RequestLog log;
        const RequestLogPrinter printer(&log, file.get());

        const quint64 first = log.begin(request("/v1/messages", "claude-opus-5-5"));
        const quint64 second = log.begin(request("/v1/messages", "claude-haiku-4-5"));
        const quint64 running = log.begin(request("/v1/messages", "claude-sonnet-4-5"));
        log.update(first, [](RequestRecord &record) {
            record.provider = QStringLiteral("deepseek");
            record.upstreamModel = QStringLiteral("deepseek-chat");
            record.usage = TokenUsage{10, 2, 0, true};
        });
        log.markFirstByte(first);
        log.markFirstByte(running);
        QCOMPARE(contentsOf(file.get()), QByteArray()); // progress prints nothing

        log.finish(second, 404);
        log.finish(first, 200);
        log.finish(first, 200); // a second finish is ignored

        const QByteArray expected = RequestLogPrinter::format(*log.find(second)).toUtf8() + '\n'
                                    + RequestLogPrinter::format(*log.find(first)).toUtf8() + '\n';
        QCOMPARE(contentsOf(file.get()), expected);
        QVERIFY(expected.contains("claude-opus-5-5 → deepseek/deepseek-chat 200 "));
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
