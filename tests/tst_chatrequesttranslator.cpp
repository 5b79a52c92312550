#include <QTest>

// Placeholder until the suite is written.
class TestChatRequestTranslator : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestChatRequestTranslator)
#include "tst_chatrequesttranslator.moc"
