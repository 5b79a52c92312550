#include "loadrun.h"

#include "loadconnection.h"

#include <QEventLoop>

#include <algorithm>

double LoadResult::percentileMs(QList<qint64> values, double fraction)
{
    if (values.isEmpty())
        return 0;
    const auto index = std::min(values.size() - 1, qsizetype(fraction * double(values.size())));
    std::nth_element(values.begin(), values.begin() + index, values.end());
    return double(values.at(index)) / 1e6;
}

LoadRun::LoadRun(quint16 port, const QByteArray &request, const QByteArray &marker, int concurrency, int durationMs)
    : m_durationMs(durationMs)
{
    for (int i = 0; i < concurrency; ++i) {
        auto *connection = new LoadConnection(port, request, marker, this);
        connect(connection, &LoadConnection::completed, this,
                [this, connection](qint64 firstTokenNs, qint64 totalNs, int status) {
                    onCompleted(connection, firstTokenNs, totalNs, status);
                });
        connect(connection, &LoadConnection::failed, this,
                [this, connection](const QString &message) { onFailed(connection, message); });
        m_connections.append(connection);
    }
}

LoadResult LoadRun::run()
{
    QEventLoop loop;
    m_result = {};
    m_active = int(m_connections.size());
    m_clock.start();
    for (LoadConnection *connection : std::as_const(m_connections))
        connection->send();
    connect(this, &LoadRun::finished, &loop, &QEventLoop::quit);
    if (m_active > 0)
        loop.exec();
    m_result.seconds = double(m_clock.nsecsElapsed()) / 1e9;
    return m_result;
}

void LoadRun::onCompleted(LoadConnection *connection, qint64 firstTokenNs, qint64 totalNs, int status)
{
    if (status >= 400) {
        onFailed(connection, QStringLiteral("HTTP %1").arg(status));
        return;
    }
    ++m_result.completed;
    m_result.totalNs.append(totalNs);
    if (firstTokenNs >= 0)
        m_result.firstTokenNs.append(firstTokenNs);
    next(connection);
}

void LoadRun::onFailed(LoadConnection *connection, const QString &message)
{
    if (m_result.errors++ == 0)
        m_result.firstError = message;
    next(connection);
}

void LoadRun::next(LoadConnection *connection)
{
    if (m_clock.elapsed() < m_durationMs) {
        connection->send();
        return;
    }
    if (--m_active == 0)
        Q_EMIT finished();
}
