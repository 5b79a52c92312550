#include <QTest>

// Placeholder until the suite is written.
class TestTextToolCallParser : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestTextToolCallParser)
#include "tst_texttoolcallparser.moc"
