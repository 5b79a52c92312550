#include "settingspage.h"

#include "config/autostart.h"
#include "config/settings.h"
#include "testdata.h"

#include <QAccessible>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

template <typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qWarning("No child named %s", qPrintable(name));
    return found;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT

private:
    // A page on a fresh settings file, writing its login entry into a temporary folder.
    struct Fixture
    {
        QTemporaryDir dir;
        std::unique_ptr<Settings> settings;
        std::unique_ptr<SettingsPage> page;

        Fixture()
        {
            settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("config.json")));
            page = std::make_unique<SettingsPage>(settings.get());
            page->setAutostartDir(autostartDir());
            page->setAutostartExecutable(QStringLiteral("/opt/CC Bridge/ccbridge"));
        }
        QString autostartDir() const { return dir.filePath(QStringLiteral("autostart")); }
        template <typename T>
        T *find(const QString &name) const
        {
            return child<T>(*page, name);
        }
    };

private Q_SLOTS:
    void showsWhatSettingsHold()
    {
        Fixture f;
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("port"))->value(), int(f.settings->port()));
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("timeouts.connectMs"))->value() * 1000, f.settings->connectTimeoutMs());
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("app.logRetention"))->value(), f.settings->logRetention());
        QCOMPARE(f.find<QComboBox>(QStringLiteral("listenChoice"))->currentData().toString(),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(f.find<QCheckBox>(QStringLiteral("startProxyAtLaunch"))->isChecked(), f.settings->startProxyAtLaunch());
        QVERIFY(!f.find<QCheckBox>(QStringLiteral("startAtLogin"))->isChecked());
    }

    void portEditsUpdateSettings()
    {
        Fixture f;
        QSignalSpy changed(f.settings.get(), &Settings::changed);
        auto *port = f.find<QSpinBox>(QStringLiteral("port"));
        port->setValue(9001);
        QCOMPARE(f.settings->port(), 9001);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), Settings::keyName(Settings::Key::Listen));

        // Typed digits are written once, when the edit is done, not per keystroke.
        changed.clear();
        port->selectAll();
        QTest::keyClicks(port, QStringLiteral("8080"));
        QCOMPARE(f.settings->port(), 9001);
        QCOMPARE(changed.size(), 0);
        QTest::keyClick(port, Qt::Key_Return);
        QCOMPARE(f.settings->port(), 8080);
        QCOMPARE(changed.size(), 1);
    }

    void portBoundsAreEnforced()
    {
        Fixture f;
        auto *port = f.find<QSpinBox>(QStringLiteral("port"));
        port->setValue(70000);
        QCOMPARE(port->value(), 65535);
        QCOMPARE(f.settings->port(), 65535);
        port->setValue(0);
        QCOMPARE(port->value(), 1);
        QCOMPARE(f.settings->port(), 1);
    }

    // Every number of the configuration's field table has an editor here, bounded as the table
    // says: both ends are stored, and one step beyond is refused with a message, unchanged.
    void everyNumberHasABoundedEditor()
    {
        Fixture f;
        int checked = 0;
        for (const ConfigField &field : ConfigSchema::fields()) {
            if (field.type != ConfigField::Type::Integer || field.key == Settings::Key::Version
                || field.section().endsWith(QLatin1StringView("[]")))
                continue;
            ++checked;
            const QString name = Settings::keyName(field.key);
            auto *box = f.find<QSpinBox>(name);
            QVERIFY2(box, qPrintable(name));
            auto *error = f.find<QLabel>(name + QStringLiteral(".problem"));
            QVERIFY(error);
            const qint64 scale = field.maximum / qMax<qint64>(1, box->maximum() / 10);
            QVERIFY2(scale == 1 || scale == 1000 || scale == 1024, qPrintable(name));

            box->setValue(int(field.maximum / scale));
            QCOMPARE(f.settings->value(field.key).toLongLong(), field.maximum);
            QVERIFY(error->isHidden());

            box->setValue(int(field.maximum / scale) + 1);
            QVERIFY2(!error->isHidden(), qPrintable(name));
            QVERIFY2(error->text().contains(QString::number(field.maximum / scale)), qPrintable(error->text()));
            QCOMPARE(f.settings->value(field.key).toLongLong(), field.maximum);

            if (field.minimum / scale > 0) {
                box->setValue(int(field.minimum / scale) - 1);
                QVERIFY(!error->isHidden());
                QCOMPARE(f.settings->value(field.key).toLongLong(), field.maximum);
            }
            box->setValue(int(field.minimum / scale));
            QCOMPARE(f.settings->value(field.key).toLongLong(), field.minimum);
            QVERIFY(error->isHidden());
            // The tooltip is the table's help text; the label names the field for screen readers.
            QCOMPARE(box->toolTip(), field.helpText());
            QVERIFY2(!QAccessible::queryAccessibleInterface(box)->text(QAccessible::Name).isEmpty(), qPrintable(name));
        }
        QVERIFY(checked >= 15);
    }

    // A setup shared as a file: exported without the app's own preferences, imported whole,
    // and a broken file changes nothing and says why.
    void exportAndImport()
    {
        Fixture from;
        QVERIFY(from.settings->setProviders(TestData::singleQuotedArray(
            "[{'name': 'team', 'baseUrl': 'http://127.0.0.1:9/v1', 'keyInKeychain': true}]")));
        QVERIFY(from.settings->setRoutes(TestData::singleQuotedArray("[{'provider': 'team', 'model': 'm'}]")));
        from.settings->setReadTimeoutMs(120'000);
        from.settings->setLanguage(QStringLiteral("de"));
        const QString shared = from.dir.filePath(QStringLiteral("shared.json"));
        from.page->exportTo(shared);
        QVERIFY(!from.find<QLabel>(QStringLiteral("transferResult"))->isHidden());

        Fixture to;
        to.settings->setLanguage(QStringLiteral("zh_CN"));
        QSignalSpy imported(to.page.get(), &SettingsPage::configurationImported);
        to.page->importFrom(shared);
        QCOMPARE(imported.size(), 1);
        QCOMPARE(to.settings->readTimeoutMs(), 120'000);
        QCOMPARE(to.settings->routes(), from.settings->routes());
        QCOMPARE(to.settings->keychainProviders(), QStringList{QStringLiteral("team")});
        QCOMPARE(to.settings->language(), QStringLiteral("zh_CN")); // the importer's own
        QCOMPARE(to.find<QSpinBox>(QStringLiteral("timeouts.readMs"))->value(), 120);

        const QString broken = from.dir.filePath(QStringLiteral("broken.json"));
        QVERIFY(TestData::writeFile(broken, TestData::doubleQuoted("{'timeouts': {'requestMs': 0}, 'routes': []}")));
        to.page->importFrom(broken);
        QCOMPARE(imported.size(), 1);
        const QString result = to.find<QLabel>(QStringLiteral("transferResult"))->text();
        QVERIFY2(result.contains(QStringLiteral("timeouts.requestMs")), qPrintable(result));
        QCOMPARE(to.settings->routes(), from.settings->routes());
    }

    // A shared file must not point a provider whose key is in the keychain somewhere else: the
    // key would go there with the next request.
    void anImportCannotRedirectAStoredKey()
    {
        Fixture f;
        QVERIFY(f.settings->setProviders(TestData::singleQuotedArray(
            "[{'name': 'team', 'baseUrl': 'https://llm.team.example/v1', 'keyInKeychain': true}]")));
        const QString shared = f.dir.filePath(QStringLiteral("shared.json"));
        QVERIFY(TestData::writeFile(shared, TestData::doubleQuoted(
            "{'providers': [{'name': 'team', 'baseUrl': 'https://collector.example:8443/v1', 'keyInKeychain': true}],"
            " 'routes': [{'provider': 'team', 'model': 'm'}]}")));
        QSignalSpy imported(f.page.get(), &SettingsPage::configurationImported);
        f.page->importFrom(shared);
        QCOMPARE(imported.size(), 0);
        QCOMPARE(f.find<QLabel>(QStringLiteral("transferResult"))->text(),
                 QStringLiteral("Nothing was imported:\nThe provider \"team\" would send the key stored for it to "
                                "https://collector.example:8443 instead of https://llm.team.example. Change its address "
                                "on the Providers page if that is meant."));
        QCOMPARE(f.settings->providers().first().toObject().value(QLatin1StringView("baseUrl")).toString(),
                 QStringLiteral("https://llm.team.example/v1"));

        // Another path on the same server, or a provider whose key comes from elsewhere, is fine.
        QVERIFY(TestData::writeFile(shared, TestData::doubleQuoted(
            "{'providers': [{'name': 'team', 'baseUrl': 'https://llm.team.example/v2', 'keyInKeychain': true},"
            "               {'name': 'other', 'baseUrl': 'https://collector.example/v1', 'apiKeyEnv': 'OTHER_KEY'}],"
            " 'routes': [{'provider': 'team', 'model': 'm'}]}")));
        f.page->importFrom(shared);
        QCOMPARE(imported.size(), 1);
    }

    void timeoutsAreShownInSeconds()
    {
        Fixture f;
        auto *connect = f.find<QSpinBox>(QStringLiteral("timeouts.connectMs"));
        connect->setValue(45);
        QCOMPARE(f.settings->connectTimeoutMs(), 45'000);
        auto *ping = f.find<QSpinBox>(QStringLiteral("timeouts.pingIntervalMs"));
        ping->setValue(20);
        QCOMPARE(f.settings->pingIntervalMs(), 20'000);
    }

    void changesElsewhereAreShown()
    {
        Fixture f;
        f.settings->setPort(7777);
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("port"))->value(), 7777);
        f.settings->setReadTimeoutMs(120'000);
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("timeouts.readMs"))->value(), 120);
        f.settings->setLanguage(QStringLiteral("de"));
        QCOMPARE(f.find<QComboBox>(QStringLiteral("language"))->currentData().toString(), QStringLiteral("de"));
        f.settings->setListenAddress(QStringLiteral("10.1.2.3"));
        QCOMPARE(f.find<QComboBox>(QStringLiteral("listenChoice"))->currentData().toString(), QString());
        QCOMPARE(f.find<QLineEdit>(QStringLiteral("customAddress"))->text(), QStringLiteral("10.1.2.3"));
        // Shown without being written back.
        QCOMPARE(f.settings->listenAddress(), QStringLiteral("10.1.2.3"));
    }

    void regenerateGoesThroughTheSinkOnly()
    {
        Fixture f;
        QStringList sunk;
        f.page->setClientToken(QStringLiteral("old-token-0123456789abcdefghijkl"));
        auto *regenerate = f.find<QPushButton>(QStringLiteral("regenerateToken"));
        QVERIFY(!regenerate->isEnabled()); // nowhere to keep a new token yet
        f.page->setTokenSink([&sunk](const QString &token) { sunk << token; });
        QVERIFY(regenerate->isEnabled());

        QSignalSpy changed(f.settings.get(), &Settings::changed);
        regenerate->click();
        regenerate->click();
        QCOMPARE(sunk.size(), 2);
        const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]{32}$"));
        for (const QString &token : std::as_const(sunk))
            QVERIFY2(urlSafe.match(token).hasMatch(), qPrintable(token));
        QVERIFY(sunk.at(0) != sunk.at(1));
        QCOMPARE(f.page->clientToken(), sunk.at(1));
        QCOMPARE(f.find<QLineEdit>(QStringLiteral("clientToken"))->text(), sunk.at(1));
        QVERIFY(!f.find<QLabel>(QStringLiteral("tokenNote"))->isHidden());

        // Nothing about the token reached the settings file.
        QCOMPARE(changed.size(), 0);
        const QByteArray ini = readFile(f.settings->fileName());
        for (const QString &token : std::as_const(sunk))
            QVERIFY(!ini.contains(token.toUtf8()));
        QVERIFY(!ini.contains("old-token"));
        QVERIFY(!ini.toLower().contains("token"));
    }

    void tokenIsMaskedUntilShown()
    {
        Fixture f;
        const QString token = QStringLiteral("abcdefghijklmnopqrstuvwxyz012345");
        f.page->setClientToken(token);
        auto *field = f.find<QLineEdit>(QStringLiteral("clientToken"));
        QCOMPARE(field->echoMode(), QLineEdit::Password);
        QVERIFY(field->isReadOnly());
        auto *show = f.find<QPushButton>(QStringLiteral("showToken"));
        show->click();
        QCOMPARE(field->echoMode(), QLineEdit::Normal);
        show->click();
        QCOMPARE(field->echoMode(), QLineEdit::Password);

        QApplication::clipboard()->clear();
        f.find<QPushButton>(QStringLiteral("copyToken"))->click();
        QCOMPARE(QApplication::clipboard()->text(), token);
    }

    void loopbackNote()
    {
        Fixture f;
        auto *choice = f.find<QComboBox>(QStringLiteral("listenChoice"));
        auto *note = f.find<QWidget>(QStringLiteral("exposedNote"));
        QVERIFY(note);
        QVERIFY(!note->isVisibleTo(f.page.get()));

        choice->setCurrentIndex(choice->findData(QStringLiteral("0.0.0.0")));
        QCOMPARE(f.settings->listenAddress(), QStringLiteral("0.0.0.0"));
        QVERIFY(note->isVisibleTo(f.page.get()));
        const QList<QLabel *> labels = note->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text() == QStringLiteral("A client token is required when listening beyond this machine.");
        }));

        choice->setCurrentIndex(choice->findData(QStringLiteral("127.0.0.1")));
        QCOMPARE(f.settings->listenAddress(), QStringLiteral("127.0.0.1"));
        QVERIFY(!note->isVisibleTo(f.page.get()));
    }

    void customAddress()
    {
        Fixture f;
        auto *choice = f.find<QComboBox>(QStringLiteral("listenChoice"));
        auto *custom = f.find<QLineEdit>(QStringLiteral("customAddress"));
        auto *error = f.find<QLabel>(QStringLiteral("addressError"));
        auto *note = f.find<QWidget>(QStringLiteral("exposedNote"));
        QVERIFY(!custom->isVisibleTo(f.page.get()));

        choice->setCurrentIndex(choice->count() - 1);
        QVERIFY(custom->isVisibleTo(f.page.get()));
        QCOMPARE(f.settings->listenAddress(), QStringLiteral("127.0.0.1")); // nothing entered yet

        custom->setText(QStringLiteral("not-an-address"));
        QTest::keyClick(custom, Qt::Key_Return);
        QVERIFY(error->isVisibleTo(f.page.get()));
        QCOMPARE(f.settings->listenAddress(), QStringLiteral("127.0.0.1"));

        custom->setText(QStringLiteral("192.168.1.20"));
        QTest::keyClick(custom, Qt::Key_Return);
        QVERIFY(!error->isVisibleTo(f.page.get()));
        QCOMPARE(f.settings->listenAddress(), QStringLiteral("192.168.1.20"));
        QVERIFY(note->isVisibleTo(f.page.get()));

        custom->setText(QStringLiteral("::1"));
        QTest::keyClick(custom, Qt::Key_Return);
        QCOMPARE(f.settings->listenAddress(), QStringLiteral("::1"));
        QVERIFY(!note->isVisibleTo(f.page.get()));
    }

    void languageComboWritesTheLocaleName()
    {
        Fixture f;
        auto *language = f.find<QComboBox>(QStringLiteral("language"));
        QCOMPARE(language->count(), 4);
        QCOMPARE(language->itemText(3), QStringLiteral("\u7b80\u4f53\u4e2d\u6587"));
        QSignalSpy changed(f.settings.get(), &Settings::changed);
        const QStringList expected{QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
        for (int index : {3, 2, 1, 0}) {
            language->setCurrentIndex(index);
            QCOMPARE(f.settings->language(), expected.at(index));
        }
        QCOMPARE(changed.size(), 4);
        for (const QList<QVariant> &signal : std::as_const(changed))
            QCOMPARE(signal.at(0).toString(), Settings::keyName(Settings::Key::Language));
    }

    void unknownLanguageIsKept()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("config.json")));
        settings.setLanguage(QStringLiteral("fr"));
        SettingsPage page(&settings);
        auto *language = child<QComboBox>(page, QStringLiteral("language"));
        QCOMPARE(language->currentData().toString(), QStringLiteral("fr"));
        QCOMPARE(settings.language(), QStringLiteral("fr"));
    }

    void startAtLoginWritesTheAutostartEntry()
    {
        Fixture f;
        auto *box = f.find<QCheckBox>(QStringLiteral("startAtLogin"));
        box->setChecked(true);
        QVERIFY(Autostart::isEnabled(f.autostartDir()));
        QVERIFY(f.settings->startAtLogin());
        box->setChecked(false);
        QVERIFY(!Autostart::isEnabled(f.autostartDir()));
        QVERIFY(!f.settings->startAtLogin());
    }

    void startAtLoginFailureIsShown()
    {
        Fixture f;
        // A file where the folder would have to be.
        const QString blocked = f.dir.filePath(QStringLiteral("blocker"));
        QFile blocker(blocked);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        f.page->setAutostartDir(blocked + QStringLiteral("/autostart"));

        auto *box = f.find<QCheckBox>(QStringLiteral("startAtLogin"));
        box->setChecked(true);
        QVERIFY(!box->isChecked());
        QVERIFY(!f.settings->startAtLogin());
        auto *error = f.find<QLabel>(QStringLiteral("autostartError"));
        QVERIFY(!error->isHidden());
        QVERIFY(!error->text().isEmpty());
    }

    void startProxyAtLaunch()
    {
        Fixture f;
        auto *box = f.find<QCheckBox>(QStringLiteral("startProxyAtLaunch"));
        const bool before = f.settings->startProxyAtLaunch();
        box->setChecked(!before);
        QCOMPARE(f.settings->startProxyAtLaunch(), !before);
    }

    void retentionFields()
    {
        Fixture f;
        f.find<QSpinBox>(QStringLiteral("app.logRetention"))->setValue(5'000);
        QCOMPARE(f.settings->logRetention(), 5'000);
        f.find<QSpinBox>(QStringLiteral("app.usageRetentionDays"))->setValue(90);
        QCOMPARE(f.settings->usageRetentionDays(), 90);
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
