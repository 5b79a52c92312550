#pragma once

#include <QtGlobal>

// CPU time and memory of a process, read from Linux's /proc.
class ProcessStats
{
public:
    explicit ProcessStats(qint64 pid) : m_pid(pid) {}

    double cpuMs() const;   // user + system time so far
    double rssMb() const;   // resident set now

private:
    qint64 m_pid;
};
