#include "proxy/retryafter.h"
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
        QCOMPARE(policy.delayBeforeRetry(1, status, RetryAfter(), 0, fixedNow()).has_value(), retryable);
        // A Retry-After does not make a hopeless status worth repeating.
        QCOMPARE(policy.delayBeforeRetry(1, status, RetryAfter(QByteArrayLiteral("1"), {}), 0, fixedNow()).has_value(), retryable);
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
        QCOMPARE(policy.delayBeforeRetry(attempt, 503, RetryAfter(), 0, fixedNow()).has_value(), retried);
        QCOMPARE(policy.delayBeforeRetry(attempt, 429, RetryAfter(QByteArrayLiteral("1"), {}), 0, fixedNow()).has_value(), retried);
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
        const std::optional<int> high = highest.delayBeforeRetry(attempt, 503, RetryAfter(), 0, fixedNow());
        QVERIFY(high);
        QVERIFY2(*high < ceiling, qPrintable(QString::number(*high)));
        QVERIFY2(*high >= ceiling - ceiling / 100, qPrintable(QString::number(*high)));

        RetryPolicy lowest(roomyLimits(), fixedRandom(0.0));
        QCOMPARE(lowest.delayBeforeRetry(attempt, 503, RetryAfter(), 0, fixedNow()), std::optional<int>(0));

        RetryPolicy middle(roomyLimits(), fixedRandom(0.5));
        QCOMPARE(middle.delayBeforeRetry(attempt, 0, RetryAfter(), 0, fixedNow()), std::optional<int>(ceiling / 2));
    }

    // Without an injected function the delays still stay inside the jitter window.
    void defaultRandomStaysInBounds()
    {
        RetryPolicy policy(roomyLimits());
        for (int i = 0; i < 200; ++i) {
            const std::optional<int> delay = policy.delayBeforeRetry(2, 429, RetryAfter(), 0, fixedNow());
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
        const std::optional<int> delay = policy.delayBeforeRetry(1, 429, RetryAfter(retryAfter, {}), 0, fixedNow());
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
        QCOMPARE(policy.delayBeforeRetry(1, 503, RetryAfter(retryAfter, {}), 0, fixedNow()), std::nullopt);
    }

    // The client has waited since its request arrived, through every attempt: a wait that would
    // end beyond the total is not taken, however short.
    void totalCountsFromTheRequestsArrival_data()
    {
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("expected");
        // Limit 1500 ms; backoff with random 0.999 on the first attempt is 499 ms.
        QTest::newRow("fresh, Retry-After up to the limit") << qint64(0) << QByteArrayLiteral("1.5") << 1500;
        QTest::newRow("1 ms later, the same no longer fits") << qint64(1) << QByteArrayLiteral("1.5") << -1;
        QTest::newRow("backoff that ends at the limit") << qint64(1001) << QByteArray() << 499;
        QTest::newRow("backoff that ends past it") << qint64(1002) << QByteArray() << -1;
        QTest::newRow("at the limit, no wait") << qint64(1500) << QByteArrayLiteral("0") << 0;
        QTest::newRow("past the limit, no wait") << qint64(1501) << QByteArrayLiteral("0") << -1;
    }

    void totalCountsFromTheRequestsArrival()
    {
        QFETCH(qint64, elapsedMs);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, expected);
        RetryLimits limits = roomyLimits();
        limits.maxTotalWaitMs = 1500;
        const RetryPolicy policy(limits, fixedRandom(0.999));
        QCOMPARE(policy.delayBeforeRetry(1, 429, RetryAfter(retryAfter, {}), elapsedMs, fixedNow()),
                 expected < 0 ? std::nullopt : std::optional<int>(expected));
    }

    // Issue 9: with the defaults, a Retry-After the client would notice is not waited for.
    void defaultsOnlyTakeShortWaits_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QByteArray>("retryAfterMs");
        QTest::addColumn<int>("expected");
        QTest::newRow("Retry-After 7") << QByteArrayLiteral("7") << QByteArray() << -1;
        QTest::newRow("Retry-After 1") << QByteArrayLiteral("1") << QByteArray() << 1000;
        QTest::newRow("Retry-After 2") << QByteArrayLiteral("2") << QByteArray() << 2000;
        QTest::newRow("Retry-After 2.5") << QByteArrayLiteral("2.5") << QByteArray() << -1;
        QTest::newRow("date 7 s ahead") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:04 GMT") << QByteArray() << -1;
        QTest::newRow("date 1 s ahead") << QByteArrayLiteral("Wed, 21 Oct 2015 07:27:58 GMT") << QByteArray() << 1000;
        QTest::newRow("retry-after-ms 1500") << QByteArray() << QByteArrayLiteral("1500") << 1500;
        QTest::newRow("retry-after-ms 7000") << QByteArray() << QByteArrayLiteral("7000") << -1;
        // OpenAI sends both; the milliseconds are the precise one.
        QTest::newRow("both, ms short") << QByteArrayLiteral("2") << QByteArrayLiteral("1200") << 1200;
        QTest::newRow("both, ms long") << QByteArrayLiteral("1") << QByteArrayLiteral("7000") << -1;
    }

    void defaultsOnlyTakeShortWaits()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(QByteArray, retryAfterMs);
        QFETCH(int, expected);
        const RetryPolicy policy(RetryLimits{}, fixedRandom(0.5));
        QCOMPARE(policy.delayBeforeRetry(1, 429, RetryAfter(retryAfter, retryAfterMs), 0, fixedNow()),
                 expected < 0 ? std::nullopt : std::optional<int>(expected));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
