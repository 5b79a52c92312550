#include "commandline.h"

#include "configfile.h"
#include "configschema.h"
#include "providerpresets.h"

#include <algorithm>
#include <cstring>
#include <utility>

CommandLine::CommandLine()
    : m_headless(QStringLiteral("headless"), tr("Run without a window or tray icon."))
    , m_configFile(QStringLiteral("config"), tr("Read the configuration from <file>."), tr("file"))
    , m_checkConfig(QStringLiteral("check-config"), tr("Check the configuration, print what is wrong, and exit."))
    , m_listen(QStringLiteral("listen"), tr("Listen on <host:port> (default 127.0.0.1:8765)."), tr("host:port"))
    , m_preset(QStringLiteral("preset"),
               tr("Quick start: a provider preset (deepseek, glm, zai, kimi, qwen, openrouter, openai, gemini, "
                  "ollama, anthropic, …); its key variable, models and rules are the defaults."),
               tr("id"))
    , m_upstream(QStringLiteral("upstream"),
                 tr("Quick start: the provider's OpenAI-style base URL, e.g. https://api.deepseek.com/v1."), tr("url"))
    , m_model(QStringLiteral("model"), tr("Quick start: the upstream model every Claude model maps to."), tr("name"))
    , m_apiKeyEnv(QStringLiteral("api-key-env"),
                  tr("Quick start: the environment variable that holds the provider's API key."), tr("variable"))
    , m_format(QStringLiteral("format"), tr("Quick start: the upstream API format (default openai-chat)."),
               tr("format"), QStringLiteral("openai-chat"))
    , m_maxOutputTokens(QStringLiteral("max-output-tokens"),
                        tr("Quick start: clamp max_tokens to <n> (default 8192; 0 = no cap)."), tr("n"),
                        QStringLiteral("8192"))
    , m_clientTokenEnv(QStringLiteral("client-token-env"),
                       tr("The environment variable that holds the token clients must present."), tr("variable"))
    , m_webSearch(QStringLiteral("web-search"),
                  tr("Run Claude Code's web searches on this backend for providers without search: searxng:<url> "
                     "(a SearXNG instance with its JSON format on), brave or tavily."),
                  tr("backend"))
    , m_webSearchKeyEnv(QStringLiteral("web-search-key-env"),
                        tr("The environment variable that holds the web search backend's key (default "
                           "BRAVE_API_KEY or TAVILY_API_KEY)."),
                        tr("variable"))
    , m_minimized(QStringLiteral("minimized"), tr("Start in the tray without showing the window."))
    , m_shell(QStringLiteral("shell"),
              tr("With env: write for this shell (bash, zsh, fish, powershell, cmd) or settings.json (json); "
                 "default: the shell you are in."),
              tr("shell"))
    // Not QStringList{…}: lupdate loses the class after braces here and skips the tr() calls below.
    , m_help(QStringList() << QStringLiteral("h") << QStringLiteral("help"), tr("Show this help and exit."))
    , m_version(QStringList() << QStringLiteral("v") << QStringLiteral("version"), tr("Show the version and exit."))
{
    m_parser.setApplicationDescription(tr("CC Bridge: lets Claude Code use any model provider."));
    m_parser.addPositionalArgument(QStringLiteral("env"),
                                   tr("Print the environment that points Claude Code at this CC Bridge: the snippet "
                                      "the window's Copy button copies, for the configuration the other options "
                                      "give (by default the one the window saved)."),
                                   QStringLiteral("[env]"));
    m_parser.addPositionalArgument(QStringLiteral("code"),
                                   tr("Start Claude Code with that environment set, through the CC Bridge already "
                                      "running there or one started for the session; what follows the options (or "
                                      "--) goes to claude unchanged."),
                                   QStringLiteral("[code [--] [claude arguments]]"));
    m_parser.addPositionalArgument(QStringLiteral("statusline"),
                                   tr("Print one line for Claude Code's statusLine setting: the provider and model "
                                      "that served the last request and how long it took, today's tokens and their "
                                      "estimated cost, or that CC Bridge is not running."),
                                   QStringLiteral("[statusline]"));
    m_parser.addPositionalArgument(QStringLiteral("doctor"),
                                   tr("Check the setup, from Claude Code to the providers, and say how to fix each "
                                      "problem; the exit status is non-zero when there is one."),
                                   QStringLiteral("[doctor]"));
    m_parser.addOptions({m_headless, m_configFile, m_checkConfig, m_listen, m_preset, m_upstream, m_model, m_apiKeyEnv,
                         m_format, m_maxOutputTokens, m_clientTokenEnv, m_webSearch, m_webSearchKeyEnv, m_minimized,
                         m_shell, m_help, m_version});
}

bool CommandLine::wantsNoWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag :
             {"--headless", "--help", "-h", "--version", "-v", "--check-config", "env", "statusline", "doctor"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return argc > 1 && std::strcmp(argv[1], "code") == 0;
}

bool CommandLine::headless() const { return m_parser.isSet(m_headless); }
bool CommandLine::minimized() const { return m_parser.isSet(m_minimized); }

bool CommandLine::hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
           || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}
bool CommandLine::helpRequested() const { return m_parser.isSet(m_help); }
bool CommandLine::versionRequested() const { return m_parser.isSet(m_version); }
bool CommandLine::checkConfigRequested() const { return m_parser.isSet(m_checkConfig); }

QStringList CommandLine::takeClaudeArguments(const QStringList &arguments)
{
    if (arguments.value(1) != QLatin1StringView("code"))
        return arguments;
    const QList<const QCommandLineOption *> options{&m_configFile, &m_listen, &m_preset, &m_upstream, &m_model,
                                                    &m_apiKeyEnv, &m_format, &m_maxOutputTokens, &m_clientTokenEnv};
    QStringList own = arguments.mid(0, 2);
    for (qsizetype i = 2; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const QString name = argument.startsWith(QLatin1StringView("--")) ? argument.mid(2).section(QLatin1Char('='), 0, 0)
                                                                          : QString();
        const auto option = std::find_if(options.cbegin(), options.cend(),
                                         [&name](const QCommandLineOption *known) { return known->names().contains(name); });
        if (argument == QLatin1StringView("--") || option == options.cend()) {
            m_claudeArguments = arguments.mid(argument == QLatin1StringView("--") ? i + 1 : i);
            break;
        }
        own << argument;
        if (!argument.contains(QLatin1Char('=')) && i + 1 < arguments.size())
            own << arguments.at(++i);
    }
    return own;
}

bool CommandLine::parse(const QStringList &allArguments)
{
    // Claude's arguments may look like this program's (-p, --model): they are set aside first.
    const QStringList arguments = takeClaudeArguments(allArguments);
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return false;
    }
    if (helpRequested() || versionRequested())
        return true;
    if (!readCommand())
        return false;
    if (!namesVariables())
        return false;

    const bool quickStart = m_parser.isSet(m_preset) || m_parser.isSet(m_upstream) || m_parser.isSet(m_model)
                            || m_parser.isSet(m_apiKeyEnv);
    if (m_parser.isSet(m_configFile)) {
        if (quickStart) {
            m_error = tr("Use either --config or the quick-start flags (--preset, --upstream, --model, --api-key-env), "
                         "not both.");
            return false;
        }
        const ConfigFile::Result loaded = ConfigFile::load(m_parser.value(m_configFile));
        m_config = loaded.config;
        m_problems = loaded.errors;
    } else if (quickStart) {
        if (!buildQuickStartConfig())
            return false;
    } else if (m_parser.isSet(m_listen) || m_parser.isSet(m_clientTokenEnv) || m_parser.isSet(m_webSearch)
               || m_parser.isSet(m_webSearchKeyEnv)) {
        m_error = tr("--listen, --client-token-env and --web-search go with --config or the quick-start flags; "
                     "the saved configuration is changed in the window.");
        return false;
    } else {
        m_usesSavedConfiguration = true;
        return true;
    }

    if (m_parser.isSet(m_listen)) {
        const auto listen = ProxyConfig::parseListen(m_parser.value(m_listen));
        if (!listen) {
            m_error = tr("--listen must look like 127.0.0.1:8765, not \"%1\".").arg(m_parser.value(m_listen));
            return false;
        }
        m_config.listenAddress = listen->first;
        m_config.port = listen->second;
    }
    if (m_parser.isSet(m_clientTokenEnv)) {
        m_config.clientTokenEnv = m_parser.value(m_clientTokenEnv);
        m_config.clientToken = qEnvironmentVariable(m_config.clientTokenEnv.toLocal8Bit().constData());
    }
    if (!applyWebSearch())
        return false;
    if (m_problems.isEmpty())
        m_problems = m_config.problems();
    return true;
}

bool CommandLine::applyWebSearch()
{
    if (!m_parser.isSet(m_webSearch)) {
        if (m_parser.isSet(m_webSearchKeyEnv)) {
            m_error = tr("--web-search-key-env goes with --web-search.");
            return false;
        }
        return true;
    }
    const QString given = m_parser.value(m_webSearch);
    const auto kind = SearchBackendName::parse(given.section(QLatin1Char(':'), 0, 0));
    const QString url = given.section(QLatin1Char(':'), 1);
    if (!kind || *kind == SearchBackendKind::None || (*kind == SearchBackendKind::SearXng && url.isEmpty())) {
        m_error = tr("--web-search takes searxng:<url>, brave or tavily, not \"%1\".").arg(given);
        return false;
    }
    WebSearchConfig &webSearch = m_config.webSearch;
    webSearch.backend.kind = *kind;
    webSearch.backend.url = QUrl(url);
    webSearch.keyInKeychain = false;
    if (m_parser.isSet(m_webSearchKeyEnv))
        webSearch.apiKeyEnv = m_parser.value(m_webSearchKeyEnv);
    else if (*kind == SearchBackendKind::Brave)
        webSearch.apiKeyEnv = QStringLiteral("BRAVE_API_KEY");
    else if (*kind == SearchBackendKind::Tavily)
        webSearch.apiKeyEnv = QStringLiteral("TAVILY_API_KEY");
    else
        webSearch.apiKeyEnv.clear();
    webSearch.backend.apiKey =
        webSearch.apiKeyEnv.isEmpty() ? QString() : qEnvironmentVariable(webSearch.apiKeyEnv.toLocal8Bit().constData());
    return true;
}

bool CommandLine::readCommand()
{
    const QStringList words = m_parser.positionalArguments();
    if (words.value(0) == QLatin1StringView("env"))
        m_command = Command::Env;
    else if (words.value(0) == QLatin1StringView("code"))
        m_command = Command::Code;
    else if (words.value(0) == QLatin1StringView("statusline"))
        m_command = Command::StatusLine;
    else if (words.value(0) == QLatin1StringView("doctor"))
        m_command = Command::Doctor;
    const QStringList unexpected = words.mid(m_command == Command::Run ? 0 : 1);
    if (!unexpected.isEmpty()) {
        m_error = tr("Unexpected argument: %1").arg(unexpected.constFirst());
        return false;
    }
    if (!m_parser.isSet(m_shell)) {
        m_envShell = EnvExport::userShell();
        return true;
    }
    if (m_command != Command::Env) {
        m_error = tr("--shell goes with env.");
        return false;
    }
    const QString shell = m_parser.value(m_shell).toLower();
    if (shell == QLatin1StringView("bash") || shell == QLatin1StringView("zsh") || shell == QLatin1StringView("sh")) {
        m_envShell = EnvExport::Shell::Posix;
    } else if (shell == QLatin1StringView("fish")) {
        m_envShell = EnvExport::Shell::Fish;
    } else if (shell == QLatin1StringView("powershell") || shell == QLatin1StringView("pwsh")) {
        m_envShell = EnvExport::Shell::PowerShell;
    } else if (shell == QLatin1StringView("cmd")) {
        m_envShell = EnvExport::Shell::Cmd;
    } else if (shell == QLatin1StringView("json")) {
        m_envShell = std::nullopt;
    } else {
        m_error = tr("--shell takes bash, zsh, fish, powershell, cmd or json, not \"%1\".").arg(m_parser.value(m_shell));
        return false;
    }
    return true;
}

bool CommandLine::namesVariables()
{
    const std::pair<const QCommandLineOption &, ConfigKey> options[] = {{m_apiKeyEnv, ConfigKey::ProviderApiKeyEnv},
                                                                        {m_clientTokenEnv, ConfigKey::ClientTokenEnv},
                                                                        {m_webSearchKeyEnv, ConfigKey::WebSearchApiKeyEnv}};
    for (const auto &[option, key] : options) {
        if (m_parser.isSet(option) && ConfigSchema::problem(ConfigSchema::field(key), m_parser.value(option))) {
            // Without the value: it is most likely the key itself, pasted in place of its
            // variable's name, and would end up in a terminal's scrollback or a service's journal.
            m_error = tr("--%1 takes the name of an environment variable (such as OPENAI_API_KEY), not a key.")
                          .arg(option.names().constFirst());
            return false;
        }
    }
    return true;
}

bool CommandLine::buildQuickStartConfig()
{
    ProviderConfig provider;
    QList<ModelRoute> routes;
    if (m_parser.isSet(m_preset)) {
        const ProviderPreset *preset = ProviderPresets::find(m_parser.value(m_preset));
        if (!preset) {
            QStringList ids;
            for (const ProviderPreset &known : ProviderPresets::all())
                ids << known.id;
            m_error = tr("There is no preset \"%1\". Presets: %2.").arg(m_parser.value(m_preset), ids.join(QLatin1StringView(", ")));
            return false;
        }
        provider = ProviderPresets::providerFrom(*preset);
        routes = ProviderPresets::defaultRoutes(*preset);
    } else if (!m_parser.isSet(m_upstream)) {
        m_error = tr("The quick start needs --preset <id> or --upstream <url>.");
        return false;
    }
    if (m_parser.isSet(m_upstream)) {
        provider.baseUrl = QUrl(m_parser.value(m_upstream));
        // Named after its host, so logs and errors say where a request went.
        if (!m_parser.isSet(m_preset))
            provider.name = provider.baseUrl.host().isEmpty() ? QStringLiteral("upstream") : provider.baseUrl.host();
    }
    if (m_parser.isSet(m_format) || !m_parser.isSet(m_preset)) {
        const auto api = UpstreamApiName::parse(m_parser.value(m_format));
        if (!api) {
            m_error = UpstreamApiName::unknown(QStringLiteral("--format"), m_parser.value(m_format));
            return false;
        }
        provider.format = *api;
    }
    if (m_parser.isSet(m_apiKeyEnv))
        provider.apiKeyEnv = m_parser.value(m_apiKeyEnv);
    if (!provider.apiKeyEnv.isEmpty())
        provider.apiKey = qEnvironmentVariable(provider.apiKeyEnv.toLocal8Bit().constData());
    if (m_parser.isSet(m_maxOutputTokens) || !m_parser.isSet(m_preset)) {
        bool ok = false;
        provider.maxOutputTokens = m_parser.value(m_maxOutputTokens).toInt(&ok);
        if (!ok || provider.maxOutputTokens < 0) {
            m_error = tr("--max-output-tokens must be a whole number of 0 or more.");
            return false;
        }
        provider.modelOutputCaps.clear(); // the user's cap is the cap
    }
    if (m_parser.isSet(m_model))
        routes = {ModelRoute{.match = QStringLiteral("*"), .provider = provider.name, .model = m_parser.value(m_model)}};
    for (ModelRoute &route : routes)
        route.provider = provider.name;
    if (routes.isEmpty()) {
        m_error = tr("The quick start needs --model <name>: this provider has no default models.");
        return false;
    }
    m_config.providers = {provider};
    m_config.routes = routes;
    return true;
}
