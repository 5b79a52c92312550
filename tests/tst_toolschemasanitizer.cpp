#include "protocol/anthropic/toolschemasanitizer.h"
#include "testdata.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {
using TestData::compact;
const auto parse = TestData::parseJson;

QJsonArray capturedTools()
{
    return TestData::readJsonObject(QStringLiteral("claude-code/request-print-turn1.json"))
        .value(QLatin1StringView("tools"))
        .toArray();
}

// Every key anywhere in the tree except the names listed in `properties`, which are data.
// Stricter than the sanitizer's own notion of schema positions: it also looks into values
// such as `default`, which in Claude Code's tools hold no objects.
void collectKeywords(const QJsonValue &value, QSet<QString> &keywords)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            collectKeywords(element, keywords);
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        keywords.insert(it.key());
        if (it.key() == QLatin1StringView("properties") && it.value().isObject()) {
            const QJsonObject properties = it.value().toObject();
            for (auto property = properties.constBegin(); property != properties.constEnd(); ++property)
                collectKeywords(property.value(), keywords);
        } else {
            collectKeywords(it.value(), keywords);
        }
    }
}

// Paths of all property names, such as "findings.items.file".
void collectPropertyPaths(const QJsonValue &value, const QString &path, QStringList &paths)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            collectPropertyPaths(element, path, paths);
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() == QLatin1StringView("properties") && it.value().isObject()) {
            const QJsonObject properties = it.value().toObject();
            for (auto property = properties.constBegin(); property != properties.constEnd(); ++property) {
                const QString propertyPath = path + u'.' + property.key();
                paths.append(propertyPath);
                collectPropertyPaths(property.value(), propertyPath, paths);
            }
        } else {
            collectPropertyPaths(it.value(), path + u'/' + it.key(), paths);
        }
    }
}

QJsonObject sanitized(const char *schema, const QStringList &keywords)
{
    return ToolSchemaSanitizer::sanitize(parse(schema).object(), keywords);
}
}

class TestToolSchemaSanitizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturedToolsForGemini();
    void capturedToolsForStrictOpenAi();
    void keywordLists();
    void nestedPositions_data();
    void nestedPositions();
    void propertyNamedLikeKeywordStays();
    void dataValuesUntouched();
    void rewrites_data();
    void rewrites();
    void emptyListChangesNothing();
};

void TestToolSchemaSanitizer::capturedToolsForGemini()
{
    const QStringList gemini = ToolSchemaSanitizer::geminiUnsupportedKeywords();
    const QJsonArray tools = capturedTools();
    QVERIFY(tools.size() > 5);
    int withSchemaKeyword = 0;
    for (const QJsonValue &value : tools) {
        const QString name = value.toObject().value(QLatin1StringView("name")).toString();
        const QJsonObject schema = value.toObject().value(QLatin1StringView("input_schema")).toObject();
        if (schema.contains(QLatin1StringView("$schema")))
            ++withSchemaKeyword;
        const QJsonObject result = ToolSchemaSanitizer::sanitize(schema, gemini);

        QSet<QString> keywords;
        collectKeywords(result, keywords);
        for (const QString &keyword : gemini)
            QVERIFY2(!keywords.contains(keyword), qPrintable(name + u' ' + keyword));

        QStringList before;
        QStringList after;
        collectPropertyPaths(schema, name, before);
        collectPropertyPaths(result, name, after);
        QCOMPARE(after, before);
        QCOMPARE(result.value(QLatin1StringView("type")), schema.value(QLatin1StringView("type")));
        QCOMPARE(result.value(QLatin1StringView("required")), schema.value(QLatin1StringView("required")));
    }
    // Every tool but the deferred-loading placeholder declares its dialect.
    QCOMPARE(withSchemaKeyword, tools.size() - 1);

    // Read.limit is a positive integer: `exclusiveMinimum: 0` survives as `minimum: 1`.
    for (const QJsonValue &value : tools) {
        if (value.toObject().value(QLatin1StringView("name")).toString() != QLatin1StringView("Read"))
            continue;
        const QJsonObject schema = value.toObject().value(QLatin1StringView("input_schema")).toObject();
        const QJsonObject limit = ToolSchemaSanitizer::sanitize(schema, gemini)
                                      .value(QLatin1StringView("properties"))
                                      .toObject()
                                      .value(QLatin1StringView("limit"))
                                      .toObject();
        QCOMPARE(limit.value(QLatin1StringView("minimum")).toDouble(), 1.0);
        QCOMPARE(limit.value(QLatin1StringView("type")).toString(), QStringLiteral("integer"));
        QVERIFY(limit.contains(QLatin1StringView("maximum")));
        return;
    }
    QFAIL("no Read tool in the capture");
}

void TestToolSchemaSanitizer::capturedToolsForStrictOpenAi()
{
    const QJsonArray tools = capturedTools();
    for (const QJsonValue &value : tools) {
        QJsonObject schema = value.toObject().value(QLatin1StringView("input_schema")).toObject();
        const QJsonObject result =
            ToolSchemaSanitizer::sanitize(schema, ToolSchemaSanitizer::strictOpenAiUnsupportedKeywords());
        schema.remove(QLatin1StringView("$schema"));
        QCOMPARE(compact(result), compact(schema));
    }
}

void TestToolSchemaSanitizer::keywordLists()
{
    const QStringList gemini = ToolSchemaSanitizer::geminiUnsupportedKeywords();
    // What Gemini answered with "Unknown name … Cannot find field" for Claude Code's tools.
    for (const char *rejected : {"$schema", "additionalProperties", "exclusiveMinimum", "const", "$ref", "$defs"})
        QVERIFY2(gemini.contains(QLatin1StringView(rejected)), rejected);
    // Fields of Gemini's Schema message: removing them would lose meaning for nothing.
    for (const char *accepted : {"type", "description", "properties", "required", "items", "enum", "anyOf",
                                 "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems",
                                 "maxItems", "default", "title", "nullable", "example"})
        QVERIFY2(!gemini.contains(QLatin1StringView(accepted)), accepted);
    QCOMPARE(gemini.size(), QSet<QString>(gemini.cbegin(), gemini.cend()).size());

    QCOMPARE(ToolSchemaSanitizer::strictOpenAiUnsupportedKeywords(), QStringList{QStringLiteral("$schema")});
}

void TestToolSchemaSanitizer::nestedPositions_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("expected");

    // Removed throughout: "format" and "$comment"; additionalProperties stays a keyword whose
    // value is a schema, so its inside is sanitized too.
    QTest::newRow("properties") << QByteArray(R"({"type":"object","$comment":"c","properties":{
        "a":{"type":"string","format":"uri"},"b":{"type":"object","properties":{
        "c":{"type":"string","format":"date","$comment":"x"}}}}})")
                                << QByteArray(R"({"type":"object","properties":{"a":{"type":"string"},
        "b":{"type":"object","properties":{"c":{"type":"string"}}}}})");
    QTest::newRow("items") << QByteArray(R"({"type":"array","items":{"type":"string","format":"email"}})")
                           << QByteArray(R"({"type":"array","items":{"type":"string"}})");
    QTest::newRow("tuple items") << QByteArray(R"({"type":"array","items":[{"format":"a"},{"format":"b","type":"string"}]})")
                                 << QByteArray(R"({"type":"array","items":[{},{"type":"string"}]})");
    QTest::newRow("prefixItems") << QByteArray(R"({"prefixItems":[{"format":"a","type":"string"}],"items":false})")
                                 << QByteArray(R"({"prefixItems":[{"type":"string"}],"items":false})");
    QTest::newRow("anyOf") << QByteArray(R"({"anyOf":[{"type":"string","format":"uri"},{"type":"null"}]})")
                           << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"null"}]})");
    QTest::newRow("oneOf allOf not") << QByteArray(R"({"oneOf":[{"format":"a"}],"allOf":[{"format":"b"}],"not":{"format":"c"}})")
                                     << QByteArray(R"({"oneOf":[{}],"allOf":[{}],"not":{}})");
    QTest::newRow("$defs definitions") << QByteArray(R"({"$defs":{"A":{"type":"string","format":"uri"}},
        "definitions":{"B":{"format":"x","type":"integer"}},"properties":{"a":{"$ref":"#/$defs/A"}}})")
                                       << QByteArray(R"({"$defs":{"A":{"type":"string"}},
        "definitions":{"B":{"type":"integer"}},"properties":{"a":{"$ref":"#/$defs/A"}}})");
    QTest::newRow("additionalProperties object") << QByteArray(R"({"type":"object","additionalProperties":{"type":"string","format":"uri"}})")
                                                 << QByteArray(R"({"type":"object","additionalProperties":{"type":"string"}})");
    QTest::newRow("additionalProperties boolean") << QByteArray(R"({"type":"object","additionalProperties":false})")
                                                  << QByteArray(R"({"type":"object","additionalProperties":false})");
    QTest::newRow("patternProperties") << QByteArray(R"({"patternProperties":{"^x":{"format":"a","type":"string"}}})")
                                       << QByteArray(R"({"patternProperties":{"^x":{"type":"string"}}})");
    QTest::newRow("if then else") << QByteArray(R"({"if":{"format":"a"},"then":{"format":"b","minLength":1},"else":{"format":"c"}})")
                                  << QByteArray(R"({"if":{},"then":{"minLength":1},"else":{}})");
    QTest::newRow("dependencies") << QByteArray(R"({"dependencies":{"a":["b"],"c":{"properties":{"d":{"format":"x"}}}}})")
                                  << QByteArray(R"({"dependencies":{"a":["b"],"c":{"properties":{"d":{}}}}})");
    QTest::newRow("deep") << QByteArray(R"({"properties":{"a":{"items":{"anyOf":[{"properties":{"b":{
        "additionalProperties":{"items":{"format":"x","type":"string"}}}}}]}}}})")
                          << QByteArray(R"({"properties":{"a":{"items":{"anyOf":[{"properties":{"b":{
        "additionalProperties":{"items":{"type":"string"}}}}}]}}}})");
}

void TestToolSchemaSanitizer::nestedPositions()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, expected);
    const QStringList keywords{QStringLiteral("format"), QStringLiteral("$comment")};
    QCOMPARE(compact(ToolSchemaSanitizer::sanitize(parse(schema).object(), keywords)),
             compact(parse(expected).object()));
}

void TestToolSchemaSanitizer::propertyNamedLikeKeywordStays()
{
    const QJsonObject result = sanitized(
        R"({"type":"object","additionalProperties":false,"properties":{
            "format":{"type":"string","format":"uri"},
            "const":{"type":"string","const":"x"},
            "additionalProperties":{"type":"boolean"},
            "$schema":{"type":"string"},
            "patternProperties":{"type":"object","additionalProperties":{"type":"string"}}},
            "required":["format","const"]})",
        ToolSchemaSanitizer::geminiUnsupportedKeywords());
    QCOMPARE(compact(result), compact(parse(R"({"type":"object","properties":{
            "format":{"type":"string"},
            "const":{"type":"string","enum":["x"]},
            "additionalProperties":{"type":"boolean"},
            "$schema":{"type":"string"},
            "patternProperties":{"type":"object"}},
            "required":["format","const"]})")
                                               .object()));
}

void TestToolSchemaSanitizer::dataValuesUntouched()
{
    // `default`, `enum`, `examples` and `example` hold instances, not schemas.
    const char *schema = R"({"type":"object","default":{"$schema":"s","format":"f"},
        "enum":[{"format":"f"}],"example":{"additionalProperties":1},
        "properties":{"a":{"default":{"format":"f"},"format":"f"}}})";
    QCOMPARE(compact(sanitized(schema, {QStringLiteral("format"), QStringLiteral("$schema"),
                                        QStringLiteral("additionalProperties")})),
             compact(parse(R"({"type":"object","default":{"$schema":"s","format":"f"},
        "enum":[{"format":"f"}],"example":{"additionalProperties":1},
        "properties":{"a":{"default":{"format":"f"}}}})")
                         .object()));
}

void TestToolSchemaSanitizer::rewrites_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QStringList>("keywords");
    QTest::addColumn<QByteArray>("expected");

    const QStringList gemini = ToolSchemaSanitizer::geminiUnsupportedKeywords();
    const QStringList constOnly{QStringLiteral("const")};

    QTest::newRow("string const becomes enum") << QByteArray(R"({"type":"string","const":"fork"})") << gemini
                                               << QByteArray(R"({"type":"string","enum":["fork"]})");
    QTest::newRow("const in anyOf") << QByteArray(R"({"anyOf":[{"const":"a"},{"const":"b"}]})") << gemini
                                    << QByteArray(R"({"anyOf":[{"enum":["a"]},{"enum":["b"]}]})");
    QTest::newRow("existing enum wins") << QByteArray(R"({"const":"a","enum":["a","b"]})") << constOnly
                                        << QByteArray(R"({"enum":["a","b"]})");
    // Gemini takes only string enum values: a number would turn one 400 into another.
    QTest::newRow("number const dropped") << QByteArray(R"({"type":"integer","const":3})") << constOnly
                                          << QByteArray(R"({"type":"integer"})");
    QTest::newRow("enum unsupported too") << QByteArray(R"({"const":"a"})")
                                          << QStringList{QStringLiteral("const"), QStringLiteral("enum")}
                                          << QByteArray(R"({})");

    QTest::newRow("oneOf becomes anyOf") << QByteArray(R"({"oneOf":[{"type":"string","format":"uri"},{"type":"integer"}]})")
                                         << gemini
                                         << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"integer"}]})");
    QTest::newRow("oneOf next to anyOf dropped") << QByteArray(R"({"anyOf":[{"type":"string"}],"oneOf":[{"type":"integer"}]})")
                                                 << gemini << QByteArray(R"({"anyOf":[{"type":"string"}]})");
    QTest::newRow("oneOf with anyOf unsupported") << QByteArray(R"({"oneOf":[{"type":"integer"}]})")
                                                  << QStringList{QStringLiteral("oneOf"), QStringLiteral("anyOf")}
                                                  << QByteArray(R"({})");

    QTest::newRow("integer exclusiveMinimum") << QByteArray(R"({"type":"integer","exclusiveMinimum":0})") << gemini
                                              << QByteArray(R"({"type":"integer","minimum":1})");
    QTest::newRow("integer exclusiveMaximum") << QByteArray(R"({"type":"integer","exclusiveMaximum":10})") << gemini
                                              << QByteArray(R"({"type":"integer","maximum":9})");
    QTest::newRow("fractional bound on integer") << QByteArray(R"({"type":"integer","exclusiveMinimum":0.5})") << gemini
                                                 << QByteArray(R"({"type":"integer","minimum":1})");
    QTest::newRow("number bounds") << QByteArray(R"({"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1.5})")
                                   << gemini << QByteArray(R"({"type":"number","minimum":0,"maximum":1.5})");
    QTest::newRow("inclusive bound kept") << QByteArray(R"({"type":"integer","minimum":5,"exclusiveMinimum":0})")
                                          << gemini << QByteArray(R"({"type":"integer","minimum":5})");
    QTest::newRow("draft 4 boolean bound") << QByteArray(R"({"type":"number","minimum":0,"exclusiveMinimum":true})")
                                           << gemini << QByteArray(R"({"type":"number","minimum":0})");
    QTest::newRow("minimum unsupported too") << QByteArray(R"({"type":"integer","exclusiveMinimum":0})")
                                             << QStringList{QStringLiteral("exclusiveMinimum"), QStringLiteral("minimum")}
                                             << QByteArray(R"({"type":"integer"})");
}

void TestToolSchemaSanitizer::rewrites()
{
    QFETCH(QByteArray, schema);
    QFETCH(QStringList, keywords);
    QFETCH(QByteArray, expected);
    QCOMPARE(compact(ToolSchemaSanitizer::sanitize(parse(schema).object(), keywords)),
             compact(parse(expected).object()));
}

void TestToolSchemaSanitizer::emptyListChangesNothing()
{
    const QJsonArray tools = capturedTools();
    for (const QJsonValue &value : tools) {
        const QJsonObject schema = value.toObject().value(QLatin1StringView("input_schema")).toObject();
        QCOMPARE(ToolSchemaSanitizer::sanitize(schema, {}), schema);
    }
    // Keywords a schema does not use change nothing either.
    const QJsonObject schema = parse(R"({"type":"object","properties":{"a":{"type":"string"}}})").object();
    QCOMPARE(ToolSchemaSanitizer::sanitize(schema, {QStringLiteral("format")}), schema);
}

QTEST_GUILESS_MAIN(TestToolSchemaSanitizer)
#include "tst_toolschemasanitizer.moc"
