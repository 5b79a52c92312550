// `ccbridge env`, the real executable: the exact environment it prints for a configuration
// given on the command line, and what it says when it cannot.
#include "testdata.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome run(const QStringList &arguments, const QString &home)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("DEEPSEEK_API_KEY"), QStringLiteral("sk-env-test-0123456789abcdef"));
    environment.insert(QStringLiteral("CCB_TEST_TOKEN"), QStringLiteral("tok-0123456789abcdef0123456789ab"));
    environment.insert(QStringLiteral("SHELL"), QStringLiteral("/usr/bin/fish"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CCBRIDGE_EXECUTABLE), QStringList{QStringLiteral("env")} + arguments);
    if (!process.waitForFinished(20000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestEnvCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quickStartForBash()
    {
        const Outcome outcome = run({QStringLiteral("--shell"), QStringLiteral("bash"), QStringLiteral("--preset"),
                                     QStringLiteral("deepseek"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:9911"),
                                     QStringLiteral("--client-token-env"), QStringLiteral("CCB_TEST_TOKEN")},
                                    m_home.path());
        QCOMPARE(outcome.err, QString());
        QCOMPARE(outcome.exitCode, 0);
        // DeepSeek's 128K window, from the preset: Claude Code compacts before it.
        QCOMPARE(outcome.out, QStringLiteral("export ANTHROPIC_BASE_URL='http://127.0.0.1:9911'\n"
                                             "export ANTHROPIC_AUTH_TOKEN='tok-0123456789abcdef0123456789ab'\n"
                                             "export ANTHROPIC_API_KEY=''\n"
                                             "export API_TIMEOUT_MS='600000'\n"
                                             "export CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC='1'\n"
                                             "export CLAUDE_CODE_AUTO_COMPACT_WINDOW='131072'\n"));
    }

    void theShellYouAreInByDefault()
    {
        // $SHELL is fish here; without a client token Claude Code gets a placeholder.
        const Outcome outcome = run({QStringLiteral("--upstream"), QStringLiteral("http://127.0.0.1:9/v1"),
                                     QStringLiteral("--model"), QStringLiteral("local-model")},
                                    m_home.path());
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(outcome.out, QStringLiteral("set -gx ANTHROPIC_BASE_URL 'http://127.0.0.1:8765'\n"
                                             "set -gx ANTHROPIC_AUTH_TOKEN 'ccbridge'\n"
                                             "set -gx ANTHROPIC_API_KEY ''\n"
                                             "set -gx API_TIMEOUT_MS '600000'\n"
                                             "set -gx CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC '1'\n"));
    }

    void configFileAsSettingsJson()
    {
        const QString path = m_home.filePath(QStringLiteral("config.json"));
        QVERIFY(TestData::writeFile(path, TestData::doubleQuoted(
            "{'listen':'127.0.0.1:9922','providers':[{'name':'local','baseUrl':'http://127.0.0.1:9/v1'}],"
            "'routes':[{'match':'*','provider':'local','model':'m','contextWindow':150000}]}")));
        const Outcome outcome = run({QStringLiteral("--shell"), QStringLiteral("json"), QStringLiteral("--config"), path},
                                    m_home.path());
        QCOMPARE(outcome.err, QString());
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(outcome.out, QStringLiteral("{\n"
                                             "    \"env\": {\n"
                                             "        \"ANTHROPIC_API_KEY\": \"\",\n"
                                             "        \"ANTHROPIC_AUTH_TOKEN\": \"ccbridge\",\n"
                                             "        \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:9922\",\n"
                                             "        \"API_TIMEOUT_MS\": \"600000\",\n"
                                             "        \"CLAUDE_CODE_AUTO_COMPACT_WINDOW\": \"150000\",\n"
                                             "        \"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC\": \"1\"\n"
                                             "    }\n"
                                             "}\n"));
    }

    void whatItSaysWhenItCannot_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown shell") << QStringList{QStringLiteral("--shell"), QStringLiteral("tcsh")} << 2
                                       << QStringLiteral("--shell takes bash, zsh, fish, powershell, cmd or json, not \"tcsh\".");
        QTest::newRow("a second word") << QStringList{QStringLiteral("now")} << 2 << QStringLiteral("Unexpected argument: now");
        QTest::newRow("nothing saved yet") << QStringList() << 1 << QStringLiteral("No configuration yet: set CC Bridge up in its window");
    }

    void whatItSaysWhenItCannot()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Outcome outcome = run(arguments, m_home.path());
        QCOMPARE(outcome.exitCode, exitCode);
        QVERIFY2(outcome.err.startsWith(message), qPrintable(outcome.err));
        QCOMPARE(outcome.out, QString());
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestEnvCommand)
#include "tst_envcommand.moc"
