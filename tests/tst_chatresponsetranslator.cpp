#include <QTest>

// Placeholder until the suite is written.
class TestChatResponseTranslator : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestChatResponseTranslator)
#include "tst_chatresponsetranslator.moc"
