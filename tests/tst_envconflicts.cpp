#include "config/claudesettingsfile.h"
#include "config/envconflicts.h"
#include "config/envexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const secret = "sk-ant-very-secret";

bool writeFile(const QDir &home, const QString &relativePath, const QByteArray &content)
{
    const QString path = home.absoluteFilePath(relativePath);
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QJsonObject wanted()
{
    return {
        {QStringLiteral("ANTHROPIC_BASE_URL"), QStringLiteral("http://127.0.0.1:8765")},
        {QStringLiteral("ANTHROPIC_AUTH_TOKEN"), QStringLiteral("proxy-token")},
        {QStringLiteral("ANTHROPIC_API_KEY"), QString()},
        {QStringLiteral("API_TIMEOUT_MS"), QStringLiteral("600000")},
        {QStringLiteral("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"), QStringLiteral("1")},
    };
}

// "file:line: NAME = value" with the file relative to home, so a failure reads like a diff.
QStringList describe(const QDir &home, const QList<EnvConflicts::Conflict> &conflicts)
{
    QStringList lines;
    for (const EnvConflicts::Conflict &conflict : conflicts) {
        lines << QStringLiteral("%1:%2: %3 = [%4]")
                     .arg(home.relativeFilePath(conflict.file))
                     .arg(conflict.line)
                     .arg(conflict.variable, conflict.value);
    }
    return lines;
}

} // namespace

class TestEnvConflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyHome();
    void scannedFiles();
    void posixProfile();
    void everyPosixProfile();
    void fishConfig();
    void powerShellProfile();
    void settingsJson();
    void secretsAreHidden();
    void ourOwnSnippetsAreNoConflict();
    void staleTokenIsFoundEverywhere();
};

void TestEnvConflicts::emptyHome()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(EnvConflicts::find(home.path(), wanted()).isEmpty());
    QVERIFY(EnvConflicts::find(home.filePath(QStringLiteral("missing")), wanted()).isEmpty());
}

void TestEnvConflicts::scannedFiles()
{
    QTemporaryDir home;
    const QDir dir(home.path());
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/conf.d/b.fish"), ""));
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/conf.d/a.fish"), ""));
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/conf.d/notes.txt"), ""));

    QStringList relative;
    for (const QString &file : EnvConflicts::scannedFiles(home.path())) {
        QVERIFY2(QFileInfo(file).isAbsolute(), qPrintable(file));
        relative << dir.relativeFilePath(file);
    }
    QStringList expected{QStringLiteral(".bashrc"),
                         QStringLiteral(".bash_profile"),
                         QStringLiteral(".profile"),
                         QStringLiteral(".zshenv"),
                         QStringLiteral(".zprofile"),
                         QStringLiteral(".zshrc"),
                         QStringLiteral(".config/fish/config.fish"),
                         QStringLiteral(".config/fish/conf.d/a.fish"),
                         QStringLiteral(".config/fish/conf.d/b.fish"),
                         QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1"),
                         QStringLiteral(".config/powershell/profile.ps1")};
#ifdef Q_OS_WIN
    expected << QStringLiteral("Documents/PowerShell/Microsoft.PowerShell_profile.ps1")
             << QStringLiteral("Documents/WindowsPowerShell/Microsoft.PowerShell_profile.ps1");
#endif
    expected << QStringLiteral(".claude/settings.json");
    QCOMPARE(relative, expected);
}

void TestEnvConflicts::posixProfile()
{
    QTemporaryDir home;
    const QDir dir(home.path());
    QVERIFY(writeFile(dir, QStringLiteral(".bashrc"),
                      "# export ANTHROPIC_BASE_URL=http://commented\n"                       // 1
                      "export ANTHROPIC_BASE_URL=http://old.example:1234\n"                  // 2
                      "ANTHROPIC_MODEL='claude-x' # trailing comment\n"                      // 3
                      "export API_TIMEOUT_MS=600000\n"                                       // 4 same
                      "export CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC='1'\n"                // 5 same
                      "   export ANTHROPIC_API_KEY=\"\"   \n"                                // 6 same
                      "export PATH=\"$HOME/bin:$PATH\" OTHER=1\n"                            // 7 not ours
                      "if [ -n \"$X\" ]; then export ANTHROPIC_DEFAULT_OPUS_MODEL=\"a b\"; fi\n" // 8
                      "echo \"export ANTHROPIC_BASE_URL=in-a-string\"\n"                     // 9 not one
                      "export ANTHROPIC_SMALL_FAST_MODEL=$(cat ~/.model name)\n"             // 10
                      "declare -x CLAUDE_CODE_USE_BEDROCK=1\n"                               // 11
                      "\"ANTHROPIC_BETA\"=quoted-name-is-a-command\n"                        // 12 not one
                      "export ANTHROPIC_BASE_URL='http://127.0.0.1:8765'\n"                  // 13 same
                      "ANTHROPIC_VERTEX_REGION=one\\ two\\\n"                                // 14
                      "three\n"                                                              // 15
                      "export ANTHROPIC_DEFAULT_HAIKU_MODEL=$'tab\\there'\n"                 // 16
                      "export -n ANTHROPIC_DEFAULT_SONNET_MODEL=unexported\n"                // 17 not one
                      "export FOO=1 ANTHROPIC_BEDROCK_BASE_URL=\"it's\" BAR=2\n"             // 18
                      "alias cc='ANTHROPIC_BASE_URL=in-an-alias claude'\n"                   // 19 not one
                      "export CLAUDE_CODE_MAX_OUTPUT_TOKENS=\"multi\n"                       // 20
                      "line\"\n"                                                             // 21
                      "export ANTHROPIC_DEFAULT_SONNET_MODEL=\"\\$literal \\\"q\\\" ${BRACED}\"; X=1\n")); // 22

    QCOMPARE(describe(dir, EnvConflicts::find(home.path(), wanted())),
             (QStringList{
                 QStringLiteral(".bashrc:2: ANTHROPIC_BASE_URL = [http://old.example:1234]"),
                 QStringLiteral(".bashrc:3: ANTHROPIC_MODEL = [claude-x]"),
                 QStringLiteral(".bashrc:8: ANTHROPIC_DEFAULT_OPUS_MODEL = [a b]"),
                 QStringLiteral(".bashrc:10: ANTHROPIC_SMALL_FAST_MODEL = [$(cat ~/.model name)]"),
                 QStringLiteral(".bashrc:11: CLAUDE_CODE_USE_BEDROCK = [1]"),
                 QStringLiteral(".bashrc:14: ANTHROPIC_VERTEX_REGION = [one twothree]"),
                 QStringLiteral(".bashrc:16: ANTHROPIC_DEFAULT_HAIKU_MODEL = [tab\there]"),
                 QStringLiteral(".bashrc:18: ANTHROPIC_BEDROCK_BASE_URL = [it's]"),
                 QStringLiteral(".bashrc:20: CLAUDE_CODE_MAX_OUTPUT_TOKENS = [%1]").arg(EnvConflicts::hiddenValue()),
                 QStringLiteral(".bashrc:22: ANTHROPIC_DEFAULT_SONNET_MODEL = [$literal \"q\" ${BRACED}]"),
             }));
}

void TestEnvConflicts::everyPosixProfile()
{
    QTemporaryDir home;
    const QDir dir(home.path());
    for (const QString &name : {QStringLiteral(".zshrc"), QStringLiteral(".profile"), QStringLiteral(".zprofile"),
                                QStringLiteral(".bash_profile"), QStringLiteral(".zshenv"), QStringLiteral(".bashrc")}) {
        QVERIFY(writeFile(dir, name, "\nexport ANTHROPIC_BASE_URL=\"http://" + name.toUtf8() + "\"\n"));
    }
    QCOMPARE(describe(dir, EnvConflicts::find(home.path(), wanted())),
             (QStringList{
                 QStringLiteral(".bashrc:2: ANTHROPIC_BASE_URL = [http://.bashrc]"),
                 QStringLiteral(".bash_profile:2: ANTHROPIC_BASE_URL = [http://.bash_profile]"),
                 QStringLiteral(".profile:2: ANTHROPIC_BASE_URL = [http://.profile]"),
                 QStringLiteral(".zshenv:2: ANTHROPIC_BASE_URL = [http://.zshenv]"),
                 QStringLiteral(".zprofile:2: ANTHROPIC_BASE_URL = [http://.zprofile]"),
                 QStringLiteral(".zshrc:2: ANTHROPIC_BASE_URL = [http://.zshrc]"),
             }));
}

void TestEnvConflicts::fishConfig()
{
    QTemporaryDir home;
    const QDir dir(home.path());
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/config.fish"),
                      "# set -gx ANTHROPIC_BASE_URL http://commented\n"                           // 1
                      "set -gx ANTHROPIC_BASE_URL 'http://old.example'\n"                         // 2
                      "set -g ANTHROPIC_MODEL not-exported\n"                                     // 3 not one
                      "set -Ux ANTHROPIC_SMALL_FAST_MODEL \"m 1\"\n"                              // 4
                      "set --export --global CLAUDE_CODE_USE_VERTEX 1\n"                          // 5
                      "set -e ANTHROPIC_API_KEY\n"                                                // 6 not one
                      "set -gx ANTHROPIC_API_KEY ''\n"                                            // 7 same
                      "if status is-interactive; set -x ANTHROPIC_DEFAULT_HAIKU_MODEL a b; end\n" // 8
                      "set -gx API_TIMEOUT_MS (math 10 \\* 60000)\n"                             // 9
                      "export ANTHROPIC_BETA=x\n"                                                 // 10
                      "set -q ANTHROPIC_BASE_URL; or set -gx ANTHROPIC_BASE_URL http://127.0.0.1:8765\n" // 11 same
                      "set -gx ANTHROPIC_DEFAULT_SONNET_MODEL 'it\\'s \\\\ \\n' \"$HOME\\\"\"\n"  // 12
                      "    set -x -- ANTHROPIC_DEFAULT_OPUS_MODEL o # comment\n"                   // 13
                      "echo set -gx ANTHROPIC_VERTEX_PROJECT_ID in-echo\n"));                     // 14 not one
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/conf.d/ccbridge.fish"), "set -gx CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC 0\n"));

    QCOMPARE(describe(dir, EnvConflicts::find(home.path(), wanted())),
             (QStringList{
                 QStringLiteral(".config/fish/config.fish:2: ANTHROPIC_BASE_URL = [http://old.example]"),
                 QStringLiteral(".config/fish/config.fish:4: ANTHROPIC_SMALL_FAST_MODEL = [m 1]"),
                 QStringLiteral(".config/fish/config.fish:5: CLAUDE_CODE_USE_VERTEX = [1]"),
                 QStringLiteral(".config/fish/config.fish:8: ANTHROPIC_DEFAULT_HAIKU_MODEL = [a b]"),
                 QStringLiteral(".config/fish/config.fish:9: API_TIMEOUT_MS = [(math 10 \\* 60000)]"),
                 QStringLiteral(".config/fish/config.fish:10: ANTHROPIC_BETA = [x]"),
                 QStringLiteral(".config/fish/config.fish:12: ANTHROPIC_DEFAULT_SONNET_MODEL = [it's \\ \\n $HOME\"]"),
                 QStringLiteral(".config/fish/config.fish:13: ANTHROPIC_DEFAULT_OPUS_MODEL = [o]"),
                 QStringLiteral(".config/fish/conf.d/ccbridge.fish:1: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = [0]"),
             }));
}

void TestEnvConflicts::powerShellProfile()
{
    QTemporaryDir home;
    const QDir dir(home.path());
    QVERIFY(writeFile(dir, QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1"),
                      "# $env:ANTHROPIC_BASE_URL = 'http://commented'\n"                           // 1
                      "$env:ANTHROPIC_BASE_URL = 'http://old.example'\n"                           // 2
                      "${env:ANTHROPIC_MODEL} = 'it''s'\n"                                         // 3
                      "$ENV:API_TIMEOUT_MS = 600000\n"                                             // 4 same
                      "$env:ANTHROPIC_API_KEY = $null\n"                                           // 5 not one
                      "<# $env:ANTHROPIC_SMALL_FAST_MODEL = 'in a block comment'\n"                // 6
                      "   $env:ANTHROPIC_BETA = 'still in it' #>\n"                                // 7
                      "Write-Host '$env:ANTHROPIC_VERTEX_PROJECT_ID = 1; # not code'\n"            // 8 not one
                      "if ($IsLinux) { $env:CLAUDE_CODE_USE_BEDROCK = \"1\" }\n"                   // 9
                      "$env:ANTHROPIC_DEFAULT_OPUS_MODEL = \"a`tb \"\"q\"\" `$x\"\n"                // 10
                      "if ($env:ANTHROPIC_BASE_URL -eq 'x') { }\n"                                 // 11 not one
                      "$env:ANTHROPIC_DEFAULT_HAIKU_MODEL='h'; $env:ANTHROPIC_API_KEY = ''\n"     // 12 (second is ours)
                      "$env:ANTHROPIC_DEFAULT_SONNET_MODEL = ‘smart’’s’\n"));                       // 13
    QVERIFY(writeFile(dir, QStringLiteral(".config/powershell/profile.ps1"), "$env:CLAUDE_CODE_ENABLE_TELEMETRY = 1\n"));

    QCOMPARE(describe(dir, EnvConflicts::find(home.path(), wanted())),
             (QStringList{
                 QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1:2: ANTHROPIC_BASE_URL = [http://old.example]"),
                 QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1:3: ANTHROPIC_MODEL = [it's]"),
                 QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1:9: CLAUDE_CODE_USE_BEDROCK = [1]"),
                 QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1:10: ANTHROPIC_DEFAULT_OPUS_MODEL = [a\tb \"q\" $x]"),
                 QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1:12: ANTHROPIC_DEFAULT_HAIKU_MODEL = [h]"),
                 QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1:13: ANTHROPIC_DEFAULT_SONNET_MODEL = [smart’s]"),
                 QStringLiteral(".config/powershell/profile.ps1:1: CLAUDE_CODE_ENABLE_TELEMETRY = [1]"),
             }));
}

void TestEnvConflicts::settingsJson()
{
    QTemporaryDir home;
    const QDir dir(home.path());
    QVERIFY(writeFile(dir, QStringLiteral(".claude/settings.json"),
                      "{\n"                                                               // 1
                      "  \"permissions\": {\"allow\": [\"Bash(echo ANTHROPIC_MODEL)\"]},\n" // 2
                      "  \"env\": {\n"                                                   // 3
                      "    \"MY_VAR\": \"x\",\n"                                         // 4 not ours
                      "    \"ANTHROPIC_BASE_URL\": \"https://old.example\",\n"           // 5
                      "    \"API_TIMEOUT_MS\": 600000,\n"                                // 6 same as a number
                      "    \"CLAUDE_CODE_ENABLE_TELEMETRY\": \"1\",\n"                   // 7
                      "    \"ANTHROPIC_API_KEY\": \"\"\n"                                // 8 same
                      "  },\n"                                                           // 9
                      "  \"model\": \"ANTHROPIC_MODEL\"\n"                               // 10
                      "}\n"));

    QCOMPARE(describe(dir, EnvConflicts::find(home.path(), wanted())),
             (QStringList{
                 QStringLiteral(".claude/settings.json:5: ANTHROPIC_BASE_URL = [https://old.example]"),
                 QStringLiteral(".claude/settings.json:7: CLAUDE_CODE_ENABLE_TELEMETRY = [1]"),
             }));

    // Claude Code cannot read an invalid file either; applying is what reports it.
    QVERIFY(writeFile(dir, QStringLiteral(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"x\",}"));
    QVERIFY(EnvConflicts::find(home.path(), wanted()).isEmpty());
    QVERIFY(writeFile(dir, QStringLiteral(".claude/settings.json"), "{\"env\": [\"ANTHROPIC_BASE_URL=x\"]}"));
    QVERIFY(EnvConflicts::find(home.path(), wanted()).isEmpty());
}

void TestEnvConflicts::secretsAreHidden()
{
    QTemporaryDir home;
    const QDir dir(home.path());
    const QByteArray value(secret);
    QVERIFY(writeFile(dir, QStringLiteral(".bashrc"),
                      "export ANTHROPIC_API_KEY=" + value + "\nexport ANTHROPIC_AUTH_TOKEN=\"" + value
                          + "\"\nexport ANTHROPIC_CUSTOM_HEADERS='Authorization: Bearer " + value + "'\n"));
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/config.fish"), "set -gx ANTHROPIC_API_KEY " + value + "\n"));
    QVERIFY(writeFile(dir, QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1"),
                      "$env:ANTHROPIC_AUTH_TOKEN = '" + value + "'\n"));
    QVERIFY(writeFile(dir, QStringLiteral(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_API_KEY\": \"" + value + "\"}}"));
    // Set, but empty: nothing to hide, and the user needs to see that it is empty.
    QVERIFY(writeFile(dir, QStringLiteral(".zshrc"), "export ANTHROPIC_AUTH_TOKEN=''\n"));

    const QList<EnvConflicts::Conflict> conflicts = EnvConflicts::find(home.path(), wanted());
    QCOMPARE(conflicts.size(), 7);
    for (const EnvConflicts::Conflict &conflict : conflicts) {
        QVERIFY(!conflict.value.contains(QLatin1StringView(secret)));
        if (QFileInfo(conflict.file).fileName() == QLatin1StringView(".zshrc"))
            QCOMPARE(conflict.value, QString());
        else
            QCOMPARE(conflict.value, EnvConflicts::hiddenValue());
    }
    QVERIFY(!EnvConflicts::hiddenValue().isEmpty());
}

void TestEnvConflicts::ourOwnSnippetsAreNoConflict()
{
    // What the panel tells the user to paste must read back as exactly what we want, even
    // with a token that needs every kind of quoting.
    ClaudeCodeEnvironment environment;
    environment.baseUrl = QStringLiteral("http://127.0.0.1:8765/p/it's \"mine\"");
    environment.authToken = QStringLiteral("t'o\"k$e`n\\ % ! ’ ‘ “ # ; \\'");
    environment.sonnetModel = QStringLiteral("gpt-5 (high)");

    QTemporaryDir home;
    const QDir dir(home.path());
    QVERIFY(writeFile(dir, QStringLiteral(".bashrc"), EnvExport::snippet(EnvExport::Shell::Posix, environment).toUtf8()));
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/config.fish"), EnvExport::snippet(EnvExport::Shell::Fish, environment).toUtf8()));
    QVERIFY(writeFile(dir, QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1"),
                      EnvExport::snippet(EnvExport::Shell::PowerShell, environment).toUtf8()));
    const QJsonObject env = EnvExport::settingsEnv(environment);
    const std::optional<QString> error = ClaudeSettingsFile::apply(dir.absoluteFilePath(QStringLiteral(".claude/settings.json")), env);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));

    QCOMPARE(describe(dir, EnvConflicts::find(home.path(), env)), QStringList());
}

void TestEnvConflicts::staleTokenIsFoundEverywhere()
{
    ClaudeCodeEnvironment environment;
    environment.baseUrl = QStringLiteral("http://127.0.0.1:8765");
    environment.authToken = QStringLiteral("old-token");

    QTemporaryDir home;
    const QDir dir(home.path());
    QVERIFY(writeFile(dir, QStringLiteral(".zshrc"), EnvExport::snippet(EnvExport::Shell::Posix, environment).toUtf8()));
    QVERIFY(writeFile(dir, QStringLiteral(".config/fish/config.fish"), EnvExport::snippet(EnvExport::Shell::Fish, environment).toUtf8()));
    QVERIFY(writeFile(dir, QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1"),
                      EnvExport::snippet(EnvExport::Shell::PowerShell, environment).toUtf8()));
    QVERIFY(!ClaudeSettingsFile::apply(dir.absoluteFilePath(QStringLiteral(".claude/settings.json")), EnvExport::settingsEnv(environment)));

    environment.authToken = QStringLiteral("new-token");
    const QString hidden = EnvConflicts::hiddenValue();
    QCOMPARE(describe(dir, EnvConflicts::find(home.path(), EnvExport::settingsEnv(environment))),
             (QStringList{
                 QStringLiteral(".zshrc:2: ANTHROPIC_AUTH_TOKEN = [%1]").arg(hidden),
                 QStringLiteral(".config/fish/config.fish:2: ANTHROPIC_AUTH_TOKEN = [%1]").arg(hidden),
                 QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1:2: ANTHROPIC_AUTH_TOKEN = [%1]").arg(hidden),
                 QStringLiteral(".claude/settings.json:4: ANTHROPIC_AUTH_TOKEN = [%1]").arg(hidden),
             }));
}

QTEST_GUILESS_MAIN(TestEnvConflicts)
#include "tst_envconflicts.moc"
