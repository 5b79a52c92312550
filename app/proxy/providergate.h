#pragma once

#include <QObject>
#include <QPointer>
#include <QQueue>

#include <functional>

// Caps how many requests one provider serves at once; the rest wait in a bounded queue and
// start in arrival order as slots free up. A full queue refuses at once (529 upstream-side
// overload is better than an unbounded pile of waiting clients).
class ProviderGate : public QObject
{
    Q_OBJECT

public:
    // maxConcurrent 0 = no limit.
    ProviderGate(int maxConcurrent, int maxQueued, QObject *parent = nullptr);

    // Runs `start` now or when a slot frees; false (and `start` never runs) when the queue is
    // full. A waiting request whose `owner` is destroyed leaves the queue. Whoever was started
    // must call release() once when done.
    bool enter(QObject *owner, std::function<void()> start);
    void release();

    int running() const { return m_running; }
    int queued() const;

private:
    struct Waiting
    {
        QPointer<QObject> owner;
        std::function<void()> start;
    };

    int m_maxConcurrent;
    int m_maxQueued;
    int m_running = 0;
    QQueue<Waiting> m_waiting;
};
