#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// What Claude Code needs in its environment to use the proxy.
struct ClaudeCodeEnvironment
{
    QString baseUrl;      // http://127.0.0.1:8765 or a profile's /p/<name>
    QString authToken;    // the proxy's client token, or any placeholder when there is none
    QString opusModel;    // ANTHROPIC_DEFAULT_OPUS_MODEL etc., where routes need a fixed name
    QString sonnetModel;
    QString haikuModel;
    int apiTimeoutMs = 600'000;
    QString mainModel;          // the upstream model Claude Code's main conversation reaches
    int mainContextWindow = 0;  // its context window in tokens; 0 = unknown
};

// The environment snippet for each shell, and the `env` block of ~/.claude/settings.json,
// with every value quoted the way that shell reads it back unchanged.
class EnvExport
{
    Q_DECLARE_TR_FUNCTIONS(EnvExport)

public:
    enum class Shell { Posix, Fish, PowerShell, Cmd };

    // The variables in the order they are written. ANTHROPIC_API_KEY is set empty so that
    // Claude Code uses the token instead of asking for /login.
    static QList<QPair<QString, QString>> variables(const ClaudeCodeEnvironment &environment);

    // Claude Code assumes a Claude-sized window and compacts as the conversation nears it; it
    // takes a smaller CLAUDE_CODE_AUTO_COMPACT_WINDOW down to its minimum of 100K (below that
    // it warns and uses 100K).
    static constexpr int claudeCodeWindow = 200'000;
    static constexpr int minimumCompactWindow = 100'000;
    // The CLAUDE_CODE_AUTO_COMPACT_WINDOW to set: the main model's window where it is smaller
    // than Claude Code's and within its range; 0 = none.
    static int compactWindow(const ClaudeCodeEnvironment &environment);

    // The shell the user most likely pastes into: PowerShell on Windows, else $SHELL's kind.
    static Shell userShell();
    static QString snippet(Shell shell, const ClaudeCodeEnvironment &environment);
    static QJsonObject settingsEnv(const ClaudeCodeEnvironment &environment);
    // {"env": settingsEnv}, indented: the whole object rather than the bare block, so that it
    // can be pasted into an empty settings file.
    static QString settingsJson(const ClaudeCodeEnvironment &environment);
    // Claude Code's "statusLine" setting that runs `<executable> statusline`; Claude Code runs
    // it with a POSIX shell (Git Bash on Windows), so a path with spaces is quoted for one.
    static QJsonObject statusLineSetting(const QString &executable);

    // One value quoted for a shell: sh/bash/zsh single quotes, fish single quotes with
    // backslash escapes, PowerShell single quotes with doubled quotes (typographic ones too),
    // cmd carets.
    static QString quoted(Shell shell, const QString &value);
};
