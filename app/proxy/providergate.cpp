#include "providergate.h"

#include <algorithm>

ProviderGate::ProviderGate(int maxConcurrent, int maxQueued, QObject *parent)
    : QObject(parent)
    , m_maxConcurrent(maxConcurrent)
    , m_maxQueued(maxQueued)
{
}

bool ProviderGate::enter(QObject *owner, std::function<void()> start)
{
    if (m_maxConcurrent <= 0 || m_running < m_maxConcurrent) {
        ++m_running;
        start();
        return true;
    }
    // Requests whose clients left are not counted against the queue's bound.
    m_waiting.removeIf([](const Waiting &waiting) { return waiting.owner.isNull(); });
    if (m_waiting.size() >= m_maxQueued)
        return false;
    m_waiting.enqueue({owner, std::move(start)});
    return true;
}

void ProviderGate::release()
{
    --m_running;
    while (!m_waiting.isEmpty()) {
        Waiting next = m_waiting.dequeue();
        if (next.owner) {
            ++m_running;
            next.start();
            return;
        }
    }
}

int ProviderGate::queued() const
{
    return int(std::count_if(m_waiting.cbegin(), m_waiting.cend(), [](const Waiting &waiting) { return !waiting.owner.isNull(); }));
}
