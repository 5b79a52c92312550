#pragma once

#include "envexport.h"
#include "proxyconfig.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

// The command line: a command, mode flags, a config file, or the quick-start flags that
// configure one provider without a file (for servers and scripts).
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Command {
        Run, // the proxy, with its window or headless
        Env,  // print Claude Code's environment for the configuration
        Code, // run Claude Code with that environment, the proxy serving it
        StatusLine, // one line for Claude Code's status line: what served it, today's usage
        Doctor, // check the setup from Claude Code to the providers
    };

    CommandLine();

    // Parses arguments (argv, program name first). False: errorText() says why.
    bool parse(const QStringList &arguments);

    Command command() const { return m_command; }
    bool headless() const;
    bool helpRequested() const;
    bool versionRequested() const;
    bool checkConfigRequested() const;
    QString helpText() const { return m_parser.helpText(); }
    QString errorText() const { return m_error; }

    // No --config and no quick-start flags: the configuration the window saved is served.
    bool usesSavedConfiguration() const { return m_usesSavedConfiguration; }
    // The configuration the arguments describe, and what keeps it from running.
    const ProxyConfig &config() const { return m_config; }
    const QStringList &problems() const { return m_problems; }

    // Whether argv asks for a mode without a window, checked before any application object
    // exists (which kind to create depends on it).
    static bool wantsNoWindow(int argc, char **argv);
    // On X11/Wayland desktops a window needs a display; without one (an SSH session, a
    // container) QApplication would abort, so the proxy runs headless instead.
    static bool hasDisplay();
    // Start with the window hidden in the tray (the login autostart).
    bool minimized() const;
    // What follows `code`'s own options (or `--`): claude's arguments, unchanged.
    const QStringList &claudeArguments() const { return m_claudeArguments; }
    // What `env` writes: a shell's snippet, or nullopt for settings.json's "env" entry.
    std::optional<EnvExport::Shell> envShell() const { return m_envShell; }

private:
    bool buildQuickStartConfig();
    // --web-search and its key's variable into the configuration; else m_error says why.
    bool applyWebSearch();
    // Whether --api-key-env and --client-token-env name variables; else m_error says so.
    bool namesVariables();
    // The command the positional arguments name, and its --shell; else m_error says why.
    bool readCommand();
    // `arguments` without claude's part when they start with `code`, which is kept aside.
    QStringList takeClaudeArguments(const QStringList &arguments);

    QCommandLineParser m_parser;
    bool m_usesSavedConfiguration = false;
    QCommandLineOption m_headless;
    QCommandLineOption m_configFile;
    QCommandLineOption m_checkConfig;
    QCommandLineOption m_listen;
    QCommandLineOption m_preset;
    QCommandLineOption m_upstream;
    QCommandLineOption m_model;
    QCommandLineOption m_apiKeyEnv;
    QCommandLineOption m_format;
    QCommandLineOption m_maxOutputTokens;
    QCommandLineOption m_clientTokenEnv;
    QCommandLineOption m_webSearch;
    QCommandLineOption m_webSearchKeyEnv;
    QCommandLineOption m_minimized;
    QCommandLineOption m_shell;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
    Command m_command = Command::Run;
    QStringList m_claudeArguments;
    std::optional<EnvExport::Shell> m_envShell;
    ProxyConfig m_config;
    QStringList m_problems;
    QString m_error;
};
