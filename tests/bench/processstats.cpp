#include "processstats.h"

#include <QFile>
#include <QList>

#include <unistd.h>

double ProcessStats::cpuMs() const
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(m_pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const QByteArray line = file.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble(); // utime, stime
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double ProcessStats::rssMb() const
{
    QFile file(QStringLiteral("/proc/%1/status").arg(m_pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    // Files in /proc report a size of 0: read them whole rather than line by line.
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}
