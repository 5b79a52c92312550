#include <QTest>

// Placeholder until the suite is written.
class TestToolNameMap : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestToolNameMap)
#include "tst_toolnamemap.moc"
