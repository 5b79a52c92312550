#include "config/envexport.h"

#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

// How one shell is started on a snippet. The interactive runs matter because a pasted
// snippet meets history expansion (`!`) there, which scripts never see.
struct ShellRunner
{
    QString name;
    QString program;
    QStringList arguments;
    bool scriptOnStdin = false;
    EnvExport::Shell dialect = EnvExport::Shell::Posix;
};

QList<ShellRunner> shellRunners()
{
    using Shell = EnvExport::Shell;
    return {
        {QStringLiteral("sh"), QStringLiteral("sh"), {}, false, Shell::Posix},
        {QStringLiteral("bash"), QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("--noprofile")}, false, Shell::Posix},
        {QStringLiteral("bash -i"), QStringLiteral("bash"),
         {QStringLiteral("--norc"), QStringLiteral("--noprofile"), QStringLiteral("-i")}, true, Shell::Posix},
        {QStringLiteral("zsh"), QStringLiteral("zsh"), {QStringLiteral("-f")}, false, Shell::Posix},
        {QStringLiteral("zsh -i"), QStringLiteral("zsh"), {QStringLiteral("-f"), QStringLiteral("-i")}, true, Shell::Posix},
        {QStringLiteral("fish"), QStringLiteral("fish"), {QStringLiteral("--no-config")}, false, Shell::Fish},
        {QStringLiteral("pwsh"), QStringLiteral("pwsh"),
         {QStringLiteral("-NoLogo"), QStringLiteral("-NoProfile"), QStringLiteral("-NonInteractive"), QStringLiteral("-File")}, false,
         Shell::PowerShell},
    };
}

// Values that each break at least one naive quoting.
QList<QPair<QString, QString>> trickyValues()
{
    return {
        {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8765/p/work")},
        {QStringLiteral("empty"), QString()},
        {QStringLiteral("spaces"), QStringLiteral("  two  spaces and trailing ")},
        {QStringLiteral("single quotes"), QStringLiteral("it's 'quoted''")},
        {QStringLiteral("double quotes"), QStringLiteral("say \"hi\" \"")},
        {QStringLiteral("dollar"), QStringLiteral("$HOME ${PATH} $(id) $1 $env:HOME $")},
        {QStringLiteral("percent"), QStringLiteral("%PATH% 100% %%")},
        {QStringLiteral("backslashes"), QStringLiteral("C:\\dir\\ \\\\server\\share \\n \\t \\")},
        {QStringLiteral("backslash before quote"), QStringLiteral("a\\'b\\\"c\\")},
        {QStringLiteral("bang"), QStringLiteral("hello!world !! !$ !-1 !#")},
        {QStringLiteral("backticks"), QStringLiteral("`id` ` ``")},
        {QStringLiteral("cmd specials"), QStringLiteral("a&b|c<d>e^f(g)h && || ^^")},
        {QStringLiteral("separators and comments"), QStringLiteral("a;b # not a comment; c")},
        {QStringLiteral("globs and braces"), QStringLiteral("* ? [a] {a,b} ~ ~root")},
        {QStringLiteral("leading dash"), QStringLiteral("-n")},
        {QStringLiteral("double dash"), QStringLiteral("--help")},
        {QStringLiteral("unicode"), QStringLiteral("Grüße ✓ 日本語 🙂 é")},
        {QStringLiteral("typographic quotes"), QStringLiteral("‘single’ ‚low‛ “double” „low”")},
        {QStringLiteral("newline"), QStringLiteral("new\nline\n")},
        {QStringLiteral("tab"), QStringLiteral("a\tb")},
        {QStringLiteral("everything"), QStringLiteral("'\"$%\\!`&|<>^() ’ 😀 \\'")},
    };
}

ClaudeCodeEnvironment environmentWith(const QString &value)
{
    ClaudeCodeEnvironment environment;
    environment.baseUrl = value;
    environment.authToken = value;
    environment.opusModel = value;
    environment.sonnetModel = value;
    environment.haikuModel = value;
    return environment;
}

// Prints each variable NUL-terminated as the shell itself sees it.
QString printCommands(EnvExport::Shell dialect, const QList<QPair<QString, QString>> &variables)
{
    QString text;
    if (dialect == EnvExport::Shell::PowerShell)
        text += QStringLiteral("[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)\n");
    for (const auto &variable : variables) {
        switch (dialect) {
        case EnvExport::Shell::Posix:
        case EnvExport::Shell::Fish:
            text += QStringLiteral("printf '%s\\0' \"$%1\"\n").arg(variable.first);
            break;
        case EnvExport::Shell::PowerShell:
            // $env: reads the process environment, so this also proves the export.
            text += QStringLiteral("[Console]::Out.Write([string]$env:%1 + [char]0)\n").arg(variable.first);
            break;
        case EnvExport::Shell::Cmd:
            break;
        }
    }
    // What a child process such as Claude Code inherits, not only the shell's variables.
    if (dialect != EnvExport::Shell::PowerShell)
        text += QStringLiteral("env -0\n");
    return text;
}

} // namespace

class TestEnvExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Claude Code runs the status line command in a POSIX shell: a path with spaces or quotes
    // is quoted for it, a plain one is left readable.
    void statusLineSettingRunsThisExecutable()
    {
        const QJsonObject plain = EnvExport::statusLineSetting(QStringLiteral("/usr/bin/ccbridge"));
        QCOMPARE(plain.value(QLatin1StringView("type")).toString(), QStringLiteral("command"));
        QCOMPARE(plain.value(QLatin1StringView("command")).toString(), QStringLiteral("/usr/bin/ccbridge statusline"));
        QCOMPARE(EnvExport::statusLineSetting(QStringLiteral("C:/Program Files/CC Bridge/ccbridge.exe"))
                     .value(QLatin1StringView("command"))
                     .toString(),
                 QStringLiteral("'C:/Program Files/CC Bridge/ccbridge.exe' statusline"));
        QCOMPARE(EnvExport::statusLineSetting(QStringLiteral("/home/o'neil/ccbridge")).value(QLatin1StringView("command")).toString(),
                 QStringLiteral("'/home/o'\\''neil/ccbridge' statusline"));
    }

    void runsUnchangedInShell_data();
    void runsUnchangedInShell();
    void compactWindow_data();
    void compactWindow();
    void variables_data();
    void variables();
    void settingsEnv();
    void snippetFormat_data();
    void snippetFormat();
    void powerShellQuoting_data();
    void powerShellQuoting();
    void cmdQuoting_data();
    void cmdQuoting();
    void cmdSnippet();
};

// The compact window is set only where Claude Code takes it: below its 200K and not below its
// 100K minimum, under which it would warn and use 100K anyway.
void TestEnvExport::compactWindow_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<QString>("expected"); // empty: not set
    QTest::newRow("unknown") << 0 << QString();
    QTest::newRow("32K") << 32'768 << QString();
    QTest::newRow("100K") << 100'000 << QStringLiteral("100000");
    QTest::newRow("128K") << 131'072 << QStringLiteral("131072");
    QTest::newRow("200K") << 200'000 << QString();
    QTest::newRow("1M") << 1'048'576 << QString();
}

void TestEnvExport::compactWindow()
{
    QFETCH(int, window);
    QFETCH(QString, expected);
    ClaudeCodeEnvironment environment = environmentWith(QStringLiteral("token"));
    environment.mainModel = QStringLiteral("model");
    environment.mainContextWindow = window;
    const auto variables = EnvExport::variables(environment);
    const auto set = std::find_if(variables.begin(), variables.end(), [](const auto &variable) {
        return variable.first == QLatin1StringView("CLAUDE_CODE_AUTO_COMPACT_WINDOW");
    });
    QCOMPARE(set == variables.end() ? QString() : set->second, expected);
}

void TestEnvExport::runsUnchangedInShell_data()
{
    QTest::addColumn<QString>("runner");
    QTest::addColumn<QString>("value");
    for (const ShellRunner &runner : shellRunners()) {
        for (const auto &[name, value] : trickyValues()) {
            // Interactive bash reads a tab as completion whatever the quoting; terminals
            // with bracketed paste do not send it that way, so only scripts check tabs.
            if (runner.scriptOnStdin && name == QLatin1StringView("tab"))
                continue;
            QTest::addRow("%s: %s", qPrintable(runner.name), qPrintable(name)) << runner.name << value;
        }
    }
}

void TestEnvExport::runsUnchangedInShell()
{
    QFETCH(QString, runner);
    QFETCH(QString, value);

    ShellRunner shell;
    for (const ShellRunner &candidate : shellRunners()) {
        if (candidate.name == runner)
            shell = candidate;
    }
    const QString program = QStandardPaths::findExecutable(shell.program);
    if (program.isEmpty())
        QSKIP(qPrintable(QStringLiteral("%1 is not installed on this machine").arg(shell.program)));

    const ClaudeCodeEnvironment environment = environmentWith(value);
    const QList<QPair<QString, QString>> variables = EnvExport::variables(environment);
    const QString script = EnvExport::snippet(shell.dialect, environment) + printCommands(shell.dialect, variables);

    // A private home keeps rc files and history of this machine out of the run.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment processEnvironment;
    processEnvironment.insert(QStringLiteral("PATH"), QProcessEnvironment::systemEnvironment().value(QStringLiteral("PATH")));
    processEnvironment.insert(QStringLiteral("HOME"), home.path());
    processEnvironment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    processEnvironment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    processEnvironment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    processEnvironment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    processEnvironment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    processEnvironment.insert(QStringLiteral("TERM"), QStringLiteral("dumb"));

    QProcess process;
    process.setProcessEnvironment(processEnvironment);
    process.setWorkingDirectory(home.path());
    QStringList arguments = shell.arguments;
    if (!shell.scriptOnStdin) {
        QFile scriptFile(home.filePath(QStringLiteral("snippet")));
        QVERIFY(scriptFile.open(QIODevice::WriteOnly));
        scriptFile.write(script.toUtf8());
        scriptFile.close();
        arguments << scriptFile.fileName();
    }
    process.start(program, arguments);
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    if (shell.scriptOnStdin)
        process.write(script.toUtf8());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60'000));
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(errors));

    QStringList fields = QString::fromUtf8(process.readAllStandardOutput()).split(QChar(u'\0'));
    QCOMPARE(fields.takeLast(), QString());
    QVERIFY2(fields.size() >= variables.size(), qPrintable(errors));

    for (qsizetype i = 0; i < variables.size(); ++i) {
        QVERIFY2(fields.at(i) == variables.at(i).second,
                 qPrintable(QStringLiteral("%1 came back as [%2], wanted [%3]; script:\n%4")
                                .arg(variables.at(i).first, fields.at(i), variables.at(i).second, script)));
    }

    if (shell.dialect == EnvExport::Shell::PowerShell)
        return;
    QHash<QString, QString> exported;
    for (qsizetype i = variables.size(); i < fields.size(); ++i) {
        const qsizetype equals = fields.at(i).indexOf(QLatin1Char('='));
        if (equals > 0)
            exported.insert(fields.at(i).left(equals), fields.at(i).mid(equals + 1));
    }
    for (const auto &[name, wanted] : variables) {
        QVERIFY2(exported.contains(name), qPrintable(QStringLiteral("%1 is not exported").arg(name)));
        QCOMPARE(exported.value(name), wanted);
    }
}

void TestEnvExport::variables_data()
{
    QTest::addColumn<QString>("opus");
    QTest::addColumn<QString>("sonnet");
    QTest::addColumn<QString>("haiku");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<QStringList>("names");

    const QString baseUrl = QStringLiteral("ANTHROPIC_BASE_URL");
    const QString authToken = QStringLiteral("ANTHROPIC_AUTH_TOKEN");
    const QString apiKey = QStringLiteral("ANTHROPIC_API_KEY");
    const QString opus = QStringLiteral("ANTHROPIC_DEFAULT_OPUS_MODEL");
    const QString sonnet = QStringLiteral("ANTHROPIC_DEFAULT_SONNET_MODEL");
    const QString haiku = QStringLiteral("ANTHROPIC_DEFAULT_HAIKU_MODEL");
    const QString timeout = QStringLiteral("API_TIMEOUT_MS");
    const QString traffic = QStringLiteral("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC");

    QTest::newRow("no models") << QString() << QString() << QString() << 600'000
                               << QStringList{baseUrl, authToken, apiKey, timeout, traffic};
    QTest::newRow("all models") << QStringLiteral("o") << QStringLiteral("s") << QStringLiteral("h") << 600'000
                                << QStringList{baseUrl, authToken, apiKey, opus, sonnet, haiku, timeout, traffic};
    QTest::newRow("sonnet only") << QString() << QStringLiteral("s") << QString() << 120'000
                                 << QStringList{baseUrl, authToken, apiKey, sonnet, timeout, traffic};
    QTest::newRow("opus and haiku") << QStringLiteral("o") << QString() << QStringLiteral("h") << 1
                                    << QStringList{baseUrl, authToken, apiKey, opus, haiku, timeout, traffic};
}

void TestEnvExport::variables()
{
    QFETCH(QString, opus);
    QFETCH(QString, sonnet);
    QFETCH(QString, haiku);
    QFETCH(int, timeout);
    QFETCH(QStringList, names);

    ClaudeCodeEnvironment environment;
    environment.baseUrl = QStringLiteral("http://127.0.0.1:8765");
    environment.authToken = QStringLiteral("proxy-token");
    environment.opusModel = opus;
    environment.sonnetModel = sonnet;
    environment.haikuModel = haiku;
    environment.apiTimeoutMs = timeout;

    const QList<QPair<QString, QString>> variables = EnvExport::variables(environment);
    QStringList actualNames;
    QHash<QString, QString> values;
    for (const auto &[name, value] : variables) {
        actualNames << name;
        values.insert(name, value);
    }
    QCOMPARE(actualNames, names);
    QCOMPARE(values.value(QStringLiteral("ANTHROPIC_BASE_URL")), environment.baseUrl);
    QCOMPARE(values.value(QStringLiteral("ANTHROPIC_AUTH_TOKEN")), environment.authToken);
    QVERIFY(values.contains(QStringLiteral("ANTHROPIC_API_KEY")));
    QCOMPARE(values.value(QStringLiteral("ANTHROPIC_API_KEY")), QString());
    QCOMPARE(values.value(QStringLiteral("API_TIMEOUT_MS")), QString::number(timeout));
    QCOMPARE(values.value(QStringLiteral("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC")), QStringLiteral("1"));
    if (!opus.isEmpty())
        QCOMPARE(values.value(QStringLiteral("ANTHROPIC_DEFAULT_OPUS_MODEL")), opus);
    if (!sonnet.isEmpty())
        QCOMPARE(values.value(QStringLiteral("ANTHROPIC_DEFAULT_SONNET_MODEL")), sonnet);
    if (!haiku.isEmpty())
        QCOMPARE(values.value(QStringLiteral("ANTHROPIC_DEFAULT_HAIKU_MODEL")), haiku);
}

void TestEnvExport::settingsEnv()
{
    ClaudeCodeEnvironment environment;
    environment.baseUrl = QStringLiteral("http://127.0.0.1:8765/p/work");
    environment.authToken = QStringLiteral("tok'en\"$");
    environment.sonnetModel = QStringLiteral("gpt-5");

    // Claude Code reads env values as strings, the timeout included.
    const QJsonObject expected{
        {QStringLiteral("ANTHROPIC_BASE_URL"), QStringLiteral("http://127.0.0.1:8765/p/work")},
        {QStringLiteral("ANTHROPIC_AUTH_TOKEN"), QStringLiteral("tok'en\"$")},
        {QStringLiteral("ANTHROPIC_API_KEY"), QString()},
        {QStringLiteral("ANTHROPIC_DEFAULT_SONNET_MODEL"), QStringLiteral("gpt-5")},
        {QStringLiteral("API_TIMEOUT_MS"), QStringLiteral("600000")},
        {QStringLiteral("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"), QStringLiteral("1")},
    };
    const QJsonObject env = EnvExport::settingsEnv(environment);
    QCOMPARE(env, expected);
    for (auto it = env.begin(); it != env.end(); ++it)
        QVERIFY2(it.value().isString(), qPrintable(it.key()));

    environment.opusModel = QStringLiteral("o");
    environment.haikuModel = QStringLiteral("h");
    const QJsonObject withModels = EnvExport::settingsEnv(environment);
    QCOMPARE(withModels.value(QStringLiteral("ANTHROPIC_DEFAULT_OPUS_MODEL")).toString(), QStringLiteral("o"));
    QCOMPARE(withModels.value(QStringLiteral("ANTHROPIC_DEFAULT_HAIKU_MODEL")).toString(), QStringLiteral("h"));
    QCOMPARE(withModels.size(), 8);
}

void TestEnvExport::snippetFormat_data()
{
    QTest::addColumn<EnvExport::Shell>("shell");
    QTest::addColumn<QString>("expected");

    QTest::newRow("posix") << EnvExport::Shell::Posix
                           << QStringLiteral("export ANTHROPIC_BASE_URL='http://127.0.0.1:8765'\n"
                                             "export ANTHROPIC_AUTH_TOKEN='t'\n"
                                             "export ANTHROPIC_API_KEY=''\n"
                                             "export API_TIMEOUT_MS='600000'\n"
                                             "export CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC='1'\n");
    QTest::newRow("fish") << EnvExport::Shell::Fish
                          << QStringLiteral("set -gx ANTHROPIC_BASE_URL 'http://127.0.0.1:8765'\n"
                                            "set -gx ANTHROPIC_AUTH_TOKEN 't'\n"
                                            "set -gx ANTHROPIC_API_KEY ''\n"
                                            "set -gx API_TIMEOUT_MS '600000'\n"
                                            "set -gx CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC '1'\n");
    QTest::newRow("powershell") << EnvExport::Shell::PowerShell
                                << QStringLiteral("$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8765'\n"
                                                  "$env:ANTHROPIC_AUTH_TOKEN = 't'\n"
                                                  "$env:ANTHROPIC_API_KEY = ''\n"
                                                  "$env:API_TIMEOUT_MS = '600000'\n"
                                                  "$env:CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1'\n");
}

void TestEnvExport::snippetFormat()
{
    QFETCH(EnvExport::Shell, shell);
    QFETCH(QString, expected);

    ClaudeCodeEnvironment environment;
    environment.baseUrl = QStringLiteral("http://127.0.0.1:8765");
    environment.authToken = QStringLiteral("t");
    QCOMPARE(EnvExport::snippet(shell, environment), expected);
}

void TestEnvExport::powerShellQuoting_data()
{
    // Checked as text because PowerShell is rarely installed where the tests run.
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QStringLiteral("''");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
    QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it''s'");
    QTest::newRow("expansions stay literal") << QStringLiteral("$env:HOME $(x) `n \"q\" %P% \\")
                                             << QStringLiteral("'$env:HOME $(x) `n \"q\" %P% \\'");
    QTest::newRow("typographic single quotes")
        << QStringLiteral("a‘b’c‚d‛e") << QStringLiteral("'a‘‘b’’c‚‚d‛‛e'");
    QTest::newRow("typographic double quotes are plain") << QStringLiteral("“x”„") << QStringLiteral("'“x”„'");
}

void TestEnvExport::powerShellQuoting()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(EnvExport::quoted(EnvExport::Shell::PowerShell, value), expected);
}

void TestEnvExport::cmdQuoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("url") << QStringLiteral("http://127.0.0.1:8765/p/a") << QStringLiteral("http://127.0.0.1:8765/p/a");
    QTest::newRow("spaces") << QStringLiteral(" a b ") << QStringLiteral(" a b ");
    QTest::newRow("single quotes") << QStringLiteral("it's") << QStringLiteral("it's");
    QTest::newRow("double quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("say ^\"hi^\"");
    QTest::newRow("dollar") << QStringLiteral("$HOME $(id)") << QStringLiteral("$HOME $^(id^)");
    QTest::newRow("percent") << QStringLiteral("%PATH% 100%") << QStringLiteral("^%PATH^% 100^%");
    QTest::newRow("backslashes") << QStringLiteral("C:\\dir\\ \\\\srv") << QStringLiteral("C:\\dir\\ \\\\srv");
    QTest::newRow("bang") << QStringLiteral("hi!there!") << QStringLiteral("hi!there!");
    QTest::newRow("backticks") << QStringLiteral("`id`") << QStringLiteral("`id`");
    QTest::newRow("specials") << QStringLiteral("a&b|c<d>e^f(g)") << QStringLiteral("a^&b^|c^<d^>e^^f^(g^)");
    QTest::newRow("doubled") << QStringLiteral("&&||^^") << QStringLiteral("^&^&^|^|^^^^");
    QTest::newRow("unicode") << QStringLiteral("Grüße ✓ 🙂") << QStringLiteral("Grüße ✓ 🙂");
}

void TestEnvExport::cmdQuoting()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(EnvExport::quoted(EnvExport::Shell::Cmd, value), expected);
}

void TestEnvExport::cmdSnippet()
{
    ClaudeCodeEnvironment environment;
    environment.baseUrl = QStringLiteral("http://127.0.0.1:8765");
    environment.authToken = QStringLiteral("a&b%c");
    environment.haikuModel = QStringLiteral("m(1)");
    environment.apiTimeoutMs = 30'000;
    QCOMPARE(EnvExport::snippet(EnvExport::Shell::Cmd, environment),
             QStringLiteral("set ANTHROPIC_BASE_URL=http://127.0.0.1:8765\n"
                            "set ANTHROPIC_AUTH_TOKEN=a^&b^%c\n"
                            "set ANTHROPIC_API_KEY=\n"
                            "set ANTHROPIC_DEFAULT_HAIKU_MODEL=m^(1^)\n"
                            "set API_TIMEOUT_MS=30000\n"
                            "set CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1\n"));
}

QTEST_GUILESS_MAIN(TestEnvExport)
#include "tst_envexport.moc"
