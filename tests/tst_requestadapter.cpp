#include "protocol/anthropic/requestadapter.h"
#include "protocol/anthropic/toolschemasanitizer.h"
#include "testdata.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {
using TestData::compact;
const auto parse = TestData::parseJson;

QJsonObject captured(const QString &fileName)
{
    return TestData::readJsonObject(QStringLiteral("claude-code/") + fileName);
}

QJsonObject withoutBillingBlock(QJsonObject request)
{
    QJsonArray system = request.value(QLatin1StringView("system")).toArray();
    system.removeFirst();
    request.insert(QStringLiteral("system"), system);
    return request;
}

QStringList toolNames(const QJsonObject &request)
{
    QStringList names;
    const QJsonArray tools = request.value(QLatin1StringView("tools")).toArray();
    for (const QJsonValue &tool : tools)
        names.append(tool.toObject().value(QLatin1StringView("name")).toString());
    return names;
}

QJsonObject toolNamed(const QJsonObject &request, const QString &name)
{
    const QJsonArray tools = request.value(QLatin1StringView("tools")).toArray();
    for (const QJsonValue &tool : tools) {
        if (tool.toObject().value(QLatin1StringView("name")).toString() == name)
            return tool.toObject();
    }
    return {};
}

QJsonObject withField(QJsonObject request, const QString &key, const QJsonValue &value)
{
    request.insert(key, value);
    return request;
}

// A small request with MCP tools whose names no provider accepts, and a turn that used them.
QJsonObject mcpRequest()
{
    return parse(R"({"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,
        "tools":[
          {"name":"mcp__my.server__do/thing","description":"d","input_schema":{"type":"object",
            "properties":{"path":{"type":"string"}}}},
          {"name":"mcp__a_very_long_server_name_for_testing__and_a_long_tool_name_tail","description":"e",
            "input_schema":{"type":"object","properties":{}}},
          {"name":"Read","description":"r","input_schema":{"type":"object","properties":{}}}],
        "tool_choice":{"type":"tool","name":"mcp__my.server__do/thing"},
        "messages":[
          {"role":"user","content":"go"},
          {"role":"assistant","content":[{"type":"text","text":"calling mcp__my.server__do/thing"},
            {"type":"tool_use","id":"toolu_1","name":"mcp__my.server__do/thing","input":{"path":"x"}},
            {"type":"tool_use","id":"toolu_2","name":"mcp__a_very_long_server_name_for_testing__and_a_long_tool_name_tail","input":{}},
            {"type":"tool_use","id":"toolu_3","name":"Read","input":{}}]},
          {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"ok",
            "cache_control":{"type":"ephemeral"}}]}]})")
        .object();
}

QJsonObject serverToolsRequest()
{
    return parse(R"({"model":"claude-sonnet-4-5","max_tokens":1024,
        "tools":[
          {"type":"web_search_20250305","name":"web_search","max_uses":5},
          {"type":"web_fetch_20250910","name":"web_fetch"},
          {"type":"code_execution_20250825","name":"code_execution"},
          {"type":"custom","name":"Bash","input_schema":{"type":"object","properties":{}}},
          {"name":"Read","input_schema":{"type":"object","properties":{}}}],
        "messages":[{"role":"user","content":"search"}]})")
        .object();
}
}

class TestRequestAdapter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRulesChangeOnlyTheBillingBlock_data();
    void defaultRulesChangeOnlyTheBillingBlock();
    void billingBlockKeptWhenNotStripped();
    void billingHeaderInSystemString_data();
    void billingHeaderInSystemString();
    void schemasSanitized();
    void renamingIsConsistent();
    void renamingFollowsTheLimit();
    void serverToolsDropped();
    void webSearchKeptWhenMapped();
    void toolChoiceOfDroppedTool();
    void noToolsLeft();
};

void TestRequestAdapter::defaultRulesChangeOnlyTheBillingBlock_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("print turn 1") << QStringLiteral("request-print-turn1.json");
    QTest::newRow("print turn 2") << QStringLiteral("request-print-turn2.json");
    QTest::newRow("interactive") << QStringLiteral("request-interactive.json");
}

void TestRequestAdapter::defaultRulesChangeOnlyTheBillingBlock()
{
    QFETCH(QString, fileName);
    const QJsonObject request = captured(fileName);
    const QJsonArray system = request.value(QLatin1StringView("system")).toArray();
    QCOMPARE(system.size(), 3);
    QVERIFY(system.at(0).toObject().value(QLatin1StringView("text")).toString().startsWith(
        QLatin1StringView("x-anthropic-billing-header: cc_version=")));

    const RequestAdapter::Result result = RequestAdapter::adapt(request, ProviderRules());
    const QJsonArray adaptedSystem = result.request.value(QLatin1StringView("system")).toArray();
    QCOMPARE(adaptedSystem.size(), 2);
    // The other two blocks, cache_control included, are untouched.
    QCOMPARE(adaptedSystem.at(0), system.at(1));
    QCOMPARE(adaptedSystem.at(1), system.at(2));
    QCOMPARE(result.request, withoutBillingBlock(request));
    QVERIFY(result.toolNames.isIdentity());
    QVERIFY2(result.notes.isEmpty(), qPrintable(result.notes.join(u'\n')));
}

void TestRequestAdapter::billingBlockKeptWhenNotStripped()
{
    ProviderRules rules;
    rules.stripBillingHeader = false;
    const QJsonObject request = captured(QStringLiteral("request-print-turn2.json"));
    const RequestAdapter::Result result = RequestAdapter::adapt(request, rules);
    QCOMPARE(result.request, request);
    QVERIFY(result.notes.isEmpty());
}

void TestRequestAdapter::billingHeaderInSystemString_data()
{
    QTest::addColumn<QJsonValue>("system");
    QTest::addColumn<QJsonValue>("expected"); // undefined: no system left

    const QString header = QStringLiteral("x-anthropic-billing-header: cc_version=2.1.330.c93; cc_entrypoint=cli;");
    QTest::newRow("leading line") << QJsonValue(header + QStringLiteral("\nYou are Claude Code.\nBe brief."))
                                  << QJsonValue(QStringLiteral("You are Claude Code.\nBe brief."));
    QTest::newRow("header only") << QJsonValue(header) << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("no header") << QJsonValue(QStringLiteral("You are Claude Code.\n") + header)
                               << QJsonValue(QStringLiteral("You are Claude Code.\n") + header);
    QTest::newRow("only block") << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                                     {QStringLiteral("text"), header}}})
                                << QJsonValue(QJsonValue::Undefined);
    const QJsonObject otherBlock{{QStringLiteral("type"), QStringLiteral("text")},
                                 {QStringLiteral("text"), QStringLiteral("Mentions x-anthropic-billing-header: later")}};
    QTest::newRow("block not starting with it") << QJsonValue(QJsonArray{otherBlock}) << QJsonValue(QJsonArray{otherBlock});
}

void TestRequestAdapter::billingHeaderInSystemString()
{
    QFETCH(QJsonValue, system);
    QFETCH(QJsonValue, expected);
    const QJsonObject request = withField(mcpRequest(), QStringLiteral("system"), system);
    const QJsonObject adapted = RequestAdapter::adapt(request, ProviderRules()).request;
    QCOMPARE(adapted.value(QLatin1StringView("system")), expected);
}

void TestRequestAdapter::schemasSanitized()
{
    ProviderRules rules;
    rules.unsupportedSchemaKeywords = ToolSchemaSanitizer::geminiUnsupportedKeywords();
    const QJsonObject request = captured(QStringLiteral("request-print-turn2.json"));
    const RequestAdapter::Result result = RequestAdapter::adapt(request, rules);

    const QJsonArray before = request.value(QLatin1StringView("tools")).toArray();
    const QJsonArray after = result.request.value(QLatin1StringView("tools")).toArray();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QJsonObject tool = before.at(i).toObject();
        const QJsonObject adaptedTool = after.at(i).toObject();
        const QJsonObject schema = adaptedTool.value(QLatin1StringView("input_schema")).toObject();
        QVERIFY(!schema.contains(QLatin1StringView("$schema")));
        QVERIFY(!schema.contains(QLatin1StringView("additionalProperties")));
        QCOMPARE(schema, ToolSchemaSanitizer::sanitize(tool.value(QLatin1StringView("input_schema")).toObject(),
                                                       rules.unsupportedSchemaKeywords));
        // Nothing but the schema changes (description, defer_loading…).
        tool.insert(QStringLiteral("input_schema"), schema);
        QCOMPARE(adaptedTool, tool);
    }
    QJsonObject rest = result.request;
    rest.remove(QLatin1StringView("tools"));
    QJsonObject expectedRest = withoutBillingBlock(request);
    expectedRest.remove(QLatin1StringView("tools"));
    QCOMPARE(rest, expectedRest);
}

void TestRequestAdapter::renamingIsConsistent()
{
    const QJsonObject request = mcpRequest();
    const RequestAdapter::Result result = RequestAdapter::adapt(request, ProviderRules());
    const ToolNameMap &map = result.toolNames;
    QVERIFY(!map.isIdentity());

    const QString shortName = QStringLiteral("mcp__my.server__do/thing");
    const QString longName = QStringLiteral("mcp__a_very_long_server_name_for_testing__and_a_long_tool_name_tail");
    const QString shortUpstream = map.toUpstream(shortName);
    const QString longUpstream = map.toUpstream(longName);
    QCOMPARE(shortUpstream, QStringLiteral("mcp__my_server__do_thing"));
    QVERIFY(longUpstream.size() <= 64);
    QCOMPARE(map.toClient(longUpstream), longName);

    QCOMPARE(toolNames(result.request), (QStringList{shortUpstream, longUpstream, QStringLiteral("Read")}));
    QCOMPARE(result.request.value(QLatin1StringView("tool_choice")).toObject().value(QLatin1StringView("name")).toString(),
             shortUpstream);

    const QJsonArray messages = result.request.value(QLatin1StringView("messages")).toArray();
    const QJsonArray blocks = messages.at(1).toObject().value(QLatin1StringView("content")).toArray();
    QCOMPARE(blocks.at(1).toObject().value(QLatin1StringView("name")).toString(), shortUpstream);
    QCOMPARE(blocks.at(2).toObject().value(QLatin1StringView("name")).toString(), longUpstream);
    QCOMPARE(blocks.at(3).toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("Read"));
    // Text that mentions a name is the model's and stays; so do ids and inputs.
    QCOMPARE(blocks.at(0), request.value(QLatin1StringView("messages")).toArray().at(1).toObject()
                               .value(QLatin1StringView("content")).toArray().at(0));
    QCOMPARE(blocks.at(1).toObject().value(QLatin1StringView("id")).toString(), QStringLiteral("toolu_1"));
    QCOMPARE(compact(blocks.at(1).toObject().value(QLatin1StringView("input"))), QByteArray(R"({"path":"x"})"));
    QCOMPARE(messages.at(0), request.value(QLatin1StringView("messages")).toArray().at(0));
    QCOMPARE(messages.at(2), request.value(QLatin1StringView("messages")).toArray().at(2));

    QCOMPARE(result.notes.size(), 2);
    QVERIFY(result.notes.at(0).contains(shortName) && result.notes.at(0).contains(shortUpstream));
    QVERIFY(result.notes.at(1).contains(longUpstream));

    // What comes back is the client's again.
    QJsonObject reply{{QStringLiteral("type"), QStringLiteral("message")},
                      {QStringLiteral("content"), QJsonArray{blocks.at(1), blocks.at(2)}}};
    const QJsonArray restored = map.restoreInMessage(reply).value(QLatin1StringView("content")).toArray();
    QCOMPARE(restored.at(0).toObject().value(QLatin1StringView("name")).toString(), shortName);
    QCOMPARE(restored.at(1).toObject().value(QLatin1StringView("name")).toString(), longName);

    // The next turn (same tools) gets the same names.
    QCOMPARE(RequestAdapter::adapt(request, ProviderRules()).request, result.request);
}

void TestRequestAdapter::renamingFollowsTheLimit()
{
    ProviderRules rules;
    rules.maxToolNameLength = 16;
    const RequestAdapter::Result result = RequestAdapter::adapt(mcpRequest(), rules);
    const QStringList names = toolNames(result.request);
    for (const QString &name : names)
        QVERIFY2(name.size() <= 16, qPrintable(name));
    QCOMPARE(names.size(), 3);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 3);
}

void TestRequestAdapter::serverToolsDropped()
{
    const RequestAdapter::Result result = RequestAdapter::adapt(serverToolsRequest(), ProviderRules());
    QCOMPARE(toolNames(result.request), (QStringList{QStringLiteral("Bash"), QStringLiteral("Read")}));
    QCOMPARE(result.notes,
             (QStringList{QStringLiteral("dropped server tool web_search (web_search_20250305): the provider has no equivalent"),
                          QStringLiteral("dropped server tool web_fetch (web_fetch_20250910): the provider has no equivalent"),
                          QStringLiteral("dropped server tool code_execution (code_execution_20250825): the provider has no equivalent")}));
    QCOMPARE(result.request.value(QLatin1StringView("messages")), serverToolsRequest().value(QLatin1StringView("messages")));
}

void TestRequestAdapter::webSearchKeptWhenMapped()
{
    for (const auto webSearch : {ProviderRules::WebSearch::OpenRouterPlugin, ProviderRules::WebSearch::GlmTool}) {
        ProviderRules rules;
        rules.webSearch = webSearch;
        const RequestAdapter::Result result = RequestAdapter::adapt(serverToolsRequest(), rules);
        QCOMPARE(toolNames(result.request),
                 (QStringList{QStringLiteral("web_search"), QStringLiteral("Bash"), QStringLiteral("Read")}));
        // Kept as it came, for the format translator to map.
        QCOMPARE(toolNamed(result.request, QStringLiteral("web_search")),
                 toolNamed(serverToolsRequest(), QStringLiteral("web_search")));
        QCOMPARE(result.notes.size(), 2);
        QVERIFY(result.notes.at(0).contains(QLatin1StringView("web_fetch")));
        QVERIFY(result.notes.at(1).contains(QLatin1StringView("code_execution")));
    }
}

void TestRequestAdapter::toolChoiceOfDroppedTool()
{
    const QJsonObject request = withField(serverToolsRequest(), QStringLiteral("tool_choice"),
                                          parse(R"({"type":"tool","name":"web_search"})").object());
    const RequestAdapter::Result dropped = RequestAdapter::adapt(request, ProviderRules());
    QVERIFY(!dropped.request.contains(QLatin1StringView("tool_choice")));
    QVERIFY(dropped.notes.last().contains(QLatin1StringView("tool_choice web_search")));

    ProviderRules rules;
    rules.webSearch = ProviderRules::WebSearch::OpenRouterPlugin;
    const RequestAdapter::Result kept = RequestAdapter::adapt(request, rules);
    QCOMPARE(kept.request.value(QLatin1StringView("tool_choice")), request.value(QLatin1StringView("tool_choice")));

    // A choice of another kind survives the dropping.
    const QJsonObject any = withField(serverToolsRequest(), QStringLiteral("tool_choice"),
                                      parse(R"({"type":"any"})").object());
    QCOMPARE(RequestAdapter::adapt(any, ProviderRules()).request.value(QLatin1StringView("tool_choice")),
             any.value(QLatin1StringView("tool_choice")));
}

void TestRequestAdapter::noToolsLeft()
{
    const QJsonObject request = parse(R"({"model":"m","max_tokens":10,
        "tools":[{"type":"web_search_20250305","name":"web_search"}],
        "tool_choice":{"type":"any"},
        "messages":[{"role":"user","content":"hi"}]})")
                                    .object();
    const RequestAdapter::Result result = RequestAdapter::adapt(request, ProviderRules());
    QVERIFY(!result.request.contains(QLatin1StringView("tools")));
    QVERIFY(!result.request.contains(QLatin1StringView("tool_choice")));
    QCOMPARE(result.notes.size(), 2);

    // A client's own empty list is not ours to remove.
    const QJsonObject empty = withField(request, QStringLiteral("tools"), QJsonArray());
    QCOMPARE(RequestAdapter::adapt(empty, ProviderRules()).request, empty);
}

QTEST_GUILESS_MAIN(TestRequestAdapter)
#include "tst_requestadapter.moc"
