#include "benchdriver.h"
#include "benchupstream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CC Bridge speed benchmark: the proxy against the upstream directly."));
    parser.addHelpOption();
    const QCommandLineOption serveUpstream(QStringLiteral("serve-upstream"), QStringLiteral("Run only the scripted upstream; print its port."));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Seconds per figure."), QStringLiteral("seconds"), QStringLiteral("5"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Write the figures to this file."), QStringLiteral("path"));
    const QCommandLineOption probeStreams(QStringLiteral("probe-streams"), QStringLiteral("Slow streams in the concurrency probe."), QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption probeHold(QStringLiteral("probe-hold-ms"), QStringLiteral("How long each probe stream lasts."), QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption proxy(QStringLiteral("ccbridge"), QStringLiteral("The ccbridge executable."), QStringLiteral("path"), QStringLiteral(CCBRIDGE_EXECUTABLE));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Run only the figures whose name contains this text (\"stream\", \"probe\")."), QStringLiteral("text"));
    const QCommandLineOption upstreamApart(QStringLiteral("upstream-apart"), QStringLiteral("Give the upstream a core of its own, apart from the load generator and ccbridge."));
    parser.addOptions({serveUpstream, duration, json, probeStreams, probeHold, proxy, only, upstreamApart});
    parser.process(app);

    if (parser.isSet(serveUpstream)) {
        BenchUpstream upstream;
        if (!upstream.listen())
            return 1;
        QTextStream(stdout) << upstream.port() << Qt::endl;
        return app.exec();
    }

    BenchDriver::Options options;
    options.proxyExecutable = parser.value(proxy);
    options.dataDir = QStringLiteral(CCBRIDGE_BENCH_DATA);
    options.jsonPath = parser.value(json);
    options.durationMs = int(parser.value(duration).toDouble() * 1000);
    options.probeStreams = parser.value(probeStreams).toInt();
    options.probeHoldMs = parser.value(probeHold).toInt();
    options.only = parser.value(only);
    options.upstreamApart = parser.isSet(upstreamApart);
    return BenchDriver(options).run();
}
