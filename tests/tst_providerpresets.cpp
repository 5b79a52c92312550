#include "config/providerpresets.h"
#include "config/proxyconfig.h"
#include "protocol/anthropic/toolschemasanitizer.h"
#include "testdata.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <algorithm>

namespace {
using Rules = ProviderRules;
const auto object = TestData::singleQuotedObject;

const ProviderPreset &preset(const QString &id)
{
    const ProviderPreset *found = ProviderPresets::find(id);
    if (!found)
        qFatal("no preset %s", qPrintable(id));
    return *found;
}

QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}
}

Q_DECLARE_METATYPE(ProviderRules::ReasoningHistory)
Q_DECLARE_METATYPE(ProviderRules::ThinkingSwitch)
Q_DECLARE_METATYPE(ProviderRules::WebSearch)

class TestProviderPresets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every preset is checked on its own row, so a broken entry is named in the output.
    void everyPresetIsUsable_data()
    {
        QTest::addColumn<QString>("id");
        QVERIFY(!ProviderPresets::all().isEmpty());
        for (const ProviderPreset &entry : ProviderPresets::all())
            QTest::newRow(qPrintable(entry.id.isEmpty() ? QStringLiteral("(no id)") : entry.id)) << entry.id;
    }

    void everyPresetIsUsable()
    {
        QFETCH(QString, id);
        QVERIFY(!id.isEmpty());
        const ProviderPreset &entry = preset(id);
        QCOMPARE(&entry, ProviderPresets::find(id)); // the list's own entry
        QVERIFY(!entry.name.trimmed().isEmpty());

        const QUrl url(entry.baseUrl);
        QVERIFY2(url.isValid() && !url.host().isEmpty(), qPrintable(entry.baseUrl));
        QVERIFY2(url.scheme() == QLatin1StringView("https") || url.scheme() == QLatin1StringView("http"),
                 qPrintable(entry.baseUrl));
        QVERIFY2(!entry.baseUrl.endsWith(QLatin1Char('/')), qPrintable(entry.baseUrl)); // paths are appended
        QVERIFY(entry.maxOutputTokens >= 0);

        // Only servers on this machine go without a key; a named key is an environment variable.
        static const QRegularExpression variable(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
        if (!entry.apiKeyEnv.isEmpty())
            QVERIFY2(variable.match(entry.apiKeyEnv).hasMatch(), qPrintable(entry.apiKeyEnv));
        else
            QVERIFY2(QHostAddress(url.host()).isLoopback(), qPrintable(entry.baseUrl));

        QCOMPARE(QSet<QString>(entry.models.begin(), entry.models.end()).size(), entry.models.size());
        for (const QString &model : entry.models)
            QVERIFY(!model.isEmpty());
        if (!entry.models.isEmpty()) {
            for (const char *tier : {"opus", "sonnet", "haiku"})
                QVERIFY2(entry.defaultModels.contains(QLatin1StringView(tier)), tier);
        }
        for (auto it = entry.defaultModels.begin(); it != entry.defaultModels.end(); ++it) {
            QVERIFY2(QStringList({QStringLiteral("opus"), QStringLiteral("sonnet"), QStringLiteral("haiku"),
                                  QStringLiteral("thinking")})
                         .contains(it.key()),
                     qPrintable(it.key()));
            QVERIFY2(entry.models.contains(it.value()), qPrintable(it.key() + QStringLiteral(" → ") + it.value()));
        }
        for (auto it = entry.modelOutputCaps.begin(); it != entry.modelOutputCaps.end(); ++it) {
            QVERIFY2(entry.models.contains(it.key()), qPrintable(it.key()));
            QVERIFY(it.value() > 0);
        }
        for (const auto &[name, value] : entry.headers) {
            QVERIFY(!name.isEmpty());
            QVERIFY(!value.isEmpty());
        }
    }

    void idsAreUnique()
    {
        QStringList ids;
        for (const ProviderPreset &entry : ProviderPresets::all()) {
            QVERIFY2(!ids.contains(entry.id), qPrintable(entry.id));
            ids << entry.id;
        }
    }

    void find()
    {
        QVERIFY(ProviderPresets::find(QStringLiteral("deepseek")));
        QCOMPARE(ProviderPresets::find(QStringLiteral("deepseek"))->name, QStringLiteral("DeepSeek"));
        QCOMPARE(ProviderPresets::find(QStringLiteral("nope")), nullptr);
        QCOMPARE(ProviderPresets::find(QString()), nullptr);
        QCOMPARE(ProviderPresets::find(QStringLiteral("DeepSeek")), nullptr); // ids are case-sensitive
        // Loaded once: the same list every time.
        QCOMPARE(&ProviderPresets::all(), &ProviderPresets::all());
    }

    void knownPresetsAreShipped_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<UpstreamApi>("format");
        for (const char *id : {"deepseek", "glm", "zai", "kimi", "qwen", "chutes", "openrouter", "groq", "gemini",
                               "ollama", "lmstudio", "vllm"})
            QTest::newRow(id) << QString::fromLatin1(id) << UpstreamApi::OpenAiChat;
        QTest::newRow("openai") << QStringLiteral("openai") << UpstreamApi::OpenAiResponses;
        for (const char *id : {"anthropic", "deepseek-anthropic", "zai-anthropic", "kimi-anthropic"})
            QTest::newRow(id) << QString::fromLatin1(id) << UpstreamApi::Anthropic;
    }

    void knownPresetsAreShipped()
    {
        QFETCH(QString, id);
        QFETCH(UpstreamApi, format);
        QVERIFY(ProviderPresets::find(id));
        QCOMPARE(preset(id).format, format);
    }

    void modelCaps_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("cap"); // 0: the model has no cap of its own
        QTest::addColumn<int>("providerCap");
        QTest::newRow("deepseek-reasoner") << QStringLiteral("deepseek") << QStringLiteral("deepseek-reasoner") << 65536 << 8192;
        QTest::newRow("deepseek-chat") << QStringLiteral("deepseek") << QStringLiteral("deepseek-chat") << 8192 << 8192;
        QTest::newRow("anthropic-format reasoner") << QStringLiteral("deepseek-anthropic") << QStringLiteral("deepseek-reasoner")
                                                   << 65536 << 8192;
        QTest::newRow("anthropic-format chat") << QStringLiteral("deepseek-anthropic") << QStringLiteral("deepseek-chat") << 0
                                               << 8192;
        QTest::newRow("kimi thinking") << QStringLiteral("kimi") << QStringLiteral("kimi-k2-thinking") << 32768 << 16384;
        QTest::newRow("kimi instruct") << QStringLiteral("kimi") << QStringLiteral("kimi-k2-0905-preview") << 0 << 16384;
        QTest::newRow("qwen coder") << QStringLiteral("qwen") << QStringLiteral("qwen3-coder-plus") << 65536 << 32768;
        QTest::newRow("groq gpt-oss") << QStringLiteral("groq") << QStringLiteral("openai/gpt-oss-120b") << 32766 << 8192;
        QTest::newRow("anthropic uncapped") << QStringLiteral("anthropic") << QStringLiteral("claude-opus-4-5") << 0 << 0;
    }

    void modelCaps()
    {
        QFETCH(QString, id);
        QFETCH(QString, model);
        QFETCH(int, cap);
        QFETCH(int, providerCap);
        const ProviderPreset &entry = preset(id);
        QVERIFY(entry.models.contains(model));
        QCOMPARE(entry.maxOutputTokens, providerCap);
        QCOMPARE(entry.modelOutputCaps.contains(model), cap > 0);
        if (cap > 0)
            QCOMPARE(entry.modelOutputCaps.value(model), cap);

        // As a provider built from the preset sees it.
        ProviderConfig provider;
        provider.maxOutputTokens = entry.maxOutputTokens;
        provider.modelOutputCaps = entry.modelOutputCaps;
        QCOMPARE(provider.outputCapFor(model), cap > 0 ? cap : providerCap);
        QCOMPARE(provider.outputCapFor(QStringLiteral("some-other-model")), providerCap);
    }

    void defaultModels()
    {
        const ProviderPreset &deepseek = preset(QStringLiteral("deepseek"));
        QCOMPARE(deepseek.defaultModels.value(QStringLiteral("opus")), QStringLiteral("deepseek-reasoner"));
        QCOMPARE(deepseek.defaultModels.value(QStringLiteral("sonnet")), QStringLiteral("deepseek-chat"));
        QCOMPARE(deepseek.defaultModels.value(QStringLiteral("haiku")), QStringLiteral("deepseek-chat"));
        QCOMPARE(deepseek.defaultModels.value(QStringLiteral("thinking")), QStringLiteral("deepseek-reasoner"));
        QCOMPARE(deepseek.models, QStringList({QStringLiteral("deepseek-chat"), QStringLiteral("deepseek-reasoner")}));
        // A generic server has no models to suggest.
        QVERIFY(preset(QStringLiteral("vllm")).models.isEmpty());
        QVERIFY(preset(QStringLiteral("vllm")).defaultModels.isEmpty());
    }

    void rules_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<Rules::ReasoningHistory>("reasoningHistory");
        QTest::addColumn<Rules::ThinkingSwitch>("thinkingSwitch");
        QTest::addColumn<Rules::WebSearch>("webSearch");
        QTest::addColumn<bool>("textToolCalls");
        QTest::addColumn<bool>("fileParts");
        using RH = Rules::ReasoningHistory;
        using TS = Rules::ThinkingSwitch;
        using WS = Rules::WebSearch;
        QTest::newRow("deepseek") << QStringLiteral("deepseek") << RH::ReasoningContent << TS::None << WS::Drop << false << false;
        QTest::newRow("glm") << QStringLiteral("glm") << RH::Drop << TS::ThinkingType << WS::GlmTool << false << false;
        QTest::newRow("zai") << QStringLiteral("zai") << RH::Drop << TS::ThinkingType << WS::GlmTool << false << false;
        QTest::newRow("qwen") << QStringLiteral("qwen") << RH::Drop << TS::EnableThinking << WS::Drop << false << false;
        QTest::newRow("openrouter") << QStringLiteral("openrouter") << RH::Drop << TS::OpenRouterReasoning
                                    << WS::OpenRouterPlugin << false << true;
        QTest::newRow("kimi") << QStringLiteral("kimi") << RH::ReasoningContent << TS::None << WS::Drop << false << false;
        QTest::newRow("gemini") << QStringLiteral("gemini") << RH::Drop << TS::ReasoningEffort << WS::Drop << false << false;
        QTest::newRow("chutes") << QStringLiteral("chutes") << RH::Drop << TS::None << WS::Drop << true << false;
        // No rules at all: plain OpenAI behaviour.
        QTest::newRow("openai") << QStringLiteral("openai") << RH::Drop << TS::None << WS::Drop << false << false;
        QTest::newRow("ollama") << QStringLiteral("ollama") << RH::Drop << TS::None << WS::Drop << false << false;
        QTest::newRow("anthropic") << QStringLiteral("anthropic") << RH::Drop << TS::None << WS::Drop << false << false;
    }

    void rules()
    {
        QFETCH(QString, id);
        QFETCH(Rules::ReasoningHistory, reasoningHistory);
        QFETCH(Rules::ThinkingSwitch, thinkingSwitch);
        QFETCH(Rules::WebSearch, webSearch);
        QFETCH(bool, textToolCalls);
        QFETCH(bool, fileParts);
        const Rules &rules = preset(id).rules;
        QCOMPARE(rules.reasoningHistory, reasoningHistory);
        QCOMPARE(rules.thinkingSwitch, thinkingSwitch);
        QCOMPARE(rules.webSearch, webSearch);
        QCOMPARE(rules.textToolCalls, textToolCalls);
        QCOMPARE(rules.fileParts, fileParts);
        // Keys no preset sets keep their defaults.
        QCOMPARE(rules.stripBillingHeader, Rules().stripBillingHeader);
        QCOMPARE(rules.maxToolNameLength, Rules().maxToolNameLength);
        if (id != QLatin1StringView("gemini"))
            QCOMPARE(rules.unsupportedSchemaKeywords, QStringList());
    }

    void geminiSchemaKeywords()
    {
        const QStringList keywords = preset(QStringLiteral("gemini")).rules.unsupportedSchemaKeywords;
        QVERIFY(!keywords.isEmpty());
        QCOMPARE(keywords, ToolSchemaSanitizer::geminiUnsupportedKeywords());
    }

    void openRouterHeaders()
    {
        const HttpHeaders &headers = preset(QStringLiteral("openrouter")).headers;
        QCOMPARE(headers.size(), 2);
        QCOMPARE(headerValue(headers, QByteArrayLiteral("HTTP-Referer")), QByteArrayLiteral("https://github.com/ccbridge/ccbridge"));
        QCOMPARE(headerValue(headers, QByteArrayLiteral("X-Title")), QByteArrayLiteral("CC Bridge"));
        QVERIFY(preset(QStringLiteral("deepseek")).headers.isEmpty());
    }

    void readRulesReadsEveryKey()
    {
        Rules rules;
        QStringList errors;
        ProviderPresets::readRules(object("{'reasoningHistory': 'reasoning_content', 'thinkingSwitch': 'enable_thinking',"
                                          " 'webSearch': 'glm_tool', 'schemaKeywords': ['format', 'minLength'],"
                                          " 'textToolCalls': true, 'stripBillingHeader': false,"
                                          " 'maxCompletionTokens': true, 'maxToolNameLength': 40, 'fileParts': true}"),
                                   QStringLiteral("here"), rules, errors);
        QCOMPARE(errors, QStringList());
        QCOMPARE(rules.reasoningHistory, Rules::ReasoningHistory::ReasoningContent);
        QCOMPARE(rules.thinkingSwitch, Rules::ThinkingSwitch::EnableThinking);
        QCOMPARE(rules.webSearch, Rules::WebSearch::GlmTool);
        QCOMPARE(rules.unsupportedSchemaKeywords, QStringList({QStringLiteral("format"), QStringLiteral("minLength")}));
        QVERIFY(rules.textToolCalls);
        QVERIFY(!rules.stripBillingHeader);
        QVERIFY(rules.maxCompletionTokens);
        QCOMPARE(rules.maxToolNameLength, 40);
        QVERIFY(rules.fileParts);
    }

    void readRulesEnumValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("expected");
        const auto row = [](const char *key, const char *value, auto expected) {
            QTest::addRow("%s %s", key, value) << QString::fromLatin1(key) << QString::fromLatin1(value) << int(expected);
        };
        row("reasoningHistory", "drop", Rules::ReasoningHistory::Drop);
        row("reasoningHistory", "reasoning_content", Rules::ReasoningHistory::ReasoningContent);
        row("thinkingSwitch", "none", Rules::ThinkingSwitch::None);
        row("thinkingSwitch", "reasoning_effort", Rules::ThinkingSwitch::ReasoningEffort);
        row("thinkingSwitch", "thinking_type", Rules::ThinkingSwitch::ThinkingType);
        row("thinkingSwitch", "enable_thinking", Rules::ThinkingSwitch::EnableThinking);
        row("thinkingSwitch", "openrouter_reasoning", Rules::ThinkingSwitch::OpenRouterReasoning);
        row("webSearch", "drop", Rules::WebSearch::Drop);
        row("webSearch", "openrouter_plugin", Rules::WebSearch::OpenRouterPlugin);
        row("webSearch", "glm_tool", Rules::WebSearch::GlmTool);
    }

    void readRulesEnumValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, expected);
        // Start from values other than the expected one, so a no-op cannot pass.
        Rules rules;
        rules.reasoningHistory = expected == 0 ? Rules::ReasoningHistory::ReasoningContent : Rules::ReasoningHistory::Drop;
        rules.thinkingSwitch = expected == 0 ? Rules::ThinkingSwitch::ThinkingType : Rules::ThinkingSwitch::None;
        rules.webSearch = expected == 0 ? Rules::WebSearch::GlmTool : Rules::WebSearch::Drop;
        QStringList errors;
        ProviderPresets::readRules(QJsonObject{{key, value}}, QStringLiteral("here"), rules, errors);
        QCOMPARE(errors, QStringList());
        if (key == QLatin1StringView("reasoningHistory"))
            QCOMPARE(int(rules.reasoningHistory), expected);
        else if (key == QLatin1StringView("thinkingSwitch"))
            QCOMPARE(int(rules.thinkingSwitch), expected);
        else
            QCOMPARE(int(rules.webSearch), expected);
    }

    void readRulesErrors_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QStringList>("expected");
        const QString where = QStringLiteral("providers[2].rules");
        const auto one = [&where](const char *text) { return QStringList(QString::fromUtf8(text).arg(where)); };

        QTest::newRow("reasoningHistory value") << object("{'reasoningHistory': 'keep'}")
                                                << one("%1.reasoningHistory must be one of drop, reasoning_content.");
        QTest::newRow("reasoningHistory bool") << object("{'reasoningHistory': true}")
                                               << one("%1.reasoningHistory must be one of drop, reasoning_content.");
        QTest::newRow("thinkingSwitch value")
            << object("{'thinkingSwitch': 'on'}")
            << one("%1.thinkingSwitch must be one of none, reasoning_effort, thinking_type, enable_thinking, "
                   "openrouter_reasoning.");
        // Values are case-sensitive, like every key and value in the config.
        QTest::newRow("thinkingSwitch case")
            << object("{'thinkingSwitch': 'Thinking_Type'}")
            << one("%1.thinkingSwitch must be one of none, reasoning_effort, thinking_type, enable_thinking, "
                   "openrouter_reasoning.");
        QTest::newRow("webSearch number") << object("{'webSearch': 5}")
                                          << one("%1.webSearch must be one of drop, openrouter_plugin, glm_tool.");
        QTest::newRow("webSearch empty") << object("{'webSearch': ''}")
                                         << one("%1.webSearch must be one of drop, openrouter_plugin, glm_tool.");
        QTest::newRow("schemaKeywords other name") << object("{'schemaKeywords': 'openai'}")
                                                   << one("%1.schemaKeywords must be \"gemini\" or a list of keywords.");
        QTest::newRow("schemaKeywords number") << object("{'schemaKeywords': 3}")
                                               << one("%1.schemaKeywords must be \"gemini\" or a list of keywords.");
        QTest::newRow("schemaKeywords object") << object("{'schemaKeywords': {'format': true}}")
                                               << one("%1.schemaKeywords must be \"gemini\" or a list of keywords.");
        QTest::newRow("textToolCalls string") << object("{'textToolCalls': 'yes'}")
                                              << one("%1.textToolCalls must be true or false.");
        QTest::newRow("stripBillingHeader number") << object("{'stripBillingHeader': 1}")
                                                   << one("%1.stripBillingHeader must be true or false.");
        QTest::newRow("maxCompletionTokens null") << object("{'maxCompletionTokens': null}")
                                                  << one("%1.maxCompletionTokens must be true or false.");
        QTest::newRow("fileParts string") << object("{'fileParts': 'yes'}") << one("%1.fileParts must be true or false.");
        QTest::newRow("maxToolNameLength 8") << object("{'maxToolNameLength': 8}")
                                             << one("%1.maxToolNameLength must be a whole number above 8.");
        QTest::newRow("maxToolNameLength negative") << object("{'maxToolNameLength': -64}")
                                                    << one("%1.maxToolNameLength must be a whole number above 8.");
        QTest::newRow("maxToolNameLength fraction") << object("{'maxToolNameLength': 40.5}")
                                                    << one("%1.maxToolNameLength must be a whole number above 8.");
        QTest::newRow("maxToolNameLength string") << object("{'maxToolNameLength': '64'}")
                                                  << one("%1.maxToolNameLength must be a whole number above 8.");
        QTest::newRow("unknown rule") << object("{'reasoning': 'drop'}") << one("%1: unknown rule \"reasoning\".");
        QTest::newRow("rule names are case-sensitive") << object("{'WebSearch': 'drop'}")
                                                       << one("%1: unknown rule \"WebSearch\".");
        QTest::newRow("all at once")
            << object("{'reasoningHistory': 'x', 'textToolCalls': 0, 'extra': 1, 'maxToolNameLength': 2}")
            << QStringList({where + QStringLiteral(".reasoningHistory must be one of drop, reasoning_content."),
                            where + QStringLiteral(".textToolCalls must be true or false."),
                            where + QStringLiteral(".maxToolNameLength must be a whole number above 8."),
                            where + QStringLiteral(": unknown rule \"extra\".")});
    }

    void readRulesErrors()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QStringList, expected);
        Rules rules;
        rules.reasoningHistory = Rules::ReasoningHistory::ReasoningContent;
        rules.thinkingSwitch = Rules::ThinkingSwitch::ThinkingType;
        rules.webSearch = Rules::WebSearch::GlmTool;
        rules.unsupportedSchemaKeywords = {QStringLiteral("format")};
        rules.textToolCalls = true;
        rules.maxToolNameLength = 40;
        QStringList errors{QStringLiteral("an earlier error")};
        ProviderPresets::readRules(json, QStringLiteral("providers[2].rules"), rules, errors);
        QCOMPARE(errors, QStringList(QStringLiteral("an earlier error")) + expected); // appended, not replaced

        // A bad value leaves the rule as it was.
        QCOMPARE(rules.reasoningHistory, Rules::ReasoningHistory::ReasoningContent);
        QCOMPARE(rules.thinkingSwitch, Rules::ThinkingSwitch::ThinkingType);
        QCOMPARE(rules.webSearch, Rules::WebSearch::GlmTool);
        QCOMPARE(rules.unsupportedSchemaKeywords, QStringList(QStringLiteral("format")));
        QVERIFY(rules.textToolCalls);
        QVERIFY(rules.stripBillingHeader);
        QVERIFY(!rules.maxCompletionTokens);
        QCOMPARE(rules.maxToolNameLength, 40);
    }

    void readRulesOfNothingChangesNothing()
    {
        Rules rules = preset(QStringLiteral("openrouter")).rules;
        QStringList errors;
        ProviderPresets::readRules(QJsonObject(), QStringLiteral("x"), rules, errors);
        QCOMPARE(errors, QStringList());
        QCOMPARE(rules.thinkingSwitch, Rules::ThinkingSwitch::OpenRouterReasoning);
        QCOMPARE(rules.webSearch, Rules::WebSearch::OpenRouterPlugin);
    }

    void schemaKeywords_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("gemini") << object("{'schemaKeywords': 'gemini'}") << ToolSchemaSanitizer::geminiUnsupportedKeywords();
        // An explicit list is the whole list, not an addition to what was there.
        QTest::newRow("list") << object("{'schemaKeywords': ['$schema', 'format']}")
                              << QStringList({QStringLiteral("$schema"), QStringLiteral("format")});
        QTest::newRow("empty list") << object("{'schemaKeywords': []}") << QStringList();
        QTest::newRow("absent keeps") << QJsonObject() << QStringList({QStringLiteral("pattern")});
    }

    void schemaKeywords()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QStringList, expected);
        Rules rules;
        rules.unsupportedSchemaKeywords = {QStringLiteral("pattern")};
        QStringList errors;
        ProviderPresets::readRules(json, QStringLiteral("rules"), rules, errors);
        QCOMPARE(errors, QStringList());
        QCOMPARE(rules.unsupportedSchemaKeywords, expected);
    }

    // A keyword that is not a string is a mistake like any other, not an empty keyword.
    void schemaKeywordsListOfNonStrings()
    {
        Rules rules;
        QStringList errors;
        ProviderPresets::readRules(object("{'schemaKeywords': ['format', 7, null]}"), QStringLiteral("rules"), rules, errors);
        QVERIFY2(!errors.isEmpty(), qPrintable(rules.unsupportedSchemaKeywords.join(QLatin1Char('|'))));
        QVERIFY2(errors.join(QLatin1Char(' ')).contains(QLatin1StringView("rules.schemaKeywords")),
                 qPrintable(errors.join(QLatin1Char(' '))));
        QVERIFY(!rules.unsupportedSchemaKeywords.contains(QString()));
    }

    void toolNamesRule()
    {
        ProviderRules rules;
        QStringList errors;
        ProviderPresets::readRules(QJsonObject{{QStringLiteral("toolNames"),
                                                QJsonObject{{QStringLiteral("WebFetch"), QStringLiteral("fetch_url")},
                                                            {QStringLiteral("Bad"), 3}}}},
                                   QStringLiteral("p"), rules, errors);
        QCOMPARE(rules.toolNameOverrides.value(QStringLiteral("WebFetch")), QStringLiteral("fetch_url"));
        QCOMPARE(errors, QStringList(QStringLiteral("p.toolNames.Bad must be a tool name.")));
    }
};

QTEST_GUILESS_MAIN(TestProviderPresets)
#include "tst_providerpresets.moc"
