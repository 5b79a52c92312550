#include "protocol/openai/texttoolcallparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// JSON here is in ordinary string literals: moc 6.4 misreads raw string literals holding
// "//" or \" and then generates nothing for the class.
namespace {
using Segments = QList<TextToolCallParser::Segment>;

// One readable line for segments: text as it is, each call as {{name ARGUMENTS}} with the
// arguments in compact JSON, or RAW:… when they are not a JSON object.
QString render(const Segments &segments)
{
    QString rendered;
    for (const TextToolCallParser::Segment &segment : segments) {
        if (!segment.toolCall) {
            rendered += segment.text;
            continue;
        }
        const QJsonDocument arguments = QJsonDocument::fromJson(segment.toolCall->arguments.toUtf8());
        rendered += QStringLiteral("{{") + segment.toolCall->name + QLatin1Char(' ')
                    + (arguments.isObject()
                           ? QString::fromUtf8(arguments.toJson(QJsonDocument::Compact))
                           : QStringLiteral("RAW:") + segment.toolCall->arguments)
                    + QStringLiteral("}}");
    }
    return rendered;
}

// The input fed in the given pieces, then finish(); every segment returned on the way.
Segments parseInPieces(const QStringList &pieces)
{
    TextToolCallParser parser;
    Segments segments;
    for (const QString &piece : pieces)
        segments += parser.feed(piece);
    return segments + parser.finish();
}

bool isTextOnly(const Segments &segments)
{
    for (const TextToolCallParser::Segment &segment : segments) {
        if (segment.toolCall)
            return false;
    }
    return true;
}

QString textOf(const Segments &segments)
{
    QString text;
    for (const TextToolCallParser::Segment &segment : segments)
        text += segment.text;
    return text;
}
}

class TestTextToolCallParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(render(parseInPieces({input})), expected);
    }

    // Whatever the upstream's chunking, the same text and the same calls.
    void splitAtEveryPosition_data() { formats_data(); }
    void splitAtEveryPosition()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        for (qsizetype i = 0; i <= input.size(); ++i) {
            const QString rendered = render(parseInPieces({input.left(i), input.mid(i)}));
            QVERIFY2(rendered == expected, qPrintable(QStringLiteral("split at %1: %2").arg(i).arg(rendered)));
        }
        QStringList characters;
        for (const QChar character : std::as_const(input))
            characters.append(character);
        QCOMPARE(render(parseInPieces(characters)), expected);
    }

    void splitAtEveryPairOfPositions_data() { formats_data(); }
    void splitAtEveryPairOfPositions()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        for (qsizetype i = 0; i <= input.size(); ++i) {
            for (qsizetype j = i; j <= input.size(); ++j) {
                const QString rendered =
                    render(parseInPieces({input.left(i), input.mid(i, j - i), input.mid(j)}));
                if (rendered != expected)
                    QFAIL(qPrintable(QStringLiteral("split at %1 and %2: %3").arg(i).arg(j).arg(rendered)));
            }
        }
    }

    // What a single delta releases at once: everything but the shortest suffix that could
    // still begin an opening tag.
    void heldSuffix_data()
    {
        QTest::addColumn<QString>("delta");
        QTest::addColumn<QString>("released");

        const auto row = [](const char *name, const char *delta, const char *released) {
            QTest::newRow(name) << QString::fromUtf8(delta) << QString::fromUtf8(released);
        };
        row("plain text", "Hello there", "Hello there");
        row("lone angle bracket", "Hello <", "Hello ");
        row("start of tool_call", "Hello <tool", "Hello ");
        row("tool_call without its >", "x <tool_call", "x ");
        row("whole opening tag", "x <tool_call>{", "x ");
        row("start of function=", "x <function", "x ");
        row("html tag", "Hello <b>", "Hello <b>");
        row("less than", "a < b", "a < b");
        row("tool, not tool_call", "x <tool>", "x <tool>");
        row("tool_call with a space", "x <tool_call attr>", "x <tool_call attr>");
        row("function, not function=", "x <function>", "x <function>");
        row("first < of two", "<<tool", "<");
        row("broken then restarted", "a<tool_cal<", "a<tool_cal");
        row("stray closing tag", "</tool_call> done", "</tool_call> done");
        row("non-ASCII", "Grüße 👋 <tool_c", "Grüße 👋 ");
    }

    void heldSuffix()
    {
        QFETCH(QString, delta);
        QFETCH(QString, released);
        TextToolCallParser parser;
        const Segments now = parser.feed(delta);
        QVERIFY(isTextOnly(now));
        QCOMPARE(textOf(now), released);
        const Segments rest = parser.finish();
        QVERIFY(isTextOnly(rest));
        QCOMPARE(textOf(rest), delta.mid(released.size()));
    }

    // A call is returned as soon as its closing tag arrives, and text after it at once.
    void callCompletesAtItsClosingTag()
    {
        TextToolCallParser parser;
        QCOMPARE(render(parser.feed(QStringLiteral("Sure. <tool_call>{\"name\": \"now\", "))),
                 QStringLiteral("Sure. "));
        QCOMPARE(render(parser.feed(QStringLiteral("\"arguments\": {}}</tool_"))), QString());
        QCOMPARE(render(parser.feed(QStringLiteral("call>"))), QStringLiteral("{{now {}}}"));
        QCOMPARE(render(parser.feed(QStringLiteral(" Done."))), QStringLiteral(" Done."));
        QVERIFY(parser.finish().isEmpty());
    }

    // Calls and text keep the order the model wrote them in.
    void segmentsInOrder()
    {
        const Segments segments = parseInPieces(
            {QStringLiteral("A<tool_call>{\"name\": \"f\"}</tool_call><tool_call>g</tool_call>B")});
        QCOMPARE(segments.size(), 4);
        QCOMPARE(segments[0].text, QStringLiteral("A"));
        QCOMPARE(segments[1].toolCall->name, QStringLiteral("f"));
        QCOMPARE(segments[1].toolCall->arguments, QStringLiteral("{}"));
        QCOMPARE(segments[2].toolCall->name, QStringLiteral("g"));
        QCOMPARE(segments[2].toolCall->arguments, QStringLiteral("{}"));
        QVERIFY(!segments[3].toolCall);
        QCOMPARE(segments[3].text, QStringLiteral("B"));
    }

    // Arguments given as a JSON string are passed on as written, not re-encoded.
    void stringArgumentsVerbatim()
    {
        const Segments segments = parseInPieces(
            {QStringLiteral("<tool_call>{\"name\": \"add\", \"arguments\": \"{\\\"a\\\": 1}\"}</tool_call>")});
        QCOMPARE(segments.size(), 1);
        QCOMPARE(segments[0].toolCall->arguments, QStringLiteral("{\"a\": 1}"));
    }

    void finishStartsAfresh()
    {
        TextToolCallParser parser;
        QCOMPARE(render(parser.feed(QStringLiteral("x <tool_call>{\"name\""))), QStringLiteral("x "));
        QCOMPARE(render(parser.finish()), QStringLiteral("<tool_call>{\"name\""));
        QCOMPARE(render(parser.feed(QStringLiteral("<tool_call>f</tool_call>"))), QStringLiteral("{{f {}}}"));
        QVERIFY(parser.finish().isEmpty());
    }

    // A long call fed in small pieces still completes, and the text before it is not held.
    void longCallInSmallPieces()
    {
        const QString content(20000, QLatin1Char('x'));
        TextToolCallParser parser;
        Segments segments = parser.feed(QStringLiteral("Writing.<tool_call>{\"name\": \"Write\", \"arguments\": {\"content\": \""));
        QCOMPARE(render(segments), QStringLiteral("Writing."));
        for (qsizetype i = 0; i < content.size(); i += 7)
            segments += parser.feed(content.mid(i, 7));
        segments += parser.feed(QStringLiteral("\"}}</tool_call>"));
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments[1].toolCall->name, QStringLiteral("Write"));
        QCOMPARE(QJsonDocument::fromJson(segments[1].toolCall->arguments.toUtf8())
                     .object()
                     .value(QLatin1StringView("content"))
                     .toString(),
                 content);
    }
};

// Each row: an answer as the model wrote it, and render() of what the parser makes of it.
void TestTextToolCallParser::formats_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *input, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(input) << QString::fromUtf8(expected);
    };

    // Hermes / Qwen 2.5 and 3.
    row("hermes, object arguments",
        "Let me check.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"days\": 2}}\n</tool_call>",
        "Let me check.\n{{get_weather {\"city\":\"Paris\",\"days\":2}}}");
    row("hermes, arguments as a JSON string",
        "<tool_call>{\"name\": \"add\", \"arguments\": \"{\\\"a\\\": 1, \\\"b\\\": 2}\"}</tool_call>",
        "{{add {\"a\":1,\"b\":2}}}");
    row("hermes, no arguments",
        "<tool_call>{\"name\": \"now\"}</tool_call>",
        "{{now {}}}");
    row("hermes, parameters instead of arguments",
        "<tool_call>{\"name\": \"add\", \"parameters\": {\"a\": 1}}</tool_call>",
        "{{add {\"a\":1}}}");
    row("hermes, a list of calls in one tag",
        "<tool_call>[{\"name\": \"f\", \"arguments\": {}}, {\"name\": \"g\", \"arguments\": {\"x\": [1, 2]}}]</tool_call>",
        "{{f {}}}{{g {\"x\":[1,2]}}}");
    row("hermes, markup inside a string argument",
        "<tool_call>{\"name\": \"Write\", \"arguments\": {\"content\": \"<b>a < b</b> <tool\"}}</tool_call>",
        "{{Write {\"content\":\"<b>a < b</b> <tool\"}}}");
    row("hermes, broken JSON keeps the name and the raw text",
        "<tool_call>{\"name\": \"f\", \"arguments\": {\"a\": 1}</tool_call>",
        "{{f RAW:{\"name\": \"f\", \"arguments\": {\"a\": 1}}}");

    // GLM-4.5 / 4.6.
    row("glm, string and number arguments",
        "I will read it.<tool_call>Read\n<arg_key>file_path</arg_key>\n<arg_value>/tmp/a.txt</arg_value>\n"
        "<arg_key>limit</arg_key>\n<arg_value>20</arg_value>\n</tool_call>",
        "I will read it.{{Read {\"file_path\":\"/tmp/a.txt\",\"limit\":20}}}");
    row("glm, JSON values taken as JSON",
        "<tool_call>edit\n<arg_key>opts</arg_key>\n<arg_value>{\"all\": true}</arg_value>\n"
        "<arg_key>flag</arg_key>\n<arg_value>false</arg_value>\n"
        "<arg_key>list</arg_key>\n<arg_value>[1, \"two\"]</arg_value>\n"
        "<arg_key>quoted</arg_key>\n<arg_value>\"42\"</arg_value>\n</tool_call>",
        "{{edit {\"flag\":false,\"list\":[1,\"two\"],\"opts\":{\"all\":true},\"quoted\":\"42\"}}}");
    row("glm, text values kept as written",
        "<tool_call>Bash\n<arg_key>command</arg_key>\n<arg_value>test 1 < 2 && echo \"ok\"\n</arg_value>\n</tool_call>",
        "{{Bash {\"command\":\"test 1 < 2 && echo \\\"ok\\\"\\n\"}}}");
    row("glm, no arguments",
        "<tool_call>get_time</tool_call>",
        "{{get_time {}}}");

    // Qwen3-Coder.
    row("qwen3-coder inside tool_call",
        "<tool_call>\n<function=Bash>\n<parameter=command>\nls -la\n</parameter>\n"
        "<parameter=timeout>\n60\n</parameter>\n</function>\n</tool_call>",
        "{{Bash {\"command\":\"ls -la\",\"timeout\":60}}}");
    row("qwen3-coder bare, multi-line value",
        "Writing.\n<function=Write>\n<parameter=file_path>\n/tmp/x\n</parameter>\n"
        "<parameter=content>\nline 1\nline 2\n</parameter>\n</function>",
        "Writing.\n{{Write {\"content\":\"line 1\\nline 2\",\"file_path\":\"/tmp/x\"}}}");
    row("qwen3-coder, missing </parameter>",
        "<function=f><parameter=a>1<parameter=b>x</function>",
        "{{f {\"a\":1,\"b\":\"x\"}}}");

    // Around and between calls.
    row("text before, between and after",
        "First.<tool_call>{\"name\": \"a\"}</tool_call> Then.<tool_call>b\n<arg_key>k</arg_key><arg_value>v</arg_value></tool_call> Last.",
        "First.{{a {}}} Then.{{b {\"k\":\"v\"}}} Last.");
    row("three calls back to back",
        "<tool_call>{\"name\": \"a\"}</tool_call>\n<tool_call>{\"name\": \"b\"}</tool_call>\n<function=c></function>",
        "{{a {}}}\n{{b {}}}\n{{c {}}}");
    row("non-ASCII text",
        "Grüße 👋 <tool_call>{\"name\": \"say\", \"arguments\": {\"text\": \"né 👋\"}}</tool_call> ✓",
        "Grüße 👋 {{say {\"text\":\"né 👋\"}}} ✓");

    // Lookalikes are text.
    row("lookalike tags",
        "Use <tool> or <b>bold</b>, a < b, x<y, <tool_call attr>, <function>, </tool_call> and <<tool.",
        "Use <tool> or <b>bold</b>, a < b, x<y, <tool_call attr>, <function>, </tool_call> and <<tool.");
    row("plain text", "Just an answer.", "Just an answer.");
    row("empty", "", "");

    // Unclosed or unusable markup is shown as written: no call can be made of it.
    row("unclosed tool_call at the end",
        "Calling <tool_call>{\"name\": \"f\", \"arguments\": {\"a\"",
        "Calling <tool_call>{\"name\": \"f\", \"arguments\": {\"a\"");
    row("unclosed function at the end",
        "Calling <function=f><parameter=a>1",
        "Calling <function=f><parameter=a>1");
    row("start of a tag at the end", "The end <tool_ca", "The end <tool_ca");
    row("tool_call holding no call",
        "<tool_call>not a call at all</tool_call> ok",
        "<tool_call>not a call at all</tool_call> ok");
    row("tool_call with a nameless JSON object",
        "<tool_call>{\"arguments\": {}}</tool_call>",
        "<tool_call>{\"arguments\": {}}</tool_call>");
}

QTEST_GUILESS_MAIN(TestTextToolCallParser)
#include "tst_texttoolcallparser.moc"
