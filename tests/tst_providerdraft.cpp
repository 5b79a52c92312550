// One provider as edited on the Providers page, without the page: read from the settings'
// JSON with the preset's defaults, written back with only what the user changed, and checked
// before anything is stored.
#include "config/providerdraft.h"
#include "config/providerpresets.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
QJsonObject deepseekJson()
{
    return QJsonObject{{QStringLiteral("preset"), QStringLiteral("deepseek")}};
}

ProviderDraft valid(const QString &name)
{
    ProviderDraft draft = ProviderDraft::fromPreset(nullptr, UpstreamApi::OpenAiChat, name, false);
    draft.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
    return draft;
}
}

class TestProviderDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetDefaultsFillWhatTheJsonLeavesOut()
    {
        const ProviderDraft draft = ProviderDraft::fromJson(deepseekJson());
        const ProviderPreset *preset = ProviderPresets::find(QStringLiteral("deepseek"));
        QVERIFY(preset);
        QCOMPARE(draft.name, QStringLiteral("deepseek"));
        QCOMPARE(draft.baseUrl, preset->baseUrl);
        QCOMPARE(draft.format, UpstreamApi::OpenAiChat);
        QCOMPARE(draft.keyEnv, QStringLiteral("DEEPSEEK_API_KEY"));
        QCOMPARE(draft.keySource(), ProviderDraft::KeySource::Environment);
        QCOMPARE(draft.models, preset->models);
        QVERIFY(!draft.isNew());
    }

    void keychainEntryOffersThePresetVariableAsAlternative()
    {
        QJsonObject json = deepseekJson();
        json.insert(QStringLiteral("keyInKeychain"), true);
        json.insert(QStringLiteral("apiKeyEnv"), QString());
        const ProviderDraft draft = ProviderDraft::fromJson(json);
        QCOMPARE(draft.keySource(), ProviderDraft::KeySource::Keychain);
        QCOMPARE(draft.storedKeyName, QStringLiteral("deepseek"));
        QCOMPARE(draft.keyEnv, QStringLiteral("DEEPSEEK_API_KEY"));
    }

    void jsonRoundTripKeepsFieldsTheEditorDoesNotShow()
    {
        QJsonObject json = deepseekJson();
        json.insert(QStringLiteral("maxConcurrent"), 2);
        json.insert(QStringLiteral("format"), QStringLiteral("anthropic"));
        ProviderDraft draft = ProviderDraft::fromJson(json);
        QCOMPARE(draft.format, UpstreamApi::Anthropic);
        draft.name = QStringLiteral("main");
        const QJsonObject written = draft.toJson();
        QCOMPARE(written.value(QLatin1StringView("maxConcurrent")).toInt(), 2);
        QCOMPARE(written.value(QLatin1StringView("name")).toString(), QStringLiteral("main"));
        QCOMPARE(written.value(QLatin1StringView("format")).toString(), QStringLiteral("anthropic"));
        QCOMPARE(written.value(QLatin1StringView("preset")).toString(), QStringLiteral("deepseek"));
    }

    // The key's place in the JSON: a flag for the keychain, the variable otherwise, and an
    // empty variable that overrides the preset's when the keychain holds the key.
    void keySourceInJson()
    {
        ProviderDraft draft = ProviderDraft::fromPreset(ProviderPresets::find(QStringLiteral("deepseek")),
                                                        UpstreamApi::OpenAiChat, QStringLiteral("deepseek"), false);
        QVERIFY(draft.isNew());
        QCOMPARE(draft.keySource(), ProviderDraft::KeySource::None);
        QVERIFY(!draft.toJson().contains(QLatin1StringView("keyInKeychain")));

        draft.pendingKey = QStringLiteral("sk-typed");
        QCOMPARE(draft.keySource(), ProviderDraft::KeySource::Keychain);
        QJsonObject json = draft.toJson();
        QCOMPARE(json.value(QLatin1StringView("keyInKeychain")).toBool(), true);
        QCOMPARE(json.value(QLatin1StringView("apiKeyEnv")).toString(QStringLiteral("absent")), QString());
        QVERIFY(!QJsonDocument(json).toJson().contains("sk-typed"));

        draft.keyFromEnvironment = true;
        QCOMPARE(draft.keySource(), ProviderDraft::KeySource::Environment);
        json = draft.toJson();
        QVERIFY(!json.contains(QLatin1StringView("keyInKeychain")));
        QCOMPARE(json.value(QLatin1StringView("apiKeyEnv")).toString(), QStringLiteral("DEEPSEEK_API_KEY"));
    }

    void markStoredMovesTheTypedKeyToTheKeychain()
    {
        ProviderDraft draft = valid(QStringLiteral("local"));
        draft.pendingKey = QStringLiteral("sk-typed");
        draft.markStored(draft.toJson());
        QVERIFY(!draft.isNew());
        QVERIFY(draft.pendingKey.isEmpty());
        QCOMPARE(draft.storedKeyName, QStringLiteral("local"));
        QCOMPARE(draft.keySource(), ProviderDraft::KeySource::Keychain);

        draft.keyFromEnvironment = true;
        draft.markStored(draft.toJson());
        QVERIFY(draft.storedKeyName.isEmpty());
    }

    void unknownFormatIsKeptAndNamed()
    {
        QJsonObject json{{QStringLiteral("name"), QStringLiteral("future")},
                         {QStringLiteral("baseUrl"), QStringLiteral("https://example.com/v1")},
                         {QStringLiteral("format"), QStringLiteral("openai-completions")}};
        const ProviderDraft draft = ProviderDraft::fromJson(json);
        QCOMPARE(draft.unknownFormat, QStringLiteral("openai-completions"));
        QCOMPARE(draft.toJson().value(QLatin1StringView("format")).toString(), QStringLiteral("openai-completions"));
        int index = -2;
        const QString problem = ProviderDraft::problemIn({draft}, &index);
        QCOMPARE(index, 0);
        QVERIFY2(problem.contains(QStringLiteral("openai-completions")), qPrintable(problem));
    }

    void toConfigIsWhatTheProxyWouldSee()
    {
        ProviderDraft draft = ProviderDraft::fromJson(deepseekJson());
        draft.pendingKey = QStringLiteral("sk-typed");
        const ProviderConfig config = draft.toConfig();
        QCOMPARE(config.name, QStringLiteral("deepseek"));
        QCOMPARE(config.baseUrl, QUrl(draft.baseUrl));
        QVERIFY(config.apiKey.isEmpty());
        QVERIFY(config.apiKeyEnv.isEmpty());
        QVERIFY(!config.keyInKeychain);
    }

    void problems_data()
    {
        QTest::addColumn<QList<ProviderDraft>>("drafts");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("problem");

        QTest::newRow("fine") << QList<ProviderDraft>{valid(QStringLiteral("a")), valid(QStringLiteral("b"))} << -1
                              << QString();
        QTest::newRow("no name") << QList<ProviderDraft>{valid(QStringLiteral("a")), valid(QString())} << 1
                                 << QStringLiteral("Every provider needs a name.");
        QTest::newRow("same name") << QList<ProviderDraft>{valid(QStringLiteral("a")), valid(QStringLiteral("a"))}
                                   << 1
                                   << QStringLiteral("Two providers are named \"a\"; routes and keys need unique names.");
        ProviderDraft noUrl = valid(QStringLiteral("a"));
        noUrl.baseUrl = QStringLiteral("api.example.com");
        QTest::newRow("no scheme") << QList<ProviderDraft>{noUrl} << 0
                                   << QStringLiteral("Provider a: the base URL must be an http(s) address.");
        ProviderDraft badVariable = valid(QStringLiteral("a"));
        badVariable.keyFromEnvironment = true;
        badVariable.keyEnv = QStringLiteral("sk-123");
        QTest::newRow("variable") << QList<ProviderDraft>{badVariable} << 0
                                  << QStringLiteral("Provider a: \"sk-123\" is not an environment variable name.");
    }

    void problems()
    {
        QFETCH(QList<ProviderDraft>, drafts);
        QFETCH(int, index);
        QFETCH(QString, problem);
        int found = -2;
        QCOMPARE(ProviderDraft::problemIn(drafts, &found), problem);
        QCOMPARE(found, index);
    }
};

QTEST_GUILESS_MAIN(TestProviderDraft)
#include "tst_providerdraft.moc"
