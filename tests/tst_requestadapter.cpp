#include <QTest>

// Placeholder until the suite is written.
class TestRequestAdapter : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestRequestAdapter)
#include "tst_requestadapter.moc"
