// Apply's keychain sequence without the Providers page, against an in-memory key store that
// can be told to fail: keys first, then the settings, then the keys nothing uses any more.
#include "config/inmemorysecretstore.h"
#include "config/keychaincommit.h"
#include "config/providerpresets.h"
#include "config/settings.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString typedKey = QStringLiteral("kc-Z9y8x7w6v5u4t3s2r1-unshaped");

ProviderDraft keychainDraft(const QString &name, const QString &pendingKey)
{
    ProviderDraft draft = ProviderDraft::fromPreset(nullptr, UpstreamApi::OpenAiChat, name, false);
    draft.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
    draft.pendingKey = pendingKey;
    return draft;
}
}

class TestKeychainCommit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("config.json")));
        m_secrets = std::make_unique<InMemorySecretStore>();
        m_commit = std::make_unique<KeychainCommit>(m_secrets.get(), m_settings.get());
    }

    void cleanup()
    {
        m_commit.reset();
        m_secrets.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void writesKeyThenSettings()
    {
        // The settings are not touched until the keychain has answered.
        QSignalSpy changed(m_settings.get(), &Settings::changed);
        m_commit->start({keychainDraft(QStringLiteral("local"), typedKey)}, {});
        QVERIFY(m_commit->isRunning());
        QCOMPARE(changed.count(), 0);
        QVERIFY(m_secrets->secrets().isEmpty()); // answered later, never inside the call
        QVERIFY(commit());

        QCOMPARE(m_secrets->secrets().value(QStringLiteral("local")), typedKey);
        QCOMPARE(m_settings->keychainProviders(), QStringList{QStringLiteral("local")});
        QCOMPARE(m_message, QStringLiteral("Saved."));
        const ProviderDraft stored = m_commit->drafts().constFirst();
        QVERIFY(stored.pendingKey.isEmpty());
        QCOMPARE(stored.storedKeyName, QStringLiteral("local"));
        QVERIFY(!stored.isNew());
    }

    void failedWriteStoresNothing()
    {
        m_secrets->setFailure(SecretStore::Operation::Write, SecretStore::Error::AccessDenied);
        QVERIFY(!commit({keychainDraft(QStringLiteral("local"), typedKey)}));
        QCOMPARE(m_commit->error(), SecretStore::Error::AccessDenied);
        QVERIFY(m_settings->providers().isEmpty());
        QVERIFY(m_secrets->secrets().isEmpty());
        QVERIFY2(m_message.contains(QStringLiteral("Could not store the key \"local\"")), qPrintable(m_message));
        QVERIFY(m_message.contains(SecretStore::explain(SecretStore::Error::AccessDenied)));
        QVERIFY(!m_message.contains(typedKey));
        QVERIFY(m_commit->drafts().constFirst().isNew());
    }

    void noKeychainSuggestsTheEnvironment()
    {
        m_secrets->setFailure(SecretStore::Error::NoKeychain);
        QVERIFY(!commit({keychainDraft(QStringLiteral("local"), typedKey)}));
        QCOMPARE(m_commit->error(), SecretStore::Error::NoKeychain);
        QVERIFY(m_message.contains(QStringLiteral("Nothing was saved")));
        QVERIFY(m_settings->providers().isEmpty());
    }

    void renameMovesTheKey()
    {
        QVERIFY(commit({keychainDraft(QStringLiteral("old"), typedKey)}));
        ProviderDraft renamed = m_commit->drafts().constFirst();
        renamed.name = QStringLiteral("new");
        QVERIFY(commit({renamed}));
        QCOMPARE(m_secrets->secrets(), (QHash<QString, QString>{{QStringLiteral("new"), typedKey}}));
        QCOMPARE(m_settings->keychainProviders(), QStringList{QStringLiteral("new")});
    }

    // Every moved key is read before any is written.
    void swappedNamesKeepTheirKeys()
    {
        QVERIFY(commit({keychainDraft(QStringLiteral("a"), QStringLiteral("key-a")),
                        keychainDraft(QStringLiteral("b"), QStringLiteral("key-b"))}));
        QList<ProviderDraft> drafts = m_commit->drafts();
        drafts[0].name = QStringLiteral("b");
        drafts[1].name = QStringLiteral("a");
        QVERIFY(commit(drafts));
        QCOMPARE(m_secrets->secrets(), (QHash<QString, QString>{{QStringLiteral("a"), QStringLiteral("key-b")},
                                                              {QStringLiteral("b"), QStringLiteral("key-a")}}));
    }

    void movedKeyThatCannotBeReadStoresNothing()
    {
        QVERIFY(commit({keychainDraft(QStringLiteral("old"), typedKey)}));
        const QJsonArray before = m_settings->providers();
        ProviderDraft renamed = m_commit->drafts().constFirst();
        renamed.name = QStringLiteral("new");
        m_secrets->setFailure(SecretStore::Operation::Read, SecretStore::Error::Other);
        QVERIFY(!commit({renamed}));
        QCOMPARE(m_settings->providers(), before);
        QCOMPARE(m_secrets->secrets().keys(), QStringList{QStringLiteral("old")});
    }

    // The key leaves the keychain only once the settings no longer name it.
    void removedProviderKeyIsDeletedAfterTheSettings()
    {
        QVERIFY(commit({keychainDraft(QStringLiteral("gone"), typedKey)}));
        QSignalSpy removed(m_secrets.get(), &SecretStore::finished);
        bool settingsFirst = false;
        connect(m_secrets.get(), &SecretStore::finished, this, [&] { settingsFirst = m_settings->providers().isEmpty(); });
        QVERIFY(commit({}, {QStringLiteral("gone")}));
        QCOMPARE(removed.count(), 1);
        QVERIFY(settingsFirst);
        QVERIFY(m_secrets->secrets().isEmpty());
        QVERIFY(m_warnings.isEmpty());
    }

    void failedRemovalIsAWarning()
    {
        QVERIFY(commit({keychainDraft(QStringLiteral("gone"), typedKey)}));
        m_secrets->setFailure(SecretStore::Operation::Remove, SecretStore::Error::AccessDenied);
        QVERIFY(commit({}, {QStringLiteral("gone")}));
        QVERIFY(m_settings->providers().isEmpty());
        QCOMPARE(m_warnings.size(), 1);
        QVERIFY2(m_warnings.constFirst().contains(QStringLiteral("Could not remove the key \"gone\"")),
                 qPrintable(m_warnings.constFirst()));
        QVERIFY(m_message.startsWith(QStringLiteral("Saved, but:")));
    }

    void switchingToTheEnvironmentForgetsTheKey()
    {
        QVERIFY(commit({keychainDraft(QStringLiteral("local"), typedKey)}));
        ProviderDraft draft = m_commit->drafts().constFirst();
        draft.keyFromEnvironment = true;
        draft.keyEnv = QStringLiteral("LOCAL_KEY");
        QVERIFY(commit({draft}));
        QVERIFY(m_secrets->secrets().isEmpty());
        QVERIFY(m_settings->keychainProviders().isEmpty());
    }

    void newPresetProviderBringsRoutesWhenThereAreNone()
    {
        ProviderDraft draft = ProviderDraft::fromPreset(ProviderPresets::find(QStringLiteral("deepseek")),
                                                        UpstreamApi::OpenAiChat, QStringLiteral("ds"), false);
        draft.pendingKey = typedKey;
        QVERIFY(commit({draft}));
        const QJsonArray routes = m_settings->routes();
        QVERIFY(!routes.isEmpty());
        for (const QJsonValue &route : routes)
            QCOMPARE(route.toObject().value(QLatin1StringView("provider")).toString(), QStringLiteral("ds"));

        // Routes the user has are theirs.
        const QJsonArray mine{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                          {QStringLiteral("provider"), QStringLiteral("ds")},
                                          {QStringLiteral("model"), QStringLiteral("m")}}};
        QVERIFY(m_settings->setRoutes(mine));
        ProviderDraft second = ProviderDraft::fromPreset(ProviderPresets::find(QStringLiteral("deepseek")),
                                                         UpstreamApi::OpenAiChat, QStringLiteral("ds-2"), false);
        second.pendingKey = typedKey;
        QVERIFY(commit({m_commit->drafts().constFirst(), second}));
        QCOMPARE(m_settings->routes(), mine);
    }

private:
    // Runs one commit to its end; true when it succeeded.
    bool commit(const QList<ProviderDraft> &drafts, const QStringList &forgotten = {})
    {
        m_commit->start(drafts, forgotten);
        return commit();
    }

    bool commit()
    {
        QSignalSpy finished(m_commit.get(), &KeychainCommit::finished);
        if (!finished.wait(5000))
            return false;
        m_message = finished.constFirst().at(1).toString();
        m_warnings = finished.constFirst().at(2).toStringList();
        return finished.constFirst().at(0).toBool();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<KeychainCommit> m_commit;
    QString m_message;
    QStringList m_warnings;
};

QTEST_GUILESS_MAIN(TestKeychainCommit)
#include "tst_keychaincommit.moc"
