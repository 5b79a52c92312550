#pragma once

#include <QObject>

class QSocketNotifier;

// SIGTERM and SIGINT as a Qt signal. A POSIX signal handler may do next to nothing safely, so
// it only writes the signal's number into one end of a socket pair; a QSocketNotifier on the
// other end reads it in the event loop, where received() is emitted and anything may be done.
// The handlers are the process's, so one instance at a time; it gives the previous handlers
// back when it goes. Without POSIX signals (Windows) it does nothing, and Ctrl+C ends the
// process as before.
class ShutdownSignals : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readSignals();

    int m_readEnd = -1;
    int m_writeEnd = -1;
    QSocketNotifier *m_notifier = nullptr;
};
