#include <QTest>

// Placeholder until the suite is written.
class TestResponsesResponseTranslator : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestResponsesResponseTranslator)
#include "tst_responsesresponsetranslator.moc"
