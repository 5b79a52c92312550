#include <QTest>

// Placeholder until the suite is written.
class TestResponsesRequestTranslator : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestResponsesRequestTranslator)
#include "tst_responsesrequesttranslator.moc"
