// The Providers page driven through its widgets, against an in-memory key store and a scripted
// upstream on loopback: keys reach the store and no file, model lists and connection tests use
// the key being edited, and a missing keychain leads to the environment variable instead of a
// plain-text fallback. tst_keychainroundtrip drives the same page against the real keychain.
#include "config/inmemorysecretstore.h"
#include "config/settings.h"
#include "http/httpresponder.h"
#include "providerspage.h"
#include "scriptedupstream.h"
#include "proxy/upstreamconnectionpool.h"

#include <QAction>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QQueue>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace {
// Generous, for a machine busy with a build.
constexpr int keychainTimeoutMs = 20000;

// Not shaped like any provider's key, so only redaction of the key itself can hide it.
const QString typedKey = QStringLiteral("pp-Z9y8x7w6v5u4t3s2r1-unshaped");
const QString otherKey = QStringLiteral("pp-Q1w2e3r4t5y6u7i8o9-unshaped");

const QStringList upstreamModels{QStringLiteral("deepseek-chat"), QStringLiteral("deepseek-reasoner"),
                                 QStringLiteral("deepseek-coder")};

// The scripted upstream answers GET …/models itself, from setModels(). This one also records
// the authorization each model-list request carried, and answers it with a scripted reply
// when one is queued, as a provider that refuses the key would.
class ModelListUpstream : public ScriptedUpstream
{
public:
    void enqueueModelListReply(const ScriptedReply &reply) { m_modelListReplies.enqueue(reply); }
    const QList<QByteArray> &modelListAuthorizations() const { return m_authorizations; }

    void handle(HttpResponder *responder) override
    {
        const HttpRequest &request = responder->request();
        if (request.method == "GET" && request.path().endsWith("/models")) {
            m_authorizations << request.header("authorization");
            if (!m_modelListReplies.isEmpty()) {
                const ScriptedReply reply = m_modelListReplies.dequeue();
                responder->send(HttpResponse{reply.status, reply.headers, reply.body});
                return;
            }
        }
        ScriptedUpstream::handle(responder);
    }

private:
    QQueue<ScriptedReply> m_modelListReplies;
    QList<QByteArray> m_authorizations;
};

SecretStore::Result runSecret(SecretStore &store,
                              const std::function<void(QObject *, SecretStore::Callback)> &start)
{
    QObject context;
    std::optional<SecretStore::Result> result;
    QSignalSpy finished(&store, &SecretStore::finished);
    start(&context, [&result](SecretStore::Result r) { result = std::move(r); });
    if ((finished.isEmpty() && !finished.wait(keychainTimeoutMs)) || !result)
        return {false, {}, SecretStore::Error::Other, QStringLiteral("no result within the timeout")};
    return *result;
}

QByteArray describe(const SecretStore::Result &result)
{
    return (result.message + QLatin1Char(' ') + SecretStore::explain(result.error)).toUtf8();
}
} // namespace

class TestProvidersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Everything the page (or Qt on its behalf) might write goes under one temporary
        // directory, which the tests then search for the key.
        QVERIFY(m_home.isValid());
        for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            const QString dir = m_home.filePath(QString::fromLatin1(variable).toLower());
            QVERIFY(QDir().mkpath(dir));
            qputenv(variable, dir.toLocal8Bit());
        }
    }

    void init()
    {
        QFile::remove(settingsFileName());
        m_settings = std::make_unique<Settings>(settingsFileName());
        m_secrets = std::make_unique<InMemorySecretStore>();
        m_upstream = std::make_unique<ModelListUpstream>();
        m_upstream->setModels(upstreamModels);
        m_page = std::make_unique<ProvidersPage>(m_settings.get(), m_secrets.get(), &m_upstreams);
        m_page->resize(900, 640);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_upstream.reset();
        m_settings.reset();
        m_secrets.reset();
    }

    void startsEmpty()
    {
        QCOMPARE(list()->count(), 0);
        QVERIFY(!child<QLabel>("emptyHint")->isHidden());
        QVERIFY(child<QWidget>("providerEditor")->isHidden());
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        QVERIFY(!child<QPushButton>("removeButton")->isEnabled());
    }

    void addPresetKeepsKeyInKeychainOnly()
    {
        addDeepSeek(typedKey);
        QCOMPARE(list()->count(), 1);
        QCOMPARE(itemLine(0, "itemName"), QStringLiteral("deepseek"));
        QCOMPARE(itemLine(0, "itemSubtitle"), QStringLiteral("DeepSeek · openai-chat"));
        QCOMPARE(child<QLineEdit>("apiKeyEdit")->echoMode(), QLineEdit::Password);
        applyAndWait();

        // (a) The keychain holds the key under the provider's name.
        const auto stored = readSecret(QStringLiteral("deepseek"));
        QVERIFY2(stored.ok, describe(stored).constData());
        QCOMPARE(stored.secret, typedKey);

        // The settings name the provider and where its key is, nothing more.
        const QJsonArray providers = m_settings->providers();
        QCOMPARE(providers.size(), 1);
        const QJsonObject provider = providers.at(0).toObject();
        QCOMPARE(provider.value(QLatin1StringView("name")).toString(), QStringLiteral("deepseek"));
        QCOMPARE(provider.value(QLatin1StringView("preset")).toString(), QStringLiteral("deepseek"));
        QCOMPARE(provider.value(QLatin1StringView("baseUrl")).toString(), m_upstream->baseUrl().toString());
        QCOMPARE(provider.value(QLatin1StringView("format")).toString(), QStringLiteral("openai-chat"));
        QCOMPARE(provider.value(QLatin1StringView("keyInKeychain")).toBool(), true);
        QCOMPARE(m_settings->keychainProviders(), QStringList{QStringLiteral("deepseek")});
        const auto config = m_settings->toProxyConfig();
        QVERIFY2(config.errors.isEmpty(), qPrintable(config.errors.join(QLatin1Char(' '))));
        QCOMPARE(config.config.providers.size(), 1);
        QCOMPARE(config.config.providers.at(0).baseUrl, m_upstream->baseUrl());

        // (b) The key is in no file: not the settings, not anything else written meanwhile.
        QVERIFY(QFileInfo::exists(settingsFileName()));
        QVERIFY(fileContents(settingsFileName()).contains(m_upstream->baseUrl().toString().toUtf8()));
        assertNoFileHoldsKey(typedKey);

        // The field is cleared once the key is saved, and says where the key is.
        QVERIFY(child<QLineEdit>("apiKeyEdit")->text().isEmpty());
        QVERIFY(child<QLabel>("keyHint")->text().contains(QStringLiteral("Saved in the OS keychain")));
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("Saved")));
    }

    // A new user adds DeepSeek and saves its key: the preset's routes come with it, so the
    // proxy has everything it needs to start.
    void firstPresetProviderBringsRoutes()
    {
        QVERIFY(m_settings->routes().isEmpty());
        addDeepSeek(typedKey);
        applyAndWait();
        const auto route = [](const char *match, const char *model, const char *when) {
            QJsonObject json{{QStringLiteral("match"), QString::fromLatin1(match)},
                             {QStringLiteral("provider"), QStringLiteral("deepseek")},
                             {QStringLiteral("model"), QString::fromLatin1(model)}};
            if (*when)
                json.insert(QStringLiteral("when"), QString::fromLatin1(when));
            return json;
        };
        QCOMPARE(m_settings->routes(), (QJsonArray{route("*", "deepseek-reasoner", "thinking"),
                                                   route("*haiku*", "deepseek-chat", ""),
                                                   route("*opus*", "deepseek-reasoner", ""),
                                                   route("*", "deepseek-chat", "")}));
        const auto config = m_settings->toProxyConfig();
        QVERIFY2(config.errors.isEmpty(), qPrintable(config.errors.join(QLatin1Char(' '))));
        QVERIFY2(config.config.problems().isEmpty(), qPrintable(config.config.problems().join(QLatin1Char(' '))));
    }

    // Routes the user has are theirs: adding another provider leaves them alone.
    void existingRoutesAreKept()
    {
        const QJsonArray routes{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                            {QStringLiteral("provider"), QStringLiteral("local")},
                                            {QStringLiteral("model"), QStringLiteral("m")}}};
        QVERIFY(m_settings->setRoutes(routes));
        addDeepSeek(typedKey);
        applyAndWait();
        QCOMPARE(m_settings->routes(), routes);
    }

    void showHideKey()
    {
        addDeepSeek(typedKey);
        auto *edit = child<QLineEdit>("apiKeyEdit");
        auto *action = child<QAction>("showKeyAction");
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        action->trigger();
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        action->trigger();
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
    }

    void fetchModelsFillsList()
    {
        addDeepSeek(typedKey);
        applyAndWait();
        auto *models = child<QListWidget>("modelList");
        QVERIFY(models->count() > 0); // the preset's, until fetched

        // (c) With the stored key, read back from the keychain.
        QTest::mouseClick(child<QPushButton>("fetchModelsButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(modelNames(), upstreamModels, keychainTimeoutMs);
        QCOMPARE(m_upstream->modelListAuthorizations().constLast(), "Bearer " + typedKey.toUtf8());
        QVERIFY(child<QLabel>("connectionResult")->text().startsWith(QStringLiteral("✓")));

        // With a key typed but not applied yet: that one is what gets tried.
        m_upstream->setModels({QStringLiteral("only-with-new-key")});
        QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), otherKey);
        QTest::mouseClick(child<QPushButton>("fetchModelsButton"), Qt::LeftButton);
        QTRY_COMPARE(modelNames(), QStringList{QStringLiteral("only-with-new-key")});
        QCOMPARE(m_upstream->modelListAuthorizations().constLast(), "Bearer " + otherKey.toUtf8());
    }

    void testConnection()
    {
        addDeepSeek(typedKey);
        applyAndWait();
        auto *result = child<QLabel>("connectionResult");
        auto *test = child<QPushButton>("testConnectionButton");

        // (d) Success names how many models the provider serves.
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("✓ Connected: 3 model")), keychainTimeoutMs);
        QTRY_VERIFY(test->isEnabled());

        // A refused key shows the status and the provider's words, without the key they echo.
        const QJsonObject refusal{
            {QStringLiteral("error"),
             QJsonObject{{QStringLiteral("message"),
                          QStringLiteral("Incorrect API key provided: %1. You can find your API key at "
                                         "https://platform.deepseek.com.")
                              .arg(typedKey)},
                         {QStringLiteral("type"), QStringLiteral("authentication_error")}}}};
        m_upstream->enqueueModelListReply(ScriptedReply::json(401, QJsonDocument(refusal).toJson()));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("✗")), keychainTimeoutMs);
        QVERIFY2(result->text().contains(QStringLiteral("401")), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("Incorrect API key provided")), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("[redacted]")), qPrintable(result->text()));
        QVERIFY(!result->text().contains(typedKey));
        // A test changes nothing that needs applying.
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
    }

    void unreachableProviderFails()
    {
        addDeepSeek(typedKey);
        setText("baseUrlEdit", QStringLiteral("http://127.0.0.1:1/v1"));
        QTest::mouseClick(child<QPushButton>("testConnectionButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>("connectionResult")->text().startsWith(QStringLiteral("✗")));
    }

    void renameMovesKey()
    {
        addDeepSeek(typedKey);
        applyAndWait();
        setText("nameEdit", QStringLiteral("deepseek-main"));
        QCOMPARE(itemLine(0, "itemName"), QStringLiteral("deepseek-main"));
        applyAndWait();

        const auto moved = readSecret(QStringLiteral("deepseek-main"));
        QVERIFY2(moved.ok, describe(moved).constData());
        QCOMPARE(moved.secret, typedKey);
        QCOMPARE(readSecret(QStringLiteral("deepseek")).error, SecretStore::Error::NotFound);
        QCOMPARE(m_settings->keychainProviders(), QStringList{QStringLiteral("deepseek-main")});
    }

    void removeForgetsKey()
    {
        addDeepSeek(typedKey);
        applyAndWait();
        QTest::mouseClick(child<QPushButton>("removeButton"), Qt::LeftButton);
        QCOMPARE(list()->count(), 0);
        // Nothing happens before Apply.
        QVERIFY(readSecret(QStringLiteral("deepseek")).ok);
        QCOMPARE(m_settings->providers().size(), 1);
        applyAndWait();

        QCOMPARE(m_settings->providers().size(), 0);
        QCOMPARE(readSecret(QStringLiteral("deepseek")).error, SecretStore::Error::NotFound);
    }

    void switchingToEnvironmentVariableForgetsKey()
    {
        addDeepSeek(typedKey);
        applyAndWait();
        QTest::mouseClick(child<QRadioButton>("envRadio"), Qt::LeftButton);
        QVERIFY(child<QRadioButton>("envRadio")->isChecked());
        QCOMPARE(child<QLineEdit>("apiKeyEnvEdit")->text(), QStringLiteral("DEEPSEEK_API_KEY"));
        QVERIFY(!child<QLineEdit>("apiKeyEdit")->isEnabled());
        applyAndWait();

        const QJsonObject provider = m_settings->providers().at(0).toObject();
        QCOMPARE(provider.value(QLatin1StringView("apiKeyEnv")).toString(), QStringLiteral("DEEPSEEK_API_KEY"));
        QVERIFY(!provider.contains(QLatin1StringView("keyInKeychain")));
        QCOMPARE(readSecret(QStringLiteral("deepseek")).error, SecretStore::Error::NotFound);
    }

    void revertDiscardsEdits()
    {
        addDeepSeek(typedKey);
        applyAndWait();
        QSignalSpy changed(m_page.get(), &ProvidersPage::providersChanged);
        setText("nameEdit", QStringLiteral("renamed"));
        QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), otherKey);
        QVERIFY(child<QPushButton>("revertButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>("revertButton"), Qt::LeftButton);

        QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("deepseek"));
        QVERIFY(child<QLineEdit>("apiKeyEdit")->text().isEmpty());
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(readSecret(QStringLiteral("deepseek")).secret, typedKey);
    }

    void duplicateNamesAreRefused()
    {
        addDeepSeek(typedKey);
        child<QAction>("addPreset_deepseek")->trigger();
        QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("deepseek-2"));
        setText("nameEdit", QStringLiteral("deepseek"));
        QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("Two providers")));
        QCOMPARE(m_settings->providers().size(), 0);
        QCOMPARE(readSecret(QStringLiteral("deepseek")).error, SecretStore::Error::NotFound);
    }

    // A session without a keychain, as on a server or in a container: Apply explains why the
    // key cannot be stored, stores nothing, and offers the environment variable.
    void noKeychainOffersEnvironmentVariable()
    {
        m_secrets->setFailure(SecretStore::Error::NoKeychain);
        addDeepSeek(typedKey);
        QSignalSpy changed(m_page.get(), &ProvidersPage::providersChanged);
        QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled()); // while the keychain is asked
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>("keychainWarning")->isHidden(), keychainTimeoutMs);
        QCOMPARE(child<QLabel>("keychainWarning")->text(), SecretStore::explain(SecretStore::Error::NoKeychain));
        QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("Nothing was saved")));
        QVERIFY(!child<QLabel>("statusLabel")->text().contains(typedKey));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_settings->providers().size(), 0);
        QVERIFY(child<QRadioButton>("envRadio")->isChecked());
        QVERIFY(!child<QRadioButton>("keychainRadio")->isEnabled());
        QVERIFY(child<QLineEdit>("apiKeyEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>("apiKeyEnvEdit")->isEnabled());
        QCOMPARE(child<QLineEdit>("apiKeyEnvEdit")->text(), QStringLiteral("DEEPSEEK_API_KEY"));
        QVERIFY(child<QPushButton>("applyButton")->isEnabled());

        applyAndWait();
        const QJsonObject provider = m_settings->providers().at(0).toObject();
        QCOMPARE(provider.value(QLatin1StringView("apiKeyEnv")).toString(), QStringLiteral("DEEPSEEK_API_KEY"));
        QVERIFY(!provider.contains(QLatin1StringView("keyInKeychain")));
        QVERIFY(m_secrets->secrets().isEmpty());
        assertNoFileHoldsKey(typedKey);
    }

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    QListWidget *list() const { return child<QListWidget>("providerList"); }

    // A line of a provider's entry in the list: its name, or the preset and format below it.
    QString itemLine(int row, const char *line) const
    {
        const QWidget *widget = list()->itemWidget(list()->item(row));
        const QLabel *label = widget ? widget->findChild<QLabel *>(QString::fromLatin1(line)) : nullptr;
        return label ? label->text() : QString();
    }

    QStringList modelNames() const
    {
        QStringList names;
        const QListWidget *models = child<QListWidget>("modelList");
        for (int row = 0; row < models->count(); ++row)
            names << models->item(row)->text();
        return names;
    }

    void setText(const char *editName, const QString &text)
    {
        auto *edit = child<QLineEdit>(editName);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QCOMPARE(edit->text(), text);
    }

    // Adds the DeepSeek preset from the Add menu, points it at the scripted upstream and types
    // the key, as a user would.
    void addDeepSeek(const QString &key)
    {
        child<QAction>("addPreset_deepseek")->trigger();
        QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("deepseek"));
        QCOMPARE(child<QLineEdit>("baseUrlEdit")->text(), QStringLiteral("https://api.deepseek.com/v1"));
        setText("baseUrlEdit", m_upstream->baseUrl().toString());
        QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), key);
        QVERIFY(child<QPushButton>("applyButton")->isEnabled());
    }

    void applyAndWait()
    {
        QSignalSpy changed(m_page.get(), &ProvidersPage::providersChanged);
        auto *apply = child<QPushButton>("applyButton");
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, keychainTimeoutMs);
        QVERIFY2(!child<QLabel>("statusLabel")->text().contains(QStringLiteral("keychain")),
                 qPrintable(child<QLabel>("statusLabel")->text()));
    }

    QString settingsFileName() const { return m_home.filePath(QStringLiteral("xdg_config_home/ccbridge/config.json")); }

    static QByteArray fileContents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void assertNoFileHoldsKey(const QString &key)
    {
        const QByteArray utf8 = key.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(key.utf16()), key.size() * 2);
        int files = 0;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QByteArray contents = fileContents(path);
            QVERIFY2(!contents.contains(utf8) && !contents.contains(utf16), qPrintable(path + QStringLiteral(" holds the key")));
            ++files;
        }
        QVERIFY(files > 0);
    }

    SecretStore::Result readSecret(const QString &name)
    {
        return runSecret(*m_secrets, [&](QObject *context, SecretStore::Callback done) {
            m_secrets->read(name, context, std::move(done));
        });
    }

    QTemporaryDir m_home;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    UpstreamConnectionPool m_upstreams;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ModelListUpstream> m_upstream;
    std::unique_ptr<ProvidersPage> m_page;
};

QTEST_MAIN(TestProvidersPage)
#include "tst_providerspage.moc"
