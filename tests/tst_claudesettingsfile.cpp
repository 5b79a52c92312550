#include "config/claudesettingsfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// Shows the error text when applying fails.
#define VERIFY_APPLIED(expression)                                                                                       \
    do {                                                                                                                 \
        const std::optional<QString> error_ = (expression);                                                              \
        QVERIFY2(!error_, qPrintable(error_.value_or(QString())));                                                       \
    } while (false)

namespace {

// JSON written with ' for " keeps the test data readable.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QStringList backupsIn(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.ccbridge-backup-*")}, QDir::Files | QDir::Hidden, QDir::Name);
}

QJsonObject ourEnv()
{
    return {
        {QStringLiteral("ANTHROPIC_BASE_URL"), QStringLiteral("http://127.0.0.1:8765")},
        {QStringLiteral("ANTHROPIC_AUTH_TOKEN"), QStringLiteral("tok")},
        {QStringLiteral("ANTHROPIC_API_KEY"), QString()},
    };
}

} // namespace

class TestClaudeSettingsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPath();
    void createsMissingFileAndFolder();
    void keepsOtherKeysAndReplacesOurs();
    void backupIsByteForByteCopy();
    void backupsDoNotOverwriteEachOther();
    void unchangedFileIsNotRewritten();
    void addsEnvToFileWithoutOne_data();
    void addsEnvToFileWithoutOne();
    void keepsIndentationLineEndingsAndBom();
    void escapedKeysAndValues();
    void emptyFileIsReplaced();
    void invalidJsonIsRefused_data();
    void invalidJsonIsRefused();
    void unreadablePathIsRefused();
    void writeFailureIsReported();
    void permissionsArePreserved();
    void symlinkStaysALink();
    void statusLineIsAddedAfterTheEnv();
    void statusLineReplacesTheOneThereInPlace();
};

void TestClaudeSettingsFile::defaultPath()
{
    QCOMPARE(ClaudeSettingsFile::defaultPath(), QDir::homePath() + QStringLiteral("/.claude/settings.json"));
}

void TestClaudeSettingsFile::createsMissingFileAndFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("home/.claude/settings.json"));

    QString backup = QStringLiteral("stale");
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, ourEnv(), &backup));
    QVERIFY(backup.isEmpty());
    QVERIFY(backupsIn(QFileInfo(path).absolutePath()).isEmpty());
    QCOMPARE(readAll(path), json("{\n"
                                 "  'env': {\n"
                                 "    'ANTHROPIC_API_KEY': '',\n"
                                 "    'ANTHROPIC_AUTH_TOKEN': 'tok',\n"
                                 "    'ANTHROPIC_BASE_URL': 'http://127.0.0.1:8765'\n"
                                 "  }\n"
                                 "}\n"));
    // It holds the proxy token.
    QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
}

void TestClaudeSettingsFile::keepsOtherKeysAndReplacesOurs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    // Not in alphabetical order, so a re-serialisation would show.
    const QByteArray before = json("{\n"
                                   "  'permissions': {\n"
                                   "    'allow': ['Bash(npm run lint)', 'Read(~/.zshrc)'],\n"
                                   "    'deny': []\n"
                                   "  },\n"
                                   "  'model': 'opus',\n"
                                   "  'env': {\n"
                                   "    'MY_VAR': 'mine',\n"
                                   "    'ANTHROPIC_BASE_URL': 'https://old.example',\n"
                                   "    'BASH_DEFAULT_TIMEOUT_MS': 5000,\n"
                                   "    'ANTHROPIC_API_KEY': 'sk-old'\n"
                                   "  },\n"
                                   "  'hooks': {'PreToolUse': [{'matcher': 'Bash', 'hooks': [{'type': 'command', 'command': 'x'}]}]},\n"
                                   "  'includeCoAuthoredBy': false\n"
                                   "}\n");
    QVERIFY(writeAll(path, before));

    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, ourEnv()));
    QCOMPARE(readAll(path), json("{\n"
                                 "  'permissions': {\n"
                                 "    'allow': ['Bash(npm run lint)', 'Read(~/.zshrc)'],\n"
                                 "    'deny': []\n"
                                 "  },\n"
                                 "  'model': 'opus',\n"
                                 "  'env': {\n"
                                 "    'MY_VAR': 'mine',\n"
                                 "    'ANTHROPIC_BASE_URL': 'http://127.0.0.1:8765',\n"
                                 "    'BASH_DEFAULT_TIMEOUT_MS': 5000,\n"
                                 "    'ANTHROPIC_API_KEY': '',\n"
                                 "    'ANTHROPIC_AUTH_TOKEN': 'tok'\n"
                                 "  },\n"
                                 "  'hooks': {'PreToolUse': [{'matcher': 'Bash', 'hooks': [{'type': 'command', 'command': 'x'}]}]},\n"
                                 "  'includeCoAuthoredBy': false\n"
                                 "}\n"));

    // The same through a JSON reader's eyes.
    const QJsonObject oldObject = QJsonDocument::fromJson(before).object();
    const QJsonObject newObject = QJsonDocument::fromJson(readAll(path)).object();
    for (const QString &key : oldObject.keys()) {
        if (key != QLatin1StringView("env"))
            QCOMPARE(newObject.value(key), oldObject.value(key));
    }
    QCOMPARE(newObject.size(), oldObject.size());
    const QJsonObject env = newObject.value(QLatin1StringView("env")).toObject();
    QCOMPARE(env.value(QLatin1StringView("MY_VAR")).toString(), QStringLiteral("mine"));
    QCOMPARE(env.value(QLatin1StringView("BASH_DEFAULT_TIMEOUT_MS")).toInt(), 5000);
    QCOMPARE(env.value(QLatin1StringView("ANTHROPIC_API_KEY")).toString(), QString());
    QCOMPARE(env.size(), 5);
}

void TestClaudeSettingsFile::backupIsByteForByteCopy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    // Odd spacing and a missing final newline must survive in the copy.
    const QByteArray before = json("{ 'model' :'sonnet' ,\n\t'env':{ 'A':'1'}}");
    QVERIFY(writeAll(path, before));

    QString backup;
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, ourEnv(), &backup));
    QVERIFY(!backup.isEmpty());
    QCOMPARE(QFileInfo(backup).absolutePath(), QFileInfo(path).absolutePath());
    QVERIFY2(QRegularExpression(QStringLiteral("^settings\\.json\\.ccbridge-backup-\\d{8}-\\d{6}$")).match(QFileInfo(backup).fileName()).hasMatch(),
             qPrintable(backup));
    QCOMPARE(readAll(backup), before);
    QCOMPARE(backupsIn(dir.path()), QStringList{QFileInfo(backup).fileName()});
    QVERIFY(readAll(path) != before);
}

void TestClaudeSettingsFile::backupsDoNotOverwriteEachOther()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(writeAll(path, json("{'v': 0}")));

    QList<QByteArray> contents;
    QStringList backups;
    for (int i = 1; i <= 3; ++i) {
        contents << readAll(path);
        QString backup;
        VERIFY_APPLIED(ClaudeSettingsFile::apply(path, {{QStringLiteral("N"), QString::number(i)}}, &backup));
        QVERIFY(!backups.contains(backup));
        backups << backup;
    }
    QCOMPARE(backupsIn(dir.path()).size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(readAll(backups.at(i)), contents.at(i));
}

void TestClaudeSettingsFile::unchangedFileIsNotRewritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(writeAll(path, json("{'env': {'X': 'y'}}")));
    QString backup;
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, ourEnv(), &backup));
    QVERIFY(!backup.isEmpty());
    const QByteArray applied = readAll(path);

    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, ourEnv(), &backup));
    QVERIFY(backup.isEmpty());
    QCOMPARE(readAll(path), applied);
    QCOMPARE(backupsIn(dir.path()).size(), 1);
}

void TestClaudeSettingsFile::addsEnvToFileWithoutOne_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");

    QTest::newRow("other keys") << json("{\n  'model': 'opus',\n  'cleanupPeriodDays': 20\n}\n")
                                << json("{\n  'model': 'opus',\n  'cleanupPeriodDays': 20,\n  'env': {\n    'K': 'v'\n  }\n}\n");
    QTest::newRow("empty object") << json("{}\n") << json("{\n  'env': {\n    'K': 'v'\n  }\n}\n");
    QTest::newRow("empty object with space") << json("{ \n }") << json("{\n  'env': {\n    'K': 'v'\n  }\n}");
    QTest::newRow("one line") << json("{'model':'opus'}") << json("{'model':'opus',\n  'env': {\n    'K': 'v'\n  }}");
    QTest::newRow("empty env") << json("{\n  'env': {}\n}\n") << json("{\n  'env': {\n    'K': 'v'\n  }\n}\n");
}

void TestClaudeSettingsFile::addsEnvToFileWithoutOne()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(writeAll(path, before));
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, {{QStringLiteral("K"), QStringLiteral("v")}}));
    QCOMPARE(readAll(path), after);
}

void TestClaudeSettingsFile::keepsIndentationLineEndingsAndBom()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    const QJsonObject env{{QStringLiteral("K"), QStringLiteral("v")}};

    QVERIFY(writeAll(path, json("{\n    'model': 'opus'\n}\n")));
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, env));
    QCOMPARE(readAll(path), json("{\n    'model': 'opus',\n    'env': {\n        'K': 'v'\n    }\n}\n"));

    QVERIFY(writeAll(path, json("{\n\t'model': 'opus'\n}\n")));
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, env));
    QCOMPARE(readAll(path), json("{\n\t'model': 'opus',\n\t'env': {\n\t\t'K': 'v'\n\t}\n}\n"));

    QVERIFY(writeAll(path, json("{\r\n  'model': 'opus'\r\n}\r\n")));
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, env));
    QCOMPARE(readAll(path), json("{\r\n  'model': 'opus',\r\n  'env': {\r\n    'K': 'v'\r\n  }\r\n}\r\n"));

    QVERIFY(writeAll(path, QByteArray("\xEF\xBB\xBF" + json("{\n  'model': 'opus'\n}\n"))));
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, env));
    QCOMPARE(readAll(path), QByteArray("\xEF\xBB\xBF" + json("{\n  'model': 'opus',\n  'env': {\n    'K': 'v'\n  }\n}\n")));
}

void TestClaudeSettingsFile::escapedKeysAndValues()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    // \u0041 is A: the key is ours even though it is spelled differently, and keeps its
    // spelling. Strings with brackets, braces and escaped quotes must not confuse the splice.
    QVERIFY(writeAll(path, json("{\n"
                                "  'a}': '{[\\'',\n"
                                "  'env': {\n"
                                "    '\\u0041NTHROPIC_BASE_URL': 'old',\n"
                                "    'B': '}\\\\'\n"
                                "  },\n"
                                "  'z': [1, {'y': ']'}]\n"
                                "}\n")));
    const QString tricky = QStringLiteral("a\"b\\c ü 🙂 \n</script>");
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, {{QStringLiteral("ANTHROPIC_BASE_URL"), tricky}}));

    const QByteArray after = readAll(path);
    QVERIFY2(after.contains(json("'\\u0041NTHROPIC_BASE_URL': ")), after.constData());
    const QJsonObject object = QJsonDocument::fromJson(after).object();
    QCOMPARE(object.value(QLatin1StringView("a}")).toString(), QStringLiteral("{[\""));
    QCOMPARE(object.value(QLatin1StringView("z")).toArray().size(), 2);
    const QJsonObject env = object.value(QLatin1StringView("env")).toObject();
    QCOMPARE(env.value(QLatin1StringView("ANTHROPIC_BASE_URL")).toString(), tricky);
    QCOMPARE(env.value(QLatin1StringView("B")).toString(), QStringLiteral("}\\"));
    QCOMPARE(env.size(), 2);
}

void TestClaudeSettingsFile::emptyFileIsReplaced()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(writeAll(path, "\n"));
    QString backup;
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, {{QStringLiteral("K"), QStringLiteral("v")}}, &backup));
    QCOMPARE(readAll(path), json("{\n  'env': {\n    'K': 'v'\n  }\n}\n"));
    QCOMPARE(readAll(backup), QByteArray("\n"));
}

void TestClaudeSettingsFile::invalidJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("before");

    QTest::newRow("truncated") << json("{\n  'model': 'opus',\n");
    QTest::newRow("trailing comma") << json("{'model': 'opus',}");
    QTest::newRow("comment") << json("{\n  // mine\n  'model': 'opus'\n}");
    QTest::newRow("not json") << QByteArray("model = opus\n");
    QTest::newRow("array") << json("[{'env': {}}]");
    QTest::newRow("string") << json("'text'");
    QTest::newRow("env is a string") << json("{'env': 'A=1'}");
    QTest::newRow("env is an array") << json("{'env': ['A=1']}");
}

void TestClaudeSettingsFile::invalidJsonIsRefused()
{
    QFETCH(QByteArray, before);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(writeAll(path, before));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QDateTime modified = QFileInfo(path).lastModified();

    QString backup = QStringLiteral("stale");
    const std::optional<QString> error = ClaudeSettingsFile::apply(path, ourEnv(), &backup);
    QVERIFY(error.has_value());
    QVERIFY2(error->contains(QDir::toNativeSeparators(path)), qPrintable(*error));
    QVERIFY(backup.isEmpty());
    QCOMPARE(readAll(path), before);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QCOMPARE(QFileInfo(path).permissions(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("settings.json")});
}

void TestClaudeSettingsFile::unreadablePathIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(QDir().mkpath(path));
    const std::optional<QString> error = ClaudeSettingsFile::apply(path, ourEnv());
    QVERIFY(error.has_value());
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{QStringLiteral("settings.json")});
}

void TestClaudeSettingsFile::writeFailureIsReported()
{
    // A file where the folder should be fails even for root, unlike missing permissions.
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath(QStringLiteral("claude")), "not a folder"));
    const QString path = dir.filePath(QStringLiteral("claude/settings.json"));
    const std::optional<QString> error = ClaudeSettingsFile::apply(path, ourEnv());
    QVERIFY(error.has_value());
    QVERIFY(!error->isEmpty());
    QCOMPARE(readAll(dir.filePath(QStringLiteral("claude"))), QByteArray("not a folder"));

    QCOMPARE(ClaudeSettingsFile::apply(QString(), ourEnv()).has_value(), true);
}

void TestClaudeSettingsFile::permissionsArePreserved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(writeAll(path, json("{'model': 'opus'}")));
    const QFileDevice::Permissions unusual =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadGroup;
    QVERIFY(QFile::setPermissions(path, unusual));

    QString backup;
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, ourEnv(), &backup));
    QCOMPARE(QFileInfo(path).permissions(), unusual);
    QCOMPARE(QFileInfo(backup).permissions(), unusual);
}

void TestClaudeSettingsFile::symlinkStaysALink()
{
#ifdef Q_OS_WIN
    QSKIP("Creating symbolic links needs privileges on Windows");
#endif
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("dotfiles"))));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("home/.claude"))));
    const QString target = dir.filePath(QStringLiteral("dotfiles/settings.json"));
    const QString link = dir.filePath(QStringLiteral("home/.claude/settings.json"));
    QVERIFY(writeAll(target, json("{'model': 'opus'}")));
    QVERIFY(QFile::link(target, link));

    QString backup;
    VERIFY_APPLIED(ClaudeSettingsFile::apply(link, ourEnv(), &backup));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(QFileInfo(link).symLinkTarget(), target);
    QCOMPARE(QJsonDocument::fromJson(readAll(target)).object().value(QLatin1StringView("env")).toObject(), ourEnv());
    QCOMPARE(QFileInfo(backup).absolutePath(), QFileInfo(link).absolutePath());
    QCOMPARE(readAll(backup), json("{'model': 'opus'}"));
}


namespace {
QJsonObject ourStatusLine()
{
    return {{QStringLiteral("type"), QStringLiteral("command")}, {QStringLiteral("command"), QStringLiteral("ccbridge statusline")}};
}
} // namespace

void TestClaudeSettingsFile::statusLineIsAddedAfterTheEnv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(writeAll(path, json("{\n  'model': 'opus'\n}\n")));

    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, {{QStringLiteral("K"), QStringLiteral("v")}}, nullptr, ourStatusLine()));
    QCOMPARE(readAll(path), json("{\n"
                                 "  'model': 'opus',\n"
                                 "  'env': {\n"
                                 "    'K': 'v'\n"
                                 "  },\n"
                                 "  'statusLine': {\n"
                                 "    'command': 'ccbridge statusline',\n"
                                 "    'type': 'command'\n"
                                 "  }\n"
                                 "}\n"));

    // Applied again, nothing changes and no backup is made.
    QString backup;
    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, {{QStringLiteral("K"), QStringLiteral("v")}}, &backup, ourStatusLine()));
    QVERIFY(backup.isEmpty());
    QVERIFY(backupsIn(dir.path()).size() == 1);

    // A new file gets both.
    const QString fresh = dir.filePath(QStringLiteral("new/settings.json"));
    VERIFY_APPLIED(ClaudeSettingsFile::apply(fresh, {{QStringLiteral("K"), QStringLiteral("v")}}, nullptr, ourStatusLine()));
    const QJsonObject written = QJsonDocument::fromJson(readAll(fresh)).object();
    QCOMPARE(written.value(QLatin1StringView("statusLine")).toObject(), ourStatusLine());
    QCOMPARE(written.value(QLatin1StringView("env")).toObject().value(QLatin1StringView("K")).toString(), QStringLiteral("v"));
}

void TestClaudeSettingsFile::statusLineReplacesTheOneThereInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    // The status line before the env, so both are replaced where they stand.
    QVERIFY(writeAll(path, json("{\r\n"
                                "\t'statusLine': {'type': 'command', 'command': '~/.claude/mine.sh', 'padding': 1},\r\n"
                                "\t'env': {'A': 'a'},\r\n"
                                "\t'hooks': {}\r\n"
                                "}")));

    VERIFY_APPLIED(ClaudeSettingsFile::apply(path, {{QStringLiteral("K"), QStringLiteral("v")}}, nullptr, ourStatusLine()));
    QCOMPARE(readAll(path), json("{\r\n"
                                 "\t'statusLine': {\r\n"
                                 "\t\t'command': 'ccbridge statusline',\r\n"
                                 "\t\t'type': 'command'\r\n"
                                 "\t},\r\n"
                                 "\t'env': {\r\n"
                                 "\t\t'A': 'a',\r\n"
                                 "\t\t'K': 'v'\r\n"
                                 "\t},\r\n"
                                 "\t'hooks': {}\r\n"
                                 "}"));
}

QTEST_GUILESS_MAIN(TestClaudeSettingsFile)
#include "tst_claudesettingsfile.moc"
