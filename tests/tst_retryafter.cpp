#include "proxy/retryafter.h"

#include <QTest>

#include <optional>

namespace {
// A fixed clock: Retry-After dates are measured against it, not against the wall clock.
QDateTime fixedNow()
{
    return QDateTime(QDate(2015, 10, 21), QTime(7, 27, 57), Qt::UTC);
}
}

Q_DECLARE_METATYPE(std::optional<qint64>)

class TestRetryAfter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<std::optional<qint64>>("expected");
        QTest::newRow("seconds") << QByteArrayLiteral("2") << std::optional<qint64>(2000);
        QTest::newRow("fraction") << QByteArrayLiteral("0.5") << std::optional<qint64>(500);
        QTest::newRow("padded") << QByteArrayLiteral(" 3 ") << std::optional<qint64>(3000);
        QTest::newRow("large") << QByteArrayLiteral("86400") << std::optional<qint64>(86'400'000);
        // Beyond any integer: bounded, never wrapped into a short (or negative) wait.
        QTest::newRow("exponent") << QByteArrayLiteral("1e30") << std::optional<qint64>(1'000'000'000'000);
        QTest::newRow("date") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << std::optional<qint64>(3000);
        QTest::newRow("date a minute on") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:57 GMT") << std::optional<qint64>(60'000);
        QTest::newRow("past date") << QByteArrayLiteral("Tue, 20 Oct 2015 07:28:00 GMT") << std::optional<qint64>(0);
        QTest::newRow("date without zone") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00") << std::optional<qint64>();
        QTest::newRow("empty") << QByteArray() << std::optional<qint64>();
        QTest::newRow("blank") << QByteArrayLiteral("   ") << std::optional<qint64>();
        QTest::newRow("negative") << QByteArrayLiteral("-1") << std::optional<qint64>();
        QTest::newRow("words") << QByteArrayLiteral("later") << std::optional<qint64>();
        QTest::newRow("number with unit") << QByteArrayLiteral("5s") << std::optional<qint64>();
        QTest::newRow("not a number") << QByteArrayLiteral("nan") << std::optional<qint64>();
    }

    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(std::optional<qint64>, expected);
        QCOMPARE(RetryAfter(value, {}).waitMs(fixedNow()), expected);
    }

    void retryAfterMs_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<std::optional<qint64>>("expected");
        QTest::newRow("milliseconds") << QByteArrayLiteral("1500") << std::optional<qint64>(1500);
        QTest::newRow("fraction") << QByteArrayLiteral("20.7") << std::optional<qint64>(20);
        QTest::newRow("zero") << QByteArrayLiteral("0") << std::optional<qint64>(0);
        QTest::newRow("negative") << QByteArrayLiteral("-5") << std::optional<qint64>();
        // Milliseconds are a number, never a date.
        QTest::newRow("date") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << std::optional<qint64>();
    }

    void retryAfterMs()
    {
        QFETCH(QByteArray, value);
        QFETCH(std::optional<qint64>, expected);
        QCOMPARE(RetryAfter({}, value).waitMs(fixedNow()), expected);
    }

    // retry-after-ms is the precise one, and wins; unreadable, Retry-After stands in.
    void millisecondsComeFirst()
    {
        QCOMPARE(RetryAfter("2", "1200").waitMs(fixedNow()), std::optional<qint64>(1200));
        QCOMPARE(RetryAfter("1", "7000").waitMs(fixedNow()), std::optional<qint64>(7000));
        QCOMPARE(RetryAfter("2", "soon").waitMs(fixedNow()), std::optional<qint64>(2000));
        QCOMPARE(RetryAfter().waitMs(fixedNow()), std::nullopt);
    }

    // The date is GMT whatever the machine's zone, and `now` may come in any zone.
    void dateAgainstOffsetNow()
    {
        const QDateTime now = fixedNow().toOffsetFromUtc(2 * 3600);
        QCOMPARE(RetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", {}).waitMs(now), std::optional<qint64>(3000));
    }

    // Passed on as the upstream sent them, so the client's retry waits as long as asked.
    void headersAreKeptAsSent()
    {
        QCOMPARE(RetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", "2500").headers(),
                 (HttpHeaders{{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}, {"retry-after-ms", "2500"}}));
        QCOMPARE(RetryAfter("7", {}).headers(), (HttpHeaders{{"retry-after", "7"}}));
        QCOMPARE(RetryAfter({}, "700").headers(), (HttpHeaders{{"retry-after-ms", "700"}}));
        QVERIFY(RetryAfter().headers().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
