#include "protocol/recurringjsonwriter.h"
#include "testdata.h"

#include <QJsonArray>
#include <QTest>

// RecurringJsonWriter must write every object as QJsonDocument::toJson(Compact) does, whatever
// it wrote before.
class TestRecurringJsonWriter : public QObject
{
    Q_OBJECT

private:
    static QByteArray qtCompact(const QJsonObject &object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    static QJsonObject claudeCodeTurn(const QString &name)
    {
        return TestData::parseJson(TestData::read(QStringLiteral("claude-code/%1").arg(name))).object();
    }

private Q_SLOTS:
    void writesCapturedClaudeCodeTurnsInSequenceAsQtDoes()
    {
        RecurringJsonWriter writer;
        for (const QString &name : {QStringLiteral("request-print-turn1.json"), QStringLiteral("request-print-turn2.json"),
                                    QStringLiteral("request-interactive.json"), QStringLiteral("request-print-turn1.json")}) {
            const QJsonObject turn = claudeCodeTurn(name);
            QCOMPARE(writer.write(turn), qtCompact(turn));
        }
    }

    void aRememberedMemberNeverStandsInForOneThatDiffers()
    {
        RecurringJsonWriter writer;
        const QJsonObject turn = claudeCodeTurn(QStringLiteral("request-print-turn1.json"));
        QCOMPARE(writer.write(turn), qtCompact(turn));

        // The same tools with one description changed by one character, then with one number too.
        const QJsonObject changed = TestData::withFirstToolChanged(turn);
        QCOMPARE(writer.write(changed), qtCompact(changed));
        const QJsonObject withNumber = TestData::withFirstToolChanged(turn, {{QStringLiteral("max"), 1.5}});
        QCOMPARE(writer.write(withNumber), qtCompact(withNumber));
        QCOMPARE(writer.write(turn), qtCompact(turn));
    }

    void writesAsQtDoesWhileForgettingTheLeastRecentlyUsed()
    {
        RecurringJsonWriter writer;
        // 8 KB members, each its own: far more than the writer keeps, recalled at random.
        const auto object = [](int n) {
            return QJsonObject{{QStringLiteral("n"), n},
                               {QStringLiteral("tools"), QJsonArray{QString(QString(8192, QChar(u'a' + n % 26)) + QString::number(n))}}};
        };
        for (int i = 0; i < 600; ++i) {
            const int n = i < 300 ? i : int((i * 7919L) % 300);
            QCOMPARE(writer.write(object(n)), qtCompact(object(n)));
        }
    }

    void writesEveryKindOfMemberAsQtDoes()
    {
        RecurringJsonWriter writer;
        const QJsonObject object{
            {QStringLiteral("null"), QJsonValue::Null},
            {QStringLiteral("true"), true},
            {QStringLiteral("number"), -1.25e-7},
            {QStringLiteral("integer"), qint64(9007199254740993)},
            {QStringLiteral("text"), QStringLiteral("quote \" backslash \\ newline \n tab \t control \x01 emoji \U0001F600")},
            {QStringLiteral("key \"with\" quotes\n"), QStringLiteral("v")},
            {QStringLiteral("empty array"), QJsonArray()},
            {QStringLiteral("empty object"), QJsonObject()},
            {QStringLiteral("nested"), QJsonObject{{QStringLiteral("a"), QJsonArray{1, QStringLiteral("x"), QJsonObject()}}}},
        };
        QCOMPARE(writer.write(object), qtCompact(object));
        QCOMPARE(writer.write(QJsonObject()), qtCompact(QJsonObject()));
    }
};

QTEST_GUILESS_MAIN(TestRecurringJsonWriter)
#include "tst_recurringjsonwriter.moc"
