#pragma once

#include "benchreport.h"
#include "coreplacement.h"
#include "loadrun.h"
#include "processstats.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

// Runs the whole benchmark: starts the scripted upstream (this executable with
// --serve-upstream) and the real ccbridge executable headless in front of it, loads both in
// turn with the same requests, and reports proxy against direct.
class BenchDriver
{
public:
    struct Options
    {
        QString proxyExecutable;
        QString dataDir;
        QString jsonPath;
        int durationMs = 5000;
        int probeStreams = 32;
        int probeHoldMs = 2000;
        QString only; // run only the figures whose name holds this; empty: all
        bool upstreamApart = false; // CorePlacement
    };

    explicit BenchDriver(const Options &options);
    ~BenchDriver();

    // Returns the process exit code.
    int run();

private:
    struct Phase
    {
        QString name;
        QString mode;       // the upstream's mode (BenchMode::parse)
        QByteArray body;    // the Anthropic request body
        int concurrency;
        bool streaming;
    };

    bool startUpstream();
    bool startProxy();
    void setUpstreamMode(const QString &mode);
    QByteArray request(bool direct, const QByteArray &body) const;
    LoadResult load(bool direct, const QByteArray &body, int concurrency, int durationMs);
    void runPhase(const Phase &phase);
    void runProbe();
    QJsonObject machine() const;

    Options m_options;
    CorePlacement m_placement;
    QTemporaryDir m_home;
    QProcess m_upstream;
    QProcess m_proxy;
    quint16 m_upstreamPort = 0;
    quint16 m_proxyPort = 0;
    std::unique_ptr<ProcessStats> m_proxyStats;
    QTimer m_rssSampler;
    double m_rssPeakMb = 0;
    BenchReport m_report;
    QJsonObject m_probe;
};
