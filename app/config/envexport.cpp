#include "envexport.h"

#include <QJsonDocument>
#include <QRegularExpression>

QList<QPair<QString, QString>> EnvExport::variables(const ClaudeCodeEnvironment &environment)
{
    QList<QPair<QString, QString>> variables{
        {QStringLiteral("ANTHROPIC_BASE_URL"), environment.baseUrl},
        {QStringLiteral("ANTHROPIC_AUTH_TOKEN"), environment.authToken},
        {QStringLiteral("ANTHROPIC_API_KEY"), QString()},
    };
    const QList<QPair<QString, QString>> models{{QStringLiteral("ANTHROPIC_DEFAULT_OPUS_MODEL"), environment.opusModel},
                                                {QStringLiteral("ANTHROPIC_DEFAULT_SONNET_MODEL"), environment.sonnetModel},
                                                {QStringLiteral("ANTHROPIC_DEFAULT_HAIKU_MODEL"), environment.haikuModel}};
    for (const auto &model : models) {
        if (!model.second.isEmpty())
            variables << model;
    }
    variables << qMakePair(QStringLiteral("API_TIMEOUT_MS"), QString::number(environment.apiTimeoutMs))
              << qMakePair(QStringLiteral("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"), QStringLiteral("1"));
    if (const int window = compactWindow(environment); window > 0)
        variables << qMakePair(QStringLiteral("CLAUDE_CODE_AUTO_COMPACT_WINDOW"), QString::number(window));
    return variables;
}

int EnvExport::compactWindow(const ClaudeCodeEnvironment &environment)
{
    const int window = environment.mainContextWindow;
    return window >= minimumCompactWindow && window < claudeCodeWindow ? window : 0;
}

QString EnvExport::quoted(Shell shell, const QString &value)
{
    switch (shell) {
    case Shell::Posix: {
        // Inside single quotes nothing is special; a quote itself closes, escapes and reopens.
        QString text = value;
        return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    }
    case Shell::Fish: {
        QString text = value;
        text.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    case Shell::PowerShell: {
        // PowerShell also ends a single-quoted string at the typographic single quotes
        // U+2018..U+201B; doubling any of them keeps it, like doubling '.
        QString text;
        for (const QChar c : value) {
            text += c;
            if (c == QLatin1Char('\'') || (c.unicode() >= 0x2018 && c.unicode() <= 0x201B))
                text += c;
        }
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    case Shell::Cmd: {
        // Unquoted with carets: cmd has no quoting that keeps % from expanding at a prompt.
        QString text;
        for (const QChar c : value) {
            if (QStringLiteral("^&|<>%\"()").contains(c))
                text += QLatin1Char('^');
            text += c;
        }
        return text;
    }
    }
    return value;
}

QString EnvExport::snippet(Shell shell, const ClaudeCodeEnvironment &environment)
{
    QString text;
    for (const auto &[name, value] : variables(environment)) {
        switch (shell) {
        case Shell::Posix:
            text += QStringLiteral("export %1=%2\n").arg(name, quoted(shell, value));
            break;
        case Shell::Fish:
            text += QStringLiteral("set -gx %1 %2\n").arg(name, quoted(shell, value));
            break;
        case Shell::PowerShell:
            text += QStringLiteral("$env:%1 = %2\n").arg(name, quoted(shell, value));
            break;
        case Shell::Cmd:
            // cmd cannot hold an empty variable; unset is what Claude Code sees then, which
            // is as good for ANTHROPIC_API_KEY.
            text += QStringLiteral("set %1=%2\n").arg(name, quoted(shell, value));
            break;
        }
    }
    return text;
}

QJsonObject EnvExport::settingsEnv(const ClaudeCodeEnvironment &environment)
{
    QJsonObject env;
    for (const auto &[name, value] : variables(environment))
        env.insert(name, value);
    return env;
}

QString EnvExport::settingsJson(const ClaudeCodeEnvironment &environment)
{
    const QJsonObject object{{QStringLiteral("env"), settingsEnv(environment)}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QJsonObject EnvExport::statusLineSetting(const QString &executable)
{
    static const QRegularExpression plainPath(QStringLiteral("^[A-Za-z0-9_./:+-]+$"));
    const QString program = plainPath.match(executable).hasMatch() ? executable : quoted(Shell::Posix, executable);
    return {{QStringLiteral("type"), QStringLiteral("command")},
            {QStringLiteral("command"), QString(program + QStringLiteral(" statusline"))},
            {QStringLiteral("padding"), 0}};
}

EnvExport::Shell EnvExport::userShell()
{
#ifdef Q_OS_WIN
    return Shell::PowerShell;
#else
    return qEnvironmentVariable("SHELL").endsWith(QLatin1StringView("fish")) ? Shell::Fish : Shell::Posix;
#endif
}
