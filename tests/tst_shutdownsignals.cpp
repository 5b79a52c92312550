#include "proxy/shutdownsignals.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

namespace {
volatile std::sig_atomic_t previousHandlerCalls = 0;

extern "C" void countCall(int)
{
    previousHandlerCalls = previousHandlerCalls + 1;
}
}

class TestShutdownSignals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalArrivesThroughTheEventLoop_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
    }

    // Without the handler, raise() would end this test process on the spot.
    void signalArrivesThroughTheEventLoop()
    {
        QFETCH(int, signalNumber);
        ShutdownSignals caught;
        QSignalSpy received(&caught, &ShutdownSignals::received);
        QCOMPARE(std::raise(signalNumber), 0);
        // Not from inside the handler: only once the event loop runs.
        QCOMPARE(received.size(), 0);
        QVERIFY(received.wait(5000));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toInt(), signalNumber);
    }

    // Ctrl+C pressed twice before the event loop got round to the first: both are told.
    void signalsRaisedTogetherAllArrive()
    {
        ShutdownSignals caught;
        QSignalSpy received(&caught, &ShutdownSignals::received);
        QCOMPARE(std::raise(SIGINT), 0);
        QCOMPARE(std::raise(SIGTERM), 0);
        QTRY_COMPARE(received.size(), 2);
        QCOMPARE(received.at(0).at(0).toInt(), SIGINT);
        QCOMPARE(received.at(1).at(0).toInt(), SIGTERM);
    }

    void previousHandlersComeBack()
    {
        struct sigaction counting = {};
        counting.sa_handler = countCall;
        sigemptyset(&counting.sa_mask);
        struct sigaction original[2];
        QCOMPARE(sigaction(SIGTERM, &counting, &original[0]), 0);
        QCOMPARE(sigaction(SIGINT, &counting, &original[1]), 0);
        {
            ShutdownSignals caught;
            QSignalSpy received(&caught, &ShutdownSignals::received);
            QCOMPARE(std::raise(SIGTERM), 0);
            QVERIFY(received.wait(5000));
            QCOMPARE(previousHandlerCalls, 0);
        }
        QCOMPARE(std::raise(SIGTERM), 0);
        QCOMPARE(std::raise(SIGINT), 0);
        QCOMPARE(previousHandlerCalls, 2);
        sigaction(SIGTERM, &original[0], nullptr);
        sigaction(SIGINT, &original[1], nullptr);
    }
};

QTEST_GUILESS_MAIN(TestShutdownSignals)
#include "tst_shutdownsignals.moc"
