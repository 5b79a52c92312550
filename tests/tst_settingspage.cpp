#include "settingspage.h"

#include "config/autostart.h"
#include "config/settings.h"

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
            settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("settings.ini")));
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
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("connectTimeout"))->value() * 1000, f.settings->connectTimeoutMs());
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("logRetention"))->value(), f.settings->logRetention());
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
        QCOMPARE(changed.at(0).at(0).toString(), Settings::keyName(Settings::Key::Port));

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

    void boundsAgreeWithSettings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Settings::Key>("key");
        QTest::addColumn<int>("scale");
        QTest::newRow("port") << QStringLiteral("port") << Settings::Key::Port << 1;
        QTest::newRow("connect") << QStringLiteral("connectTimeout") << Settings::Key::ConnectTimeoutMs << 1000;
        QTest::newRow("read") << QStringLiteral("readTimeout") << Settings::Key::ReadTimeoutMs << 1000;
        QTest::newRow("request") << QStringLiteral("requestTimeout") << Settings::Key::RequestTimeoutMs << 1000;
        QTest::newRow("ping") << QStringLiteral("pingInterval") << Settings::Key::PingIntervalMs << 1000;
        QTest::newRow("log") << QStringLiteral("logRetention") << Settings::Key::LogRetention << 1;
        QTest::newRow("usage") << QStringLiteral("usageRetention") << Settings::Key::UsageRetentionDays << 1;
    }

    // The spin boxes reach both ends of what Settings accepts...
    void boundsAgreeWithSettings()
    {
        QFETCH(QString, name);
        QFETCH(Settings::Key, key);
        QFETCH(int, scale);
        Fixture f;
        auto *box = f.find<QSpinBox>(name);
        QVERIFY(box);

        box->setValue(box->maximum());
        QCOMPARE(f.settings->value(key).toLongLong(), qint64(box->maximum()) * scale);
        box->setValue(box->minimum());
        QCOMPARE(f.settings->value(key).toLongLong(), qint64(box->minimum()) * scale);
    }

    void settingsClampAtTheSpinBoxBounds_data() { boundsAgreeWithSettings_data(); }

    // ...and no further: Settings clamps a stored value to exactly the spin box's range.
    void settingsClampAtTheSpinBoxBounds()
    {
        QFETCH(QString, name);
        QFETCH(Settings::Key, key);
        QFETCH(int, scale);
        Fixture f;
        auto *box = f.find<QSpinBox>(name);
        QVERIFY(box);
        const qint64 maximum = qint64(box->maximum()) * scale;
        const qint64 minimum = qint64(box->minimum()) * scale;

        QSettings raw(f.settings->fileName(), QSettings::IniFormat);
        raw.setValue(Settings::keyName(key), maximum + 1);
        raw.sync();
        QCOMPARE(Settings(f.settings->fileName()).value(key).toLongLong(), maximum);
        raw.setValue(Settings::keyName(key), minimum - 1);
        raw.sync();
        QCOMPARE(Settings(f.settings->fileName()).value(key).toLongLong(), minimum);
    }

    void timeoutsAreShownInSeconds()
    {
        Fixture f;
        auto *connect = f.find<QSpinBox>(QStringLiteral("connectTimeout"));
        connect->setValue(45);
        QCOMPARE(f.settings->connectTimeoutMs(), 45'000);
        auto *ping = f.find<QSpinBox>(QStringLiteral("pingInterval"));
        ping->setValue(20);
        QCOMPARE(f.settings->pingIntervalMs(), 20'000);
    }

    void changesElsewhereAreShown()
    {
        Fixture f;
        f.settings->setPort(7777);
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("port"))->value(), 7777);
        f.settings->setReadTimeoutMs(120'000);
        QCOMPARE(f.find<QSpinBox>(QStringLiteral("readTimeout"))->value(), 120);
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
        f.settings->sync();
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
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
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
        f.find<QSpinBox>(QStringLiteral("logRetention"))->setValue(5'000);
        QCOMPARE(f.settings->logRetention(), 5'000);
        f.find<QSpinBox>(QStringLiteral("usageRetention"))->setValue(90);
        QCOMPARE(f.settings->usageRetentionDays(), 90);
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
