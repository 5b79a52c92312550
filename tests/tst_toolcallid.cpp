#include "protocol/toolcallid.h"

#include <QRegularExpression>
#include <QTest>

class TestToolCallId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("upstreamId");
        QTest::addColumn<bool>("keptAsIs");
        QTest::newRow("openai") << QStringLiteral("call_abc123") << true;
        QTest::newRow("deepseek") << QStringLiteral("call_00_3ylR7Y9qbbbM0BH7DmRf9Txj") << true;
        QTest::newRow("llama.cpp") << QStringLiteral("X5u7jVzMB4z1tIZuGc1I7Oaqg3W7Gq5y") << true;
        QTest::newRow("kimi") << QStringLiteral("functions.add:0") << false;
        QTest::newRow("kimi via openrouter") << QStringLiteral("multiply:1") << false;
        QTest::newRow("unicode") << QStringLiteral("werkzeug·ä") << false;
        QTest::newRow("looks encoded") << QStringLiteral("toolu_hex_6869") << false;
    }

    void roundTrip()
    {
        QFETCH(QString, upstreamId);
        QFETCH(bool, keptAsIs);
        const QString anthropicId = ToolCallId::toAnthropic(upstreamId);
        QVERIFY(QRegularExpression(QStringLiteral("^[a-zA-Z0-9_-]+$")).match(anthropicId).hasMatch());
        QCOMPARE(anthropicId == upstreamId, keptAsIs);
        QCOMPARE(ToolCallId::toUpstream(anthropicId), upstreamId);
    }

    void emptyIdGetsAFreshToolUseId()
    {
        const QString first = ToolCallId::toAnthropic(QString());
        QVERIFY(first.startsWith(QLatin1StringView("toolu_")));
        QCOMPARE(first.size(), 30);
        QVERIFY(first != ToolCallId::toAnthropic(QString()));
    }

    void idsNotOursPassThrough()
    {
        QCOMPARE(ToolCallId::toUpstream(QStringLiteral("toolu_01ABC")), QStringLiteral("toolu_01ABC"));
        // Not valid hex after the prefix: a client's own id, left alone.
        QCOMPARE(ToolCallId::toUpstream(QStringLiteral("toolu_hex_zz")), QStringLiteral("toolu_hex_zz"));
    }
};

QTEST_GUILESS_MAIN(TestToolCallId)
#include "tst_toolcallid.moc"
