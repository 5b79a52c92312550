#pragma once

#include "config/envexport.h"
#include "config/proxyconfig.h"
#include "proxy/providerprobe.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

class UpstreamClient;

// `ccbridge doctor`: whether Claude Code will reach its models through this CC Bridge, each
// check a finding in plain words with the fix for a problem. Claude Code found and its version;
// variables in the environment, shell profiles and settings.json that point it elsewhere; the
// proxy answering; each provider reachable with its key accepted and serving the routed models;
// a main model's window smaller than Claude Code assumes without the compact window set.
class SetupDoctor : public QObject
{
    Q_OBJECT

public:
    struct Finding
    {
        bool ok = false;
        QString text;
        QString fix; // for a problem
    };

    struct Setup
    {
        ProxyConfig config; // with its keys
        ClaudeCodeEnvironment environment;
        QString homeDir;
        QProcessEnvironment processEnvironment;
        QString claudeExecutable; // empty when claude is not on PATH
    };

    // The setup as this machine has it: this process's environment and the claude on its PATH.
    static Setup onThisMachine(ProxyConfig config, ClaudeCodeEnvironment environment, QString homeDir);

    // The timeouts for the client that asks the providers for their models: a check, not a
    // conversation, so a provider that has not listed its models in 15 s is a finding.
    static constexpr int providerConnectTimeoutMs = 10'000;
    static constexpr int providerReadTimeoutMs = 15'000;

    SetupDoctor(Setup setup, const UpstreamClient &client, QObject *parent = nullptr);

    // Runs every check; finished() gives the findings in the order above.
    void run();

Q_SIGNALS:
    void finished(const QList<SetupDoctor::Finding> &findings);

private:
    void checkClaudeCode();
    void checkEnvironment();
    void checkProxy();
    void checkProviders();
    // The answer of the provider at `place` in the configuration.
    void providerChecked(int place, const ProviderProbe::Result &result);
    void checkContextWindow();
    void stepDone();
    static Finding problem(const QString &text, const QString &fix);

    Setup m_setup;
    const UpstreamClient &m_client;
    int m_pendingSteps = 0;
    QList<Finding> m_claudeCode;
    QList<Finding> m_environment;
    QList<Finding> m_proxy;
    QMap<int, QList<Finding>> m_providers; // by the provider's place in the configuration
};
