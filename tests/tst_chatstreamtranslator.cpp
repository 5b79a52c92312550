#include <QTest>

// Placeholder until the suite is written.
class TestChatStreamTranslator : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestChatStreamTranslator)
#include "tst_chatstreamtranslator.moc"
