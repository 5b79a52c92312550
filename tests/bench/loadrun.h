#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

class LoadConnection;

// What one load run measured.
struct LoadResult
{
    int completed = 0;
    int errors = 0;
    double seconds = 0;
    QList<qint64> firstTokenNs; // only for requests where the marker was seen
    QList<qint64> totalNs;
    QString firstError;
    double serverCpuMs = 0; // the proxy's CPU time over the run, filled in by the driver

    double perSecond() const { return seconds > 0 ? completed / seconds : 0; }
    static double percentileMs(QList<qint64> values, double fraction);
};

// `concurrency` connections, each sending the same request again as soon as the previous
// answer ended, until `durationMs` have passed (0: one request per connection, all at once).
class LoadRun : public QObject
{
    Q_OBJECT

public:
    LoadRun(quint16 port, const QByteArray &request, const QByteArray &marker, int concurrency, int durationMs);

    // Runs the load in a local event loop and returns what it measured.
    LoadResult run();

Q_SIGNALS:
    void finished();

private:
    void onCompleted(LoadConnection *connection, qint64 firstTokenNs, qint64 totalNs, int status);
    void onFailed(LoadConnection *connection, const QString &message);
    void next(LoadConnection *connection);

    QList<LoadConnection *> m_connections;
    int m_durationMs;
    int m_active = 0;
    QElapsedTimer m_clock;
    LoadResult m_result;
};
