#include "coreplacement.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

namespace {

// Pins the calling thread (and what it starts from now on) to cores [first, last].
void pinTo(int first, int last)
{
#ifdef Q_OS_LINUX
    cpu_set_t cores;
    CPU_ZERO(&cores);
    for (int core = first; core <= last; ++core)
        CPU_SET(core, &cores);
    sched_setaffinity(0, sizeof cores, &cores);
#else
    Q_UNUSED(first);
    Q_UNUSED(last);
#endif
}

QString coreRange(int first, int last)
{
    return first == last ? QStringLiteral("core %1").arg(first) : QStringLiteral("cores %1-%2").arg(first).arg(last);
}

} // namespace

CorePlacement::CorePlacement(bool apart)
    : m_cores(QThread::idealThreadCount())
{
#ifdef Q_OS_LINUX
    m_apart = apart && m_cores >= 2;
#else
    Q_UNUSED(apart);
#endif
}

void CorePlacement::enterUpstreamCores() const
{
    if (m_apart)
        pinTo(m_cores - 1, m_cores - 1);
}

void CorePlacement::enterClientCores() const
{
    if (m_apart)
        pinTo(0, m_cores - 2);
}

QString CorePlacement::description() const
{
    if (!m_apart)
        return QStringLiteral("shared (no pinning)");
    return QStringLiteral("apart: upstream on %1, load generator and ccbridge on %2")
        .arg(coreRange(m_cores - 1, m_cores - 1), coreRange(0, m_cores - 2));
}
