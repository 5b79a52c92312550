#include <QTest>

// Placeholder until the suite is written.
class TestMessagesRequestValidator : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestMessagesRequestValidator)
#include "tst_messagesrequestvalidator.moc"
