#include "config/providerpresets.h"
#include "monitor/requestlog.h"
#include "monitor/usagestats.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using Totals = UsageStats::Totals;
using Row = UsageStats::Row;

// Found by QCOMPARE through argument-dependent lookup, so failures show the numbers.
char *toString(const UsageStats::Totals &totals)
{
    return qstrdup(QStringLiteral("{requests %1, input %2, output %3, cacheRead %4, errors %5}")
                       .arg(totals.requests)
                       .arg(totals.inputTokens)
                       .arg(totals.outputTokens)
                       .arg(totals.cacheReadTokens)
                       .arg(totals.errors)
                       .toUtf8()
                       .constData());
}

namespace {

const QDate monday(2025, 3, 10);

TokenUsage usage(qint64 input, qint64 output, qint64 cacheRead = 0)
{
    TokenUsage result;
    result.input = input;
    result.output = output;
    result.cacheRead = cacheRead;
    result.reported = true;
    return result;
}

Totals totals(qint64 requests, qint64 input, qint64 output, qint64 cacheRead, qint64 errors)
{
    return Totals{requests, input, output, cacheRead, errors};
}

// Goes through the log as the proxy does: begin with the client's view, learn the route and
// the usage on the way, then finish.
void runRequest(RequestLog &log, const QString &provider, const QString &model, const TokenUsage &tokens,
                int status = 200, const QString &error = {})
{
    RequestRecord record;
    record.method = QStringLiteral("POST");
    record.path = QStringLiteral("/v1/messages");
    record.clientModel = QStringLiteral("claude-sonnet-4-5");
    const quint64 id = log.begin(record);
    log.update(id, [&](RequestRecord &running) {
        running.provider = provider;
        running.upstreamModel = model;
    });
    log.markFirstByte(id);
    log.update(id, [&](RequestRecord &running) { running.usage = tokens; });
    log.finish(id, status, error);
}

// One line per row, so that a failed comparison shows what differs.
QStringList describe(const QList<Row> &rows)
{
    QStringList lines;
    for (const Row &row : rows) {
        lines << QStringLiteral("%1 %2/%3 r%4 i%5 o%6 c%7 e%8")
                     .arg(row.day.toString(Qt::ISODate), row.provider, row.model)
                     .arg(row.totals.requests)
                     .arg(row.totals.inputTokens)
                     .arg(row.totals.outputTokens)
                     .arg(row.totals.cacheReadTokens)
                     .arg(row.totals.errors);
    }
    return lines;
}

QStringList lines(std::initializer_list<const char *> texts)
{
    QStringList result;
    for (const char *text : texts)
        result << QString::fromUtf8(text);
    return result;
}

QJsonObject fileRow(QDate day, const char *provider, const char *model, qint64 requests)
{
    return {{QStringLiteral("day"), day.toString(Qt::ISODate)},
            {QStringLiteral("provider"), QString::fromUtf8(provider)},
            {QStringLiteral("model"), QString::fromUtf8(model)},
            {QStringLiteral("requests"), requests},
            {QStringLiteral("inputTokens"), requests * 10},
            {QStringLiteral("outputTokens"), requests * 5},
            {QStringLiteral("cacheReadTokens"), 0},
            {QStringLiteral("errors"), 0}};
}

QByteArray usageFile(const QJsonArray &rows)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("rows"), rows}}).toJson();
}

QStringList corruptFilesIn(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("usage.json.corrupt-*")}, QDir::Files);
}

std::optional<ModelPrice> presetPrice(const QString &provider, const QString &model)
{
    const ProviderPreset *preset = ProviderPresets::find(provider);
    if (!preset || !preset->prices.contains(model))
        return std::nullopt;
    return preset->prices.value(model);
}

} // namespace

class TestUsageStats : public QObject
{
    Q_OBJECT

private:
    QDate m_today;
    UsageStats::Clock fakeClock()
    {
        return [this] { return m_today; };
    }

private Q_SLOTS:
    void init() { m_today = monday; }

    void countsFinishedRequestsOnly()
    {
        RequestLog log;
        UsageStats stats(QString(), {}, 365, fakeClock());
        stats.follow(&log);
        QSignalSpy changed(&stats, &UsageStats::changed);

        RequestRecord record;
        record.clientModel = QStringLiteral("claude-sonnet-4-5");
        const quint64 id = log.begin(record);
        log.update(id, [](RequestRecord &running) {
            running.provider = QStringLiteral("deepseek");
            running.upstreamModel = QStringLiteral("deepseek-chat");
            running.usage = usage(100, 20);
        });
        QCOMPARE(changed.count(), 0);
        QVERIFY(stats.rows(monday, monday).isEmpty());

        log.finish(id, 200);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(describe(stats.rows(monday, monday)), lines({"2025-03-10 deepseek/deepseek-chat r1 i100 o20 c0 e0"}));
        // A finish the log ignores (already finished) is not counted twice.
        log.finish(id, 200);
        QCOMPARE(changed.count(), 1);
    }

    void aggregatesPerProviderAndModel()
    {
        RequestLog log;
        UsageStats stats(QString(), {}, 365, fakeClock());
        stats.follow(&log);
        QSignalSpy changed(&stats, &UsageStats::changed);

        const QString deepseek = QStringLiteral("deepseek");
        const QString glm = QStringLiteral("glm");
        runRequest(log, deepseek, QStringLiteral("deepseek-reasoner"), usage(1000, 300, 200));
        runRequest(log, deepseek, QStringLiteral("deepseek-chat"), usage(100, 20, 50));
        runRequest(log, glm, QStringLiteral("glm-4.6"), usage(7, 3));
        runRequest(log, deepseek, QStringLiteral("deepseek-chat"), usage(10, 2, 5));
        // A failed request still counts the tokens the upstream billed before failing.
        runRequest(log, deepseek, QStringLiteral("deepseek-chat"), usage(1, 0), 502, QStringLiteral("upstream closed"));
        QCOMPARE(changed.count(), 5);

        QCOMPARE(describe(stats.rows(monday, monday)), lines({
                     "2025-03-10 deepseek/deepseek-chat r3 i111 o22 c55 e1",
                     "2025-03-10 deepseek/deepseek-reasoner r1 i1000 o300 c200 e0",
                     "2025-03-10 glm/glm-4.6 r1 i7 o3 c0 e0",
                 }));
        QCOMPARE(stats.total(monday, monday), totals(5, 1118, 325, 255, 1));
        QCOMPARE(stats.total(monday.addDays(1), monday.addDays(7)), Totals{});
        QCOMPARE(stats.perDay(monday, monday).value(monday), totals(5, 1118, 325, 255, 1));
    }

    void errorsAreCounted_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("expectedErrors");
        QTest::newRow("200") << 200 << QString() << 0;
        QTest::newRow("399") << 399 << QString() << 0;
        QTest::newRow("400") << 400 << QString() << 1;
        QTest::newRow("429") << 429 << QString() << 1;
        QTest::newRow("529") << 529 << QString() << 1;
        // The stream had started with 200 when it failed.
        QTest::newRow("200 with an error") << 200 << QStringLiteral("stream broke") << 1;
        QTest::newRow("no status, an error") << 0 << QStringLiteral("client went away") << 1;
    }

    void errorsAreCounted()
    {
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, expectedErrors);
        RequestLog log;
        UsageStats stats(QString(), {}, 365, fakeClock());
        stats.follow(&log);
        runRequest(log, QStringLiteral("kimi"), QStringLiteral("kimi-k2-0905-preview"), usage(5, 1), status, error);
        QCOMPARE(stats.total(monday, monday), totals(1, 5, 1, 0, expectedErrors));
    }

    void requestsWithoutProviderCountOnlyAsRequests()
    {
        RequestLog log;
        UsageStats stats(QString(), {}, 365, fakeClock());
        stats.follow(&log);
        // A 404 before routing: no provider, so no upstream model and no tokens, whatever the
        // record carries.
        RequestRecord record;
        record.clientModel = QStringLiteral("no-such-model");
        record.usage = usage(30, 0);
        log.finish(log.begin(record), 404, QStringLiteral("no route"));
        log.finish(log.begin(record), 200); // e.g. a local endpoint answered without a provider
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(7, 3));

        const QList<Row> rows = stats.rows(monday, monday);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).provider, QString());
        QCOMPARE(rows.at(0).model, QString());
        QCOMPARE(rows.at(0).totals, totals(2, 0, 0, 0, 1));
        QCOMPARE(rows.at(1).provider, QStringLiteral("glm"));
    }

    void followsSeveralLogs()
    {
        RequestLog first;
        RequestLog second;
        UsageStats stats(QString(), {}, 365, fakeClock());
        stats.follow(&first);
        stats.follow(&second);
        runRequest(first, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(1, 1));
        runRequest(second, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(2, 2));
        QCOMPARE(stats.total(monday, monday), totals(2, 3, 3, 0, 0));
    }

    void bucketsByTheDayRequestsFinish()
    {
        RequestLog log;
        UsageStats stats(QString(), {}, 365, fakeClock());
        stats.follow(&log);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(1, 1));

        // Started before midnight, finished after: it counts on the new day.
        RequestRecord record;
        const quint64 late = log.begin(record);
        log.update(late, [](RequestRecord &running) {
            running.provider = QStringLiteral("glm");
            running.upstreamModel = QStringLiteral("glm-4.6");
            running.usage = usage(40, 4);
        });
        m_today = monday.addDays(1);
        log.finish(late, 200);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.5-air"), usage(2, 2));

        QCOMPARE(describe(stats.rows(monday, monday.addDays(1))), lines({
                     "2025-03-10 glm/glm-4.6 r1 i1 o1 c0 e0",
                     "2025-03-11 glm/glm-4.5-air r1 i2 o2 c0 e0",
                     "2025-03-11 glm/glm-4.6 r1 i40 o4 c0 e0",
                 }));
        QCOMPARE(describe(stats.rows(monday.addDays(1), monday.addDays(1))).size(), 2);
        const QMap<QDate, Totals> days = stats.perDay(monday, monday.addDays(1));
        QCOMPARE(days.value(monday), totals(1, 1, 1, 0, 0));
        QCOMPARE(days.value(monday.addDays(1)), totals(2, 42, 6, 0, 0));
    }

    void perDayFillsEveryDay()
    {
        RequestLog log;
        UsageStats stats(QString(), {}, 365, fakeClock());
        stats.follow(&log);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(1, 1));
        runRequest(log, QStringLiteral("kimi"), QStringLiteral("kimi-k2-0905-preview"), usage(2, 2));
        m_today = monday.addDays(3);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(5, 5));

        // The week around the data, across a month boundary on neither side.
        const QMap<QDate, Totals> week = stats.perDay(monday.addDays(-2), monday.addDays(4));
        QCOMPARE(week.size(), 7);
        QDate expected = monday.addDays(-2);
        for (auto it = week.cbegin(); it != week.cend(); ++it, expected = expected.addDays(1)) {
            QCOMPARE(it.key(), expected);
            if (it.key() == monday)
                QCOMPARE(it.value(), totals(2, 3, 3, 0, 0));
            else if (it.key() == monday.addDays(3))
                QCOMPARE(it.value(), totals(1, 5, 5, 0, 0));
            else
                QCOMPARE(it.value(), Totals{});
        }

        // A range without any data is all zeros; a month boundary is crossed day by day.
        const QMap<QDate, Totals> empty = stats.perDay(QDate(2024, 2, 27), QDate(2024, 3, 2));
        QCOMPARE(empty.keys(), QList<QDate>({QDate(2024, 2, 27), QDate(2024, 2, 28), QDate(2024, 2, 29),
                                             QDate(2024, 3, 1), QDate(2024, 3, 2)}));
        QCOMPARE(stats.perDay(monday, monday).size(), 1);
        QVERIFY(stats.perDay(monday.addDays(1), monday).isEmpty());
        QVERIFY(stats.perDay(QDate(), monday).isEmpty());
        QVERIFY(stats.rows(monday.addDays(1), monday).isEmpty());
    }

    void savesSoonAfterAChange()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("not-yet/usage.json")); // the folder is made too
        RequestLog log;
        UsageStats stats(path, {}, 365, fakeClock());
        stats.follow(&log);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(1, 1));
        // Not written on every request...
        QVERIFY(!QFileInfo::exists(path));
        // ...but soon after.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), UsageStats::saveDelayMs * 3);
        UsageStats reloaded(path, {}, 365, fakeClock());
        QCOMPARE(describe(reloaded.rows(monday, monday)), lines({"2025-03-10 glm/glm-4.6 r1 i1 o1 c0 e0"}));
    }

    void persistenceRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("usage.json"));
        QStringList written;
        {
            RequestLog log;
            UsageStats stats(path, {}, 365, fakeClock());
            stats.follow(&log);
            runRequest(log, QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"), usage(100, 20, 50));
            runRequest(log, QString(), QString(), usage(0, 0), 404, QStringLiteral("no route"));
            m_today = monday.addDays(1);
            runRequest(log, QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"), usage(3, 2, 1), 500);
            runRequest(log, QStringLiteral("zai"), QStringLiteral("glm-4.6"), usage(qint64(1) << 40, 1));
            QVERIFY(stats.flush());
            QVERIFY(QFileInfo::exists(path));
            written = describe(stats.rows(monday, monday.addDays(1)));
            QCOMPARE(written.size(), 4);
        }
        UsageStats reloaded(path, {}, 365, fakeClock());
        QCOMPARE(describe(reloaded.rows(monday, monday.addDays(1))), written);
        QCOMPARE(reloaded.rows(monday, monday.addDays(1)).at(0).provider, QString());
    }

    void savesOnDestruction()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("usage.json"));
        {
            RequestLog log;
            UsageStats stats(path, {}, 365, fakeClock());
            stats.follow(&log);
            runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(9, 8));
            QVERIFY(!QFileInfo::exists(path));
        }
        QVERIFY(QFileInfo::exists(path));
        UsageStats reloaded(path, {}, 365, fakeClock());
        QCOMPARE(reloaded.total(monday, monday), totals(1, 9, 8, 0, 0));
        // Adding to loaded totals, not replacing them.
        RequestLog log;
        reloaded.follow(&log);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(1, 2));
        QCOMPARE(reloaded.total(monday, monday), totals(2, 10, 10, 0, 0));
    }

    void missingFileIsEmptyAndNotCreatedWithoutChanges()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("usage.json"));
        {
            UsageStats stats(path, {}, 365, fakeClock());
            QVERIFY(stats.rows(QDate(2000, 1, 1), QDate(2100, 1, 1)).isEmpty());
            QVERIFY(stats.flush());
        }
        QVERIFY(!QFileInfo::exists(path));
    }

    void saveFailureIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A file where the folder should be: the usage file cannot be written.
        QVERIFY(TestData::writeFile(dir.filePath(QStringLiteral("blocked")), QByteArrayLiteral("x")));
        const QString path = dir.filePath(QStringLiteral("blocked/usage.json"));
        UsageStats stats(path, {}, 365, fakeClock());
        RequestLog log;
        stats.follow(&log);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(1, 1));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Could not save the usage statistics")));
        QVERIFY(!stats.flush());
        // Still pending: the destructor tries once more.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Could not save the usage statistics")));
    }

    void corruptFileIsMovedAside_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("not JSON") << QByteArrayLiteral("{\"version\": 1, \"rows\": [");
        QTest::newRow("binary") << QByteArray("\0\1\2\3", 4);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("an array") << QByteArrayLiteral("[]");
        QTest::newRow("other version") << TestData::doubleQuoted("{'version': 2, 'rows': []}");
        QTest::newRow("no version") << TestData::doubleQuoted("{'rows': []}");
        QTest::newRow("rows not a list") << TestData::doubleQuoted("{'version': 1, 'rows': {}}");
        QTest::newRow("row not an object") << TestData::doubleQuoted("{'version': 1, 'rows': [3]}");
        QTest::newRow("bad day")
            << TestData::doubleQuoted(
                   "{'version': 1, 'rows': [{'day': '2025-13-01', 'provider': 'glm', 'model': 'glm-4.6'}]}");
        QTest::newRow("no provider")
            << TestData::doubleQuoted("{'version': 1, 'rows': [{'day': '2025-03-10', 'model': 'glm-4.6'}]}");
        QTest::newRow("negative count") << TestData::doubleQuoted(
            "{'version': 1, 'rows': [{'day': '2025-03-10', 'provider': 'glm', 'model': 'glm-4.6', 'requests': -1}]}");
        QTest::newRow("fractional count") << TestData::doubleQuoted(
            "{'version': 1, 'rows': [{'day': '2025-03-10', 'provider': 'glm', 'model': 'glm-4.6',"
            " 'inputTokens': 1.5}]}");
        QTest::newRow("count as text") << TestData::doubleQuoted(
            "{'version': 1, 'rows': [{'day': '2025-03-10', 'provider': 'glm', 'model': 'glm-4.6', 'errors': '2'}]}");
        // One good row before a bad one: nothing half-loaded.
        QTest::newRow("good row, then bad") << TestData::doubleQuoted(
            "{'version': 1, 'rows': [{'day': '2025-03-10', 'provider': 'glm', 'model': 'glm-4.6', 'requests': 4},"
            " {'day': 'today', 'provider': 'glm', 'model': 'glm-4.6'}]}");
    }

    void corruptFileIsMovedAside()
    {
        QFETCH(QByteArray, contents);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("usage.json"));
        QVERIFY(TestData::writeFile(path, contents));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^The usage statistics in .* moved to .*\\.corrupt-")));
        UsageStats stats(path, {}, 365, fakeClock());
        QVERIFY(stats.rows(QDate(2000, 1, 1), QDate(2100, 1, 1)).isEmpty());
        QVERIFY(!QFileInfo::exists(path));
        const QStringList aside = corruptFilesIn(dir.path());
        QCOMPARE(aside.size(), 1);
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), contents);

        // Usage from now on is saved to a fresh file.
        RequestLog log;
        stats.follow(&log);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(1, 1));
        QVERIFY(stats.flush());
        UsageStats reloaded(path, {}, 365, fakeClock());
        QCOMPARE(reloaded.total(monday, monday), totals(1, 1, 1, 0, 0));
    }

    void secondCorruptFileDoesNotReplaceTheFirst()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("usage.json"));
        for (const QByteArray &contents : {QByteArrayLiteral("first"), QByteArrayLiteral("second")}) {
            QVERIFY(TestData::writeFile(path, contents));
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^The usage statistics in ")));
            UsageStats stats(path, {}, 365, fakeClock());
        }
        QCOMPARE(corruptFilesIn(dir.path()).size(), 2);
    }

    void retentionPrunesOnLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("usage.json"));
        QVERIFY(TestData::writeFile(path, usageFile({fileRow(monday.addDays(-1000), "glm", "glm-4.5", 1),
                                                     fileRow(monday.addDays(-366), "glm", "glm-4.5", 2),
                                                     fileRow(monday.addDays(-365), "glm", "glm-4.6", 3),
                                                     fileRow(monday.addDays(-1), "kimi", "kimi-k2-0905-preview", 4),
                                                     fileRow(monday, "glm", "glm-4.6", 5)})));
        const QDate ever(2000, 1, 1);
        {
            UsageStats stats(path, {}, 365, fakeClock());
            QCOMPARE(describe(stats.rows(ever, monday)), lines({
                         "2024-03-10 glm/glm-4.6 r3 i30 o15 c0 e0",
                         "2025-03-09 kimi/kimi-k2-0905-preview r4 i40 o20 c0 e0",
                         "2025-03-10 glm/glm-4.6 r5 i50 o25 c0 e0",
                     }));
        }
        // The pruned days are gone from the file too, not just hidden.
        UsageStats longer(path, {}, 5000, fakeClock());
        QCOMPARE(longer.rows(ever, monday).size(), 3);

        // A shorter retention drops more; 0 keeps only today.
        UsageStats week(path, {}, 7, fakeClock());
        QCOMPARE(week.rows(ever, monday).size(), 2);
        UsageStats todayOnly(path, {}, 0, fakeClock());
        QCOMPARE(describe(todayOnly.rows(ever, monday)), lines({"2025-03-10 glm/glm-4.6 r5 i50 o25 c0 e0"}));
    }

    void retentionPrunesOnDayChange()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("usage.json"));
        RequestLog log;
        UsageStats stats(path, {}, 2, fakeClock());
        stats.follow(&log);
        for (int day = 0; day < 3; ++day) {
            m_today = monday.addDays(day);
            runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(day, 1));
        }
        QCOMPARE(stats.perDay(monday, monday.addDays(2)).value(monday).requests, 1);

        m_today = monday.addDays(3);
        runRequest(log, QStringLiteral("glm"), QStringLiteral("glm-4.6"), usage(3, 1));
        const QMap<QDate, Totals> days = stats.perDay(monday, monday.addDays(3));
        QCOMPARE(days.value(monday), Totals{});
        QCOMPARE(days.value(monday.addDays(1)).requests, 1);
        QCOMPARE(stats.rows(monday, monday.addDays(3)).size(), 3);
        QVERIFY(stats.flush());
        UsageStats reloaded(path, {}, 5000, fakeClock());
        QCOMPARE(reloaded.rows(monday, monday.addDays(3)).size(), 3);
    }

    void costWithAPriceLookup()
    {
        int lookups = 0;
        const UsageStats::PriceLookup prices = [&lookups](const QString &provider,
                                                          const QString &model) -> std::optional<ModelPrice> {
            ++lookups;
            if (provider == QLatin1StringView("acme") && model == QLatin1StringView("big"))
                return ModelPrice{2.0, 8.0, 0.5};
            return std::nullopt;
        };
        UsageStats stats(QString(), prices, 365, fakeClock());
        const Totals used = totals(3, 1'500'000, 250'000, 4'000'000, 0);
        const std::optional<double> cost = stats.estimatedCostUsd(QStringLiteral("acme"), QStringLiteral("big"), used);
        QVERIFY(cost);
        QCOMPARE(*cost, 1.5 * 2.0 + 0.25 * 8.0 + 4.0 * 0.5);
        QCOMPARE(stats.estimatedCostUsd(QStringLiteral("acme"), QStringLiteral("big"), Totals{}),
                 std::optional<double>(0.0));
        QVERIFY(!stats.estimatedCostUsd(QStringLiteral("acme"), QStringLiteral("small"), used));
        QVERIFY(!stats.estimatedCostUsd(QStringLiteral("other"), QStringLiteral("big"), used));
        QCOMPARE(lookups, 4);

        // Without a lookup nothing has a price.
        UsageStats unpriced(QString(), {}, 365, fakeClock());
        QVERIFY(!unpriced.estimatedCostUsd(QStringLiteral("acme"), QStringLiteral("big"), used));
    }

    void costWithThePresetPrices()
    {
        RequestLog log;
        UsageStats stats(QString(), presetPrice, 365, fakeClock());
        stats.follow(&log);
        runRequest(log, QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"),
                   usage(2'000'000, 1'000'000, 10'000'000));
        const Row row = stats.rows(monday, monday).value(0);
        QCOMPARE(row.model, QStringLiteral("deepseek-chat"));

        // DeepSeek's list price (USD per million tokens): 0.28 input, 0.42 output, 0.028 from
        // the cache. Update with the preset when DeepSeek changes it.
        const std::optional<double> cost = stats.estimatedCostUsd(row.provider, row.model, row.totals);
        QVERIFY(cost);
        QVERIFY2(qAbs(*cost - (2 * 0.28 + 1 * 0.42 + 10 * 0.028)) < 1e-9, qPrintable(QString::number(*cost)));

        // The same models over DeepSeek's Anthropic API cost the same.
        QCOMPARE(stats.estimatedCostUsd(QStringLiteral("deepseek-anthropic"), row.model, row.totals), cost);
        // Models whose price is not in the presets have none.
        QVERIFY(!stats.estimatedCostUsd(QStringLiteral("glm"), QStringLiteral("glm-4.6"), row.totals));
        QVERIFY(!stats.estimatedCostUsd(QStringLiteral("openai"), QStringLiteral("gpt-5.1-codex"), row.totals));
        QVERIFY(!stats.estimatedCostUsd(QStringLiteral("no-such-preset"), row.model, row.totals));
    }

    void presetPricesAreSane()
    {
        int priced = 0;
        for (const ProviderPreset &preset : ProviderPresets::all()) {
            for (auto it = preset.prices.cbegin(); it != preset.prices.cend(); ++it) {
                QVERIFY2(preset.models.contains(it.key()), qPrintable(preset.id + QLatin1Char('/') + it.key()));
                const ModelPrice &price = it.value();
                // Output costs more than input, and a cache hit less.
                QVERIFY2(price.input > 0 && price.output >= price.input && price.cacheRead <= price.input,
                         qPrintable(preset.id + QLatin1Char('/') + it.key()));
                // Per million tokens: no model costs $1000 per million.
                QVERIFY(price.output < 1000);
                ++priced;
            }
        }
        QCOMPARE(priced, 9);
        QVERIFY(presetPrice(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5")));
        QVERIFY(presetPrice(QStringLiteral("openai"), QStringLiteral("gpt-5-mini")));
    }
};

QTEST_GUILESS_MAIN(TestUsageStats)
#include "tst_usagestats.moc"
