#include <QTest>

// Placeholder until the suite is written.
class TestSseParser : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
