#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class ProxyEngine;

// How CC Bridge ends, on SIGTERM, SIGINT or the tray's Quit, without cutting what can finish:
// the proxy stops accepting connections and its requests in flight get the configuration's
// shutdownGraceMs to finish; those still running then end with an error saying CC Bridge is
// shutting down (an SSE `error` event in a stream that has begun), and finished(0) follows
// once every connection has closed (or 2 s after the errors were sent: a client that stops
// reading must not keep the process alive). A second signal while that goes on ends it at once, with
// the shell's code for the signal (130 for a second Ctrl+C).
class GracefulShutdown : public QObject
{
    Q_OBJECT

public:
    // `runningEngine` gives the proxy when the shutdown begins (nullptr when none runs).
    explicit GracefulShutdown(std::function<ProxyEngine *()> runningEngine, QObject *parent = nullptr);

    // Begins the shutdown; once it has begun, nothing more.
    void begin();
    // SIGTERM or SIGINT (ShutdownSignals::received): the first begins the shutdown, a second
    // ends it now.
    void onSignal(int signalNumber);
    bool hasBegun() const { return m_begun; }

Q_SIGNALS:
    // Requests in flight get `graceMs` to finish.
    void draining(int graceMs);
    // The process may end now, with `exitCode`.
    void finished(int exitCode);

private:
    void endTheRest();
    void finish(int exitCode);
    static QString reason();

    std::function<ProxyEngine *()> m_runningEngine;
    QPointer<ProxyEngine> m_engine;
    QTimer m_grace;
    QTimer m_lastWords; // after the grace: the errors' time to leave
    bool m_begun = false;
    bool m_finished = false;
};
