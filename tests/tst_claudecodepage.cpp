#include "claudecodepage.h"

#include "config/envconflicts.h"
#include "config/envexport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

// Values that each shell has to quote differently.
ClaudeCodeEnvironment environment()
{
    ClaudeCodeEnvironment environment;
    environment.baseUrl = QStringLiteral("http://127.0.0.1:8765/p/work");
    environment.authToken = QStringLiteral("tok'en$with%odd&chars");
    environment.sonnetModel = QStringLiteral("deepseek,deepseek-chat");
    environment.apiTimeoutMs = 900'000;
    return environment;
}

struct ViewCase
{
    QString id;
    std::optional<EnvExport::Shell> shell; // nullopt: the settings.json view
};

QList<ViewCase> views()
{
    using Shell = EnvExport::Shell;
    return {{QStringLiteral("posix"), Shell::Posix},
            {QStringLiteral("fish"), Shell::Fish},
            {QStringLiteral("powershell"), Shell::PowerShell},
            {QStringLiteral("cmd"), Shell::Cmd},
            {QStringLiteral("settings"), std::nullopt}};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
           && file.write(content) == content.size();
}

QJsonObject readJsonObject(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

template <typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qWarning("No child named %s", qPrintable(name));
    return found;
}

} // namespace

class TestClaudeCodePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snippetsMatchEnvExport()
    {
        ClaudeCodePage page;
        page.setEnvironment(environment());
        for (const ViewCase &view : views()) {
            auto *text = child<QPlainTextEdit>(page, QStringLiteral("snippet-") + view.id);
            QVERIFY(text);
            QVERIFY(text->isReadOnly());
            QVERIFY2(QFontInfo(text->font()).fixedPitch(), qPrintable(view.id));
            if (view.shell) {
                QCOMPARE(text->toPlainText(), EnvExport::snippet(*view.shell, environment()));
            } else {
                const QJsonObject shown = QJsonDocument::fromJson(text->toPlainText().toUtf8()).object();
                QCOMPARE(shown, QJsonObject({{QStringLiteral("env"), EnvExport::settingsEnv(environment())}}));
            }
        }
    }

    void newEnvironmentReplacesTheTexts()
    {
        ClaudeCodePage page;
        page.setEnvironment(environment());
        ClaudeCodeEnvironment other = environment();
        other.baseUrl = QStringLiteral("http://127.0.0.1:9999");
        page.setEnvironment(other);
        auto *posix = child<QPlainTextEdit>(page, QStringLiteral("snippet-posix"));
        QVERIFY(posix);
        QCOMPARE(posix->toPlainText(), EnvExport::snippet(EnvExport::Shell::Posix, other));
    }

    void copyPutsTheViewOnTheClipboard()
    {
        ClaudeCodePage page;
        page.setEnvironment(environment());
        for (const ViewCase &view : views()) {
            QApplication::clipboard()->clear();
            auto *copy = child<QPushButton>(page, QStringLiteral("copy-") + view.id);
            QVERIFY(copy);
            copy->click();
            const QString expected = view.shell
                                         ? EnvExport::snippet(*view.shell, environment())
                                         : child<QPlainTextEdit>(page, QStringLiteral("snippet-settings"))->toPlainText();
            QCOMPARE(QApplication::clipboard()->text(), expected);
        }
    }

    void applyMergesTheEnvAndKeepsABackup()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString settingsPath = home.filePath(QStringLiteral(".claude/settings.json"));
        const QByteArray original = "{\n  \"permissions\": {\"allow\": [\"Bash(ls:*)\"]},\n"
                                    "  \"env\": {\"MY_VAR\": \"kept\", \"ANTHROPIC_BASE_URL\": \"https://elsewhere\"}\n}\n";
        QVERIFY(writeFile(settingsPath, original));

        ClaudeCodePage page;
        page.setHomeDir(home.path());
        page.setSettingsPath(settingsPath);
        page.setEnvironment(environment());
        QStringList asked;
        page.setConfirmation([&asked](const QString &path) {
            asked << path;
            return true;
        });

        auto *apply = child<QPushButton>(page, QStringLiteral("applySettings"));
        QVERIFY(apply);
        QVERIFY2(apply->text().contains(QStringLiteral("~/.claude/settings.json")), qPrintable(apply->text()));
        apply->click();
        QCOMPARE(asked, QStringList{settingsPath});

        const QJsonObject written = readJsonObject(settingsPath);
        QCOMPARE(written.value(QStringLiteral("permissions")).toObject().value(QStringLiteral("allow")).toArray().size(), 1);
        const QJsonObject env = written.value(QStringLiteral("env")).toObject();
        QCOMPARE(env.value(QStringLiteral("MY_VAR")).toString(), QStringLiteral("kept"));
        const QJsonObject wanted = EnvExport::settingsEnv(environment());
        for (auto it = wanted.begin(); it != wanted.end(); ++it)
            QCOMPARE(env.value(it.key()), it.value());

        const QStringList backups = QDir(QFileInfo(settingsPath).absolutePath())
                                        .entryList({QStringLiteral("settings.json.ccbridge-backup-*")}, QDir::Files);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(readFile(QFileInfo(settingsPath).absoluteDir().filePath(backups.first())), original);

        auto *status = child<QLabel>(page, QStringLiteral("applyStatus"));
        QVERIFY(status);
        QVERIFY(!status->isHidden());
        QVERIFY2(status->text().contains(backups.first()), qPrintable(status->text()));

        // Applying again changes nothing and makes no second backup.
        apply->click();
        QCOMPARE(QDir(QFileInfo(settingsPath).absolutePath())
                     .entryList({QStringLiteral("settings.json.ccbridge-backup-*")}, QDir::Files)
                     .size(),
                 1);
    }

    // Claude Code's status line is set only when its box is ticked, and ticking it is said in
    // the question asked before the file changes.
    void statusLineIsAppliedOnlyWhenAskedFor()
    {
        QTemporaryDir home;
        const QString settingsPath = home.filePath(QStringLiteral(".claude/settings.json"));
        ClaudeCodePage page;
        page.setSettingsPath(settingsPath);
        page.setEnvironment(environment());
        page.setConfirmation([](const QString &) { return true; });
        auto *apply = child<QPushButton>(page, QStringLiteral("applySettings"));
        auto *addStatusLine = child<QCheckBox>(page, QStringLiteral("addStatusLine"));
        QVERIFY(apply && addStatusLine);
        QVERIFY(!addStatusLine->isChecked());
        QVERIFY(!addStatusLine->text().isEmpty()); // its accessible name

        apply->click();
        QVERIFY(!readJsonObject(settingsPath).contains(QStringLiteral("statusLine")));

        // Ticked from the keyboard, as a keyboard user does.
        addStatusLine->setFocus();
        QTest::keyClick(addStatusLine, Qt::Key_Space);
        QVERIFY(addStatusLine->isChecked());
        apply->click();
        const QJsonObject written = readJsonObject(settingsPath);
        QCOMPARE(written.value(QStringLiteral("statusLine")).toObject(),
                 EnvExport::statusLineSetting(QCoreApplication::applicationFilePath()));
        QCOMPARE(written.value(QStringLiteral("statusLine")).toObject().value(QStringLiteral("command")).toString(),
                 QCoreApplication::applicationFilePath() + QStringLiteral(" statusline"));
        QCOMPARE(written.value(QStringLiteral("env")).toObject(), EnvExport::settingsEnv(environment()));
    }

    void applyCreatesAMissingFile()
    {
        QTemporaryDir home;
        const QString settingsPath = home.filePath(QStringLiteral(".claude/settings.json"));
        ClaudeCodePage page;
        page.setSettingsPath(settingsPath);
        page.setEnvironment(environment());
        page.setConfirmation([](const QString &) { return true; });
        child<QPushButton>(page, QStringLiteral("applySettings"))->click();
        QCOMPARE(readJsonObject(settingsPath).value(QStringLiteral("env")).toObject(), EnvExport::settingsEnv(environment()));
    }

    // The note that Claude Code needs the environment again stays until it has it: not after a
    // failed apply, gone after one that wrote the file.
    void noticeStaysUntilTheEnvironmentIsApplied()
    {
        QTemporaryDir home;
        const QString settingsPath = home.filePath(QStringLiteral("settings.json"));
        QVERIFY(writeFile(settingsPath, "{\"env\": {"));
        ClaudeCodePage page;
        page.setSettingsPath(settingsPath);
        page.setEnvironment(environment());
        page.setConfirmation([](const QString &) { return true; });
        page.show();
        auto *notice = child<QLabel>(page, QStringLiteral("environmentNotice"));
        QVERIFY(notice->isHidden());
        page.showNotice(QStringLiteral("Copy it again."));
        QVERIFY(notice->isVisible());
        QCOMPARE(notice->text(), QStringLiteral("Copy it again."));
        child<QPushButton>(page, QStringLiteral("applySettings"))->click();
        QVERIFY(notice->isVisible());
        QVERIFY(writeFile(settingsPath, "{}"));
        child<QPushButton>(page, QStringLiteral("applySettings"))->click();
        QVERIFY(notice->isHidden());
    }

    void declinedConfirmationWritesNothing()
    {
        QTemporaryDir home;
        const QString settingsPath = home.filePath(QStringLiteral("settings.json"));
        const QByteArray original = "{\"model\": \"opus\"}\n";
        QVERIFY(writeFile(settingsPath, original));
        ClaudeCodePage page;
        page.setSettingsPath(settingsPath);
        page.setEnvironment(environment());
        page.setConfirmation([](const QString &) { return false; });
        child<QPushButton>(page, QStringLiteral("applySettings"))->click();
        QCOMPARE(readFile(settingsPath), original);
        QCOMPARE(QDir(home.path()).entryList(QDir::Files), QStringList{QStringLiteral("settings.json")});
        QVERIFY(child<QLabel>(page, QStringLiteral("applyStatus"))->isHidden());
    }

    void applyReportsErrors()
    {
        QTemporaryDir home;
        const QString settingsPath = home.filePath(QStringLiteral("settings.json"));
        const QByteArray broken = "{\"env\": {";
        QVERIFY(writeFile(settingsPath, broken));
        ClaudeCodePage page;
        page.setSettingsPath(settingsPath);
        page.setConfirmation([](const QString &) { return true; });
        child<QPushButton>(page, QStringLiteral("applySettings"))->click();
        QCOMPARE(readFile(settingsPath), broken);
        auto *status = child<QLabel>(page, QStringLiteral("applyStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("left unchanged")), qPrintable(status->text()));
    }

    void conflictsAreListedOnShowAndOnRequest()
    {
        QTemporaryDir home;
        QVERIFY(writeFile(home.filePath(QStringLiteral(".bashrc")),
                          "# mine\nexport ANTHROPIC_BASE_URL=other\n"));
        QVERIFY(writeFile(home.filePath(QStringLiteral(".zshrc")),
                          "export ANTHROPIC_AUTH_TOKEN=sk-ant-planted-secret\n"));

        ClaudeCodePage page;
        page.setHomeDir(home.path());
        page.setEnvironment(environment());
        auto *list = child<QTreeWidget>(page, QStringLiteral("conflicts"));
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 0); // not looked at until shown

        page.show();
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("~/.bashrc:2"));
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("ANTHROPIC_BASE_URL"));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("other"));
        QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("~/.zshrc:1"));
        QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("ANTHROPIC_AUTH_TOKEN"));
        // The secret itself is never shown.
        QCOMPARE(list->topLevelItem(1)->text(2), EnvConflicts::hiddenValue());
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            for (int column = 0; column < list->columnCount(); ++column)
                QVERIFY(!list->topLevelItem(row)->text(column).contains(QStringLiteral("planted")));
        }
        auto *status = child<QLabel>(page, QStringLiteral("conflictStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("other values")), qPrintable(status->text()));

        // Fixed in the profiles: the button checks again.
        QVERIFY(QFile::remove(home.filePath(QStringLiteral(".bashrc"))));
        QVERIFY(QFile::remove(home.filePath(QStringLiteral(".zshrc"))));
        child<QPushButton>(page, QStringLiteral("checkConflicts"))->click();
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(list->isHidden());
        QVERIFY2(status->text().startsWith(QStringLiteral("None of")), qPrintable(status->text()));

        // Edited while hidden: showing the page again looks again.
        page.hide();
        QVERIFY(writeFile(home.filePath(QStringLiteral(".profile")), "export ANTHROPIC_BASE_URL=other\n"));
        page.show();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("~/.profile:1"));
    }

    void applyingResolvesASettingsConflict()
    {
        QTemporaryDir home;
        const QString settingsPath = home.filePath(QStringLiteral(".claude/settings.json"));
        QVERIFY(writeFile(settingsPath, "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://elsewhere\"}}"));
        ClaudeCodePage page;
        page.setHomeDir(home.path());
        page.setSettingsPath(settingsPath);
        page.setEnvironment(environment());
        page.setConfirmation([](const QString &) { return true; });
        page.show();
        auto *list = child<QTreeWidget>(page, QStringLiteral("conflicts"));
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("ANTHROPIC_BASE_URL"));

        child<QPushButton>(page, QStringLiteral("applySettings"))->click();
        QCOMPARE(list->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestClaudeCodePage)
#include "tst_claudecodepage.moc"
