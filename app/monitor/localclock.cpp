#include "localclock.h"

QDateTime LocalClock::now()
{
    // Per thread, so that no lock is needed: each thread looks the offset up once a minute.
    thread_local qint64 offsetValidUntil = 0;
    thread_local int offsetSeconds = 0;
    const qint64 msecs = QDateTime::currentMSecsSinceEpoch();
    if (msecs >= offsetValidUntil) {
        offsetSeconds = QDateTime::fromMSecsSinceEpoch(msecs).offsetFromUtc();
        constexpr qint64 minute = 60 * 1000;
        offsetValidUntil = (msecs / minute + 1) * minute;
    }
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::OffsetFromUTC, offsetSeconds);
}

QDate LocalClock::today()
{
    return now().date();
}
