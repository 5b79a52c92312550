#include "protocol/anthropic/toolnamemap.h"
#include "testdata.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

namespace {
using TestData::compact;
const auto parse = TestData::parseJson;

QJsonArray toolsNamed(const QStringList &names)
{
    QJsonArray tools;
    for (const QString &name : names) {
        tools.append(QJsonObject{{QStringLiteral("name"), name},
                                 {QStringLiteral("input_schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}});
    }
    return tools;
}

QString sha1Prefix(const QString &name)
{
    return QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

bool isValidUpstreamName(const QString &name, int maxLength)
{
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9_-]+$"));
    return valid.match(name).hasMatch() && (maxLength <= 0 || name.size() <= maxLength);
}

const QString longPrefix = QStringLiteral("mcp__a_very_long_server_name_for_testing__and_a_long_tool_name_");
}

class TestToolNameMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void claudeCodeToolsAreIdentity();
    void invalidCharacters();
    void longNames();
    void rewrittenNames_data();
    void rewrittenNames();
    void collisionsAfterRewriting();
    void manyNamesStayUnique();
    void deterministicAcrossInstancesAndOrder();
    void namesOutsideTheMap();
    void serverToolsLeftOut();
    void otherLimits();
    void restoreInEvent();
    void restoreInMessage();
    void overridesComeFirst();
};

void TestToolNameMap::claudeCodeToolsAreIdentity()
{
    const QJsonArray tools = TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json"))
                                 .value(QLatin1StringView("tools"))
                                 .toArray();
    QVERIFY(!tools.isEmpty());
    const ToolNameMap map = ToolNameMap::forTools(tools, 64);
    QVERIFY(map.isIdentity());
    for (const QJsonValue &tool : tools) {
        const QString name = tool.toObject().value(QLatin1StringView("name")).toString();
        QCOMPARE(map.toUpstream(name), name);
        QCOMPARE(map.toClient(name), name);
    }
    QVERIFY(ToolNameMap().isIdentity());
}

void TestToolNameMap::invalidCharacters()
{
    const QString name = QStringLiteral("mcp__my.server__do/thing");
    const ToolNameMap map = ToolNameMap::forTools(toolsNamed({name, QStringLiteral("Read")}), 64);
    QVERIFY(!map.isIdentity());
    QCOMPARE(map.toUpstream(name), QStringLiteral("mcp__my_server__do_thing"));
    QCOMPARE(map.toClient(QStringLiteral("mcp__my_server__do_thing")), name);
    QCOMPARE(map.toUpstream(QStringLiteral("Read")), QStringLiteral("Read"));
}

void TestToolNameMap::longNames()
{
    const QString first = longPrefix + QStringLiteral("first_variant_xyz");
    const QString second = longPrefix + QStringLiteral("second_variant_xyz");
    QVERIFY(first.size() > 64);
    const ToolNameMap map = ToolNameMap::forTools(toolsNamed({first, second}), 64);

    const QString upstreamFirst = map.toUpstream(first);
    const QString upstreamSecond = map.toUpstream(second);
    QCOMPARE(upstreamFirst.size(), 64);
    QCOMPARE(upstreamFirst, first.left(55) + u'_' + sha1Prefix(first));
    QCOMPARE(upstreamSecond, second.left(55) + u'_' + sha1Prefix(second));
    QVERIFY(upstreamFirst != upstreamSecond);
    QCOMPARE(map.toClient(upstreamFirst), first);
    QCOMPARE(map.toClient(upstreamSecond), second);

    // Exactly at the limit is valid and stays.
    const QString sixtyFour = QString(64, u'x');
    QCOMPARE(ToolNameMap::forTools(toolsNamed({sixtyFour}), 64).toUpstream(sixtyFour), sixtyFour);
}

void TestToolNameMap::rewrittenNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("dots and slashes") << QStringLiteral("mcp__my.server__do/thing");
    QTest::newRow("spaces") << QStringLiteral("my tool");
    QTest::newRow("non-ASCII") << QStringLiteral("mcp__caf\u00e9__r\u00e9sum\u00e9");
    QTest::newRow("emoji") << QStringLiteral("tool_\U0001F600");
    QTest::newRow("colon") << QStringLiteral("functions:add");
    QTest::newRow("long and invalid") << longPrefix + QStringLiteral("with.dots/and/slashes/beyond/the/limit");
    QTest::newRow("empty") << QString();
}

void TestToolNameMap::rewrittenNames()
{
    QFETCH(QString, name);
    const ToolNameMap map = ToolNameMap::forTools(toolsNamed({name}), 64);
    const QString upstream = map.toUpstream(name);
    QVERIFY2(isValidUpstreamName(upstream, 64), qPrintable(upstream));
    QVERIFY(upstream != name);
    QVERIFY(!map.isIdentity());
    QCOMPARE(map.toClient(upstream), name);
}

void TestToolNameMap::collisionsAfterRewriting()
{
    // "a.b" and "a/b" would both become "a_b", which is a tool of its own.
    const QStringList names{QStringLiteral("a.b"), QStringLiteral("a/b"), QStringLiteral("a_b"),
                            QStringLiteral("c.d"), QStringLiteral("c d")};
    const ToolNameMap map = ToolNameMap::forTools(toolsNamed(names), 64);
    QCOMPARE(map.toUpstream(QStringLiteral("a_b")), QStringLiteral("a_b"));
    QCOMPARE(map.toUpstream(QStringLiteral("a.b")), QStringLiteral("a_b_") + sha1Prefix(QStringLiteral("a.b")));
    QCOMPARE(map.toUpstream(QStringLiteral("c.d")), QStringLiteral("c_d_") + sha1Prefix(QStringLiteral("c.d")));
    QCOMPARE(map.toUpstream(QStringLiteral("c d")), QStringLiteral("c_d_") + sha1Prefix(QStringLiteral("c d")));

    QSet<QString> upstreamNames;
    for (const QString &name : names) {
        const QString upstream = map.toUpstream(name);
        QVERIFY2(isValidUpstreamName(upstream, 64), qPrintable(upstream));
        upstreamNames.insert(upstream);
        QCOMPARE(map.toClient(upstream), name);
    }
    QCOMPARE(upstreamNames.size(), names.size());

    // A hashed rewrite that is already a tool's name moves on.
    const QString hashedName = QStringLiteral("x_y_") + sha1Prefix(QStringLiteral("x.y"));
    const QStringList clash{QStringLiteral("x.y"), QStringLiteral("x/y"), hashedName};
    const ToolNameMap clashMap = ToolNameMap::forTools(toolsNamed(clash), 64);
    QSet<QString> clashNames;
    for (const QString &name : clash) {
        clashNames.insert(clashMap.toUpstream(name));
        QCOMPARE(clashMap.toClient(clashMap.toUpstream(name)), name);
    }
    QCOMPARE(clashNames.size(), clash.size());
    QCOMPARE(clashMap.toUpstream(hashedName), hashedName);
}

void TestToolNameMap::manyNamesStayUnique()
{
    // 300 names that agree on their first 64 characters and differ only in characters that
    // are all rewritten to '_'.
    QStringList names;
    const QString punctuation = QStringLiteral(".:/ @#$%&*+=!?~");
    for (int i = 0; i < 300; ++i) {
        QString name = longPrefix + QStringLiteral("tail");
        for (int digit = i; digit > 0; digit /= punctuation.size())
            name += punctuation.at(digit % punctuation.size());
        names.append(name);
    }
    for (int maxLength : {64, 20}) {
        const ToolNameMap map = ToolNameMap::forTools(toolsNamed(names), maxLength);
        QSet<QString> upstreamNames;
        for (const QString &name : std::as_const(names)) {
            const QString upstream = map.toUpstream(name);
            QVERIFY2(isValidUpstreamName(upstream, maxLength), qPrintable(upstream));
            upstreamNames.insert(upstream);
            QCOMPARE(map.toClient(upstream), name);
        }
        QCOMPARE(upstreamNames.size(), names.size());
    }
}

void TestToolNameMap::deterministicAcrossInstancesAndOrder()
{
    QStringList names{QStringLiteral("mcp__my.server__do/thing"), QStringLiteral("a.b"), QStringLiteral("a/b"),
                      QStringLiteral("a_b"), longPrefix + QStringLiteral("one"), longPrefix + QStringLiteral("two"),
                      QStringLiteral("Bash")};
    const ToolNameMap first = ToolNameMap::forTools(toolsNamed(names), 64);
    std::reverse(names.begin(), names.end());
    const ToolNameMap reversed = ToolNameMap::forTools(toolsNamed(names), 64);
    std::rotate(names.begin(), names.begin() + 3, names.end());
    const ToolNameMap rotated = ToolNameMap::forTools(toolsNamed(names), 64);
    for (const QString &name : std::as_const(names)) {
        QCOMPARE(reversed.toUpstream(name), first.toUpstream(name));
        QCOMPARE(rotated.toUpstream(name), first.toUpstream(name));
    }
    // A duplicate tool changes nothing either.
    const ToolNameMap duplicated = ToolNameMap::forTools(toolsNamed(names + names), 64);
    for (const QString &name : std::as_const(names))
        QCOMPARE(duplicated.toUpstream(name), first.toUpstream(name));
}

void TestToolNameMap::namesOutsideTheMap()
{
    const ToolNameMap map = ToolNameMap::forTools(toolsNamed({QStringLiteral("a_b"), QStringLiteral("Read")}), 64);
    QVERIFY(map.isIdentity());
    // Unknown upstream names (a hallucinated tool) reach the client as they are.
    QCOMPARE(map.toClient(QStringLiteral("unknown.tool")), QStringLiteral("unknown.tool"));
    QCOMPARE(map.toClient(QStringLiteral("Write")), QStringLiteral("Write"));
    // A tool_use in the history of a tool no longer offered is rewritten the same way, but
    // never onto the name of a tool that is offered.
    QCOMPARE(map.toUpstream(QStringLiteral("Write")), QStringLiteral("Write"));
    QCOMPARE(map.toUpstream(QStringLiteral("x.y")), QStringLiteral("x_y"));
    const QString rewritten = map.toUpstream(QStringLiteral("a.b"));
    QCOMPARE(rewritten, QStringLiteral("a_b_") + sha1Prefix(QStringLiteral("a.b")));
    QCOMPARE(map.toUpstream(QStringLiteral("a.b")), rewritten);
}

void TestToolNameMap::serverToolsLeftOut()
{
    QJsonArray tools = toolsNamed({QStringLiteral("Read")});
    tools.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("web_search_20250305")},
                             {QStringLiteral("name"), QStringLiteral("web.search")}});
    tools.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("custom")},
                             {QStringLiteral("name"), QStringLiteral("custom.tool")}});
    const ToolNameMap map = ToolNameMap::forTools(tools, 64);
    QCOMPARE(map.toUpstream(QStringLiteral("custom.tool")), QStringLiteral("custom_tool"));
    QCOMPARE(map.toClient(QStringLiteral("web.search")), QStringLiteral("web.search"));
    QCOMPARE(map.toClient(QStringLiteral("web_search")), QStringLiteral("web_search"));
}

void TestToolNameMap::otherLimits()
{
    const QString name = longPrefix + QStringLiteral("tool");
    const ToolNameMap short20 = ToolNameMap::forTools(toolsNamed({name, QStringLiteral("Read")}), 20);
    QCOMPARE(short20.toUpstream(name), name.left(11) + u'_' + sha1Prefix(name));
    QCOMPARE(short20.toClient(short20.toUpstream(name)), name);

    // No limit: only characters are rewritten.
    const ToolNameMap unlimited = ToolNameMap::forTools(toolsNamed({name, name + u'.'}), 0);
    QCOMPARE(unlimited.toUpstream(name), name);
    QCOMPARE(unlimited.toUpstream(name + u'.'), name + u'_');

    // A limit that leaves no room for a prefix still gives valid, distinct names.
    const ToolNameMap tiny = ToolNameMap::forTools(toolsNamed({name, name + u'x'}), 9);
    QVERIFY(isValidUpstreamName(tiny.toUpstream(name), 9));
    QVERIFY(tiny.toUpstream(name) != tiny.toUpstream(name + u'x'));
}

void TestToolNameMap::restoreInEvent()
{
    const QString client = QStringLiteral("mcp__my.server__do/thing");
    const ToolNameMap map = ToolNameMap::forTools(toolsNamed({client}), 64);
    const QString upstream = map.toUpstream(client);

    QJsonObject block{{QStringLiteral("type"), QStringLiteral("tool_use")},
                      {QStringLiteral("id"), QStringLiteral("toolu_1")},
                      {QStringLiteral("name"), upstream},
                      {QStringLiteral("input"), QJsonObject()}};
    const QJsonObject event{{QStringLiteral("type"), QStringLiteral("content_block_start")},
                            {QStringLiteral("index"), 1},
                            {QStringLiteral("content_block"), block}};
    QJsonObject expected = event;
    block.insert(QStringLiteral("name"), client);
    expected.insert(QStringLiteral("content_block"), block);
    QCOMPARE(compact(map.restoreInEvent(event)), compact(expected));

    // Other blocks and events stay as they are, even when their text holds the name.
    const QJsonObject textStart = parse(R"({"type":"content_block_start","index":0,
        "content_block":{"type":"text","text":"mcp__my_server__do_thing","name":"mcp__my_server__do_thing"}})")
                                      .object();
    QCOMPARE(map.restoreInEvent(textStart), textStart);
    const QJsonObject delta = parse(R"({"type":"content_block_delta","index":1,
        "delta":{"type":"input_json_delta","partial_json":"{}"}})")
                                  .object();
    QCOMPARE(map.restoreInEvent(delta), delta);
    // Unknown names pass through.
    QJsonObject unknown = event;
    QJsonObject unknownBlock = block;
    unknownBlock.insert(QStringLiteral("name"), QStringLiteral("Hallucinated"));
    unknown.insert(QStringLiteral("content_block"), unknownBlock);
    QCOMPARE(map.restoreInEvent(unknown), unknown);
    // An identity map changes nothing.
    QCOMPARE(ToolNameMap().restoreInEvent(event), event);
}

void TestToolNameMap::restoreInMessage()
{
    const QString client = longPrefix + QStringLiteral("tool");
    const ToolNameMap map = ToolNameMap::forTools(toolsNamed({client, QStringLiteral("Read")}), 64);
    const QString upstream = map.toUpstream(client);

    const QJsonObject message{
        {QStringLiteral("id"), QStringLiteral("msg_1")},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), upstream}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                {QStringLiteral("id"), QStringLiteral("toolu_1")},
                                {QStringLiteral("name"), upstream},
                                {QStringLiteral("input"), QJsonObject{{QStringLiteral("a"), 1}}}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                {QStringLiteral("id"), QStringLiteral("toolu_2")},
                                {QStringLiteral("name"), QStringLiteral("Read")},
                                {QStringLiteral("input"), QJsonObject()}}}},
        {QStringLiteral("stop_reason"), QStringLiteral("tool_use")}};

    const QJsonObject restored = map.restoreInMessage(message);
    const QJsonArray blocks = restored.value(QLatin1StringView("content")).toArray();
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(0), message.value(QLatin1StringView("content")).toArray().at(0));
    QCOMPARE(blocks.at(1).toObject().value(QLatin1StringView("name")).toString(), client);
    QCOMPARE(blocks.at(1).toObject().value(QLatin1StringView("input")).toObject().value(QLatin1StringView("a")).toInt(), 1);
    QCOMPARE(blocks.at(1).toObject().value(QLatin1StringView("id")).toString(), QStringLiteral("toolu_1"));
    QCOMPARE(blocks.at(2).toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("Read"));
    QJsonObject rest = restored;
    rest.remove(QLatin1StringView("content"));
    QJsonObject originalRest = message;
    originalRest.remove(QLatin1StringView("content"));
    QCOMPARE(rest, originalRest);

    QCOMPARE(ToolNameMap().restoreInMessage(message), message);
    const QJsonObject noContent{{QStringLiteral("type"), QStringLiteral("message")}};
    QCOMPARE(map.restoreInMessage(noContent), noContent);
}

void TestToolNameMap::overridesComeFirst()
{
    const QJsonArray tools{QJsonObject{{QStringLiteral("name"), QStringLiteral("WebFetch")}},
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("fetch")}},
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Read")}}};
    // WebFetch is renamed to "fetch", so the client's own "fetch" must move aside.
    const ToolNameMap map = ToolNameMap::forTools(tools, 64, {{QStringLiteral("WebFetch"), QStringLiteral("fetch")}});
    QCOMPARE(map.toUpstream(QStringLiteral("WebFetch")), QStringLiteral("fetch"));
    QVERIFY(map.toUpstream(QStringLiteral("fetch")) != QStringLiteral("fetch"));
    QCOMPARE(map.toClient(map.toUpstream(QStringLiteral("fetch"))), QStringLiteral("fetch"));
    QCOMPARE(map.toClient(QStringLiteral("fetch")), QStringLiteral("WebFetch"));
    QCOMPARE(map.toUpstream(QStringLiteral("Read")), QStringLiteral("Read"));
    QVERIFY(!map.isIdentity());
}

QTEST_GUILESS_MAIN(TestToolNameMap)
#include "tst_toolnamemap.moc"
