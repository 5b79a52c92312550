#include "config/autostart.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A desktop entry read back the way a session manager does, independently of how Autostart
// writes it: the string escapes are undone first, then Exec is split into arguments.
struct DesktopEntry
{
    QStringList groups;
    QHash<QString, QString> raw;    // [Desktop Entry] keys as written
    QHash<QString, QString> values; // with the string escapes undone
};

QString unescapeString(const QString &value)
{
    QString text;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != QLatin1Char('\\') || i + 1 == value.size()) {
            text += c;
            continue;
        }
        const QChar next = value.at(++i);
        if (next == QLatin1Char('s'))
            text += QLatin1Char(' ');
        else if (next == QLatin1Char('n'))
            text += QLatin1Char('\n');
        else if (next == QLatin1Char('t'))
            text += QLatin1Char('\t');
        else if (next == QLatin1Char('r'))
            text += QLatin1Char('\r');
        else if (next == QLatin1Char('\\'))
            text += QLatin1Char('\\');
        else
            text += QLatin1Char('\\') + next; // not a string escape; left for the Exec rules
    }
    return text;
}

// Exec's quoting rules applied to an already unescaped value. Fails (returns nothing) on what
// the spec forbids: an unquoted reserved character, a stray backslash in quotes, a lone %.
std::optional<QStringList> execArguments(const QString &exec)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    QStringList arguments;
    QString current;
    bool inArgument = false;
    for (qsizetype i = 0; i < exec.size(); ++i) {
        const QChar c = exec.at(i);
        if (c == QLatin1Char(' ')) {
            if (inArgument)
                arguments << current;
            current.clear();
            inArgument = false;
        } else if (c == QLatin1Char('"')) {
            inArgument = true;
            for (++i; i < exec.size() && exec.at(i) != QLatin1Char('"'); ++i) {
                if (exec.at(i) == QLatin1Char('\\')) {
                    if (i + 1 == exec.size() || !QStringLiteral("\"`$\\").contains(exec.at(i + 1)))
                        return std::nullopt;
                    ++i;
                }
                current += exec.at(i);
            }
            if (i == exec.size())
                return std::nullopt; // unterminated
        } else if (reserved.contains(c)) {
            return std::nullopt;
        } else {
            inArgument = true;
            current += c;
        }
    }
    if (inArgument)
        arguments << current;
    for (QString &argument : arguments) {
        QString plain;
        for (qsizetype i = 0; i < argument.size(); ++i) {
            if (argument.at(i) == QLatin1Char('%')) {
                if (i + 1 == argument.size() || argument.at(i + 1) != QLatin1Char('%'))
                    return std::nullopt; // a field code; we never write one
                ++i;
            }
            plain += argument.at(i);
        }
        argument = plain;
    }
    return arguments;
}

DesktopEntry readEntry(const QString &path)
{
    DesktopEntry entry;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entry;
    QString group;
    for (const QByteArray &bytes : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(bytes);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            group = line;
            entry.groups << group;
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (group != QLatin1StringView("[Desktop Entry]") || equals < 0)
            continue;
        const QString key = line.left(equals);
        entry.raw.insert(key, line.mid(equals + 1));
        entry.values.insert(key, unescapeString(line.mid(equals + 1)));
    }
    return entry;
}

QString entryPath(const QTemporaryDir &dir)
{
    return QDir(dir.path()).filePath(Autostart::entryName());
}

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
        QSKIP("These tests read the XDG autostart entry written on Linux.");
#endif
    }

    void entryName() { QCOMPARE(Autostart::entryName(), QStringLiteral("io.github.ccbridge.CCBridge.desktop")); }

    void defaultDirFollowsXdgConfigHome()
    {
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        const bool wasSet = qEnvironmentVariableIsSet("XDG_CONFIG_HOME");
        const auto restore = qScopeGuard([&] {
            if (wasSet)
                qputenv("XDG_CONFIG_HOME", saved);
            else
                qunsetenv("XDG_CONFIG_HOME");
        });

        qputenv("XDG_CONFIG_HOME", "/tmp/ccbridge-xdg-config");
        QCOMPARE(Autostart::defaultDir(), QStringLiteral("/tmp/ccbridge-xdg-config/autostart"));
        // The spec says a relative path is invalid and to be ignored.
        qputenv("XDG_CONFIG_HOME", "relative/config");
        QCOMPARE(Autostart::defaultDir(), QDir::homePath() + QStringLiteral("/.config/autostart"));
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(Autostart::defaultDir(), QDir::homePath() + QStringLiteral("/.config/autostart"));
    }

    void enableWritesAValidEntry()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(!Autostart::isEnabled(dir.path()));

        QCOMPARE(Autostart::setEnabled(true, QStringLiteral("/usr/bin/ccbridge"), dir.path()), std::nullopt);
        QVERIFY(Autostart::isEnabled(dir.path()));

        const DesktopEntry entry = readEntry(entryPath(dir));
        QCOMPARE(entry.groups, QStringList{QStringLiteral("[Desktop Entry]")});
        QCOMPARE(entry.values.value(QStringLiteral("Type")), QStringLiteral("Application"));
        QCOMPARE(entry.values.value(QStringLiteral("Name")), QStringLiteral("CC Bridge"));
        QCOMPARE(entry.raw.value(QStringLiteral("Exec")), QStringLiteral("/usr/bin/ccbridge --minimized"));
        QCOMPARE(entry.values.value(QStringLiteral("TryExec")), QStringLiteral("/usr/bin/ccbridge"));
        QCOMPARE(entry.values.value(QStringLiteral("Hidden")), QStringLiteral("false"));
        QCOMPARE(entry.values.value(QStringLiteral("X-GNOME-Autostart-enabled")), QStringLiteral("true"));
    }

    void enableCreatesTheFolder()
    {
        QTemporaryDir dir;
        const QString nested = dir.filePath(QStringLiteral("config/autostart"));
        QCOMPARE(Autostart::setEnabled(true, QStringLiteral("/usr/bin/ccbridge"), nested), std::nullopt);
        QVERIFY(Autostart::isEnabled(nested));
    }

    void enableReplacesAnOlderEntry()
    {
        QTemporaryDir dir;
        QCOMPARE(Autostart::setEnabled(true, QStringLiteral("/old/place/ccbridge"), dir.path()), std::nullopt);
        QCOMPARE(Autostart::setEnabled(true, QStringLiteral("/new/place/ccbridge"), dir.path()), std::nullopt);
        QCOMPARE(readEntry(entryPath(dir)).raw.value(QStringLiteral("Exec")), QStringLiteral("/new/place/ccbridge --minimized"));
        // Nothing else is left next to it (QSaveFile's temporary file included).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{Autostart::entryName()});
    }

    void disableRemovesTheEntry()
    {
        QTemporaryDir dir;
        QCOMPARE(Autostart::setEnabled(true, QStringLiteral("/usr/bin/ccbridge"), dir.path()), std::nullopt);
        QCOMPARE(Autostart::setEnabled(false, QString(), dir.path()), std::nullopt);
        QVERIFY(!QFile::exists(entryPath(dir)));
        QVERIFY(!Autostart::isEnabled(dir.path()));
        // Already off: still a success.
        QCOMPARE(Autostart::setEnabled(false, QString(), dir.path()), std::nullopt);
    }

    void switchedOffEntriesAreNotEnabled_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("enabled");
        const QByteArray head = "[Desktop Entry]\nType=Application\nName=CC Bridge\nExec=/usr/bin/ccbridge\n";
        QTest::newRow("plain") << head << true;
        QTest::newRow("Hidden=true") << QByteArray(head + "Hidden=true\n") << false;
        QTest::newRow("GNOME switch off") << QByteArray(head + "X-GNOME-Autostart-enabled=false\n") << false;
        QTest::newRow("other group") << QByteArray(head + "[Desktop Action x]\nHidden=true\n") << true;
    }

    void switchedOffEntriesAreNotEnabled()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, enabled);
        QTemporaryDir dir;
        QFile file(entryPath(dir));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QCOMPARE(Autostart::isEnabled(dir.path()), enabled);
    }

    void execIsQuotedPerSpec_data()
    {
        QTest::addColumn<QString>("executable");
        QTest::addColumn<QString>("exec"); // the Exec value as it must appear in the file

        QTest::newRow("plain") << QStringLiteral("/usr/bin/ccbridge") << QStringLiteral("/usr/bin/ccbridge");
        QTest::newRow("space") << QStringLiteral("/opt/CC Bridge/ccbridge")
                               << QStringLiteral("\"/opt/CC Bridge/ccbridge\"");
        QTest::newRow("single quote") << QStringLiteral("/home/o'neil/ccbridge")
                                      << QStringLiteral("\"/home/o'neil/ccbridge\"");
        // In quotes " takes a backslash, which the string escapes then double.
        QTest::newRow("double quote") << QStringLiteral("/tmp/cc\"bridge")
                                      << QStringLiteral("\"/tmp/cc\\\\\"bridge\"");
        // The spec's own examples: four backslashes for one, \\$ for a dollar sign.
        QTest::newRow("backslash") << QStringLiteral("/tmp/back\\slash")
                                   << QStringLiteral("\"/tmp/back\\\\\\\\slash\"");
        QTest::newRow("dollar and backtick") << QStringLiteral("/tmp/$HOME/`id`")
                                             << QStringLiteral("\"/tmp/\\\\$HOME/\\\\`id\\\\`\"");
        QTest::newRow("percent") << QStringLiteral("/tmp/100%/ccbridge") << QStringLiteral("/tmp/100%%/ccbridge");
        QTest::newRow("percent in quotes") << QStringLiteral("/tmp/100% sure/ccbridge")
                                           << QStringLiteral("\"/tmp/100%% sure/ccbridge\"");
        QTest::newRow("non-ASCII") << QStringLiteral("/home/j\u00fcrgen/\u684c\u9762/ccbridge")
                                   << QStringLiteral("/home/j\u00fcrgen/\u684c\u9762/ccbridge");
        QTest::newRow("newline") << QStringLiteral("/tmp/two\nlines") << QStringLiteral("\"/tmp/two\\nlines\"");
    }

    void execIsQuotedPerSpec()
    {
        QFETCH(QString, executable);
        QFETCH(QString, exec);
        QTemporaryDir dir;
        QCOMPARE(Autostart::setEnabled(true, executable, dir.path()), std::nullopt);

        const DesktopEntry entry = readEntry(entryPath(dir));
        QCOMPARE(entry.raw.value(QStringLiteral("Exec")), exec + QStringLiteral(" --minimized"));
        // Read back as a session manager would: the path unchanged, then the tray-only start.
        const std::optional<QStringList> arguments = execArguments(entry.values.value(QStringLiteral("Exec")));
        QVERIFY(arguments.has_value());
        QCOMPARE(*arguments, (QStringList{executable, QStringLiteral("--minimized")}));
        QCOMPARE(entry.values.value(QStringLiteral("TryExec")), executable);
    }

    void errors()
    {
        QTemporaryDir dir;
        const std::optional<QString> noProgram = Autostart::setEnabled(true, QString(), dir.path());
        QVERIFY(noProgram.has_value());
        QVERIFY(!QFile::exists(entryPath(dir)));

        // The folder cannot be made where a file is in the way.
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString impossible = dir.filePath(QStringLiteral("blocker/autostart"));
        const std::optional<QString> error = Autostart::setEnabled(true, QStringLiteral("/usr/bin/ccbridge"), impossible);
        QVERIFY(error.has_value());
        QVERIFY2(error->contains(QStringLiteral("blocker")), qPrintable(*error));
        QVERIFY(!Autostart::isEnabled(impossible));
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
