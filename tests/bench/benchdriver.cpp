#include "benchdriver.h"

#include "benchupstream.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>

#include <algorithm>

namespace {

// The first token counts only once the text reached the client; both the upstream's and the
// proxy's streams carry it verbatim.
const QByteArray marker = BenchUpstream::token.toByteArray();
constexpr int warmUpMs = 500;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QByteArray smallBody(bool stream)
{
    return QByteArray(R"({"model":"claude-sonnet-4-5","max_tokens":256,"stream":)") + (stream ? "true" : "false")
        + R"(,"messages":[{"role":"user","content":"Say ok."}]})";
}

double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0).toDouble() : -1;
}

} // namespace

BenchDriver::BenchDriver(const Options &options)
    : m_options(options)
    , m_placement(options.upstreamApart)
{
    m_rssSampler.setInterval(50);
    QObject::connect(&m_rssSampler, &QTimer::timeout, [this] {
        m_rssPeakMb = std::max(m_rssPeakMb, m_proxyStats->rssMb());
    });
}

BenchDriver::~BenchDriver()
{
    for (QProcess *process : {&m_proxy, &m_upstream}) {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(3000))
                process->kill();
        }
    }
}

bool BenchDriver::startUpstream()
{
    m_upstream.setProgram(QCoreApplication::applicationFilePath());
    m_upstream.setArguments({QStringLiteral("--serve-upstream")});
    m_upstream.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_placement.enterUpstreamCores();
    m_upstream.start();
    m_placement.enterClientCores();
    if (!m_upstream.waitForStarted() || !m_upstream.waitForReadyRead(10000))
        return false;
    m_upstreamPort = quint16(m_upstream.readLine().trimmed().toUInt());
    return m_upstreamPort != 0;
}

bool BenchDriver::startProxy()
{
    // A home of its own, so that the run neither reads nor changes the user's configuration.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    environment.insert(QStringLiteral("CCBRIDGE_BENCH_KEY"), QStringLiteral("sk-bench-0123456789"));
    m_proxy.setProcessEnvironment(environment);
    // Its log goes to a file so that reading it costs the load generator nothing.
    const QString logPath = m_home.filePath(QStringLiteral("ccbridge.log"));
    m_proxy.setStandardErrorFile(logPath);
    m_proxy.setStandardOutputFile(QProcess::nullDevice());
    m_proxy.start(m_options.proxyExecutable,
                  {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--upstream"), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_upstreamPort),
                   QStringLiteral("--model"), QStringLiteral("bench-model"),
                   QStringLiteral("--api-key-env"), QStringLiteral("CCBRIDGE_BENCH_KEY")});
    if (!m_proxy.waitForStarted())
        return false;
    const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    for (int waited = 0; waited < 10000 && m_proxy.state() == QProcess::Running; waited += 20) {
        QFile log(logPath);
        if (log.open(QIODevice::ReadOnly)) {
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(log.readAll()));
            if (match.hasMatch()) {
                m_proxyPort = quint16(match.captured(1).toUInt());
                m_proxyStats = std::make_unique<ProcessStats>(m_proxy.processId());
                return true;
            }
        }
        QThread::msleep(20);
    }
    QFile log(logPath);
    if (log.open(QIODevice::ReadOnly))
        out() << "ccbridge did not start:\n" << log.readAll() << Qt::endl;
    return false;
}

void BenchDriver::setUpstreamMode(const QString &mode)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    const QByteArray body = mode.toUtf8();
    socket.write("POST /bench/mode HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket.waitForDisconnected(5000);
}

QByteArray BenchDriver::request(bool direct, const QByteArray &body) const
{
    const quint16 port = direct ? m_upstreamPort : m_proxyPort;
    return (direct ? QByteArray("POST /v1/chat/completions HTTP/1.1\r\n") : QByteArray("POST /v1/messages HTTP/1.1\r\n"))
        + "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n"
        + "Content-Type: application/json\r\nAccept: application/json\r\n"
          "anthropic-version: 2023-06-01\r\nx-api-key: sk-ant-bench\r\n"
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

LoadResult BenchDriver::load(bool direct, const QByteArray &body, int concurrency, int durationMs)
{
    const quint16 port = direct ? m_upstreamPort : m_proxyPort;
    LoadRun(port, request(direct, body), marker, concurrency, std::min(warmUpMs, durationMs)).run();
    const double cpuBefore = m_proxyStats->cpuMs();
    LoadResult result = LoadRun(port, request(direct, body), marker, concurrency, durationMs).run();
    if (!direct)
        result.serverCpuMs = m_proxyStats->cpuMs() - cpuBefore;
    if (result.errors > 0)
        out() << "  " << (direct ? "direct" : "ccbridge") << ": " << result.errors << " errors, first: "
              << result.firstError << Qt::endl;
    return result;
}

void BenchDriver::runPhase(const Phase &phase)
{
    setUpstreamMode(phase.mode);
    out() << phase.name << " ..." << Qt::endl;
    const LoadResult direct = load(true, phase.body, phase.concurrency, m_options.durationMs);
    const LoadResult proxy = load(false, phase.body, phase.concurrency, m_options.durationMs);
    const QString perSecond = phase.streaming ? QStringLiteral("streams/s") : QStringLiteral("req/s");
    m_report.addComparison(phase.name, perSecond, direct.perSecond(), proxy.perSecond());
    if (phase.streaming) {
        m_report.addComparison(phase.name + QStringLiteral(" TTFB p50"), QStringLiteral("ms"),
                               LoadResult::percentileMs(direct.firstTokenNs, 0.5), LoadResult::percentileMs(proxy.firstTokenNs, 0.5));
        m_report.addComparison(phase.name + QStringLiteral(" total p50"), QStringLiteral("ms"),
                               LoadResult::percentileMs(direct.totalNs, 0.5), LoadResult::percentileMs(proxy.totalNs, 0.5));
    } else {
        m_report.addComparison(phase.name + QStringLiteral(" p50"), QStringLiteral("ms"),
                               LoadResult::percentileMs(direct.totalNs, 0.5), LoadResult::percentileMs(proxy.totalNs, 0.5));
    }
    m_report.addComparison(phase.name + QStringLiteral(" p99"), QStringLiteral("ms"),
                           LoadResult::percentileMs(direct.totalNs, 0.99), LoadResult::percentileMs(proxy.totalNs, 0.99));
    if (proxy.completed > 0)
        m_report.addFigure(phase.name + QStringLiteral(" CPU"), QStringLiteral("ms/req"), proxy.serverCpuMs / proxy.completed);
}

void BenchDriver::runProbe()
{
    setUpstreamMode(QStringLiteral("slow %1").arg(m_options.probeHoldMs));
    out() << "concurrency probe: " << m_options.probeStreams << " streams held " << m_options.probeHoldMs << " ms ..." << Qt::endl;
    for (const bool direct : {true, false}) {
        const LoadResult result = LoadRun(direct ? m_upstreamPort : m_proxyPort, request(direct, smallBody(true)),
                                          marker, m_options.probeStreams, 0).run();
        const qint64 firstEnd = result.totalNs.isEmpty() ? 0 : *std::min_element(result.totalNs.cbegin(), result.totalNs.cend());
        const auto early = std::count_if(result.firstTokenNs.cbegin(), result.firstTokenNs.cend(),
                                         [firstEnd](qint64 ns) { return ns < firstEnd; });
        QJsonArray firstTokens;
        QList<qint64> sorted = result.firstTokenNs;
        std::sort(sorted.begin(), sorted.end());
        for (const qint64 ns : std::as_const(sorted))
            firstTokens.append(double(ns) / 1e6);
        const QString who = direct ? QStringLiteral("direct") : QStringLiteral("ccbridge");
        m_probe.insert(who, QJsonObject{{QStringLiteral("firstTokenMs"), firstTokens},
                                        {QStringLiteral("firstEndMs"), double(firstEnd) / 1e6},
                                        {QStringLiteral("startedBeforeFirstEnd"), int(early)},
                                        {QStringLiteral("errors"), result.errors}});
        m_report.addNote(QStringLiteral("probe %1: %2 of %3 streams got their first token before the first ended "
                                        "(first tokens %4 .. %5 ms, first end %6 ms)")
                             .arg(who).arg(early).arg(m_options.probeStreams)
                             .arg(sorted.isEmpty() ? 0 : double(sorted.constFirst()) / 1e6, 0, 'f', 1)
                             .arg(sorted.isEmpty() ? 0 : double(sorted.constLast()) / 1e6, 0, 'f', 1)
                             .arg(double(firstEnd) / 1e6, 0, 'f', 1));
    }
}

QJsonObject BenchDriver::machine() const
{
    QString cpu;
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    return {{QStringLiteral("cpu"), cpu},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("placement"), m_placement.description()}};
}

int BenchDriver::run()
{
    if (!startUpstream()) {
        out() << "the scripted upstream did not start" << Qt::endl;
        return 1;
    }
    if (!startProxy())
        return 1;
    const double loadBefore = loadAverage();
    QThread::msleep(1000); // let start-up work settle before the idle figure
    const double rssIdle = m_proxyStats->rssMb();

    QFile file(m_options.dataDir + QStringLiteral("/claude-code/request-print-turn1.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        out() << "cannot read " << file.fileName() << Qt::endl;
        return 1;
    }
    // The captured request streams; here it asks for a whole answer, so that the figure is
    // the cost of carrying the large body.
    QJsonObject captured = QJsonDocument::fromJson(file.readAll()).object();
    captured.insert(QStringLiteral("stream"), false);
    const QByteArray large = QJsonDocument(captured).toJson(QJsonDocument::Compact);

    m_rssSampler.start();
    const QList<Phase> phases{
        {QStringLiteral("small c=1"), QStringLiteral("small"), smallBody(false), 1, false},
        {QStringLiteral("small c=32"), QStringLiteral("small"), smallBody(false), 32, false},
        {QStringLiteral("49 KB Claude Code c=1"), QStringLiteral("small"), large, 1, false},
        {QStringLiteral("49 KB Claude Code c=32"), QStringLiteral("small"), large, 32, false},
        {QStringLiteral("stream 500x16 B c=1"), QStringLiteral("stream 500"), smallBody(true), 1, true},
        {QStringLiteral("stream 500x16 B c=32"), QStringLiteral("stream 500"), smallBody(true), 32, true},
    };
    for (const Phase &phase : phases) {
        if (phase.name.contains(m_options.only))
            runPhase(phase);
    }
    if (QStringLiteral("probe").contains(m_options.only))
        runProbe();
    m_rssSampler.stop();
    QThread::msleep(2000); // the figure after load is taken once the last connections closed
    const double rssAfter = m_proxyStats->rssMb();

    m_report.addFigure(QStringLiteral("RSS idle"), QStringLiteral("MB"), rssIdle);
    m_report.addFigure(QStringLiteral("RSS peak under load"), QStringLiteral("MB"), m_rssPeakMb);
    m_report.addFigure(QStringLiteral("RSS after load"), QStringLiteral("MB"), rssAfter);
    const double loadAfter = loadAverage();
    m_report.addNote(QStringLiteral("large body: %1 bytes; %2 s per figure; load average %3 before, %4 after")
                         .arg(large.size()).arg(m_options.durationMs / 1000.0).arg(loadBefore).arg(loadAfter));
    m_report.addNote(QStringLiteral("cores: ") + m_placement.description());
    out() << Qt::endl << m_report.table() << Qt::flush;

    if (!m_options.jsonPath.isEmpty()) {
        QFile json(m_options.jsonPath);
        if (!json.open(QIODevice::WriteOnly)) {
            out() << "cannot write " << m_options.jsonPath << Qt::endl;
            return 1;
        }
        const QJsonObject document{{QStringLiteral("machine"), machine()},
                                   {QStringLiteral("durationMs"), m_options.durationMs},
                                   {QStringLiteral("largeBodyBytes"), large.size()},
                                   {QStringLiteral("loadAverageBefore"), loadBefore},
                                   {QStringLiteral("loadAverageAfter"), loadAfter},
                                   {QStringLiteral("figures"), m_report.json()},
                                   {QStringLiteral("probe"), m_probe}};
        json.write(QJsonDocument(document).toJson());
        out() << "wrote " << m_options.jsonPath << Qt::endl;
    }
    return 0;
}
