#include "protocol/recurringjsonparser.h"
#include "testdata.h"

#include <QTest>

// RecurringJsonParser must read every body as QJsonDocument::fromJson does, whatever bodies it
// read before: the same document, the same error at the same offset.
class TestRecurringJsonParser : public QObject
{
    Q_OBJECT

private:
    static void requireSameAsQt(RecurringJsonParser &parser, const QByteArray &body)
    {
        QJsonParseError recurringError;
        QJsonParseError plainError;
        const QJsonDocument recurring = parser.parse(body, &recurringError);
        const QJsonDocument plain = QJsonDocument::fromJson(body, &plainError);
        QCOMPARE(recurring, plain);
        QCOMPARE(recurringError.error, plainError.error);
        QCOMPARE(recurringError.offset, plainError.offset);
    }

    // A captured Claude Code turn with its tools array (tens of KB, recalled on a later turn).
    static QByteArray claudeCodeTurn(const QString &name)
    {
        return TestData::read(QStringLiteral("claude-code/%1").arg(name));
    }

private Q_SLOTS:
    void readsCapturedClaudeCodeTurnsInSequenceAsQtDoes()
    {
        RecurringJsonParser parser;
        for (const QString &name : {QStringLiteral("request-print-turn1.json"), QStringLiteral("request-print-turn2.json"),
                                    QStringLiteral("request-interactive.json"), QStringLiteral("request-print-turn1.json")}) {
            requireSameAsQt(parser, claudeCodeTurn(name));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(name));
        }
    }

    void aRecalledMemberNeverStandsInForOneThatDiffers()
    {
        RecurringJsonParser parser;
        const QJsonObject turn = TestData::parseJson(claudeCodeTurn(QStringLiteral("request-print-turn1.json"))).object();
        parser.parse(QJsonDocument(turn).toJson(QJsonDocument::Compact), nullptr);

        // The same tools with one description changed by one character.
        const QJsonObject changed = TestData::withFirstToolChanged(turn);
        requireSameAsQt(parser, QJsonDocument(changed).toJson(QJsonDocument::Compact));
        QCOMPARE(parser.parse(QJsonDocument(changed).toJson(QJsonDocument::Compact), nullptr).object().value(QLatin1StringView("tools")),
                 changed.value(QLatin1StringView("tools")));
    }

    void readsAsQtDoesWhileForgettingTheLeastRecentlyUsed()
    {
        RecurringJsonParser parser;
        // 8 KB members, each its own: far more than the parser keeps, recalled at random.
        const auto body = [](int n) {
            return QByteArray("{\"n\":" + QByteArray::number(n) + ",\"tools\":[\"" + QByteArray(8192, char('a' + n % 26)) + QByteArray::number(n) + "\"]}");
        };
        for (int i = 0; i < 600; ++i) {
            const int n = i < 300 ? i : int((i * 7919L) % 300);
            requireSameAsQt(parser, body(n));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("body %1").arg(n)));
        }
    }

    void aRecalledMemberStillHasItsNameRead_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("a raw control character") << QByteArray("to\tols");
        QTest::newRow("invalid UTF-8") << QByteArray("to\xffls");
        QTest::newRow("a truncated UTF-8 sequence") << QByteArray("tools\xe2\x82");
        QTest::newRow("an escape") << QByteArray("to\\u006fls");
    }

    // A member's value is recalled by its bytes, but its name is read anew: a name Qt refuses
    // must fail the body even when the value after it was read before.
    void aRecalledMemberStillHasItsNameRead()
    {
        QFETCH(QByteArray, name);
        RecurringJsonParser parser;
        const QByteArray value = "[\"" + QByteArray(8192, 'a') + "\"]";
        requireSameAsQt(parser, "{\"tools\":" + value + "}");
        requireSameAsQt(parser, "{\"" + name + "\":" + value + "}");
    }

    void readsMalformedAndUnusualBodiesAsQtDoes_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray tools = claudeCodeTurn(QStringLiteral("request-print-turn1.json"));
        const QByteArray bigArray = QJsonDocument(TestData::parseJson(tools).object().value(QLatin1StringView("tools")).toArray())
                                        .toJson(QJsonDocument::Compact);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("empty object") << QByteArray(" { } ");
        QTest::newRow("an array") << QByteArray("[1,2]");
        QTest::newRow("cut short") << tools.first(tools.size() / 2);
        QTest::newRow("trailing garbage") << QByteArray(tools + "x");
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
        QTest::newRow("missing value") << QByteArray("{\"a\":}");
        QTest::newRow("bad literal") << QByteArray("{\"a\":tru}");
        QTest::newRow("repeated member") << QByteArray("{\"tools\":" + bigArray + ",\"tools\":[]}");
        QTest::newRow("escaped member name") << QByteArray("{\"to\\u006fls\":" + bigArray + "}");
        QTest::newRow("mismatched brackets in a large member")
            << QByteArray("{\"tools\":" + bigArray.chopped(1) + "}}");
        QTest::newRow("large member then a broken small one") << QByteArray("{\"tools\":" + bigArray + ",\"model\":\"x}");
        QTest::newRow("whitespace everywhere") << QByteArray("\n{ \"tools\" :\t" + bigArray + " ,\r\n \"model\" : \"m\" , \"n\" : -1.5e3 }\n");
    }

    void readsMalformedAndUnusualBodiesAsQtDoes()
    {
        QFETCH(QByteArray, body);
        RecurringJsonParser parser;
        // Twice: once as new, once with its large members recalled.
        requireSameAsQt(parser, body);
        requireSameAsQt(parser, body);
    }
};

QTEST_GUILESS_MAIN(TestRecurringJsonParser)
#include "tst_recurringjsonparser.moc"
