#include "gracefulshutdown.h"

#include "proxy/proxyengine.h"

namespace {
constexpr int lastWordsMs = 2'000;
}

GracefulShutdown::GracefulShutdown(std::function<ProxyEngine *()> runningEngine, QObject *parent)
    : QObject(parent)
    , m_runningEngine(std::move(runningEngine))
{
    m_grace.setSingleShot(true);
    m_lastWords.setSingleShot(true);
    m_lastWords.setInterval(lastWordsMs);
    connect(&m_grace, &QTimer::timeout, this, &GracefulShutdown::endTheRest);
    connect(&m_lastWords, &QTimer::timeout, this, [this] { finish(0); });
}

void GracefulShutdown::begin()
{
    if (m_begun)
        return;
    m_begun = true;
    m_engine = m_runningEngine();
    if (!m_engine) {
        finish(0);
        return;
    }
    const int graceMs = m_engine->config().shutdownGraceMs;
    Q_EMIT draining(graceMs);
    connect(m_engine, &ProxyEngine::drained, this, [this] { finish(0); });
    m_grace.start(graceMs);
    m_engine->closeAfterResponses(reason());
}

void GracefulShutdown::onSignal(int signalNumber)
{
    if (m_begun)
        finish(128 + signalNumber);
    else
        begin();
}

void GracefulShutdown::endTheRest()
{
    m_lastWords.start();
    if (m_engine)
        m_engine->closeGracefully(reason());
}

void GracefulShutdown::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_grace.stop();
    m_lastWords.stop();
    Q_EMIT finished(exitCode);
}

QString GracefulShutdown::reason()
{
    return tr("CC Bridge is shutting down.");
}
