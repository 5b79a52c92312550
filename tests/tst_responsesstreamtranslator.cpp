#include <QTest>

// Placeholder until the suite is written.
class TestResponsesStreamTranslator : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestResponsesStreamTranslator)
#include "tst_responsesstreamtranslator.moc"
