#include "proxy/retrypolicy.h"

#include <QTest>

#include <optional>

namespace {
// Limits with room to spare, so each case only meets the bound it is about.
RetryLimits roomyLimits()
{
    RetryLimits limits;
    limits.maxAttempts = 10;
    limits.baseDelayMs = 500;
    limits.maxDelayMs = 8'000;
    limits.maxTotalWaitMs = 1'000'000;
    return limits;
}

std::function<double()> fixedRandom(double value)
{
    return [value] { return value; };
}

// A fixed clock: Retry-After dates are measured against it, not against the wall clock.
QDateTime fixedNow()
{
    return QDateTime(QDate(2015, 10, 21), QTime(7, 27, 57), Qt::UTC);
}
}

Q_DECLARE_METATYPE(std::optional<qint64>)

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryableStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("connection failure") << 0 << true;
        QTest::newRow("429 rate limited") << 429 << true;
        QTest::newRow("502 bad gateway") << 502 << true;
        QTest::newRow("503 unavailable") << 503 << true;
        QTest::newRow("529 overloaded") << 529 << true;
        // The same request would fail the same way again.
        QTest::newRow("400 bad request") << 400 << false;
        QTest::newRow("401 unauthorized") << 401 << false;
        QTest::newRow("403 forbidden") << 403 << false;
        QTest::newRow("404 not found") << 404 << false;
        QTest::newRow("413 too large") << 413 << false;
        QTest::newRow("500 server error") << 500 << false;
        // A gateway that waited for minutes already; repeating doubles the wait.
        QTest::newRow("504 gateway timeout") << 504 << false;
        QTest::newRow("200 ok") << 200 << false;
    }

    void retryableStatus()
    {
        QFETCH(int, status);
        QFETCH(bool, retryable);
        QCOMPARE(RetryPolicy::isRetryableStatus(status), retryable);

        RetryPolicy policy(roomyLimits(), fixedRandom(0.5));
        QCOMPARE(policy.delayBeforeRetry(1, status, QByteArray(), fixedNow()).has_value(), retryable);
        // A Retry-After does not make a hopeless status worth repeating.
        QCOMPARE(policy.delayBeforeRetry(1, status, QByteArrayLiteral("1"), fixedNow()).has_value(), retryable);
    }

    void attemptsAreBounded_data()
    {
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("retried");
        QTest::newRow("3: after the first") << 3 << 1 << true;
        QTest::newRow("3: after the second") << 3 << 2 << true;
        QTest::newRow("3: after the third") << 3 << 3 << false;
        QTest::newRow("3: beyond") << 3 << 7 << false;
        QTest::newRow("1: never") << 1 << 1 << false;
        QTest::newRow("0: never") << 0 << 1 << false;
    }

    void attemptsAreBounded()
    {
        QFETCH(int, maxAttempts);
        QFETCH(int, attempt);
        QFETCH(bool, retried);
        RetryLimits limits = roomyLimits();
        limits.maxAttempts = maxAttempts;
        RetryPolicy policy(limits, fixedRandom(0.5));
        QCOMPARE(policy.delayBeforeRetry(attempt, 503, QByteArray(), fixedNow()).has_value(), retried);
        QCOMPARE(policy.delayBeforeRetry(attempt, 429, QByteArrayLiteral("1"), fixedNow()).has_value(), retried);
    }

    void fullJitterBounds_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<int>("ceiling");
        // base 500 doubling per attempt, capped at 8000.
        QTest::newRow("1") << 1 << 500;
        QTest::newRow("2") << 2 << 1000;
        QTest::newRow("3") << 3 << 2000;
        QTest::newRow("4") << 4 << 4000;
        QTest::newRow("5") << 5 << 8000;
        QTest::newRow("6 capped") << 6 << 8000;
        QTest::newRow("9 capped") << 9 << 8000;
    }

    void fullJitterBounds()
    {
        QFETCH(int, attempt);
        QFETCH(int, ceiling);

        RetryPolicy highest(roomyLimits(), fixedRandom(0.999));
        const std::optional<int> high = highest.delayBeforeRetry(attempt, 503, QByteArray(), fixedNow());
        QVERIFY(high);
        QVERIFY2(*high < ceiling, qPrintable(QString::number(*high)));
        QVERIFY2(*high >= ceiling - ceiling / 100, qPrintable(QString::number(*high)));

        RetryPolicy lowest(roomyLimits(), fixedRandom(0.0));
        QCOMPARE(lowest.delayBeforeRetry(attempt, 503, QByteArray(), fixedNow()), std::optional<int>(0));

        RetryPolicy middle(roomyLimits(), fixedRandom(0.5));
        QCOMPARE(middle.delayBeforeRetry(attempt, 0, QByteArray(), fixedNow()), std::optional<int>(ceiling / 2));
    }

    // Without an injected function the delays still stay inside the jitter window.
    void defaultRandomStaysInBounds()
    {
        RetryPolicy policy(roomyLimits());
        for (int i = 0; i < 200; ++i) {
            const std::optional<int> delay = policy.delayBeforeRetry(2, 429, QByteArray(), fixedNow());
            QVERIFY(delay);
            QVERIFY2(*delay >= 0 && *delay < 1000, qPrintable(QString::number(*delay)));
        }
    }

    void retryAfterIsObeyed_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("expected");
        QTest::newRow("seconds") << QByteArrayLiteral("2") << 2000;
        QTest::newRow("fraction") << QByteArrayLiteral("0.5") << 500;
        QTest::newRow("zero") << QByteArrayLiteral("0") << 0;
        QTest::newRow("padded") << QByteArrayLiteral(" 3 ") << 3000;
        QTest::newRow("exactly the cap") << QByteArrayLiteral("8") << 8000;
        QTest::newRow("HTTP date") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << 3000;
        QTest::newRow("HTTP date in the past") << QByteArrayLiteral("Wed, 21 Oct 2015 07:00:00 GMT") << 0;
        QTest::newRow("HTTP date next day") << QByteArrayLiteral("Thu, 22 Oct 2015 00:00:00 GMT") << -1;
        // Unreadable: the policy's own backoff (0.5 of the first ceiling) applies.
        QTest::newRow("words") << QByteArrayLiteral("soon") << 250;
        QTest::newRow("negative") << QByteArrayLiteral("-5") << 250;
        QTest::newRow("empty") << QByteArray() << 250;
        QTest::newRow("date without zone") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00") << 250;
    }

    // -1 in `expected` means the wait is too long to be worth it.
    void retryAfterIsObeyed()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, expected);
        RetryPolicy policy(roomyLimits(), fixedRandom(0.5));
        const std::optional<int> delay = policy.delayBeforeRetry(1, 429, retryAfter, fixedNow());
        QCOMPARE(delay, expected < 0 ? std::nullopt : std::optional<int>(expected));
    }

    // Waiting longer than one backoff may last is giving up: the client is better served by an
    // error (or a fallback provider) than by a request that hangs for minutes.
    void retryAfterBeyondMaxDelayGivesUp_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("seconds") << QByteArrayLiteral("9");
        QTest::newRow("over") << QByteArrayLiteral("8.5");
        QTest::newRow("an hour") << QByteArrayLiteral("3600");
        QTest::newRow("HTTP date") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:06 GMT");
        // Numbers beyond any integer must not wrap into a short (or negative) wait.
        QTest::newRow("exponent") << QByteArrayLiteral("1e30");
        QTest::newRow("infinity") << QByteArrayLiteral("inf");
    }

    void retryAfterBeyondMaxDelayGivesUp()
    {
        QFETCH(QByteArray, retryAfter);
        RetryPolicy policy(roomyLimits(), fixedRandom(0.0));
        QCOMPARE(policy.delayBeforeRetry(1, 503, retryAfter, fixedNow()), std::nullopt);
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<std::optional<qint64>>("expected");
        QTest::newRow("seconds") << QByteArrayLiteral("2") << std::optional<qint64>(2000);
        QTest::newRow("fraction") << QByteArrayLiteral("0.5") << std::optional<qint64>(500);
        QTest::newRow("large") << QByteArrayLiteral("86400") << std::optional<qint64>(86'400'000);
        QTest::newRow("date") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << std::optional<qint64>(3000);
        QTest::newRow("date a minute on") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:57 GMT") << std::optional<qint64>(60'000);
        QTest::newRow("past date") << QByteArrayLiteral("Tue, 20 Oct 2015 07:28:00 GMT") << std::optional<qint64>(0);
        QTest::newRow("empty") << QByteArray() << std::optional<qint64>();
        QTest::newRow("blank") << QByteArrayLiteral("   ") << std::optional<qint64>();
        QTest::newRow("negative") << QByteArrayLiteral("-1") << std::optional<qint64>();
        QTest::newRow("words") << QByteArrayLiteral("later") << std::optional<qint64>();
        QTest::newRow("number with unit") << QByteArrayLiteral("5s") << std::optional<qint64>();
        QTest::newRow("not a number") << QByteArrayLiteral("nan") << std::optional<qint64>();
    }

    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(std::optional<qint64>, expected);
        QCOMPARE(RetryPolicy::parseRetryAfter(value, fixedNow()), expected);
    }

    // The date is GMT whatever the machine's zone, and `now` may come in any zone.
    void retryAfterDateAgainstOffsetNow()
    {
        const QDateTime now = fixedNow().toOffsetFromUtc(2 * 3600);
        QCOMPARE(RetryPolicy::parseRetryAfter(QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT"), now),
                 std::optional<qint64>(3000));
    }

    void totalWaitBudget()
    {
        RetryLimits limits = roomyLimits();
        limits.maxTotalWaitMs = 1500;
        RetryPolicy policy(limits, fixedRandom(0.999));

        const std::optional<int> first = policy.delayBeforeRetry(1, 503, QByteArray(), fixedNow());
        QVERIFY(first);
        QVERIFY(*first >= 490 && *first < 500);
        // Asking is free: only waits actually taken count.
        QCOMPARE(policy.delayBeforeRetry(1, 503, QByteArray(), fixedNow()), first);
        policy.spend(*first);

        // Just under 1000 more fits in the budget of 1500...
        const std::optional<int> second = policy.delayBeforeRetry(2, 503, QByteArray(), fixedNow());
        QVERIFY(second);
        policy.spend(*second);

        // ...the third (just under 2000) does not, nor does any Retry-After above what is left.
        QCOMPARE(policy.delayBeforeRetry(3, 503, QByteArray(), fixedNow()), std::nullopt);
        const int left = 1500 - *first - *second;
        QCOMPARE(policy.delayBeforeRetry(3, 429, QByteArray::number(double(left + 10) / 1000), fixedNow()), std::nullopt);
        QCOMPARE(policy.delayBeforeRetry(3, 429, QByteArrayLiteral("0"), fixedNow()), std::optional<int>(0));
    }

    void retryAfterCountsAgainstTheBudget()
    {
        RetryLimits limits = roomyLimits();
        limits.maxTotalWaitMs = 1000;
        RetryPolicy policy(limits, fixedRandom(0.0));
        policy.spend(600);
        QCOMPARE(policy.delayBeforeRetry(1, 429, QByteArrayLiteral("0.4"), fixedNow()), std::optional<int>(400));
        QCOMPARE(policy.delayBeforeRetry(1, 429, QByteArrayLiteral("0.5"), fixedNow()), std::nullopt);
        policy.spend(400);
        // The budget is spent; even a zero backoff is within it.
        QCOMPARE(policy.delayBeforeRetry(2, 503, QByteArray(), fixedNow()), std::optional<int>(0));
        QCOMPARE(policy.delayBeforeRetry(2, 429, QByteArrayLiteral("0.001"), fixedNow()), std::nullopt);
    }

    void eachPolicyHasItsOwnBudget()
    {
        RetryLimits limits = roomyLimits();
        limits.maxTotalWaitMs = 1000;
        RetryPolicy spent(limits, fixedRandom(0.0));
        spent.spend(1000);
        const RetryPolicy fresh(limits, fixedRandom(0.0));
        RetryPolicy copy = fresh;
        QCOMPARE(spent.delayBeforeRetry(1, 429, QByteArrayLiteral("1"), fixedNow()), std::nullopt);
        QCOMPARE(copy.delayBeforeRetry(1, 429, QByteArrayLiteral("1"), fixedNow()), std::optional<int>(1000));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
